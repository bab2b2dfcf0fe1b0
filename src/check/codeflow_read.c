/*
 * codeflow_read.c - reads of environment variables, what each one does
 * when the variable is unset, and local variables that carry a read.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "codeflow_int.h"

/* How many locals of one name set before a use are tried for it. */
#define MAX_LOCAL_TRIES 64

/* Calls that fail on None / undefined in their first arguments. */
static const char *const py_sinks[] = {
    "streamablehttp_client",
    "streamable_http_client",
    "sse_client",
    "websocket_client",
    /* SigV4 clients for IAM gateways (mcp-proxy-for-aws, hand-made). */
    "aws_iam_streamablehttp_client",
    "streamablehttp_client_with_sigv4",
};
static const char *const js_sinks[] = {
    "URL",
    "fetch",
    "StreamableHTTPClientTransport",
    "SSEClientTransport",
};

struct acl_env_ref *
cf_add_ref(struct cf *cf, enum acl_env_use use, char *name, long a, long b)
{
    struct acl_code_file *f = cf->f;
    struct acl_env_ref *r;

    acl_xgrow((void **)&f->refs, &cf->refs_cap, f->nrefs + 1, sizeof *f->refs);
    r = &f->refs[f->nrefs++];
    memset(r, 0, sizeof *r);
    r->use = use;
    r->name = name;
    r->first = (size_t)a;
    r->last = (size_t)b;
    r->at.start = cf_tok(cf, a)->whole.start;
    r->at.end = cf_tok(cf, b)->whole.end;
    r->name_at = r->at;
    r->def_tok = -1;
    r->def_pos = -1;
    return r;
}

/* The start of the statement holding i, looked for at most 400
 * positions back. */
static long
stmt_begin(const struct cf *cf, long i)
{
    long k;

    for (k = i; k > 0 && k > i - 400 && !cf_stmt_start(cf, k); k--)
        ;
    return k;
}

/* Is [a, b] the condition of a Python if/elif/while/assert, or of a
 * conditional expression (x if COND else y)? */
static int
py_in_condition(const struct cf *cf, long a)
{
    long s = stmt_begin(cf, a), k;
    unsigned depth = cf_tok(cf, a)->depth;

    if (cf_is(cf, s, "if") || cf_is(cf, s, "elif") || cf_is(cf, s, "while") ||
        cf_is(cf, s, "assert")) {
        for (k = s + 1; k < a; k++)
            if (cf_is(cf, k, ":") && cf_tok(cf, k)->depth == 0)
                break;
        if (k == a)
            return 1;
    }
    for (k = a - 1; k > s; k--) {
        if (cf_tok(cf, k)->depth < depth)
            break;
        if (cf_tok(cf, k)->depth > depth)
            continue;
        if (cf_is(cf, k, "else") || cf_is(cf, k, "=") || cf_is(cf, k, ","))
            return 0;
        if (cf_is(cf, k, "if"))
            return 1;
    }
    return 0;
}

static int
js_in_condition(const struct cf *cf, long a)
{
    long o = cf->encl[a];

    return o >= 0 && cf_is(cf, o, "(") &&
           (cf_is(cf, o - 1, "if") || cf_is(cf, o - 1, "while") ||
            cf_assert_call(cf, o));
}

int
cf_assert_call(const struct cf *cf, long o)
{
    return cf->lang == ACL_LANG_JS && cf_is(cf, o, "(") &&
           (cf_is(cf, o - 1, "assert") || cf_is(cf, o - 1, "invariant") ||
            (cf_is(cf, o - 1, "ok") && cf_is(cf, o - 3, "assert"))) &&
           !cf_is(cf, o - 2, "function");
}

