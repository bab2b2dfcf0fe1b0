/*
 * check_report.c - the output formats on findings made by hand: carets
 * and cropping in human output, escaping in github and gcc, secret
 * masking, and the SARIF helpers (URIs, text, GitHub's line hash) and
 * members that the fixtures cannot reach (suppressions, baseline state,
 * notifications, absolute paths).
 */
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/engine.h"
#include "acl/report.h"
#include "report/sarif.h"
#include "check_acl.h"

static struct acl_text *
text_of(const char *display, const char *s)
{
    return acl_text_new("a.json", display, acl_xstrdup(s), strlen(s));
}

/* A finding of AC001 on the bytes [start, end) of t. */
static void
finding_at(struct acl_finding *f, struct acl_text *t, size_t start, size_t end,
           enum acl_level level, const char *msg)
{
    memset(f, 0, sizeof *f);
    f->rule = acl_rules_at((size_t)acl_rules_find("AC001"));
    f->level = level;
    f->message = (char *)msg;
    f->file = t;
    f->span.start = (uint32_t)start;
    f->span.end = (uint32_t)end;
    acl_text_pos(t, start, &f->start);
    acl_text_pos(t, end, &f->end);
    f->fingerprint = "0123456789abcdef";
}

struct out_opts {
    int color, quiet;
    const struct acl_notice *notices;
    size_t nnotices;
    int show_suppressed;
    enum acl_level fail_on;
};

/* The report of fmt over the n findings: a new string. */
static char *
render(enum acl_format fmt, struct acl_finding **fs, size_t n,
       const struct out_opts *o)
{
    static const struct out_opts none;
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    struct acl_findings list = {fs, n, n};
    struct acl_report_ctx ctx;
    struct acl_rule_conf *confs = acl_xcalloc(acl_rules_count(), sizeof *confs);
    struct acl_error err;

    o = o != NULL ? o : &none;
    acl_rule_confs_default(confs);
    memset(&ctx, 0, sizeof ctx);
    ctx.format = fmt;
    ctx.out = out;
    ctx.color = o->color;
    ctx.quiet = o->quiet;
    ctx.show_suppressed = o->show_suppressed;
    ctx.fail_on = o->fail_on;
    ctx.findings = &list;
    ctx.nprojects = 1;
    ctx.confs = confs;
    ctx.notices = o->notices;
    ctx.nnotices = o->nnotices;
    ck_assert_int_eq(acl_report_write(&ctx, &err), 0);
    fclose(out);
    free(confs);
    return buf;
}

static json_t *
sarif_result0(struct acl_finding **fs, size_t n, const struct out_opts *o,
              json_t **log)
{
    char *text = render(ACL_FMT_SARIF, fs, n, o);

    *log = json_loads(text, 0, NULL);
    free(text);
    ck_assert_ptr_nonnull(*log);
    return json_array_get(
        json_object_get(json_array_get(json_object_get(*log, "runs"), 0),
                        "results"),
        0);
}

/* Test vectors of GitHub's codeql-action for its line hash. */
START_TEST(line_hash_vectors)
{
    static const struct {
        const char *text;
        const char *want[11];
    } cases[] = {
        {"", {"c129715d7a2bc9a3:1"}},
        {" a\nb\n  \t\tc\n d",
         {"271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1",
          "a23a3dc5e078b07b:1"}},
        {" hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
         {"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
          "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
          "c129715d7a2bc9a3:1"}},
        {" hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
         {"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1",
          "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
          "c129715d7a2bc9a3:1"}},
    };
    unsigned lines[11] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    char out[11][ACL_LINE_HASH_SIZE];
    size_t i, k;

    for (i = 0; i < ACL_ARRAY_LEN(cases); i++) {
        acl_line_hashes(cases[i].text, strlen(cases[i].text), lines, 11, out);
        for (k = 0; k < 11; k++)
            ck_assert_str_eq(out[k], cases[i].want[k] ? cases[i].want[k] : "");
    }
}
END_TEST

