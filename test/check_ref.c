/*
 * check_ref.c - resolving the files a project references: dot segments
 * as Node folds them, containment in the project root, links, one
 * cache entry per file however it is spelt, and the files a project
 * names read when it is loaded.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/ref.h"
#include "check_acl.h"

static char tmp[] = "/tmp/acl-ref-XXXXXX";
static struct acl_project *proj;

static void
link_in(const char *target, const char *rel)
{
    char *path = acl_xasprintf("%s/%s", tmp, rel);

    ck_assert_int_eq(symlink(target, path), 0);
    free(path);
}

/* project/: agentcore/agentcore.json, tools/t.json, in -> tools,
 * out -> the folder above the project; beside it: outside.json. */
static void
setup(void)
{
    struct acl_prod_opts prod = {0};
    struct acl_error err;
    char *root;

    ck_assert_ptr_nonnull(mkdtemp(tmp));
    acl_test_put(tmp, "outside.json", "[]");
    acl_test_mkdir(tmp, "project");
    acl_test_mkdir(tmp, "project/agentcore");
    acl_test_mkdir(tmp, "project/tools");
    acl_test_put(tmp, "project/agentcore/agentcore.json",
                 "{\"name\":\"P\",\"version\":1}");
    acl_test_put(tmp, "project/tools/t.json", "[{\"name\":\"a\"}]");
    link_in("tools", "project/in");
    link_in("..", "project/out");
    root = acl_xasprintf("%s/project", tmp);
    proj = acl_project_load(root, "project", &prod, 1 << 20, &err);
    ck_assert_ptr_nonnull(proj);
    free(root);
}

static void
teardown(void)
{
    char *cmd = acl_xasprintf("rm -rf '%s'", tmp);

    acl_project_free(proj);
    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
    strcpy(tmp, "/tmp/acl-ref-XXXXXX");
}

static const struct {
    const char *rel;
    int want_dir;
    enum acl_ref_status st;
} cases[] = {
    {"tools/t.json", 0, ACL_REF_OK},
    {"./tools/t.json", 0, ACL_REF_OK},
    {"tools//t.json", 0, ACL_REF_OK},
    /* Node folds "app/.." away before the file system sees it. */
    {"app/../tools/t.json", 0, ACL_REF_OK},
    {"tools/./x/../t.json", 0, ACL_REF_OK},
    {"in/t.json", 0, ACL_REF_OK},
    {"tools", 1, ACL_REF_OK},
    {"tools/", 1, ACL_REF_OK},
    {".", 1, ACL_REF_OK},
    {"tools/t.json/", 0, ACL_REF_MISSING},
    {"tools/none.json", 0, ACL_REF_MISSING},
    {"", 0, ACL_REF_MISSING},
    {"tools", 0, ACL_REF_WRONG_KIND},
    {"tools/t.json", 1, ACL_REF_WRONG_KIND},
    {"../outside.json", 0, ACL_REF_OUTSIDE},
    {"app/../../outside.json", 0, ACL_REF_OUTSIDE},
    /* Outside even when nothing is there. */
    {"a/../../none.json", 0, ACL_REF_OUTSIDE},
    {"..", 1, ACL_REF_OUTSIDE},
    {"out/outside.json", 0, ACL_REF_OUTSIDE},
    {"/etc/passwd", 0, ACL_REF_OUTSIDE},
    /* Climbing out and back in stays inside the root. */
    {"../project/tools/t.json", 0, ACL_REF_OK},
};

START_TEST(ref_check_statuses)
{
    enum acl_ref_status st =
        acl_ref_check(proj, cases[_i].rel, cases[_i].want_dir);

    ck_assert_msg(st == cases[_i].st, "\"%s\" (%s): got \"%s\", want \"%s\"",
                  cases[_i].rel, cases[_i].want_dir ? "folder" : "file",
                  acl_ref_status_text(st), acl_ref_status_text(cases[_i].st));
}
END_TEST

