/*
 * codeflow.c - the light analysis of one agent source file: token
 * helpers, what names stand for (imports and aliases of os / process),
 * string constants, and the file's life cycle. Reads are found in
 * codeflow_read.c, guarded regions in codeflow_guard.c, literal
 * arguments in codeflow_args.c.
 */
#include <stdlib.h>
#include <string.h>

#include "codeflow_int.h"

const struct acl_code_tok *
cf_tok(const struct cf *cf, long i)
{
    return i >= 0 && (size_t)i < cf->n ? &cf->tok[cf->code[i]] : NULL;
}

int
cf_is(const struct cf *cf, long i, const char *word)
{
    const struct acl_code_tok *k = cf_tok(cf, i);

    return k != NULL && acl_code_tok_is(cf->s, k, word);
}

int
cf_kind(const struct cf *cf, long i, enum acl_tok_kind kind)
{
    const struct acl_code_tok *k = cf_tok(cf, i);

    return k != NULL && k->kind == kind;
}

char *
cf_text(const struct cf *cf, long i)
{
    const struct acl_code_tok *k = cf_tok(cf, i);

    return acl_xstrndup(cf->s + k->content.start,
                        k->content.end - k->content.start);
}

enum cf_role
cf_role(const struct cf *cf, long i)
{
    json_t *v;
    char *name;

    if (!cf_kind(cf, i, ACL_TOK_IDENT) || cf_is(cf, i - 1, ".") ||
        cf_is(cf, i - 1, "?."))
        return CF_NONE;
    name = cf_text(cf, i);
    v = json_object_get(cf->roles, name);
    free(name);
    return v != NULL ? (enum cf_role)json_integer_value(v) : CF_NONE;
}

int
cf_stmt_start(const struct cf *cf, long i)
{
    const struct acl_code_tok *k = cf_tok(cf, i);

    if (k == NULL)
        return 0;
    if (i == 0 || k->nl)
        return cf->lang == ACL_LANG_PYTHON ? k->depth == 0 || i == 0 : 1;
    /* The braces of a JSX {...} container hold an expression, not
     * statements. */
    return cf_is(cf, i - 1, ";") ||
           (cf->lang == ACL_LANG_JS &&
            (cf_is(cf, i - 1, "{") || cf_is(cf, i - 1, "}")) &&
            !cf_tok(cf, i - 1)->jsx);
}

long
cf_stmt_end(const struct cf *cf, long i)
{
    long e = i;

    while ((size_t)(e + 1) < cf->n && !cf_stmt_start(cf, e + 1)) {
        if (cf->match[e] > e && cf_is(cf, e, "{") && cf->lang == ACL_LANG_JS)
            break; /* a block starts: the statement head ends here */
        e++;
    }
    return e;
}

static void
set_role(struct cf *cf, long i, enum cf_role role)
{
    char *name = cf_text(cf, i);

    json_object_set_new(cf->roles, name, json_integer(role));
    free(name);
}

/* The role a name imported from any module gets: the credential
 * decorators and wrappers of the AgentCore SDK. */
static enum cf_role
imported_role(const struct cf *cf, long name)
{
    if (cf_is(cf, name, "requires_api_key") || cf_is(cf, name, "withApiKey") ||
        cf_is(cf, name, "requiresApiKey"))
        return CF_DECO_API;
    if (cf_is(cf, name, "requires_access_token") ||
        cf_is(cf, name, "withAccessToken") ||
        cf_is(cf, name, "requiresAccessToken"))
        return CF_DECO_TOKEN;
    return CF_NONE;
}

/* The role of name in "from os import name" / "import name". */
static enum cf_role
os_role(const struct cf *cf, long name, int from)
{
    if (!from)
        return cf_is(cf, name, "os") ? CF_MODULE : CF_NONE;
    return cf_is(cf, name, "environ")  ? CF_ENVIRON
           : cf_is(cf, name, "getenv") ? CF_GETENV
                                       : CF_NONE;
}

/* What the AWS SDK modules give: "import module" (name NULL) or "from
 * module import name". */
