/*
 * codeflow_guard.c - where a variable is known to be set: the regions
 * of code that presence tests guard, and which required reads lie in
 * one.
 *
 * Each guard gives a region of code positions: the body of "if <set?>",
 * the rest of the enclosing block after "if <unset?>: return/raise/...",
 * the else branch of "if <unset?>", the rest after "while <unset?>"
 * (a wait loop without break), the rest after a "while True" loop whose
 * one break is "if <set?>: break", the rest after "assert <set?>", a
 * try block whose handler catches KeyError (Python) or any error (JS),
 * and the arms of a match or switch on the variable
 * (codeflow_match.c). In a JavaScript switch "the rest of the block"
 * is the rest of the arm: the next case is entered from the switch.
 * Regions are sorted by variable and start, with the furthest end so
 * far, so each read is looked up in logarithmic time.
 */
#include <stdlib.h>
#include <string.h>

#include "codeflow_int.h"

void
cf_add_region(struct cf *cf, const char *var, size_t from, size_t to)
{
    acl_xgrow((void **)&cf->regions, &cf->regions_cap, cf->nregions + 1,
              sizeof *cf->regions);
    cf->regions[cf->nregions].var = var;
    cf->regions[cf->nregions].from = from;
    cf->regions[cf->nregions].to = to;
    cf->nregions++;
}

/* ---- Python: lines, blocks, headers ---- */

/* The header's ':' (depth 0) on the line starting at s, or -1. */
long
cf_py_colon(const struct cf *cf, long s)
{
    long e = cf_py_line_end(cf, s), k;

    for (k = s + 1; k <= e; k++)
        if (cf_is(cf, k, ":") && cf_tok(cf, k)->depth == 0)
            return k;
    return -1;
}

/* Does the statement at k leave the block: return, raise, continue,
 * break, sys.exit(), exit(), process.exit()? */
int
cf_exits(const struct cf *cf, long k)
{
    return cf_is(cf, k, "return") || cf_is(cf, k, "raise") ||
           cf_is(cf, k, "throw") || cf_is(cf, k, "continue") ||
           cf_is(cf, k, "break") ||
           ((cf_is(cf, k, "sys") || cf_is(cf, k, "os") ||
             cf_is(cf, k, "process")) &&
            cf_is(cf, k + 1, ".") &&
            (cf_is(cf, k + 2, "exit") || cf_is(cf, k + 2, "_exit"))) ||
           ((cf_is(cf, k, "exit") || cf_is(cf, k, "quit")) &&
            cf_is(cf, k + 1, "("));
}

/* Is there a break in (from, to]? A loop "while <unset?>: wait" ends
 * with the variable set, unless a break leaves it early. A body longer
 * than a wait loop's counts as having one, so that nested loops stay
 * linear. */
static int
has_break(const struct cf *cf, long from, long to)
{
    long k;

    if (to - from > 512)
        return 1;
    for (k = from + 1; k <= to; k++)
        if (cf_is(cf, k, "break"))
            return 1;
    return 0;
}

/* How many breaks are in [from, to]: 2 stands for more than one, and
 * for a body too long to be a wait loop's (which keeps nested loops
 * linear). */
static int
count_breaks(const struct cf *cf, long from, long to)
{
    long k;
    int n = 0;

    if (to - from > 512)
        return 2;
    for (k = from; k <= to && n < 2; k++)
        n += cf_is(cf, k, "break");
    return n;
}

/* Is the condition [a, b] free of "or"? A break taken when the
 * variable is set, or when something else holds, can be taken while it
 * is unset. */
static int
no_or(const struct cf *cf, long a, long b)
{
    if (b - a > 256)
        return 0;
    for (; a <= b; a++)
        if (cf_is(cf, a, "or") || cf_is(cf, a, "||"))
            return 0;
    return 1;
}

/* Does the body of the header at s (':' at colon) leave the block? */
int
cf_py_body_exits(const struct cf *cf, long s, long colon, long end)
{
    long k;

    if (colon < cf_py_line_end(cf, s))
        return cf_exits(cf, colon + 1);
    for (k = colon + 1; k <= end; k = cf_py_block_end(cf, k) + 1)
        if (cf_exits(cf, k))
            return 1;
    return 0;
}

/* "while True: ... if <set?>: break": a loop whose one break is taken
 * when the variable is set ends with it set (a wait loop written the
 * other way round). */
