/*
 * check_fix.c - the fix engine: the JSON edits rules attach (set,
 * insert, drop, rename, prefix), the plan that keeps edits apart, the
 * unified diff, and the writer that refuses symbolic links.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/finding.h"
#include "acl/fix.h"
#include "acl/json.h"
#include "acl/rule.h"
#include "check_acl.h"

struct fx {
    struct acl_doc *doc;
    struct acl_finding f;
};

static void
fx_init(struct fx *x, const char *text)
{
    memset(x, 0, sizeof *x);
    x->doc = acl_doc_parse(
        acl_text_new("a.json", "a.json", acl_xstrdup(text), strlen(text)));
}

static void
fx_free(struct fx *x)
{
    acl_fix_list_free(&x->f.fixes);
    acl_doc_free(x->doc);
}

/* The text with the finding's first fix applied; NULL without one. */
static char *
fixed(struct fx *x)
{
    const struct acl_edit *e[8];
    size_t k, len;
    const struct acl_fix *f;

    if (x->f.fixes.n == 0)
        return NULL;
    f = &x->f.fixes.items[0];
    for (k = 0; k < f->nedits && k < 8; k++)
        e[k] = &f->edits[k];
    return acl_fix_apply_edits(x->doc->text->data, x->doc->text->len, e, k,
                               &len);
}

/* Applies a fix made by fn at pointer ptr (member below it) and
 * compares the result. */
static void
expect(const char *in, const char *ptr, const char *member, int op,
       const char *arg, const char *want)
{
    struct fx x;
    struct acl_node n;
    char *got;

    fx_init(&x, in);
    n.doc = x.doc;
    n.ptr = (char *)ptr;
    n.json = NULL;
    n.resource = NULL;
    if (op == 's')
        acl_fix_set(&x.f, ACL_FIX, &n, member, arg, "t");
    else if (op == 'd')
        acl_fix_drop(&x.f, ACL_FIX, &n, member, "t");
    else if (op == 'r')
        acl_fix_rename(&x.f, ACL_FIX, &n, arg, "t");
    else
        acl_fix_prefix(&x.f, ACL_FIX, &n, member, "http:", "https:", "t");
    got = fixed(&x);
    if (want == NULL)
        ck_assert_msg(got == NULL, "expected no fix, got %s", got);
    else
        ck_assert_msg(got != NULL && strcmp(got, want) == 0,
                      "got <%s>, want <%s>", got ? got : "(no fix)", want);
    free(got);
    fx_free(&x);
}

START_TEST(set_replaces_a_value)
{
    expect("{\n  \"a\": false,\n  \"b\": 1\n}\n", "", "a", 's', "true",
           "{\n  \"a\": true,\n  \"b\": 1\n}\n");
}
END_TEST

START_TEST(set_inserts_like_the_last_member)
{
    expect("{\n    \"a\": 1,\n    \"b\":  2\n}", "", "c", 's', "true",
           "{\n    \"a\": 1,\n    \"b\":  2,\n    \"c\":  true\n}");
    expect("{\r\n\t\"a\": 1\r\n}\r\n", "", "c", 's', "\"X\"",
           "{\r\n\t\"a\": 1,\r\n\t\"c\": \"X\"\r\n}\r\n");
    expect("{\"a\": 1, \"b\": 2}", "", "c", 's', "3",
           "{\"a\": 1, \"b\": 2, \"c\": 3}");
    expect("{}", "", "c", 's', "3", "{\"c\": 3}");
}
END_TEST

START_TEST(set_needs_the_object)
{
    expect("{\"a\": 1}", "", "x/y", 's', "3", NULL);
    expect("{\"a\": 1, \"a\": 2}", "", "a", 's', "3", NULL);
}
END_TEST

START_TEST(drop_takes_the_comma)
{
    expect("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}", "", "a", 'd', NULL,
           "{\n  \"b\": 2,\n  \"c\": 3\n}");
    expect("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}", "", "b", 'd', NULL,
           "{\n  \"a\": 1,\n  \"c\": 3\n}");
    expect("{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}", "", "c", 'd', NULL,
           "{\n  \"a\": 1,\n  \"b\": 2\n}");
    expect("{\"o\": {\"a\": 1}}", "/o", "a", 'd', NULL, "{\"o\": {}}");
    expect("{\"a\": 1}", "", "zz", 'd', NULL, NULL);
}
END_TEST

START_TEST(rename_only_to_a_free_name)
{
    expect("{\"nmae\": 1, \"x\": 2}", "/nmae", NULL, 'r', "name",
           "{\"name\": 1, \"x\": 2}");
    expect("{\"nmae\": 1, \"name\": 2}", "/nmae", NULL, 'r', "name", NULL);
    expect("{\"nmae\": 1}", "/nmae", NULL, 'r', "na\"me", NULL);
}
END_TEST

START_TEST(prefix_of_a_string)
{
    expect("{\"u\": \"HTTP://x.amazonaws.com\"}", "", "u", 'p', NULL,
           "{\"u\": \"https://x.amazonaws.com\"}");
    expect("{\"u\": \" http://x\"}", "", "u", 'p', NULL, NULL);
    expect("{\"u\": 5}", "", "u", 'p', NULL, NULL);
}
END_TEST

