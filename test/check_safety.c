/*
 * check_safety.c - the modules that keep a stranger's project from
 * reaching outside it: UTF-8 decoding and the unsafe-character table,
 * secret masking, reading files inside a root and writing reports
 * without following links.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/file.h"
#include "engine/mask.h"
#include "acl/report_util.h"
#include "acl/utf8.h"
#include "acl/util.h"
#include "check_acl.h"

START_TEST(utf8_strict_refuses_what_json_parse_would)
{
    uint32_t cp;

    ck_assert_uint_eq(acl_utf8_strict("\xC3\xA9", 2, &cp), 2);
    ck_assert_uint_eq(cp, 0xE9);
    ck_assert_uint_eq(acl_utf8_strict("\xF0\x9F\x98\x80", 4, &cp), 4);
    ck_assert_uint_eq(cp, 0x1F600);
    ck_assert_uint_eq(acl_utf8_strict("\xC0\xAF", 2, &cp), 0); /* overlong */
    ck_assert_uint_eq(acl_utf8_strict("\xED\xA0\x80", 3, &cp),
                      0); /* surrogate */
    ck_assert_uint_eq(acl_utf8_strict("\xF4\x90\x80\x80", 4, &cp), 0);
    ck_assert_uint_eq(acl_utf8_strict("\xE2\x82", 2, &cp), 0); /* truncated */
    ck_assert_uint_eq(acl_utf8_strict("\x80", 1, &cp), 0);
    ck_assert(acl_utf8_valid("ok \xC3\xA9", 5));
    ck_assert(!acl_utf8_valid("bad \xFF", 5));
}
END_TEST

/* The lenient decoder consumes a bad sequence's longest valid prefix,
 * as browsers do, so one bad byte never swallows a good character. */
START_TEST(utf8_lenient_consumes_the_valid_prefix)
{
    uint32_t cp;

    ck_assert_uint_eq(acl_utf8_lenient("\xE2\x82"
                                       "A",
                                       3, &cp),
                      2);
    ck_assert_uint_eq(cp, ACL_UTF8_BAD);
    ck_assert_uint_eq(acl_utf8_lenient("\xED\xA0\x80", 3, &cp), 1);
    ck_assert_uint_eq(cp, ACL_UTF8_BAD);
    ck_assert_uint_eq(acl_utf8_lenient("A", 1, &cp), 1);
    ck_assert_uint_eq(cp, 'A');
}
END_TEST

START_TEST(utf8_unsafe_table)
{
    static const uint32_t bad[] = {0x00,   0x07,   '\n',  '\r',   0x1B,
                                   0x7F,   0x85,   0x9B,  0x202E, 0x2066,
                                   0x2028, 0xFEFF, 0x061C};
    static const uint32_t good[] = {' ', 'a', ':', '%', 0xE9, 0x4E2D, 0x1F600};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(bad); i++)
        ck_assert_msg(acl_utf8_unsafe(bad[i]), "U+%04X", (unsigned)bad[i]);
    for (i = 0; i < ACL_ARRAY_LEN(good); i++)
        ck_assert_msg(!acl_utf8_unsafe(good[i]), "U+%04X", (unsigned)good[i]);
}
END_TEST

/* A secret of the table, in any text and in its pointer spelling, and a
 * known-format secret that is not in the table: each shown as a short
 * preview; short strings are never table entries. */
START_TEST(mask_text_hides_secrets)
{
    struct acl_mask *m = acl_mask_new();
    char *got;

    acl_mask_add(m, "s3cr3t/v4lu3-xyz", 16);
    acl_mask_add(m, "short", 5);
    got =
        acl_mask_text(m, "gateway \"s3cr3t/v4lu3-xyz\" at /a/s3cr3t~1v4lu3-xyz "
                         "short AKIAZ7Q3RTX5LWPM4JKD");
    ck_assert_ptr_null(strstr(got, "v4lu3"));
    ck_assert_ptr_null(strstr(got, "RTX5LWPM4JKD"));
    ck_assert_ptr_nonnull(strstr(got, "gateway \"s3cr\xE2\x80\xA6\""));
    ck_assert_ptr_nonnull(strstr(got, " short "));
    free(got);
    got = acl_mask_text(m, "nothing to hide here");
    ck_assert_str_eq(got, "nothing to hide here");
    free(got);
    acl_mask_free(m);
    acl_mask_free(NULL);
}
END_TEST

