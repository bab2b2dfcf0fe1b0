/*
 * codelex.c - string literals and comments of Python and JavaScript /
 * TypeScript source, found in one linear pass.
 *
 * Only what the source rules need: literal and comment spans, whether a
 * literal is interpolated, and the name a literal is assigned to. Every
 * loop advances, template nesting is bounded, and an unterminated
 * literal ends at its line, so hostile input costs linear time.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/codelex.h"
#include "acl/util.h"

/* Deeper ${...`${...}`...} nesting is skipped over, not lexed. */
#define MAX_TEMPLATE_DEPTH 32

struct lexer {
    const char *s;
    size_t len;
    struct acl_code_toks *out;
};

enum acl_code_lang
acl_code_lang(const char *path)
{
    static const char *const js[] = {".ts", ".js", ".mjs", ".cjs", ".tsx",
                                     ".jsx"};
    size_t i;

    if (acl_ends_with(path, ".py"))
        return ACL_LANG_PYTHON;
    for (i = 0; i < ACL_ARRAY_LEN(js); i++)
        if (acl_ends_with(path, js[i]))
            return ACL_LANG_JS;
    return ACL_LANG_NONE;
}

void
acl_code_toks_free(struct acl_code_toks *t)
{
    if (t == NULL)
        return;
    free(t->items);
    t->items = NULL;
    t->n = t->cap = 0;
}

static void
emit(struct lexer *lx, enum acl_tok_kind kind, size_t start, size_t cstart,
     size_t cend, size_t end, int interp)
{
    struct acl_code_tok *t;

    acl_xgrow((void **)&lx->out->items, &lx->out->cap, lx->out->n + 1,
              sizeof *lx->out->items);
    t = &lx->out->items[lx->out->n++];
    t->kind = kind;
    t->whole.start = (uint32_t)start;
    t->whole.end = (uint32_t)end;
    t->content.start = (uint32_t)cstart;
    t->content.end = (uint32_t)cend;
    t->interp = interp;
}

static int
ident_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80;
}

/* A comment from i (at its marker, mlen bytes) to the end of the line. */
static size_t
line_comment(struct lexer *lx, size_t i, size_t mlen)
{
    size_t e = i + mlen;

    while (e < lx->len && lx->s[e] != '\n' && lx->s[e] != '\r')
        e++;
    emit(lx, ACL_TOK_COMMENT, i, i + mlen, e, e, 0);
    return e;
}

/* ---- Python ---- */

/* Is s[i..i+n) a string prefix (r, u, b, f and two-letter mixes)? */
static int
py_prefix(const char *p, size_t n, int *fstr)
{
    size_t k;

    *fstr = 0;
    if (n == 0 || n > 2)
        return 0;
    for (k = 0; k < n; k++) {
        int c = acl_ascii_lower((unsigned char)p[k]);

        if (c == 'f')
            *fstr = 1;
        else if (c != 'r' && c != 'b' && c != 'u')
            return 0;
    }
    return n == 1 || acl_ascii_lower((unsigned char)p[0]) !=
                         acl_ascii_lower((unsigned char)p[1]);
}

/* Inside an f-string's {...}: returns the offset after the matching
 * '}', skipping literals in other quotes; stops at end (end of line for
 * one-line strings). */
static size_t
py_fbraces(const char *s, size_t i, size_t end, char q, int triple)
{
    int depth = 1;

    while (i < end && depth > 0) {
        char c = s[i];

        if (!triple && (c == '\n' || c == '\r'))
            return i;
        if (c == q)
            return i; /* the string's own quote ends it */
        if (c == '\'' || c == '"') {
            size_t k = i + 1;

            while (k < end && s[k] != c && s[k] != '\n')
                k++;
            i = k < end && s[k] == c ? k + 1 : k;
            continue;
        }
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        i++;
    }
    return i;
}

