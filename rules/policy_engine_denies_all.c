/*
 * AC022 policy-engine-denies-all - an enforced policy engine that can
 * only say no.
 *
 * Flags: a gateway whose policyEngineConfiguration.mode is "ENFORCE"
 * and whose engine (found by policyEngineName) has no policy with a
 * permit statement: no policies at all, or only forbid statements.
 * Cedar denies whatever no policy permits, so every tool call through
 * the gateway is refused.
 * Does not flag: LOG_ONLY engines (nothing is refused; AC013 covers them
 * in production); engines that do not exist (AC009). A permit statement
 * counts whatever its conditions, and in any policy, LOG_ONLY ones
 * included: the rule looks only for an engine that cannot permit
 * anything.
 */
#include <string.h>

#include "acl/cedar.h"
#include "acl/lookup.h"
#include "acl/rule.h"

static int
engine_permits(const struct acl_policy_engine *e)
{
    size_t i;

    for (i = 0; i < e->npolicies; i++)
        if (e->policies[i].statement != NULL &&
            acl_cedar_has_permit(e->policies[i].statement,
                                 strlen(e->policies[i].statement)))
            return 1;
    return 0;
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;

    for (i = 0; i < p->model.ngateways; i++) {
        const struct acl_gateway *g = &p->model.gateways[i];
        const struct acl_policy_engine *e;

        if (!g->has_policy_engine || g->policy_mode == NULL ||
            strcmp(g->policy_mode, "ENFORCE") != 0)
            continue;
        e = acl_find_engine_n(p, g->policy_engine_name,
                              g->policy_engine_name_len);
        if (e == NULL || engine_permits(e))
            continue;
        acl_report(c, ACL_WARNING, &g->node, "policyEngineConfiguration/mode",
                   "gateway \"%s\" enforces policy engine \"%s\", which %s: "
                   "Cedar denies what no policy permits, so every tool call "
                   "through the gateway is refused",
                   g->name ? g->name : "", e->name ? e->name : "",
                   e->npolicies == 0 ? "has no policies"
                                     : "has no permit statement");
    }
}

const struct acl_rule acl_rule_policy_engine_denies_all = {
    .id = "AC022",
    .name = "policy-engine-denies-all",
    .level = ACL_WARNING,
    .summary = "an enforced policy engine permits nothing",
    .description =
        "A gateway that attaches a policy engine in ENFORCE mode lets a "
        "tool call through only when some Cedar policy permits it: Cedar "
        "denies by default, and forbid statements can only take "
        "permissions away. An engine with no policies, or with forbid "
        "statements only, therefore refuses every call, and the agent "
        "sees a gateway whose tools all fail.",
    .help = "add a policy with a permit statement for the calls the agent "
            "should make (and keep forbid statements for the exceptions), "
            "or attach the engine in LOG_ONLY mode while the policies are "
            "written",
    .example =
        "Fails:  \"policies\": [{ \"name\": \"NoDeletes\", \"statement\": "
        "\"forbid(principal, action, resource) when { ... };\" }]\n"
        "Passes: \"policies\": [{ \"name\": \"AllowReads\", \"statement\": "
        "\"permit(principal, action, resource) when { ... };\" },\n"
        "                     { \"name\": \"NoDeletes\", \"statement\": "
        "\"forbid(principal, action, resource) when { ... };\" }]",
    .precision = "high",
    .check = check,
};