/* Text that starts a line of output: controls escaped, and a leading
 * "::" (a CI workflow command) broken. */
START_TEST(line_head_escaped)
{
    struct acl_buf b = {0};

    acl_escape_line_head("::error::x\n::warning::y\x1b[2J", &b);
    ck_assert_str_eq(b.data, "\\x3A:error::x\\x0A::warning::y\\x1B[2J");
    acl_buf_reset(&b);
    acl_escape_line_head("a::b", &b);
    ck_assert_str_eq(b.data, "a::b");
    acl_buf_free(&b);
}
END_TEST

static char *
temp_dir(void)
{
    char tmpl[] = "/tmp/acl-safety-XXXXXX", *d = mkdtemp(tmpl), *real;

    ck_assert_ptr_nonnull(d);
    real = realpath(d, NULL);
    ck_assert_ptr_nonnull(real);
    return real;
}

static void
remove_tree(const char *dir)
{
    char *cmd = acl_xasprintf("rm -rf '%s'", dir);

    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

/* Inside the root: a file, and a link to a file inside, are read; a
 * link leading out and a folder are refused without reading. */
START_TEST(read_file_in_stays_inside)
{
    char *root = temp_dir(), *out = temp_dir();
    char *p, *data;
    size_t len;
    struct acl_error err;

    acl_test_put(root, "a.json", "inside");
    acl_test_put(out, "secret", "outside");
    p = acl_xasprintf("%s/in-link", root);
    ck_assert_int_eq(symlink("a.json", p), 0);
    free(p);
    p = acl_xasprintf("%s/out-link", root);
    ck_assert_int_eq(symlink(out, p), 0);
    free(p);
    p = acl_xasprintf("%s/in-link", root);
    ck_assert_int_eq(acl_read_file_in(root, p, 100, &data, &len, &err),
                     ACL_READ_OK);
    ck_assert_str_eq(data, "inside");
    free(data);
    free(p);
    p = acl_xasprintf("%s/out-link/secret", root);
    ck_assert_int_eq(acl_read_file_in(root, p, 100, &data, &len, &err),
                     ACL_READ_OUTSIDE);
    free(p);
    ck_assert_int_eq(acl_read_file_in(root, root, 100, &data, &len, &err),
                     ACL_READ_NOT_FILE);
    p = acl_xasprintf("%s/none", root);
    ck_assert_int_eq(acl_read_file_in(root, p, 100, &data, &len, &err),
                     ACL_READ_MISSING);
    free(p);
    remove_tree(root);
    remove_tree(out);
    free(root);
    free(out);
}
END_TEST

/* The report replaces a plain file, and refuses a link (leaving its
 * target alone) and a folder. */
START_TEST(write_file_never_through_a_link)
{
    char *dir = temp_dir(), *target, *link, *sub, *got;
    struct acl_error err;

    target = acl_xasprintf("%s/victim", dir);
    link = acl_xasprintf("%s/report.sarif", dir);
    acl_test_put(dir, "victim", "keep");
    ck_assert_int_eq(symlink(target, link), 0);
    ck_assert_int_eq(acl_write_file(link, "x", 1, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "symbolic link"));
    got = acl_test_read(target);
    ck_assert_str_eq(got, "keep");
    free(got);
    ck_assert_int_eq(acl_write_file(target, "new", 3, &err), 0);
    got = acl_test_read(target);
    ck_assert_str_eq(got, "new");
    free(got);
    acl_test_mkdir(dir, "folder");
    sub = acl_xasprintf("%s/folder", dir);
    ck_assert_int_eq(acl_write_file(sub, "x", 1, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "not a regular file"));
    remove_tree(dir);
    free(sub);
    free(target);
    free(link);
    free(dir);
}
END_TEST

Suite *
acl_suite_safety(void)
{
    Suite *s = suite_create("safety");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, utf8_strict_refuses_what_json_parse_would);
    tcase_add_test(tc, utf8_lenient_consumes_the_valid_prefix);
    tcase_add_test(tc, utf8_unsafe_table);
    tcase_add_test(tc, mask_text_hides_secrets);
    tcase_add_test(tc, line_head_escaped);
    tcase_add_test(tc, read_file_in_stays_inside);
    tcase_add_test(tc, write_file_never_through_a_link);
    suite_add_tcase(s, tc);
    return s;
}
