/*
 * AC001 gateway-no-inbound-auth - a gateway anyone can call.
 *
 * Flags: a gateway whose authorizerType is "NONE", or absent (the schema
 * default is NONE). Error in the production context, warning outside it.
 * Does not flag: AWS_IAM or CUSTOM_JWT gateways, whatever their
 * configuration (AC020 checks a CUSTOM_JWT gateway has its authorizer);
 * a wrongly typed authorizerType (AC020).
 */
#include <string.h>

#include "acl/rule.h"

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    enum acl_level level = acl_prod_level(c);
    size_t i;

    for (i = 0; i < p->model.ngateways; i++) {
        const struct acl_gateway *g = &p->model.gateways[i];
        const char *why = p->model.production.on ? acl_prod_reason(c) : NULL;
        json_t *auth = json_object_get(g->node.json, "authorizerType");
        struct acl_finding *f;

        if (auth != NULL && (g->authorizer_type == NULL ||
                             strcmp(g->authorizer_type, "NONE") != 0))
            continue;
        f = acl_report(
            c, level, &g->node, "authorizerType",
            "gateway \"%s\" has no inbound authentication%s%s%s",
            g->name ? g->name : "",
            auth == NULL ? " (authorizerType is absent, so it defaults to NONE)"
                         : "",
            why ? " and " : "", why ? why : "");
        /* Callers must then sign their requests: it changes behaviour. */
        acl_fix_set(f, ACL_SUGGESTION, &g->node, "authorizerType",
                    "\"AWS_IAM\"", "set \"authorizerType\" to \"AWS_IAM\"");
    }
}

const struct acl_rule acl_rule_gateway_no_inbound_auth = {
    .id = "AC001",
    .name = "gateway-no-inbound-auth",
    .level = ACL_ERROR,
    .flags = ACL_RULE_SECURITY | ACL_RULE_PROD_LEVEL,
    .summary = "a gateway has no inbound authentication",
    .description =
        "A gateway with authorizerType NONE (the default when the member "
        "is absent) lets anyone who knows its URL list and call every "
        "tool behind it, with the gateway's own credentials to those "
        "tools. The no-auth form is meant for local testing only. This "
        "is an error when the project is linted for production (see "
        "--production and --target) and a warning otherwise.",
    .help = "set \"authorizerType\" to \"CUSTOM_JWT\" (with a discovery URL "
            "and allowed audience or clients) or \"AWS_IAM\"",
    .example = "Fails:  { \"name\": \"tools-gw\", \"authorizerType\": "
               "\"NONE\", \"targets\": [] }\n"
               "Passes: { \"name\": \"tools-gw\", \"authorizerType\": "
               "\"AWS_IAM\", \"targets\": [] }",
    .precision = "very-high",
    .security_severity = "8.0",
    .check = check,
};
