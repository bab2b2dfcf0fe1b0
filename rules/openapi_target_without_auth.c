/*
 * AC006 openapi-target-without-auth - an OpenAPI target that would call
 * its API with no credentials.
 *
 * Flags: a target (of a gateway or in unassignedTargets) with targetType
 * "openApiSchema" whose outboundAuth is absent, or whose type is absent
 * or "NONE". The gateway needs OAUTH or API_KEY outbound auth to call an
 * OpenAPI target, and the CLI refuses to deploy without it.
 * Does not flag: other auth types on OpenAPI targets (GATEWAY_IAM_ROLE,
 * JWT_PASSTHROUGH: AC007), a missing credentialName (AC007), an unknown
 * type value (AC020).
 */
#include <stdlib.h>

#include "acl/lookup.h"
#include "acl/rule.h"

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, n = acl_targets_count(p);

    for (i = 0; i < n; i++) {
        const struct acl_target *t = acl_targets_at(p, i);
        json_t *auth = json_object_get(t->node.json, "outboundAuth");
        json_t *type = json_object_get(auth, "type");
        char *label;

        /* A wrongly typed outboundAuth or type is AC020's. */
        if (t->type != ACL_TT_OPENAPI || t->auth_type != ACL_AUTH_NONE ||
            (auth != NULL && !json_is_object(auth)) ||
            (type != NULL && !json_is_string(type)))
            continue;
        label = acl_target_label(t);
        acl_report(c, ACL_ERROR, &t->node,
                   type != NULL ? "outboundAuth/type" : "outboundAuth",
                   "%s is an openApiSchema target without outbound auth "
                   "(%s): the gateway cannot call its API",
                   label,
                   auth == NULL   ? "outboundAuth is absent"
                   : type == NULL ? "outboundAuth has no type, so it is NONE"
                                  : "outboundAuth.type is \"NONE\"");
        free(label);
    }
}

const struct acl_rule acl_rule_openapi_target_without_auth = {
    .id = "AC006",
    .name = "openapi-target-without-auth",
    .level = ACL_ERROR,
    .summary = "an OpenAPI target has no outbound auth",
    .description =
        "An openApiSchema target describes an HTTP API that the gateway "
        "calls on the agent's behalf. AgentCore requires outbound auth for "
        "such targets: OAUTH (the gateway fetches a token with a "
        "registered OAuth credential) or API_KEY (it sends a registered "
        "key). With no outboundAuth, or with type NONE, the CLI rejects "
        "the project (\"openApiSchema targets require outbound auth\") "
        "and the target's tools cannot work.",
    .help = "set \"outboundAuth\" to {\"type\": \"OAUTH\" or \"API_KEY\", "
            "\"credentialName\": ...} naming a credential registered with "
            "`agentcore add credential`",
    .example =
        "Fails:  { \"name\": \"orders\", \"targetType\": \"openApiSchema\",\n"
        "          \"schemaSource\": { \"inline\": { \"path\": "
        "\"schemas/orders.json\" } } }\n"
        "Passes: { \"name\": \"orders\", \"targetType\": \"openApiSchema\",\n"
        "          \"schemaSource\": { \"inline\": { \"path\": "
        "\"schemas/orders.json\" } },\n"
        "          \"outboundAuth\": { \"type\": \"API_KEY\", "
        "\"credentialName\": \"orders-key\" } }",
    .precision = "very-high",
    .check = check,
};