/* Equal lines count their occurrences; only the lines asked for are
 * filled. */
START_TEST(line_hash_repeats)
{
    struct acl_buf b = {0};
    unsigned lines[] = {2, 6, 7, 11, 40};
    char out[5][ACL_LINE_HASH_SIZE];
    int i;

    for (i = 0; i < 10; i++)
        acl_buf_puts(&b, "Lorem ipsum dolor sit amet.\n");
    acl_line_hashes(b.data, b.len, lines, 5, out);
    ck_assert_str_eq(out[0], "a7f2ff13bc495cf2:2");
    ck_assert_str_eq(out[1], "a7f2ff13bc495cf2:6");
    ck_assert_str_eq(out[2], "a7f2ff1481e87703:1");
    ck_assert_str_eq(out[3], "c129715d7a2bc9a3:1");
    ck_assert_str_eq(out[4], "");
    acl_buf_free(&b);
}
END_TEST

/* The line hash computed the plain way, as an oracle: the text as
 * the code units the hasher sees (spaces and tabs dropped, CR LF and CR
 * read as LF, UTF-16 from UTF-8 with U+FFFD for a bad byte), then for
 * every line the hash of the 100 units from its start. */
static size_t
oracle_units(const unsigned char *t, size_t len, uint32_t *u)
{
    size_t i = 0, n = 0;

    while (i < len) {
        unsigned long cp = t[i];
        size_t k = 1, need = 0;

        if (t[i] == ' ' || t[i] == '\t') {
            i++;
            continue;
        }
        if (t[i] == '\r') {
            u[n++] = '\n';
            i += i + 1 < len && t[i + 1] == '\n' ? 2 : 1;
            continue;
        }
        if (cp >= 0xC2 && cp <= 0xDF)
            need = 1, cp &= 0x1F;
        else if (cp >= 0xE0 && cp <= 0xEF)
            need = 2, cp &= 0x0F;
        else if (cp >= 0xF0 && cp <= 0xF4)
            need = 3, cp &= 0x07;
        else if (cp >= 0x80)
            cp = 0xFFFD;
        for (; k <= need; k++) {
            int lo = 0x80, hi = 0xBF;

            if (k == 1 && t[i] == 0xE0)
                lo = 0xA0;
            if (k == 1 && t[i] == 0xED)
                hi = 0x9F;
            if (k == 1 && t[i] == 0xF0)
                lo = 0x90;
            if (k == 1 && t[i] == 0xF4)
                hi = 0x8F;
            if (i + k >= len || t[i + k] < lo || t[i + k] > hi) {
                cp = 0xFFFD;
                break;
            }
            cp = (cp << 6) | (t[i + k] & 0x3F);
        }
        i += k > need ? need + 1 : k;
        if (cp >= 0x10000) {
            u[n++] = (uint32_t)(0xD800 + ((cp - 0x10000) >> 10));
            u[n++] = (uint32_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            u[n++] = (uint32_t)cp;
        }
    }
    return n;
}

static void
oracle_hashes(const char *text, size_t len, size_t nlines,
              char (*out)[ACL_LINE_HASH_SIZE])
{
    uint32_t *u = calloc(2 * len + 102, sizeof *u);
    uint64_t *h = calloc(len + 2, sizeof *h);
    size_t n = oracle_units((const unsigned char *)text, len, u), i, k,
           line = 0;

    u[n] = 65535; /* then zeros */
    for (i = 0; i <= n; i++) {
        if (i > 0 && u[i - 1] != '\n')
            continue;
        for (h[line] = 0, k = 0; k < 100; k++)
            h[line] = 37 * h[line] + u[i + k];
        line++;
    }
    for (i = 0; i < nlines; i++) {
        size_t count = 0;

        out[i][0] = '\0';
        if (i >= line)
            continue;
        for (k = 0; k <= i; k++)
            count += h[k] == h[i];
        snprintf(out[i], ACL_LINE_HASH_SIZE, "%" PRIx64 ":%zu", h[i], count);
    }
    free(u);
    free(h);
}

/* Random texts of short lines, blanks, CR, LF, non-ASCII and bad bytes,
 * with repeated lines: the hasher agrees with the oracle on every line. */
START_TEST(line_hash_random_texts)
{
    static const char *const pieces[] = {"a",
                                         "{",
                                         "\"k\": 1,",
                                         " ",
                                         "\t",
                                         "\n",
                                         "\r",
                                         "\r\n",
                                         "\r \n",
                                         "\xC3\xA9",
                                         "\xF0\x9F\x98\x80",
                                         "\xED\xA0\x80",
                                         "\xE0\x80",
                                         "\xFF",
                                         "    \"name\": \"x\",\n",
                                         "x\n",
                                         "\n\n"};
    unsigned seed = 7, lines[400];
    char want[400][ACL_LINE_HASH_SIZE], got[400][ACL_LINE_HASH_SIZE];
    int round, i;

    for (i = 0; i < 400; i++)
        lines[i] = (unsigned)i + 1;
    for (round = 0; round < 300; round++) {
        struct acl_buf b = {0};
        int n = rand_r(&seed) % 300;

        acl_buf_append(&b, "", 0);
        for (i = 0; i < n; i++)
            acl_buf_puts(&b, pieces[rand_r(&seed) % ACL_ARRAY_LEN(pieces)]);
        oracle_hashes(b.data, b.len, 400, want);
        acl_line_hashes(b.data, b.len, lines, 400, got);
        for (i = 0; i < 400; i++)
            ck_assert_msg(strcmp(want[i], got[i]) == 0,
                          "round %d line %d: %s != %s", round, i + 1, got[i],
                          want[i]);
        acl_buf_free(&b);
    }
}
END_TEST

START_TEST(uri_encoding)
{
    static const char *const cases[][2] = {
        {"agentcore/agentcore.json", "agentcore/agentcore.json"},
        {"my proj/a#b?c%d.json", "my%20proj/a%23b%3Fc%25d.json"},
        {"c:d/\xc3\xa9.json", "c%3Ad/%C3%A9.json"},
        {"a\nb", "a%0Ab"},
        {"/abs/x y.json", "file:///abs/x%20y.json"},
    };
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(cases); i++) {
        char *u = acl_sarif_uri(cases[i][0]);

        ck_assert_str_eq(u, cases[i][1]);
        free(u);
    }
}
END_TEST

