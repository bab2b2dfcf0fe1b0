/*
 * out_sarif.c - the SARIF 2.1.0 log: one run with the tool and every
 * rule that ran, the artifacts, the results (sarif_result.c) and the
 * invocation. The same input gives the same bytes: no timestamps, and
 * objects keep their insertion order.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acl/engine.h"
#include "report/jsonout.h"
#include "acl/rule.h"
#include "acl/rules_doc.h"
#include "report/sarif.h"
#include "acl/version.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static long
registry_index(const struct acl_rule *r)
{
    size_t i;

    for (i = 0; i < acl_rules_count(); i++)
        if (acl_rules_at(i) == r)
            return (long)i;
    return -1;
}

long
acl_sarif_rule_index(const struct acl_sarif *s, const struct acl_rule *r)
{
    long k = registry_index(r);

    return k < 0 ? -1 : s->rule_index[k];
}

static json_t *
help_markdown(const struct acl_rule *r)
{
    struct acl_buf b = {0};
    json_t *j;

    acl_md_rule_help(&b, r);
    j = acl_sarif_str(b.data);
    acl_buf_free(&b);
    return j;
}

/* "a gateway has no inbound authentication" -> "A gateway has no
 * inbound authentication.": SARIF viewers show it as a title. */
static json_t *
text_sentence(const char *s)
{
    char *t = acl_rule_sentence(s);
    json_t *j = json_pack("{s:s}", "text", t);

    free(t);
    return j;
}

/* The security-severity code scanning gets for rule r whose results in
 * this log are at most level lv (its configured level when it has
 * none). GitHub maps the score to critical (over 9.0), high (7.0 to
 * 8.9), medium (4.0 to 6.9) and low (0.1 to 3.9), and by default fails
 * a pull request's check on high or critical. A finding that does not
 * fail the run here (below --fail-on) must not fail it there: its
 * score is capped at medium (warnings, errors under --fail-on none) or
 * low (notes). A new string the caller frees, or NULL for none. */
static char *
security_severity(const struct acl_rule *r, enum acl_level lv,
                  enum acl_level fail_on)
{
    double score, cap;

    if (!(r->flags & ACL_RULE_SECURITY) || r->security_severity == NULL)
        return NULL;
    score = strtod(r->security_severity, NULL);
    if (fail_on == ACL_LEVEL_NONE || lv < fail_on) {
        cap = lv == ACL_NOTE ? 3.9 : 6.9;
        if (score > cap)
            score = cap;
    }
    return acl_xasprintf("%.1f", score);
}

static json_t *
rule_properties(const struct acl_rule *r, enum acl_level lv,
                enum acl_level fail_on)
{
    int sec = (r->flags & ACL_RULE_SECURITY) != 0;
    json_t *p = json_object();
    char *score = security_severity(r, lv, fail_on);

    json_object_set_new(p, "tags",
                        json_pack("[s]", sec ? "security" : "correctness"));
    if (r->precision != NULL)
        json_object_set_new(p, "precision", json_string(r->precision));
    if (score != NULL)
        json_object_set_new(p, "security-severity", json_string(score));
    free(score);
    return p;
}

/* lv: the highest level of the rule's results that are not accepted,
 * or ACL_LEVEL_NONE when it has none. */
static json_t *
rule_json(const struct acl_rule *r, const struct acl_rule_conf *conf,
          enum acl_level top, enum acl_level fail_on)
{
    json_t *o = json_object();
    enum acl_level lv = conf->level != ACL_LEVEL_NONE ? conf->level : r->level;
    char *uri = acl_md_rule_uri(r);
    char *help = acl_rule_sentence(r->help);

    json_object_set_new(o, "id", json_string(r->id));
    json_object_set_new(o, "name", json_string(r->name));
    json_object_set_new(o, "shortDescription", text_sentence(r->summary));
    json_object_set_new(o, "fullDescription",
                        json_pack("{s:s}", "text", r->description));
    json_object_set_new(
        o, "help",
        json_pack("{s:s, s:o}", "text", help, "markdown", help_markdown(r)));
    json_object_set_new(o, "helpUri", json_string(uri));
    json_object_set_new(o, "defaultConfiguration",
                        json_pack("{s:s}", "level", acl_level_name(lv)));
    json_object_set_new(
        o, "properties",
        rule_properties(r, top != ACL_LEVEL_NONE ? top : lv, fail_on));
    free(uri);
    free(help);
    return o;
}

