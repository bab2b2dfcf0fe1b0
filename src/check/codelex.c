/*
 * codelex.c - the tokens of Python and JavaScript / TypeScript source,
 * found in one linear pass, and JSX markup in .jsx, .tsx and .js.
 *
 * Every loop advances, template and JSX nesting is bounded, and an
 * unterminated literal ends at its line, so hostile input costs linear
 * time: markup that turns out not to be JSX is lexed again as code, with
 * no JSX tried up to where that showed, so no byte is read more than
 * twice.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/codelex.h"
#include "acl/util.h"

/* Deeper ${...`${...}`...} nesting is skipped over as text. */
#define MAX_TEMPLATE_DEPTH 32
/* JSX elements and {...} containers nested deeper than this are not
 * read as JSX: the markup is lexed as code, as it was before. */
#define MAX_JSX_DEPTH 64

struct lexer {
    const char *s;
    size_t len;
    enum acl_code_lang lang;
    struct acl_code_toks *out;
    long depth;      /* bracket depth */
    int nl;          /* a line break since the last token */
    unsigned indent; /* column of the first token of the line */
    int jsx;         /* JSX markup is read */
    size_t jsx_off;  /* no JSX is tried before this offset */
    int jsx_depth;   /* JSX elements and containers open */
    int jsx_fail;    /* the markup being read is not JSX */
};

enum acl_code_lang
acl_code_lang(const char *path)
{
    static const char *const js[] = {".ts",  ".js",  ".mjs",
                                     ".cjs", ".tsx", ".jsx"};
    size_t i;

    if (acl_ends_with(path, ".py"))
        return ACL_LANG_PYTHON;
    for (i = 0; i < ACL_ARRAY_LEN(js); i++)
        if (acl_ends_with(path, js[i]))
            return ACL_LANG_JS;
    return ACL_LANG_NONE;
}

int
acl_code_jsx_path(const char *path)
{
    return acl_ends_with(path, ".jsx") || acl_ends_with(path, ".tsx") ||
           acl_ends_with(path, ".js");
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

static struct acl_code_tok *
emit(struct lexer *lx, enum acl_tok_kind kind, size_t start, size_t cstart,
     size_t cend, size_t end)
{
    struct acl_code_tok *t;

    acl_xgrow((void **)&lx->out->items, &lx->out->cap, lx->out->n + 1,
              sizeof *lx->out->items);
    t = &lx->out->items[lx->out->n++];
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->whole.start = (uint32_t)start;
    t->whole.end = (uint32_t)end;
    t->content.start = (uint32_t)cstart;
    t->content.end = (uint32_t)cend;
    if (kind != ACL_TOK_COMMENT) {
        t->nl = (unsigned char)lx->nl;
        t->indent = lx->nl ? lx->indent : 0;
        t->depth = (unsigned short)(lx->depth < 0       ? 0
                                    : lx->depth > 65535 ? 65535
                                                        : lx->depth);
        lx->nl = 0;
    }
    return t;
}

static int
ident_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_' || c == '$' || c >= 0x80;
}

/* Blanks and line breaks from i: a break outside brackets starts a new
 * line, whose indentation is counted. Returns the next offset. */
static size_t
blanks(struct lexer *lx, size_t i)
{
    const char *s = lx->s;

    while (i < lx->len) {
        char c = s[i];

        if (c == '\n' || c == '\r') {
            if (lx->depth <= 0 || lx->lang == ACL_LANG_JS)
                lx->nl = 1;
            lx->indent = 0;
        } else if (c == ' ') {
            lx->indent++;
        } else if (c == '\t') {
            lx->indent = (lx->indent / 8 + 1) * 8;
        } else if (c == '\\' && lx->lang == ACL_LANG_PYTHON &&
                   i + 1 < lx->len && (s[i + 1] == '\n' || s[i + 1] == '\r')) {
            i +=
                s[i + 1] == '\r' && i + 2 < lx->len && s[i + 2] == '\n' ? 3 : 2;
            continue; /* a continued line */
        } else if (c != '\f' && c != '\v') {
            break;
        }
        i++;
    }
    return i;
}