static const struct {
    const char *module, *name;
    enum cf_role role;
} aws_names[] = {
    {"boto3", NULL, CF_BOTO3},
    {"aioboto3", NULL, CF_BOTO3},
    {"botocore.credentials", NULL, CF_AWS_CREDS_MOD},
    {"aiobotocore.credentials", NULL, CF_AWS_CREDS_MOD},
    {"botocore", "credentials", CF_AWS_CREDS_MOD},
    {"aiobotocore", "credentials", CF_AWS_CREDS_MOD},
    {"boto3", "Session", CF_AWS_SESSION},
    {"boto3.session", "Session", CF_AWS_SESSION},
    {"aioboto3", "Session", CF_AWS_SESSION},
    {"aioboto3.session", "Session", CF_AWS_SESSION},
    {"boto3", "client", CF_AWS_CLIENT},
    {"boto3", "resource", CF_AWS_CLIENT},
    {"botocore.credentials", "Credentials", CF_AWS_CREDS},
    {"botocore.credentials", "ReadOnlyCredentials", CF_AWS_CREDS},
    {"aiobotocore.credentials", "AioCredentials", CF_AWS_CREDS},
};

/* The last position of the dotted name at k (a.b.c). */
static long
dotted_end(const struct cf *cf, long k)
{
    long a = k;

    while (k < a + 32 && cf_is(cf, k + 1, ".") &&
           cf_kind(cf, k + 2, ACL_TOK_IDENT))
        k += 2;
    return k;
}

/* Do the tokens [a, b] spell the dotted name d? */
static int
dotted_is(const struct cf *cf, long a, long b, const char *d)
{
    long k;

    for (k = a; k <= b; k++) {
        const struct acl_code_tok *t = cf_tok(cf, k);
        size_t n = t->content.end - t->content.start;

        /* By length: a token may hold a NUL, which strncmp would take
         * for the end of both strings and then step d past its own. */
        if (strlen(d) < n || memcmp(d, cf->s + t->content.start, n) != 0)
            return 0;
        d += n;
    }
    return *d == '\0';
}

/* The role of the module [m0, m1] (name < 0), or of the name imported
 * from it. */
static enum cf_role
aws_role(const struct cf *cf, long m0, long m1, long name)
{
    size_t k;

    for (k = 0; k < ACL_ARRAY_LEN(aws_names); k++)
        if (dotted_is(cf, m0, m1, aws_names[k].module) &&
            (name < 0 ? aws_names[k].name == NULL
                      : aws_names[k].name != NULL &&
                            cf_is(cf, name, aws_names[k].name)))
            return aws_names[k].role;
    return CF_NONE;
}

/* The role "import [m0..m1]" (from < 0) or "from [from..m1] import
 * [m0]" gives its name. */
static enum cf_role
import_role(const struct cf *cf, long from, long m1, long m0)
{
    enum cf_role r;

    if (from < 0)
        return m0 == m1 && os_role(cf, m0, 0) != CF_NONE
                   ? CF_MODULE
                   : aws_role(cf, m0, m1, -1);
    r = from == m1 && cf_is(cf, from, "os") ? os_role(cf, m0, 1) : CF_NONE;
    if (r == CF_NONE)
        r = aws_role(cf, from, m1, m0);
    return r != CF_NONE ? r : imported_role(cf, m0);
}

/* "import os [as X]", "from os import environ [as E], getenv [as G]",
 * "from bedrock_agentcore.identity import requires_api_key as K",
 * "import boto3 as b3", "from botocore.credentials import Credentials".
 * "import a.b" without "as" binds a, which gets no role. */
static void
py_import(struct cf *cf, long i)
{
    int from = cf_is(cf, i, "from");
    long k = i, mod_end = -1;

    if (from) {
        for (k = i + 1; (size_t)k < cf->n && !cf_is(cf, k, "import") &&
                        !cf_stmt_start(cf, k);
             k++)
            ;
        if (!cf_is(cf, k, "import"))
            return;
        mod_end = k - 1;
    }
    for (k++; (size_t)k < cf->n; k++) {
        long name = k, end, alias;
        enum cf_role role;

        if (cf_is(cf, k, "(") || cf_is(cf, k, ","))
            continue;
        if (!cf_kind(cf, k, ACL_TOK_IDENT) || cf_stmt_start(cf, k))
            break;
        end = from ? k : dotted_end(cf, k);
        alias = cf_is(cf, end + 1, "as") ? end + 2 : end == name ? name : -1;
        k = alias > end ? alias : end;
        role = from ? import_role(cf, i + 1, mod_end, name)
                    : import_role(cf, -1, end, name);
        if (role != CF_NONE && alias >= 0 && cf_kind(cf, alias, ACL_TOK_IDENT))
            set_role(cf, alias, role);
    }
}