START_TEST(sarif_text_repairs_utf8)
{
    json_t *j = acl_sarif_text("a\xff"
                               "b\xe2\x82",
                               5);
    json_t *nul = acl_sarif_text("a\0b", 3);

    ck_assert_str_eq(json_string_value(j), "a\xef\xbf\xbd"
                                           "b\xef\xbf\xbd");
    ck_assert_uint_eq(json_string_length(nul), 3);
    json_decref(j);
    json_decref(nul);
}
END_TEST

/* The lines of out from the first one starting with "    N |" up to
 * the help line. */
static void
assert_snippet(const char *out, const char *want)
{
    const char *s = strstr(out, "\n") + 1, *e = strstr(s, "   = help:");

    ck_assert_ptr_nonnull(e);
    ck_assert_msg(strlen(want) == (size_t)(e - s) &&
                      strncmp(s, want, (size_t)(e - s)) == 0,
                  "snippet\n%.*s\nwanted\n%s", (int)(e - s), s, want);
}

/* The human output for one error at [start, end) of src, shown as file
 * display, must have want as its snippet. */
static void
assert_human_snippet(const char *display, const char *src, size_t start,
                     size_t end, const char *want)
{
    struct acl_text *t = text_of(display, src);
    struct acl_finding f, *fs[] = {&f};
    char *out;

    finding_at(&f, t, start, end, ACL_ERROR, "m");
    out = render(ACL_FMT_HUMAN, fs, 1, NULL);
    assert_snippet(out, want);
    free(out);
    acl_text_free(t);
}