static void
py_wait_break(struct cf *cf, const struct acl_env_ref *r, long s, long colon)
{
    long p = cf->lines->parent[s], end;

    if (p < 0 || !cf_is(cf, p, "while") ||
        !(cf_is(cf, p + 1, "True") || cf_is(cf, p + 1, "1")) ||
        !cf_is(cf, p + 2, ":") || !no_or(cf, s + 1, colon - 1))
        return;
    end = cf_py_block_end(cf, p);
    if (count_breaks(cf, p, end) == 1 &&
        count_breaks(cf, colon + 1, cf_py_block_end(cf, s)) == 1)
        cf_add_region(cf, r->name, (size_t)end + 1,
                      (size_t)cf_py_parent_end(cf, p));
}

/* The region(s) a test in the header of the Python line s gives. */
static void
py_test_regions(struct cf *cf, const struct acl_env_ref *r)
{
    long s = cf_py_line_of(cf, (long)r->first), colon, end;

    if (cf_is(cf, s, "assert")) {
        if (!r->neg)
            cf_add_region(cf, r->name, (size_t)cf_py_line_end(cf, s) + 1,
                          (size_t)cf_py_parent_end(cf, s));
        return;
    }
    /* case <pattern> if <set?>: the guard holds in the arm. */
    if (cf_is(cf, s, "case") && !r->neg &&
        (colon = cf_py_colon(cf, s)) >= (long)r->last) {
        cf_add_region(cf, r->name, (size_t)colon,
                      (size_t)cf_py_block_end(cf, s));
        return;
    }
    if (!(cf_is(cf, s, "if") || cf_is(cf, s, "elif") ||
          cf_is(cf, s, "while")) ||
        (colon = cf_py_colon(cf, s)) < 0 || colon < (long)r->last)
        return;
    end = cf_py_block_end(cf, s);
    if (!r->neg) {
        cf_add_region(cf, r->name, (size_t)colon, (size_t)end);
        if (!cf_is(cf, s, "while"))
            py_wait_break(cf, r, s, colon);
    } else if ((cf_is(cf, s, "if") && cf_py_body_exits(cf, s, colon, end)) ||
               (cf_is(cf, s, "while") && !has_break(cf, colon, end))) {
        cf_add_region(cf, r->name, (size_t)end + 1,
                      (size_t)cf_py_parent_end(cf, s));
    } else if ((size_t)end + 1 < cf->n && cf_is(cf, end + 1, "else") &&
               cf_tok(cf, end + 1)->indent == cf_tok(cf, s)->indent) {
        cf_add_region(cf, r->name, (size_t)end + 1,
                      (size_t)cf_py_block_end(cf, end + 1));
    }
}

/* with suppress(KeyError): (contextlib) guards its block. */
static void
py_suppress_region(struct cf *cf, long s)
{
    long c = cf_py_colon(cf, s), j;
    int sup = 0, key = 0;

    for (j = s + 1; j < c; j++) {
        sup |= cf_is(cf, j, "suppress");
        key |= cf_is(cf, j, "KeyError") || cf_is(cf, j, "LookupError") ||
               cf_is(cf, j, "Exception");
    }
    if (sup && key)
        cf_add_region(cf, NULL, (size_t)s, (size_t)cf_py_block_end(cf, s));
}

/* try: blocks whose handlers catch KeyError (or wider). */
static void
py_try_regions(struct cf *cf)
{
    static const char *const caught[] = {"KeyError", "LookupError", "Exception",
                                         "BaseException"};
    size_t i, k;

    for (i = 0; i < cf->n; i++) {
        long s = (long)i, end, h;
        int ok = 0;

        if (cf_py_line_start(cf, s) && cf_is(cf, s, "with"))
            py_suppress_region(cf, s);
        if (!cf_py_line_start(cf, s) || !cf_is(cf, s, "try") ||
            !cf_is(cf, s + 1, ":"))
            continue;
        end = cf_py_block_end(cf, s);
        for (h = end + 1; !ok && (size_t)h < cf->n && cf_is(cf, h, "except") &&
                          cf_tok(cf, h)->indent == cf_tok(cf, s)->indent;
             h = cf_py_block_end(cf, h) + 1) {
            long c = cf_py_colon(cf, h), j;

            ok = c == h + 1;
            for (j = h + 1; j < c && !ok; j++)
                for (k = 0; k < ACL_ARRAY_LEN(caught); k++)
                    ok |= cf_is(cf, j, caught[k]);
        }
        if (ok)
            cf_add_region(cf, NULL, i, (size_t)end);
    }
}

/* ---- JavaScript: braces ---- */

/* The end of the statement or block starting at k. */
static long
js_branch_end(const struct cf *cf, long k)
{
    if (cf_is(cf, k, "{") && cf->match[k] > k)
        return cf->match[k];
    return cf_stmt_end(cf, k);
}

/* Where the statements after k in its list end: at the end of the
 * innermost {...} holding k (the file's end at the top level), or in a
 * switch, at the end of k's arm (the next case is entered from the
 * switch, not from k). */
