/*
 * AC026 jwt-gateway-without-audience - a production gateway that takes
 * any token its identity provider issues.
 *
 * Flags, in the production context only: a gateway with authorizerType
 * "CUSTOM_JWT" whose customJwtAuthorizer has neither a non-empty
 * allowedAudience nor a non-empty allowedClients. The gateway then checks
 * only the token's signature and issuer (and scopes or claims, if set),
 * so a token issued by the same provider to any other application of the
 * tenant gets in.
 * Does not flag: outside production; gateways without CUSTOM_JWT (AC001
 * for NONE); a CUSTOM_JWT gateway without an authorizer at all, or lists
 * of the wrong type (AC020); runtimes and harnesses.
 */
#include <string.h>

#include "acl/rule.h"

#define JWT "authorizerConfiguration/customJwtAuthorizer"

static int
has_items(json_t *jwt, const char *member)
{
    json_t *v = json_object_get(jwt, member);

    return json_is_array(v) && json_array_size(v) > 0;
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;

    if (!p->model.production.on)
        return;
    for (i = 0; i < p->model.ngateways; i++) {
        const struct acl_gateway *g = &p->model.gateways[i];
        json_t *jwt = acl_json_path(g->node.json, JWT);

        if (g->authorizer_type == NULL ||
            strcmp(g->authorizer_type, "CUSTOM_JWT") != 0 ||
            !json_is_object(jwt) || has_items(jwt, "allowedAudience") ||
            has_items(jwt, "allowedClients"))
            continue;
        acl_report(c, ACL_WARNING, &g->node, "authorizerType",
                   "gateway \"%s\" accepts any token of its identity "
                   "provider: its customJwtAuthorizer has neither "
                   "allowedAudience nor allowedClients, and %s",
                   g->name ? g->name : "", acl_prod_reason(c));
    }
}

const struct acl_rule acl_rule_jwt_gateway_without_audience = {
    .id = "AC026",
    .name = "jwt-gateway-without-audience",
    .level = ACL_WARNING,
    .flags = ACL_RULE_SECURITY,
    .summary = "a production CUSTOM_JWT gateway allows no audience or "
               "client list",
    .description =
        "A CUSTOM_JWT gateway verifies the signature and issuer of each "
        "bearer token through its discovery URL. Without allowedAudience "
        "or allowedClients it does not check whom the token was issued "
        "for, so a token that the same identity provider issued to any "
        "other application - another team's app in a shared Cognito pool, "
        "Entra ID or Okta tenant - can list and call every tool. The "
        "schema accepts such an authorizer when it has allowedScopes or "
        "customClaims instead; scopes and claims narrow what a token may "
        "do, not which client it belongs to. Reported in the production "
        "context only (see --production and --target); runtimes and "
        "harnesses are not checked.",
    .help = "add \"allowedClients\" (the app client IDs that may call the "
            "gateway) or \"allowedAudience\" (the audience your tokens "
            "carry) to authorizerConfiguration.customJwtAuthorizer",
    .example = "Fails:  \"customJwtAuthorizer\": { \"discoveryUrl\": "
               "\"https://idp.example.com/.well-known/openid-configuration\", "
               "\"allowedScopes\": [\"tools/invoke\"] }\n"
               "Passes: \"customJwtAuthorizer\": { \"discoveryUrl\": "
               "\"https://idp.example.com/.well-known/openid-configuration\", "
               "\"allowedClients\": [\"7d2f0c1example\"] }",
    .precision = "high",
    .security_severity = "5.0",
    .check = check,
};
