/*
 * codeflow_match.c - Python match and JavaScript switch statements on
 * an environment read: the subject is a presence test, and its arms
 * tell where the variable is set.
 *
 *     match os.getenv(V):            switch (process.env.V) {
 *         case None:                   case undefined:
 *             return None                return null;
 *         case str() as url:           default:
 *             ... (V set)                ... (V set)
 *                                    }
 *
 * An arm runs with the variable set when its patterns cannot take None
 * (Python: no None in them, and not a bare capture or _ unless an
 * earlier arm took None) or its labels cannot take undefined
 * (JavaScript: no case undefined, default only when another label takes
 * undefined, and no fall-through from an arm that could). After the
 * statement the variable is set when some arm takes None / undefined
 * and every arm that can take it leaves: return, raise/throw, continue
 * (in JavaScript not break, which only leaves the switch). Python's
 * captures (case url:, case str() as url:) hold the read. A read with a
 * default (match os.environ.get(V, ""):) is never None: its arms guard
 * nothing and its captures hold a value.
 */
#include <string.h>

#include "codeflow_int.h"

/* Longer arms are taken to hold a break (bounded, so that many nested
 * switches stay linear). */
#define MAX_ARM_SCAN 512

/* ---- Python ---- */

/* The ':' ending "match <subject>:" at line s when it heads a block of
 * case lines; -1 when s is no match statement (match = ..., match(x)). */
static long
py_match_colon(const struct cf *cf, long s)
{
    long c;

    if (cf->lines == NULL || !cf_py_line_start(cf, s) || !cf_is(cf, s, "match"))
        return -1;
    c = cf_py_colon(cf, s);
    if (c < 0 || c != cf_py_line_end(cf, s) || !cf_is(cf, c + 1, "case") ||
        !cf_py_line_start(cf, c + 1) ||
        cf_tok(cf, c + 1)->indent <= cf_tok(cf, s)->indent)
        return -1;
    return c;
}

/* The last position of the pattern of the case line k whose ':' is c:
 * before a guard ("case x if x.startswith(...)"). */
static long
py_pattern_end(const struct cf *cf, long k, long c)
{
    long j;

    for (j = k + 1; j < c; j++)
        if (cf_is(cf, j, "if") && cf_tok(cf, j)->depth == 0)
            return j - 1;
    return c - 1;
}

/* A bare name (a capture, or _) matches anything, None included. */
static int
py_irrefutable(const struct cf *cf, long k, long pe)
{
    return pe == k + 1 && cf_kind(cf, k + 1, ACL_TOK_IDENT);
}

static int
py_has_none(const struct cf *cf, long a, long b)
{
    for (; a <= b; a++)
        if (cf_is(cf, a, "None"))
            return 1;
    return 0;
}

/* The arms of the match at line s (subject's ':' at colon) for r. */
static void
py_match_regions(struct cf *cf, const struct acl_env_ref *r, long s, long colon)
{
    long end = cf_py_block_end(cf, s), k;
    int none_taken = 0, leaves = 1;

    for (k = colon + 1; k <= end; k = cf_py_block_end(cf, k) + 1) {
        long c = cf_py_colon(cf, k), pe, body;

        if (!cf_is(cf, k, "case") || c < 0)
            continue;
        pe = py_pattern_end(cf, k, c);
        body = cf_py_block_end(cf, k);
        if (py_has_none(cf, k + 1, pe) ||
            (!none_taken && py_irrefutable(cf, k, pe))) {
            /* This arm takes None: the rest is set only if it leaves. */
            none_taken = 1;
            leaves &= cf_py_body_exits(cf, k, c, body);
        } else {
            cf_add_region(cf, r->name, (size_t)c, (size_t)body);
        }
    }
    if (none_taken && leaves)
        cf_add_region(cf, r->name, (size_t)end + 1,
                      (size_t)cf_py_parent_end(cf, s));
}

/* A subject read with a default (.get(V, "")) is never None: its arms
 * say nothing of whether V is set, and its captures hold a value. */
static int
py_defaulted(const struct cf *cf, const struct acl_env_ref *r)
{
    return !r->via_local && r->def_pos >= 0 && !cf_is(cf, r->def_pos, "None");
}

/* Captures of the match whose subject is the direct read r: "case
 * url:" and "case str() as url:" hold its value (None in an arm that
 * can take None, which the arm regions tell apart). */
