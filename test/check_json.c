/*
 * check_json.c - the loader: values, source-map spans, positions,
 * syntax errors, duplicate names, RFC 6901 pointers, and the span
 * property over every JSON file of fixtures/ and the shared corpus.
 */
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "acl/file.h"
#include "acl/json.h"
#include "acl/jptr.h"
#include "check_acl.h"

static struct acl_doc *
parse(const char *s)
{
    return acl_doc_parse(
        acl_text_new("t.json", "t.json", acl_xstrdup(s), strlen(s)));
}

/* The text of the value at ptr. */
static char *
span_text(const struct acl_doc *d, const char *ptr, int key)
{
    long i = acl_doc_find(d, ptr);
    struct acl_span sp;

    if (i < 0)
        return NULL;
    sp = key ? acl_doc_key(d, (size_t)i) : acl_doc_value(d, (size_t)i);
    return acl_xstrndup(d->text->data + sp.start, sp.end - sp.start);
}

START_TEST(spans_of_values_and_names)
{
    struct acl_doc *d = parse("{\"a\": [1, \"x\\n\", {\"b~/c\": null}],\n"
                              " \"n\": -1.5e3, \"t\": true}");
    char *s;

    ck_assert_ptr_nonnull(d->root);
    s = span_text(d, "/a/1", 0);
    ck_assert_str_eq(s, "\"x\\n\"");
    free(s);
    s = span_text(d, "/a/2/b~0~1c", 0);
    ck_assert_str_eq(s, "null");
    free(s);
    s = span_text(d, "/a/2/b~0~1c", 1);
    ck_assert_str_eq(s, "\"b~/c\"");
    free(s);
    s = span_text(d, "/n", 0);
    ck_assert_str_eq(s, "-1.5e3");
    free(s);
    s = span_text(d, "", 0);
    ck_assert_uint_eq(strlen(s), d->text->len);
    free(s);
    ck_assert_int_eq(acl_doc_find(d, "/a/3"), -1);
    ck_assert_int_eq(acl_doc_find(d, "/a/01"), -1);
    ck_assert_int_eq(acl_doc_find(d, "/zz"), -1);
    ck_assert_int_eq(acl_doc_find(d, "a"), -1);
    acl_doc_free(d);
}
END_TEST

START_TEST(positions_count_code_points_and_utf16)
{
    /* "é" is 1 code point, 1 UTF-16 unit; U+1F600 is 1 and 2. */
    struct acl_doc *d =
        parse("{\"k\": \"\xc3\xa9\xf0\x9f\x98\x80\", \"z\": 1}");
    long i = acl_doc_find(d, "/z");
    struct acl_pos pos;

    ck_assert_int_ge(i, 0);
    acl_text_pos(d->text, acl_doc_value(d, (size_t)i).start, &pos);
    ck_assert_uint_eq(pos.line, 1);
    ck_assert_uint_eq(pos.col, 18);
    ck_assert_uint_eq(pos.col16, 19);
    ck_assert_uint_eq(pos.offset, 21);
    acl_doc_free(d);
}
END_TEST

START_TEST(lines_end_at_lf_crlf_and_cr)
{
    struct acl_doc *d = parse("{\r\n\"a\":\r1,\n\"b\": 2}");
    struct acl_pos pos;

    acl_text_pos(d->text, acl_doc_value(d, (size_t)acl_doc_find(d, "/b")).start,
                 &pos);
    ck_assert_uint_eq(pos.line, 4);
    ck_assert_uint_eq(pos.col, 6);
    acl_doc_free(d);
}
END_TEST

START_TEST(values_match_json_parse)
{
    struct acl_doc *d =
        parse("{\"i\": 9007199254740993, \"r\": 1.0, "
              "\"big\": 1e400, \"s\": \"\\ud83d\\ude00\", "
              "\"lone\": \"\\ud800x\", \"nul\": \"a\\u0000b\"}");
    json_t *r = d->root;

    ck_assert(json_is_integer(json_object_get(r, "i")));
    ck_assert(json_is_real(json_object_get(r, "r")));
    ck_assert(json_is_real(json_object_get(r, "big")));
    ck_assert_str_eq(json_string_value(json_object_get(r, "s")),
                     "\xf0\x9f\x98\x80");
    ck_assert_str_eq(json_string_value(json_object_get(r, "lone")),
                     "\xef\xbf\xbdx");
    ck_assert_uint_eq(json_string_length(json_object_get(r, "nul")), 3);
    acl_doc_free(d);
}
END_TEST

