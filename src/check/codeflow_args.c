/*
 * codeflow_args.c - literal values given to the calls and objects the
 * code rules know: credential decorators and wrappers (provider_name,
 * providerName), AWS SDK credentials (aws_access_key_id=... in any call
 * or a dict, credentials: { accessKeyId: ... }, and by position:
 * botocore's Credentials / ReadOnlyCredentials(access_key, secret_key,
 * token) and session.set_credentials(...), boto3's Session(...) and
 * client/resource(...)'s seventh to ninth arguments, the v2 SDK's new
 * AWS.Credentials(...); the calls are told by their imports) and
 * basic-auth pairs (auth=("user", "pass"), HTTPBasicAuth("user",
 * "pass")).
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
/* The parameters of the AWS calls that take credentials by position
 * (botocore Credentials(access_key, secret_key, token), boto3
 * Session(aws_access_key_id, ...), the JavaScript v2 SDK's new
 * AWS.Credentials(accessKeyId, ...)). */
static const char *const py_creds_params[] = {"access_key", "secret_key",
                                              "token"};
static const char *const js_creds_params[] = {"accessKeyId", "secretAccessKey",
                                              "sessionToken"};

/* An AWS call: its parameters, from which position (boto3.client's
 * aws_access_key_id is its seventh). */
struct aws_call {
    const char *const *params;
    long first;
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

/* The AWS call (Python) whose callee is the dotted name [first, last]
 * of n parts: a name imported under any alias (Credentials, Session,
 * client), or reached through the module (boto3.Session,
 * botocore.credentials.Credentials). */
static int
py_aws_call(const struct cf *cf, long first, long last, long n,
            struct aws_call *call)
{
    enum cf_role r = n == 1 ? cf_role(cf, last) : cf_role(cf, first);
    int creds = cf_is(cf, last, "Credentials") ||
                cf_is(cf, last, "ReadOnlyCredentials") ||
                cf_is(cf, last, "AioCredentials");

    call->first = 0;
    call->params = py_creds_params;
    if ((n == 1 && r == CF_AWS_CREDS) ||
        (creds && n == 2 && r == CF_AWS_CREDS_MOD) ||
        (creds && n == 3 && cf_is(cf, first + 2, "credentials") &&
         (cf_is(cf, first, "botocore") || cf_is(cf, first, "aiobotocore"))) ||
        (n >= 2 && cf_is(cf, last, "set_credentials")))
        return 1;
    call->params = aws_keys;
    if ((n == 1 && r == CF_AWS_SESSION) ||
        (cf_is(cf, last, "Session") && r == CF_BOTO3 &&
         (n == 2 || (n == 3 && cf_is(cf, first + 2, "session")))))
        return 1;
    call->first = 6; /* service, region, api_version, use_ssl, verify, url */
    return (n == 1 && r == CF_AWS_CLIENT) ||
           (n == 2 && r == CF_BOTO3 &&
            (cf_is(cf, last, "client") || cf_is(cf, last, "resource")));
}

/* Is the '(' at o that of an AWS call that takes credentials? Its
 * callee is a dotted name: Credentials, botocore.credentials.Credentials,
 * boto3.Session, b3.client, new AWS.Credentials. */
static int
aws_call(const struct cf *cf, long o, struct aws_call *call)
{
    long last = o - 1, first = last, n = 1;

    if (!cf_is(cf, o, "(") || !cf_kind(cf, last, ACL_TOK_IDENT))
        return 0;
    while (n < 4 && cf_is(cf, first - 1, ".") &&
           cf_kind(cf, first - 2, ACL_TOK_IDENT)) {
        first -= 2;
        n++;
    }
    if (cf->lang == ACL_LANG_PYTHON)
        return py_aws_call(cf, first, last, n, call);
    call->params = js_creds_params;
    call->first = 0;
    return cf_is(cf, first - 1, "new") &&
           ((n == 1 && cf_role(cf, last) == CF_AWS_CREDS) ||
            (n == 2 && cf_is(cf, last, "Credentials") &&
             cf_role(cf, first) == CF_AWS_SDK));
}

/* The literal positional arguments of the AWS call opened at o that
 * hold credentials; the first keyword or *args ends them. */
static void
aws_positional(struct cf *cf, long o, const struct aws_call *call)
{
    const char *callee = cf->lang == ACL_LANG_PYTHON ? "boto3" : "credentials";
    long c = cf->match[o], a = o + 1, idx;

    for (idx = 0; a < c && idx < call->first + 3; idx++) {
        long e = value_end(cf, a);

        if (cf_is(cf, a, "*") || cf_is(cf, a, "**") || cf_is(cf, a, "...") ||
            (cf_kind(cf, a, ACL_TOK_IDENT) && cf_is(cf, a + 1, "=")))
            return;
        if (idx >= call->first)
            add_arg(cf, callee, call->params[idx - call->first], a, e);
        if (!cf_is(cf, e + 1, ","))
            return;
        a = e + 2;
    }
}

/* key=value inside a call whose '(' is o. */
static void
keyword(struct cf *cf, long i)
{
    long o = cf->encl[i];
    const char *key, *callee;
    struct aws_call call;

    if (o < 0 || !cf_is(cf, o, "(") || !cf_is(cf, i + 1, "=") ||
        !(cf_is(cf, i - 1, "(") || cf_is(cf, i - 1, ",")))
        return;
    callee = decorator(cf, o - 1);
    if (callee != NULL && cf_is(cf, i, "provider_name")) {
        add_arg(cf, callee, "provider_name", i + 2, value_end(cf, i + 2));
    } else if ((key = one_of(cf, i, aws_keys, 3)) != NULL ||
               (aws_call(cf, o, &call) && call.params == py_creds_params &&
                (key = one_of(cf, i, py_creds_params, 3)) != NULL)) {
        /* aws_access_key_id= anywhere; access_key= in Credentials(). */
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

/* "aws_access_key_id": value in a Python dict (kwargs for boto3:
 * boto3.client("s3", **AWS_KWARGS)). */
static void
py_dict_key(struct cf *cf, long i)
{
    const struct acl_code_tok *t = cf_tok(cf, i);
    size_t k, n = t->content.end - t->content.start;

    if (t->interp || !cf_is(cf, i + 1, ":") || !cf_is(cf, cf->encl[i], "{") ||
        !(cf_is(cf, i - 1, "{") || cf_is(cf, i - 1, ",")))
        return;
    for (k = 0; k < 3; k++)
        if (strlen(aws_keys[k]) == n &&
            memcmp(cf->s + t->content.start, aws_keys[k], n) == 0)
            add_arg(cf, "boto3", aws_keys[k], i + 2, value_end(cf, i + 2));
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
        struct aws_call call;

        if (k->kind == ACL_TOK_IDENT && cf->lang == ACL_LANG_PYTHON)
            keyword(cf, (long)i);
        if (k->kind == ACL_TOK_STRING && cf->lang == ACL_LANG_PYTHON)
            py_dict_key(cf, (long)i);
        if (k->kind == ACL_TOK_PUNCT && aws_call(cf, (long)i, &call))
            aws_positional(cf, (long)i, &call);
        if ((k->kind == ACL_TOK_IDENT || k->kind == ACL_TOK_STRING) &&
            cf->lang == ACL_LANG_JS)
            member(cf, (long)i);
        if (k->kind == ACL_TOK_IDENT)
            basic_pair(cf, (long)i);
    }
}
