/*
 * check_cedar.c - finding permit statements in Cedar policy text.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/cedar.h"
#include "acl/util.h"
#include "check_acl.h"

static int
permits(const char *s)
{
    return acl_cedar_has_permit(s, strlen(s));
}

START_TEST(permit_found)
{
    ck_assert(permits("permit(principal, action, resource);"));
    ck_assert(permits("  permit (principal, action, resource);"));
    ck_assert(permits("@id(\"a\")\n@advice(\"x\")\npermit(principal, action, "
                      "resource);"));
    ck_assert(permits("@flag\npermit(principal, action, resource);"));
    ck_assert(permits("// note\n/* multi\nline */permit(principal, action, "
                      "resource);"));
    ck_assert(permits("forbid(principal, action, resource);\npermit(principal"
                      ", action, resource);"));
    ck_assert(permits("forbid(principal, action, resource) when { "
                      "context.s == \"a;b\\\"c;\" };\npermit(principal, action,"
                      " resource);"));
    ck_assert(permits("@id(\"x)\") permit(principal, action, resource);"));
}
END_TEST

START_TEST(permit_absent)
{
    ck_assert(!permits(""));
    ck_assert(!permits("forbid(principal, action, resource);"));
    ck_assert(!permits("// permit(principal, action, resource);\nforbid(p, a, "
                       "r);"));
    ck_assert(!permits("/* permit(principal, action, resource); */"));
    ck_assert(!permits("@reason(\"permit(principal, action, resource);\")\n"
                       "forbid(principal, action, resource);"));
    ck_assert(!permits("forbid(principal, action, resource) when { "
                       "context.s == \"; permit(principal, action, resource)"
                       "\" };"));
    ck_assert(!permits("permitted(principal, action, resource);"));
    ck_assert(!permits("Permit(principal, action, resource);"));
    ck_assert(!permits("forbid(principal, action, resource) when { x }"
                       " permit(p, a, r);"));
}
END_TEST

/* Unterminated comments, strings and annotations end the scan. */
START_TEST(truncated)
{
    ck_assert(!permits("/* permit(principal, action, resource);"));
    ck_assert(!permits("@id(\"permit"));
    ck_assert(!permits("forbid(principal, action, resource) when { \"permit"));
    ck_assert(!permits("@"));
    ck_assert(!permits("/"));
    ck_assert(acl_cedar_has_permit("permit", 6));
    ck_assert(!acl_cedar_has_permit("permit", 5));
}
END_TEST

/* The length bounds the scan; a NUL byte inside it counts as blank. */
START_TEST(embedded_nul)
{
    static const char text[] = "forbid(p, a, r);\0permit(p, a, r);";

    ck_assert(acl_cedar_has_permit(text, sizeof text - 1));
    ck_assert(!acl_cedar_has_permit(text, 16));
}
END_TEST

/* Linear time on a long run of annotations and statements. */
START_TEST(long_input)
{
    size_t n = 1u << 20, i;
    char *s = acl_xmalloc(n + 64);

    for (i = 0; i + 9 < n; i += 9)
        memcpy(s + i, "@a(\"x\") ;", 9);
    memcpy(s + i, "permit(p,a,r);", 15);
    ck_assert(acl_cedar_has_permit(s, strlen(s)));
    free(s);
}
END_TEST

Suite *
acl_suite_cedar(void)
{
    Suite *s = suite_create("cedar");
    TCase *tc;

    tc = tcase_create("permit_found");
    tcase_add_test(tc, permit_found);
    suite_add_tcase(s, tc);
    tc = tcase_create("permit_absent");
    tcase_add_test(tc, permit_absent);
    suite_add_tcase(s, tc);
    tc = tcase_create("truncated");
    tcase_add_test(tc, truncated);
    suite_add_tcase(s, tc);
    tc = tcase_create("embedded_nul");
    tcase_add_test(tc, embedded_nul);
    suite_add_tcase(s, tc);
    tc = tcase_create("long_input");
    tcase_add_test(tc, long_input);
    suite_add_tcase(s, tc);
    return s;
}