static void
py_captures(struct cf *cf, const struct acl_env_ref *r)
{
    long s = cf_py_line_of(cf, (long)r->first), colon = py_match_colon(cf, s);
    long end, k;

    if (colon < 0 || (long)r->first != s + 1 || (long)r->last != colon - 1 ||
        py_defaulted(cf, r))
        return;
    end = cf_py_block_end(cf, s);
    for (k = colon + 1; k <= end; k = cf_py_block_end(cf, k) + 1) {
        long c = cf_py_colon(cf, k), pe;

        if (!cf_is(cf, k, "case") || c < 0)
            continue;
        pe = py_pattern_end(cf, k, c);
        if (py_irrefutable(cf, k, pe) && !cf_is(cf, k + 1, "_"))
            cf_add_local(cf, k + 1, r->name, 1);
        else if (pe > k + 2 && cf_is(cf, pe - 1, "as") &&
                 cf_kind(cf, pe, ACL_TOK_IDENT))
            cf_add_local(cf, pe, r->name, 1);
    }
}

/* ---- JavaScript ---- */

/* The '(' of "switch (X)" or "switch (typeof X)" whose subject is just
 * [a, b], with a body; -1 otherwise. */
static long
js_switch_paren(const struct cf *cf, long a, long b)
{
    long o = cf->encl[a];

    if (o < 0 || !cf_is(cf, o, "(") || !cf_is(cf, o - 1, "switch") ||
        cf->match[o] != b + 1 || !cf_is(cf, b + 2, "{") ||
        cf->match[b + 2] < b + 2)
        return -1;
    return a == o + 1 || (a == o + 2 && cf_is(cf, o + 1, "typeof")) ? o : -1;
}

/* Is k a "case" or "default" label of the switch body at depth d? */
static int
js_label(const struct cf *cf, long k, unsigned d)
{
    return (cf_is(cf, k, "case") || cf_is(cf, k, "default")) &&
           cf_tok(cf, k)->depth == d && !cf_is(cf, k - 1, ".") &&
           !cf_is(cf, k - 1, "?.");
}

/* The ':' of the label at k (before the body's end e), or -1. */
static long
js_label_colon(const struct cf *cf, long k, long e)
{
    unsigned d = cf_tok(cf, k)->depth;
    long j;

    for (j = k + 1; j < e && j < k + 64; j++)
        if (cf_is(cf, j, ":") && cf_tok(cf, j)->depth == d)
            return j;
    return -1;
}

/* Does the label at k (':' at c) take undefined: case undefined, case
 * void 0, or case "undefined" on typeof? */
static int
js_unset_label(const struct cf *cf, long k, long c, int typeof_)
{
    const struct acl_code_tok *t = cf_tok(cf, k + 1);

    if (!cf_is(cf, k, "case"))
        return 0;
    if (typeof_)
        return c == k + 2 && t->kind == ACL_TOK_STRING &&
               t->content.end - t->content.start == 9 &&
               memcmp(cf->s + t->content.start, "undefined", 9) == 0;
    return (c == k + 2 && cf_is(cf, k + 1, "undefined")) ||
           (c == k + 3 && cf_is(cf, k + 1, "void"));
}

/* The next label of the body at depth d after k, or e. */
static long
js_next_label(const struct cf *cf, long k, long e, unsigned d)
{
    for (k++; k < e; k++) {
        if (js_label(cf, k, d))
            return k;
        if (cf->match[k] > k)
            k = cf->match[k] - 1; /* nested brackets hold no label */
    }
    return e;
}

/* How the statements of an arm [from, to] at depth d end: *exits when
 * one leaves (break included), *past when one leaves beyond the switch
 * (return, throw, continue) and no break is in it. A braced arm
 * ({ ...; return; }) counts its inside. */
static void
js_arm_exits(const struct cf *cf, long from, long to, unsigned d, int *exits,
             int *past)
{
    long k;
    int brk = to - from > MAX_ARM_SCAN;

    if (cf_is(cf, from, "{") && cf->match[from] == to) {
        from++;
        d++;
    }
    *exits = *past = 0;
    for (k = from; k <= to && !brk; k++) {
        brk |= cf_is(cf, k, "break");
        if (cf_tok(cf, k)->depth == d && cf_js_exit_stmt(cf, k) &&
            (cf_stmt_start(cf, k) || cf_is(cf, k - 1, ":"))) {
            *exits = 1;
            *past |= !cf_is(cf, k, "break");
        }
    }
    *past &= !brk;
}