long
cf_js_rest_end(const struct cf *cf, long k)
{
    long e = cf->encl[k];

    while (e >= 0 && !cf_is(cf, e, "{"))
        e = cf->encl[e];
    return e >= 0 && cf->match[e] > e ? cf_switch_arm_end(cf, e, k)
                                      : (long)cf->n - 1;
}

int
cf_js_exit_stmt(const struct cf *cf, long k)
{
    long p;

    /* "if (x)\n  return;" starts a line but is the if's body: it leaves
     * only sometimes. */
    if (!cf_exits(cf, k) || cf_is(cf, k - 1, "else"))
        return 0;
    return !(cf_is(cf, k - 1, ")") && (p = cf->match[k - 1]) >= 0 &&
             (cf_is(cf, p - 1, "if") || cf_is(cf, p - 1, "for") ||
              cf_is(cf, p - 1, "while")));
}

static int
js_branch_exits(const struct cf *cf, long from, long to)
{
    unsigned d;
    long k;

    if (!cf_is(cf, from, "{"))
        return cf_exits(cf, from);
    d = cf_tok(cf, from)->depth + 1;
    for (k = from + 1; k < to; k++)
        if (cf_tok(cf, k)->depth == d && cf_stmt_start(cf, k) &&
            cf_js_exit_stmt(cf, k))
            return 1;
    return 0;
}

/* for (;;) / while (true) { ... if (<set?>) break; ... }, the if's '('
 * at o: as py_wait_break. */
static void
js_wait_break(struct cf *cf, const struct acl_env_ref *r, long o)
{
    long b = cf->encl[o - 1], c = cf->match[o], p, e;

    if (b < 0 || !cf_is(cf, b, "{") || !cf_is(cf, b - 1, ")") ||
        (p = cf->match[b - 1]) < 0 || (e = cf->match[b]) < b ||
        !no_or(cf, o + 1, c - 1))
        return;
    if (!(cf_is(cf, p - 1, "while") &&
          (cf_is(cf, p + 1, "true") || cf_is(cf, p + 1, "1")) &&
          p + 2 == b - 1) &&
        !(cf_is(cf, p - 1, "for") && cf_is(cf, p + 1, ";") &&
          cf_is(cf, p + 2, ";") && p + 3 == b - 1))
        return;
    if (count_breaks(cf, b, e) == 1 &&
        count_breaks(cf, c + 1, js_branch_end(cf, c + 1)) == 1)
        cf_add_region(cf, r->name, (size_t)e + 1,
                      (size_t)cf_js_rest_end(cf, p - 1));
}

static void
js_test_regions(struct cf *cf, const struct acl_env_ref *r)
{
    long o = cf->encl[r->first], c, end;

    while (o >= 0 && cf_is(cf, o, "(") && !cf_is(cf, o - 1, "if") &&
           !cf_is(cf, o - 1, "while") && cf_is(cf, cf->encl[o], "("))
        o = cf->encl[o]; /* if ((a) && !(b)) */
    if (cf_assert_call(cf, o) && !r->neg && cf->match[o] > o) {
        cf_add_region(cf, r->name, (size_t)cf->match[o] + 1,
                      (size_t)cf_js_rest_end(cf, o));
        return;
    }
    if (o < 0 || !cf_is(cf, o, "(") ||
        !(cf_is(cf, o - 1, "if") || cf_is(cf, o - 1, "while")) ||
        (c = cf->match[o]) < 0 || (size_t)c + 1 >= cf->n)
        return;
    end = js_branch_end(cf, c + 1);
    if (!r->neg) {
        cf_add_region(cf, r->name, (size_t)c + 1, (size_t)end);
        if (cf_is(cf, o - 1, "if"))
            js_wait_break(cf, r, o);
    } else if ((cf_is(cf, o - 1, "if") && js_branch_exits(cf, c + 1, end)) ||
               (cf_is(cf, o - 1, "while") && !has_break(cf, c, end))) {
        cf_add_region(cf, r->name, (size_t)end + 1,
                      (size_t)cf_js_rest_end(cf, o - 1));
    } else if (cf_is(cf, end + 1, "else")) {
        cf_add_region(cf, r->name, (size_t)end + 1,
                      (size_t)js_branch_end(cf, end + 2));
    }
}

static void
js_try_regions(struct cf *cf)
{
    size_t i;

    for (i = 0; i < cf->n; i++) {
        long b = (long)i + 1;

        if (cf_is(cf, (long)i, "try") && cf_is(cf, b, "{") &&
            cf->match[b] > b && cf_is(cf, cf->match[b] + 1, "catch"))
            cf_add_region(cf, NULL, i, (size_t)cf->match[b]);
    }
}

