/*
 * lookup.c - walking and searching the project model.
 */
#include <string.h>

#include "acl/lookup.h"
#include "acl/rule.h"
#include "acl/util.h"

size_t
acl_targets_count(const struct acl_project *p)
{
    return p->model.nall_targets;
}

const struct acl_target *
acl_targets_at(const struct acl_project *p, size_t i)
{
    return i < p->model.nall_targets ? p->model.all_targets[i] : NULL;
}

void
acl_each_target(struct acl_check *c,
                void (*fn)(struct acl_check *c, const struct acl_target *t))
{
    size_t i, n = acl_targets_count(c->project);

    for (i = 0; i < n; i++)
        fn(c, acl_targets_at(c->project, i));
}

void
acl_each_gateway(struct acl_check *c,
                 void (*fn)(struct acl_check *c, const struct acl_gateway *g))
{
    size_t i;

    for (i = 0; i < c->project->model.ngateways; i++)
        fn(c, &c->project->model.gateways[i]);
}

char *
acl_target_label(const struct acl_target *t)
{
    return acl_target_label_as(t, NULL);
}

char *
acl_target_label_as(const struct acl_target *t, const char *type)
{
    const char *name = t->name != NULL ? t->name : "";
    const char *gw = t->gateway == NULL         ? NULL
                     : t->gateway->name != NULL ? t->gateway->name
                                                : "";

    if (type == NULL)
        return gw == NULL
                   ? acl_xasprintf("unassigned target \"%s\"", name)
                   : acl_xasprintf("target \"%s\" of gateway \"%s\"", name, gw);
    return gw == NULL ? acl_xasprintf("unassigned %s target \"%s\"", type, name)
                      : acl_xasprintf("%s target \"%s\" of gateway \"%s\"",
                                      type, name, gw);
}

/* The index in an index_names map (model_res.c) of name (len bytes),
 * or -1. */
static long
indexed(json_t *index, const char *name, size_t len)
{
    json_t *v = name != NULL ? json_object_getn(index, name, len) : NULL;

    return v != NULL ? (long)json_integer_value(v) : -1;
}

char *
acl_env_var_part(const char *name)
{
    char *s = acl_xstrdup(name), *q;

    for (q = s; *q != '\0'; q++)
        *q = *q == '-'                  ? '_'
             : (*q >= 'a' && *q <= 'z') ? (char)(*q - 'a' + 'A')
                                        : *q;
    return s;
}

const struct acl_gateway *
acl_find_gateway_by_var(const struct acl_project *p, const char *x, size_t n)
{
    json_t *v = json_object_getn(p->model.gateway_var_index, x, n);

    return v != NULL ? &p->model.gateways[json_integer_value(v)] : NULL;
}

const struct acl_credential *
acl_find_credential_n(const struct acl_project *p, const char *name, size_t len)
{
    long i = indexed(p->model.credential_index, name, len);

    return i >= 0 ? &p->model.credentials[i] : NULL;
}

const struct acl_credential *
acl_find_credential(const struct acl_project *p, const char *name)
{
    return acl_find_credential_n(p, name, name != NULL ? strlen(name) : 0);
}

const struct acl_policy_engine *
acl_find_engine_n(const struct acl_project *p, const char *name, size_t len)
{
    long i = indexed(p->model.engine_index, name, len);

    return i >= 0 ? &p->model.engines[i] : NULL;
}

const struct acl_policy_engine *
acl_find_engine(const struct acl_project *p, const char *name)
{
    return acl_find_engine_n(p, name, name != NULL ? strlen(name) : 0);
}

const struct acl_runtime *
acl_find_runtime(const struct acl_project *p, const char *name)
{
    long i =
        indexed(p->model.runtime_index, name, name != NULL ? strlen(name) : 0);

    return i >= 0 ? &p->model.runtimes[i] : NULL;
}

/* Does the owner's own environment (runtime envVars, harness
 * environmentVariables) set name? */
int
acl_owner_sets_env(const struct acl_project *p, const char *owner,
                   const char *name)
{
    const struct acl_runtime *rt = owner ? acl_find_runtime(p, owner) : NULL;
    size_t i;

    for (i = 0; rt != NULL && i < rt->nenvvars; i++)
        if (rt->envvars[i].name && strcmp(rt->envvars[i].name, name) == 0)
            return 1;
    for (i = 0; owner != NULL && i < p->model.nharnesses; i++) {
        const struct acl_harness *h = &p->model.harnesses[i];
        size_t k;

        if (h->name == NULL || strcmp(h->name, owner) != 0)
            continue;
        for (k = 0; k < h->nenv; k++)
            if (h->env[k].key_len == strlen(name) &&
                memcmp(h->env[k].key, name, h->env[k].key_len) == 0)
                return 1;
    }
    return 0;
}
