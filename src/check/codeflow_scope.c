/*
 * codeflow_scope.c - where a local variable is the one that holds a
 * read: Python's logical lines and blocks, the function a position
 * lies in, and the ranges where a name means something else (a
 * parameter, a name assigned in another function, a declaration in an
 * inner block), so that "def f(url): ..." is not taken for the
 * module's url = os.getenv(...).
 *
 * Function bodies and blocks nest, so a name's ranges form a forest:
 * sorted by start and linked to their enclosing range, the innermost
 * one holding a use is found in logarithmic time (plus the nesting
 * depth).
 */
#include <stdlib.h>
#include <string.h>

#include "codeflow_int.h"

int
cf_py_line_start(const struct cf *cf, long i)
{
    const struct acl_code_tok *k = cf_tok(cf, i);

    return k != NULL && (i == 0 || (k->nl && k->depth == 0));
}

/* The last position of the logical line holding i. */
long
cf_py_line_end(const struct cf *cf, long i)
{
    return cf->lines->last[cf->lines->start[i]];
}

/* The start of the logical line holding i. */
long
cf_py_line_of(const struct cf *cf, long i)
{
    return cf->lines->start[i];
}

/* The last position of the block headed by the line at s: up to the
 * next line indented no deeper. */
long
cf_py_block_end(const struct cf *cf, long s)
{
    return cf->lines->block_end[cf_py_line_of(cf, s)];
}

/* The end of the block enclosing the line at s (the file's end at the
 * top level). */
long
cf_py_parent_end(const struct cf *cf, long s)
{
    long p = cf->lines->parent[cf_py_line_of(cf, s)];

    return p >= 0 ? cf->lines->block_end[p] : (long)cf->n - 1;
}

/* Lines, their blocks and parents, in one pass: a stack of the lines
 * whose blocks are open. */
void
cf_py_lines(struct cf *cf, struct cf_lines *l)
{
    long *stack = acl_xmalloc((cf->n + 1) * sizeof *stack), top = 0, cur = 0;
    size_t i;

    l->start = acl_xmalloc((cf->n + 1) * sizeof *l->start);
    l->last = acl_xmalloc((cf->n + 1) * sizeof *l->last);
    l->block_end = acl_xmalloc((cf->n + 1) * sizeof *l->block_end);
    l->parent = acl_xmalloc((cf->n + 1) * sizeof *l->parent);
    for (i = 0; i < cf->n; i++) {
        if (cf_py_line_start(cf, (long)i)) {
            unsigned in = cf_tok(cf, (long)i)->indent;

            if (i > 0)
                l->last[cur] = (long)i - 1;
            while (top > 0 && cf_tok(cf, stack[top - 1])->indent >= in)
                l->block_end[stack[--top]] = (long)i - 1;
            l->parent[i] = top > 0 ? stack[top - 1] : -1;
            stack[top++] = (long)i;
            cur = (long)i;
        }
        l->start[i] = cur;
    }
    if (cf->n > 0)
        l->last[cur] = (long)cf->n - 1;
    while (top > 0)
        l->block_end[stack[--top]] = (long)cf->n - 1;
    free(stack);
}

void
cf_py_lines_free(struct cf_lines *l)
{
    free(l->start);
    free(l->last);
    free(l->block_end);
    free(l->parent);
}

/* ---- Python scopes ---- */

static int
py_is_def(const struct cf *cf, long s)
{
    return cf_is(cf, s, "def") ||
           (cf_is(cf, s, "async") && cf_is(cf, s + 1, "def"));
}

/* The def line whose body holds the line s, or -1 (module level). */
static long
py_func_of(const struct cf *cf, long s)
{
    long p = cf->lines->parent[cf_py_line_of(cf, s)];

    while (p >= 0 && !py_is_def(cf, p))
        p = cf->lines->parent[p];
    return p;
}

/* ---- shadows ---- */

static void
add_shadow(struct cf *cf, long name, long from, long to)
{
    char *key = cf_text(cf, name);
    json_t *at = json_object_get(cf->shadows, key);
    struct cf_shadow_set *set;

    if (at == NULL) {
        acl_xgrow((void **)&cf->sets, &cf->sets_cap, cf->nsets + 1,
                  sizeof *cf->sets);
        memset(&cf->sets[cf->nsets], 0, sizeof *cf->sets);
        at = json_integer((json_int_t)cf->nsets++);
        json_object_set_new(cf->shadows, key, at);
    }
    set = &cf->sets[json_integer_value(at)];
    acl_xgrow((void **)&set->r, &set->cap, set->n + 1, sizeof *set->r);
    set->r[set->n].from = from;
    set->r[set->n].to = to;
    set->n++;
    free(key);
}

/* Parameter names of the list opened at o: identifiers right after
 * '(' ',' '*' '**' '{' '...' or a declaration keyword. */
