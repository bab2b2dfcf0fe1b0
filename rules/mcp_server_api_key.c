/*
 * AC002 mcp-server-api-key - API-key outbound auth on an MCP server
 * target, which the AgentCore API does not support at all.
 *
 * Flags: a target (in a gateway or in unassignedTargets) whose
 * targetType is "mcpServer" and whose outboundAuth.type is "API_KEY"
 * (reported at the type), or whose outboundAuth.credentialName names an
 * ApiKeyCredentialProvider credential whatever the type says (reported
 * at the credentialName). One finding per target: the type when both
 * hold.
 * Does not flag: API keys on other target types (openApiSchema and
 * apiGateway targets accept them; AC007 covers the rest); a
 * credentialName that names no credential (AC009) or an OAuth one.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/lookup.h"
#include "acl/rule.h"

/* The credential t names, when it is an API-key credential. */
static const struct acl_credential *
api_key_credential(const struct acl_project *p, const struct acl_target *t)
{
    const struct acl_credential *cr =
        acl_find_credential_n(p, t->credential_name, t->credential_name_len);

    return cr != NULL && cr->kind == ACL_CRED_API_KEY ? cr : NULL;
}

/* "target "t" of gateway "g"" or "unassigned target "t"". */
static char *
target_phrase(const struct acl_target *t)
{
    const char *name = t->name ? t->name : "";

    if (t->gateway != NULL && t->gateway->name != NULL)
        return acl_xasprintf("mcpServer target \"%s\" of gateway \"%s\"",
                             name, t->gateway->name);
    return acl_xasprintf("unassigned mcpServer target \"%s\"", name);
}

static void
check_target(struct acl_check *c, const struct acl_target *t)
{
    const struct acl_credential *cred;
    char *what;

    if (t->type != ACL_TT_MCP_SERVER)
        return;
    cred = api_key_credential(c->project, t);
    if (t->auth_type != ACL_AUTH_API_KEY && cred == NULL)
        return;
    what = target_phrase(t);
    if (t->auth_type == ACL_AUTH_API_KEY)
        acl_report(c, ACL_ERROR, &t->node, "outboundAuth/type",
                   "%s uses API_KEY outbound auth, which AgentCore does not "
                   "support for MCP server targets", what);
    else
        acl_report(c, ACL_ERROR, &t->node, "outboundAuth/credentialName",
                   "%s authenticates with API-key credential \"%s\", but "
                   "AgentCore supports no API-key auth for MCP server "
                   "targets", what, cred->name);
    free(what);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, j;

    for (i = 0; i < p->ngateways; i++)
        for (j = 0; j < p->gateways[i].ntargets; j++)
            check_target(c, &p->gateways[i].targets[j]);
    for (i = 0; i < p->nunassigned; i++)
        check_target(c, &p->unassigned[i]);
}

const struct acl_rule acl_rule_mcp_server_api_key = {
    .id = "AC002",
    .name = "mcp-server-api-key",
    .level = ACL_ERROR,
    .flags = ACL_RULE_SECURITY,
    .summary = "an MCP server target uses API-key outbound auth",
    .description =
        "The AgentCore API supports only no auth, OAuth and IAM for MCP "
        "server targets; API-key auth is not a CLI gap but absent from the "
        "service, so such a target cannot work as configured. The usual "
        "workarounds are worse: the key ends up in an environment "
        "variable, in code or in a header the gateway never sends. This "
        "rule reports an mcpServer target whose outboundAuth.type is "
        "API_KEY, or whose outboundAuth.credentialName names an "
        "ApiKeyCredentialProvider credential.",
    .help = "use OAuth (2LO with the CLI, 3LO with the SDK), or IAM "
            "(GATEWAY_IAM_ROLE) when the server is hosted on AgentCore "
            "Runtime, AgentCore Gateway, API Gateway or a Lambda function "
            "URL; or call the server from agent code with a registered "
            "credential (@requires_api_key) instead of through the gateway",
    .example = "Fails:  { \"name\": \"keyed\", \"targetType\": \"mcpServer\", "
               "\"endpoint\": \"https://mcp.example.com/mcp\", "
               "\"outboundAuth\": { \"type\": \"API_KEY\", "
               "\"credentialName\": \"mcp-api-key\" } }\n"
               "Passes: { \"name\": \"keyed\", \"targetType\": \"mcpServer\", "
               "\"endpoint\": \"https://mcp.example.com/mcp\", "
               "\"outboundAuth\": { \"type\": \"OAUTH\", "
               "\"credentialName\": \"mcp-oauth\" } }",
    .precision = "very-high",
    .security_severity = "5.0",
    .check = check,
};
