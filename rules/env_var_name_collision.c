/*
 * AC018 env-var-name-collision - two resources that the CLI gives the
 * same environment variable.
 *
 * Flags: two gateways with different names that map to the same
 * AGENTCORE_GATEWAY_<NAME>_URL, and two credentials of the same kind
 * with different names that map to the same AGENTCORE_CREDENTIAL_<NAME>
 * variables (an API key: the bare name; OAuth: _CLIENT_ID and
 * _CLIENT_SECRET after it; payment credentials: their provider's
 * suffixes), where NAME is the name upper-cased with every '-' replaced
 * by '_' (open-gw and OPEN-GW, my-gw and my_gw). Reported at the later
 * resource, once per resource.
 * Credentials collide on whole variable names, so an API-key credential
 * "gh-client-secret" collides with an OAuth credential "gh" (both write
 * AGENTCORE_CREDENTIAL_GH_CLIENT_SECRET).
 * Does not flag: a gateway and a credential with similar names, or an
 * API-key and an OAuth credential with similar names (their variables
 * differ); two resources with the very same name (AC020 reports the
 * duplicate).
 */
#include <stdlib.h>
#include <string.h>

#include "acl/lookup.h"
#include "acl/rule.h"

/* One resource: its name, where to report, and its variable: the
 * name part and what follows it (the variable that matters most when
 * the CLI sets several). */
struct named {
    const char *name;
    const struct acl_node *node;
    char *var;
    const char *suffix;
    size_t index;
};

static int
same_var(const struct named *x, const struct named *y)
{
    return strcmp(x->var, y->var) == 0 && strcmp(x->suffix, y->suffix) == 0;
}

static int
by_var(const void *a, const void *b)
{
    const struct named *x = a, *y = b;
    int r = strcmp(x->var, y->var);

    if (r == 0)
        r = strcmp(x->suffix, y->suffix);
    return r != 0 ? r : (x->index > y->index) - (x->index < y->index);
}

/* The variables after AGENTCORE_CREDENTIAL_<NAME> that the CLI writes
 * for a credential, by kind (reference 6.1), NULL-terminated; NULL for
 * an unknown kind (AC020). */
static const char *const *
credential_suffixes(const struct acl_credential *cr)
{
    static const char *const api_key[] = {"", NULL};
    static const char *const oauth[] = {"_CLIENT_ID", "_CLIENT_SECRET", NULL};
    static const char *const coinbase[] = {"_API_KEY_ID", "_API_KEY_SECRET",
                                           "_WALLET_SECRET", NULL};
    static const char *const stripe[] = {"_APP_ID", "_APP_SECRET",
                                         "_AUTHORIZATION_PRIVATE_KEY",
                                         "_AUTHORIZATION_ID", NULL};

    if (cr->kind == ACL_CRED_API_KEY)
        return api_key;
    if (cr->kind == ACL_CRED_OAUTH)
        return oauth;
    if (cr->kind != ACL_CRED_PAYMENT || cr->provider == NULL)
        return NULL;
    if (strcmp(cr->provider, "CoinbaseCDP") == 0)
        return coinbase;
    return strcmp(cr->provider, "StripePrivy") == 0 ? stripe : NULL;
}

/* What one variable for two resources does, per kind. */
struct kind {
    const char *name, *prefix, *effect;
};

static const struct kind gateway_kind = {
    "gateway", "AGENTCORE_GATEWAY_", "agent code can reach only one of them"};
static const struct kind credential_kind = {
    "credential", "AGENTCORE_CREDENTIAL_",
    "agentcore/.env.local holds one value under that name, so one "
    "credential gets the other's"};

static void
report(struct acl_check *c, const struct named *first,
       const struct named *later, const struct kind *k)
{
    acl_report(c, ACL_ERROR, later->node, "name",
               "%ss \"%s\" and \"%s\" both map to the environment variable "
               "%s%s%s: %s",
               k->name, first->name, later->name, k->prefix, later->var,
               later->suffix, k->effect);
}

/* Reports later unless it was reported already: a resource with
 * several variables (OAuth: _CLIENT_ID and _CLIENT_SECRET) may collide
 * on each, but is reported once. */
