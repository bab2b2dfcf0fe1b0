/*
 * secret_name.c - how strongly a variable, key, header or parameter
 * name says that its value is a secret.
 *
 * Strong words (password, secret, passphrase...) name the secret
 * itself, whatever it looks like; weak words (key, token, auth...) are
 * also used for things that are not secrets (S3 object keys, token
 * encodings, auth providers), so their values must look generated. The
 * last word can turn either off: API_KEY_NAME, TOKEN_ENCODING,
 * SECRET_ARN describe a secret without holding it.
 */
#include <string.h>

#include "acl/secret.h"
#include "secret_int.h"

/* A new token starts at i on "aB", "1B" and on the "K" of "APIKey". */
static int
case_boundary(const char *s, size_t len, size_t i)
{
    int prev = (unsigned char)s[i - 1], c = (unsigned char)s[i];

    if (!sec_upper(c))
        return 0;
    if (sec_lower(prev) || sec_digit(prev))
        return 1;
    return sec_upper(prev) && i + 1 < len && sec_lower((unsigned char)s[i + 1]);
}

#define MAX_TOKENS 16

struct tok {
    const char *s;
    size_t n;
};

static size_t
tokenize(const char *s, size_t len, struct tok *t)
{
    size_t i = 0, k = 0;

    while (i < len && k < MAX_TOKENS) {
        while (i < len && !sec_alnum((unsigned char)s[i]))
            i++;
        if (i >= len)
            break;
        t[k].s = s + i++;
        while (i < len && sec_alnum((unsigned char)s[i]) &&
               !case_boundary(s, len, i))
            i++;
        t[k].n = (size_t)(s + i - t[k].s);
        k++;
    }
    return k;
}

static int
listed(const char *const *list, size_t n, const struct tok *t)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (acl_secret_eq_ci(t->s, t->n, list[i]))
            return 1;
    return 0;
}

#define IN(list, t) listed(list, ACL_ARRAY_LEN(list), t)

static const char *const strong_words[] = {
    "password", "passwords", "passwd",     "passphrase", "passcode",
    "secret",   "secrets",   "privatekey", "secretkey",  "clientsecret"};
/* Strong only as the last word: DB_PASS, MYSQL_PWD (PASS_THROUGH is
 * not a password). */
static const char *const strong_last[] = {"pass", "pwd", "pw", "pswd"};
static const char *const weak_words[] = {
    "key",        "keys",        "apikey",        "apikeys", "token",
    "auth",       "creds",       "cred",          "bearer",  "private",
    "credential", "credentials", "authorization", "jwt",     "accesskey"};
/* Weak words that make a UUID value a credential. */
static const char *const uuid_secret_words[] = {
    "api", "apikey", "token", "bearer", "auth", "authorization", "access"};

/* Words that end a name about a secret rather than holding one. */
static const char *const excluded_last[] = {
    "name",        "arn",        "id",          "path",         "file",
    "url",         "uri",        "region",      "ref",          "param",
    "parameter",   "length",     "limit",       "count",        "max",
    "min",         "ttl",        "type",        "mode",         "header",
    "provider",    "encoding",   "encoder",     "policy",       "prefix",
    "suffix",      "audience",   "domain",      "issuer",       "alias",
    "bucket",      "subnet",     "hasher",      "pattern",      "format",
    "marker",      "field",      "scope",       "algorithm",    "alg",
    "endpoint",    "host",       "env",         "var",          "variable",
    "version",     "location",   "dir",         "folder",       "label",
    "description", "desc",       "hint",        "title",        "message",
    "msg",         "template",   "regex",       "method",       "strategy",
    "kind",        "class",      "enabled",     "enable",       "disabled",
    "required",    "store",      "manager",     "vault",        "service",
    "source",      "status",     "usage",       "budget",       "window",
    "threshold",   "expiry",     "expires",     "expiration",   "lifetime",
    "duration",    "timeout",    "seconds",     "secs",         "ms",
    "days",        "hours",      "rotation",    "hash",         "hashed",
    "digest",      "size",       "bits",        "len",          "index",
    "idx",         "table",      "column",      "attribute",    "attr",
    "schema",      "cache",      "loader",      "factory",      "handler",
    "validator",   "generator",  "resolver",    "fetcher",      "reader",
    "callback",    "fn",         "func",        "function",     "flag",
    "option",      "setting",    "config",      "cfg",          "arg",
    "claim",       "kid",        "fingerprint", "thumbprint",   "chars",
    "charset",     "separator",  "delimiter",   "rule",         "check",
    "validation",  "error",      "level",       "user",         "username",
    "login",       "email",      "owner",       "role",         "tenant",
    "client",      "key_id",     "keyid",       "placeholder",  "example",
    "sample",      "spec",       "property",    "prop",         "ttls",
    "url_env",     "names",      "tokenizer",   "counter",      "usage",
    "output",      "input",      "response",    "request",      "endpoint",
    "server",      "stage",      "step",        "state",        "type_",
    "timestamp",   "time",       "date",        "at",           "created",
    "updated",     "rate",       "percent",     "ratio",        "budget",
    "env_var",     "envvar",     "lookup",      "mapping",      "map",
    "dict",        "list",       "set",         "keys_url",     "count_",
    "strength",    "complexity", "policy_",     "rules",        "requirements",
    "reset",       "forgot",     "confirm",     "confirmation", "prompt",
    "input_",      "widget",     "box",         "button",       "page",
    "screen",      "form",       "route",       "view",         "error_",
    "event",       "events",     "listener",    "id_token_hint"};