/* A Python literal whose quote is at q (prefix starts at start). */
static size_t
py_string(struct lexer *lx, size_t start, size_t q, int fstr)
{
    const char *s = lx->s;
    char quote = s[q];
    int triple = q + 2 < lx->len && s[q + 1] == quote && s[q + 2] == quote;
    size_t open = triple ? 3 : 1, i = q + open, cend;
    int interp = 0;

    for (;;) {
        if (i >= lx->len || (!triple && (s[i] == '\n' || s[i] == '\r'))) {
            cend = i; /* unterminated */
            break;
        }
        if (s[i] == '\\') {
            i += i + 1 < lx->len ? 2 : 1;
            continue;
        }
        if (fstr && s[i] == '{') {
            if (i + 1 < lx->len && s[i + 1] == '{') {
                i += 2;
                continue;
            }
            interp = 1;
            i = py_fbraces(s, i + 1, lx->len, quote, triple);
            continue;
        }
        if (s[i] == quote &&
            (!triple || (i + 2 < lx->len && s[i + 1] == quote &&
                         s[i + 2] == quote))) {
            cend = i;
            i += open;
            break;
        }
        i++;
    }
    emit(lx, ACL_TOK_STRING, start, q + open, cend, i, interp);
    return i;
}

static void
lex_python(struct lexer *lx)
{
    const char *s = lx->s;
    size_t i = 0;

    while (i < lx->len) {
        unsigned char c = (unsigned char)s[i];

        if (c == '#') {
            i = line_comment(lx, i, 1);
        } else if (c == '\'' || c == '"') {
            i = py_string(lx, i, i, 0);
        } else if (ident_char(c)) {
            size_t st = i;
            int fstr;

            while (i < lx->len && ident_char((unsigned char)s[i]))
                i++;
            if (i < lx->len && (s[i] == '\'' || s[i] == '"') &&
                py_prefix(s + st, i - st, &fstr))
                i = py_string(lx, st, i, fstr);
        } else {
            i++;
        }
    }
}

/* ---- JavaScript / TypeScript ---- */

static const char *const regex_keywords[] = {
    "return", "typeof", "case", "do", "else", "in", "of", "new",
    "delete", "void", "throw", "yield", "await", "instanceof",
};

/* Can a '/' at i start a regular expression literal, given what came
 * before it? After a value (identifier, number, ')' or ']') it divides. */
static int
js_regex_allowed(const char *s, size_t i)
{
    size_t e = i, st;
    size_t k;

    while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
                     s[e - 1] == '\n' || s[e - 1] == '\r'))
        e--;
    if (e == 0)
        return 1;
    if (s[e - 1] == ')' || s[e - 1] == ']')
        return 0;
    if (!ident_char((unsigned char)s[e - 1]))
        return 1;
    st = e;
    while (st > 0 && ident_char((unsigned char)s[st - 1]))
        st--;
    for (k = 0; k < ACL_ARRAY_LEN(regex_keywords); k++)
        if (strlen(regex_keywords[k]) == e - st &&
            memcmp(s + st, regex_keywords[k], e - st) == 0)
            return 1;
    return 0;
}

/* Skips a regex literal starting at i ('/'); bails at the line end. */
static size_t
js_regex(const struct lexer *lx, size_t i)
{
    int cls = 0;

    for (i++; i < lx->len; i++) {
        char c = lx->s[i];

        if (c == '\n' || c == '\r')
            return i;
        if (c == '\\')
            i++;
        else if (c == '[')
            cls = 1;
        else if (c == ']')
            cls = 0;
        else if (c == '/' && !cls)
            return i + 1;
    }
    return i;
}

static size_t
js_quoted(struct lexer *lx, size_t i)
{
    char q = lx->s[i];
    size_t k = i + 1, cend;

    while (k < lx->len && lx->s[k] != q && lx->s[k] != '\n' &&
           lx->s[k] != '\r')
        k += lx->s[k] == '\\' && k + 1 < lx->len ? 2 : 1;
    cend = k;
    if (k < lx->len && lx->s[k] == q)
        k++;
    emit(lx, ACL_TOK_STRING, i, i + 1, cend, k, 0);
    return k;
}

static size_t js_code(struct lexer *lx, size_t i, int depth, int in_subst);

