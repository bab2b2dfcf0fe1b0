/*
 * schema_rules_target.c - what each gateway target type requires and
 * forbids (reference 3.8.1), which outbound auth it takes (3.8.2), the
 * compute rules, and the gateway's own rules (4.1). Tables first.
 */
#include <stdio.h>
#include <string.h>

#include "schema_int.h"

#define FIELDS(...) ((const char *const[]){__VA_ARGS__, NULL})

struct sx_target_kind {
    const char *type;
    const char *required; /* "a|b": either will do */
    const char *required_msg;
    const char *const *forbidden; /* "present" (non-empty for lists) */
    int auth_required;
    const char *const *auth_types; /* allowed besides NONE; NULL: none */
};

static const struct sx_target_kind sx_target_kinds[] = {
    {"lambda", "compute", "Lambda targets require compute configuration.",
     FIELDS(NULL), 0, FIELDS("OAUTH")},
    {"mcpServer", "endpoint|compute",
     "MCP Server targets require either an endpoint URL or compute configuration.",
     FIELDS("apiGateway", "lambdaFunctionArn"), 0, FIELDS("OAUTH")},
    {"openApiSchema", "schemaSource",
     "openApiSchema targets require a schemaSource.",
     FIELDS("compute", "endpoint", "toolDefinitions", "apiGateway"), 1,
     FIELDS("OAUTH", "API_KEY")},
    {"smithyModel", "schemaSource",
     "smithyModel targets require a schemaSource.",
     FIELDS("compute", "endpoint", "toolDefinitions", "apiGateway"), 0, NULL},
    {"apiGateway", "apiGateway",
     "apiGateway config is required for apiGateway target type",
     FIELDS("compute", "endpoint", "toolDefinitions", "lambdaFunctionArn"), 0,
     FIELDS("API_KEY")},
    {"lambdaFunctionArn", "lambdaFunctionArn",
     "lambdaFunctionArn config is required for lambdaFunctionArn target type",
     FIELDS("compute", "endpoint", "apiGateway", "outboundAuth",
            "toolDefinitions"),
     0, FIELDS("OAUTH")},
    {"httpRuntime", "httpRuntime",
     "httpRuntime targets require an httpRuntime configuration (with a runtime reference).",
     FIELDS("endpoint", "compute", "apiGateway", "lambdaFunctionArn",
            "toolDefinitions"),
     0, FIELDS("OAUTH")},
    {"passthrough", "passthrough",
     "passthrough targets require a passthrough configuration (with an endpoint).",
     FIELDS("endpoint", "compute", "apiGateway", "lambdaFunctionArn",
            "httpRuntime", "toolDefinitions"),
     1, FIELDS("GATEWAY_IAM_ROLE", "OAUTH", "JWT_PASSTHROUGH")},
    {"connector", "connectorId",
     "connectorId is required for connector target type",
     FIELDS("compute", "endpoint", "toolDefinitions", "apiGateway",
            "lambdaFunctionArn", "schemaSource", "httpRuntime", "passthrough"),
     0, NULL},
};

/* Present, and for the list members non-empty. */
static int
sx_present(json_t *v, const char *key)
{
    json_t *m = json_object_get(v, key);

    if (m == NULL)
        return 0;
    return !json_is_array(m) || json_array_size(m) > 0;
}

