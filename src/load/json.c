/*
 * json.c - a one-pass JSON parser that builds jansson values and the
 * source map (the exact span of every value and member name).
 *
 * The grammar is RFC 8259, as JSON.parse reads it: duplicate member
 * names are kept (the later one wins), a lone surrogate escape becomes
 * U+FFFD, a leading byte order mark is an error. Nesting is bounded
 * and the parser never recurses, so no input can exhaust the stack.
 */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/jalloc.h"
#include "acl/json.h"
#include "acl/jptr.h"
#include "acl/secret.h"
#include "acl/utf8.h"

/* One open array or object. */
struct frame {
    json_t *value;
    uint32_t node;
    uint32_t pend_base;  /* first pending child index of this container */
    struct acl_span key; /* current member name span (objects) */
    char *key_text;      /* current member name, decoded; the buffer is
                            kept for the next container at this depth */
    size_t key_len;
    size_t key_cap;
    /* Objects with a repeated name: names to their first members, filled
     * up to pending child firsts_upto. */
    struct acl_name_table firsts;
    uint32_t firsts_upto;
};

struct parser {
    struct acl_doc *doc;
    const char *s;
    size_t len;
    size_t pos;
    size_t nodes_cap, kids_cap, pend_cap, dups_cap;
    uint32_t *pend; /* children of open containers, innermost last */
    size_t npend;
    struct frame *stack;
    size_t depth;
    size_t stack_cap;
    struct acl_buf str; /* decoded string scratch */
    int failed;
};

static void fail(struct parser *p, size_t at, const char *fmt, ...)
    ACL_PRINTF(3, 4);

static void
fail(struct parser *p, size_t at, const char *fmt, ...)
{
    va_list ap;

    if (p->failed)
        return;
    p->failed = 1;
    if (p->doc == NULL)
        return; /* re-decoding a member name: nothing to record */
    if (at > p->len)
        at = p->len;
    p->doc->error_at.start = (uint32_t)at;
    p->doc->error_at.end = (uint32_t)(at < p->len ? at + 1 : at);
    va_start(ap, fmt);
    vsnprintf(p->doc->error_text, sizeof p->doc->error_text, fmt, ap);
    va_end(ap);
}

