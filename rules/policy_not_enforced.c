/*
 * AC013 policy-not-enforced - Cedar policies that only log in
 * production.
 *
 * Flags, in the production context only:
 * - a gateway whose policyEngineConfiguration.mode is "LOG_ONLY": its
 *   engine's decisions are logged, never applied;
 * - a policy with "enforcementMode": "LOG_ONLY" in an engine that some
 *   gateway attaches (reported once per policy).
 * Does not flag: anything outside the production context; policies of
 * engines no gateway attaches; engines that do not exist (AC009).
 */
#include <stdlib.h>
#include <string.h>

#include "acl/lookup.h"
#include "acl/rule.h"

static int
log_only(const char *mode)
{
    return mode != NULL && strcmp(mode, "LOG_ONLY") == 0;
}

/* For each engine (by index), the first gateway that attaches it, or
 * NULL. One pass over the gateways. The caller frees the array. */
static const struct acl_gateway **
attached_by(const struct acl_project *p)
{
    const struct acl_gateway **by =
        acl_xcalloc(p->model.nengines + 1, sizeof *by);
    size_t i;

    for (i = 0; i < p->model.ngateways; i++) {
        const struct acl_policy_engine *e =
            acl_find_engine_n(p, p->model.gateways[i].policy_engine_name,
                              p->model.gateways[i].policy_engine_name_len);

        if (e != NULL && by[e - p->model.engines] == NULL)
            by[e - p->model.engines] = &p->model.gateways[i];
    }
    return by;
}

static void
check_policies(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    const struct acl_gateway **by = attached_by(p);
    size_t i, k;

    for (i = 0; i < p->model.nengines; i++) {
        const struct acl_policy_engine *e = &p->model.engines[i];
        const struct acl_gateway *g = by[i];

        for (k = 0; g != NULL && k < e->npolicies; k++) {
            const struct acl_policy *pol = &e->policies[k];
            struct acl_finding *f;

            if (!log_only(pol->enforcement_mode))
                continue;
            f = acl_report(c, ACL_WARNING, &pol->node, "enforcementMode",
                           "policy \"%s\" of policy engine \"%s\" (attached to "
                           "gateway \"%s\") is LOG_ONLY: its decisions are "
                           "logged, not applied, and %s",
                           pol->name ? pol->name : "", e->name ? e->name : "",
                           g->name ? g->name : "", acl_prod_reason(c));
            acl_fix_drop(f, ACL_SUGGESTION, &pol->node, "enforcementMode",
                         "remove \"enforcementMode\": \"LOG_ONLY\" (the "
                         "default is ACTIVE)");
        }
    }
    free(by);
}

static void
check_gateway(struct acl_check *c, const struct acl_gateway *g)
{
    struct acl_finding *f;

    if (!g->has_policy_engine || !log_only(g->policy_mode))
        return;
    f = acl_report(c, ACL_WARNING, &g->node, "policyEngineConfiguration/mode",
                   "gateway \"%s\" runs policy engine \"%s\" in LOG_ONLY "
                   "mode: tool calls its policies would refuse still go "
                   "through, and %s",
                   g->name ? g->name : "",
                   g->policy_engine_name ? g->policy_engine_name : "",
                   acl_prod_reason(c));
    acl_fix_set(f, ACL_SUGGESTION, &g->node, "policyEngineConfiguration/mode",
                "\"ENFORCE\"",
                "set policyEngineConfiguration.mode to \"ENFORCE\"");
}

static void
check(struct acl_check *c)
{
    if (!c->project->model.production.on)
        return;
    acl_each_gateway(c, check_gateway);
    check_policies(c);
}

const struct acl_rule acl_rule_policy_not_enforced = {
    .id = "AC013",
    .name = "policy-not-enforced",
    .level = ACL_WARNING,
    .flags = ACL_RULE_SECURITY,
    .summary = "a production gateway's Cedar policies are only logged",
    .description =
        "A policy engine attached in LOG_ONLY mode, or a policy whose "
        "enforcementMode is LOG_ONLY, only records what it would have "
        "decided: every tool call the policies are meant to refuse still "
        "reaches the tool. LOG_ONLY is the way to try new policies; in "
        "production it leaves the gateway without the access control the "
        "project appears to have. The rule runs only when the project is "
        "linted for production (see --production and --target).",
    .help = "set the gateway's policyEngineConfiguration.mode to \"ENFORCE\" "
            "and remove \"enforcementMode\": \"LOG_ONLY\" (the default is "
            "ACTIVE) once the policies are tested",
    .example = "Fails (production):  \"policyEngineConfiguration\": { "
               "\"policyEngineName\": \"ToolRules\", \"mode\": \"LOG_ONLY\" "
               "}\n"
               "Passes:              \"policyEngineConfiguration\": { "
               "\"policyEngineName\": \"ToolRules\", \"mode\": \"ENFORCE\" }",
    .precision = "very-high",
    .security_severity = "5.0",
    .check = check,
};