struct bad_case {
    const char *text;
    unsigned line, col;
    const char *words;
};

static const struct bad_case bad_cases[] = {
    {"", 1, 1, "empty"},
    {"\xef\xbb\xbf{}", 1, 1, "byte order mark"},
    {"{\"a\": 1,}", 1, 9, "member name"},
    {"[1, 2", 1, 6, "end of file"},
    {"{\"a\" 1}", 1, 6, "':'"},
    {"{\"a\": tru}", 1, 7, "expected a JSON value"},
    {"[01]", 1, 3, "expected ',' or ']'"},
    {"[1.]", 1, 4, "digit after '.'"},
    {"[\"a\tb\"]", 1, 4, "control character"},
    {"[\"\\x\"]", 1, 3, "invalid escape"},
    {"[\"\\u12g4\"]", 1, 5, "four hex digits"},
    {"[\"\xc0\xaf\"]", 1, 3, "invalid UTF-8"},
    {"{}\n{}", 2, 1, "after the JSON value"},
    {"\"abc", 1, 1, "not closed"},
};

START_TEST(syntax_errors_are_located)
{
    const struct bad_case *c = &bad_cases[_i];
    struct acl_doc *d = parse(c->text);
    struct acl_pos pos;

    ck_assert_ptr_null(d->root);
    acl_text_pos(d->text, d->error_at.start, &pos);
    ck_assert_msg(pos.line == c->line && pos.col == c->col,
                  "%s: at %u:%u, wanted %u:%u (%s)", c->words, pos.line,
                  pos.col, c->line, c->col, d->error_text);
    ck_assert_msg(strstr(d->error_text, c->words) != NULL, "%s: %s", c->words,
                  d->error_text);
    acl_doc_free(d);
}
END_TEST

START_TEST(nesting_is_bounded)
{
    size_t n = 100000, i;
    char *s = acl_xmalloc(2 * n + 1);
    struct acl_doc *d;

    for (i = 0; i < n; i++) {
        s[i] = '[';
        s[2 * n - 1 - i] = ']';
    }
    s[2 * n] = '\0';
    d = acl_doc_parse(acl_text_new("t", "t", s, 2 * n));
    ck_assert_ptr_null(d->root);
    ck_assert_ptr_nonnull(strstr(d->error_text, "nesting deeper"));
    acl_doc_free(d);
}
END_TEST

START_TEST(duplicate_names_later_wins)
{
    struct acl_doc *d = parse("{\"o\": {\"a\": 1, \"b\": 2, \"a\": 3}}");
    char *s;

    ck_assert_int_eq(
        json_integer_value(json_object_get(json_object_get(d->root, "o"), "a")),
        3);
    ck_assert_uint_eq(d->ndups, 1);
    ck_assert_str_eq(d->dups[0].pointer, "/o/a");
    ck_assert_uint_eq(d->dups[0].first.start, 7);
    ck_assert_uint_eq(d->dups[0].later.start, 23);
    s = span_text(d, "/o/a", 0);
    ck_assert_str_eq(s, "3");
    free(s);
    acl_doc_free(d);
}
END_TEST

/* An object large enough for the member index finds every member,
 * escaped names by their decoded text, the later of two equal names,
 * and nothing for a name it lacks; lookups twice give the same node. */
static void
assert_value(const struct acl_doc *d, const char *ptr, const char *want)
{
    char *got = span_text(d, ptr, 0);

    ck_assert_msg(got != NULL, "%s: not found", ptr);
    ck_assert_str_eq(got, want);
    free(got);
}