START_TEST(human_location_and_caret)
{
    struct acl_text *t = text_of("dir/a.json", "{\n  \"k\": \"NONE\"\n}\n");
    struct acl_finding f, *fs[] = {&f};
    char *out;

    finding_at(&f, t, 9, 15, ACL_WARNING, "msg \x1b[2J");
    out = render(ACL_FMT_HUMAN, fs, 1, NULL);
    ck_assert(acl_starts_with(out, "dir/a.json:2:8: warning: msg \\x1B[2J "
                                   "[AC001 gateway-no-inbound-auth]\n"));
    assert_snippet(out, "    2 |   \"k\": \"NONE\"\n"
                        "      |        ^~~~~~\n");
    ck_assert_ptr_nonnull(strstr(out, "\n   = help: set \"authorizerType\""));
    ck_assert(acl_ends_with(out, "\n\n1 warning in 1 project\n"));
    free(out);
    acl_text_free(t);
}
END_TEST

/* A span over three lines is underlined on each, from the first
 * non-blank character of the later lines. */
START_TEST(human_multiline_span)
{
    assert_human_snippet("a.json", "{\n  \"k\": [1,\n    2,\n    3]\n}\n", 9,
                         26,
                         "    2 |   \"k\": [1,\n"
                         "      |        ^~~\n"
                         "    3 |     2,\n"
                         "      |     ~~\n"
                         "    4 |     3]\n"
                         "      |     ~~\n");
}
END_TEST

/* Tabs show as four spaces, controls and bidi characters escaped, and
 * the caret still sits under the span. */
START_TEST(human_escapes_source)
{
    assert_human_snippet("app/x.py", "\tk = \"\x1b[2J\xe2\x80\xae\" # \x7f\n",
                         5, 14,
                         "    1 |     k = \"\\x1B[2J\\u{202E}\" # \\x7F\n"
                         "      |         ^~~~~~~~~~~~~~~~~\n");
}
END_TEST

/* A very long line shows the span with some context, not all of it. */
START_TEST(human_crops_long_line)
{
    struct acl_buf b = {0};
    char *line;
    int i;

    for (i = 0; i < 300; i++)
        acl_buf_putc(&b, i == 200 ? '!' : 'x');
    line = acl_xasprintf("    1 | ...%.40s!%.40s...\n      |    %40s^\n",
                         b.data, b.data, "");
    assert_human_snippet("a.json", b.data, 200, 201, line);
    free(line);
    acl_buf_free(&b);
}
END_TEST

/* An empty span (the end of a truncated file, or between two
 * characters) still gets a caret. */
START_TEST(human_empty_span)
{
    assert_human_snippet("a.json", "[1 2]", 3, 3,
                         "    1 | [1 2]\n      |    ^\n");
    assert_human_snippet("a.json", "[1 2]", 5, 5,
                         "    1 | [1 2]\n      |      ^\n");
}
END_TEST

/* A secret shows its first four characters only, in every format. */
START_TEST(secret_masked)
{
    static const enum acl_format fmts[] = {
        ACL_FMT_HUMAN, ACL_FMT_SARIF,  ACL_FMT_GCC,  ACL_FMT_GITHUB,
        ACL_FMT_JSON,  ACL_FMT_GITLAB, ACL_FMT_JUNIT};
    struct acl_text *t =
        text_of("a.json", "{\"key\": \"sk-abcdefghijklmnop\"}");
    struct acl_finding f, *fs[] = {&f};
    size_t i;

    finding_at(&f, t, 8, 29, ACL_ERROR, "plaintext key \"sk-a...\"");
    f.secret = 1;
    for (i = 0; i < ACL_ARRAY_LEN(fmts); i++) {
        char *out = render(fmts[i], fs, 1, NULL);

        ck_assert_msg(strstr(out, "abcdefghijklmnop") == NULL,
                      "format %d shows the secret", (int)fmts[i]);
        if (fmts[i] == ACL_FMT_HUMAN || fmts[i] == ACL_FMT_SARIF)
            ck_assert_ptr_nonnull(strstr(out, "sk-a****"));
        free(out);
    }
    acl_text_free(t);
}
END_TEST