/* typeof X === "undefined" / typeof X !== "string" ask "unset?". */
static int
typeof_unset(const struct cf *cf, long op)
{
    const struct acl_code_tok *k = cf_tok(cf, op + 1);
    int eq = cf_is(cf, op, "===") || cf_is(cf, op, "==");
    int ne = cf_is(cf, op, "!==") || cf_is(cf, op, "!=");

    if (k == NULL || k->kind != ACL_TOK_STRING || (!eq && !ne))
        return 0;
    if (k->content.end - k->content.start == 9 &&
        memcmp(cf->s + k->content.start, "undefined", 9) == 0)
        return eq;
    return ne;
}

/* A presence test around [a, b]: sets *neg when it asks "unset?". */
static int
is_test(const struct cf *cf, long a, long b, int *neg)
{
    int py = cf->lang == ACL_LANG_PYTHON;
    long n = b + 1;

    /* (url := read): the test is of the parenthesised assignment. */
    if (py && cf_is(cf, a - 1, ":=") && cf_kind(cf, a - 2, ACL_TOK_IDENT) &&
        cf_is(cf, a - 3, "(") && cf->match[a - 3] == b + 1)
        return is_test(cf, a - 3, b + 1, neg);

    long o = cf->encl[a];

    /* match V: / switch (V): the arms test it (codeflow_match.c). */
    if (cf_match_subject(cf, a, b)) {
        *neg = 0;
        return 1;
    }
    *neg = cf_is(cf, a - 1, py ? "not" : "!");
    /* not (A and B), !(A && B), !("V" in env): each asks "unset?". */
    if (o >= 0 && cf_is(cf, o, "(") && cf_is(cf, o - 1, py ? "not" : "!"))
        *neg ^= 1;
    if (cf_is(cf, n, "is"))
        *neg ^= !cf_is(cf, n + 1, "not");
    else if (cf_is(cf, n, "==") || cf_is(cf, n, "==="))
        *neg ^= 1;
    if (!py && cf_is(cf, a - 1, "typeof"))
        *neg = typeof_unset(cf, n) ^ cf_is(cf, a - 2, "!");
    if (*neg || cf_is(cf, n, "is") || cf_is(cf, n, "!=") ||
        cf_is(cf, n, "!==") || cf_is(cf, n, "==") || cf_is(cf, n, "===") ||
        cf_is(cf, n, py ? "and" : "&&") || (!py && cf_is(cf, n, "?")) ||
        (!py && cf_is(cf, a - 1, "typeof")) ||
        (cf_is(cf, a - 1, "(") && cf_is(cf, b + 1, ")") &&
         (cf_is(cf, a - 2, "bool") || cf_is(cf, a - 2, "Boolean"))))
        return 1;
    return py ? py_in_condition(cf, a) : js_in_condition(cf, a);
}

const char *
cf_sink_of(const struct cf *cf, long a, long b)
{
    int py = cf->lang == ACL_LANG_PYTHON;
    const char *const *names = py ? py_sinks : js_sinks;
    size_t n = py ? ACL_ARRAY_LEN(py_sinks) : ACL_ARRAY_LEN(js_sinks), k;
    long o = cf->encl[a];

    long p = a - 1;

    /* A keyword argument: f(url=value), f(endpoint=value). */
    if (py && cf_is(cf, p, "=") &&
        (cf_is(cf, p - 1, "url") || cf_is(cf, p - 1, "endpoint")))
        p -= 2;
    if (o < 0 || !cf_is(cf, o, "(") ||
        !(cf_is(cf, p, "(") || cf_is(cf, p, ",")) ||
        !(cf_is(cf, b + 1, ")") || cf_is(cf, b + 1, ",")))
        return NULL;
    for (k = 0; k < n; k++)
        if (cf_is(cf, o - 1, names[k]))
            return names[k];
    return NULL;
}