/* A variable set by the code (os.environ[V] = ..., setdefault,
 * monkeypatch.setenv) is set for the rest of the block. */
static void
write_region(struct cf *cf, const struct acl_env_ref *r)
{
    long f = (long)r->first;

    if (cf->lang == ACL_LANG_PYTHON)
        cf_add_region(cf, r->name, (size_t)cf_py_line_end(cf, f) + 1,
                      (size_t)cf_py_parent_end(cf, f));
    else
        cf_add_region(cf, r->name, (size_t)cf_stmt_end(cf, f) + 1,
                      (size_t)cf_js_rest_end(cf, f));
}

/* ---- dominance ---- */

static int
by_var_from(const void *a, const void *b)
{
    const struct cf_region *x = a, *y = b;
    int r = strcmp(x->var ? x->var : "", y->var ? y->var : "");

    if (r != 0)
        return r;
    return (x->from > y->from) - (x->from < y->from);
}

/* Is position p in a region of var (NULL: the try regions)? Regions
 * are sorted; reach[i] is the furthest end of regions [first of the
 * var, i]. */
static int
in_region(const struct cf *cf, const size_t *reach, const char *var, size_t p)
{
    struct cf_region key = {var, p + 1, 0};
    size_t lo = 0, hi = cf->nregions;

    /* The last region of var starting at or before p. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (by_var_from(&cf->regions[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return 0;
    lo--;
    return strcmp(cf->regions[lo].var ? cf->regions[lo].var : "",
                  var ? var : "") == 0 &&
           reach[lo] >= p;
}

/* A positive test of the same variable in the statement of r (a
 * ternary, "and", "&&"). */
static int
same_statement(const struct cf *cf, size_t k)
{
    const struct acl_code_file *f = cf->f;
    const struct acl_env_ref *r = &f->refs[k];
    long s = (long)r->first, e;
    size_t j;

    if (cf->lang == ACL_LANG_PYTHON) {
        s = cf_py_line_of(cf, s);
        e = cf_py_line_end(cf, (long)r->first);
    } else {
        /* A JSX container's braces are inside the expression:
         * url ? <a href={url} /> : null. */
        while (s > 0 && s > (long)r->first - 400 && !cf_is(cf, s - 1, ";") &&
               !((cf_is(cf, s - 1, "{") || cf_is(cf, s - 1, "}")) &&
                 !cf_tok(cf, s - 1)->jsx))
            s--;
        e = (long)r->last;
    }
    for (j = k; j > 0 && k - j < 64 && f->refs[j - 1].first >= (size_t)s; j--)
        ;
    for (; j < f->nrefs && f->refs[j].first <= (size_t)e && j < k + 64; j++)
        if (j != k && f->refs[j].use == ACL_ENV_TEST && !f->refs[j].neg &&
            strcmp(f->refs[j].name, r->name) == 0)
            return 1;
    return 0;
}

static void
mark_dominated(struct cf *cf)
{
    struct acl_code_file *f = cf->f;
    size_t *reach = acl_xmalloc((cf->nregions + 1) * sizeof *reach), i;

    if (cf->nregions > 1)
        qsort(cf->regions, cf->nregions, sizeof *cf->regions, by_var_from);
    for (i = 0; i < cf->nregions; i++) {
        reach[i] = cf->regions[i].to;
        if (i > 0 && reach[i - 1] > reach[i] &&
            strcmp(cf->regions[i - 1].var ? cf->regions[i - 1].var : "",
                   cf->regions[i].var ? cf->regions[i].var : "") == 0)
            reach[i] = reach[i - 1];
    }
    for (i = 0; i < f->nrefs; i++) {
        struct acl_env_ref *r = &f->refs[i];

        if (r->use == ACL_ENV_REQUIRED)
            r->dominated = in_region(cf, reach, r->name, r->first) ||
                           in_region(cf, reach, NULL, r->first) ||
                           same_statement(cf, i);
    }
    free(reach);
}

void
cf_find_regions(struct cf *cf)
{
    size_t i;

    for (i = 0; i < cf->f->nrefs; i++) {
        const struct acl_env_ref *r = &cf->f->refs[i];

        if (r->use == ACL_ENV_TEST && cf_match_regions(cf, r))
            continue; /* the subject of a match or switch */
        if (r->use == ACL_ENV_TEST && cf->lang == ACL_LANG_PYTHON)
            py_test_regions(cf, r);
        else if (r->use == ACL_ENV_TEST)
            js_test_regions(cf, r);
        else if (r->use == ACL_ENV_WRITE)
            write_region(cf, r);
    }
    if (cf->lang == ACL_LANG_PYTHON)
        py_try_regions(cf);
    else
        js_try_regions(cf);
    mark_dominated(cf);
}
