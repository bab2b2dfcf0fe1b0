/*
 * check_util.c - buffers, strings and errors.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acl/util.h"
#include "check_acl.h"

const char *
acl_test_shared_dir(void)
{
    const char *env = getenv("ACL_SHARED_DIR");

    if (env != NULL && *env != '\0')
        return access(env, R_OK) == 0 ? env : NULL;
    return access("../shared/spec", R_OK) == 0 ? "../shared" : NULL;
}

START_TEST(buf_grows)
{
    struct acl_buf b = {0};
    int i;

    for (i = 0; i < 1000; i++)
        acl_buf_printf(&b, "%d,", i % 10);
    ck_assert_uint_eq(b.len, 2000);
    ck_assert_int_eq(b.data[1998], '9');
    ck_assert_int_eq(b.data[2000], '\0');
    acl_buf_free(&b);
    ck_assert_ptr_null(b.data);
}
END_TEST

START_TEST(error_set_returns_minus_one)
{
    struct acl_error err;

    ck_assert_int_eq(acl_error_set(&err, "%s: %d", "x", 3), -1);
    ck_assert_str_eq(err.text, "x: 3");
    ck_assert_int_eq(acl_error_set(NULL, "ignored"), -1);
}
END_TEST

START_TEST(ascii_helpers)
{
    ck_assert(acl_strieq("Prod-EU", "prod-eu"));
    ck_assert(!acl_strieq("prod", "prod2"));
    ck_assert(acl_starts_with("sk-proj-x", "sk-"));
    ck_assert(acl_ends_with("a/.well-known/openid-configuration",
                            "/.well-known/openid-configuration"));
    ck_assert(!acl_ends_with("x", "xx"));
}
END_TEST

Suite *
acl_suite_util(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("util");

    tcase_add_test(tc, buf_grows);
    tcase_add_test(tc, error_set_returns_minus_one);
    tcase_add_test(tc, ascii_helpers);
    suite_add_tcase(s, tc);
    return s;
}