START_TEST(large_object_lookup)
{
    struct acl_buf b = {0};
    struct acl_doc *d;
    long first, again;
    int i;

    acl_buf_puts(&b, "{\"dup\": 1, \"a\\u0062c\": 2, \"sl/ash\": 3");
    for (i = 0; i < 200; i++)
        acl_buf_printf(&b, ", \"m%d\": %d", i, i);
    acl_buf_puts(&b, ", \"dup\": 4}");
    d = parse(b.data);
    for (i = 0; i < 200; i += 37) {
        char ptr[16], *want;

        snprintf(ptr, sizeof ptr, "/m%d", i);
        want = acl_xasprintf("%d", i);
        assert_value(d, ptr, want);
        free(want);
    }
    assert_value(d, "/abc", "2");
    assert_value(d, "/sl~1ash", "3");
    assert_value(d, "/dup", "4");
    ck_assert_int_eq(acl_doc_find(d, "/m200"), -1);
    ck_assert_int_eq(acl_doc_find(d, "/a\\u0062c"), -1);
    first = acl_doc_find(d, "/m150");
    again = acl_doc_find(d, "/m150");
    ck_assert_int_ge(first, 0);
    ck_assert_int_eq(first, again);
    acl_doc_free(d);
    acl_buf_free(&b);
}
END_TEST

/* Many names, each repeated (one three times): every repetition names
 * the first member of its name, in a large object as in a small one. */
START_TEST(repeated_names_find_their_first)
{
    struct acl_buf b = {0};
    struct acl_doc *d;
    size_t i;

    acl_buf_puts(&b, "{");
    for (i = 0; i < 40; i++)
        acl_buf_printf(&b, "%s\"n%zu\": %zu", i ? ",\n" : "", i, i);
    for (i = 0; i < 40; i++)
        acl_buf_printf(&b, ",\n\"n%zu\": 0", i);
    acl_buf_puts(&b, ",\n\"n7\": 1}");
    d = parse(b.data);
    ck_assert_uint_eq(d->ndups, 41);
    for (i = 0; i < d->ndups; i++) {
        const struct acl_dupkey *k = &d->dups[i];
        char *first = acl_xstrndup(d->text->data + k->first.start,
                                   k->first.end - k->first.start);
        char *want = acl_xasprintf("\"%s\"", k->name);
        struct acl_pos pos;

        ck_assert_str_eq(first, want);
        acl_text_pos(d->text, k->first.start, &pos);
        ck_assert_uint_eq(pos.line, (unsigned)atoi(k->name + 1) + 1);
        free(first);
        free(want);
    }
    acl_doc_free(d);
    acl_buf_free(&b);
}
END_TEST

START_TEST(pointer_escaping)
{
    char *p = acl_jptr_join("/a", "x/y~z", 5);
    struct acl_buf tok = {0};
    const char *cur = p;

    ck_assert_str_eq(p, "/a/x~1y~0z");
    ck_assert_int_eq(acl_jptr_next(&cur, &tok), 0);
    ck_assert_str_eq(tok.data, "a");
    ck_assert_int_eq(acl_jptr_next(&cur, &tok), 0);
    ck_assert_str_eq(tok.data, "x/y~z");
    ck_assert_int_eq(acl_jptr_next(&cur, &tok), 1);
    cur = "/bad~2";
    ck_assert_int_eq(acl_jptr_next(&cur, &tok), -1);
    cur = "noslash";
    ck_assert_int_eq(acl_jptr_next(&cur, &tok), -1);
    acl_buf_reset(&tok);
    ck_assert_int_eq(acl_jptr_unescape(&tok, "a~1b~0~", 7), -1);
    ck_assert_str_eq(tok.data, "a/b~~"); /* a lone '~' kept as written */
    free(p);
    p = acl_jptr_index("/t", 12);
    ck_assert_str_eq(p, "/t/12");
    free(p);
    acl_buf_reset(&tok);
    acl_jptr_append_index(&tok, 0);
    acl_jptr_append_index(&tok, 9);
    acl_jptr_append_index(&tok, 10);
    acl_jptr_append_index(&tok, (size_t)-1);
    p = acl_xasprintf("/0/9/10/%zu", (size_t)-1);
    ck_assert_str_eq(tok.data, p);
    free(p);
    acl_buf_free(&tok);
}
END_TEST

