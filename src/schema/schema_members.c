/*
 * schema_members.c - what the schema tables know about member names:
 * "did you mean" for an unknown member (AC020, AC024), and the report of
 * a member that a strip object drops.
 *
 * A suggestion comes from the object's own member table, so it is always
 * a member the object defines. Nothing here allocates beyond the call.
 */
#include <string.h>

#include "acl/suggest.h"
#include "schema_int.h"

/* Names seen in real projects for a member that is spelled otherwise in
 * this object. A pair applies only where the object defines the right
 * name: runtimes say envVars, harness.json says environmentVariables. */
static const struct {
    const char *wrong, *right;
} confusions[] = {
    {"environmentVariables", "envVars"},
    {"environment", "envVars"},
    {"env", "envVars"},
    {"envVars", "environmentVariables"},
    {"environment", "environmentVariables"},
    {"env", "environmentVariables"},
    {"namespaces", "namespaceTemplates"},
    {"reflectionNamespaces", "reflectionNamespaceTemplates"},
    {"lifecycleConfig", "lifecycleConfiguration"},
    {"lifecycleConfiguration", "lifecycleConfig"},
    {"customJwtAuthorizer", "customJWTAuthorizer"},
    {"customJWTAuthorizer", "customJwtAuthorizer"},
    {"jwtAuthorizer", "customJwtAuthorizer"},
    {"semanticSearch", "enableSemanticSearch"},
    {"audience", "allowedAudience"},
    {"audiences", "allowedAudience"},
    {"clients", "allowedClients"},
    {"clientIds", "allowedClients"},
    {"scopes", "allowedScopes"},
    {"authType", "authorizerType"},
    {"authorizer", "authorizerType"},
    {"codePath", "codeLocation"},
    {"path", "codeLocation"},
    {"sourceDir", "codeLocation"},
    {"entryPoint", "entrypoint"},
    {"handler", "entrypoint"},
    {"expiryDays", "eventExpiryDuration"},
    {"eventExpiryDays", "eventExpiryDuration"},
    {"expiry", "eventExpiryDuration"},
    {"timeout", "timeoutSeconds"},
    {"maxTurns", "maxIterations"},
    {"model", "modelId"},
    {"modelName", "modelId"},
    {"tools", "toolDefinitions"},
    {"url", "endpoint"},
    {"agents", "runtimes"},
    {"gateways", "agentCoreGateways"},
    {"mcpGateways", "agentCoreGateways"},
    {"projectName", "name"},
    {"idleTimeout", "lifecycleConfiguration"},
    {"idleRuntimeSessionTimeout", "lifecycleConfiguration"},
    {"maxLifetime", "lifecycleConfiguration"},
    {"accountId", "account"},
    {"awsRegion", "region"},
};

/* Members the schema still defines only as deprecated aliases: it reads
 * them in place of their replacement, but the CLI no longer writes
 * them (reference 3.2). */
static const struct {
    const char *object, *member, *replacement;
} deprecated[] = {
    {"MemoryStrategy", "namespaces", "namespaceTemplates"},
    {"MemoryStrategy", "reflectionNamespaces", "reflectionNamespaceTemplates"},
};

/* a and b are the same name in another spelling: ASCII case, '_' and
 * '-' ignored (env_vars, EnvVars, env-vars). */
static int
same_spelling(const char *a, size_t alen, const char *b)
{
    size_t i = 0;

    for (;;) {
        while (i < alen && (a[i] == '_' || a[i] == '-'))
            i++;
        while (*b == '_' || *b == '-')
            b++;
        if (i == alen || *b == '\0')
            return i == alen && *b == '\0';
        if (acl_ascii_lower((unsigned char)a[i]) !=
            acl_ascii_lower((unsigned char)*b))
            return 0;
        i++;
        b++;
    }
}

static const char *
member_named(const struct acl_sx_object *o, const char *name)
{
    size_t i;

    for (i = 0; i < o->nmembers; i++)
        if (strcmp(o->members[i].name, name) == 0)
            return o->members[i].name;
    return NULL;
}

