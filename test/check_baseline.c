/*
 * check_baseline.c - --baseline: reading SARIF logs (and refusing what
 * is not one), marking findings new or unchanged, and fingerprints that
 * survive edits elsewhere in the file: moved lines, inserted and
 * reordered gateways and targets.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/baseline.h"
#include "acl/engine.h"
#include "acl/rule.h"
#include "check_acl.h"

static struct acl_baseline *
parse(const char *text, struct acl_error *err)
{
    return acl_baseline_parse("base.sarif", text, strlen(text), err);
}

static const struct {
    const char *text, *error;
} not_sarif[] = {
    {"{\"runs\": [", "base.sarif: the baseline is not valid JSON (line 1"},
    {"[]", "base.sarif: the baseline is not a SARIF log (not a JSON object)"},
    {"{\"version\": 1, \"findings\": []}",
     "base.sarif: the baseline is not a SARIF 2.1.0 log"},
    {"{\"version\": \"2.1.0\"}",
     "base.sarif: the baseline is not a SARIF log (no \"runs\" array)"},
    {"{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}",
     "base.sarif: the baseline is not a SARIF log (a run without \"tool\""},
    {"{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {}, \"results\": {}}]}",
     "base.sarif: the baseline is not a SARIF log (a run without \"tool\""},
};

START_TEST(refuses_what_is_not_sarif)
{
    struct acl_error err;
    struct acl_baseline *b = parse(not_sarif[_i].text, &err);

    ck_assert_ptr_null(b);
    ck_assert_msg(strncmp(err.text, not_sarif[_i].error,
                          strlen(not_sarif[_i].error)) == 0,
                  "got: %s", err.text);
}
END_TEST

START_TEST(unreadable_file)
{
    struct acl_error err;

    ck_assert_ptr_null(
        acl_baseline_load("/nonexistent/b.sarif", 1 << 20, &err));
    ck_assert_str_eq(err.text, "/nonexistent/b.sarif: cannot read the "
                               "baseline (no such file)");
    ck_assert_ptr_null(acl_baseline_load("test", 1 << 20, &err));
    ck_assert_str_eq(err.text, "test: cannot read the baseline (not a "
                               "regular file)");
}
END_TEST

static const char log_text[] =
    "{\"version\": \"2.1.0\", \"runs\": ["
    " {\"tool\": {\"driver\": {\"name\": \"agentcore-lint\"}}, \"results\": ["
    "  {\"ruleId\": \"AC001\", \"partialFingerprints\": "
    "   {\"agentcoreLint/v1\": \"00000000000000aa\", "
    "    \"primaryLocationLineHash\": \"x:1\"}},"
    "  {\"ruleId\": \"AC001\", \"partialFingerprints\": {\"other/v1\": \"bb\"}},"
    "  {\"ruleId\": \"AC001\"}]},"
    " {\"tool\": {\"driver\": {\"name\": \"other\"}}},"
    " {\"tool\": {}, \"results\": [{\"partialFingerprints\": "
    "   {\"agentcoreLint/v1\": \"00000000000000cc\"}}]}]}";

START_TEST(marks_new_and_unchanged)
{
    struct acl_error err;
    struct acl_baseline *b = parse(log_text, &err);
    struct acl_findings l = {0};
    const char *prints[] = {"00000000000000cc", "00000000000000bb", NULL,
                            "00000000000000aa"};
    size_t i;

    ck_assert_msg(b != NULL, "%s", err.text);
    ck_assert_uint_eq(acl_baseline_size(b), 2);
    for (i = 0; i < 4; i++) {
        struct acl_finding *f = acl_findings_add(&l);

        f->fingerprint = prints[i] ? acl_xstrdup(prints[i]) : NULL;
    }
    acl_baseline_mark(b, &l);
    ck_assert_int_eq(l.items[0]->baseline, ACL_BASELINE_UNCHANGED);
    ck_assert_int_eq(l.items[1]->baseline, ACL_BASELINE_NEW);
    ck_assert_int_eq(l.items[2]->baseline, ACL_BASELINE_NEW);
    ck_assert_int_eq(l.items[3]->baseline, ACL_BASELINE_UNCHANGED);
    acl_findings_clear(&l);
    acl_baseline_free(b);
    acl_baseline_free(NULL);
}
END_TEST

/* Our own file: its fingerprints are read; another version is
 * refused with a hint. */
START_TEST(reads_own_file)
{
    struct acl_error err;
    struct acl_baseline *b = parse(
        "{\"agentcoreLintBaseline\": 1, \"findings\": ["
        " {\"file\": \"a.json\", \"rule\": \"AC001\", \"fingerprint\": \"aa\"},"
        " {\"file\": \"a.json\", \"rule\": \"AC001\"}]}",
        &err);

    ck_assert_msg(b != NULL, "%s", err.text);
    ck_assert_uint_eq(acl_baseline_size(b), 1);
    acl_baseline_free(b);
    ck_assert_ptr_null(
        parse("{\"agentcoreLintBaseline\": 2, \"findings\": []}", &err));
    ck_assert_str_eq(err.text, "base.sarif: the baseline is not of version 1 "
                               "or has no \"findings\" array; write it again "
                               "with --write-baseline");
}
END_TEST