START_TEST(human_color_and_summary)
{
    struct acl_text *t = text_of("a.json", "[1, 2, 3]");
    struct acl_finding a, b, c, *fs[] = {&a, &b, &c};
    struct out_opts color = {.color = 1}, quiet = {.quiet = 1};
    char *out;

    finding_at(&a, t, 1, 2, ACL_ERROR, "m1");
    finding_at(&b, t, 4, 5, ACL_ERROR, "m2");
    finding_at(&c, t, 7, 8, ACL_WARNING, "m3");
    out = render(ACL_FMT_HUMAN, fs, 3, NULL);
    ck_assert_ptr_null(strchr(out, '\033'));
    ck_assert(acl_ends_with(out, "\n2 errors, 1 warning in 1 project\n"));
    free(out);
    out = render(ACL_FMT_HUMAN, fs, 3, &color);
    ck_assert_ptr_nonnull(strstr(out, "\033[1;31merror:\033[0m"));
    free(out);
    out = render(ACL_FMT_HUMAN, fs, 3, &quiet);
    ck_assert_ptr_null(strstr(out, " in 1 project"));
    free(out);
    out = render(ACL_FMT_HUMAN, fs, 0, NULL);
    ck_assert_str_eq(out, "no problems in 1 project\n");
    free(out);
    acl_text_free(t);
}
END_TEST

START_TEST(github_escapes)
{
    struct acl_text *t = text_of("a,b:c%.json", "[1]");
    struct acl_finding a, b, c, *fs[] = {&a, &b, &c};
    char *out;

    finding_at(&a, t, 1, 2, ACL_ERROR, "m%0A\r\n::error::x,y");
    finding_at(&b, t, 1, 2, ACL_NOTE, "n");
    finding_at(&c, t, 1, 2, ACL_ERROR, "hidden");
    c.suppressed = 1;
    out = render(ACL_FMT_GITHUB, fs, 3, NULL);
    ck_assert_str_eq(out,
                     "::error file=a%2Cb%3Ac%25.json,line=1,col=2,endLine=1,"
                     "endColumn=3,title=AC001 gateway-no-inbound-auth::"
                     "m%250A\\x0D\\x0A::error::x,y\n"
                     "::notice file=a%2Cb%3Ac%25.json,line=1,col=2,endLine=1,"
                     "endColumn=3,title=AC001 gateway-no-inbound-auth::n\n");
    free(out);
    acl_text_free(t);
}
END_TEST

START_TEST(gcc_lines)
{
    struct acl_text *t = text_of("dir/a b.json", "[1]");
    struct acl_finding a, b, *fs[] = {&a, &b};
    char *out;

    finding_at(&a, t, 1, 2, ACL_WARNING, "bad\nname\xe2\x80\xae");
    finding_at(&b, t, 1, 2, ACL_ERROR, "hidden");
    b.suppressed = 1;
    out = render(ACL_FMT_GCC, fs, 2, NULL);
    ck_assert_str_eq(out, "dir/a b.json:1:2: warning: bad\\x0Aname\\u{202E} "
                          "[AC001]\n");
    free(out);
    acl_text_free(t);
}
END_TEST

/* With --show-suppressed, suppressed findings stay with their
 * justification, accepted; a baseline run marks each result new or
 * unchanged. */