/* What a read that gives None/undefined when unset does there. */
static enum acl_env_use
use_of_nullable(const struct cf *cf, long a, long b, const char **how)
{
    int py = cf->lang == ACL_LANG_PYTHON;
    long n = b + 1;
    const char *sink;

    if (!py && cf_is(cf, n, "!") && !cf_tok(cf, n)->nl) {
        *how = "asserts with '!' that it is set";
        return ACL_ENV_REQUIRED;
    }
    if (!py && cf_is(cf, n, "as") && cf_is(cf, n + 1, "string") &&
        !cf_is(cf, n + 2, "|")) {
        *how = "casts it with 'as string' as if it were set";
        return ACL_ENV_REQUIRED;
    }
    if ((cf_is(cf, n, ".") && cf_kind(cf, n + 1, ACL_TOK_IDENT)) ||
        (cf_is(cf, n, "[") && !cf_tok(cf, n)->nl)) {
        *how = py ? "uses the value as if it were set (None has no "
                    "attributes)"
                  : "uses a member of the value (a TypeError when it is "
                    "undefined)";
        return ACL_ENV_REQUIRED;
    }
    if (py && cf_is(cf, n, "+") && cf_kind(cf, n + 1, ACL_TOK_STRING)) {
        *how = "joins the value to a string (a TypeError when it is None)";
        return ACL_ENV_REQUIRED;
    }
    if ((sink = cf_sink_of(cf, a, b)) != NULL) {
        *how = sink;
        return ACL_ENV_REQUIRED;
    }
    if (cf_is(cf, n, py ? "or" : "??") || cf_is(cf, n, "||"))
        return ACL_ENV_DEFAULT;
    return ACL_ENV_PLAIN;
}

/* A required read's region takes in the '!' or "as string" that
 * makes it one. */
static void
extend_at(const struct cf *cf, struct acl_env_ref *r, long b)
{
    if (r->use != ACL_ENV_REQUIRED || r->how == NULL)
        return;
    if (r->how[0] == 'a' && r->how[1] == 's' && r->how[2] == 's')
        r->at.end = cf_tok(cf, b + 1)->whole.end;
    else if (r->how[0] == 'c' && r->how[1] == 'a')
        r->at.end = cf_tok(cf, b + 2)->whole.end;
}

/* Classifies and adds the read [a, b] of name with base use. */
static struct acl_env_ref *
add_read(struct cf *cf, char *name, long a, long b, enum acl_env_use base,
         const char *how)
{
    int neg = 0;
    struct acl_env_ref *r;

    if (base == ACL_ENV_TEST)
        is_test(cf, a, b, &neg);
    else if (base != ACL_ENV_WRITE && is_test(cf, a, b, &neg))
        base = ACL_ENV_TEST;
    else if (base == ACL_ENV_PLAIN)
        base = use_of_nullable(cf, a, b, &how);
    r = cf_add_ref(cf, base, name, a, b);
    r->how = how;
    r->neg = neg;
    extend_at(cf, r, b);
    if ((cf_is(cf, b + 1, "or") || cf_is(cf, b + 1, "??") ||
         cf_is(cf, b + 1, "||")) &&
        cf_kind(cf, b + 2, ACL_TOK_STRING)) {
        r->def_tok = (long)cf->code[b + 2];
        r->def_pos = b + 2;
    } else if (cf_is(cf, b + 1, "or") || cf_is(cf, b + 1, "??") ||
               cf_is(cf, b + 1, "||")) {
        r->def_pos = b + 2;
    }
    return r;
}

/* The name expression [a, b] of a read: its value, the literal used. */
static char *
read_name(struct cf *cf, long a, long b, long *lit)
{
    char *name = a <= b ? cf_name_value(cf, a, b, lit) : NULL;

    if (name != NULL && *lit >= 0)
        cf->used[*lit] = 1;
    return name;
}

static void
set_name_at(struct cf *cf, struct acl_env_ref *r, long lit)
{
    if (lit >= 0)
        r->name_at = cf_tok(cf, lit)->content;
}

/* The top-level comma of the call or subscript opened at o, or -1. */
static long
arg_comma(const struct cf *cf, long o)
{
    long k, c = cf->match[o];
    unsigned d = cf_tok(cf, o)->depth + 1;

    for (k = o + 1; k < c; k++)
        if (cf_is(cf, k, ",") && cf_tok(cf, k)->depth == d)
            return k;
    return -1;
}