/* A comment from i (at its marker, mlen bytes) to the end of the line. */
static size_t
line_comment(struct lexer *lx, size_t i, size_t mlen)
{
    size_t e = i + mlen;

    while (e < lx->len && lx->s[e] != '\n' && lx->s[e] != '\r')
        e++;
    emit(lx, ACL_TOK_COMMENT, i, i + mlen, e, e);
    return e;
}

static const char *const puncts[] = {
    ">>>=", "...", "===", "!==", "**=", "//=", ">>=", "<<=", "&&=", "||=",
    "?\?=", ">>>", "==",  "!=",  "<=",  ">=",  "&&",  "||",  "??",  "?.",
    "=>",   "->",  ":=",  "**",  "//",  "<<",  ">>",  "+=",  "-=",  "*=",
    "/=",   "%=",  "&=",  "|=",  "^=",  "++",  "--",
};

/* One operator or bracket at i; returns its length. */
static size_t
punct(struct lexer *lx, size_t i)
{
    const char *s = lx->s;
    size_t k, n;

    for (k = 0; k < ACL_ARRAY_LEN(puncts); k++) {
        n = strlen(puncts[k]);
        if (i + n <= lx->len && memcmp(s + i, puncts[k], n) == 0) {
            /* "?." before a digit is a ternary and a number: a ? .5 : 1 */
            if (n == 2 && s[i] == '?' && s[i + 1] == '.' && i + 2 < lx->len &&
                s[i + 2] >= '0' && s[i + 2] <= '9')
                continue;
            emit(lx, ACL_TOK_PUNCT, i, i, i + n, i + n);
            return n;
        }
    }
    emit(lx, ACL_TOK_PUNCT, i, i, i + 1, i + 1);
    if (s[i] == '(' || s[i] == '[' || s[i] == '{')
        lx->depth++;
    else if (s[i] == ')' || s[i] == ']' || s[i] == '}')
        lx->depth--;
    return 1;
}

/* An identifier or a number at i; returns the offset after it. */
static size_t
word(struct lexer *lx, size_t i)
{
    const char *s = lx->s;
    size_t st = i;
    int num = s[i] >= '0' && s[i] <= '9';

    while (i < lx->len &&
           (ident_char((unsigned char)s[i]) || (num && s[i] == '.')))
        i++;
    emit(lx, num ? ACL_TOK_NUMBER : ACL_TOK_IDENT, st, st, i, i);
    return i;
}

/* ---- Python ---- */

/* Is p[0, n) a string prefix (r, u, b, f and two-letter mixes)? */
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

/* Inside an f-string's {...}: returns the offset of the matching '}',
 * skipping literals in it (any quote: Python 3.12 lets the string's own
 * quote open one there); stops at the end of the line for one-line
 * strings. */
static size_t
py_fbraces(const char *s, size_t i, size_t end, char q, int triple)
{
    int depth = 1;

    (void)q;
    while (i < end) {
        char c = s[i];

        if (!triple && (c == '\n' || c == '\r'))
            return i;
        if (c == '\'' || c == '"') {
            size_t k = i + 1;

            while (k < end && s[k] != c && s[k] != '\n')
                k++;
            i = k < end && s[k] == c ? k + 1 : k;
            continue;
        }
        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        if (depth == 0)
            return i;
        i++;
    }
    return i;
}

/* A Python literal whose quote is at q (its prefix starts at start). */
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
            i += i < lx->len && s[i] == '}';
            continue;
        }
        if (s[i] == quote &&
            (!triple ||
             (i + 2 < lx->len && s[i + 1] == quote && s[i + 2] == quote))) {
            cend = i;
            i += open;
            break;
        }
        i++;
    }
    emit(lx, ACL_TOK_STRING, start, q + open, cend, i)->interp =
        (unsigned char)interp;
    return i;
}

