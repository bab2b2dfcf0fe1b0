/*
 * model_res.c - the model's resources other than gateways: runtimes,
 * credentials, policy engines, harness entries and their harness.json.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/jptr.h"
#include "acl/lookup.h"
#include "model/model_build.h"

static char *
member_ptr(const char *base, const char *name)
{
    return acl_jptr_join(base, name, strlen(name));
}

static void
build_runtime(struct acl_runtime *r, const struct acl_doc *doc, char *ptr,
              json_t *j)
{
    json_t *env = json_object_get(j, "envVars");
    char *eptr = member_ptr(ptr, "envVars");
    char *aptr = member_ptr(ptr, "customDockerBuildArgs");
    size_t i;
    json_t *e;

    r->name = acl_json_str(j, "name");
    acl_node_set(&r->node, doc, ptr, j, r->name);
    r->build = acl_json_str(j, "build");
    r->protocol = acl_json_str(j, "protocol");
    r->code_location = acl_json_str(j, "codeLocation");
    r->entrypoint = acl_json_str(j, "entrypoint");
    r->discovery_url = json_string_value(acl_json_path(
        j, "authorizerConfiguration/customJwtAuthorizer/discoveryUrl"));
    r->envvars = acl_alloc_for(env, sizeof *r->envvars, &r->nenvvars);
    json_array_foreach (env, i, e) {
        struct acl_envvar *v;

        if (!json_is_object(e))
            continue;
        v = &r->envvars[r->nenvvars++];
        v->name = acl_json_str(e, "name");
        v->value = acl_json_str(e, "value");
        acl_node_set(&v->node, doc, acl_jptr_index(eptr, i), e, r->name);
    }
    r->nbuild_args =
        acl_build_kv(doc, aptr, json_object_get(j, "customDockerBuildArgs"),
                     r->name, &r->build_args);
    free(eptr);
    free(aptr);
}

static void
build_credential(struct acl_credential *c, const struct acl_doc *doc, char *ptr,
                 json_t *j)
{
    const char *t = acl_json_str(j, "authorizerType");

    c->name = acl_json_str(j, "name");
    acl_node_set(&c->node, doc, ptr, j, c->name);
    c->authorizer_type = t;
    c->kind = t == NULL                                     ? ACL_CRED_OTHER
              : strcmp(t, "ApiKeyCredentialProvider") == 0  ? ACL_CRED_API_KEY
              : strcmp(t, "OAuthCredentialProvider") == 0   ? ACL_CRED_OAUTH
              : strcmp(t, "PaymentCredentialProvider") == 0 ? ACL_CRED_PAYMENT
                                                            : ACL_CRED_OTHER;
    c->usage = acl_json_str(j, "usage");
    c->discovery_url = acl_json_str(j, "discoveryUrl");
    c->provider = acl_json_str(j, "provider");
}

static void
build_engine(struct acl_policy_engine *e, const struct acl_doc *doc, char *ptr,
             json_t *j)
{
    json_t *arr = json_object_get(j, "policies");
    char *pptr = member_ptr(ptr, "policies");
    size_t i;
    json_t *pj;

    e->name = acl_json_str(j, "name");
    acl_node_set(&e->node, doc, ptr, j, e->name);
    e->policies = acl_alloc_for(arr, sizeof *e->policies, &e->npolicies);
    json_array_foreach (arr, i, pj) {
        struct acl_policy *pol;

        if (!json_is_object(pj))
            continue;
        pol = &e->policies[e->npolicies++];
        pol->name = acl_json_str(pj, "name");
        pol->statement = acl_json_str(pj, "statement");
        pol->enforcement_mode = acl_json_str(pj, "enforcementMode");
        pol->source_file = acl_json_str(pj, "sourceFile");
        acl_node_set(&pol->node, doc, acl_jptr_index(pptr, i), pj, e->name);
    }
    free(pptr);
}

static void
build_harness(struct acl_harness *h, const struct acl_doc *doc, char *ptr,
              json_t *j)
{
    h->name = acl_json_str(j, "name");
    h->path = acl_json_str(j, "path");
    acl_node_set(&h->node, doc, ptr, j, h->name);
}

/* Note the capital "JWT": payments spell the authorizer differently. */
static void
build_payment(struct acl_payment *m, const struct acl_doc *doc, char *ptr,
              json_t *j)
{
    m->name = acl_json_str(j, "name");
    acl_node_set(&m->node, doc, ptr, j, m->name);
    m->discovery_url = json_string_value(acl_json_path(
        j, "authorizerConfiguration/customJWTAuthorizer/discoveryUrl"));
}

