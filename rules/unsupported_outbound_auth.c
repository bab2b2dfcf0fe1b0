/*
 * AC007 unsupported-outbound-auth - outbound auth that the target type
 * cannot use.
 *
 * Flags, following the CLI 0.30.0 matrix of outbound auth per target
 * type (reference/agentcore-json.md 3.8.2):
 * - any outboundAuth on a lambdaFunctionArn target, even {};
 * - a type the target type does not allow: GATEWAY_IAM_ROLE or
 *   JWT_PASSTHROUGH on openApiSchema; anything but OAUTH/NONE on
 *   mcpServer, lambda and httpRuntime; OAUTH and the rest on apiGateway
 *   (API_KEY or NONE); anything but NONE on smithyModel and connector;
 *   NONE or API_KEY on passthrough (which requires GATEWAY_IAM_ROLE,
 *   OAUTH or JWT_PASSTHROUGH);
 * - GATEWAY_IAM_ROLE on a passthrough target without "service";
 * - OAUTH or API_KEY without credentialName;
 * - as a note: a credentialName under type NONE (or no type), which has
 *   no effect.
 * GATEWAY_IAM_ROLE on mcpServer is an error of the CLI, not of the API:
 * the message says so and where to configure it instead.
 * Does not flag: API_KEY on mcpServer (AC002), no auth on openApiSchema
 * (AC006), an unknown type value or target type (AC020), a
 * credentialName naming a missing credential (AC009) or one of the wrong
 * kind (AC010).
 */
#include <stdlib.h>

#include "acl/lookup.h"
#include "acl/rule.h"

#define BIT(a) (1u << (a))

static const struct {
    enum acl_target_type type;
    unsigned allowed;
    const char *allowed_text;
} matrix[] = {
    {ACL_TT_OPENAPI, BIT(ACL_AUTH_OAUTH) | BIT(ACL_AUTH_API_KEY),
     "OAUTH or API_KEY"},
    {ACL_TT_PASSTHROUGH,
     BIT(ACL_AUTH_GATEWAY_IAM_ROLE) | BIT(ACL_AUTH_OAUTH) |
         BIT(ACL_AUTH_JWT_PASSTHROUGH),
     "GATEWAY_IAM_ROLE, OAUTH or JWT_PASSTHROUGH"},
    {ACL_TT_MCP_SERVER, BIT(ACL_AUTH_OAUTH) | BIT(ACL_AUTH_NONE),
     "OAUTH or none"},
    {ACL_TT_LAMBDA, BIT(ACL_AUTH_OAUTH) | BIT(ACL_AUTH_NONE), "OAUTH or none"},
    {ACL_TT_HTTP_RUNTIME, BIT(ACL_AUTH_OAUTH) | BIT(ACL_AUTH_NONE),
     "OAUTH or none"},
    {ACL_TT_APIGATEWAY, BIT(ACL_AUTH_API_KEY) | BIT(ACL_AUTH_NONE),
     "API_KEY or none"},
    {ACL_TT_SMITHY, BIT(ACL_AUTH_NONE), "none"},
    {ACL_TT_CONNECTOR, BIT(ACL_AUTH_NONE), "none"},
};

static long
matrix_row(enum acl_target_type type)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(matrix); i++)
        if (matrix[i].type == type)
            return (long)i;
    return -1;
}

/* The cases other rules report, or that AC020 owns. */
static int
skipped(const struct acl_target *t)
{
    json_t *auth = json_object_get(t->node.json, "outboundAuth");
    json_t *type = json_object_get(auth, "type");

    if ((auth != NULL && !json_is_object(auth)) ||
        (type != NULL && !json_is_string(type)) ||
        t->auth_type == ACL_AUTH_OTHER || t->type == ACL_TT_UNKNOWN)
        return 1;
    if (t->type == ACL_TT_MCP_SERVER && t->auth_type == ACL_AUTH_API_KEY)
        return 1; /* AC002 */
    return t->type == ACL_TT_OPENAPI && t->auth_type == ACL_AUTH_NONE;
}

static const char *
auth_text(const struct acl_target *t)
{
    if (!t->has_outbound_auth)
        return "no outbound auth (outboundAuth is absent)";
    if (t->auth_type_text == NULL)
        return "no outbound auth (outboundAuth has no type, so it is NONE)";
    return NULL;
}

/* GATEWAY_IAM_ROLE on an MCP server: the API takes it, the CLI cannot
 * write it. AC002's help points here, so both say the same. */
static void
report_mcp_iam(struct acl_check *c, const struct acl_target *t,
               const char *label)
{
    acl_report(c, ACL_ERROR, &t->node, "outboundAuth/type",
               "%s (mcpServer) uses GATEWAY_IAM_ROLE outbound auth: the "
               "AgentCore API supports IAM (SigV4) for MCP server targets, "
               "but the AgentCore CLI 0.30.0 cannot write it (it allows "
               "OAUTH or none here) and refuses this file; create the target "
               "with the SDK or the console, or use OAUTH",
               label);
}