static void
lex_python(struct lexer *lx)
{
    const char *s = lx->s;
    size_t i = 0;

    lx->nl = 1;
    while ((i = blanks(lx, i)) < lx->len) {
        unsigned char c = (unsigned char)s[i];
        int fstr;

        if (c == '#') {
            i = line_comment(lx, i, 1);
        } else if (c == '\'' || c == '"') {
            i = py_string(lx, i, i, 0);
        } else if (ident_char(c)) {
            size_t st = i;

            while (i < lx->len && ident_char((unsigned char)s[i]))
                i++;
            if (i < lx->len && (s[i] == '\'' || s[i] == '"') &&
                py_prefix(s + st, i - st, &fstr))
                i = py_string(lx, st, i, fstr);
            else
                i = word(lx, st);
        } else {
            i += punct(lx, i);
        }
    }
}

/* A string statement: at the start of a logical line, with the line
 * ending right after it. */
static void
mark_docstrings(struct acl_code_toks *t)
{
    size_t i;

    for (i = 0; i < t->n; i++) {
        struct acl_code_tok *k = &t->items[i];
        size_t j = i + 1;

        if (k->kind != ACL_TOK_STRING || !k->nl || k->depth != 0)
            continue;
        while (j < t->n && t->items[j].kind == ACL_TOK_COMMENT)
            j++;
        if (j >= t->n || t->items[j].nl)
            k->doc = 1;
    }
}

/* ---- JavaScript / TypeScript ---- */

static const char *const regex_keywords[] = {
    "return", "typeof", "case", "do",    "else",  "in",    "of",
    "new",    "delete", "void", "throw", "yield", "await", "instanceof",
};

/* Can a '/' start a regular expression literal here? After a value
 * (identifier, number, string, ')' or ']') it divides. */
static int
js_regex_allowed(const struct lexer *lx)
{
    const struct acl_code_toks *t = lx->out;
    const struct acl_code_tok *p = NULL;
    size_t n = t->n, k;

    while (n > 0 && t->items[n - 1].kind == ACL_TOK_COMMENT)
        n--;
    if (n == 0)
        return 1;
    p = &t->items[n - 1];
    if (p->kind == ACL_TOK_NUMBER || p->kind == ACL_TOK_STRING)
        return 0;
    if (p->kind == ACL_TOK_PUNCT)
        return !acl_code_tok_is(lx->s, p, ")") &&
               !acl_code_tok_is(lx->s, p, "]");
    for (k = 0; k < ACL_ARRAY_LEN(regex_keywords); k++)
        if (acl_code_tok_is(lx->s, p, regex_keywords[k]))
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
        else if (c == '/' && !cls) {
            for (i++; i < lx->len && ident_char((unsigned char)lx->s[i]); i++)
                ;
            return i;
        }
    }
    return i;
}

/* The end of a quoted literal at i ('"' or '\''): after its closing
 * quote, or at the end of its line. *cend: where its content ends. */
static size_t
js_quoted_end(const char *s, size_t len, size_t i, size_t *cend)
{
    char q = s[i];
    size_t k = i + 1;

    while (k < len && s[k] != q && s[k] != '\n' && s[k] != '\r')
        k += s[k] == '\\' && k + 1 < len ? 2 : 1;
    *cend = k;
    return k < len && s[k] == q ? k + 1 : k;
}

static size_t js_template_end(const char *s, size_t len, size_t i, int depth,
                              int *interp);

/* Code of a ${...} substitution from i: returns the offset after its
 * closing '}' (or the end), skipping literals and comments in it. */
static size_t
js_subst_end(const char *s, size_t len, size_t i, int depth)
{
    long braces = 0;
    size_t cend;
    int interp;

    while (i < len) {
        char c = s[i], n = i + 1 < len ? s[i + 1] : '\0';

        if (c == '\'' || c == '"') {
            i = js_quoted_end(s, len, i, &cend);
        } else if (c == '`') {
            i = js_template_end(s, len, i, depth + 1, &interp);
        } else if (c == '/' && n == '/') {
            while (i < len && s[i] != '\n')
                i++;
        } else if (c == '/' && n == '*') {
            for (i += 2;
                 i < len && !(s[i] == '*' && i + 1 < len && s[i + 1] == '/');
                 i++)
                ;
            i = i < len ? i + 2 : i;
        } else if (c == '}' && braces == 0) {
            return i + 1;
        } else {
            braces += c == '{' ? 1 : c == '}' ? -1 : 0;
            i++;
        }
    }
    return i;
}

