/*
 * check_secretset.c - the labelled precision set of the secret model
 * (test/data/secrets/, made by gen.py there): every fake secret is
 * reported and no secret-looking non-secret is, first by the model
 * alone, then by whole-project lint in each config hiding place.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_acl.h"
#include "acl/secret.h"
#include "acl/util.h"

#define SET_DIR "test/data/secrets/"

struct row {
    char *place, *name, *value;
    size_t nlen, vlen;
    int line;
};

struct set {
    struct row *rows;
    size_t n, cap;
};

/* Decodes \n \t \r \\ in place; returns the new length. */
static size_t
unescape(char *s, size_t n)
{
    size_t i, o = 0;

    for (i = 0; i < n; i++) {
        char c = s[i];

        if (c == '\\' && i + 1 < n) {
            char e = s[++i];

            c = e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
        }
        s[o++] = c;
    }
    s[o] = '\0';
    return o;
}

static void
load(const char *path, struct set *set)
{
    char *text = acl_test_read(path), *line, *save = NULL;
    int lineno = 0;

    ck_assert_msg(text != NULL, "cannot read %s (run from the repo root)",
                  path);
    for (line = strtok_r(text, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save)) {
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
        struct row *r;

        lineno++;
        if (line[0] == '#')
            continue;
        ck_assert_msg(t2 != NULL, "%s: line without two TABs: %s", path, line);
        *t1 = *t2 = '\0';
        acl_xgrow((void **)&set->rows, &set->cap, set->n + 1,
                  sizeof *set->rows);
        r = &set->rows[set->n++];
        r->place = acl_xstrdup(line);
        r->name = acl_xstrdup(t1 + 1);
        r->nlen = strlen(r->name);
        r->value = acl_xstrdup(t2 + 1);
        r->vlen = unescape(r->value, strlen(r->value));
        r->line = lineno;
    }
    free(text);
}

static void
set_free(struct set *set)
{
    size_t i;

    for (i = 0; i < set->n; i++) {
        free(set->rows[i].place);
        free(set->rows[i].name);
        free(set->rows[i].value);
    }
    free(set->rows);
}

/* The model's verdict on a row, as its place uses the model. */
static int
model_says(const struct row *r)
{
    if (strcmp(r->place, "json") == 0)
        return acl_secret_known(r->value, r->vlen, NULL);
    if (strcmp(r->place, "endpoint") == 0)
        return acl_secret_url_query(r->value, r->vlen, NULL);
    if (strcmp(r->place, "testfile") == 0)
        return acl_secret_check_ctx(r->name, r->nlen, r->value, r->vlen,
                                    ACL_SECRET_CTX_KNOWN_ONLY, NULL);
    return acl_secret_check(r->name, r->nlen, r->value, r->vlen, NULL);
}

static void
check_model(const struct set *set, int want, const char *path)
{
    struct acl_buf bad = {0};
    size_t i, nbad = 0;

    acl_buf_append(&bad, "", 0);
    for (i = 0; i < set->n; i++) {
        const struct row *r = &set->rows[i];

        if (model_says(r) == want)
            continue;
        nbad++;
        acl_buf_printf(&bad, "%s:%d: %s %s %.60s\n", path, r->line, r->place,
                       r->name, r->value);
    }
    if (nbad > 0)
        fprintf(stderr, "%zu misjudged lines:\n%s", nbad, bad.data);
    ck_assert_msg(nbad == 0, "%zu misjudged lines (first: %.200s)", nbad,
                  bad.data);
    acl_buf_free(&bad);
}

START_TEST(model_reports_every_fake)
{
    struct set set = {0};

    load(SET_DIR "fake-secrets.tsv", &set);
    ck_assert_uint_ge(set.n, 150);
    check_model(&set, 1, SET_DIR "fake-secrets.tsv");
    set_free(&set);
}
END_TEST

START_TEST(model_reports_no_lookalike)
{
    struct set set = {0};

    load(SET_DIR "not-secrets.tsv", &set);
    ck_assert_uint_ge(set.n, 400);
    check_model(&set, 0, SET_DIR "not-secrets.tsv");
    set_free(&set);
}
END_TEST

/* ---- whole-project lint per hiding place ---- */

static const char base_json[] =
    "{\"name\":\"Proj\",\"version\":1,\"managedBy\":\"CDK\","
    "\"runtimes\":[],\"memories\":[],\"credentials\":[],"
    "\"agentCoreGateways\":[]}";

static json_t *
runtime(size_t i)
{
    char name[32];

    snprintf(name, sizeof name, "Agent%zu", i);
    return json_pack("{s:s,s:s,s:s,s:s,s:s,s:s,s:s}", "name", name, "build",
                     "CodeZip", "entrypoint", "main.py", "codeLocation",
                     "app/Agent/", "runtimeVersion", "PYTHON_3_12",
                     "networkMode", "PUBLIC", "protocol", "HTTP");
}