/* A template literal at i ('`'): one token per literal piece. */
static size_t
js_template(struct lexer *lx, size_t i, int depth)
{
    const char *s = lx->s;
    size_t piece = i, cstart = i + 1, k = i + 1;
    int interp = 0;

    while (k < lx->len && s[k] != '`') {
        if (s[k] == '\\') {
            k += k + 1 < lx->len ? 2 : 1;
        } else if (s[k] == '$' && k + 1 < lx->len && s[k + 1] == '{') {
            interp = 1;
            emit(lx, ACL_TOK_STRING, piece, cstart, k, k + 2, 1);
            if (depth >= MAX_TEMPLATE_DEPTH) {
                /* Too deep to lex: skip to the closing backtick. */
                while (k < lx->len && s[k] != '`')
                    k++;
                return k < lx->len ? k + 1 : k;
            }
            k = js_code(lx, k + 2, depth + 1, 1);
            piece = cstart = k;
        } else {
            k++;
        }
    }
    /* An unterminated template ending in ${... has no last piece. */
    if (k < lx->len || k > piece)
        emit(lx, ACL_TOK_STRING, piece, cstart, k, k < lx->len ? k + 1 : k,
             interp);
    return k < lx->len ? k + 1 : k;
}

/* Code from i; inside a ${...} substitution it returns after the
 * matching '}'. */
static size_t
js_code(struct lexer *lx, size_t i, int depth, int in_subst)
{
    const char *s = lx->s;
    long braces = 0;

    while (i < lx->len) {
        char c = s[i], n = i + 1 < lx->len ? s[i + 1] : '\0';

        if (c == '/' && n == '/') {
            i = line_comment(lx, i, 2);
        } else if (c == '/' && n == '*') {
            size_t end = i + 2;

            while (end < lx->len && !(s[end] == '*' && end + 1 < lx->len &&
                                      s[end + 1] == '/'))
                end++;
            emit(lx, ACL_TOK_COMMENT, i, i + 2, end,
                 end < lx->len ? end + 2 : end, 0);
            i = end < lx->len ? end + 2 : end;
        } else if (c == '\'' || c == '"') {
            i = js_quoted(lx, i);
        } else if (c == '`') {
            i = js_template(lx, i, depth);
        } else if (c == '/' && js_regex_allowed(s, i)) {
            i = js_regex(lx, i);
        } else if (c == '}' && in_subst && braces == 0) {
            return i + 1;
        } else {
            braces += c == '{' ? 1 : c == '}' ? -1 : 0;
            i++;
        }
    }
    return i;
}

void
acl_code_lex(const char *s, size_t len, enum acl_code_lang lang,
             struct acl_code_toks *out)
{
    struct lexer lx = {s, len, out};

    if (lang == ACL_LANG_PYTHON) {
        lex_python(&lx);
    } else if (lang == ACL_LANG_JS) {
        size_t i = 0;

        if (len >= 2 && s[0] == '#' && s[1] == '!')
            i = line_comment(&lx, 0, 2);
        js_code(&lx, i, 0, 0);
    }
}

long
acl_code_tok_at(const struct acl_code_toks *t, size_t offset)
{
    size_t lo = 0, hi = t->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (t->items[mid].whole.end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < t->n && t->items[lo].whole.start <= offset &&
        offset < t->items[lo].whole.end)
        return (long)lo;
    return -1;
}

/* ---- the name a literal is assigned to ---- */