/* --write-baseline: sorted, without duplicates or config-ignored
 * findings, files relative to the baseline's folder; read back. */
START_TEST(writes_small_sorted_file)
{
    char dir[] = "/tmp/acl-bl-XXXXXX", *sub, *file, *bl, *text;
    struct acl_text *t;
    struct acl_findings l = {0};
    const char *prints[] = {"bb", "aa", "aa", "cc"};
    struct acl_baseline *b;
    struct acl_error err;
    size_t i;
    FILE *f;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    sub = acl_xasprintf("%s/x", dir);
    file = acl_xasprintf("%s/a.json", sub);
    bl = acl_xasprintf("%s/bl.json", dir);
    ck_assert_int_eq(mkdir(sub, 0700), 0);
    ck_assert_ptr_nonnull(f = fopen(file, "w"));
    fclose(f);
    t = acl_text_new("a.json", file, acl_xstrdup("[]"), 2);
    for (i = 0; i < 4; i++) {
        struct acl_finding *fd = acl_findings_add(&l);

        fd->rule = acl_rules_at((size_t)acl_rules_find("AC001"));
        fd->file = t;
        fd->fingerprint = acl_xstrdup(prints[i]);
        fd->suppressed = i == 3;
    }
    ck_assert_int_eq(acl_baseline_write(bl, &l, &err), 0);
    text = acl_test_slurp(bl);
    ck_assert_str_eq(text,
                     "{\n  \"agentcoreLintBaseline\": 1,\n  \"findings\": [\n"
                     "    {\"file\": \"x/a.json\", \"rule\": \"AC001\", "
                     "\"fingerprint\": \"aa\"},\n"
                     "    {\"file\": \"x/a.json\", \"rule\": \"AC001\", "
                     "\"fingerprint\": \"bb\"}\n  ]\n}\n");
    ck_assert_ptr_nonnull(b = acl_baseline_load(bl, 1 << 20, &err));
    ck_assert_uint_eq(acl_baseline_size(b), 2);
    ck_assert_int_eq(acl_baseline_write("/nonexistent/bl.json", &l, &err), -1);
    ck_assert_str_eq(err.text, "/nonexistent/bl.json: cannot write the "
                               "baseline there (No such file or directory)");
    acl_baseline_free(b);
    for (i = 0; i < l.n; i++)
        l.items[i]->file = NULL;
    acl_findings_clear(&l);
    acl_text_free(t);
    unlink(file);
    unlink(bl);
    rmdir(sub);
    rmdir(dir);
    free(text);
    free(sub);
    free(file);
    free(bl);
}
END_TEST

/* Lints an agentcore.json text (in an empty folder) with the real
 * rules and returns the fingerprints of the AC001 findings, keyed by
 * the gateway they are about: "gw=fingerprint\n" lines in gateway name
 * order. */
static char *
ac001_prints(const char *json)
{
    char dir[] = "/tmp/acl-baseline-XXXXXX";
    struct acl_prod_opts prod = {0};
    struct acl_rule_conf confs[64];
    struct acl_findings l = {0};
    struct acl_error err;
    struct acl_project *p;
    struct acl_buf out = {0};
    size_t i, k;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_uint_le(acl_rules_count(), 64);
    acl_rule_confs_default(confs);
    p = acl_project_load_text(dir, "", "agentcore/agentcore.json",
                              acl_xstrdup(json), strlen(json), &prod, 1 << 20,
                              &err);
    ck_assert_msg(p != NULL, "%s", err.text);
    acl_engine_lint(p, confs, &l);
    /* Sorted by resource name so both versions print alike. */
    for (k = 0; k < 26; k++)
        for (i = 0; i < l.n; i++)
            if (strcmp(l.items[i]->rule->id, "AC001") == 0 &&
                l.items[i]->resource[0] == 'a' + (char)k)
                acl_buf_printf(&out, "%s=%s\n", l.items[i]->resource,
                               l.items[i]->fingerprint);
    acl_findings_clear(&l);
    acl_project_free(p);
    rmdir(dir);
    acl_buf_append(&out, "", 0);
    return acl_buf_steal(&out);
}

#define GW(name, auth)                                                      \
    "{\"name\": \"" name "\", \"protocolType\": \"MCP\", \"targets\": [], " \
    "\"authorizerType\": \"" auth "\"}"