/* Parses a span's text with jansson itself: an independent reader. */
static json_t *
reparse(const struct acl_doc *d, struct acl_span sp)
{
    return json_loadb(d->text->data + sp.start, sp.end - sp.start,
                      JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
}

/* Is kid k of an object shadowed by a later member of the same name? */
static int
shadowed(const struct acl_doc *d, size_t obj, size_t k, json_t *name)
{
    size_t j;
    int later = 0;

    for (j = k + 1; j < acl_doc_nkids(d, obj) && !later; j++) {
        json_t *other = reparse(d, acl_doc_key(d, acl_doc_kid(d, obj, j)));

        later = json_equal(other, name);
        json_decref(other);
    }
    return later;
}

/* Checks node i against value v and recurses into its children; the
 * depth is bounded by the parser's nesting limit. Returns the count. */
static size_t
check_node(const struct acl_doc *d, size_t i, json_t *v, const char *file)
{
    struct acl_span sp = acl_doc_value(d, i);
    json_t *again = reparse(d, sp);
    size_t count = 1, k;

    ck_assert_msg(again != NULL && json_equal(again, v),
                  "%s: span %u-%u does not parse back to its value", file,
                  sp.start, sp.end);
    ck_assert_int_eq(acl_doc_type(d, i), json_typeof(v));
    json_decref(again);
    for (k = 0; k < acl_doc_nkids(d, i); k++) {
        size_t c = acl_doc_kid(d, i, k);
        json_t *child, *name = NULL;

        if (acl_doc_type(d, i) == JSON_ARRAY) {
            child = json_array_get(v, k);
        } else {
            name = reparse(d, acl_doc_key(d, c));
            ck_assert_msg(json_is_string(name), "%s: bad name span", file);
            child = shadowed(d, i, k, name)
                        ? NULL
                        : json_object_getn(v, json_string_value(name),
                                           json_string_length(name));
        }
        if (child != NULL || name == NULL)
            count += check_node(d, c, child, file);
        json_decref(name);
    }
    return count;
}

static size_t
check_tree(const char *dir, int depth)
{
    DIR *dh = opendir(dir);
    struct dirent *e;
    size_t count = 0;

    while (dh != NULL && depth < 12 && (e = readdir(dh)) != NULL) {
        char *path = acl_xasprintf("%s/%s", dir, e->d_name);
        struct stat st;

        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0 ||
            strcmp(e->d_name, "node_modules") == 0 || lstat(path, &st) != 0) {
            free(path);
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            count += check_tree(path, depth + 1);
        } else if (S_ISREG(st.st_mode) && strlen(e->d_name) > 5 &&
                   strcmp(e->d_name + strlen(e->d_name) - 5, ".json") == 0) {
            char *data;
            size_t len;

            if (acl_read_file(path, 1 << 24, &data, &len, NULL) ==
                ACL_READ_OK) {
                struct acl_doc *d =
                    acl_doc_parse(acl_text_new(path, path, data, len));

                if (d->root != NULL)
                    count += check_node(d, 0, d->root, path);
                acl_doc_free(d);
            }
        }
        free(path);
    }
    if (dh != NULL)
        closedir(dh);
    return count;
}

START_TEST(every_span_parses_back_to_its_value)
{
    const char *shared = acl_test_shared_dir();
    size_t n = check_tree("fixtures", 0);

    ck_assert_uint_gt(n, 100);
    if (shared != NULL) {
        char *corpus = acl_xasprintf("%s/corpus/real-cli", shared);

        ck_assert_uint_gt(check_tree(corpus, 0), 1000);
        free(corpus);
    }
}
END_TEST

Suite *
acl_suite_json(void)
{
    Suite *s = suite_create("json");
    TCase *tc;

    tc = tcase_create("source map");
    tcase_add_test(tc, spans_of_values_and_names);
    tcase_add_test(tc, positions_count_code_points_and_utf16);
    tcase_add_test(tc, lines_end_at_lf_crlf_and_cr);
    suite_add_tcase(s, tc);
    tc = tcase_create("values");
    tcase_add_test(tc, values_match_json_parse);
    tcase_add_test(tc, duplicate_names_later_wins);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, syntax_errors_are_located, 0,
                        (int)ACL_ARRAY_LEN(bad_cases));
    tcase_add_test(tc, nesting_is_bounded);
    suite_add_tcase(s, tc);
    tc = tcase_create("pointers");
    tcase_add_test(tc, pointer_escaping);
    tcase_add_test(tc, large_object_lookup);
    tcase_add_test(tc, repeated_names_find_their_first);
    suite_add_tcase(s, tc);
    tc = tcase_create("span property");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_span_parses_back_to_its_value);
    suite_add_tcase(s, tc);
    return s;
}
