/*
 * AC018 env-var-name-collision - two resources that the CLI gives the
 * same environment variable.
 *
 * Flags: two gateways with different names that map to the same
 * AGENTCORE_GATEWAY_<NAME>_URL, and two credentials with different names
 * that map to the same AGENTCORE_CREDENTIAL_<NAME>, where NAME is the
 * name upper-cased with every '-' replaced by '_' (open-gw and OPEN-GW,
 * my-gw and my_gw). Reported at the later resource, once per resource.
 * Does not flag: a gateway and a credential with similar names (their
 * variables differ); two resources with the very same name (AC020
 * reports the duplicate).
 */
#include <stdlib.h>
#include <string.h>

#include "acl/rule.h"

/* The CLI's variable name part: upper case, '-' becomes '_'. New
 * string. */
static char *
var_part(const char *name)
{
    char *s = acl_xstrdup(name), *q;

    for (q = s; *q != '\0'; q++)
        *q = *q == '-' ? '_'
             : (*q >= 'a' && *q <= 'z') ? (char)(*q - 'a' + 'A') : *q;
    return s;
}

/* One resource: its name, where to report, and its variable part. */
struct named {
    const char *name;
    const struct acl_node *node;
    char *var;
    size_t index;
};

static int
by_var(const void *a, const void *b)
{
    const struct named *x = a, *y = b;
    int r = strcmp(x->var, y->var);

    return r != 0 ? r : (x->index > y->index) - (x->index < y->index);
}

static void
report(struct acl_check *c, const struct named *first,
       const struct named *later, const char *kind, const char *prefix,
       const char *suffix)
{
    acl_report(c, ACL_ERROR, later->node, "name",
               "%ss \"%s\" and \"%s\" both map to the environment variable "
               "%s%s%s: agent code can reach only one of them",
               kind, first->name, later->name, prefix, later->var, suffix);
}

/* Sorting by variable (then position) puts each collision group
 * together, so the check stays O(n log n) on huge inputs. */
static void
check_list(struct acl_check *c, struct named *items, size_t n,
           const char *kind, const char *prefix, const char *suffix)
{
    size_t i = 0, j;

    qsort(items, n, sizeof *items, by_var);
    while (i < n) {
        const struct named *other = NULL; /* first name unlike items[i] */

        for (j = i + 1; j < n && strcmp(items[j].var, items[i].var) == 0;
             j++) {
            if (strcmp(items[j].name, items[i].name) != 0) {
                report(c, &items[i], &items[j], kind, prefix, suffix);
                if (other == NULL)
                    other = &items[j];
            } else if (other != NULL) {
                report(c, other, &items[j], kind, prefix, suffix);
            }
        }
        i = j;
    }
    for (i = 0; i < n; i++)
        free(items[i].var);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, n = p->ngateways > p->ncredentials ? p->ngateways
                                                 : p->ncredentials;
    struct named *items = acl_xcalloc(n + 1, sizeof *items);

    size_t m = 0;

    for (i = 0; i < p->ngateways; i++)
        if (p->gateways[i].name != NULL)
            items[m++] = (struct named){p->gateways[i].name,
                                        &p->gateways[i].node,
                                        var_part(p->gateways[i].name), i};
    check_list(c, items, m, "gateway", "AGENTCORE_GATEWAY_", "_URL");
    m = 0;
    for (i = 0; i < p->ncredentials; i++)
        if (p->credentials[i].name != NULL)
            items[m++] = (struct named){p->credentials[i].name,
                                        &p->credentials[i].node,
                                        var_part(p->credentials[i].name), i};
    check_list(c, items, m, "credential", "AGENTCORE_CREDENTIAL_", "");
    free(items);
}

const struct acl_rule acl_rule_env_var_name_collision = {
    .id = "AC018",
    .name = "env-var-name-collision",
    .level = ACL_ERROR,
    .summary = "two gateways or two credentials get the same environment "
               "variable",
    .description =
        "The CLI hands each gateway's URL to agent code as "
        "AGENTCORE_GATEWAY_<NAME>_URL and each credential as "
        "AGENTCORE_CREDENTIAL_<NAME>, where NAME is the resource name "
        "upper-cased with '-' replaced by '_'. Its duplicate-name check is "
        "case-sensitive and treats '-' and '_' as different, so "
        "\"open-gw\" and \"OPEN-GW\", or \"my-gw\" and \"my_gw\", pass "
        "validation and then share one variable: one of the two resources "
        "is silently unreachable from agent code, and which one wins is not "
        "defined.",
    .help = "rename one of the two resources so that their names differ in "
            "more than case and '-' versus '_'",
    .example = "Fails:  \"agentCoreGateways\": [{ \"name\": \"open-gw\", ... "
               "}, { \"name\": \"OPEN-GW\", ... }]\n"
               "Passes: \"agentCoreGateways\": [{ \"name\": \"open-gw\", ... "
               "}, { \"name\": \"partner-gw\", ... }]",
    .precision = "very-high",
    .check = check,
};