/* Words that make the whole name public or not a credential at all:
 * publishableKey, PUBLIC_TOKEN, csrf_token (a per-session nonce). */
static const char *const disarming[] = {"public", "publishable", "pub",
                                        "csrf",   "xsrf",        "anon"};

/* Words before "key" that make it a data key, not a credential. */
static const char *const data_key_words[] = {
    "s3",           "object",  "cache",       "sort",         "partition",
    "primary",      "model",   "hash",        "range",        "foreign",
    "dict",         "map",     "lookup",      "redis",        "row",
    "group",        "dedup",   "dedupe",      "idempotency",  "file",
    "image",        "upload",  "blob",        "bucket",       "doc",
    "document",     "item",    "record",      "entry",        "search",
    "pk",           "sk",      "composite",   "unique",       "natural",
    "surrogate",    "table",   "column",      "attr",         "attribute",
    "field",        "json",    "dynamo",      "ddb",          "cursor",
    "pagination",   "page",    "next",        "last",         "start",
    "continuation", "state",   "memory",      "namespace",    "sort",
    "shard",        "routing", "message",     "event",        "metric",
    "prefix",       "storage", "output",      "input",        "result",
    "response",     "request", "payload",     "config",       "setting",
    "settings",     "env",     "hotkey",      "shortcut",     "keyboard",
    "react",        "list",    "child",       "parent",       "node",
    "tree",         "label",   "column",      "data",         "kms",
    "cmk",          "sse",     "cse",         "pdf",          "csv",
    "txt",          "html",    "md",          "zip",          "parquet",
    "audio",        "video",   "photo",       "thumbnail",    "avatar",
    "media",        "asset",   "attachment",  "report",       "export",
    "download",     "backup",  "archive",     "snapshot",     "artifact",
    "template",     "prompt",  "transcript",  "source",       "src",
    "target",       "dest",    "destination", "dst",          "log",
    "public",       "pub",     "verify",      "verification", "thumb",
    "etag",         "version"};

/* Words before "token" that make it a position, a request's identity
 * or a model's vocabulary, never a credential: boto3's NextToken,
 * pagination and sync tokens, idempotency_token, a tokenizer's
 * eos_token, max_tokens. Words that also name real credentials stay
 * out: a Discord bot's CLIENT_TOKEN, a Facebook PAGE_TOKEN, a GitHub
 * Action's INPUT_TOKEN, a CACHED_TOKEN or PREVIOUS_TOKEN in rotation. */
static const char *const data_token_words[] = {
    "next",         "pagination", "continuation", "cursor",      "resume",
    "resumption",   "sync",       "marker",       "idempotency", "idempotent",
    "cancellation", "progress",   "watermark",    "sequence",    "eos",
    "bos",          "pad",        "unk",          "sep",         "cls",
    "mask",         "stop",       "special",      "max",         "min",
    "num",          "total",      "completion",   "reasoning",   "thinking",
    "etag"};