START_TEST(sarif_suppression_and_baseline)
{
    static const struct out_opts shown = {.show_suppressed = 1};
    struct acl_text *t = text_of("a.json", "[1, 2]");
    struct acl_finding a, b, *fs[] = {&a, &b};
    json_t *log;

    finding_at(&a, t, 1, 2, ACL_ERROR, "m");
    a.suppressed = 1;
    a.justification = "local demo";
    a.baseline = ACL_BASELINE_UNCHANGED;
    finding_at(&b, t, 4, 5, ACL_ERROR, "n.");
    b.baseline = ACL_BASELINE_NEW;
    sarif_result0(fs, 2, &shown, &log);
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/results/0/suppressions/0/kind"),
                     "external");
    ck_assert_str_eq(
        acl_test_jstr(log, "runs/0/results/0/suppressions/0/state"),
        "accepted");
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/results/0/suppressions/0/"
                                        "justification"),
                     "local demo");
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/results/0/baselineState"),
                     "unchanged");
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/results/1/baselineState"),
                     "new");
    ck_assert_ptr_null(acl_test_jget(log, "runs/0/results/1/suppressions"));
    /* Messages end as sentences, once. */
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/results/0/message/text"), "m.");
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/results/1/message/text"), "n.");
    json_decref(log);
    acl_text_free(t);
}
END_TEST

/* Accepted findings (config-ignored or baselined) are left out of the
 * log code scanning uploads: it does not document honouring
 * "suppressions" or "baselineState", and would open alerts for them. */
START_TEST(sarif_leaves_out_accepted)
{
    struct acl_text *t = text_of("a.json", "[1, 2, 3]");
    struct acl_finding a, b, c, *fs[] = {&a, &b, &c};
    json_t *log;

    finding_at(&a, t, 1, 2, ACL_ERROR, "ignored");
    a.suppressed = 1;
    finding_at(&b, t, 4, 5, ACL_ERROR, "baselined");
    b.baseline = ACL_BASELINE_UNCHANGED;
    finding_at(&c, t, 7, 8, ACL_ERROR, "new");
    c.baseline = ACL_BASELINE_NEW;
    sarif_result0(fs, 3, NULL, &log);
    ck_assert_int_eq(json_array_size(acl_test_jget(log, "runs/0/results")), 1);
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/results/0/message/text"),
                     "new.");
    json_decref(log);
    acl_text_free(t);
}
END_TEST

/* security-severity follows what fails the run: AC001 (8.0, high) as a
 * warning under --fail-on error is capped at medium, which GitHub's
 * default pull request check lets through; as an error it stays high;
 * a note is low. */
START_TEST(sarif_security_severity_follows_level)
{
    static const struct {
        enum acl_level level, fail_on;
        const char *want;
    } cases[] = {
        {ACL_WARNING, ACL_ERROR, "6.9"},    {ACL_ERROR, ACL_ERROR, "8.0"},
        {ACL_WARNING, ACL_WARNING, "8.0"},  {ACL_NOTE, ACL_ERROR, "3.9"},
        {ACL_ERROR, ACL_LEVEL_NONE, "6.9"},
    };
    struct acl_text *t = text_of("a.json", "[1]");
    struct acl_finding a, *fs[] = {&a};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(cases); i++) {
        struct out_opts o = {.fail_on = cases[i].fail_on};
        json_t *log, *r, *rule;

        finding_at(&a, t, 1, 2, cases[i].level, "m");
        r = sarif_result0(fs, 1, &o, &log);
        rule = json_array_get(
            acl_test_jget(log, "runs/0/tool/driver/rules"),
            (size_t)json_integer_value(json_object_get(r, "ruleIndex")));
        ck_assert_str_eq(acl_test_jstr(rule, "id"), "AC001");
        ck_assert_str_eq(acl_test_jstr(rule, "properties/security-severity"),
                         cases[i].want);
        json_decref(log);
    }
    acl_text_free(t);
}
END_TEST

/* A JUnit report of a failed run is one test in error, its message the
 * reason, escaped for XML. */
START_TEST(junit_failed_report)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);

    ck_assert_int_eq(acl_report_junit_failed(out, "x: <a> & \"b\""), 0);
    fclose(out);
    ck_assert_ptr_nonnull(strstr(buf, "errors=\"1\""));
    ck_assert_ptr_nonnull(
        strstr(buf, "message=\"x: &lt;a&gt; &amp; &quot;b&quot;\"/>"));
    ck_assert_ptr_null(strstr(buf, "<a>"));
    free(buf);
}
END_TEST

