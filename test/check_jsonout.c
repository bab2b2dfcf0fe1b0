/*
 * check_jsonout.c - the report JSON writer gives exactly jansson's bytes
 * for JSON_INDENT(2) | JSON_ENSURE_ASCII, on chosen and random values.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/jsonout.h"
#include "check_acl.h"

#define FLAGS (JSON_INDENT(2) | JSON_ENSURE_ASCII)

/* Our bytes for v; *rc gets the writer's status. The caller frees. */
static char *
ours(const json_t *v, int *rc)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&data, &len);

    ck_assert_ptr_nonnull(f);
    *rc = acl_json_dumpf(v, f);
    fclose(f);
    return data;
}

static void
assert_same(const json_t *v)
{
    char *want = json_dumps(v, FLAGS), *got;
    int rc;

    ck_assert_ptr_nonnull(want);
    got = ours(v, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_str_eq(got, want);
    free(got);
    free(want);
}

START_TEST(nesting_and_empties)
{
    json_t *v = json_pack("{s:[], s:{}, s:[{}, [], [i, [i, {s:n}]]], s:b, s:b}",
                          "a", "b", "c", 1, 2, "d", "e", 1, "f", 0);

    ck_assert_ptr_nonnull(v);
    assert_same(v);
    json_decref(v);
    v = json_array();
    assert_same(v);
    json_decref(v);
}
END_TEST

START_TEST(every_escape)
{
    char s[160];
    json_t *v = json_array();
    int i;

    for (i = 0; i < 128; i++)
        s[i] = (char)(i + 1 < 128 ? i + 1 : 0x7f);
    json_array_append_new(v, json_stringn(s, 127));
    json_array_append_new(v,
                          json_string("caf\xC3\xA9 \xE2\x80\xAE \xEF\xBF\xBF"));
    json_array_append_new(v, json_string("\xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
    json_array_append_new(v, json_stringn("nul\0inside", 10));
    json_array_append_new(v, json_string("a/b \"q\" \\ \xE2\x80\xA8"));
    assert_same(v);
    json_decref(v);
}
END_TEST

START_TEST(numbers)
{
    double reals[] = {0.0,
                      -0.0,
                      1.0,
                      0.1,
                      1e20,
                      1e-5,
                      1.5e300,
                      -2.5e-300,
                      123456789012345678.0,
                      3.141592653589793};
    json_t *v = json_pack("[I, I, I, i]", (json_int_t)0, (json_int_t)LLONG_MAX,
                          (json_int_t)LLONG_MIN, -42);
    size_t i;

    for (i = 0; i < sizeof reals / sizeof reals[0]; i++)
        json_array_append_new(v, json_real(reals[i]));
    assert_same(v);
    json_decref(v);
}
END_TEST

/* A string of random code points, from every UTF-8 length. */
static json_t *
random_string(unsigned *seed)
{
    static const unsigned long ranges[][2] = {{0x01, 0x7F},
                                              {0x80, 0x7FF},
                                              {0x800, 0xD7FF},
                                              {0xE000, 0xFFFF},
                                              {0x10000, 0x10FFFF}};
    char b[256];
    size_t n = 0;
    int k = rand_r(seed) % 12;

    while (k-- > 0 && n < sizeof b - 4) {
        const unsigned long *r = ranges[rand_r(seed) % 5];
        unsigned long cp =
            r[0] + (unsigned long)rand_r(seed) % (r[1] - r[0] + 1);

        if (cp < 0x80) {
            b[n++] = (char)cp;
        } else if (cp < 0x800) {
            b[n++] = (char)(0xC0 | (cp >> 6));
            b[n++] = (char)(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            b[n++] = (char)(0xE0 | (cp >> 12));
            b[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            b[n++] = (char)(0x80 | (cp & 0x3F));
        } else {
            b[n++] = (char)(0xF0 | (cp >> 18));
            b[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
            b[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
            b[n++] = (char)(0x80 | (cp & 0x3F));
        }
    }
    return json_stringn(b, n);
}

static json_t *
random_value(unsigned *seed, int depth)
{
    int kind = rand_r(seed) % (depth > 4 ? 5 : 7), n, i;
    json_t *v;

    switch (kind) {
    case 0:
        return random_string(seed);
    case 1:
        return json_integer((json_int_t)rand_r(seed) - RAND_MAX / 2);
    case 2:
        return json_real((double)rand_r(seed) / (rand_r(seed) + 1.0) *
                         ((rand_r(seed) % 2) ? 1e-9 : 1e12));
    case 3:
        return json_boolean(rand_r(seed) % 2);
    case 4:
        return json_null();
    case 5:
        v = json_array();
        for (n = rand_r(seed) % 5, i = 0; i < n; i++)
            json_array_append_new(v, random_value(seed, depth + 1));
        return v;
    default:
        v = json_object();
        for (n = rand_r(seed) % 5, i = 0; i < n; i++) {
            json_t *key = random_string(seed);

            json_object_set_new(v, json_string_value(key),
                                random_value(seed, depth + 1));
            json_decref(key);
        }
        return v;
    }
}

START_TEST(random_values_match)
{
    unsigned seed = 20261127;
    int i;

    for (i = 0; i < 2000; i++) {
        json_t *v = json_array();

        json_array_append_new(v, random_value(&seed, 0));
        assert_same(v);
        json_decref(v);
    }
}
END_TEST

/* Past the writer's chunk size, in one string and in many values. */
START_TEST(large_output)
{
    json_t *v = json_array();
    char *big = malloc(300000);
    int i;

    memset(big, 'x', 300000);
    big[299999] = '\0';
    json_array_append_new(v, json_string(big));
    for (i = 0; i < 20000; i++)
        json_array_append_new(v, json_pack("{s:i}", "n", i));
    assert_same(v);
    json_decref(v);
    free(big);
}
END_TEST

static json_t *
stream_next(void *arg, size_t i)
{
    return i < *(size_t *)arg ? json_pack("{s:i, s:[s]}", "n", (int)i, "l", "x")
                              : NULL;
}

/* A streamed array writes the bytes the full array would, empty or not,
 * at any depth. */
START_TEST(streamed_array_matches)
{
    size_t counts[] = {0, 1, 3}, k, i;

    for (k = 0; k < 3; k++) {
        json_t *holder = json_array(), *full = json_array();
        json_t *v = json_pack("{s:i, s:{s:o, s:s}}", "a", 1, "b", "items",
                              holder, "z", "end");
        json_t *w = json_pack("{s:i, s:{s:o, s:s}}", "a", 1, "b", "items", full,
                              "z", "end");
        struct acl_json_stream st = {holder, stream_next, &counts[k]};
        char *data = NULL, *want;
        size_t len = 0;
        FILE *f = open_memstream(&data, &len);

        for (i = 0; i < counts[k]; i++)
            json_array_append_new(full, stream_next(&counts[k], i));
        want = json_dumps(w, FLAGS);
        ck_assert_int_eq(acl_json_dumpf_stream(v, f, &st), 0);
        fclose(f);
        ck_assert_str_eq(data, want);
        ck_assert_uint_eq(json_array_size(holder), 0);
        free(data);
        free(want);
        json_decref(v);
        json_decref(w);
    }
}
END_TEST

/* A string that is not UTF-8 is never dropped: each bad sequence is
 * written as U+FFFD, the rest as it is. */
START_TEST(invalid_string_replaced)
{
    json_t *v = json_array();
    char *got;
    int rc;

    json_array_append_new(v, json_stringn_nocheck("bad \xC3\x28 \xED\xA0\x80"
                                                  "\xFF!",
                                                  12));
    got = ours(v, &rc);
    ck_assert_int_eq(rc, 0);
    ck_assert_str_eq(got, "[\n  \"bad \\uFFFD( \\uFFFD\\uFFFD\\uFFFD"
                          "\\uFFFD!\"\n]");
    free(got);
    json_decref(v);
    v = json_string("not a container");
    got = ours(v, &rc);
    ck_assert_int_eq(rc, -1);
    free(got);
    json_decref(v);
}
END_TEST

Suite *
acl_suite_jsonout(void)
{
    Suite *s = suite_create("jsonout");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, nesting_and_empties);
    tcase_add_test(tc, every_escape);
    tcase_add_test(tc, numbers);
    tcase_add_test(tc, random_values_match);
    tcase_add_test(tc, large_output);
    tcase_add_test(tc, streamed_array_matches);
    tcase_add_test(tc, invalid_string_replaced);
    suite_add_tcase(s, tc);
    return s;
}