START_TEST(gateway_fingerprints_survive_edits)
{
    char *before = ac001_prints(
        "{\"name\": \"P\", \"version\": 1, \"managedBy\": \"CDK\",\n"
        "\"runtimes\": [], \"credentials\": [], \"agentCoreGateways\": [\n" GW(
            "alpha", "NONE") ",\n" GW("bravo", "NONE") "]}");
    /* A gateway inserted first, the two reordered, lines added above. */
    char *after = ac001_prints(
        "{\n\n  \"name\": \"P\",\n  \"version\": 1,\n"
        "  \"managedBy\": \"CDK\", \"runtimes\": [], \"credentials\": [],\n"
        "  \"agentCoreGateways\": [\n"
        "    " GW("charlie",
                  "AWS_IAM") ",\n"
                             "    " GW(
                                 "bravo",
                                 "NONE") ",\n"
                                         "    " GW(
                                             "delta",
                                             "NONE") ",\n"
                                                     "    " GW(
                                                         "alpha",
                                                         "NONE") "\n  ]\n}\n");
    char *changed = ac001_prints(
        "{\"name\": \"P\", \"version\": 1, \"managedBy\": \"CDK\",\n"
        "\"runtimes\": [], \"credentials\": [], \"agentCoreGateways\": [\n"
        "{\"name\": \"alpha\", \"protocolType\": \"MCP\", \"targets\": []},\n" GW(
            "bravo", "NONE") "]}");

    ck_assert_ptr_nonnull(strstr(before, "alpha="));
    ck_assert_ptr_nonnull(strstr(after, strstr(before, "bravo=")));
    ck_assert_int_eq(strncmp(strstr(after, "alpha="), before, 23), 0);
    ck_assert_ptr_nonnull(strstr(after, "delta="));
    ck_assert_ptr_null(strstr(before, "delta="));
    /* The offending value is part of the identity: an absent
     * authorizerType is a different finding from an explicit NONE. */
    ck_assert_int_ne(strncmp(changed, before, 23), 0);
    free(before);
    free(after);
    free(changed);
}
END_TEST

/* Target findings: fingerprints computed for the same target, at the
 * same member, in two versions of a file where gateways and targets
 * moved. */
static char *
target_print(const char *json, const char *ptr)
{
    struct acl_text *t = acl_text_new("agentcore/agentcore.json", "a",
                                      acl_xstrdup(json), strlen(json));
    struct acl_doc *doc = acl_doc_parse(t);
    struct acl_project p;
    struct acl_loaded_doc ld = {doc, ACL_DOC_PROJECT, NULL};
    struct acl_finding f;
    long n = acl_doc_find(doc, ptr);
    char *print;

    ck_assert_int_ge(n, 0);
    memset(&p, 0, sizeof p);
    p.files.docs = &ld;
    p.files.ndocs = 1;
    memset(&f, 0, sizeof f);
    f.rule = &acl_rule_gateway_no_inbound_auth;
    f.project = &p;
    f.file = t;
    f.pointer = (char *)ptr;
    f.span = acl_doc_value(doc, (size_t)n);
    acl_finding_fingerprint(&f);
    print = f.fingerprint;
    acl_doc_free(doc);
    return print;
}

#define TG(name, ep) "{\"name\": \"" name "\", \"endpoint\": \"" ep "\"}"

START_TEST(target_fingerprints_survive_reordering)
{
    char *a = target_print(
        "{\"agentCoreGateways\": [{\"name\": \"gw\", \"targets\": [" TG(
            "t1", "http://a") ", " TG("t2", "http://b") "]}]}",
        "/agentCoreGateways/0/targets/1/endpoint");
    char *b = target_print(
        "{\"agentCoreGateways\": [{\"name\": \"new\", \"targets\": []},\n"
        "{\"name\": \"gw\", \"targets\": [\n" TG("t0", "http://z") ",\n" TG(
            "t2", "http://b") ",\n" TG("t1", "http://a") "]}]}",
        "/agentCoreGateways/1/targets/1/endpoint");
    char *c = target_print(
        "{\"agentCoreGateways\": [{\"name\": \"gw2\", \"targets\": [" TG(
            "t1", "http://a") ", " TG("t2", "http://b") "]}]}",
        "/agentCoreGateways/0/targets/1/endpoint");

    ck_assert_str_eq(a, b);
    ck_assert_str_ne(a, c); /* another gateway's target is another finding */
    free(a);
    free(b);
    free(c);
}
END_TEST

Suite *
acl_suite_baseline(void)
{
    Suite *s = suite_create("baseline");
    TCase *tc;

    tc = tcase_create("read");
    tcase_add_loop_test(tc, refuses_what_is_not_sarif, 0,
                        (int)ACL_ARRAY_LEN(not_sarif));
    tcase_add_test(tc, unreadable_file);
    tcase_add_test(tc, reads_own_file);
    tcase_add_test(tc, writes_small_sorted_file);
    suite_add_tcase(s, tc);
    tc = tcase_create("mark");
    tcase_add_test(tc, marks_new_and_unchanged);
    suite_add_tcase(s, tc);
    tc = tcase_create("fingerprints");
    tcase_add_test(tc, gateway_fingerprints_survive_edits);
    tcase_add_test(tc, target_fingerprints_survive_reordering);
    suite_add_tcase(s, tc);
    return s;
}