/* A run that could not do its job still leaves a valid log saying so. */
START_TEST(sarif_failed_log)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    json_t *log;

    ck_assert_int_eq(acl_report_sarif_failed(out, "x: cannot read \"y\""), 0);
    fclose(out);
    log = json_loads(buf, 0, NULL);
    ck_assert_ptr_nonnull(log);
    ck_assert_str_eq(acl_test_jstr(log, "version"), "2.1.0");
    ck_assert(json_is_false(acl_test_jget(log, "runs/0/invocations/0/"
                                               "executionSuccessful")));
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/invocations/0/"
                                        "toolExecutionNotifications/0/"
                                        "message/text"),
                     "x: cannot read \"y\"");
    ck_assert_int_eq(json_array_size(acl_test_jget(log, "runs/0/results")), 0);
    json_decref(log);
    free(buf);
}
END_TEST

/* Human output hides accepted findings and counts them apart; -q keeps
 * only what fails the run. */
START_TEST(human_accepted_and_quiet)
{
    static const struct out_opts shown = {.show_suppressed = 1};
    static const struct out_opts quiet = {.quiet = 1, .fail_on = ACL_ERROR};
    struct acl_text *t = text_of("a.json", "[1, 2, 3]");
    struct acl_finding a, b, c, *fs[] = {&a, &b, &c};
    char *out;

    finding_at(&a, t, 1, 2, ACL_ERROR, "ignored one");
    a.suppressed = 1;
    finding_at(&b, t, 4, 5, ACL_ERROR, "baselined one");
    b.baseline = ACL_BASELINE_UNCHANGED;
    finding_at(&c, t, 7, 8, ACL_WARNING, "open one");
    out = render(ACL_FMT_HUMAN, fs, 3, NULL);
    ck_assert_ptr_null(strstr(out, "ignored one"));
    ck_assert_ptr_null(strstr(out, "baselined one"));
    ck_assert_ptr_nonnull(strstr(out, "open one"));
    ck_assert_ptr_nonnull(strstr(out, "1 warning in 1 project; 1 baselined, "
                                      "1 ignored\n"));
    free(out);
    out = render(ACL_FMT_HUMAN, fs, 3, &shown);
    ck_assert_ptr_nonnull(strstr(out, "baselined one [AC001 "
                                      "gateway-no-inbound-auth] (baselined)"));
    ck_assert_ptr_nonnull(strstr(out, "(suppressed)"));
    free(out);
    out = render(ACL_FMT_GCC, fs, 3, &quiet);
    ck_assert_str_eq(out, "");
    free(out);
    acl_text_free(t);
}
END_TEST

/* Outside the current folder: an absolute file URI, no base. An array
 * element and an object member are told apart in the logical
 * location; the line hash is GitHub's. */