static json_t *
oauth_connection(const struct row *r)
{
    json_t *params = json_object();

    json_object_setn_new_nocheck(params, r->name, r->nlen,
                                 json_stringn(r->value, r->vlen));
    return json_pack(
        "{s:{s:s,s:s,s:{s:{s:s,s:[s],s:o}}}}", "to", "type", "gateway", "arn",
        "arn:aws:bedrock-agentcore:us-east-1:123456789012:gateway/gw-1",
        "outboundAuth", "oauth", "providerArn", "arn:provider", "scopes",
        "tools", "customParameters", params);
}

/* Puts row i of place into the project document (or .env text). */
#define DOTENV_ROWS 50
#define DOTENV_FILES 20

static void
place_row(json_t *doc, struct acl_buf *dotenv, const struct row *r, size_t i)
{
    json_t *rt0 = json_array_get(json_object_get(doc, "runtimes"), 0);

    if (strcmp(r->place, "env") == 0) {
        json_array_append_new(json_object_get(rt0, "envVars"),
                              json_pack("{s:s%,s:s%}", "name", r->name, r->nlen,
                                        "value", r->value, r->vlen));
    } else if (strcmp(r->place, "arg") == 0) {
        json_t *rt = runtime(i + 1), *args = json_object();

        json_object_setn_new_nocheck(args, r->name, r->nlen,
                                     json_stringn(r->value, r->vlen));
        json_object_set_new(rt, "customDockerBuildArgs", args);
        json_array_append_new(json_object_get(doc, "runtimes"), rt);
    } else if (strcmp(r->place, "param") == 0) {
        json_array_append_new(json_object_get(rt0, "connections"),
                              oauth_connection(r));
    } else if (strcmp(r->place, "json") == 0) {
        char k[32];

        snprintf(k, sizeof k, "k%zu", i);
        json_object_set_new(json_object_get(doc, "tags"), k,
                            json_stringn(r->value, r->vlen));
    } else if (strcmp(r->place, "endpoint") == 0) {
        char name[32];

        snprintf(name, sizeof name, "t%zu", i);
        json_array_append_new(
            json_object_get(
                json_array_get(json_object_get(doc, "agentCoreGateways"), 0),
                "targets"),
            json_pack("{s:s,s:s,s:s%}", "name", name, "targetType", "mcpServer",
                      "endpoint", r->value, r->vlen));
    } else if (strcmp(r->place, "dotenv") == 0) {
        /* DOTENV_ROWS lines a file: AC014 reports at most 100 a file. */
        acl_buf_printf(&dotenv[i / DOTENV_ROWS], "%s=\"%.*s\"\n", r->name,
                       (int)r->vlen, r->value);
    }
}

static json_t *
new_doc(void)
{
    json_t *doc = json_loads(base_json, 0, NULL), *rt = runtime(0);

    json_object_set_new(rt, "envVars", json_array());
    json_object_set_new(rt, "connections", json_array());
    json_array_append_new(json_object_get(doc, "runtimes"), rt);
    json_object_set_new(doc, "tags", json_object());
    json_array_append_new(json_object_get(doc, "agentCoreGateways"),
                          json_pack("{s:s,s:s,s:[],s:s}", "name", "gw",
                                    "protocolType", "MCP", "targets",
                                    "authorizerType", "AWS_IAM"));
    return doc;
}

/* Which row a finding is about: its index among the place's rows. */
static long
finding_row(json_t *f, const char *place)
{
    const char *ptr = acl_test_jstr(f, "pointer");
    long at = -1;

    if (strcmp(place, "dotenv") == 0) {
        const char *file = strrchr(acl_test_jstr(f, "file"), '/');
        long k = -1;

        if (file == NULL || sscanf(file, "/.env.c%ld", &k) != 1)
            return -1;
        return k * DOTENV_ROWS +
               (long)json_integer_value(json_object_get(f, "line")) - 1;
    }
    if (strcmp(place, "env") == 0)
        sscanf(ptr, "/runtimes/0/envVars/%ld/", &at);
    else if (strcmp(place, "arg") == 0 &&
             sscanf(ptr, "/runtimes/%ld/", &at) == 1)
        at--;
    else if (strcmp(place, "param") == 0)
        sscanf(ptr, "/runtimes/0/connections/%ld/", &at);
    else if (strcmp(place, "json") == 0)
        sscanf(ptr, "/tags/k%ld", &at);
    else if (strcmp(place, "endpoint") == 0)
        sscanf(ptr, "/agentCoreGateways/0/targets/%ld/", &at);
    return at;
}

/* The rule that must report a row of place ("endpoint": AC002). */
static const char *
place_rule(const char *place)
{
    if (strcmp(place, "endpoint") == 0)
        return "AC002";
    if (strcmp(place, "env") == 0 || strcmp(place, "arg") == 0)
        return "AC003";
    return "AC014";
}

