/*
 * check_url.c - URL splitting, percent-decoding, URL equality and host
 * patterns.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/url.h"
#include "acl/util.h"
#include "check_acl.h"

START_TEST(parts_of_a_full_url)
{
    struct acl_url u;

    ck_assert_int_eq(acl_url_parse(" HTTPS://user:pw@Bedrock-AgentCore."
                                   "US-East-1.amazonaws.com.:8443/a/b?q=1#f\n",
                                   &u),
                     0);
    ck_assert_str_eq(u.scheme, "https");
    ck_assert_str_eq(u.userinfo, "user:pw");
    ck_assert_str_eq(u.host, "bedrock-agentcore.us-east-1.amazonaws.com");
    ck_assert_int_eq(u.port, 8443);
    ck_assert_str_eq(u.path, "/a/b");
    ck_assert_str_eq(u.query, "q=1");
    ck_assert_str_eq(u.fragment, "f");
    acl_url_clear(&u);
}
END_TEST

START_TEST(special_scheme_slashes_and_backslashes)
{
    struct acl_url u;

    ck_assert_int_eq(acl_url_parse("https:\\\\h.example.com\\x\\y", &u), 0);
    ck_assert_str_eq(u.host, "h.example.com");
    ck_assert_str_eq(u.path, "/x/y");
    ck_assert_ptr_null(u.query);
    acl_url_clear(&u);
    ck_assert_int_eq(acl_url_parse("https:h.example.com", &u), 0);
    ck_assert_str_eq(u.host, "h.example.com");
    ck_assert_str_eq(u.path, "/");
    ck_assert_int_eq(u.port, -1);
    acl_url_clear(&u);
}
END_TEST

START_TEST(tab_and_newline_removed_inside)
{
    struct acl_url u;

    ck_assert_int_eq(acl_url_parse("https://bedrock-\tagent\ncore.x.com/p", &u),
                     0);
    ck_assert_str_eq(u.host, "bedrock-agentcore.x.com");
    acl_url_clear(&u);
}
END_TEST

START_TEST(host_is_percent_decoded_and_lowered)
{
    struct acl_url u;

    ck_assert_int_eq(acl_url_parse("https://B%45drock-agentcore.x/", &u), 0);
    ck_assert_str_eq(u.host, "bedrock-agentcore.x");
    acl_url_clear(&u);
}
END_TEST

/* Hosts the WHATWG parser refuses make the URL invalid, even when they
 * begin like an allowed one: a NUL, a space, a slash once decoded. */
START_TEST(forbidden_host_code_points)
{
    static const char *const bad[] = {"http://localhost%00.evil.example/",
                                      "http://a b/",
                                      "http://localhost%2F.evil.example/",
                                      "http://h%20x/",
                                      "https://a%7Cb/",
                                      "http://x%25y/"};
    struct acl_url u;
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
        ck_assert_msg(acl_url_parse(bad[i], &u) == -1, "%s", bad[i]);
    ck_assert_int_eq(acl_url_parse("http://[::1]:8/", &u), 0);
    acl_url_clear(&u);
    ck_assert_int_eq(acl_url_parse("http://my-host_1.example/", &u), 0);
    acl_url_clear(&u);
}
END_TEST

START_TEST(dot_segments_resolved)
{
    static const struct {
        const char *in, *path;
    } cases[] = {
        {"https://h/a/./b", "/a/b"},
        {"https://h/a/../b", "/b"},
        {"https://h/a/b/..", "/a/"},
        {"https://h/a/.", "/a/"},
        {"https://h/..", "/"},
        {"https://h/a/%2E%2e/b", "/b"},
        {"https://h/a/.%2e/b", "/b"},
        {"https://h/x/../runtimes/r/invocations", "/runtimes/r/invocations"},
        {"https://h/a//b", "/a//b"},
        {"https://h", "/"},
        {"https://h?q", "/"},
    };
    size_t i;

    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct acl_url u;

        ck_assert_int_eq(acl_url_parse(cases[i].in, &u), 0);
        ck_assert_msg(strcmp(u.path, cases[i].path) == 0, "%s -> %s",
                      cases[i].in, u.path);
        acl_url_clear(&u);
    }
}
END_TEST

START_TEST(bad_urls_rejected)
{
    static const char *const bad[] = {
        "",
        "x.example.com",
        "https://",
        "https://h:99999/",
        "https://h:8a/",
        "1https://h/",
        "https://[::1/",
        "://h",
    };
    size_t i;

    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct acl_url u;

        ck_assert_msg(acl_url_parse(bad[i], &u) == -1, "accepted %s", bad[i]);
        ck_assert_ptr_null(u.scheme);
    }
}
END_TEST