static void
skip_ws(struct parser *p)
{
    const char *s = p->s;
    size_t i = p->pos, n = p->len;

    while (i < n &&
           (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
        i++;
    p->pos = i;
}

static void
put_utf8(struct acl_buf *b, unsigned long cp)
{
    char u[4];

    acl_buf_append(b, u, acl_utf8_put((uint32_t)cp, u));
}

static long
hex4(const char *s)
{
    long v = 0;
    int i;

    for (i = 0; i < 4; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

/* Decodes a \u escape (and its low surrogate) at p->pos, which points
 * just past the 'u'. */
static void
unicode_escape(struct parser *p)
{
    long hi, lo;

    if (p->len - p->pos < 4 || (hi = hex4(p->s + p->pos)) < 0) {
        fail(p, p->pos, "invalid \\u escape: expected four hex digits");
        return;
    }
    p->pos += 4;
    if (hi >= 0xD800 && hi <= 0xDBFF && p->len - p->pos >= 6 &&
        p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u' &&
        (lo = hex4(p->s + p->pos + 2)) >= 0xDC00 && lo <= 0xDFFF) {
        p->pos += 6;
        put_utf8(&p->str, 0x10000 + ((unsigned long)(hi - 0xD800) << 10) +
                              (unsigned long)(lo - 0xDC00));
        return;
    }
    if (hi >= 0xD800 && hi <= 0xDFFF)
        hi = 0xFFFD; /* a lone surrogate has no UTF-8 form */
    put_utf8(&p->str, (unsigned long)hi);
}

static void
simple_escape(struct parser *p, char c)
{
    static const char from[] = "\"\\/bfnrt";
    static const char to[] = "\"\\/\b\f\n\r\t";
    const char *hit = c ? strchr(from, c) : NULL;

    if (hit == NULL) {
        fail(p, p->pos - 2, "invalid escape '\\%c' in string", c);
        return;
    }
    acl_buf_putc(&p->str, to[hit - from]);
}

/* Scans a string whose opening quote is at p->pos; leaves the decoded
 * bytes in p->str and p->pos past the closing quote. */
static void
scan_string(struct parser *p)
{
    size_t open = p->pos++;

    acl_buf_reset(&p->str);
    acl_buf_append(&p->str, "", 0);
    while (!p->failed) {
        size_t run = p->pos, k;
        unsigned char c = 0;
        uint32_t cp;

        while (p->pos < p->len) {
            c = (unsigned char)p->s[p->pos];
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                break;
            p->pos++;
        }
        acl_buf_append(&p->str, p->s + run, p->pos - run);
        if (p->pos >= p->len) {
            fail(p, open, "string is not closed: add the closing quote");
            return;
        }
        if (c == '"') {
            p->pos++;
            return;
        }
        if (c < 0x20) {
            fail(p, p->pos,
                 "control character U+%04X in string: write it "
                 "as an escape",
                 c);
            return;
        }
        if (c >= 0x80) {
            k = acl_utf8_strict(p->s + p->pos, p->len - p->pos, &cp);
            if (k == 0) {
                fail(p, p->pos,
                     "invalid UTF-8 byte 0x%02X: the file must "
                     "be UTF-8",
                     c);
                return;
            }
            acl_buf_append(&p->str, p->s + p->pos, k);
            p->pos += k;
            continue;
        }
        p->pos++; /* backslash */
        if (p->pos >= p->len) {
            fail(p, open, "string is not closed: add the closing quote");
            return;
        }
        c = (unsigned char)p->s[p->pos++];
        if (c == 'u')
            unicode_escape(p);
        else
            simple_escape(p, (char)c);
    }
}

static uint32_t
new_node(struct parser *p, size_t start)
{
    struct acl_doc *d = p->doc;
    struct acl_jnode *n;

    acl_xgrow((void **)&d->nodes, &p->nodes_cap, d->nnodes + 1,
              sizeof *d->nodes);
    n = &d->nodes[d->nnodes];
    n->start = n->end = (uint32_t)start;
    n->key = n->kids = ACL_JNONE;
    if (p->depth > 0) {
        struct frame *f = &p->stack[p->depth - 1];

        if (json_is_object(f->value))
            n->key = f->key.start;
        acl_xgrow((void **)&p->pend, &p->pend_cap, p->npend + 1,
                  sizeof *p->pend);
        p->pend[p->npend++] = (uint32_t)d->nnodes;
    }
    return (uint32_t)d->nnodes++;
}

static json_t *
scan_number(struct parser *p)
{
    const char *s = p->s;
    size_t start = p->pos, i = p->pos;
    int is_int = 1;
    double d;

    if (i < p->len && s[i] == '-')
        i++;
    if (i < p->len && s[i] == '0') {
        i++;
    } else if (i < p->len && s[i] >= '1' && s[i] <= '9') {
        while (i < p->len && s[i] >= '0' && s[i] <= '9')
            i++;
    } else {
        fail(p, i, "invalid number: expected a digit");
        return NULL;
    }
    if (i < p->len && s[i] == '.') {
        is_int = 0;
        if (++i >= p->len || s[i] < '0' || s[i] > '9') {
            fail(p, i, "invalid number: expected a digit after '.'");
            return NULL;
        }
        while (i < p->len && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    if (i < p->len && (s[i] == 'e' || s[i] == 'E')) {
        is_int = 0;
        if (++i < p->len && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i >= p->len || s[i] < '0' || s[i] > '9') {
            fail(p, i, "invalid number: expected a digit in the exponent");
            return NULL;
        }
        while (i < p->len && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    p->pos = i;
    if (is_int) {
        long long v;

        errno = 0;
        v = strtoll(s + start, NULL, 10);
        if (errno == 0)
            return json_integer(v);
    }
    d = strtod(s + start, NULL);
    /* JSON.parse turns 1e400 into Infinity, which no schema number
     * accepts; jansson cannot hold it, so keep the largest double. */
    if (isinf(d))
        d = d > 0 ? DBL_MAX : -DBL_MAX;
    return json_real(d);
}

static json_t *
scan_literal(struct parser *p)
{
    static const struct {
        const char *word;
        size_t len;
    } lits[] = {{"true", 4}, {"false", 5}, {"null", 4}};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(lits); i++) {
        if (p->len - p->pos >= lits[i].len &&
            memcmp(p->s + p->pos, lits[i].word, lits[i].len) == 0) {
            p->pos += lits[i].len;
            return i == 0 ? json_true() : i == 1 ? json_false() : json_null();
        }
    }
    return NULL;
}

static void
describe(const struct parser *p, size_t at, char *out, size_t n)
{
    unsigned char c;

    if (at >= p->len) {
        snprintf(out, n, "end of file");
        return;
    }
    c = (unsigned char)p->s[at];
    if (c > 0x20 && c < 0x7F)
        snprintf(out, n, "'%c'", c);
    else
        snprintf(out, n, "byte 0x%02X", c);
}

/* The pointer of the innermost open container, from the stack. */
static char *
frame_pointer(const struct parser *p, size_t depth)
{
    struct acl_buf b = {0};
    size_t i;

    acl_buf_append(&b, "", 0);
    for (i = 0; i + 1 < depth; i++) {
        const struct frame *f = &p->stack[i];

        if (json_is_object(f->value))
            acl_jptr_append(&b, f->key_text, f->key_len);
        else
            acl_jptr_append_index(&b, json_array_size(f->value) - 1);
    }
    return acl_buf_steal(&b);
}

static void
record_dup(struct parser *p, struct frame *f)
{
    struct acl_doc *d = p->doc;
    struct acl_dupkey *k;
    size_t i;
    long first;

    acl_xgrow((void **)&d->dups, &p->dups_cap, d->ndups + 1, sizeof *d->dups);
    k = &d->dups[d->ndups++];
    memset(k, 0, sizeof *k);
    k->pointer = frame_pointer(p, p->depth);
    {
        char *member = acl_jptr_join(k->pointer, f->key_text, f->key_len);

        free(k->pointer);
        k->pointer = member;
    }
    k->name = acl_xstrndup(f->key_text, f->key_len);
    k->name_len = f->key_len;
    k->later = f->key;
    /* The first member of that name, from a table of the object's names
     * so that many repeated names stay linear. */
    for (i = f->firsts_upto > f->pend_base ? f->firsts_upto : f->pend_base;
         i < p->npend; i++)
        acl_name_table_put(&f->firsts, d, p->pend[i], 1);
    f->firsts_upto = (uint32_t)p->npend;
    first = acl_name_table_get(&f->firsts, d, f->key_text, f->key_len);
    if (first >= 0)
        k->first = acl_doc_key(d, (size_t)first);
}

/* Hands a new value to the open container (or makes it the root). */
static void
attach(struct parser *p, json_t *v)
{
    struct frame *f;

    if (p->depth == 0) {
        p->doc->root = v;
        return;
    }
    f = &p->stack[p->depth - 1];
    if (json_is_array(f->value)) {
        json_array_append_new(f->value, v);
        return;
    }
    if (json_object_getn(f->value, f->key_text, f->key_len) != NULL)
        record_dup(p, f);
    json_object_setn_new_nocheck(f->value, f->key_text, f->key_len, v);
}

static void
push_frame(struct parser *p, json_t *v, uint32_t node, size_t *cap)
{
    struct frame *f;
    size_t old = *cap;

    acl_xgrow((void **)&p->stack, cap, p->depth + 1, sizeof *p->stack);
    if (*cap > old)
        memset(p->stack + old, 0, (*cap - old) * sizeof *p->stack);
    f = &p->stack[p->depth++];
    f->value = v;
    f->node = node;
    f->pend_base = (uint32_t)p->npend;
    f->key.start = f->key.end = 0;
    f->key_len = 0;
}

/* Closes the innermost container at p->pos (its closing bracket). */
static void
pop_frame(struct parser *p)
{
    struct acl_doc *d = p->doc;
    struct frame *f = &p->stack[--p->depth];
    struct acl_jnode *n = &d->nodes[f->node];
    size_t k = p->npend - f->pend_base;

    p->pos++;
    n->end = (uint32_t)p->pos;
    acl_name_table_clear(&f->firsts);
    f->firsts_upto = 0;
    if (k > 0) {
        acl_xgrow((void **)&d->kids, &p->kids_cap, d->nkids + k + 1,
                  sizeof *d->kids);
        n->kids = (uint32_t)d->nkids;
        d->kids[d->nkids++] = (uint32_t)k;
        memcpy(d->kids + d->nkids, p->pend + f->pend_base, k * sizeof *p->pend);
        d->nkids += k;
    }
    p->npend = f->pend_base;
}

/* Parses one value start at p->pos: a scalar is finished, a container
 * is opened. Returns 1 when a container was opened. */
static int
begin_value(struct parser *p, size_t *stack_cap)
{
    size_t start;
    uint32_t node;
    json_t *v;
    char what[32];
    char c;

    skip_ws(p);
    start = p->pos;
    c = p->pos < p->len ? p->s[p->pos] : '\0';
    if (c == '{' || c == '[') {
        if (p->depth >= ACL_JSON_MAX_DEPTH) {
            fail(p, start, "nesting deeper than %d levels", ACL_JSON_MAX_DEPTH);
            return 0;
        }
        node = new_node(p, start);
        v = c == '{' ? json_object() : json_array();
        attach(p, v);
        push_frame(p, v, node, stack_cap);
        p->pos++;
        return 1;
    }
    if (c == '"') {
        node = new_node(p, start);
        scan_string(p);
        if (p->failed)
            return 0;
        v = json_stringn_nocheck(p->str.data, p->str.len);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
        node = new_node(p, start);
        v = scan_number(p);
    } else if ((v = scan_literal(p)) != NULL) {
        node = new_node(p, start);
    } else {
        describe(p, start, what, sizeof what);
        fail(p, start, "unexpected %s: expected a JSON value", what);
        return 0;
    }
    if (v == NULL)
        return 0;
    p->doc->nodes[node].end = (uint32_t)p->pos;
    attach(p, v);
    return 0;
}

/* Reads a member name and its ':' in the innermost object. */
static void
member_name(struct parser *p)
{
    struct frame *f = &p->stack[p->depth - 1];
    char what[32];

    skip_ws(p);
    if (p->pos >= p->len || p->s[p->pos] != '"') {
        describe(p, p->pos, what, sizeof what);
        fail(p, p->pos,
             "unexpected %s: expected a member name in double "
             "quotes",
             what);
        return;
    }
    f->key.start = (uint32_t)p->pos;
    scan_string(p);
    if (p->failed)
        return;
    f->key.end = (uint32_t)p->pos;
    acl_xgrow((void **)&f->key_text, &f->key_cap, p->str.len + 1, 1);
    memcpy(f->key_text, p->str.data, p->str.len + 1);
    f->key_len = p->str.len;
    skip_ws(p);
    if (p->pos >= p->len || p->s[p->pos] != ':') {
        describe(p, p->pos, what, sizeof what);
        fail(p, p->pos, "unexpected %s: expected ':' after the member name",
             what);
        return;
    }
    p->pos++;
}

/* After a value inside a container: ',' or the closing bracket. Returns
 * 1 when another element or member follows. */
static int
after_value(struct parser *p)
{
    struct frame *f = &p->stack[p->depth - 1];
    char close = json_is_object(f->value) ? '}' : ']';
    char what[32];

    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == ',') {
        p->pos++;
        return 1;
    }
    if (p->pos < p->len && p->s[p->pos] == close) {
        pop_frame(p);
        return 0;
    }
    describe(p, p->pos, what, sizeof what);
    fail(p, p->pos, "unexpected %s: expected ',' or '%c'", what, close);
    return 0;
}

/* Right after an opening bracket: an empty container closes at once. */
static int
closes_empty(struct parser *p)
{
    struct frame *f = &p->stack[p->depth - 1];
    char close = json_is_object(f->value) ? '}' : ']';

    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == close) {
        pop_frame(p);
        return 1;
    }
    return 0;
}

static void
parse_loop(struct parser *p)
{
    size_t *stack_cap = &p->stack_cap;
    int opened = begin_value(p, stack_cap);

    while (!p->failed && p->depth > 0) {
        int more;

        if (opened && closes_empty(p)) {
            opened = 0;
            continue;
        }
        more = opened ? 1 : after_value(p);
        opened = 0;
        if (!more || p->failed)
            continue;
        if (json_is_object(p->stack[p->depth - 1].value))
            member_name(p);
        if (!p->failed)
            opened = begin_value(p, stack_cap);
    }
}

static void
parser_cleanup(struct parser *p)
{
    size_t i;

    for (i = 0; i < p->stack_cap; i++) {
        free(p->stack[i].key_text);
        acl_name_table_clear(&p->stack[i].firsts); /* open at an error */
    }
    free(p->stack);
    free(p->pend);
    acl_buf_free(&p->str);
}

struct acl_doc *
acl_doc_parse(struct acl_text *text)
{
    struct acl_doc *doc = acl_xcalloc(1, sizeof *doc);
    struct acl_arena *prev;
    struct parser p;
    char what[32];

    memset(&p, 0, sizeof p);
    doc->index = acl_doc_index_new();
    /* A value takes about as many bytes as its text, often more. */
    /* Small first chunks for small files: a project may reference
     * tens of thousands of tool files of a few hundred bytes each. */
    doc->arena = acl_arena_new(text->len < 1024         ? 2048
                               : text->len < (1u << 20) ? 16384
                                                        : 1u << 20);
    prev = acl_arena_use(doc->arena);
    doc->text = text;
    p.doc = doc;
    p.s = text->data;
    p.len = text->len;
    /* Most values take more than eight bytes of text. */
    acl_xgrow((void **)&doc->nodes, &p.nodes_cap, text->len / 8 + 16,
              sizeof *doc->nodes);
    if (p.len >= 3 && memcmp(p.s, "\xEF\xBB\xBF", 3) == 0) {
        fail(&p, 0,
             "file starts with a byte order mark (U+FEFF), which "
             "JSON.parse rejects: save it as UTF-8 without BOM");
    } else if (skip_ws(&p), p.pos >= p.len) {
        fail(&p, p.pos, "file is empty: expected a JSON value");
    } else {
        parse_loop(&p);
        skip_ws(&p);
        if (!p.failed && p.pos < p.len) {
            describe(&p, p.pos, what, sizeof what);
            fail(&p, p.pos, "unexpected %s after the JSON value", what);
        }
    }
    parser_cleanup(&p);
    if (p.failed)
        doc->root = NULL; /* its values go with the arena */
    acl_arena_use(prev);
    return doc;
}

void
acl_doc_free(struct acl_doc *doc)
{
    size_t i;

    if (doc == NULL)
        return;
    acl_secret_index_free(doc->secrets); /* points into root */
    /* Every value of root lives in the arena. */
    acl_arena_free(doc->arena);
    acl_doc_index_free(doc->index);
    acl_text_free(doc->text);
    free(doc->nodes);
    free(doc->kids);
    for (i = 0; i < doc->ndups; i++) {
        free(doc->dups[i].pointer);
        free(doc->dups[i].name);
    }
    free(doc->dups);
    free(doc);
}

/* The member name of node i as written, when it has no escape (most
 * names): its text between the quotes, its length in *len. NULL when it
 * must be decoded, or has no name (*len 0). */
static const char *
key_plain(const struct acl_doc *doc, size_t i, size_t *len)
{
    struct acl_span key = acl_doc_key(doc, i);
    const char *raw = doc->text->data + key.start + 1;

    *len = 0;
    if (key.end < key.start + 2)
        return NULL;
    if (memchr(raw, '\\', key.end - key.start - 2) != NULL)
        return NULL;
    *len = key.end - key.start - 2;
    return raw;
}

void
acl_doc_key_name(const struct acl_doc *doc, size_t i, struct acl_buf *out)
{
    struct acl_span key = acl_doc_key(doc, i);
    size_t len;
    const char *raw = key_plain(doc, i, &len);
    struct parser p;

    acl_buf_reset(out);
    acl_buf_append(out, raw != NULL ? raw : "", len);
    if (raw != NULL || key.end < key.start + 2)
        return;
    memset(&p, 0, sizeof p);
    p.s = doc->text->data;
    p.len = key.end;
    p.pos = key.start;
    scan_string(&p);
    acl_buf_append(out, p.str.data != NULL ? p.str.data : "", p.str.len);
    acl_buf_free(&p.str);
}

/* Does the member name of node i decode to name (len bytes)? Plain
 * names are compared where they are, without a copy. */
static int
key_equals(const struct acl_doc *doc, size_t i, const char *name, size_t len)
{
    size_t n;
    const char *raw = key_plain(doc, i, &n);
    struct acl_buf b = {0};
    int eq;

    if (raw != NULL)
        return n == len && memcmp(raw, name, len) == 0;
    acl_doc_key_name(doc, i, &b);
    eq = b.len == len && memcmp(b.data, name, len) == 0;
    acl_buf_free(&b);
    return eq;
}

static long
find_member(const struct acl_doc *doc, size_t n, const struct acl_buf *tok)
{
    long hit = acl_doc_index_member(doc->index, doc, n, tok->data, tok->len);
    size_t i;

    if (hit != -2)
        return hit;
    /* From the last member: with duplicates, the later one wins. */
    for (i = acl_doc_nkids(doc, n); i > 0; i--) {
        size_t k = acl_doc_kid(doc, n, i - 1);

        if (key_equals(doc, k, tok->data, tok->len))
            return (long)k;
    }
    return -1;
}

static long
find_element(const struct acl_doc *doc, size_t n, const struct acl_buf *tok)
{
    unsigned long long idx = 0;
    size_t i;

    if (tok->len == 0 || (tok->len > 1 && tok->data[0] == '0'))
        return -1;
    for (i = 0; i < tok->len; i++) {
        if (tok->data[i] < '0' || tok->data[i] > '9' || idx > 1u << 30)
            return -1;
        idx = idx * 10 + (unsigned)(tok->data[i] - '0');
    }
    return idx < acl_doc_nkids(doc, n) ? (long)acl_doc_kid(doc, n, idx) : -1;
}

long
acl_doc_find(const struct acl_doc *doc, const char *pointer)
{
    struct acl_buf tok = {0};
    long cur = 0;
    int r;

    if (doc->root == NULL || doc->nnodes == 0)
        return -1;
    while (cur >= 0 && (r = acl_jptr_next(&pointer, &tok)) == 0) {
        int type = acl_doc_type(doc, (size_t)cur);

        if (type == JSON_OBJECT)
            cur = find_member(doc, (size_t)cur, &tok);
        else if (type == JSON_ARRAY)
            cur = find_element(doc, (size_t)cur, &tok);
        else
            cur = -1;
    }
    if (cur >= 0 && r < 0)
        cur = -1;
    acl_buf_free(&tok);
    return cur;
}

struct acl_span
acl_doc_value(const struct acl_doc *doc, size_t i)
{
    struct acl_span sp = {doc->nodes[i].start, doc->nodes[i].end};

    return sp;
}

struct acl_span
acl_doc_key(const struct acl_doc *doc, size_t i)
{
    struct acl_span sp = {0, 0};
    const char *s = doc->text->data;
    size_t k = doc->nodes[i].key;

    if (k == ACL_JNONE)
        return sp;
    sp.start = (uint32_t)k;
    /* The name parsed once already: find its closing quote. */
    for (k++; k < doc->text->len && s[k] != '"'; k++)
        if (s[k] == '\\')
            k++;
    sp.end = (uint32_t)(k + 1);
    return sp;
}

int
acl_doc_type(const struct acl_doc *doc, size_t i)
{
    const char *s = doc->text->data + doc->nodes[i].start;
    size_t n = doc->nodes[i].end - doc->nodes[i].start;

    switch (*s) {
    case '{':
        return JSON_OBJECT;
    case '[':
        return JSON_ARRAY;
    case '"':
        return JSON_STRING;
    case 't':
        return JSON_TRUE;
    case 'f':
        return JSON_FALSE;
    case 'n':
        return JSON_NULL;
    default:
        return memchr(s, '.', n) || memchr(s, 'e', n) || memchr(s, 'E', n)
                   ? JSON_REAL
                   : JSON_INTEGER;
    }
}

size_t
acl_doc_nkids(const struct acl_doc *doc, size_t i)
{
    uint32_t k = doc->nodes[i].kids;

    return k == ACL_JNONE ? 0 : doc->kids[k];
}

size_t
acl_doc_kid(const struct acl_doc *doc, size_t i, size_t k)
{
    return doc->kids[doc->nodes[i].kids + 1 + k];
}