START_TEST(sarif_locations)
{
    struct acl_text *t = text_of("/abs/x y.json", "[1,\n 2]");
    struct acl_finding a, *fs[] = {&a};
    json_t *log, *r;
    unsigned line = 2;
    char want[1][ACL_LINE_HASH_SIZE];

    finding_at(&a, t, 5, 6, ACL_ERROR, "m");
    a.pointer = "/1";
    r = sarif_result0(fs, 1, NULL, &log);
    ck_assert_str_eq(acl_test_jstr(r, "locations/0/physicalLocation/"
                                      "artifactLocation/uri"),
                     "file:///abs/x%20y.json");
    ck_assert_ptr_null(acl_test_jget(r, "locations/0/physicalLocation/"
                                        "artifactLocation/uriBaseId"));
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/artifacts/0/location/uri"),
                     "file:///abs/x%20y.json");
    ck_assert_str_eq(acl_test_jstr(r, "locations/0/logicalLocations/0/kind"),
                     "element");
    ck_assert_str_eq(acl_test_jstr(r, "locations/0/logicalLocations/0/"
                                      "fullyQualifiedName"),
                     "/1");
    acl_line_hashes(t->data, t->len, &line, 1, want);
    ck_assert_str_eq(acl_test_jstr(r, "partialFingerprints/"
                                      "primaryLocationLineHash"),
                     want[0]);
    ck_assert_str_eq(acl_test_jstr(r, "partialFingerprints/agentcoreLint~1v1"),
                     "0123456789abcdef");
    json_decref(log);
    a.pointer = "/a~1b/name";
    r = sarif_result0(fs, 1, NULL, &log);
    ck_assert_str_eq(acl_test_jstr(r, "locations/0/logicalLocations/0/kind"),
                     "member");
    ck_assert_str_eq(acl_test_jstr(r, "locations/0/logicalLocations/0/name"),
                     "name");
    json_decref(log);
    a.pointer = "";
    r = sarif_result0(fs, 1, NULL, &log);
    ck_assert_ptr_null(acl_test_jget(r, "locations/0/logicalLocations"));
    json_decref(log);
    acl_text_free(t);
}
END_TEST

/* Files that could not be read are reported as notifications of the
 * invocation, which still succeeded. */
START_TEST(sarif_notifications)
{
    struct acl_notice n = {"agentcore/.cli/deployed-state.json",
                           "permission denied"};
    struct out_opts o = {.notices = &n, .nnotices = 1};
    json_t *log;
    char *text = render(ACL_FMT_SARIF, NULL, 0, &o);

    log = json_loads(text, 0, NULL);
    ck_assert_ptr_nonnull(log);
    ck_assert(json_is_true(acl_test_jget(log, "runs/0/invocations/0/"
                                              "executionSuccessful")));
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/invocations/0/"
                                        "toolExecutionNotifications/0/"
                                        "message/text"),
                     "agentcore/.cli/deployed-state.json: permission denied");
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/invocations/0/"
                                        "toolExecutionNotifications/0/"
                                        "locations/0/physicalLocation/"
                                        "artifactLocation/uriBaseId"),
                     "SRCROOT");
    ck_assert_uint_eq(json_array_size(acl_test_jget(log, "runs/0/results")), 0);
    json_decref(log);
    free(text);
}
END_TEST

Suite *
acl_suite_report(void)
{
    Suite *s = suite_create("report");
    TCase *sarif = tcase_create("sarif helpers");
    TCase *human = tcase_create("human");
    TCase *lines = tcase_create("one-line formats");
    TCase *log = tcase_create("sarif log");

    tcase_add_test(sarif, line_hash_vectors);
    tcase_add_test(sarif, line_hash_repeats);
    tcase_add_test(sarif, line_hash_random_texts);
    tcase_add_test(sarif, uri_encoding);
    tcase_add_test(sarif, sarif_text_repairs_utf8);
    tcase_add_test(human, human_location_and_caret);
    tcase_add_test(human, human_multiline_span);
    tcase_add_test(human, human_escapes_source);
    tcase_add_test(human, human_crops_long_line);
    tcase_add_test(human, human_empty_span);
    tcase_add_test(human, human_color_and_summary);
    tcase_add_test(human, secret_masked);
    tcase_add_test(lines, github_escapes);
    tcase_add_test(lines, gcc_lines);
    tcase_add_test(log, sarif_suppression_and_baseline);
    tcase_add_test(log, sarif_leaves_out_accepted);
    tcase_add_test(log, sarif_security_severity_follows_level);
    tcase_add_test(log, sarif_failed_log);
    tcase_add_test(log, junit_failed_report);
    tcase_add_test(log, human_accepted_and_quiet);
    tcase_add_test(log, sarif_locations);
    tcase_add_test(log, sarif_notifications);
    suite_add_tcase(s, sarif);
    suite_add_tcase(s, human);
    suite_add_tcase(s, lines);
    suite_add_tcase(s, log);
    return s;
}
