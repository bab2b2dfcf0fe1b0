/*
 * codeflow_args.c - literal values given to the calls and objects the
 * code rules know: credential decorators and wrappers (provider_name,
 * providerName), AWS SDK credentials (aws_access_key_id=...,
 * credentials: { accessKeyId: ... }) and basic-auth pairs
 * (auth=("user", "pass"), HTTPBasicAuth("user", "pass")).
 */
#include <stdlib.h>
#include <string.h>

#include "codeflow_int.h"

static const char *const decorators[] = {
    "requires_api_key", "requires_access_token", "withApiKey",
    "withAccessToken",  "requiresApiKey",        "requiresAccessToken",
};
static const char *const aws_keys[] = {
    "aws_access_key_id", "aws_secret_access_key", "aws_session_token",
    "accessKeyId",       "secretAccessKey",       "sessionToken",
};
static const char *const basic_auth[] = {
    "HTTPBasicAuth",
    "BasicAuth",
    "HTTPDigestAuth",
    "DigestAuth",
};

/* The credential call at i, by name or import alias, or NULL. */
static const char *
decorator(const struct cf *cf, long i)
{
    enum cf_role r = cf_role(cf, i);
    size_t k;

    if (r == CF_DECO_API)
        return cf->lang == ACL_LANG_PYTHON ? "requires_api_key" : "withApiKey";
    if (r == CF_DECO_TOKEN)
        return cf->lang == ACL_LANG_PYTHON ? "requires_access_token"
                                           : "withAccessToken";
    for (k = 0; k < ACL_ARRAY_LEN(decorators); k++)
        if (cf_is(cf, i, decorators[k]))
            return decorators[k];
    return NULL;
}

/* The word of list that token i spells, or NULL. */
static const char *
one_of(const struct cf *cf, long i, const char *const *list, size_t n)
{
    size_t k;

    for (k = 0; k < n; k++)
        if (cf_is(cf, i, list[k]))
            return list[k];
    return NULL;
}

/* The last position of the argument or member value starting at a:
 * before the next ',' or closing bracket at a's depth. */
static long
value_end(const struct cf *cf, long a)
{
    unsigned d = cf_tok(cf, a) != NULL ? cf_tok(cf, a)->depth : 0;
    long k;

    for (k = a; (size_t)k < cf->n; k++) {
        const struct acl_code_tok *t = cf_tok(cf, k);

        if (t->depth < d ||
            (t->depth == d && (cf_is(cf, k, ",") || cf_is(cf, k, ")") ||
                               cf_is(cf, k, "}") || cf_is(cf, k, "]"))))
            break;
        if (cf->match[k] > k)
            k = cf->match[k];
    }
    return k - 1;
}

static void
add_arg(struct cf *cf, const char *callee, const char *key, long a, long b)
{
    struct acl_code_file *f = cf->f;
    struct acl_code_arg *g;
    long lit;
    char *v = a <= b ? cf_name_value(cf, a, b, &lit) : NULL;

    if (v == NULL)
        return;
    acl_xgrow((void **)&f->args, &cf->args_cap, f->nargs + 1, sizeof *f->args);
    g = &f->args[f->nargs++];
    g->callee = callee;
    g->key = key;
    g->value = v;
    g->literal = a == b && lit == a;
    g->at.start = cf_tok(cf, a)->content.start;
    g->at.end = cf_tok(cf, b)->content.end;
}

/* key=value inside a call whose '(' is o. */
static void
keyword(struct cf *cf, long i)
{
    long o = cf->encl[i];
    const char *key, *callee;

    if (o < 0 || !cf_is(cf, o, "(") || !cf_is(cf, i + 1, "=") ||
        !(cf_is(cf, i - 1, "(") || cf_is(cf, i - 1, ",")))
        return;
    callee = decorator(cf, o - 1);
    if (callee != NULL && cf_is(cf, i, "provider_name")) {
        add_arg(cf, callee, "provider_name", i + 2, value_end(cf, i + 2));
    } else if ((key = one_of(cf, i, aws_keys, 3)) != NULL) {
        add_arg(cf, "boto3", key, i + 2, value_end(cf, i + 2));
    } else if (cf_is(cf, i, "auth") && cf_is(cf, i + 2, "(") &&
               cf_kind(cf, i + 3, ACL_TOK_STRING) && cf_is(cf, i + 4, ",") &&
               cf_kind(cf, i + 5, ACL_TOK_STRING) && cf_is(cf, i + 6, ")")) {
        add_arg(cf, "auth", "password", i + 5, i + 5);
    }
}

/* key: value in an object literal; also the shorthand { accessKeyId }
 * naming a constant of the file. */
static void
member(struct cf *cf, long i)
{
    long o = cf->encl[i];
    const char *key, *callee;
    char *name;
    int shorthand = cf_kind(cf, i, ACL_TOK_IDENT) &&
                    (cf_is(cf, i + 1, ",") || cf_is(cf, i + 1, "}"));

    if (o < 0 || !cf_is(cf, o, "{") || !(cf_is(cf, i + 1, ":") || shorthand) ||
        !(cf_is(cf, i - 1, "{") || cf_is(cf, i - 1, ",")))
        return;
    name = cf_text(cf, i);
    key = NULL;
    {
        size_t k;

        for (k = 3; k < ACL_ARRAY_LEN(aws_keys); k++)
            if (strcmp(name, aws_keys[k]) == 0)
                key = aws_keys[k];
    }
    callee =
        cf_is(cf, cf->encl[o], "(") ? decorator(cf, cf->encl[o] - 1) : NULL;
    if (shorthand) {
        if (key != NULL)
            add_arg(cf, "credentials", key, i, i);
    } else if (callee != NULL && strcmp(name, "providerName") == 0)
        add_arg(cf, callee, "providerName", i + 2, value_end(cf, i + 2));
    else if (key != NULL)
        add_arg(cf, "credentials", key, i + 2, value_end(cf, i + 2));
    free(name);
}

/* HTTPBasicAuth("user", "pass"): the second argument. */
static void
basic_pair(struct cf *cf, long i)
{
    if (one_of(cf, i, basic_auth, ACL_ARRAY_LEN(basic_auth)) != NULL &&
        cf_is(cf, i + 1, "(") && cf_kind(cf, i + 2, ACL_TOK_STRING) &&
        cf_is(cf, i + 3, ",") && cf_kind(cf, i + 4, ACL_TOK_STRING) &&
        (cf_is(cf, i + 5, ")") || cf_is(cf, i + 5, ",")))
        add_arg(cf, "auth", "password", i + 4, i + 4);
}

void
cf_find_args(struct cf *cf)
{
    size_t i;

    for (i = 0; i < cf->n; i++) {
        const struct acl_code_tok *k = cf_tok(cf, (long)i);

        if (k->kind == ACL_TOK_IDENT && cf->lang == ACL_LANG_PYTHON)
            keyword(cf, (long)i);
        if ((k->kind == ACL_TOK_IDENT || k->kind == ACL_TOK_STRING) &&
            cf->lang == ACL_LANG_JS)
            member(cf, (long)i);
        if (k->kind == ACL_TOK_IDENT)
            basic_pair(cf, (long)i);
    }
}