/* ENV.get(name[, d]), ENV.setdefault(...), getenv(name[, d]) with the
 * call's '(' at o; ref from a. */
static long
call_read(struct cf *cf, long a, long o, enum acl_env_use with_default,
          enum acl_env_use without)
{
    long c = cf->match[o], comma, lit;
    char *name;
    struct acl_env_ref *r;

    if (c < 0)
        return o;
    comma = arg_comma(cf, o);
    name = read_name(cf, o + 1, (comma >= 0 ? comma : c) - 1, &lit);
    /* .get(V, None) is .get(V). */
    if (comma >= 0 && cf_is(cf, comma + 1, "None") && comma + 2 == c &&
        with_default == ACL_ENV_DEFAULT && without == ACL_ENV_PLAIN) {
        with_default = without;
    }
    if (name == NULL)
        return c;
    r = add_read(cf, name, a, c, comma >= 0 ? with_default : without,
                 "os.environ.pop(...)");
    set_name_at(cf, r, lit);
    if (comma >= 0) {
        r->def_pos = comma + 1;
        r->def_tok =
            cf_kind(cf, comma + 1, ACL_TOK_STRING) &&
                    (cf_is(cf, comma + 2, ")") || cf_is(cf, comma + 2, ","))
                ? (long)cf->code[comma + 1]
                : -1;
    }
    return c;
}

/* "NAME in ENV" / "NAME not in ENV" ending at the environ expression
 * [e0, e]. */
static void
in_test(struct cf *cf, long e0, long e)
{
    long k = e0 - 1, lit;
    int negated = 0;
    char *name;
    struct acl_env_ref *r;

    if (!cf_is(cf, k, "in"))
        return;
    if (cf_is(cf, k - 1, "not")) {
        negated = 1;
        k--;
    }
    if ((name = read_name(cf, k - 1, k - 1, &lit)) == NULL)
        return;
    r = add_read(cf, name, k - 1, e, ACL_ENV_TEST, NULL);
    r->neg ^= negated;
    set_name_at(cf, r, lit);
}

/* ENV[name]: a read that fails when unset, or a write. */
static long
subscript(struct cf *cf, long a, long o)
{
    long c = cf->match[o], lit;
    enum acl_env_use use = ACL_ENV_PLAIN;
    const char *how = NULL;
    char *name;
    struct acl_env_ref *r;

    if (c < 0 || (name = read_name(cf, o + 1, c - 1, &lit)) == NULL)
        return o;
    if (cf->lang == ACL_LANG_PYTHON) {
        use = ACL_ENV_REQUIRED;
        how = "os.environ[...]";
    }
    if (cf_is(cf, c + 1, "=") || cf_is(cf, a - 1, "del"))
        use = ACL_ENV_WRITE;
    if (use == ACL_ENV_PLAIN) {
        r = add_read(cf, name, a, c, use, NULL);
    } else {
        r = cf_add_ref(cf, use, name, a, c);
        r->how = how;
    }
    set_name_at(cf, r, lit);
    return c;
}

/* process.env.NAME / process.env?.NAME; .hasOwnProperty(NAME). */
static long
js_member(struct cf *cf, long a, long e)
{
    long m = e + 2, lit;
    char *name;
    struct acl_env_ref *r;

    if (!cf_kind(cf, m, ACL_TOK_IDENT))
        return e;
    if (cf_is(cf, m + 1, "(")) {
        if (!cf_is(cf, m, "hasOwnProperty") || cf->match[m + 1] < 0 ||
            (name = read_name(cf, m + 2, cf->match[m + 1] - 1, &lit)) == NULL)
            return m;
        r = add_read(cf, name, a, cf->match[m + 1], ACL_ENV_TEST, NULL);
        set_name_at(cf, r, lit);
        return cf->match[m + 1];
    }
    r = add_read(cf, cf_text(cf, m), a, m, ACL_ENV_PLAIN, NULL);
    r->name_at = cf_tok(cf, m)->whole;
    return m;
}