START_TEST(non_special_and_ipv6)
{
    struct acl_url u;

    ck_assert_int_eq(acl_url_parse("mailto:a@b", &u), 0);
    ck_assert_str_eq(u.scheme, "mailto");
    ck_assert_str_eq(u.host, "");
    ck_assert_str_eq(u.path, "a@b");
    acl_url_clear(&u);
    ck_assert_int_eq(acl_url_parse("https://[::1]:8080/x", &u), 0);
    ck_assert_str_eq(u.host, "[::1]");
    ck_assert_int_eq(u.port, 8080);
    acl_url_clear(&u);
    ck_assert_int_eq(acl_url_parse("https://a@b@host/", &u), 0);
    ck_assert_str_eq(u.userinfo, "a@b");
    ck_assert_str_eq(u.host, "host");
    acl_url_clear(&u);
}
END_TEST

/* One parse gives the parts and the WHATWG verdict: a URL can have
 * parts that rules read and still be one Node refuses. */
START_TEST(parts_and_verdict_from_one_parse)
{
    struct acl_url u;

    ck_assert_int_eq(acl_url_parse("https://Example.com/a", &u), 0);
    ck_assert_int_eq(u.valid, -1); /* not judged */
    acl_url_clear(&u);
    ck_assert_int_eq(acl_url_parse_judged("https://Example.com/a", &u), 0);
    ck_assert_int_eq(u.valid, 1);
    acl_url_clear(&u);
    ck_assert_int_eq(acl_url_parse_judged("http://0x100000000/x", &u), 0);
    ck_assert_str_eq(u.host, "0x100000000"); /* no valid IPv4 address */
    ck_assert_int_eq(u.valid, 0);
    ck_assert(!acl_url_valid("http://0x100000000/x", 20));
    acl_url_clear(&u);
    ck_assert_int_eq(acl_url_parse("mcp://a b/", &u), -1);
    ck_assert(!acl_url_valid("mcp://a b/", 10));
    ck_assert(acl_url_valid(" https://x.example/\t", 21));
}
END_TEST

/* file: takes exactly two slashes before its host, as in WHATWG: the
 * path of file:///etc/x is /etc/x, with an empty host. */
START_TEST(file_urls_have_two_slashes)
{
    struct acl_url u;

    ck_assert_int_eq(acl_url_parse_judged("file:///etc/x", &u), 0);
    ck_assert_str_eq(u.host, "");
    ck_assert_str_eq(u.path, "/etc/x");
    ck_assert_int_eq(u.valid, 1);
    acl_url_clear(&u);
    ck_assert_int_eq(acl_url_parse("file://srv/share", &u), 0);
    ck_assert_str_eq(u.host, "srv");
    ck_assert_str_eq(u.path, "/share");
    acl_url_clear(&u);
    ck_assert_int_eq(acl_url_parse("file:a/../b", &u), 0);
    ck_assert_str_eq(u.host, "");
    ck_assert_str_eq(u.path, "/b");
    acl_url_clear(&u);
}
END_TEST

START_TEST(percent_decode)
{
    size_t n;
    char *s = acl_percent_decode("arn%3Aaws%2fx%zz%4", 18, &n);

    ck_assert_str_eq(s, "arn:aws/x%zz%4");
    ck_assert_uint_eq(n, 14);
    free(s);
    s = acl_percent_decode("a%00b", 5, &n);
    ck_assert_uint_eq(n, 3);
    ck_assert_uint_eq(strlen(s), 1);
    free(s);
}
END_TEST

START_TEST(same_url)
{
    ck_assert(acl_url_same("https://GW.example.com/mcp",
                           "https://gw.example.com:443/mcp/"));
    ck_assert(
        acl_url_same("https://gw.example.com", "https://gw.example.com/"));
    ck_assert(!acl_url_same("https://gw.example.com/mcp",
                            "http://gw.example.com/mcp"));
    ck_assert(!acl_url_same("https://gw.example.com/mcp",
                            "https://gw.example.com/mcp2"));
    ck_assert(!acl_url_same("https://gw.example.com/mcp?a",
                            "https://gw.example.com/mcp"));
    ck_assert(!acl_url_same("https://gw.example.com:8443/mcp",
                            "https://gw.example.com/mcp"));
    ck_assert(acl_url_same("not a url", "not a url"));
    ck_assert(!acl_url_same("https://x/", "not a url"));
}
END_TEST