/* The end of a template literal at i ('`'); *interp when it has a
 * ${substitution}. Too deep a nesting is skipped to the next '`'. */
static size_t
js_template_end(const char *s, size_t len, size_t i, int depth, int *interp)
{
    size_t k = i + 1;

    *interp = 0;
    while (k < len && s[k] != '`') {
        if (s[k] == '\\') {
            k += k + 1 < len ? 2 : 1;
        } else if (s[k] == '$' && k + 1 < len && s[k + 1] == '{') {
            *interp = 1;
            k = depth >= MAX_TEMPLATE_DEPTH
                    ? k + 2
                    : js_subst_end(s, len, k + 2, depth);
        } else {
            k++;
        }
    }
    return k < len ? k + 1 : k;
}

static size_t
js_string(struct lexer *lx, size_t i)
{
    size_t end, cend;
    int interp = 0;

    if (lx->s[i] == '`') {
        end = js_template_end(lx->s, lx->len, i, 0, &interp);
        cend = end > i + 1 && lx->s[end - 1] == '`' ? end - 1 : end;
    } else {
        end = js_quoted_end(lx->s, lx->len, i, &cend);
    }
    emit(lx, ACL_TOK_STRING, i, i + 1, cend, end)->interp =
        (unsigned char)interp;
    return end;
}

static size_t js_code(struct lexer *lx, size_t i, long stop);

/* A block comment at i to its end (or the text's). */
static size_t
block_comment(struct lexer *lx, size_t i)
{
    size_t end = i + 2;

    while (end < lx->len &&
           !(lx->s[end] == '*' && end + 1 < lx->len && lx->s[end + 1] == '/'))
        end++;
    emit(lx, ACL_TOK_COMMENT, i, i + 2, end, end < lx->len ? end + 2 : end);
    return end < lx->len ? end + 2 : end;
}

/* ---- JSX ---- */

/* The previous tokens after which a '<' starts an element: where a
 * value is expected. After a name, a number or ')' it compares. */
static int
jsx_allowed(const struct lexer *lx)
{
    static const char *const before[] = {
        "(",  "[",  "{",  ",",      "=",     ":",     "?",      "&&",
        "||", "??", "=>", "return", "yield", "await", "default"};
    const struct acl_code_toks *t = lx->out;
    size_t n = t->n, k;

    while (n > 0 && t->items[n - 1].kind == ACL_TOK_COMMENT)
        n--;
    if (n == 0)
        return 1;
    for (k = 0; k < ACL_ARRAY_LEN(before); k++)
        if (acl_code_tok_is(lx->s, &t->items[n - 1], before[k]))
            return 1;
    return 0;
}

static int
jsx_name_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           c == '$';
}

/* Does a JSX element start at i? */
static int
jsx_here(const struct lexer *lx, size_t i)
{
    char n = i + 1 < lx->len ? lx->s[i + 1] : '\0';

    return lx->jsx && i >= lx->jsx_off && (jsx_name_start(n) || n == '>') &&
           jsx_allowed(lx);
}

/* Marks the markup under way as not JSX; returns where that showed. */
static size_t
jsx_failed(struct lexer *lx, size_t at)
{
    lx->jsx_fail = 1;
    return at;
}

/* Emits markup [start, end) of kind. */
static struct acl_code_tok *
jsx_emit(struct lexer *lx, enum acl_tok_kind kind, size_t start, size_t end)
{
    struct acl_code_tok *t = emit(lx, kind, start, start, end, end);

    t->jsx = 1;
    return t;
}

/* The end of a tag or attribute name at i: div, Foo.Bar, aria-label,
 * xlink:href. */
static size_t
jsx_name_end(const struct lexer *lx, size_t i)
{
    while (i < lx->len &&
           (ident_char((unsigned char)lx->s[i]) || lx->s[i] == '.' ||
            lx->s[i] == '-' || lx->s[i] == ':'))
        i++;
    return i;
}