void
cf_add_local(struct cf *cf, long v, const char *var, int nullable)
{
    char *name = cf_text(cf, v);
    json_t *list = json_object_get(cf->locals, name);
    struct cf_local *l;
    size_t k;

    if (list == NULL) {
        list = json_array();
        json_object_set_new(cf->locals, name, list);
    }
    /* Kept in order of place (flags are found after the reads). */
    for (k = json_array_size(list);
         k > 0 &&
         cf->loc[json_integer_value(json_array_get(list, k - 1))].at > v;
         k--)
        ;
    json_array_insert_new(list, k, json_integer((json_int_t)cf->nloc));
    acl_xgrow((void **)&cf->loc, &cf->loc_cap, cf->nloc + 1, sizeof *cf->loc);
    l = &cf->loc[cf->nloc++];
    l->var = acl_xstrdup(var);
    l->at = v;
    l->nullable = nullable;
    l->flag = l->flag_neg = 0;
    cf_local_scope(cf, v, &l->from, &l->to);
    free(name);
}

/* The local variable a read at [a, b] is assigned to, if any: "url =
 * read", "url: str = read", "const url = read", "(url := read)". */
/* The name a declaration or assignment at statement s sets, when the
 * '=' is at eq: "x = ...", "x: T = ...", "const x = ...", "export
 * const x: T = ..."; -1 otherwise. */
static long
assigned_local(const struct cf *cf, long s, long eq)
{
    long v = s;

    if (cf_is(cf, v, "export"))
        v++;
    if (cf_is(cf, v, "const") || cf_is(cf, v, "let") || cf_is(cf, v, "var"))
        v++;
    if (!cf_kind(cf, v, ACL_TOK_IDENT) || v >= eq ||
        !(cf_is(cf, v + 1, "=") || cf_is(cf, v + 1, ":")))
        return -1;
    return v;
}

static void
note_local(struct cf *cf, const struct acl_env_ref *r, long a)
{
    long s = stmt_begin(cf, a), v = -1;

    if (cf_is(cf, a - 1, ":=") && cf_kind(cf, a - 2, ACL_TOK_IDENT))
        v = a - 2;
    else if (cf_is(cf, a - 1, "=") && s >= 0)
        v = assigned_local(cf, s, a - 1);
    if (v >= 0)
        cf_add_local(cf, v, r->name, r->use == ACL_ENV_PLAIN);
}

/* A flag that holds a presence test: "has = Boolean(url)", "ok = url
 * is not None", "const set = !!process.env.V". Its tests are tests of
 * the variable (negated when the flag holds "unset?"). */
static void
note_flag(struct cf *cf, const struct acl_env_ref *r)
{
    long k = (long)r->first - 1, s, v;
    int neg = r->neg;

    while (k > 0 &&
           (cf_is(cf, k, "(") || cf_is(cf, k, "!") || cf_is(cf, k, "not") ||
            cf_is(cf, k, "Boolean") || cf_is(cf, k, "bool")))
        k--;
    if (!cf_is(cf, k, "=") || (s = stmt_begin(cf, k)) < 0 ||
        (v = assigned_local(cf, s, k)) < 0)
        return;
    cf_add_local(cf, v, r->name, 0);
    cf->loc[cf->nloc - 1].flag = 1;
    cf->loc[cf->nloc - 1].flag_neg = neg;
}

