/*
 * AC002 mcp-server-api-key - API-key outbound auth on an MCP server
 * target, which the AgentCore API does not support at all.
 *
 * Flags: a target (in a gateway or in unassignedTargets) whose
 * targetType is "mcpServer" and whose outboundAuth.type is "API_KEY"
 * (reported at the type), or whose outboundAuth.credentialName names an
 * ApiKeyCredentialProvider credential under a type that sends one, such
 * as OAUTH (reported at the credentialName). One finding per target:
 * the type when both hold.
 * Also flags: an mcpServer endpoint with a key in its query string
 * (secret.h, acl_secret_url_query), reported at the endpoint; AC014
 * leaves that string alone.
 * Does not flag: type NONE, or no type (NONE is the default), with an
 * API-key credentialName: nothing is sent, so no key is used (AC007
 * notes the name has no effect); API keys on other target types
 * (openApiSchema and apiGateway targets accept them; AC007 covers the
 * rest); a credentialName that names no credential (AC009) or an OAuth
 * one.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/lookup.h"
#include "acl/rule.h"
#include "acl/secret.h"

/* The credential t names, when it is an API-key credential. */
static const struct acl_credential *
api_key_credential(const struct acl_project *p, const struct acl_target *t)
{
    const struct acl_credential *cr =
        acl_find_credential_n(p, t->credential_name, t->credential_name_len);

    return cr != NULL && cr->kind == ACL_CRED_API_KEY ? cr : NULL;
}

static void
check_target(struct acl_check *c, const struct acl_target *t)
{
    const struct acl_credential *cred;
    char *what;

    if (t->type != ACL_TT_MCP_SERVER)
        return;
    /* Under NONE (explicit or the default) the gateway sends nothing,
     * so the credential's kind does not matter. */
    cred = t->auth_type != ACL_AUTH_NONE ? api_key_credential(c->project, t)
                                         : NULL;
    if (t->auth_type != ACL_AUTH_API_KEY && cred == NULL)
        return;
    what = acl_target_label_as(t, "mcpServer");
    if (t->auth_type == ACL_AUTH_API_KEY)
        acl_report(c, ACL_ERROR, &t->node, "outboundAuth/type",
                   "%s uses API_KEY outbound auth, which AgentCore does not "
                   "support for MCP server targets",
                   what);
    else
        acl_report(c, ACL_ERROR, &t->node, "outboundAuth/credentialName",
                   "%s authenticates with API-key credential \"%s\", but "
                   "AgentCore supports no API-key auth for MCP server "
                   "targets",
                   what, cred->name);
    free(what);
}

/* The length of "api_key=" before the value that starts at at. */
static size_t
param_len(const char *s, size_t at)
{
    size_t i = at;

    while (i > 0 && s[i - 1] != '?' && s[i - 1] != '&')
        i--;
    return at - i;
}

/* A key in the endpoint's query string ("?api_key=...", "?token=")
 * is API-key auth by another name, and the key sits in plain text in
 * the project: reported here at the endpoint (AC014 leaves it). */
static void
check_endpoint_key(struct acl_check *c, const struct acl_target *t)
{
    json_t *ep = json_object_get(t->node.json, "endpoint");
    struct acl_secret_match m;
    struct acl_finding *f;
    char *what, preview[32];

    if (t->type != ACL_TT_MCP_SERVER || !json_is_string(ep) ||
        !acl_secret_url_query(json_string_value(ep), json_string_length(ep),
                              &m))
        return;
    what = acl_target_label_as(t, "mcpServer");
    acl_secret_preview(json_string_value(ep) + m.start, m.end - m.start,
                       preview);
    f = acl_report(c, ACL_ERROR, &t->node, "endpoint",
                   "%s passes a key in its endpoint's query string "
                   "(%.*s%s): AgentCore supports no API-key auth for MCP "
                   "server targets, and the key is in plain text in the "
                   "project",
                   what, (int)param_len(json_string_value(ep), m.start),
                   json_string_value(ep) + m.start -
                       param_len(json_string_value(ep), m.start),
                   preview);
    f->secret = 1;
    free(what);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, j;

    for (i = 0; i < p->model.ngateways; i++) {
        for (j = 0; j < p->model.gateways[i].ntargets; j++) {
            check_target(c, &p->model.gateways[i].targets[j]);
            check_endpoint_key(c, &p->model.gateways[i].targets[j]);
        }
    }
    for (i = 0; i < p->model.nunassigned; i++) {
        check_target(c, &p->model.unassigned[i]);
        check_endpoint_key(c, &p->model.unassigned[i]);
    }
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
        "ApiKeyCredentialProvider credential under a type that sends a "
        "credential. Type NONE (or no type, which means NONE) with an "
        "API-key credentialName sends nothing and is not reported here "
        "(AC007 notes that the name has no effect). IAM (GATEWAY_IAM_ROLE, "
        "SigV4) is an option for servers hosted on AgentCore Runtime, "
        "AgentCore Gateway, API Gateway or a Lambda function URL: the "
        "AgentCore API supports it for MCP server targets, but the CLI "
        "0.30.0 cannot write it (its schema allows only OAUTH and NONE "
        "there, see AC007), so such a target is configured with the SDK or "
        "the console, outside agentcore.json. An endpoint that carries a key in "
        "its query string (?api_key=, ?token=, ?exaApiKey= with a "
        "real-looking value; placeholders such as ${EXA_API_KEY} are not "
        "reported) is API-key auth by another name, with the key in plain "
        "text: it is reported at the endpoint.",
    .help = "use OAuth (2LO with the CLI, 3LO with the SDK); or, for a "
            "server hosted on AgentCore Runtime, AgentCore Gateway, API "
            "Gateway or a Lambda function URL, IAM - which the API supports "
            "but CLI 0.30.0 cannot write, so create that target with the "
            "SDK or the console; or call the server from agent code with a "
            "registered credential (@requires_api_key) instead of through "
            "the gateway",
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
    .init = acl_secret_init,
    .fini = acl_secret_fini,
    .check = check,
};