/* Plural last words exclude too: SECRET_ARNS, PRIVATE_SUBNETS. */
static int
excluded(const struct tok *t)
{
    struct tok sing = *t;

    if (IN(excluded_last, t))
        return 1;
    if (t->n > 2 && acl_ascii_lower((unsigned char)t->s[t->n - 1]) == 's') {
        sing.n--;
        return IN(excluded_last, &sing);
    }
    return 0;
}

static int
is_key(const struct tok *t)
{
    return acl_secret_eq_ci(t->s, t->n, "key") ||
           acl_secret_eq_ci(t->s, t->n, "keys");
}

static int
is_token(const struct tok *t)
{
    return acl_secret_eq_ci(t->s, t->n, "token") ||
           acl_secret_eq_ci(t->s, t->n, "tokens");
}

/* "key" preceded by a data-key word (S3_KEY, sort_key). A bare "key"
 * (boto3 Key=, KEY = ...) stays weak: its values are paths and words,
 * which are never secrets, unless they look generated. */
static int
data_key(const struct tok *t, size_t i)
{
    static const char *const turn[] = {"next", "prev", "previous"};

    if (i == 0)
        return 0;
    if (is_key(&t[i]))
        return IN(data_key_words, &t[i - 1]);
    /* nextPageToken, prev_page_token: a page's position */
    return is_token(&t[i]) &&
           (IN(data_token_words, &t[i - 1]) ||
            (i > 1 && acl_secret_eq_ci(t[i - 1].s, t[i - 1].n, "page") &&
             IN(turn, &t[i - 2])));
}

/* A client token (boto3's ClientToken) is a request's identity: a UUID
 * under it is that, not a credential. */
static int
client_token(const struct tok *t, size_t i)
{
    return i > 0 && is_token(&t[i]) &&
           acl_secret_eq_ci(t[i - 1].s, t[i - 1].n, "client");
}

/* The key of a key-ID name (kms_key, encryption_key): a UUID under it
 * is an ID. */
static int
key_id_key(const struct tok *t, size_t i)
{
    static const char *const ids[] = {"kms",  "cmk", "encryption", "master",
                                      "data", "sse", "dek",        "kek"};

    return i > 0 && IN(ids, &t[i - 1]);
}

void
acl_secret_name_info(const char *name, size_t len, int query,
                     struct acl_secret_name_info *out)
{
    struct tok t[MAX_TOKENS];
    size_t k, i;
    int strong = 0, weak = 0, uuid_secret = 0;

    out->strength = ACL_SECRET_NAME_NONE;
    out->uuid_secret = 0;
    if (name == NULL)
        return;
    k = tokenize(name, len, t);
    if (k == 0 || excluded(&t[k - 1]))
        return;
    for (i = 0; i < k; i++)
        if (IN(disarming, &t[i]))
            return;
    for (i = 0; i < k; i++) {
        if (IN(strong_words, &t[i]) || (i + 1 == k && IN(strong_last, &t[i])))
            strong = 1;
        else if (i + 1 < k && acl_secret_eq_ci(t[i].s, t[i].n, "private") &&
                 acl_secret_eq_ci(t[i + 1].s, t[i + 1].n, "key"))
            strong = 1;
        else if (IN(weak_words, &t[i]) && !data_key(t, i)) {
            weak = 1;
            /* A UUID under kms_key or a bare Key is an ID. */
            uuid_secret |= !key_id_key(t, i) && !client_token(t, i) &&
                           (i > 0 || k > 1 || query);
        }
        uuid_secret |= IN(uuid_secret_words, &t[i]) && !client_token(t, i);
    }
    out->strength = strong ? ACL_SECRET_NAME_STRONG
                    : weak ? ACL_SECRET_NAME_WEAK
                           : ACL_SECRET_NAME_NONE;
    out->uuid_secret = strong || (weak && uuid_secret);
}

enum acl_secret_strength
acl_secret_name_strength(const char *name, size_t len)
{
    struct acl_secret_name_info info;

    acl_secret_name_info(name, len, 0, &info);
    return info.strength;
}

int
acl_secret_name(const char *name, size_t len)
{
    return acl_secret_name_strength(name, len) != ACL_SECRET_NAME_NONE;
}