/* The role of the expression at i and its last position: os, os.environ,
 * process.env, an alias. */
enum cf_role
cf_expr_role(const struct cf *cf, long i, long *end)
{
    enum cf_role r = cf_role(cf, i);

    *end = i;
    if (r == CF_MODULE && cf_is(cf, i + 1, ".")) {
        if (cf_is(cf, i + 2, cf->lang == ACL_LANG_PYTHON ? "environ" : "env")) {
            *end = i + 2;
            return CF_ENVIRON;
        }
        if (cf->lang == ACL_LANG_PYTHON && cf_is(cf, i + 2, "getenv")) {
            *end = i + 2;
            return CF_GETENV;
        }
    }
    return r;
}

/* "import process from 'node:process'", "import { env as E } from
 * 'process'", "import { withApiKey as K } from 'bedrock-agentcore/...'". */
static void
js_import(struct cf *cf, long i)
{
    long k, from = -1;
    char *mod;
    int proc, aws;

    for (k = i + 1; (size_t)k < cf->n && k < i + 256 && !cf_is(cf, k, ";"); k++)
        if (cf_is(cf, k, "from")) {
            from = k;
            break;
        }
    if (from < 0 || !cf_kind(cf, from + 1, ACL_TOK_STRING))
        return;
    mod = cf_text(cf, from + 1);
    proc = strcmp(mod, "process") == 0 || strcmp(mod, "node:process") == 0;
    aws = strcmp(mod, "aws-sdk") == 0;
    free(mod);
    for (k = i + 1; k < from; k++) {
        long alias = cf_is(cf, k + 1, "as") ? k + 2 : k;
        enum cf_role role = imported_role(cf, k);
        /* The module itself: import M from, import * as M from. */
        int whole = cf_kind(cf, k, ACL_TOK_IDENT) &&
                    (cf_is(cf, k + 1, "from") ||
                     (cf_is(cf, k - 1, "as") && cf_is(cf, k - 2, "*")));

        if (proc && cf_is(cf, k, "env"))
            role = CF_ENVIRON;
        else if (proc && whole)
            role = CF_MODULE;
        else if (aws && cf_is(cf, k, "Credentials"))
            role = CF_AWS_CREDS;
        else if (aws && whole)
            role = CF_AWS_SDK;
        if (role != CF_NONE && cf_kind(cf, alias, ACL_TOK_IDENT)) {
            set_role(cf, alias, role);
            k = alias;
        }
    }
}

/* The module of require("...") at i: CF_MODULE for process,
 * CF_AWS_SDK for aws-sdk, CF_NONE for others. */
static enum cf_role
required_module(const struct cf *cf, long i)
{
    enum cf_role r = CF_NONE;
    char *mod;

    if (!cf_is(cf, i, "require") || !cf_is(cf, i + 1, "(") ||
        !cf_kind(cf, i + 2, ACL_TOK_STRING))
        return CF_NONE;
    mod = cf_text(cf, i + 2);
    if (strcmp(mod, "process") == 0 || strcmp(mod, "node:process") == 0)
        r = CF_MODULE;
    else if (strcmp(mod, "aws-sdk") == 0)
        r = CF_AWS_SDK;
    free(mod);
    return r;
}

/* "env = os.environ", "const env = process.env", "const { env } =
 * process", "const p = require('process')". */