/* Lints the rows of one place in one project; marks reported rows. */
static void
lint_place(const struct set *set, const char *place, char *hit, size_t *idx,
           size_t n)
{
    char tmpl[] = "/tmp/acl-secretset-XXXXXX", *out, *text;
    json_t *doc = new_doc(), *res, *fs, *f;
    struct acl_buf dotenv[DOTENV_FILES];
    char *argv[] = {"agentcore-lint",
                    ".",
                    "--format",
                    "json",
                    "--no-config",
                    "--select",
                    "AC014",
                    "--select",
                    (char *)place_rule(place),
                    NULL};
    size_t i;
    int rc;

    ck_assert_ptr_nonnull(mkdtemp(tmpl));
    ck_assert_uint_le(n, DOTENV_ROWS * DOTENV_FILES);
    memset(dotenv, 0, sizeof dotenv);
    for (i = 0; i < n; i++)
        place_row(doc, dotenv, &set->rows[idx[i]], i);
    text = json_dumps(doc, JSON_INDENT(1));
    acl_test_mkdir(tmpl, "agentcore");
    acl_test_mkdir(tmpl, "app");
    acl_test_mkdir(tmpl, "app/Agent");
    acl_test_put(tmpl, "agentcore/agentcore.json", text);
    acl_test_put(tmpl, "app/Agent/main.py", "print('hi')\n");
    for (i = 0; i < DOTENV_FILES && dotenv[i].data != NULL; i++) {
        char *rel = acl_xasprintf("app/Agent/.env.c%zu", i);

        acl_test_put(tmpl, rel, dotenv[i].data);
        free(rel);
    }
    out = acl_test_run_cli(tmpl, argv, &rc);
    res = json_loads(out, 0, NULL);
    ck_assert_msg(res != NULL,
                  "%s: exit %d, output is not JSON: %.200s (in %s)", place, rc,
                  out, tmpl);
    fs = json_object_get(res, "findings");
    json_array_foreach (fs, i, f) {
        long at = finding_row(f, place);
        int right = strcmp(acl_test_jstr(f, "rule"), place_rule(place)) == 0;

        ck_assert_msg(at >= 0 && (size_t)at < n,
                      "%s: finding not at a row: "
                      "%s %s",
                      place, acl_test_jstr(f, "rule"),
                      acl_test_jstr(f, "pointer"));
        hit[idx[at]] |= right ? 1 : 2; /* 2: another rule */
    }
    json_decref(res);
    json_decref(doc);
    free(text);
    free(out);
    for (i = 0; i < DOTENV_FILES; i++)
        acl_buf_free(&dotenv[i]);
    {
        char *cmd = acl_xasprintf("rm -rf '%s'", tmpl);

        ck_assert_int_eq(system(cmd), 0);
        free(cmd);
    }
}

static const char *const places[] = {"env",  "arg",      "param",
                                     "json", "endpoint", "dotenv"};

static void
check_lint(const char *path, int want)
{
    struct set set = {0};
    struct acl_buf bad = {0};
    size_t p, i, nbad = 0, linted = 0;
    char *hit;

    load(path, &set);
    hit = acl_xcalloc(set.n + 1, 1);
    acl_buf_append(&bad, "", 0);
    for (p = 0; p < ACL_ARRAY_LEN(places); p++) {
        size_t *idx = acl_xcalloc(set.n + 1, sizeof *idx), n = 0;

        for (i = 0; i < set.n; i++)
            if (strcmp(set.rows[i].place, places[p]) == 0)
                idx[n++] = i;
        if (n > 0)
            lint_place(&set, places[p], hit, idx, n);
        linted += n;
        free(idx);
    }
    for (i = 0; i < set.n; i++) {
        const struct row *r = &set.rows[i];
        int placed = 0;

        for (p = 0; p < ACL_ARRAY_LEN(places); p++)
            placed |= strcmp(r->place, places[p]) == 0;
        if (!placed || hit[i] == (want ? 1 : 0))
            continue;
        nbad++;
        acl_buf_printf(&bad, "%s:%d: %s %s %.60s (%s)\n", path, r->line,
                       r->place, r->name, r->value,
                       hit[i] & 2 ? "another rule"
                       : want     ? "missed"
                                  : "reported");
    }
    if (nbad > 0)
        fprintf(stderr, "%zu misjudged lines in lint:\n%s", nbad, bad.data);
    ck_assert_uint_ge(linted, 100);
    ck_assert_msg(nbad == 0, "%zu lines misjudged by lint (first: %.200s)",
                  nbad, bad.data);
    acl_buf_free(&bad);
    free(hit);
    set_free(&set);
}

START_TEST(lint_reports_every_fake)
{
    check_lint(SET_DIR "fake-secrets.tsv", 1);
}
END_TEST

START_TEST(lint_reports_no_lookalike)
{
    check_lint(SET_DIR "not-secrets.tsv", 0);
}
END_TEST

Suite *
acl_suite_secretset(void)
{
    Suite *s = suite_create("secretset");
    TCase *tc = tcase_create("set");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, model_reports_every_fake);
    tcase_add_test(tc, model_reports_no_lookalike);
    tcase_add_test(tc, lint_reports_every_fake);
    tcase_add_test(tc, lint_reports_no_lookalike);
    suite_add_tcase(s, tc);
    return s;
}
