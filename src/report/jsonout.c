/*
 * jsonout.c - the JSON writer of the json and SARIF reports: indented
 * by two spaces, non-ASCII escaped as \uXXXX (surrogate pairs above the
 * BMP), members in their insertion order.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/jsonout.h"
#include "acl/utf8.h"

#define CHUNK 65536
#define INDENT 2

struct out {
    FILE *f;
    const struct acl_json_stream *stream;
    size_t len;
    int failed;
    char buf[CHUNK];
};

static void
flush(struct out *o)
{
    if (o->len > 0 && fwrite(o->buf, 1, o->len, o->f) != o->len)
        o->failed = 1;
    o->len = 0;
}

static void
put(struct out *o, const char *s, size_t n)
{
    while (n > 0) {
        size_t k = CHUNK - o->len < n ? CHUNK - o->len : n;

        memcpy(o->buf + o->len, s, k);
        o->len += k;
        s += k;
        n -= k;
        if (o->len == CHUNK)
            flush(o);
    }
}

static void
newline(struct out *o, size_t depth)
{
    static const char spaces[] = "                                ";
    size_t n = depth * INDENT;

    put(o, "\n", 1);
    for (; n > sizeof spaces - 1; n -= sizeof spaces - 1)
        put(o, spaces, sizeof spaces - 1);
    put(o, spaces, n);
}

static void
put_escape(struct out *o, uint32_t cp)
{
    static const char hex[] = "0123456789ABCDEF";
    char seq[6] = {'\\', 'u'};
    int i;

    for (i = 0; i < 4; i++)
        seq[2 + i] = hex[(cp >> (12 - 4 * i)) & 0xF];
    put(o, seq, 6);
}

/* The ASCII bytes that need no escape are copied in runs. */
static void
put_string(struct out *o, const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0, run = 0, k;
    uint32_t cp;

    put(o, "\"", 1);
    while (i < len) {
        unsigned char c = s[i];

        if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
            i++;
            continue;
        }
        put(o, str + run, i - run);
        k = 1;
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            put(o, e, 2);
        } else if (c < 0x20) {
            const char *named = c == '\b'   ? "\\b"
                                : c == '\f' ? "\\f"
                                : c == '\n' ? "\\n"
                                : c == '\r' ? "\\r"
                                : c == '\t' ? "\\t"
                                            : NULL;
            if (named != NULL)
                put(o, named, 2);
            else
                put_escape(o, c);
        } else if ((k = acl_utf8_strict(str + i, len - i, &cp)) == 0) {
            /* Never drop the member: a bad sequence is U+FFFD. */
            k = acl_utf8_lenient(str + i, len - i, &cp);
            put_escape(o, 0xFFFD);
        } else if (cp < 0x10000) {
            put_escape(o, cp);
        } else {
            put_escape(o, 0xD800 | ((cp - 0x10000) >> 10));
            put_escape(o, 0xDC00 | ((cp - 0x10000) & 0x3FF));
        }
        i += k;
        run = i;
    }
    put(o, str + run, len - run);
    put(o, "\"", 1);
}

static void put_value(struct out *o, const json_t *v, size_t depth);

/* An element of a plain array (borrowed), or NULL past its end. */
static json_t *
array_at(void *arr, size_t i)
{
    return i < json_array_size(arr) ? json_array_get(arr, i) : NULL;
}

/* An array whose elements come from next(arg, i); a streamed array's
 * (owned) are freed once written, so the bytes are the same either way. */
static void
put_elements(struct out *o, size_t depth, json_t *(*next)(void *, size_t),
             void *arg, int owned)
{
    json_t *e;
    size_t i;

    put(o, "[", 1);
    for (i = 0; (e = next(arg, i)) != NULL; i++) {
        if (i > 0)
            put(o, ",", 1);
        newline(o, depth + 1);
        put_value(o, e, depth + 1);
        if (owned)
            json_decref(e);
    }
    if (i > 0)
        newline(o, depth);
    put(o, "]", 1);
}

static void
put_array(struct out *o, const json_t *v, size_t depth)
{
    if (o->stream != NULL && v == o->stream->at)
        put_elements(o, depth, o->stream->next, o->stream->arg, 1);
    else
        put_elements(o, depth, array_at, (void *)v, 0);
}

static void
put_object(struct out *o, const json_t *v, size_t depth)
{
    void *it = json_object_iter((json_t *)v);
    int first = 1;

    put(o, "{", 1);
    for (; it != NULL; it = json_object_iter_next((json_t *)v, it)) {
        if (!first)
            put(o, ",", 1);
        first = 0;
        newline(o, depth + 1);
        put_string(o, json_object_iter_key(it), json_object_iter_key_len(it));
        put(o, ": ", 2);
        put_value(o, json_object_iter_value(it), depth + 1);
    }
    if (!first)
        newline(o, depth);
    put(o, "}", 1);
}

/* Reals as jansson writes them: 17 significant digits, ".0" when that
 * would read back as an integer, the exponent without '+' or leading
 * zeros. */
static int
format_real(char *b, size_t size, double d)
{
    int n = snprintf(b, size, "%.17g", d);
    char *e, *digits, *end;

    if (n <= 0 || (size_t)n >= size - 2)
        return -1;
    if (strchr(b, '.') == NULL && strchr(b, 'e') == NULL) {
        memcpy(b + n, ".0", 3);
        return n + 2;
    }
    if ((e = strchr(b, 'e')) != NULL) {
        digits = e + 1;
        if (*digits == '-')
            digits++;
        for (end = digits; *end == '+' || *end == '0';)
            end++;
        memmove(digits, end, strlen(end) + 1);
        n = (int)strlen(b);
    }
    return n;
}

static void
put_number(struct out *o, const json_t *v)
{
    char b[64];
    int n;

    if (json_is_integer(v))
        n = snprintf(b, sizeof b, "%" JSON_INTEGER_FORMAT,
                     json_integer_value(v));
    else
        n = format_real(b, sizeof b, json_real_value(v));
    if (n > 0 && n < (int)sizeof b)
        put(o, b, (size_t)n);
    else
        o->failed = 1;
}

static void
put_value(struct out *o, const json_t *v, size_t depth)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        put_object(o, v, depth);
        break;
    case JSON_ARRAY:
        put_array(o, v, depth);
        break;
    case JSON_STRING:
        put_string(o, json_string_value(v), json_string_length(v));
        break;
    case JSON_INTEGER:
    case JSON_REAL:
        put_number(o, v);
        break;
    case JSON_TRUE:
        put(o, "true", 4);
        break;
    case JSON_FALSE:
        put(o, "false", 5);
        break;
    case JSON_NULL:
        put(o, "null", 4);
        break;
    }
}

int
acl_json_dumpf(const json_t *v, FILE *out)
{
    return acl_json_dumpf_stream(v, out, NULL);
}

int
acl_json_dumpf_stream(const json_t *v, FILE *out,
                      const struct acl_json_stream *st)
{
    struct out *o = malloc(sizeof *o);
    int rc;

    if (o == NULL || v == NULL || (!json_is_object(v) && !json_is_array(v))) {
        free(o);
        return -1;
    }
    o->f = out;
    o->stream = st;
    o->len = 0;
    o->failed = 0;
    put_value(o, v, 0);
    flush(o);
    rc = o->failed ? -1 : 0;
    free(o);
    return rc;
}