/* Builds one array of agentcore.json with a per-element builder. */
#define BUILD_ARRAY(p, key, field, count, builder)                      \
    do {                                                                \
        struct acl_model *m_ = &(p)->model;                             \
        json_t *arr_ = json_object_get(m_->spec.json, key);             \
        char *base_ = member_ptr("", key);                              \
        size_t i_;                                                      \
        json_t *e_;                                                     \
        m_->field = acl_alloc_for(arr_, sizeof *m_->field, &m_->count); \
        json_array_foreach (arr_, i_, e_) {                             \
            if (json_is_object(e_))                                     \
                builder(&m_->field[m_->count++], m_->spec.doc,          \
                        acl_jptr_index(base_, i_), e_);                 \
        }                                                               \
        free(base_);                                                    \
    } while (0)

/* Name -> index of the first of n resources, stride bytes apart from
 * base, each beginning with its struct acl_node (runtimes, credentials,
 * policy engines). Keyed by the whole "name" string, NULs included, so
 * that "cred\u0000junk" is not "cred". */
static json_t *
index_names(const void *base, size_t n, size_t stride)
{
    json_t *idx = json_object();
    size_t i;

    for (i = 0; i < n; i++) {
        const struct acl_node *node =
            (const struct acl_node *)(const void *)((const char *)base +
                                                    i * stride);
        json_t *v = json_object_get(node->json, "name");
        const char *name = json_string_value(v);
        size_t len = json_string_length(v);

        if (name != NULL && json_object_getn(idx, name, len) == NULL)
            json_object_setn_new_nocheck(idx, name, len,
                                         json_integer((json_int_t)i));
    }
    return idx;
}

/* Variable part -> index of the first gateway with it (AC015 looks up
 * every gateway variable agent code reads). */
static json_t *
index_gateway_vars(const struct acl_project *p)
{
    json_t *idx = json_object();
    size_t i;

    for (i = 0; i < p->model.ngateways; i++) {
        char *var;

        if (p->model.gateways[i].name == NULL)
            continue;
        var = acl_env_var_part(p->model.gateways[i].name);
        if (json_object_get(idx, var) == NULL)
            json_object_set_new_nocheck(idx, var, json_integer((json_int_t)i));
        free(var);
    }
    return idx;
}

/* Every target in one array: each gateway's in order, then the
 * unassigned ones. */
static const struct acl_target **
list_targets(const struct acl_project *p, size_t *n)
{
    const struct acl_target **all;
    size_t i, k, total = p->model.nunassigned;

    for (i = 0; i < p->model.ngateways; i++)
        total += p->model.gateways[i].ntargets;
    all = acl_xcalloc(total + 1, sizeof *all);
    *n = 0;
    for (i = 0; i < p->model.ngateways; i++)
        for (k = 0; k < p->model.gateways[i].ntargets; k++)
            all[(*n)++] = &p->model.gateways[i].targets[k];
    for (i = 0; i < p->model.nunassigned; i++)
        all[(*n)++] = &p->model.unassigned[i];
    return all;
}

void
acl_build_resources(struct acl_project *p)
{
    json_t *un;

    if (!json_is_object(p->model.spec.json))
        return;
    p->model.name = acl_json_str(p->model.spec.json, "name");
    BUILD_ARRAY(p, "runtimes", runtimes, nruntimes, build_runtime);
    BUILD_ARRAY(p, "agentCoreGateways", gateways, ngateways, acl_build_gateway);
    BUILD_ARRAY(p, "credentials", credentials, ncredentials, build_credential);
    BUILD_ARRAY(p, "policyEngines", engines, nengines, build_engine);
    BUILD_ARRAY(p, "harnesses", harnesses, nharnesses, build_harness);
    BUILD_ARRAY(p, "payments", payments, npayments, build_payment);
    un = json_object_get(p->model.spec.json, "unassignedTargets");
    p->model.nunassigned =
        acl_build_targets(p->model.spec.doc, "/unassignedTargets", un, NULL,
                          &p->model.unassigned);
    p->model.all_targets = list_targets(p, &p->model.nall_targets);
    p->model.runtime_index = index_names(p->model.runtimes, p->model.nruntimes,
                                         sizeof *p->model.runtimes);
    p->model.credential_index =
        index_names(p->model.credentials, p->model.ncredentials,
                    sizeof *p->model.credentials);
    p->model.engine_index = index_names(p->model.engines, p->model.nengines,
                                        sizeof *p->model.engines);
    p->model.gateway_var_index = index_gateway_vars(p);
}