static void
alias_assign(struct cf *cf, long i)
{
    long v = i, e, end;
    enum cf_role r;

    if (cf_is(cf, i, "const") || cf_is(cf, i, "let") || cf_is(cf, i, "var"))
        v = i + 1;
    if (cf->lang == ACL_LANG_JS && cf_is(cf, v, "{") &&
        cf_is(cf, v + 1, "env") && cf_is(cf, v + 2, "}") &&
        cf_is(cf, v + 3, "=") &&
        (cf_role(cf, v + 4) == CF_MODULE ||
         required_module(cf, v + 4) == CF_MODULE)) {
        set_role(cf, v + 1, CF_ENVIRON);
        return;
    }
    if (!cf_kind(cf, v, ACL_TOK_IDENT) || !cf_is(cf, v + 1, "="))
        return;
    if ((r = required_module(cf, v + 2)) != CF_NONE) {
        set_role(cf, v, r);
        return;
    }
    r = cf_expr_role(cf, v + 2, &e);
    end = cf_stmt_end(cf, v + 2);
    if (r != CF_NONE && (end == e || (end == e + 1 && cf_is(cf, end, ";"))))
        set_role(cf, v, r);
}

void
cf_find_roles(struct cf *cf)
{
    size_t i;

    json_object_set_new(cf->roles,
                        cf->lang == ACL_LANG_PYTHON ? "os" : "process",
                        json_integer(CF_MODULE));
    /* The names these modules are imported under everywhere. */
    if (cf->lang == ACL_LANG_PYTHON) {
        json_object_set_new(cf->roles, "boto3", json_integer(CF_BOTO3));
        json_object_set_new(cf->roles, "aioboto3", json_integer(CF_BOTO3));
    } else {
        json_object_set_new(cf->roles, "AWS", json_integer(CF_AWS_SDK));
    }
    for (i = 0; i < cf->n; i++) {
        if (!cf_stmt_start(cf, (long)i))
            continue;
        if (cf->lang == ACL_LANG_PYTHON &&
            (cf_is(cf, (long)i, "import") || cf_is(cf, (long)i, "from")))
            py_import(cf, (long)i);
        else if (cf->lang == ACL_LANG_JS && cf_is(cf, (long)i, "import"))
            js_import(cf, (long)i);
        else
            alias_assign(cf, (long)i);
    }
}

/* ---- string constants ---- */

/* An f-string's or template's value with {NAME} / ${NAME} parts taken
 * from constants; NULL when a part is anything else. */
static char *
interp_value(struct cf *cf, long i)
{
    const struct acl_code_tok *k = cf_tok(cf, i);
    const char *p = cf->s + k->content.start, *end = cf->s + k->content.end;
    int js = cf->lang == ACL_LANG_JS;
    struct acl_buf b = {0};

    acl_buf_append(&b, "", 0);
    while (p < end) {
        const char *q,
            *open =
                js ? (p + 1 < end && p[0] == '$' && p[1] == '{' ? p + 2 : NULL)
                   : (*p == '{' ? p + 1 : NULL);
        json_t *v;
        char *name;

        if (!js && (*p == '{' || *p == '}') && p + 1 < end && p[1] == *p) {
            acl_buf_putc(&b, *p);
            p += 2;
            continue;
        }
        if (open == NULL) {
            acl_buf_putc(&b, *p++);
            continue;
        }
        for (q = open; q < end && *q != '}'; q++)
            ;
        while (open < q && *open == ' ')
            open++;
        name = acl_xstrndup(open, (size_t)(q - open));
        while (*name && name[strlen(name) - 1] == ' ')
            name[strlen(name) - 1] = '\0';
        v = json_object_get(cf->consts, name);
        free(name);
        if (!json_is_string(v) || q >= end) {
            acl_buf_free(&b);
            return NULL;
        }
        acl_buf_puts(&b, json_string_value(v));
        p = q + 1;
    }
    return acl_buf_steal(&b);
}

/* The value of one name part at i: a literal or a constant. */
static char *
part_value(struct cf *cf, long i, long *lit)
{
    const struct acl_code_tok *k = cf_tok(cf, i);

    *lit = -1;
    if (k == NULL)
        return NULL;
    if (k->kind == ACL_TOK_STRING) {
        if (k->interp)
            return interp_value(cf, i);
        *lit = i;
        return cf_text(cf, i);
    }
    if (k->kind == ACL_TOK_IDENT) {
        char *name = cf_text(cf, i);
        json_t *v = json_object_get(cf->consts, name);
        json_t *at = json_object_get(cf->const_lit, name);

        free(name);
        if (!json_is_string(v))
            return NULL;
        *lit = at != NULL ? (long)json_integer_value(at) : -1;
        return acl_xstrdup(json_string_value(v));
    }
    return NULL;
}