/* A {...} container at i: its code is code. */
static size_t
jsx_container(struct lexer *lx, size_t i)
{
    size_t k;

    if (lx->jsx_depth >= MAX_JSX_DEPTH)
        return jsx_failed(lx, i);
    punct(lx, i);
    lx->out->items[lx->out->n - 1].jsx = 1;
    lx->jsx_depth++;
    k = js_code(lx, i + 1, lx->depth);
    lx->jsx_depth--;
    if (lx->jsx_fail)
        return k;
    if (k >= lx->len || lx->s[k] != '}')
        return jsx_failed(lx, k);
    punct(lx, k);
    lx->out->items[lx->out->n - 1].jsx = 1;
    return k + 1;
}

/* An attribute's quoted value at i: it may span lines and has no
 * escapes. */
static size_t
jsx_attr_string(struct lexer *lx, size_t i)
{
    const char *q = memchr(lx->s + i + 1, lx->s[i], lx->len - i - 1);
    struct acl_code_tok *t;
    size_t e;

    if (q == NULL)
        return jsx_failed(lx, lx->len);
    e = (size_t)(q - lx->s);
    t = emit(lx, ACL_TOK_STRING, i, i + 1, e, e + 1);
    t->jsx = 1;
    return e + 1;
}

/* One attribute at i (a name, maybe = and a value); the first one
 * (first) named "extends" is a TypeScript type parameter's. */
static size_t
jsx_attr(struct lexer *lx, size_t i, int first)
{
    size_t e = jsx_name_end(lx, i);

    if (first && e - i == 7 && memcmp(lx->s + i, "extends", 7) == 0)
        return jsx_failed(lx, i);
    jsx_emit(lx, ACL_TOK_IDENT, i, e);
    i = blanks(lx, e);
    if (i >= lx->len || lx->s[i] != '=')
        return i;
    jsx_emit(lx, ACL_TOK_PUNCT, i, i + 1);
    i = blanks(lx, i + 1);
    if (i < lx->len && (lx->s[i] == '"' || lx->s[i] == '\''))
        return jsx_attr_string(lx, i);
    if (i < lx->len && lx->s[i] == '{')
        return jsx_container(lx, i);
    return jsx_failed(lx, i);
}

/* The attributes of a tag from i to its '>' or '/>': *closed for a
 * self-closing tag, *n the number of attributes. */
static size_t
jsx_attrs(struct lexer *lx, size_t i, int *closed, int *n)
{
    *closed = 0;
    for (*n = 0; !lx->jsx_fail; ++*n) {
        char c;

        i = blanks(lx, i);
        if (i >= lx->len)
            return jsx_failed(lx, i);
        c = lx->s[i];
        if (c == '/' && i + 1 < lx->len && lx->s[i + 1] == '>') {
            jsx_emit(lx, ACL_TOK_PUNCT, i, i + 1);
            jsx_emit(lx, ACL_TOK_PUNCT, i + 1, i + 2);
            *closed = 1;
            return i + 2;
        }
        if (c == '>') {
            jsx_emit(lx, ACL_TOK_PUNCT, i, i + 1);
            return i + 1;
        }
        if (c == '/' && i + 1 < lx->len &&
            (lx->s[i + 1] == '/' || lx->s[i + 1] == '*')) {
            /* A comment between attributes counts as none. */
            i = lx->s[i + 1] == '/' ? line_comment(lx, i, 2)
                                    : block_comment(lx, i);
            --*n;
        } else if (c == '{') {
            i = jsx_container(lx, i);
        } else if (jsx_name_start((unsigned char)c)) {
            i = jsx_attr(lx, i, *n == 0);
        } else {
            return jsx_failed(lx, i);
        }
    }
    return i;
}

/* A closing tag at i ("</", a name or none, ">"). */
static size_t
jsx_close(struct lexer *lx, size_t i)
{
    size_t k, e;

    jsx_emit(lx, ACL_TOK_PUNCT, i, i + 1);
    jsx_emit(lx, ACL_TOK_PUNCT, i + 1, i + 2);
    k = blanks(lx, i + 2);
    e = jsx_name_end(lx, k);
    if (e > k)
        jsx_emit(lx, ACL_TOK_IDENT, k, e);
    e = blanks(lx, e);
    if (e >= lx->len || lx->s[e] != '>')
        return jsx_failed(lx, e);
    jsx_emit(lx, ACL_TOK_PUNCT, e, e + 1);
    return e + 1;
}