/* Two fixes over the same bytes: the plan takes the first only. */
START_TEST(plan_keeps_edits_apart)
{
    struct fx x;
    struct acl_findings l = {0};
    struct acl_finding *a, *b, *c;
    struct acl_fix_plan plan;
    struct acl_project p;
    struct acl_rule r = {.id = "AC999", .name = "t"};
    size_t len;
    char *out;

    memset(&p, 0, sizeof p);
    p.files.root = ".";
    fx_init(&x, "{\"a\": 1, \"b\": 2}");
    a = acl_findings_add(&l);
    b = acl_findings_add(&l);
    c = acl_findings_add(&l);
    a->rule = b->rule = c->rule = &r;
    a->project = b->project = c->project = &p;
    acl_fix_edit(acl_fix_begin(a, ACL_FIX, "a"), x.doc->text, 6, 7, "10");
    acl_fix_edit(acl_fix_begin(b, ACL_FIX, "b"), x.doc->text, 6, 8, "");
    acl_fix_edit(acl_fix_begin(c, ACL_FIX, "c"), x.doc->text, 14, 15, "20");
    acl_fix_edit(acl_fix_begin(c, ACL_SUGGESTION, "s"), x.doc->text, 0, 1, "[");
    memset(&plan, 0, sizeof plan);
    acl_fix_plan_build(&plan, &l, NULL);
    ck_assert_uint_eq(plan.napplied, 2);
    ck_assert_uint_eq(plan.nconflicts, 1);
    ck_assert_uint_eq(plan.nfiles, 1);
    out = acl_fix_apply(&plan.files[0], &len);
    ck_assert_str_eq(out, "{\"a\": 10, \"b\": 20}");
    free(out);
    acl_fix_plan_free(&plan);
    memset(&plan, 0, sizeof plan);
    acl_fix_plan_build(&plan, &l, "AC001,other");
    ck_assert_uint_eq(plan.napplied, 0);
    acl_fix_plan_free(&plan);
    acl_findings_clear(&l);
    fx_free(&x);
}
END_TEST

START_TEST(diff_is_a_unified_diff)
{
    struct fx x;
    struct acl_fix_file ff;
    const struct acl_edit *e[1];
    char *buf = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&buf, &n);

    fx_init(&x, "{\n\"1\": 1,\n\"2\": 2,\n\"3\": 3,\n\"4\": 4,\n\"5\": 5\n}");
    acl_fix_edit(acl_fix_begin(&x.f, ACL_FIX, "t"), x.doc->text, 23, 24, "9");
    e[0] = &x.f.fixes.items[0].edits[0];
    memset(&ff, 0, sizeof ff);
    ff.display = "a.json";
    ff.file = x.doc->text;
    ff.edits = e;
    ff.nedits = 1;
    acl_fix_diff(out, &ff);
    fclose(out);
    ck_assert_str_eq(buf, "--- a/a.json\n+++ b/a.json\n@@ -1,7 +1,7 @@\n"
                          " {\n \"1\": 1,\n \"2\": 2,\n-\"3\": 3,\n+\"3\": 9,\n"
                          " \"4\": 4,\n \"5\": 5\n }\n"
                          "\\ No newline at end of file\n");
    free(buf);
    fx_free(&x);
}
END_TEST

START_TEST(writer_refuses_links)
{
    char dir[] = "/tmp/acl-fix-XXXXXX", *file, *link, *data;
    char real[4096];
    struct acl_error err;
    size_t len;

    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_ptr_nonnull(realpath(dir, real));
    file = acl_xasprintf("%s/f.json", real);
    link = acl_xasprintf("%s/l.json", real);
    acl_test_put(real, "f.json", "old");
    ck_assert_int_eq(symlink(file, link), 0);
    ck_assert_int_eq(acl_fix_write_file(real, link, "new", 3, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "symbolic link"));
    ck_assert_int_eq(
        acl_fix_write_file("/nonexistent-root", file, "x", 1, &err), -1);
    ck_assert_int_eq(acl_fix_write_file(real, file, "new", 3, &err), 0);
    ck_assert_int_eq(acl_read_file(file, 100, &data, &len, &err), ACL_READ_OK);
    ck_assert_str_eq(data, "new");
    free(data);
    unlink(link);
    unlink(file);
    rmdir(real);
    free(file);
    free(link);
}
END_TEST

Suite *
acl_suite_fix(void)
{
    Suite *s = suite_create("fix");
    TCase *tc = tcase_create("fix");

    tcase_add_test(tc, set_replaces_a_value);
    tcase_add_test(tc, set_inserts_like_the_last_member);
    tcase_add_test(tc, set_needs_the_object);
    tcase_add_test(tc, drop_takes_the_comma);
    tcase_add_test(tc, rename_only_to_a_free_name);
    tcase_add_test(tc, prefix_of_a_string);
    tcase_add_test(tc, plan_keeps_edits_apart);
    tcase_add_test(tc, diff_is_a_unified_diff);
    tcase_add_test(tc, writer_refuses_links);
    suite_add_tcase(s, tc);
    return s;
}