char *
cf_name_value(struct cf *cf, long a, long b, long *lit)
{
    struct acl_buf buf = {0};
    long i, l;
    char *part;

    *lit = -1;
    acl_buf_append(&buf, "", 0);
    for (i = a; i <= b; i += 2) {
        long first = i;

        /* An attribute (Config.NAME, self.NAME) stands for its name. */
        while (i + 2 <= b && cf_kind(cf, i, ACL_TOK_IDENT) &&
               cf_is(cf, i + 1, ".") && cf_kind(cf, i + 2, ACL_TOK_IDENT))
            i += 2;
        if ((i < b && !cf_is(cf, i + 1, "+")) ||
            (part = part_value(cf, i, &l)) == NULL) {
            acl_buf_free(&buf);
            return NULL;
        }
        if (first == a && i == b)
            *lit = l;
        acl_buf_puts(&buf, part);
        free(part);
    }
    return acl_buf_steal(&buf);
}

/* NAME = value, NAME: T = value, const NAME = value; a name assigned
 * twice with different values is no constant. */
static void
const_assign(struct cf *cf, long i)
{
    long v = i, e, l;
    char *name, *value;
    json_t *old;

    if (cf_is(cf, i, "const") || cf_is(cf, i, "let") || cf_is(cf, i, "var") ||
        cf_is(cf, i, "export"))
        v = cf_is(cf, i, "export") ? i + 2 : i + 1;
    if (!cf_kind(cf, v, ACL_TOK_IDENT))
        return;
    e = v + 1;
    if (cf_is(cf, e, ":") && cf_kind(cf, e + 1, ACL_TOK_IDENT))
        e += 2;
    if (!cf_is(cf, e, "="))
        return;
    l = cf_stmt_end(cf, e + 1);
    if (cf_is(cf, l, ";"))
        l--;
    if (l < e + 1 || (value = cf_name_value(cf, e + 1, l, &l)) == NULL)
        return;
    name = cf_text(cf, v);
    old = json_object_get(cf->consts, name);
    if (old != NULL &&
        (!json_is_string(old) || strcmp(json_string_value(old), value) != 0)) {
        json_object_set_new(cf->consts, name, json_null());
        json_object_del(cf->const_lit, name);
    } else {
        json_object_set_new(cf->consts, name, json_string(value));
        if (l >= 0 && old == NULL)
            json_object_set_new(cf->const_lit, name, json_integer(l));
    }
    free(name);
    free(value);
}

void
cf_find_consts(struct cf *cf)
{
    size_t i;

    for (i = 0; i < cf->n; i++)
        if (cf_stmt_start(cf, (long)i))
            const_assign(cf, (long)i);
}

static void
free_locals(struct cf *cf)
{
    size_t i;

    for (i = 0; i < cf->nloc; i++)
        free(cf->loc[i].var);
    free(cf->loc);
}

/* ---- brackets ---- */

static void
find_brackets(struct cf *cf)
{
    long *stack = acl_xmalloc((cf->n + 1) * sizeof *stack);
    size_t i, top = 0;

    for (i = 0; i < cf->n; i++) {
        cf->match[i] = -1;
        cf->encl[i] = top > 0 ? stack[top - 1] : -1;
        if (cf_is(cf, (long)i, "(") || cf_is(cf, (long)i, "[") ||
            cf_is(cf, (long)i, "{")) {
            stack[top++] = (long)i;
        } else if ((cf_is(cf, (long)i, ")") || cf_is(cf, (long)i, "]") ||
                    cf_is(cf, (long)i, "}")) &&
                   top > 0) {
            top--;
            cf->match[stack[top]] = (long)i;
            cf->match[i] = stack[top];
            cf->encl[i] = top > 0 ? stack[top - 1] : -1;
        }
    }
    free(stack);
}

/* ---- reads inside f-strings and templates ---- */

struct inner {
    struct cf *cf;
    long pos;         /* the string's code position */
    const char *sink; /* the call the whole string is given to, or NULL */
};