static void
report_type(struct acl_check *c, const struct acl_target *t, const char *label,
            size_t row)
{
    const char *member =
        t->auth_type_text ? "outboundAuth/type" : "outboundAuth";
    const char *none = auth_text(t);

    if (t->type == ACL_TT_MCP_SERVER &&
        t->auth_type == ACL_AUTH_GATEWAY_IAM_ROLE)
        report_mcp_iam(c, t, label);
    else if (t->auth_type == ACL_AUTH_NONE)
        acl_report(c, ACL_ERROR, &t->node, member,
                   "%s (%s) has %s; %s targets require %s outbound auth", label,
                   t->type_text, none ? none : "outbound auth NONE",
                   t->type_text, matrix[row].allowed_text);
    else if (t->auth_type == ACL_AUTH_JWT_PASSTHROUGH)
        acl_report(c, ACL_ERROR, &t->node, member,
                   "%s (%s) uses JWT_PASSTHROUGH outbound auth, which is only "
                   "valid for passthrough targets (%s targets allow %s)",
                   label, t->type_text, t->type_text, matrix[row].allowed_text);
    else
        acl_report(c, ACL_ERROR, &t->node, member,
                   "%s (%s) uses %s outbound auth, which %s targets do not "
                   "support (they allow %s)",
                   label, t->type_text, t->auth_type_text, t->type_text,
                   matrix[row].allowed_text);
}

static void
check_target(struct acl_check *c, const struct acl_target *t)
{
    long row = matrix_row(t->type);
    char *label;

    if (skipped(t))
        return;
    label = acl_target_label(t);
    if (t->type == ACL_TT_LAMBDA_ARN && t->has_outbound_auth)
        acl_report(c, ACL_ERROR, &t->node, "outboundAuth",
                   "%s (lambdaFunctionArn) has outboundAuth, which this target "
                   "type does not take in any form: the gateway invokes the "
                   "function with its own IAM role",
                   label);
    else if (row >= 0 && !(matrix[row].allowed & BIT(t->auth_type)))
        report_type(c, t, label, (size_t)row);
    else if (t->type == ACL_TT_PASSTHROUGH &&
             t->auth_type == ACL_AUTH_GATEWAY_IAM_ROLE &&
             acl_json_path(t->node.json, "outboundAuth/service") == NULL)
        acl_report(c, ACL_ERROR, &t->node, "outboundAuth/type",
                   "%s (passthrough) uses GATEWAY_IAM_ROLE outbound auth "
                   "without \"service\": the gateway cannot sign requests "
                   "(SigV4) without the name of the service to sign for",
                   label);
    else if ((t->auth_type == ACL_AUTH_OAUTH ||
              t->auth_type == ACL_AUTH_API_KEY) &&
             acl_json_path(t->node.json, "outboundAuth/credentialName") == NULL)
        acl_report(c, ACL_ERROR, &t->node, "outboundAuth/type",
                   "%s uses %s outbound auth without a credentialName, "
                   "so the gateway has no credential to send",
                   label, t->auth_type_text);
    else if (t->auth_type == ACL_AUTH_NONE && t->credential_name != NULL)
        acl_report(c, ACL_NOTE, &t->node, "outboundAuth/credentialName",
                   "%s names credential \"%s\" under outbound auth NONE%s: "
                   "the gateway sends no credential, so the name has no "
                   "effect",
                   label, t->credential_name,
                   t->auth_type_text ? "" : " (no type means NONE)");
    free(label);
}

static void
check(struct acl_check *c)
{
    acl_each_target(c, check_target);
}

const struct acl_rule acl_rule_unsupported_outbound_auth = {
    .id = "AC007",
    .name = "unsupported-outbound-auth",
    .level = ACL_ERROR,
    .summary = "outbound auth the target type does not support",
    .description =
        "Each gateway target type supports only some kinds of outbound "
        "auth (how the gateway authenticates to the tool). openApiSchema "
        "takes OAUTH or API_KEY; passthrough requires GATEWAY_IAM_ROLE "
        "(with a \"service\" to sign for), OAUTH or JWT_PASSTHROUGH; "
        "mcpServer, lambda and httpRuntime take OAUTH or none; apiGateway "
        "takes API_KEY or none; smithyModel and connector targets use the "
        "gateway's IAM role and take none; lambdaFunctionArn takes no "
        "outboundAuth member at all. JWT_PASSTHROUGH is only for "
        "passthrough targets, and OAUTH and API_KEY need a credentialName. "
        "The CLI rejects every other combination, so the project cannot "
        "be deployed as written. GATEWAY_IAM_ROLE on an mcpServer target "
        "is a limit of the CLI, not of the service: the AgentCore API "
        "supports IAM (SigV4) for MCP servers hosted on AgentCore Runtime, "
        "Gateway, API Gateway or Lambda function URLs, but CLI 0.30.0 "
        "cannot write it, so such a target is configured with the SDK or "
        "the console. A credentialName under type NONE (or no type) is "
        "noted: nothing is sent, so the name has no effect.",
    .help = "use an outbound auth type the target type supports (see "
            "`agentcore-lint --explain AC007`), or remove \"outboundAuth\"; "
            "give OAUTH and API_KEY a \"credentialName\"",
    .example =
        "Fails:  { \"name\": \"pets\", \"targetType\": \"apiGateway\", ...,\n"
        "          \"outboundAuth\": { \"type\": \"OAUTH\", "
        "\"credentialName\": \"pets-oauth\" } }\n"
        "Passes: { \"name\": \"pets\", \"targetType\": \"apiGateway\", ...,\n"
        "          \"outboundAuth\": { \"type\": \"API_KEY\", "
        "\"credentialName\": \"pets-key\" } }",
    .precision = "very-high",
    .check = check,
};