static int
sx_in(const char *s, const char *const *list)
{
    for (; list != NULL && *list != NULL; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

static void
sx_target_fields(struct acl_sx_ctx *cx, json_t *v,
                 const struct sx_target_kind *k)
{
    const char *const *f;
    const char *alt = strchr(k->required, '|');

    if (alt ? !acl_sx_has(v, "endpoint") && !acl_sx_has(v, "compute")
            : !acl_sx_has(v, k->required))
        acl_sx_fail_at(cx, alt ? NULL : k->required, "%s", k->required_msg);
    if (strcmp(k->type, "lambda") == 0 && acl_sx_len(v, "toolDefinitions") == 0)
        acl_sx_fail_at(cx, "toolDefinitions",
                       "Lambda targets require at least one "
                       "tool definition.");
    for (f = k->forbidden; *f != NULL; f++) {
        if (!sx_present(v, *f))
            continue;
        if (strcmp(*f, "endpoint") == 0 &&
            (strcmp(k->type, "httpRuntime") == 0 ||
             strcmp(k->type, "passthrough") == 0))
            acl_sx_fail_at(cx, *f,
                           "%s targets should use %s instead of endpoint.",
                           k->type,
                           strcmp(k->type, "httpRuntime") == 0
                               ? "httpRuntime.runtimeEndpoint"
                               : "passthrough.endpoint");
        else
            acl_sx_fail_at(cx, *f, "%s is not applicable for %s target type",
                           *f, k->type);
    }
    if (strcmp(k->type, "connector") != 0) {
        if (acl_sx_has(v, "connectorId"))
            acl_sx_fail_at(cx, "connectorId",
                           "connectorId only applies to connector "
                           "target type");
        if (acl_sx_len(v, "configurations") > 0)
            acl_sx_fail_at(cx, "configurations",
                           "configurations only applies to "
                           "connector target type");
    }
}

static void
sx_target_auth(struct acl_sx_ctx *cx, json_t *v, const struct sx_target_kind *k)
{
    json_t *oa = json_object_get(v, "outboundAuth");
    const char *t = acl_sx_str(oa, "type");
    int none;

    if (t == NULL)
        t = "NONE"; /* the default, also when outboundAuth is absent */
    none = strcmp(t, "NONE") == 0;
    if (k->auth_required && none)
        acl_sx_fail_at(
            cx, "outboundAuth", "%s targets require outbound auth (%s%s%s%s%s)",
            k->type, k->auth_types[0], k->auth_types[1] ? " or " : "",
            k->auth_types[1] ? k->auth_types[1] : "",
            k->auth_types[1] && k->auth_types[2] ? " or " : "",
            k->auth_types[1] && k->auth_types[2] ? k->auth_types[2] : "");
    if (k->auth_types == NULL && !none)
        acl_sx_fail_at(cx, "outboundAuth",
                       "%s targets use IAM role auth; "
                       "outboundAuth is not applicable",
                       k->type);
    if (k->auth_types != NULL && !none && !sx_in(t, k->auth_types))
        acl_sx_fail_at(cx, "outboundAuth",
                       "%s targets do not support %s outbound auth", k->type,
                       t);
    if (oa != NULL && (strcmp(t, "OAUTH") == 0 || strcmp(t, "API_KEY") == 0) &&
        !acl_sx_has(oa, "credentialName"))
        acl_sx_fail_at(cx, "outboundAuth/credentialName",
                       "%s outbound auth requires a credentialName.", t);
    if (strcmp(k->type, "passthrough") == 0 &&
        strcmp(t, "GATEWAY_IAM_ROLE") == 0 && !acl_sx_has(oa, "service"))
        acl_sx_fail_at(cx, "outboundAuth/service",
                       "GATEWAY_IAM_ROLE outbound auth on "
                       "passthrough targets requires a service name.");
    if (strcmp(t, "JWT_PASSTHROUGH") == 0 &&
        strcmp(k->type, "passthrough") != 0)
        acl_sx_fail_at(cx, "outboundAuth/type",
                       "JWT_PASSTHROUGH outbound auth is only "
                       "valid for passthrough targets.");
}

void
acl_sx_rule_target(struct acl_sx_ctx *cx, json_t *v)
{
    const char *type = acl_sx_str(v, "targetType");
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(sx_target_kinds); i++) {
        if (strcmp(type, sx_target_kinds[i].type) != 0)
            continue;
        sx_target_fields(cx, v, &sx_target_kinds[i]);
        sx_target_auth(cx, v, &sx_target_kinds[i]);
    }
}

void
acl_sx_rule_lambda_compute(struct acl_sx_ctx *cx, json_t *v)
{
    const char *lang =
        acl_sx_str(json_object_get(v, "implementation"), "language");

    if ((strcmp(lang, "TypeScript") == 0 && !acl_sx_has(v, "nodeVersion")) ||
        (strcmp(lang, "Python") == 0 && !acl_sx_has(v, "pythonVersion")))
        acl_sx_fail_at(cx, NULL,
                       "TypeScript Lambda must specify nodeVersion, Python "
                       "Lambda must specify pythonVersion");
}

void
acl_sx_rule_runtime_compute(struct acl_sx_ctx *cx, json_t *v)
{
    const char *lang =
        acl_sx_str(json_object_get(v, "implementation"), "language");

    if (strcmp(lang, "Python") != 0)
        acl_sx_fail_at(cx, "implementation/language",
                       "AgentCore Runtime only supports Python");
}

void
acl_sx_rule_gateway(struct acl_sx_ctx *cx, json_t *v)
{
    json_t *targets = json_object_get(v, "targets"), *t;
    const char *proto = acl_sx_str(v, "protocolType");
    const char *auth = acl_sx_str(v, "authorizerType");
    char path[256];
    size_t i;

    if (auth != NULL && strcmp(auth, "CUSTOM_JWT") == 0 &&
        !acl_sx_has(json_object_get(v, "authorizerConfiguration"),
                    "customJwtAuthorizer"))
        acl_sx_fail_at(cx, "authorizerConfiguration",
                       "customJwtAuthorizer configuration is required when "
                       "authorizerType is CUSTOM_JWT");
    json_array_foreach (targets, i, t) {
        const char *tt = acl_sx_str(t, "targetType");

        if ((proto != NULL && strcmp(proto, "None") == 0) ||
            (strcmp(tt, "httpRuntime") != 0 && strcmp(tt, "passthrough") != 0))
            continue;
        snprintf(path, sizeof path, "targets/%zu/targetType", i);
        acl_sx_fail_at(cx, path,
                       "Target \"%s\" is %s but gateway does not have "
                       "protocolType: \"None\". Add --protocol-type None "
                       "when creating the gateway.",
                       acl_sx_str(t, "name"), tt);
    }
}