/* The tokens of [start, end) of the text, spans in the text's offsets. */
static void
sub_file(const struct cf *cf, size_t start, size_t end,
         struct acl_code_file *sub)
{
    size_t i;

    memset(sub, 0, sizeof *sub);
    sub->lang = cf->lang;
    sub->text = cf->f->text;
    acl_code_lex(cf->s + start, end - start, cf->lang, &sub->toks);
    sub->code = acl_xmalloc((sub->toks.n + 1) * sizeof *sub->code);
    for (i = 0; i < sub->toks.n; i++) {
        struct acl_code_tok *k = &sub->toks.items[i];

        k->whole.start += (uint32_t)start;
        k->whole.end += (uint32_t)start;
        k->content.start += (uint32_t)start;
        k->content.end += (uint32_t)start;
        if (k->kind != ACL_TOK_COMMENT)
            sub->code[sub->ncode++] = i;
    }
}

/* Moves the reads of sub into the file, at the string's position: a
 * default's token means nothing there, so it is dropped. A plain read
 * that starts a string given to a sink (new URL(`${env.V}/mcp`),
 * streamablehttp_client(f"{getenv(V)}/mcp")) makes it "undefined/mcp"
 * or "None/mcp", which fails there: a required read. */
static void
adopt_refs(struct cf *cf, struct acl_code_file *sub, long pos, const char *sink)
{
    size_t i;

    for (i = 0; i < sub->nrefs; i++) {
        struct acl_env_ref *r;

        acl_xgrow((void **)&cf->f->refs, &cf->refs_cap, cf->f->nrefs + 1,
                  sizeof *cf->f->refs);
        r = &cf->f->refs[cf->f->nrefs++];
        *r = sub->refs[i];
        r->first = r->last = (size_t)pos;
        r->def_tok = r->def_pos = -1;
        if (r->use == ACL_ENV_PLAIN && sink != NULL && i == 0) {
            r->use = ACL_ENV_REQUIRED;
            r->how = sink;
        }
    }
    free(sub->refs);
    sub->refs = NULL;
    sub->nrefs = 0;
}

/* One {...} or ${...}: its reads, with the file's aliases and
 * constants (but none of its local variables or literal positions). */
static void
inner_part(size_t start, size_t end, void *arg)
{
    struct inner *in = arg;
    struct cf *cf = in->cf, sc;
    struct acl_code_file sub;

    if (end <= start)
        return;
    sub_file(cf, start, end, &sub);
    memset(&sc, 0, sizeof sc);
    sc.s = cf->s;
    sc.len = cf->len;
    sc.lang = cf->lang;
    sc.tok = sub.toks.items;
    sc.code = sub.code;
    sc.n = sub.ncode;
    sc.f = &sub;
    sc.match = acl_xmalloc((sc.n + 1) * sizeof *sc.match);
    sc.encl = acl_xmalloc((sc.n + 1) * sizeof *sc.encl);
    sc.used = acl_xcalloc(sc.n + 1, 1);
    sc.roles = cf->roles;
    sc.consts = cf->consts;
    sc.const_lit = json_object();
    sc.locals = json_object();
    sc.shadows = json_object();
    find_brackets(&sc);
    cf_scan_reads(&sc);
    adopt_refs(cf, &sub, in->pos, in->sink);
    in->sink = NULL; /* only the part that starts the string */
    json_decref(sc.const_lit);
    json_decref(sc.locals);
    json_decref(sc.shadows);
    free_locals(&sc);
    free(sc.match);
    free(sc.encl);
    free(sc.used);
    free(sub.code);
    acl_code_toks_free(&sub.toks);
}

/* Does the string's text start with a {...} or ${...} part? */
static int
starts_with_part(const struct cf *cf, const struct acl_code_tok *k)
{
    const char *c = cf->s + k->content.start;
    size_t n = k->content.end - k->content.start;

    if (cf->lang == ACL_LANG_JS)
        return n > 2 && c[0] == '$' && c[1] == '{';
    return n > 1 && c[0] == '{' && c[1] != '{';
}