/* tool.driver.rules: every rule that ran, and any rule a finding names
 * (so every ruleIndex resolves). Fills s->rule_index. */
static json_t *
driver_rules(struct acl_sarif *s)
{
    size_t n = acl_rules_count(), i;
    json_t *arr = json_array();
    /* Per rule: 1 + the highest level of its open results, 1 when it
     * has only accepted ones, 0 when none. */
    int *used = acl_xcalloc(n + 1, sizeof *used);

    for (i = 0; i < s->ctx->findings->n; i++) {
        const struct acl_finding *f = s->ctx->findings->items[i];
        long k = registry_index(f->rule);
        int v = acl_finding_accepted(f) ? 1 : 1 + (int)f->level;

        if (k >= 0 && v > used[k])
            used[k] = v;
    }
    s->rule_index = acl_xcalloc(n + 1, sizeof *s->rule_index);
    for (i = 0; i < n; i++) {
        s->rule_index[i] = -1;
        if (!used[i] && !s->ctx->confs[i].enabled)
            continue;
        s->rule_index[i] = (long)json_array_size(arr);
        json_array_append_new(arr, rule_json(acl_rules_at(i), &s->ctx->confs[i],
                                             used[i] > 1
                                                 ? (enum acl_level)(used[i] - 1)
                                                 : ACL_LEVEL_NONE,
                                             s->ctx->fail_on));
    }
    free(used);
    return arr;
}

static json_t *
tool_json(struct acl_sarif *s)
{
    json_t *driver = json_object();

    json_object_set_new(driver, "name", json_string(ACL_NAME));
    json_object_set_new(driver, "version", json_string(ACL_VERSION));
    json_object_set_new(driver, "semanticVersion", json_string(ACL_VERSION));
    json_object_set_new(driver, "informationUri", json_string(ACL_URI));
    json_object_set_new(driver, "rules", driver_rules(s));
    return json_pack("{s:o}", "driver", driver);
}

static int
cmp_unsigned(const void *a, const void *b)
{
    unsigned x = *(const unsigned *)a, y = *(const unsigned *)b;

    return x < y ? -1 : x > y;
}

/* Registers every finding's file and computes GitHub's line hash of
 * each line a result starts on, one pass over each file. */
static void
collect_artifacts(struct acl_sarif *s)
{
    size_t i, j, k;

    for (i = 0; i < s->ctx->findings->n; i++) {
        const struct acl_finding *f = s->ctx->findings->items[i];
        size_t k_art = acl_sarif_art_of(s, f->file);
        struct acl_sarif_art *a = &s->arts[k_art];

        acl_xgrow((void **)&a->lines, &a->cap, a->nlines + 1, sizeof *a->lines);
        a->lines[a->nlines++] = f->start.line;
    }
    for (i = 0; i < s->narts; i++) {
        struct acl_sarif_art *a = &s->arts[i];

        qsort(a->lines, a->nlines, sizeof *a->lines, cmp_unsigned);
        for (j = k = 0; j < a->nlines; j++)
            if (k == 0 || a->lines[k - 1] != a->lines[j])
                a->lines[k++] = a->lines[j];
        a->nlines = k;
        a->hashes = acl_xcalloc(k + 1, sizeof *a->hashes);
        acl_line_hashes(a->file->data, a->file->len, a->lines, k, a->hashes);
    }
}

static json_t *
artifacts_json(const struct acl_sarif *s)
{
    json_t *arr = json_array();
    size_t i;

    for (i = 0; i < s->narts; i++) {
        const char *disp = s->arts[i].file->display;
        char *uri = acl_sarif_uri(disp);
        json_t *loc = json_pack("{s:o}", "uri", acl_sarif_str(uri));

        if (disp[0] != '/')
            json_object_set_new(loc, "uriBaseId", json_string("SRCROOT"));
        json_array_append_new(arr, json_pack("{s:o, s:I, s:[s]}", "location",
                                             loc, "length",
                                             (json_int_t)s->arts[i].file->len,
                                             "roles", "analysisTarget"));
        free(uri);
    }
    return arr;
}