static void
params(struct cf *cf, long o, long from, long to)
{
    long c = cf->match[o], k;
    unsigned d = cf_tok(cf, o)->depth + 1;

    for (k = o + 1; k < c; k++)
        if (cf_kind(cf, k, ACL_TOK_IDENT) && cf_tok(cf, k)->depth >= d &&
            (cf_is(cf, k - 1, "(") || cf_is(cf, k - 1, ",") ||
             cf_is(cf, k - 1, "*") || cf_is(cf, k - 1, "**") ||
             cf_is(cf, k - 1, "{") || cf_is(cf, k - 1, "...") ||
             cf_is(cf, k - 1, "const") || cf_is(cf, k - 1, "let") ||
             cf_is(cf, k - 1, "var")))
            add_shadow(cf, k, from, to);
}

/* How far a lambda's parameters or a comprehension's targets, and a
 * lambda's body, are looked for: far beyond real code, and what keeps
 * a hostile file of nested lambdas linear. */
#define MAX_PARAMS_SCAN 32
#define MAX_BOUND_SCAN 160

/* The last position of an expression starting at a (a lambda's body):
 * before a ',' or ';' at its depth, a closing bracket, or the end of
 * its logical line. */
static long
py_expr_end(const struct cf *cf, long a)
{
    long e, k;
    unsigned d;

    /* "lambda x" at the end of the file: the body is empty. */
    if (a < 0 || (size_t)a >= cf->n)
        return (long)cf->n - 1;
    e = cf_py_line_end(cf, a);
    d = cf_tok(cf, a)->depth;

    /* Bounded, as arrow_end: nested lambdas stay linear. */
    if (e > a + MAX_BOUND_SCAN)
        e = a + MAX_BOUND_SCAN;
    for (k = a; k <= e; k++) {
        if (cf_tok(cf, k)->depth < d ||
            (cf_tok(cf, k)->depth == d &&
             (cf_is(cf, k, ",") || cf_is(cf, k, ";"))))
            return k - 1;
        if (cf->match[k] > k)
            k = cf->match[k];
    }
    return e;
}

/* Names bound inside an expression: "lambda url: ..." binds url in the
 * lambda; "[url for url in ...]" binds url in the brackets. */
static void
py_expr_shadows(struct cf *cf, long k)
{
    long j, end, o;

    if (cf_is(cf, k, "lambda")) {
        for (j = k + 1;
             (size_t)j < cf->n && j < k + MAX_PARAMS_SCAN && !cf_is(cf, j, ":");
             j++)
            if (cf_kind(cf, j, ACL_TOK_IDENT) &&
                (j == k + 1 || cf_is(cf, j - 1, ",") || cf_is(cf, j - 1, "*") ||
                 cf_is(cf, j - 1, "**")))
                add_shadow(cf, j, k, py_expr_end(cf, j + 1));
    } else if (cf_is(cf, k, "for") && !cf_py_line_start(cf, k) &&
               (o = cf->encl[k]) >= 0 && (end = cf->match[o]) > k) {
        for (j = k + 1;
             j < end && j < k + MAX_PARAMS_SCAN && !cf_is(cf, j, "in"); j++)
            if (cf_kind(cf, j, ACL_TOK_IDENT) &&
                (j == k + 1 || cf_is(cf, j - 1, ",") || cf_is(cf, j - 1, "(") ||
                 cf_is(cf, j - 1, "[") || cf_is(cf, j - 1, "*")))
                add_shadow(cf, j, o, end);
    }
}

/* def f(params): the body; "name = ..." / "for name in" inside a def:
 * that def's body; lambdas and comprehensions (py_expr_shadows). */
static void
py_shadows(struct cf *cf)
{
    size_t i;

    for (i = 0; i < cf->n; i++) {
        long s = (long)i, f, name = s;

        py_expr_shadows(cf, s);
        if (!cf_py_line_start(cf, s))
            continue;
        if (py_is_def(cf, s)) {
            long o = s + (cf_is(cf, s, "async") ? 3 : 2);

            if (cf_is(cf, o, "(") && cf->match[o] > o)
                params(cf, o, s, cf_py_block_end(cf, s));
            continue;
        }
        if (cf_is(cf, s, "for") || cf_is(cf, s, "with"))
            name = s + 1;
        else if (!(cf_is(cf, s + 1, "=") || cf_is(cf, s + 1, ":")))
            continue;
        if (cf_kind(cf, name, ACL_TOK_IDENT) && (f = py_func_of(cf, s)) >= 0)
            add_shadow(cf, name, f, cf_py_block_end(cf, f));
    }
}

/* The range of a JS arrow's expression body after '=>' at a. */
static long
arrow_end(const struct cf *cf, long a)
{
    unsigned d = cf_tok(cf, a)->depth;
    long k;

    for (k = a + 1; (size_t)k < cf->n && k < a + 2000; k++) {
        const struct acl_code_tok *t = cf_tok(cf, k);

        if (t->depth < d ||
            (t->depth == d && (cf_is(cf, k, ",") || cf_is(cf, k, ";"))))
            break;
        if (cf->match[k] > k)
            k = cf->match[k];
    }
    return k - 1;
}

