/*
 * AC014 hardcoded-secret - a credential written into a project file.
 *
 * Flags: a known-format secret (spec/rules.md, "Secret values") in any
 * string value of the project's JSON files (agentcore.json,
 * aws-targets.json, deployed-state.json, every harness.json) or of a
 * file a target references (toolSchemaFile, schemaSource.inline.path;
 * a file that is not JSON, such as an OpenAPI YAML document, is
 * scanned as text). One finding per string.
 * Does not flag: the values AC003 checks (runtime envVars values,
 * customDockerBuildArgs, harness environmentVariables, remote MCP
 * headers), so that one secret is reported once; member names;
 * secret-looking names with unknown-format values (only AC003 and
 * AC017 weigh names); referenced files that cannot be read (AC009).
 */
#include <stdlib.h>
#include <string.h>

#include "acl/lookup.h"
#include "acl/ref.h"
#include "acl/rule.h"
#include "acl/secret.h"
#include "acl/secret_msg.h"

/* More findings than this in one non-JSON file are not reported. */
#define MAX_TEXT_FINDINGS 100

struct scan {
    struct acl_check *c;
    json_t **skip; /* AC003's values, sorted by address */
    size_t nskip, cap;
};

static void
add_skip(struct scan *s, json_t *v)
{
    if (v == NULL)
        return;
    acl_xgrow((void **)&s->skip, &s->cap, s->nskip + 1, sizeof *s->skip);
    s->skip[s->nskip++] = v;
}

static void
add_kv_skips(struct scan *s, const struct acl_kv *kv, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        add_skip(s, kv[i].node.json);
}

static int
cmp_ptr(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;

    return (x > y) - (x < y);
}

/* The values AC003 owns. */
static void
collect_skips(struct scan *s, const struct acl_project *p)
{
    size_t i, k;

    for (i = 0; i < p->nruntimes; i++) {
        const struct acl_runtime *r = &p->runtimes[i];

        for (k = 0; k < r->nenvvars; k++)
            add_skip(s, json_object_get(r->envvars[k].node.json, "value"));
        add_kv_skips(s, r->build_args, r->nbuild_args);
    }
    for (i = 0; i < p->nharnesses; i++) {
        const struct acl_harness *h = &p->harnesses[i];

        add_kv_skips(s, h->env, h->nenv);
        for (k = 0; k < h->ntools; k++)
            add_kv_skips(s, h->tools[k].headers, h->tools[k].nheaders);
    }
    if (s->nskip > 1)
        qsort(s->skip, s->nskip, sizeof *s->skip, cmp_ptr);
}

static void
on_string(const struct acl_node *n, const char *str, size_t len, void *arg)
{
    struct scan *s = arg;
    struct acl_secret_match m;
    struct acl_finding *f;
    json_t *key = n->json;
    char *phrase;

    if (s->nskip > 0 &&
        bsearch(&key, s->skip, s->nskip, sizeof *s->skip, cmp_ptr) != NULL)
        return;
    if (!acl_secret_known(str, len, &m))
        return;
    phrase = acl_secret_phrase(&m, str, len);
    f = acl_report(s->c, ACL_ERROR, n, NULL,
                   "this string holds %s in plain text, readable by anyone "
                   "who can read the project", phrase);
    f->secret = 1;
    free(phrase);
}

/* A referenced file that is not JSON: every match in its text. */
static void
scan_text(struct acl_check *c, const struct acl_text *t)
{
    struct acl_secret_match m;
    size_t off = 0, found = 0;

    while (off < t->len && found < MAX_TEXT_FINDINGS &&
           acl_secret_known(t->data + off, t->len - off, &m)) {
        size_t s = off + m.start, e = off + m.end;
        char *phrase = acl_secret_phrase(&m, t->data + off, t->len - off);
        struct acl_span sp;
        struct acl_finding *f;

        acl_secret_widen(t->data, t->len, &s, &e);
        sp.start = (uint32_t)s;
        sp.end = (uint32_t)e;
        f = acl_report_span(c, ACL_ERROR, t, sp, NULL,
                            "this file holds %s in plain text, readable by "
                            "anyone who can read the project", phrase);
        f->secret = 1;
        free(phrase);
        off = e > off ? e : off + 1;
        found++;
    }
}

/* Scans a referenced file once: seen holds the paths of the project
 * files and of the references scanned so far (a set, so that 32,000
 * tool files are not each compared with all the others). */
static void
scan_ref(struct scan *s, const char *rel, json_t *seen)
{
    const struct acl_project *p = s->c->project;
    const struct acl_doc *doc;

    if (rel == NULL || acl_ref_json(p, rel, &doc) != ACL_REF_OK ||
        doc == NULL || json_object_get(seen, doc->text->path) != NULL)
        return;
    json_object_set_new_nocheck(seen, doc->text->path, json_true());
    if (doc->root != NULL)
        acl_doc_walk_strings(doc, on_string, s);
    else
        scan_text(s->c, doc->text);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    struct scan s = {c, NULL, 0, 0};
    json_t *seen = json_object();
    size_t i, n = acl_targets_count(p);

    collect_skips(&s, p);
    for (i = 0; i < p->ndocs; i++) {
        acl_doc_walk_strings(p->docs[i].doc, on_string, &s);
        json_object_set_new_nocheck(seen, p->docs[i].doc->text->path,
                                    json_true());
    }
    for (i = 0; i < n; i++) {
        const struct acl_target *t = acl_targets_at(p, i);

        scan_ref(&s, t->tool_schema_file, seen);
        scan_ref(&s, t->inline_schema_path, seen);
    }
    json_decref(seen);
    free(s.skip);
}

const struct acl_rule acl_rule_hardcoded_secret = {
    .id = "AC014",
    .name = "hardcoded-secret",
    .level = ACL_ERROR,
    .flags = ACL_RULE_SECURITY,
    .summary = "a credential is written into a project file",
    .description =
        "A string in agentcore.json, aws-targets.json, deployed-state.json, "
        "a harness.json or a tool or schema file that a target references "
        "has the format of a real credential: an AWS access key ID, an "
        "Amazon Bedrock, OpenAI, Anthropic, Google, Stripe, GitHub or Slack "
        "key or token, a private key, a signed JWT, or a URL with a "
        "password. These files are committed and shared; anyone who can "
        "read the repository can use the credential. Environment "
        "variables, build arguments and headers are AC003's.",
    .help = "revoke the credential, then keep it out of the project: "
            "register it with \"agentcore add credential\" and reference it "
            "by name (outboundAuth.credentialName)",
    .example = "Fails:  \"endpoint\": "
               "\"https://bot:s3cr3tPa55@tools.internal.test/mcp\"\n"
               "Passes: \"endpoint\": \"https://tools.internal.test/mcp\" "
               "with \"outboundAuth\": { \"type\": \"OAUTH\", "
               "\"credentialName\": \"tools-oauth\" }",
    .precision = "high",
    .security_severity = "9.0",
    .init = acl_secret_init,
    .fini = acl_secret_fini,
    .check = check,
};