START_TEST(ref_resolve_gives_the_real_path)
{
    char out[PATH_MAX],
        *want = acl_xasprintf("%s/tools", proj->files.real_root);

    ck_assert_int_eq(acl_ref_resolve(proj, "app/../in/", out), ACL_REF_OK);
    ck_assert_str_eq(out, want);
    ck_assert_int_eq(acl_ref_resolve(proj, "out", out), ACL_REF_OUTSIDE);
    free(want);
    /* The CLI accepts absolute paths: inside the root they are fine. */
    want = acl_xasprintf("%s/tools/t.json", proj->files.real_root);
    ck_assert_int_eq(acl_ref_check(proj, want, 0), ACL_REF_OK);
    free(want);
    want = acl_xasprintf("%s/tools/none.json", proj->files.real_root);
    ck_assert_int_eq(acl_ref_check(proj, want, 0), ACL_REF_MISSING);
    free(want);
    ck_assert_int_eq(acl_ref_check(proj, "/nonexistent-dir/x.json", 0),
                     ACL_REF_OUTSIDE);
}
END_TEST

START_TEST(ref_one_entry_per_file)
{
    const struct acl_doc *a, *b, *c;

    ck_assert_int_eq(acl_ref_json(proj, "./tools/t.json", &a), ACL_REF_OK);
    ck_assert_int_eq(acl_ref_json(proj, "tools/t.json", &b), ACL_REF_OK);
    ck_assert_int_eq(acl_ref_json(proj, "app/../tools//t.json", &c),
                     ACL_REF_OK);
    ck_assert_ptr_eq(a, b);
    ck_assert_ptr_eq(a, c);
    ck_assert_str_eq(a->text->display, "project/tools/t.json");
    ck_assert_int_eq(acl_ref_json(proj, "../outside.json", &a),
                     ACL_REF_OUTSIDE);
}
END_TEST

/* The tool files a target names are read and checked on load: a rule's
 * lookup answers from the cache, even once the file is gone. A file
 * that cannot be read is noted when a lookup asks for it, not before. */
START_TEST(ref_preloaded_on_load)
{
    static const char spec[] =
        "{\"name\":\"P\",\"version\":1,\"agentCoreGateways\":[{\"name\":"
        "\"g\",\"targets\":[{\"name\":\"a\",\"targetType\":"
        "\"lambdaFunctionArn\",\"lambdaFunctionArn\":{\"toolSchemaFile\":"
        "\"tools/t.json\"}},{\"name\":\"b\",\"targetType\":"
        "\"lambdaFunctionArn\",\"lambdaFunctionArn\":{\"toolSchemaFile\":"
        "\"tools/d.json\"}}]}]}";
    struct acl_prod_opts prod = {0};
    struct acl_error err;
    struct acl_project *p;
    const struct acl_doc *doc;
    char *root = acl_xasprintf("%s/project", tmp);
    char *t = acl_xasprintf("%s/project/tools/t.json", tmp);

    acl_test_put(tmp, "project/agentcore/agentcore.json", spec);
    acl_test_mkdir(tmp, "project/tools/d.json");
    p = acl_project_load(root, "project", &prod, 1 << 20, &err);
    ck_assert_ptr_nonnull(p);
    ck_assert_int_eq(unlink(t), 0);
    ck_assert_uint_eq(p->notices->n, 0);
    ck_assert_int_eq(acl_ref_check(p, "tools/t.json", 0), ACL_REF_OK);
    ck_assert_int_eq(acl_ref_json(p, "tools/t.json", &doc), ACL_REF_OK);
    ck_assert(json_is_array(doc->root));
    ck_assert_uint_eq(p->notices->n, 0);
    ck_assert_int_eq(acl_ref_json(p, "tools/d.json", &doc), ACL_REF_WRONG_KIND);
    ck_assert_uint_eq(p->notices->n, 1);
    acl_project_free(p);
    free(t);
    free(root);
}
END_TEST

Suite *
acl_suite_ref(void)
{
    Suite *s = suite_create("ref");
    TCase *tc = tcase_create("resolution");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_loop_test(tc, ref_check_statuses, 0, (int)ACL_ARRAY_LEN(cases));
    tcase_add_test(tc, ref_resolve_gives_the_real_path);
    tcase_add_test(tc, ref_one_entry_per_file);
    tcase_add_test(tc, ref_preloaded_on_load);
    suite_add_tcase(s, tc);
    return s;
}