static const char *
known_confusion(const struct acl_sx_object *o, const char *key, size_t len)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(confusions); i++) {
        const char *right;

        if (strlen(confusions[i].wrong) != len ||
            memcmp(confusions[i].wrong, key, len) != 0)
            continue;
        right = member_named(o, confusions[i].right);
        if (right != NULL && strcmp(right, confusions[i].wrong) != 0)
            return right;
    }
    return NULL;
}

/* The closest member by edit distance (acl_suggest), key copied so it
 * is NUL-terminated; keys too long to be a typo get nothing. */
static const char *
closest(const struct acl_sx_object *o, const char *key, size_t len)
{
    const char *cands[64];
    char word[ACL_SUGGEST_MAX_LEN + 1];
    size_t i, n = 0;

    if (len > ACL_SUGGEST_MAX_LEN || memchr(key, '\0', len) != NULL)
        return NULL;
    memcpy(word, key, len);
    word[len] = '\0';
    /* acl_suggest never accepts a distance above 3, and lengths that far
     * apart cannot be closer: skipping them keeps a file with thousands
     * of unknown members fast */
    for (i = 0; i < o->nmembers && n < ACL_ARRAY_LEN(cands); i++) {
        size_t m = strlen(o->members[i].name);

        if ((m > len ? m - len : len - m) <= 3)
            cands[n++] = o->members[i].name;
    }
    return n > 0 ? acl_suggest(word, cands, n) : NULL;
}

const char *
acl_sx_member_suggest(const struct acl_sx_object *o, const char *key,
                      size_t len)
{
    const char *s = known_confusion(o, key, len);
    size_t i;

    if (s != NULL)
        return s;
    for (i = 0; i < o->nmembers; i++)
        if (same_spelling(key, len, o->members[i].name))
            return o->members[i].name;
    return closest(o, key, len);
}

void
acl_sx_member_list(struct acl_buf *b, const struct acl_sx_object *o)
{
    size_t i;

    for (i = 0; i < o->nmembers; i++)
        acl_buf_printf(b, "%s%s", i ? ", " : "", o->members[i].name);
}

/* Wrapper objects of one-member unions are named "{member}" in the
 * tables: not a name a user knows. */
static const char *
object_name(const struct acl_sx_object *o)
{
    return o->name != NULL && o->name[0] != '{' ? o->name : NULL;
}

static void
report(struct acl_sx_ctx *cx, const struct acl_sx_object *o, const char *key,
       size_t len, const char *suggestion, int is_deprecated)
{
    struct acl_buf allowed = {0};
    struct acl_schema_drop d;
    size_t old = acl_sx_push(cx, key, len);

    acl_buf_puts(&allowed, "");
    if (o != NULL)
        acl_sx_member_list(&allowed, o);
    d.pointer = cx->ptr.data ? cx->ptr.data : "";
    d.member = key;
    d.member_len = len;
    d.object = o != NULL ? object_name(o) : NULL;
    d.suggestion = suggestion;
    d.allowed = allowed.data;
    d.deprecated = is_deprecated;
    cx->drop->dropped(cx->drop->arg, &d);
    acl_sx_pop(cx, old);
    acl_buf_free(&allowed);
}

void
acl_sx_report_drop(struct acl_sx_ctx *cx, const struct acl_sx_object *o,
                   const char *key, size_t len)
{
    report(cx, o, key, len,
           o != NULL ? acl_sx_member_suggest(o, key, len) : NULL, 0);
}

void
acl_sx_report_deprecated(struct acl_sx_ctx *cx, const struct acl_sx_object *o,
                         json_t *v)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(deprecated); i++)
        if (o->name != NULL && strcmp(o->name, deprecated[i].object) == 0 &&
            json_object_get(v, deprecated[i].member) != NULL)
            report(cx, o, deprecated[i].member, strlen(deprecated[i].member),
                   deprecated[i].replacement, 1);
}