/* const { A, B: b, C = "d" } = process.env, with the '{' at o. */
static void
destructure(struct cf *cf, long o)
{
    long k, c = cf->match[o];
    unsigned d = cf_tok(cf, o)->depth + 1;

    for (k = o + 1; k < c; k++) {
        long bind = k, end = k;
        enum acl_env_use use = ACL_ENV_PLAIN;
        struct acl_env_ref *r;
        char *name;

        if (!cf_kind(cf, k, ACL_TOK_IDENT) || cf_tok(cf, k)->depth != d ||
            !(cf_is(cf, k - 1, "{") || cf_is(cf, k - 1, ",")))
            continue;
        if (cf_is(cf, k + 1, ":") && cf_kind(cf, k + 2, ACL_TOK_IDENT))
            bind = end = k + 2;
        if (cf_is(cf, end + 1, "=")) {
            use = ACL_ENV_DEFAULT;
            end += 2;
        }
        name = cf_text(cf, k);
        cf->used[k] = 1;
        r = cf_add_ref(cf, use, name, k, end);
        r->name_at = cf_tok(cf, k)->whole;
        if (use == ACL_ENV_DEFAULT && cf_kind(cf, end, ACL_TOK_STRING))
            r->def_tok = (long)cf->code[end];
        cf_add_local(cf, bind, name, use == ACL_ENV_PLAIN);
    }
}

/* A read on the environ expression [i, e]: subscript, method, member,
 * "in" test or destructuring. Returns the last position used. */
static long
environ_read(struct cf *cf, long i, long e)
{
    int py = cf->lang == ACL_LANG_PYTHON;

    if (cf_is(cf, i - 1, "in"))
        in_test(cf, i, e);
    else if (!py && cf_is(cf, i - 1, "=") && cf_is(cf, i - 2, "}") &&
             cf->match[i - 2] >= 0)
        destructure(cf, cf->match[i - 2]);
    if (cf_is(cf, e + 1, "[") && !cf_tok(cf, e + 1)->nl)
        return subscript(cf, i, e + 1);
    if (py && cf_is(cf, e + 1, ".") && cf_is(cf, e + 3, "(") &&
        (cf_is(cf, e + 2, "get") || cf_is(cf, e + 2, "pop")))
        return call_read(cf, i, e + 3, ACL_ENV_DEFAULT,
                         cf_is(cf, e + 2, "get") ? ACL_ENV_PLAIN
                                                 : ACL_ENV_REQUIRED);
    if (py && cf_is(cf, e + 1, ".") && cf_is(cf, e + 2, "setdefault") &&
        cf_is(cf, e + 3, "("))
        return call_read(cf, i, e + 3, ACL_ENV_WRITE, ACL_ENV_WRITE);
    if (!py && (cf_is(cf, e + 1, ".") || cf_is(cf, e + 1, "?.")))
        return js_member(cf, i, e);
    return e;
}

/* One read starting at i, if any; returns the last position used. */
static long
read_at(struct cf *cf, long i)
{
    size_t before = cf->f->nrefs;
    long e;
    enum cf_role role = cf_expr_role(cf, i, &e);

    /* monkeypatch.setenv(V, ...), os.putenv(V, ...): writes. */
    if ((cf_is(cf, i, "setenv") || cf_is(cf, i, "putenv")) &&
        cf_is(cf, i - 1, ".") && cf_is(cf, i + 1, "("))
        return call_read(cf, i, i + 1, ACL_ENV_WRITE, ACL_ENV_WRITE);
    if (role == CF_GETENV && cf_is(cf, e + 1, "("))
        e = call_read(cf, i, e + 1, ACL_ENV_DEFAULT, ACL_ENV_PLAIN);
    else if (role == CF_ENVIRON)
        e = environ_read(cf, i, e);
    if (cf->f->nrefs == before + 1 && cf->f->refs[before].use == ACL_ENV_TEST)
        note_flag(cf, &cf->f->refs[before]);
    else if (cf->f->nrefs == before + 1 &&
             cf->f->refs[before].use != ACL_ENV_WRITE)
        note_local(cf, &cf->f->refs[before], i);
    return e;
}

/* A use of a local variable that holds a read: a test, or a use that
 * fails when it is None/undefined. */
