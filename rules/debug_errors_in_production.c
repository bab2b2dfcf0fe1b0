/*
 * AC012 debug-errors-in-production - a production gateway that returns
 * detailed errors to every caller.
 *
 * Flags: in the production context only, a gateway with
 * "exceptionLevel": "DEBUG".
 * Does not flag: anything outside the production context (DEBUG is
 * useful while developing); NONE or an absent exceptionLevel; values the
 * schema rejects (AC020).
 */
#include <string.h>

#include "acl/lookup.h"
#include "acl/rule.h"

static void
check_gateway(struct acl_check *c, const struct acl_gateway *g)
{
    struct acl_finding *f;

    if (g->exception_level == NULL || strcmp(g->exception_level, "DEBUG") != 0)
        return;
    f = acl_report(c, ACL_WARNING, &g->node, "exceptionLevel",
                   "gateway \"%s\" returns DEBUG-level error details to "
                   "every caller, and %s",
                   g->name ? g->name : "", acl_prod_reason(c));
    acl_fix_drop(f, ACL_FIX, &g->node, "exceptionLevel",
                 "remove \"exceptionLevel\": \"DEBUG\" (the default is "
                 "NONE)");
}

static void
check(struct acl_check *c)
{
    if (c->project->model.production.on)
        acl_each_gateway(c, check_gateway);
}

const struct acl_rule acl_rule_debug_errors_in_production = {
    .id = "AC012",
    .name = "debug-errors-in-production",
    .level = ACL_WARNING,
    .flags = ACL_RULE_SECURITY,
    .summary = "a production gateway returns debug error details",
    .description =
        "With \"exceptionLevel\": \"DEBUG\" a gateway puts detailed error "
        "messages from its targets (stack traces, upstream responses, "
        "internal host names) into the responses every caller receives. "
        "That helps while developing and leaks internals in production. "
        "The rule runs only when the project is linted for production "
        "(see --production and --target).",
    .help = "remove \"exceptionLevel\" or set it to \"NONE\" for production "
            "deployments",
    .example = "Fails (production):  { \"name\": \"tools-gw\", ..., "
               "\"exceptionLevel\": \"DEBUG\" }\n"
               "Passes:              { \"name\": \"tools-gw\", ..., "
               "\"exceptionLevel\": \"NONE\" }",
    .precision = "very-high",
    .security_severity = "4.0",
    .check = check,
};
