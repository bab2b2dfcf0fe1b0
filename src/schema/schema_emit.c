/*
 * schema_emit.c - where the validator is and what it says: the JSON
 * pointer of the current value, the labels messages start with, the
 * reports to the sink, and small member helpers for the rules.
 */
#include <stdarg.h>
#include <string.h>

#include "acl/jptr.h"
#include "schema_int.h"

size_t
acl_sx_push(struct acl_sx_ctx *cx, const char *tok, size_t len)
{
    size_t old = cx->ptr.len;

    acl_jptr_append(&cx->ptr, tok, len);
    return old;
}

size_t
acl_sx_push_index(struct acl_sx_ctx *cx, size_t i)
{
    size_t old = cx->ptr.len;

    acl_jptr_append_index(&cx->ptr, i);
    return old;
}

void
acl_sx_pop(struct acl_sx_ctx *cx, size_t old)
{
    cx->ptr.len = old;
    cx->ptr.data[old] = '\0';
}

void
acl_sx_quote(struct acl_buf *b, const char *s, size_t len)
{
    size_t i;

    acl_buf_putc(b, '"');
    for (i = 0; i < len && i < 200; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c == '"' || c == '\\')
            acl_buf_printf(b, "\\%c", c);
        else if (c < 0x20 || c == 0x7f)
            acl_buf_printf(b, "\\u%04x", c);
        else
            acl_buf_append(b, s + i, 1);
    }
    if (i < len)
        acl_buf_puts(b, "...");
    acl_buf_putc(b, '"');
}

/* Is the pointer token [s, e) an array index? */
static int
sx_is_index(const char *s, const char *e)
{
    if (s == e)
        return 0;
    for (; s < e; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* The label of the current value, for messages: its member name and any
 * indices after it ("subnets[2]"), taken from the pointer. */
static void
sx_label(struct acl_sx_ctx *cx, struct acl_buf *b)
{
    const char *p = cx->ptr.data ? cx->ptr.data : "";
    const char *end = p + cx->ptr.len, *s = end, *idx = end;
    struct acl_buf tok = {0};

    if (cx->key_label != NULL) {
        acl_buf_puts(b, cx->key_label);
        return;
    }
    while (s > p) { /* walk back over trailing index tokens */
        const char *t = s;

        while (t > p + 1 && t[-1] != '/')
            t--;
        t--; /* the '/' */
        if (!sx_is_index(t + 1, s))
            break;
        idx = t;
        s = t;
    }
    if (p == end) {
        acl_buf_puts(b, "the document");
        return;
    }
    if (s > p) {
        const char *t = s;

        while (t > p && t[-1] != '/')
            t--;
        (void)acl_jptr_unescape(&tok, t,
                                (size_t)(s - t)); /* ours: well-formed */
    }
    for (s = idx; s < end; s++) { /* "/2/0" -> "[2][0]" */
        if (*s == '/')
            acl_buf_puts(&tok, s == idx ? "[" : "][");
        else
            acl_buf_append(&tok, s, 1);
    }
    if (idx < end)
        acl_buf_putc(&tok, ']');
    acl_sx_quote(b, tok.data ? tok.data : "", tok.len);
    acl_buf_free(&tok);
}

void
acl_sx_emit(struct acl_sx_ctx *cx, const char *missing, const char *msg)
{
    cx->count++;
    if (cx->sink != NULL)
        cx->sink->emit(cx->sink->arg, cx->ptr.data ? cx->ptr.data : "", missing,
                       cx->at_name, msg);
}

void
acl_sx_fail(struct acl_sx_ctx *cx, const char *fmt, ...)
{
    struct acl_buf b = {0};
    va_list ap;
    char *tail;

    if (cx->sink == NULL) {
        cx->count++;
        return;
    }
    sx_label(cx, &b);
    acl_buf_putc(&b, ' ');
    va_start(ap, fmt);
    tail = acl_xvasprintf(fmt, ap);
    va_end(ap);
    acl_buf_puts(&b, tail);
    free(tail);
    acl_sx_emit(cx, NULL, b.data);
    acl_buf_free(&b);
}

void
acl_sx_fail_at(struct acl_sx_ctx *cx, const char *path, const char *fmt, ...)
{
    size_t old = cx->ptr.len;
    va_list ap;
    char *msg;

    while (path != NULL && *path != '\0') {
        const char *e = strchr(path, '/');
        size_t n = e ? (size_t)(e - path) : strlen(path);

        acl_sx_push(cx, path, n);
        path += n + (e != NULL);
    }
    va_start(ap, fmt);
    msg = cx->sink ? acl_xvasprintf(fmt, ap) : NULL;
    va_end(ap);
    acl_sx_emit(cx, NULL, msg);
    free(msg);
    if (cx->ptr.len != old)
        acl_sx_pop(cx, old);
}

static const char *
sx_type_name(json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    default:
        return "null";
    }
}

void
acl_sx_wrong_type(struct acl_sx_ctx *cx, const char *want, json_t *v)
{
    acl_sx_fail(cx, "must be %s (got %s)", want, sx_type_name(v));
}

int
acl_sx_is_proto(const char *key, size_t len)
{
    return len == 9 && memcmp(key, "__proto__", 9) == 0;
}

const char *
acl_sx_str(json_t *obj, const char *key)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;

    return json_is_string(v) ? json_string_value(v) : NULL;
}

int
acl_sx_has(json_t *obj, const char *key)
{
    return json_is_object(obj) && json_object_get(obj, key) != NULL;
}

size_t
acl_sx_len(json_t *obj, const char *key)
{
    json_t *v = json_is_object(obj) ? json_object_get(obj, key) : NULL;

    return json_is_array(v) ? json_array_size(v) : 0;
}

void
acl_sx_exactly_one(struct acl_sx_ctx *cx, json_t *obj, const char *a,
                   const char *b, const char *msg)
{
    if (acl_sx_has(obj, a) == acl_sx_has(obj, b))
        acl_sx_fail_at(cx, NULL, "%s", msg);
}

int
acl_sx_truthy(json_t *v)
{
    switch (v ? json_typeof(v) : JSON_NULL) {
    case JSON_STRING:
        return json_string_length(v) > 0;
    case JSON_INTEGER:
    case JSON_REAL:
        return json_number_value(v) != 0;
    case JSON_TRUE:
        return 1;
    case JSON_FALSE:
    case JSON_NULL:
        return 0;
    default:
        return 1;
    }
}