static void
report_once(struct acl_check *c, const struct named *first,
            const struct named *later, const struct kind *k,
            unsigned char *reported)
{
    if (reported[later->index])
        return;
    reported[later->index] = 1;
    report(c, first, later, k);
}

/* Sorting by variable (then position) puts each collision group
 * together, so the check stays O(n log n) on huge inputs. nres is the
 * number of resources (index bound). */
static void
check_list(struct acl_check *c, struct named *items, size_t n, size_t nres,
           const struct kind *k)
{
    size_t i = 0, j;
    unsigned char *reported = acl_xcalloc(nres + 1, 1);

    qsort(items, n, sizeof *items, by_var);
    while (i < n) {
        const struct named *other = NULL; /* first name unlike items[i] */

        for (j = i + 1; j < n && same_var(&items[j], &items[i]); j++) {
            /* the later of the two in file order is reported */
            const struct named *a = &items[i], *b = &items[j];

            if (strcmp(b->name, a->name) != 0) {
                report_once(c, a->index < b->index ? a : b,
                            a->index < b->index ? b : a, k, reported);
                if (other == NULL)
                    other = b;
            } else if (other != NULL) {
                report_once(c, other, b, k, reported);
            }
        }
        i = j;
    }
    free(reported);
    for (i = 0; i < n; i++)
        free(items[i].var);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    /* at most 4 variables per credential (StripePrivy) */
    size_t i, k,
        n = p->model.ngateways > 4 * p->model.ncredentials
                ? p->model.ngateways
                : 4 * p->model.ncredentials;
    struct named *items = acl_xcalloc(n + 1, sizeof *items);
    size_t m = 0;

    for (i = 0; i < p->model.ngateways; i++)
        if (p->model.gateways[i].name != NULL)
            items[m++] = (struct named){
                p->model.gateways[i].name, &p->model.gateways[i].node,
                acl_env_var_part(p->model.gateways[i].name), "_URL", i};
    check_list(c, items, m, p->model.ngateways, &gateway_kind);
    m = 0;
    for (i = 0; i < p->model.ncredentials; i++) {
        const struct acl_credential *cr = &p->model.credentials[i];
        const char *const *suffix = credential_suffixes(cr);
        char *part;

        if (cr->name == NULL || suffix == NULL)
            continue;
        /* Whole variable names: an API key "gh-client-secret" and the
         * OAuth credential "gh" both write ..._GH_CLIENT_SECRET. */
        part = acl_env_var_part(cr->name);
        for (k = 0; suffix[k] != NULL; k++)
            items[m++] =
                (struct named){cr->name, &cr->node,
                               acl_xasprintf("%s%s", part, suffix[k]), "", i};
        free(part);
    }
    check_list(c, items, m, p->model.ncredentials, &credential_kind);
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
        "AGENTCORE_GATEWAY_<NAME>_URL and each credential's secret as "
        "AGENTCORE_CREDENTIAL_<NAME> (OAuth credentials write _CLIENT_ID "
        "and _CLIENT_SECRET after it, payment credentials their provider's "
        "names), where NAME is the resource name "
        "upper-cased with '-' replaced by '_'. Its duplicate-name check is "
        "case-sensitive and treats '-' and '_' as different, so "
        "gateways \"open-gw\" and \"OPEN-GW\", or credentials \"a-b\" and "
        "\"a_b\", pass "
        "validation and then share one variable: one of two gateways is "
        "silently unreachable from agent code, and two credentials share "
        "one secret in agentcore/.env.local, so one of them calls its "
        "service with the other's key. Whole variable names count: an "
        "API-key credential \"gh-client-secret\" writes "
        "AGENTCORE_CREDENTIAL_GH_CLIENT_SECRET, which is also the client "
        "secret of an OAuth credential \"gh\".",
    .help = "rename one of the two resources so that their names differ in "
            "more than case and '-' versus '_'",
    .example = "Fails:  \"agentCoreGateways\": [{ \"name\": \"open-gw\", ... "
               "}, { \"name\": \"OPEN-GW\", ... }]\n"
               "Passes: \"agentCoreGateways\": [{ \"name\": \"open-gw\", ... "
               "}, { \"name\": \"partner-gw\", ... }]",
    .precision = "very-high",
    .check = check,
};