/* Is the '{' at b a block (not an object literal or a pattern)? */
static int
js_block(const struct cf *cf, long b)
{
    static const char *const value_before[] = {
        "=",  "(",  ",",   ":",     "[",     "return", "?",   "||",
        "&&", "??", "...", "yield", "await", "const",  "let", "var"};
    size_t k;

    for (k = 0; k < ACL_ARRAY_LEN(value_before); k++)
        if (cf_is(cf, b - 1, value_before[k]))
            return 0;
    return 1;
}

/* The innermost block holding k: its '{', or -1 at the top level. */
static long
js_block_of(const struct cf *cf, long k)
{
    long b;

    for (b = cf->encl[k]; b >= 0 && !(cf_is(cf, b, "{") && js_block(cf, b));
         b = cf->encl[b])
        ;
    return b;
}

/* Function and arrow parameters, for-heads and declarations in
 * blocks. */
static void
js_shadows(struct cf *cf)
{
    size_t i;

    for (i = 0; i < cf->n; i++) {
        long k = (long)i, o, b, end;

        if (cf_is(cf, k, "=>")) {
            b = k + 1;
            end = cf_is(cf, b, "{") && cf->match[b] > b ? cf->match[b]
                                                        : arrow_end(cf, k);
            if (cf_is(cf, k - 1, ")") && (o = cf->match[k - 1]) >= 0)
                params(cf, o, b, end);
            else if (cf_kind(cf, k - 1, ACL_TOK_IDENT))
                add_shadow(cf, k - 1, b, end);
        } else if (cf_is(cf, k, "{") && cf_is(cf, k - 1, ")") &&
                   (o = cf->match[k - 1]) >= 0 && cf->match[k] > k &&
                   !cf_is(cf, o - 1, "if") && !cf_is(cf, o - 1, "while") &&
                   !cf_is(cf, o - 1, "switch") && !cf_is(cf, o - 1, "with")) {
            params(cf, o, k, cf->match[k]);
        } else if ((cf_is(cf, k, "const") || cf_is(cf, k, "let") ||
                    cf_is(cf, k, "var")) &&
                   cf_kind(cf, k + 1, ACL_TOK_IDENT)) {
            b = js_block_of(cf, k);
            add_shadow(cf, k + 1, b >= 0 ? b : 0,
                       b >= 0 && cf->match[b] > b ? cf->match[b]
                                                  : (long)cf->n - 1);
        }
    }
}

static int
by_from(const void *a, const void *b)
{
    const struct cf_shadow *x = a, *y = b;

    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    return (x->to < y->to) - (x->to > y->to); /* outer first */
}

/* Sorts a name's ranges and links each to the one enclosing it: the
 * ranges are syntactic (bodies, blocks), so they nest. */
static void
link_set(struct cf_shadow_set *set)
{
    long *stack = acl_xmalloc((set->n + 1) * sizeof *stack);
    size_t i, top = 0;

    if (set->n > 1)
        qsort(set->r, set->n, sizeof *set->r, by_from);
    for (i = 0; i < set->n; i++) {
        while (top > 0 && set->r[stack[top - 1]].to < set->r[i].from)
            top--;
        set->r[i].up = top > 0 ? stack[top - 1] : -1;
        stack[top++] = (long)i;
    }
    free(stack);
}

void
cf_find_shadows(struct cf *cf)
{
    size_t i;

    if (cf->lang == ACL_LANG_PYTHON && cf->lines != NULL)
        py_shadows(cf);
    else if (cf->lang == ACL_LANG_JS)
        js_shadows(cf);
    for (i = 0; i < cf->nsets; i++)
        link_set(&cf->sets[i]);
}

void
cf_shadows_free(struct cf *cf)
{
    size_t i;

    for (i = 0; i < cf->nsets; i++)
        free(cf->sets[i].r);
    free(cf->sets);
    cf->sets = NULL;
    cf->nsets = cf->sets_cap = 0;
}

/* The innermost range of set holding p, or -1: the last range starting
 * at or before p, then out through the ranges enclosing it. */
static long
innermost(const struct cf_shadow_set *set, long p)
{
    size_t lo = 0, hi = set->n;
    long i;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (set->r[mid].from <= p)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (i = (long)lo - 1; i >= 0 && set->r[i].to < p; i = set->r[i].up)
        ;
    return i;
}

int
cf_shadowed(const struct cf *cf, const char *name, long def, long use)
{
    json_t *at = json_object_get(cf->shadows, name);
    const struct cf_shadow_set *set;
    long i;

    if (at == NULL)
        return 0;
    set = &cf->sets[json_integer_value(at)];
    /* Ranges nest: the innermost holding the use decides. */
    i = innermost(set, use);
    return i >= 0 && !(set->r[i].from <= def && def <= set->r[i].to);
}

void
cf_local_scope(const struct cf *cf, long v, long *from, long *to)
{
    long f, b;

    *from = 0;
    *to = (long)cf->n - 1;
    if (cf->lang == ACL_LANG_PYTHON) {
        if (cf->lines != NULL && (f = py_func_of(cf, v)) >= 0) {
            *from = f;
            *to = cf_py_block_end(cf, f);
        }
        return;
    }
    b = js_block_of(cf, v);
    if (b >= 0 && cf->match[b] > b) {
        *from = b;
        *to = cf->match[b];
    }
}