static void
local_use(struct cf *cf, long i, struct cf_local *l)
{
    enum acl_env_use use = ACL_ENV_PLAIN;
    const char *how = NULL;
    struct acl_env_ref *r;
    int neg = 0;

    /* Set again ("url = url or default", "url ?\?= default"): from here
     * on it may hold anything. */
    if (i > l->at &&
        (cf_is(cf, i + 1, "=") || cf_is(cf, i + 1, ":=") ||
         cf_is(cf, i + 1, "?\?=") || cf_is(cf, i + 1, "||=")) &&
        cf_stmt_start(cf, i))
        l->nullable = 0;
    if (cf_is(cf, i + 1, "=") || cf_is(cf, i + 1, ":=") ||
        cf_is(cf, i + 1, "?\?=") || cf_is(cf, i + 1, "||=") ||
        (cf_is(cf, i + 1, ":") && cf->lang == ACL_LANG_JS) ||
        cf_is(cf, i - 1, "const") || cf_is(cf, i - 1, "let") ||
        cf_is(cf, i - 1, "var") || cf_is(cf, i - 1, "def") ||
        cf_is(cf, i - 1, "function"))
        return;
    if (is_test(cf, i, i, &neg) || l->flag)
        use = ACL_ENV_TEST;
    else if (l->nullable)
        use = use_of_nullable(cf, i, i, &how);
    if (use != ACL_ENV_TEST && use != ACL_ENV_REQUIRED)
        return;
    if (l->flag && !is_test(cf, i, i, &neg))
        neg = 0; /* if (flag ...) */
    r = cf_add_ref(cf, use, acl_xstrdup(l->var), i, i);
    r->how = how;
    r->neg = neg ^ (l->flag && l->flag_neg);
    r->via_local = 1;
    extend_at(cf, r, i);
    if (use == ACL_ENV_TEST && !l->flag)
        note_flag(cf, r);
}

/* Which of the locals of one name (list) the use at i means: the
 * latest set before it that is visible there and not shadowed. */