static size_t jsx_element(struct lexer *lx, size_t i);

/* Children from i to the closing tag: text, {...} and elements. Text
 * becomes a string token marked as text. */
static size_t
jsx_children(struct lexer *lx, size_t i)
{
    while (!lx->jsx_fail) {
        size_t t, e;

        i = blanks(lx, i);
        if (i >= lx->len)
            return jsx_failed(lx, i);
        if (lx->s[i] == '<' && i + 1 < lx->len && lx->s[i + 1] == '/')
            return jsx_close(lx, i);
        if (lx->s[i] == '<') {
            i = jsx_element(lx, i);
            continue;
        }
        if (lx->s[i] == '{') {
            i = jsx_container(lx, i);
            continue;
        }
        for (t = i; i < lx->len && lx->s[i] != '<' && lx->s[i] != '{'; i++)
            ;
        for (e = i; e > t && (lx->s[e - 1] == ' ' || lx->s[e - 1] == '\t' ||
                              lx->s[e - 1] == '\n' || lx->s[e - 1] == '\r');
             e--)
            ;
        jsx_emit(lx, ACL_TOK_STRING, t, e)->doc = 1;
        i = e; /* the blanks after it may hold a line break */
    }
    return i;
}

/* An element at i ('<'): a fragment <>...</>, a self-closing tag or a
 * tag with children. <T>(x) => x, a TypeScript generic arrow, is not
 * one. */
static size_t
jsx_element(struct lexer *lx, size_t i)
{
    size_t name = i + 1, j;
    int closed = 0, n = 0;

    if (lx->jsx_depth >= MAX_JSX_DEPTH || name >= lx->len)
        return jsx_failed(lx, i);
    lx->jsx_depth++;
    jsx_emit(lx, ACL_TOK_PUNCT, i, i + 1);
    if (lx->s[name] == '>') {
        jsx_emit(lx, ACL_TOK_PUNCT, name, name + 1);
        j = name + 1;
    } else {
        j = jsx_name_end(lx, name);
        jsx_emit(lx, ACL_TOK_IDENT, name, j);
        j = jsx_attrs(lx, j, &closed, &n);
        if (!lx->jsx_fail && !closed && n == 0 && j - name == 2 &&
            lx->s[name] >= 'A' && lx->s[name] <= 'Z' && j < lx->len &&
            lx->s[j] == '(')
            j = jsx_failed(lx, j);
    }
    if (!lx->jsx_fail && !closed)
        j = jsx_children(lx, j);
    lx->jsx_depth--;
    return j;
}

/* An element at i, or (returning i) none: markup that turns out not to
 * be JSX is dropped and lexed again as code, with no JSX tried up to
 * where that showed, so every byte is read at most twice. Inside
 * markup, the outermost element decides. */
static size_t
jsx_try(struct lexer *lx, size_t i)
{
    size_t n0 = lx->out->n, e;
    long d0 = lx->depth;
    int nl0 = lx->nl;
    unsigned in0 = lx->indent;

    if (lx->jsx_depth > 0)
        return jsx_element(lx, i);
    e = jsx_element(lx, i);
    if (!lx->jsx_fail)
        return e;
    lx->out->n = n0;
    lx->depth = d0;
    lx->nl = nl0;
    lx->indent = in0;
    lx->jsx_fail = 0;
    lx->jsx_off = e > i ? e : i + 1;
    return i;
}

/* Code from i to the end, or (stop >= 0) to the '}' closing a JSX
 * container whose code is at depth stop; returns where it stopped. */
