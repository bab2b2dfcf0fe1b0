/*
 * check_url.c - scheme and host of URLs, host patterns, loopback hosts.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/url.h"
#include "acl/util.h"
#include "check_acl.h"

/* The host of s as a new NUL-terminated string in buf, or "(none)". */
static const char *
host_of(const char *s, char *buf, size_t n)
{
    struct acl_url u;

    if (acl_url_split(s, &u) != 0)
        return "(error)";
    if (u.host == NULL)
        return "(none)";
    if (u.host_len >= n)
        return "(long)";
    memcpy(buf, u.host, u.host_len);
    buf[u.host_len] = '\0';
    return buf;
}

START_TEST(hosts)
{
    static const char *const cases[][2] = {
        {"https://tools.example.com/mcp", "tools.example.com"},
        {"http://user:pw@tools.example.com:8080/x", "tools.example.com"},
        {"http://localhost@evil.example.com/", "evil.example.com"},
        {"http:tools.example.com/mcp", "tools.example.com"},
        {"https:\\\\a.example.com\\x", "a.example.com"},
        {"  http://a.example.com  ", "a.example.com"},
        {"http://[::1]:3000/mcp", "[::1]"},
        {"http://a.example.com?q=http://b", "a.example.com"},
        {"http://a.example.com#frag", "a.example.com"},
        {"mailto:a@b", "(none)"},
        {"urn:isbn:1", "(none)"},
        {"custom://host.example.com/x", "host.example.com"},
        {"tools.example.com/mcp", "(error)"},
        {"", "(error)"},
        {"1http://x", "(error)"},
    };
    char buf[128];
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        ck_assert_msg(strcmp(host_of(cases[i][0], buf, sizeof buf),
                             cases[i][1]) == 0,
                      "%s: got %s, wanted %s", cases[i][0],
                      host_of(cases[i][0], buf, sizeof buf), cases[i][1]);
}
END_TEST

START_TEST(schemes)
{
    struct acl_url u;

    ck_assert_int_eq(acl_url_split("HTTP://x", &u), 0);
    ck_assert(acl_url_scheme_is(&u, "http"));
    ck_assert(!acl_url_scheme_is(&u, "https"));
    ck_assert_int_eq(acl_url_split("https://x", &u), 0);
    ck_assert(!acl_url_scheme_is(&u, "http"));
}
END_TEST

START_TEST(patterns)
{
    struct acl_url u;

    acl_url_split("https://ab1.execute-api.us-east-1.amazonaws.com/p", &u);
    ck_assert(acl_url_host_matches(&u, "*.execute-api.*.amazonaws.com"));
    acl_url_split("https://execute-api.us-east-1.amazonaws.com/p", &u);
    ck_assert(!acl_url_host_matches(&u, "*.execute-api.*.amazonaws.com"));
    acl_url_split("https://a.execute-api.x.amazonaws.com.evil.net/", &u);
    ck_assert(!acl_url_host_matches(&u, "*.execute-api.*.amazonaws.com"));
    acl_url_split("https://X.LAMBDA-URL.us-east-1.ON.AWS/", &u);
    ck_assert(acl_url_host_matches(&u, "*.lambda-url.*.on.aws"));
    acl_url_split("mailto:a@b", &u);
    ck_assert(!acl_url_host_matches(&u, "*"));
}
END_TEST

START_TEST(loopback)
{
    static const char *const yes[] = {"http://localhost/", "http://LOCALHOST:1/",
                                      "http://127.0.0.1:8/", "http://[::1]/"};
    static const char *const no[] = {"http://localhost.example.com/",
                                     "http://127.0.0.2/", "http://[::2]/",
                                     "http://localhost@example.com/"};
    struct acl_url u;
    size_t i;

    for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        acl_url_split(yes[i], &u);
        ck_assert_msg(acl_url_host_is_loopback(&u), "%s", yes[i]);
    }
    for (i = 0; i < sizeof no / sizeof no[0]; i++) {
        acl_url_split(no[i], &u);
        ck_assert_msg(!acl_url_host_is_loopback(&u), "%s", no[i]);
    }
}
END_TEST

/* A hostile host of a million characters must not exhaust the stack or
 * take long. */
START_TEST(huge_host)
{
    size_t n = 1u << 20;
    char *s = acl_xmalloc(n + 16);
    struct acl_url u;

    memcpy(s, "http://", 7);
    memset(s + 7, 'a', n);
    s[7 + n] = '\0';
    ck_assert_int_eq(acl_url_split(s, &u), 0);
    ck_assert_uint_eq(u.host_len, n);
    ck_assert(!acl_url_host_matches(&u, "*.execute-api.*.amazonaws.com"));
    ck_assert(!acl_url_host_is_loopback(&u));
    free(s);
}
END_TEST

Suite *
acl_suite_url(void)
{
    Suite *s = suite_create("url");
    TCase *tc;

    tc = tcase_create("hosts");
    tcase_add_test(tc, hosts);
    suite_add_tcase(s, tc);
    tc = tcase_create("schemes");
    tcase_add_test(tc, schemes);
    suite_add_tcase(s, tc);
    tc = tcase_create("patterns");
    tcase_add_test(tc, patterns);
    suite_add_tcase(s, tc);
    tc = tcase_create("loopback");
    tcase_add_test(tc, loopback);
    suite_add_tcase(s, tc);
    tc = tcase_create("huge_host");
    tcase_add_test(tc, huge_host);
    suite_add_tcase(s, tc);
    return s;
}
