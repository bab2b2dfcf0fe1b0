/*
 * lookup.c - walking and searching the project model.
 */
#include <string.h>

#include "acl/lookup.h"
#include "acl/util.h"

size_t
acl_targets_count(const struct acl_project *p)
{
    size_t i, n = p->nunassigned;

    for (i = 0; i < p->ngateways; i++)
        n += p->gateways[i].ntargets;
    return n;
}

const struct acl_target *
acl_targets_at(const struct acl_project *p, size_t i)
{
    size_t g;

    for (g = 0; g < p->ngateways; g++) {
        if (i < p->gateways[g].ntargets)
            return &p->gateways[g].targets[i];
        i -= p->gateways[g].ntargets;
    }
    return i < p->nunassigned ? &p->unassigned[i] : NULL;
}

char *
acl_target_label(const struct acl_target *t)
{
    const char *name = t->name != NULL ? t->name : "";

    if (t->gateway == NULL)
        return acl_xasprintf("unassigned target \"%s\"", name);
    return acl_xasprintf("target \"%s\" of gateway \"%s\"", name,
                         t->gateway->name != NULL ? t->gateway->name : "");
}

const struct acl_credential *
acl_find_credential(const struct acl_project *p, const char *name)
{
    size_t i;

    for (i = 0; name != NULL && i < p->ncredentials; i++)
        if (p->credentials[i].name != NULL &&
            strcmp(p->credentials[i].name, name) == 0)
            return &p->credentials[i];
    return NULL;
}

const struct acl_policy_engine *
acl_find_engine(const struct acl_project *p, const char *name)
{
    size_t i;

    for (i = 0; name != NULL && i < p->nengines; i++)
        if (p->engines[i].name != NULL &&
            strcmp(p->engines[i].name, name) == 0)
            return &p->engines[i];
    return NULL;
}