static size_t
js_code(struct lexer *lx, size_t i, long stop)
{
    const char *s = lx->s;

    while ((i = blanks(lx, i)) < lx->len && !lx->jsx_fail) {
        char c = s[i], n = i + 1 < lx->len ? s[i + 1] : '\0';

        if (c == '}' && stop >= 0 && lx->depth == stop) {
            return i;
        } else if (c == '/' && n == '/') {
            i = line_comment(lx, i, 2);
        } else if (c == '/' && n == '*') {
            i = block_comment(lx, i);
        } else if (c == '\'' || c == '"' || c == '`') {
            i = js_string(lx, i);
        } else if (c == '/' && js_regex_allowed(lx)) {
            size_t e = js_regex(lx, i);

            emit(lx, ACL_TOK_NUMBER, i, i, e, e); /* a value */
            i = e;
        } else if (ident_char((unsigned char)c)) {
            i = word(lx, i);
        } else if (c == '<' && jsx_here(lx, i)) {
            size_t e = jsx_try(lx, i);

            i = e > i || lx->jsx_fail ? e : i + punct(lx, i);
        } else {
            i += punct(lx, i);
        }
    }
    return i;
}

static void
lex_js(struct lexer *lx)
{
    size_t i = 0;

    lx->nl = 1;
    if (lx->len >= 2 && lx->s[0] == '#' && lx->s[1] == '!')
        i = line_comment(lx, 0, 2);
    js_code(lx, i, -1);
}

static void
lexer_init(struct lexer *lx, const char *s, size_t len, enum acl_code_lang lang,
           struct acl_code_toks *out)
{
    memset(lx, 0, sizeof *lx);
    lx->s = s;
    lx->len = len;
    lx->lang = lang;
    lx->out = out;
}

void
acl_code_lex(const char *s, size_t len, enum acl_code_lang lang,
             struct acl_code_toks *out)
{
    struct lexer lx;

    lexer_init(&lx, s, len, lang, out);
    if (lang == ACL_LANG_PYTHON) {
        lex_python(&lx);
        mark_docstrings(out);
    } else if (lang == ACL_LANG_JS) {
        lex_js(&lx);
    }
}

void
acl_code_lex_jsx(const char *s, size_t len, struct acl_code_toks *out)
{
    struct lexer lx;

    lexer_init(&lx, s, len, ACL_LANG_JS, out);
    lx.jsx = 1;
    lex_js(&lx);
}