static struct cf_local *
local_at(struct cf *cf, json_t *list, const char *name, long i)
{
    size_t lo = 0, hi = json_array_size(list), seen = 0;

    /* The list is in order of place: the last set before i first. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (cf->loc[json_integer_value(json_array_get(list, mid))].at < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    while (lo-- > 0 && seen++ < MAX_LOCAL_TRIES) {
        struct cf_local *l =
            &cf->loc[json_integer_value(json_array_get(list, lo))];

        if (l->from <= i && i <= l->to && !cf_shadowed(cf, name, l->at, i))
            return l;
    }
    return NULL;
}

static void
find_local_uses(struct cf *cf)
{
    struct cf_local *l;
    size_t i;

    if (cf->nloc == 0)
        return;
    for (i = 0; i < cf->n; i++) {
        json_t *v;
        char *name;

        if (cf_role(cf, (long)i) != CF_NONE ||
            !cf_kind(cf, (long)i, ACL_TOK_IDENT) ||
            cf_is(cf, (long)i - 1, ".") || cf_is(cf, (long)i - 1, "?."))
            continue;
        name = cf_text(cf, (long)i);
        v = json_object_get(cf->locals, name);
        if (v != NULL && (l = local_at(cf, v, name, (long)i)) != NULL)
            local_use(cf, (long)i, l);
        free(name);
    }
}

/* A name that stands for an environment variable without being read
 * here: an object key ({ AGENTCORE_GATEWAY_X_URL: z.string() }, a
 * schema of process.env) or a Python annotated name
 * (AGENTCORE_GATEWAY_X_URL: str; in a settings class it is a read,
 * codeflow_settings.c). */
static int
key_name(const struct cf *cf, long i)
{
    if (!cf_kind(cf, i, ACL_TOK_IDENT) || !cf_is(cf, i + 1, ":"))
        return 0;
    if (cf->lang == ACL_LANG_JS)
        return cf_is(cf, i - 1, "{") || cf_is(cf, i - 1, ",");
    return cf_stmt_start(cf, i) && cf_tok(cf, i + 2) != NULL &&
           !cf_tok(cf, i + 2)->nl;
}

/* A member of a zod schema ({ V: z.string().url() }) that accepts no
 * undefined: parsing process.env with it throws while V is unset. */
static int
zod_required(const struct cf *cf, long i)
{
    static const char *const lenient[] = {"optional", "nullish", "default",
                                          "catch",    "or",      "nullable"};
    unsigned d = cf_tok(cf, i)->depth;
    long k;
    size_t j;

    if (cf->lang != ACL_LANG_JS || !cf_is(cf, i + 2, "z") ||
        !cf_is(cf, i + 3, "."))
        return 0;
    /* Bounded: nested schemas stay linear; a longer member is taken
     * for lenient. */
    for (k = i + 2; (size_t)k < cf->n; k++) {
        if (k > i + 512)
            return 0;
        if (cf_tok(cf, k)->depth < d ||
            (cf_tok(cf, k)->depth == d && cf_is(cf, k, ",")))
            break;
        for (j = 0; j < ACL_ARRAY_LEN(lenient); j++)
            if (cf_is(cf, k, lenient[j]) && cf_is(cf, k - 1, "."))
                return 0;
    }
    return 1;
}

/* Literals that hold just a gateway variable's name and are no read's
 * name: still a use of the name (a list of variables, a helper's
 * argument). Docstrings and messages are not. (Fields of a settings
 * class are reads: codeflow_settings.c.) */
static void
find_mentions(struct cf *cf)
{
    static const char prefix[] = "AGENTCORE_GATEWAY_";
    size_t i;

    for (i = 0; i < cf->n; i++) {
        const struct acl_code_tok *k = cf_tok(cf, (long)i);
        const char *c = cf->s + k->content.start;
        size_t n = k->content.end - k->content.start, j;
        struct acl_env_ref *r;

        if (!(k->kind == ACL_TOK_STRING || key_name(cf, (long)i)) ||
            k->interp || k->doc || cf->used[i] || n < sizeof prefix ||
            memcmp(c, prefix, sizeof prefix - 1) != 0)
            continue;
        for (j = 0; j < n; j++)
            if (c[j] == ' ' || c[j] == '\t' || c[j] == '\\' || c[j] == '\n' ||
                c[j] == '{' || c[j] == '$' || c[j] == '%' || c[j] == ':')
                break;
        if (j < n)
            continue;
        r = cf_add_ref(cf, ACL_ENV_MENTION, acl_xstrndup(c, n), (long)i,
                       (long)i);
        r->name_at = k->content;
        if (k->kind == ACL_TOK_IDENT && zod_required(cf, (long)i)) {
            r->use = ACL_ENV_REQUIRED;
            r->how = "declares it required in a zod schema (parsing the "
                     "environment throws when it is unset)";
        }
    }
}

static int
by_first(const void *a, const void *b)
{
    const struct acl_env_ref *x = a, *y = b;

    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    return (x->last > y->last) - (x->last < y->last);
}

/* Reads joined as fallbacks share a chain id. */
static void
link_chains(struct cf *cf)
{
    struct acl_code_file *f = cf->f;
    unsigned next = 1;
    size_t k;

    for (k = 0; k + 1 < f->nrefs; k++) {
        struct acl_env_ref *x = &f->refs[k], *y = &f->refs[k + 1];

        if (x->via_local || y->via_local || x->def_pos < 0 ||
            (size_t)x->def_pos != y->first)
            continue;
        if (x->chain == 0)
            x->chain = next++;
        y->chain = x->chain;
    }
}

void
cf_scan_reads(struct cf *cf)
{
    size_t i;

    for (i = 0; i < cf->n; i++) {
        long e = read_at(cf, (long)i);

        if (e > (long)i && cf->lang == ACL_LANG_JS)
            i = (size_t)e;
    }
}

void
cf_find_reads(struct cf *cf)
{
    cf_scan_reads(cf);
    cf_inner_reads(cf);
    cf_match_captures(cf);
    find_local_uses(cf);
    cf_settings_reads(cf);
    find_mentions(cf);
    if (cf->f->nrefs > 1)
        qsort(cf->f->refs, cf->f->nrefs, sizeof *cf->f->refs, by_first);
    link_chains(cf);
}