START_TEST(host_patterns)
{
    ck_assert(acl_url_host_matches("ab1.execute-api.us-east-1.amazonaws.com",
                                   "*.execute-api.*.amazonaws.com"));
    ck_assert(!acl_url_host_matches("execute-api.us-east-1.amazonaws.com",
                                    "*.execute-api.*.amazonaws.com"));
    ck_assert(!acl_url_host_matches("a.execute-api.x.amazonaws.com.evil.net",
                                    "*.execute-api.*.amazonaws.com"));
    ck_assert(acl_url_host_matches("X.LAMBDA-URL.us-east-1.ON.AWS",
                                   "*.lambda-url.*.on.aws"));
    ck_assert(!acl_url_host_matches("", "*"));
    ck_assert(acl_url_host_matches("", ""));
    ck_assert(!acl_url_host_matches(NULL, "*"));
}
END_TEST

START_TEST(loopback_hosts)
{
    /* all of 127.0.0.0/8, in every form the WHATWG parser reads as
     * IPv4, and ::1 in every IPv6 spelling */
    static const char *const yes[] = {"http://localhost/",
                                      "http://LOCALHOST:1/",
                                      "http://127.0.0.1:8/",
                                      "http://[::1]/",
                                      "http://127.0.0.2/",
                                      "http://127.255.255.254/",
                                      "http://127.1/",
                                      "http://0x7f.0.0.1/",
                                      "http://2130706433/",
                                      "http://0177.0.0.1/",
                                      "http://[0:0:0:0:0:0:0:1]/",
                                      "http://[::0001]/",
                                      "http://localhost./",
                                      "http://[::ffff:127.0.0.1]/",
                                      "http://[::FFFF:127.9.8.7]:80/",
                                      "http://[::ffff:7f00:1]/",
                                      "http://[::ffff:7fff:ffff]/"};
    static const char *const no[] = {"http://[::ffff:10.0.0.1]/",
                                     "http://[::ffff:a00:1]/",
                                     "http://[::ffff:8000:1]/",
                                     "http://[::fffe:127.0.0.1]/",
                                     "http://localhost.example.com/",
                                     "http://[::2]/",
                                     "http://localhost@example.com/",
                                     "http://128.0.0.1/",
                                     "http://126.255.255.255/",
                                     "http://127.0.0.1.example.com/",
                                     "http://[::1:0]/",
                                     "http://[1::]/",
                                     "http://[::10]/",
                                     "http://127.0.0.256/",
                                     "http://10.0.0.1/",
                                     "http://2113929215/",
                                     "http://127.0.0.1.5/",
                                     "http://0x80.0.0.1/"};
    struct acl_url u;
    size_t i;

    for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        ck_assert_int_eq(acl_url_parse(yes[i], &u), 0);
        ck_assert_msg(acl_url_host_is_loopback(u.host), "%s", yes[i]);
        acl_url_clear(&u);
    }
    for (i = 0; i < sizeof no / sizeof no[0]; i++) {
        ck_assert_int_eq(acl_url_parse(no[i], &u), 0);
        ck_assert_msg(!acl_url_host_is_loopback(u.host), "%s", no[i]);
        acl_url_clear(&u);
    }
}
END_TEST

/* A hostile host of a million characters must not exhaust the stack or
 * take long. */
START_TEST(huge_host_pattern)
{
    size_t n = 1u << 20;
    char *h = acl_xmalloc(n + 1);

    memset(h, 'a', n);
    h[n] = '\0';
    ck_assert(!acl_url_host_matches(h, "*.execute-api.*.amazonaws.com"));
    ck_assert(!acl_url_host_is_loopback(h));
    free(h);
}
END_TEST

Suite *
acl_suite_url(void)
{
    Suite *s = suite_create("url");
    TCase *tc;

    tc = tcase_create("parse");
    tcase_add_test(tc, parts_of_a_full_url);
    tcase_add_test(tc, special_scheme_slashes_and_backslashes);
    tcase_add_test(tc, tab_and_newline_removed_inside);
    tcase_add_test(tc, host_is_percent_decoded_and_lowered);
    tcase_add_test(tc, forbidden_host_code_points);
    tcase_add_test(tc, non_special_and_ipv6);
    tcase_add_test(tc, parts_and_verdict_from_one_parse);
    tcase_add_test(tc, file_urls_have_two_slashes);
    suite_add_tcase(s, tc);
    tc = tcase_create("path");
    tcase_add_test(tc, dot_segments_resolved);
    suite_add_tcase(s, tc);
    tc = tcase_create("reject");
    tcase_add_test(tc, bad_urls_rejected);
    suite_add_tcase(s, tc);
    tc = tcase_create("decode");
    tcase_add_test(tc, percent_decode);
    suite_add_tcase(s, tc);
    tc = tcase_create("same");
    tcase_add_test(tc, same_url);
    suite_add_tcase(s, tc);
    tc = tcase_create("host_match");
    tcase_add_test(tc, host_patterns);
    tcase_add_test(tc, loopback_hosts);
    tcase_add_test(tc, huge_host_pattern);
    suite_add_tcase(s, tc);
    return s;
}