void
acl_code_substs(const char *s, const struct acl_code_tok *k,
                enum acl_code_lang lang,
                void (*fn)(size_t start, size_t end, void *arg), void *arg)
{
    size_t i = k->content.start, end = k->content.end;

    if (!k->interp || k->kind != ACL_TOK_STRING)
        return;
    while (i < end) {
        if (s[i] == '\\') {
            i += 2;
        } else if (lang == ACL_LANG_PYTHON && s[i] == '{') {
            size_t e;
            char q = s[k->content.start - 1];
            int triple = k->content.start - k->whole.start >= 3 &&
                         s[k->content.start - 2] == q &&
                         s[k->content.start - 3] == q;

            if (i + 1 < end && s[i + 1] == '{') {
                i += 2;
                continue;
            }
            e = py_fbraces(s, i + 1, end, q, triple);
            fn(i + 1, e, arg);
            i = e + 1;
        } else if (lang == ACL_LANG_JS && s[i] == '$' && i + 1 < end &&
                   s[i + 1] == '{') {
            size_t e = js_subst_end(s, end, i + 2, 1);

            fn(i + 2, e > i + 2 && s[e - 1] == '}' ? e - 1 : e, arg);
            i = e;
        } else {
            i++;
        }
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

int
acl_code_tok_is(const char *s, const struct acl_code_tok *k, const char *word)
{
    size_t n = strlen(word);

    return k->kind != ACL_TOK_STRING && k->kind != ACL_TOK_COMMENT &&
           k->whole.end - k->whole.start == n &&
           memcmp(s + k->whole.start, word, n) == 0;
}

/* ---- the name a literal is assigned to ---- */

/* The nearest token before i that is not a comment, or -1. */
static long
prev_code(const struct acl_code_toks *t, long i)
{
    for (i--; i >= 0 && t->items[i].kind == ACL_TOK_COMMENT; i--)
        ;
    return i;
}

static long
next_code(const struct acl_code_toks *t, size_t i)
{
    for (i++; i < t->n && t->items[i].kind == ACL_TOK_COMMENT; i++)
        ;
    return i < t->n ? (long)i : -1;
}

/* Is the literal followed by something that makes it only part of the
 * value: concatenation, % or .format() formatting, another literal? */
static int
value_continues(const char *s, const struct acl_code_toks *t, size_t tok)
{
    static const char *const ops[] = {"+", "%", "["};
    static const char *const methods[] = {"format", "replace", "concat"};
    long n = next_code(t, tok);
    size_t k;

    if (n < 0)
        return 0;
    if (t->items[n].kind == ACL_TOK_STRING)
        return 1;
    for (k = 0; k < ACL_ARRAY_LEN(ops); k++)
        if (acl_code_tok_is(s, &t->items[n], ops[k]))
            return 1;
    if (!acl_code_tok_is(s, &t->items[n], ".") ||
        (n = next_code(t, (size_t)n)) < 0)
        return 0;
    for (k = 0; k < ACL_ARRAY_LEN(methods); k++)
        if (acl_code_tok_is(s, &t->items[n], methods[k]))
            return 1;
    return 0;
}

static void
name_of(const char *s, const struct acl_code_tok *k, const char **name,
        size_t *nlen)
{
    *name = s + k->content.start;
    *nlen = k->content.end - k->content.start;
}

/* The target of "= literal" where e is the token before '=': name,
 * obj.name, name: Type, x["name"]. */
static int
assign_target(const char *s, const struct acl_code_toks *t, long e,
              const char **name, size_t *nlen)
{
    long p;

    if (e < 0)
        return 0;
    if (acl_code_tok_is(s, &t->items[e], "]")) {
        long k = prev_code(t, e);

        p = k >= 0 ? prev_code(t, k) : -1;
        if (p < 0 || t->items[k].kind != ACL_TOK_STRING || t->items[k].interp ||
            !acl_code_tok_is(s, &t->items[p], "["))
            return 0;
        name_of(s, &t->items[k], name, nlen);
        return 1;
    }
    if (t->items[e].kind != ACL_TOK_IDENT)
        return 0;
    /* "name: Type = ..." (Python and TypeScript annotations). */
    p = prev_code(t, e);
    if (p >= 0 && acl_code_tok_is(s, &t->items[p], ":")) {
        long q = prev_code(t, p);

        if (q >= 0 && t->items[q].kind == ACL_TOK_IDENT)
            e = q;
    }
    name_of(s, &t->items[e], name, nlen);
    return 1;
}

/* The key of "key: literal" where e is the token before ':', in an
 * object or dict: the key must start an entry ('{', ',' or a line
 * break before it). */
static int
member_key(const char *s, const struct acl_code_toks *t, long e,
           const char **name, size_t *nlen)
{
    long p;

    if (e < 0 || (t->items[e].kind != ACL_TOK_IDENT &&
                  (t->items[e].kind != ACL_TOK_STRING || t->items[e].interp)))
        return 0;
    p = prev_code(t, e);
    if (!(p < 0 || t->items[e].nl || acl_code_tok_is(s, &t->items[p], "{") ||
          acl_code_tok_is(s, &t->items[p], ",")))
        return 0;
    name_of(s, &t->items[e], name, nlen);
    return 1;
}

int
acl_code_assigned_name(const char *s, size_t len, const struct acl_code_toks *t,
                       size_t tok, const char **name, size_t *nlen)
{
    const struct acl_code_tok *k = &t->items[tok];
    long p;

    (void)len;
    if (k->kind != ACL_TOK_STRING || k->interp || k->doc ||
        value_continues(s, t, tok))
        return 0;
    p = prev_code(t, (long)tok);
    if (p < 0)
        return 0;
    if (acl_code_tok_is(s, &t->items[p], "=") ||
        acl_code_tok_is(s, &t->items[p], ":="))
        return assign_target(s, t, prev_code(t, p), name, nlen);
    if (acl_code_tok_is(s, &t->items[p], ":"))
        return member_key(s, t, prev_code(t, p), name, nlen);
    return 0;
}