static void
free_harness(struct acl_harness *h)
{
    size_t i;

    acl_node_clear(&h->node);
    acl_node_clear(&h->spec_node);
    acl_free_kv(h->env, h->nenv);
    for (i = 0; i < h->ntools; i++) {
        acl_node_clear(&h->tools[i].node);
        acl_free_kv(h->tools[i].headers, h->tools[i].nheaders);
    }
    free(h->tools);
}

void
acl_free_resources(struct acl_project *p)
{
    size_t i, k;

    free(p->model.all_targets);
    json_decref(p->model.runtime_index);
    json_decref(p->model.credential_index);
    json_decref(p->model.engine_index);
    json_decref(p->model.gateway_var_index);
    for (i = 0; i < p->model.nruntimes; i++) {
        acl_node_clear(&p->model.runtimes[i].node);
        for (k = 0; k < p->model.runtimes[i].nenvvars; k++)
            acl_node_clear(&p->model.runtimes[i].envvars[k].node);
        free(p->model.runtimes[i].envvars);
        acl_free_kv(p->model.runtimes[i].build_args,
                    p->model.runtimes[i].nbuild_args);
    }
    free(p->model.runtimes);
    for (i = 0; i < p->model.ngateways; i++) {
        acl_node_clear(&p->model.gateways[i].node);
        acl_free_targets(p->model.gateways[i].targets,
                         p->model.gateways[i].ntargets);
    }
    free(p->model.gateways);
    acl_free_targets(p->model.unassigned, p->model.nunassigned);
    for (i = 0; i < p->model.ncredentials; i++)
        acl_node_clear(&p->model.credentials[i].node);
    free(p->model.credentials);
    for (i = 0; i < p->model.nengines; i++) {
        acl_node_clear(&p->model.engines[i].node);
        for (k = 0; k < p->model.engines[i].npolicies; k++)
            acl_node_clear(&p->model.engines[i].policies[k].node);
        free(p->model.engines[i].policies);
    }
    free(p->model.engines);
    for (i = 0; i < p->model.nharnesses; i++)
        free_harness(&p->model.harnesses[i]);
    free(p->model.harnesses);
    for (i = 0; i < p->model.npayments; i++)
        acl_node_clear(&p->model.payments[i].node);
    free(p->model.payments);
}

static void
build_harness_tool(struct acl_harness_tool *t, const struct acl_doc *doc,
                   char *ptr, json_t *j, const char *resource)
{
    json_t *remote = acl_json_path(j, "config/remoteMcp");
    char *hptr;

    t->name = acl_json_str(j, "name");
    t->type = acl_json_str(j, "type");
    acl_node_set(&t->node, doc, ptr, j, resource);
    t->remote_url = acl_json_str(remote, "url");
    hptr = acl_xasprintf("%s/config/remoteMcp/headers", ptr);
    t->nheaders = acl_build_kv(doc, hptr, json_object_get(remote, "headers"),
                               resource, &t->headers);
    free(hptr);
}

void
acl_build_harness_spec(struct acl_harness *h, const struct acl_doc *doc)
{
    json_t *root = doc->root, *tools = json_object_get(root, "tools"), *t;
    size_t i;

    h->spec = doc;
    acl_node_set(&h->spec_node, doc, acl_xstrdup(""), root, h->name);
    h->discovery_url = json_string_value(acl_json_path(
        root, "authorizerConfiguration/customJwtAuthorizer/discoveryUrl"));
    h->nenv = acl_build_kv(doc, "/environmentVariables",
                           json_object_get(root, "environmentVariables"),
                           h->name, &h->env);
    h->tools = acl_alloc_for(tools, sizeof *h->tools, &h->ntools);
    json_array_foreach (tools, i, t) {
        if (json_is_object(t))
            build_harness_tool(&h->tools[h->ntools++], doc,
                               acl_jptr_index("/tools", i), t, h->name);
    }
}