/* Does any label of the body (b, e) at depth d take undefined? */
static int
js_any_unset(const struct cf *cf, long b, long e, unsigned d, int typeof_)
{
    long k, c;

    for (k = js_next_label(cf, b, e, d); k < e; k = js_next_label(cf, k, e, d))
        if ((c = js_label_colon(cf, k, e)) >= 0 &&
            js_unset_label(cf, k, c, typeof_))
            return 1;
    return 0;
}

/* One group of labels from k (case undefined: case "": ...): whether
 * it takes undefined, and the ':' of its last label. Returns the
 * group's body start, or -1 for a label without ':'. */
static long
js_group(const struct cf *cf, long k, long e, int typeof_, int any_unset,
         int *takes)
{
    unsigned d = cf_tok(cf, k)->depth;
    long c;

    *takes = 0;
    for (;;) {
        if ((c = js_label_colon(cf, k, e)) < 0)
            return -1;
        *takes |= js_unset_label(cf, k, c, typeof_) ||
                  (cf_is(cf, k, "default") && !any_unset);
        if (!js_label(cf, c + 1, d))
            return c + 1;
        k = c + 1;
    }
}

/* The arms of the switch whose '(' is o, for r. */
static void
js_switch_regions(struct cf *cf, const struct acl_env_ref *r, long o)
{
    long b = cf->match[o] + 1, e = cf->match[b], k;
    unsigned d = cf_tok(cf, b)->depth + 1;
    int typeof_ = cf_is(cf, o + 1, "typeof");
    int any_unset = js_any_unset(cf, b, e, d, typeof_);
    int unset_end = 0, any_take = 0, after = 1;

    for (k = js_next_label(cf, b, e, d); k < e;) {
        int takes, exits, past;
        long body = js_group(cf, k, e, typeof_, any_unset, &takes), next;

        if (body < 0)
            return;
        next = js_next_label(cf, body - 1, e, d);
        takes |= unset_end; /* falls through from an arm that could */
        any_take |= takes;
        if (!takes && body <= next - 1)
            cf_add_region(cf, r->name, (size_t)body - 1, (size_t)next - 1);
        js_arm_exits(cf, body, next - 1, d, &exits, &past);
        unset_end = takes && !exits;
        after &= !takes || past;
        k = next;
    }
    if (any_take && after)
        cf_add_region(cf, r->name, (size_t)e + 1,
                      (size_t)cf_js_rest_end(cf, o - 1));
}

/* ---- shared ---- */

int
cf_match_subject(const struct cf *cf, long a, long b)
{
    long s, c;

    if (cf->lang == ACL_LANG_JS)
        return js_switch_paren(cf, a, b) >= 0;
    if (cf->lines == NULL)
        return 0;
    s = cf_py_line_of(cf, a);
    c = py_match_colon(cf, s);
    return c >= 0 && a == s + 1 && b == c - 1;
}

int
cf_match_regions(struct cf *cf, const struct acl_env_ref *r)
{
    long o, s, c;

    if (cf->lang == ACL_LANG_JS) {
        if ((o = js_switch_paren(cf, (long)r->first, (long)r->last)) < 0)
            return 0;
        js_switch_regions(cf, r, o);
        return 1;
    }
    s = cf_py_line_of(cf, (long)r->first);
    if ((c = py_match_colon(cf, s)) < 0 || (long)r->first != s + 1 ||
        (long)r->last != c - 1)
        return 0;
    if (!py_defaulted(cf, r))
        py_match_regions(cf, r, s, c);
    return 1;
}

void
cf_match_captures(struct cf *cf)
{
    size_t i, n = cf->f->nrefs;

    if (cf->lang != ACL_LANG_PYTHON || cf->lines == NULL)
        return;
    for (i = 0; i < n; i++)
        if (cf->f->refs[i].use == ACL_ENV_TEST && !cf->f->refs[i].via_local)
            py_captures(cf, &cf->f->refs[i]);
}

long
cf_switch_arm_end(const struct cf *cf, long b, long k)
{
    unsigned d = cf_tok(cf, b)->depth + 1;
    long e = cf->match[b];

    if (e <= b || !cf_is(cf, b - 1, ")") || cf->match[b - 1] < 0 ||
        !cf_is(cf, cf->match[b - 1] - 1, "switch"))
        return e;
    return js_next_label(cf, k, e, d) - 1;
}