static int
space_char(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* The offset just after the last non-blank character before e. */
static size_t
back(const char *s, size_t e)
{
    while (e > 0 && space_char((unsigned char)s[e - 1]))
        e--;
    return e;
}

/* The string token that ends exactly at e, or -1. */
static long
string_ending_at(const struct acl_code_toks *t, size_t e)
{
    long k = e > 0 ? acl_code_tok_at(t, e - 1) : -1;

    if (k < 0 || t->items[k].kind != ACL_TOK_STRING ||
        t->items[k].whole.end != e || t->items[k].interp)
        return -1;
    return k;
}

/* Is the literal followed by something that makes it only part of the
 * value: concatenation, % or .format() formatting, another literal? */
static int
value_continues(const char *s, size_t len, const struct acl_code_toks *t,
                size_t tok)
{
    static const char *const methods[] = {"format", "replace", "concat"};
    size_t i = t->items[tok].whole.end, k;

    while (i < len && space_char((unsigned char)s[i]))
        i++;
    if (i >= len)
        return 0;
    if (s[i] == '+' || s[i] == '%' || s[i] == '[')
        return 1;
    if (tok + 1 < t->n && t->items[tok + 1].kind == ACL_TOK_STRING &&
        t->items[tok + 1].whole.start == i)
        return 1;
    if (s[i] != '.')
        return 0;
    for (k = 0; k < ACL_ARRAY_LEN(methods); k++)
        if (acl_starts_with(s + i + 1, methods[k]))
            return 1;
    return 0;
}

static int
ident_before(const char *s, size_t e, size_t *start)
{
    size_t st = e;

    while (st > 0 && ident_char((unsigned char)s[st - 1]))
        st--;
    if (st == e || (s[st] >= '0' && s[st] <= '9'))
        return 0;
    *start = st;
    return 1;
}

/* The target of "= literal" ending at e: name, obj.name, name: Type,
 * x["name"]. */
static int
assign_target(const char *s, const struct acl_code_toks *t, size_t e,
              const char **name, size_t *nlen)
{
    size_t st, p;
    long k;

    e = back(s, e);
    if (e > 0 && s[e - 1] == ']') {
        k = string_ending_at(t, back(s, e - 1));
        if (k < 0)
            return 0;
        p = back(s, t->items[k].whole.start);
        if (p == 0 || s[p - 1] != '[')
            return 0;
        *name = s + t->items[k].content.start;
        *nlen = t->items[k].content.end - t->items[k].content.start;
        return 1;
    }
    if (!ident_before(s, e, &st))
        return 0;
    /* "name: Type = ..." (Python and TypeScript annotations). */
    p = back(s, st);
    if (p > 1 && s[p - 1] == ':' && s[p - 2] != ':') {
        size_t ne = back(s, p - 1), ns;

        if (ident_before(s, ne, &ns)) {
            st = ns;
            e = ne;
        }
    }
    *name = s + st;
    *nlen = e - st;
    return 1;
}

/* The key of "key: literal" ending at e, in an object or dict: the key
 * must start an entry ('{', ',', '(' or a new line before it). */
static int
member_key(const char *s, const struct acl_code_toks *t, size_t e,
           const char **name, size_t *nlen)
{
    size_t st, p, i;
    long k;

    e = back(s, e);
    k = string_ending_at(t, e);
    if (k >= 0) {
        st = t->items[k].whole.start;
        *name = s + t->items[k].content.start;
        *nlen = t->items[k].content.end - t->items[k].content.start;
    } else if (ident_before(s, e, &st)) {
        *name = s + st;
        *nlen = e - st;
    } else {
        return 0;
    }
    p = back(s, st);
    if (p == 0 || s[p - 1] == '{' || s[p - 1] == ',' || s[p - 1] == '(')
        return 1;
    for (i = p; i < st; i++)
        if (s[i] == '\n' || s[i] == '\r')
            return 1;
    return 0;
}

int
acl_code_assigned_name(const char *s, size_t len,
                       const struct acl_code_toks *t, size_t tok,
                       const char **name, size_t *nlen)
{
    const struct acl_code_tok *k = &t->items[tok];
    size_t e;

    if (k->kind != ACL_TOK_STRING || k->interp ||
        value_continues(s, len, t, tok))
        return 0;
    e = back(s, k->whole.start);
    if (e == 0)
        return 0;
    if (s[e - 1] == '=') {
        /* Not ==, !=, <=, >=, +=, ??= ...; := is an assignment. */
        if (e > 1 && strchr("=!<>+-*/%&|^~?.", s[e - 2]) != NULL)
            return 0;
        return assign_target(s, t, e > 1 && s[e - 2] == ':' ? e - 2 : e - 1,
                             name, nlen);
    }
    if (s[e - 1] == ':' && (e < 2 || s[e - 2] != ':'))
        return member_key(s, t, e - 1, name, nlen);
    return 0;
}