void
cf_inner_reads(struct cf *cf)
{
    size_t i;

    for (i = 0; i < cf->n; i++) {
        const struct acl_code_tok *k = cf_tok(cf, (long)i);
        struct inner in = {cf, (long)i, NULL};

        if (k->kind != ACL_TOK_STRING || !k->interp)
            continue;
        if (starts_with_part(cf, k))
            in.sink = cf_sink_of(cf, (long)i, (long)i);
        acl_code_substs(cf->s, k, cf->lang, inner_part, &in);
    }
}

/* ---- life cycle ---- */

int
acl_code_test_path(const char *path)
{
    static const char *const dirs[] = {"tests/", "test/", "__tests__/"};
    static const char *const marks[] = {".test.", ".spec."};
    const char *base = strrchr(path, '/');
    size_t i;

    base = base != NULL ? base + 1 : path;
    for (i = 0; i < ACL_ARRAY_LEN(dirs); i++) {
        const char *p = strstr(path, dirs[i]);

        /* A whole folder name: at the start or after a '/'. */
        for (; p != NULL; p = strstr(p + 1, dirs[i]))
            if (p == path || p[-1] == '/')
                return 1;
    }
    for (i = 0; i < ACL_ARRAY_LEN(marks); i++)
        if (strstr(base, marks[i]) != NULL)
            return 1;
    return (acl_starts_with(base, "test_") && acl_ends_with(base, ".py")) ||
           acl_ends_with(base, "_test.py") || strcmp(base, "conftest.py") == 0;
}

static void
analyse(struct acl_code_file *f)
{
    struct cf cf;
    struct cf_lines lines = {0};

    memset(&cf, 0, sizeof cf);
    cf.s = f->text->data;
    cf.len = f->text->len;
    cf.lang = f->lang;
    cf.tok = f->toks.items;
    cf.code = f->code;
    cf.n = f->ncode;
    cf.f = f;
    cf.match = acl_xmalloc((cf.n + 1) * sizeof *cf.match);
    cf.encl = acl_xmalloc((cf.n + 1) * sizeof *cf.encl);
    cf.used = acl_xcalloc(cf.n + 1, 1);
    cf.roles = json_object();
    cf.consts = json_object();
    cf.const_lit = json_object();
    cf.locals = json_object();
    find_brackets(&cf);
    if (cf.lang == ACL_LANG_PYTHON) {
        cf_py_lines(&cf, &lines);
        cf.lines = &lines;
    }
    cf.shadows = json_object();
    cf_find_shadows(&cf);
    cf_find_roles(&cf);
    cf_find_consts(&cf);
    cf_find_reads(&cf);
    cf_find_regions(&cf);
    cf_find_args(&cf);
    free_locals(&cf);
    free(cf.regions);
    free(cf.match);
    free(cf.encl);
    free(cf.used);
    json_decref(cf.roles);
    json_decref(cf.consts);
    json_decref(cf.const_lit);
    json_decref(cf.locals);
    json_decref(cf.shadows);
    cf_shadows_free(&cf);
    cf_py_lines_free(&lines);
}

struct acl_code_file *
acl_code_file_new(const struct acl_text *t)
{
    enum acl_code_lang lang = acl_code_lang(t->path);
    struct acl_code_file *f;
    size_t i;

    if (lang == ACL_LANG_NONE)
        return NULL;
    f = acl_xcalloc(1, sizeof *f);
    f->lang = lang;
    f->text = t;
    f->test_file = acl_code_test_path(t->path);
    if (lang == ACL_LANG_JS && acl_code_jsx_path(t->path))
        acl_code_lex_jsx(t->data, t->len, &f->toks);
    else
        acl_code_lex(t->data, t->len, lang, &f->toks);
    f->code = acl_xmalloc((f->toks.n + 1) * sizeof *f->code);
    for (i = 0; i < f->toks.n; i++)
        if (f->toks.items[i].kind != ACL_TOK_COMMENT)
            f->code[f->ncode++] = i;
    analyse(f);
    return f;
}

void
acl_code_file_free(struct acl_code_file *f)
{
    size_t i;

    if (f == NULL)
        return;
    for (i = 0; i < f->nrefs; i++)
        free(f->refs[i].name);
    for (i = 0; i < f->nargs; i++)
        free(f->args[i].value);
    free(f->refs);
    free(f->args);
    free(f->code);
    acl_code_toks_free(&f->toks);
    free(f);
}