static json_t *
notification(const struct acl_notice *n)
{
    json_t *o = json_pack("{s:s}", "level", "warning");
    char *text = acl_xasprintf("%s: %s", n->file ? n->file : "",
                               n->text ? n->text : "cannot be read");

    json_object_set_new(o, "message",
                        json_pack("{s:o}", "text", acl_sarif_str(text)));
    if (n->file != NULL && n->file[0] != '\0') {
        char *uri = acl_sarif_uri(n->file);
        json_t *art = json_pack("{s:o}", "uri", acl_sarif_str(uri));

        if (n->file[0] != '/')
            json_object_set_new(art, "uriBaseId", json_string("SRCROOT"));
        json_object_set_new(o, "locations",
                            json_pack("[{s:{s:o}}]", "physicalLocation",
                                      "artifactLocation", art));
        free(uri);
    }
    free(text);
    return o;
}

static json_t *
invocation(const struct acl_sarif *s)
{
    json_t *inv = json_pack("{s:b}", "executionSuccessful", 1);
    json_t *notes = json_array();
    size_t i;

    for (i = 0; i < s->ctx->nnotices; i++)
        json_array_append_new(notes, notification(&s->ctx->notices[i]));
    json_object_set_new(inv, "toolExecutionNotifications", notes);
    return json_pack("[o]", inv);
}

/* %SRCROOT% is the current folder, which relative paths start from. */
static json_t *
uri_base_ids(void)
{
    char cwd[PATH_MAX], *uri;
    json_t *o;

    if (getcwd(cwd, sizeof cwd) == NULL)
        strcpy(cwd, "/");
    uri = acl_sarif_uri(cwd);
    if (uri[strlen(uri) - 1] != '/') {
        char *t = acl_xasprintf("%s/", uri);

        free(uri);
        uri = t;
    }
    o = json_pack("{s:{s:o}}", "SRCROOT", "uri", acl_sarif_str(uri));
    free(uri);
    return o;
}

static void
sarif_free(struct acl_sarif *s)
{
    size_t i;

    for (i = 0; i < s->narts; i++) {
        free(s->arts[i].lines);
        free(s->arts[i].hashes);
    }
    free(s->arts);
    free(s->art_slots);
    free(s->rule_index);
}

int
acl_report_sarif(const struct acl_report_ctx *ctx)
{
    struct acl_sarif s;
    json_t *log = json_object(), *run = json_object(), *results = json_array();
    struct acl_json_stream st = {results, acl_sarif_result_at, &s};
    int rc;

    memset(&s, 0, sizeof s);
    s.ctx = ctx;
    json_object_set_new(log, "$schema", json_string(SARIF_SCHEMA));
    json_object_set_new(log, "version", json_string("2.1.0"));
    json_object_set_new(run, "tool", tool_json(&s));
    json_object_set_new(run, "invocations", invocation(&s));
    json_object_set_new(run, "originalUriBaseIds", uri_base_ids());
    collect_artifacts(&s);
    json_object_set_new(run, "artifacts", artifacts_json(&s));
    json_object_set_new(run, "results", results);
    json_object_set_new(run, "columnKind", json_string("utf16CodeUnits"));
    json_object_set_new(log, "runs", json_pack("[o]", run));
    rc = acl_json_dumpf_stream(log, ctx->out, &st);
    fputc('\n', ctx->out);
    json_decref(log);
    sarif_free(&s);
    return rc;
}

int
acl_report_sarif_failed(FILE *out, const char *why)
{
    json_t *driver = json_pack("{s:s, s:s, s:s, s:s, s:[]}", "name", ACL_NAME,
                               "version", ACL_VERSION, "semanticVersion",
                               ACL_VERSION, "informationUri", ACL_URI, "rules");
    json_t *note = json_pack("{s:s, s:{s:o}}", "level", "error", "message",
                             "text", acl_sarif_str(why));
    json_t *inv = json_pack("{s:b, s:i, s:[o]}", "executionSuccessful", 0,
                            "exitCode", 2, "toolExecutionNotifications", note);
    json_t *run = json_pack("{s:{s:o}, s:[o], s:[]}", "tool", "driver", driver,
                            "invocations", inv, "results");
    json_t *log = json_pack("{s:s, s:s, s:[o]}", "$schema", SARIF_SCHEMA,
                            "version", "2.1.0", "runs", run);
    int rc = acl_json_dumpf(log, out);

    fputc('\n', out);
    json_decref(log);
    return rc != 0 || fflush(out) != 0 || ferror(out) ? -1 : 0;
}
