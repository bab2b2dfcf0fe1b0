/*
 * schema_rules_xref.c - the cross-resource rules of agentcore.json
 * (reference 4.2): references between resources that the schema checks.
 * Reported at the referring member rather than at the document root.
 */
#include <stdio.h>
#include <string.h>

#include "schema_int.h"

/* The lists whose elements are looked up by name. */
static const char *const sx_indexed[] = {
    "runtimes",          "evaluators",     "capacityProviders",
    "agentCoreGateways", "knowledgeBases", "credentials"};

/* {list: {name: first element with that name}}: lookups stay linear in
 * the size of the file however many references it holds. */
static json_t *
sx_index_new(json_t *root)
{
    json_t *index = json_object(), *e, *n;
    size_t i, k;

    for (k = 0; k < ACL_ARRAY_LEN(sx_indexed); k++) {
        json_t *by_name = json_object();

        json_array_foreach (json_object_get(root, sx_indexed[k]), i, e) {
            n = json_object_get(e, "name");
            if (json_is_string(n) &&
                json_object_getn(by_name, json_string_value(n),
                                 json_string_length(n)) == NULL)
                json_object_setn(by_name, json_string_value(n),
                                 json_string_length(n), e);
        }
        json_object_set_new(index, sx_indexed[k], by_name);
    }
    return index;
}

/* The element of list whose "name" equals the string name, or NULL. */
static json_t *
sx_named(struct acl_sx_ctx *cx, const char *list, json_t *name)
{
    json_t *by_name = json_object_get(cx->index, list);

    if (!json_is_string(name))
        return NULL;
    return json_object_getn(by_name, json_string_value(name),
                            json_string_length(name));
}

static void
sx_xref_online_evals(struct acl_sx_ctx *cx, json_t *root)
{
    json_t *e, *ev;
    size_t i, j;
    char path[256];

    json_array_foreach (json_object_get(root, "onlineEvalConfigs"), i, e) {
        const char *name = acl_sx_str(e, "name"),
                   *agent = acl_sx_str(e, "agent");

        snprintf(path, sizeof path, "onlineEvalConfigs/%zu/agent", i);
        if (agent != NULL &&
            sx_named(cx, "runtimes", json_object_get(e, "agent")) == NULL)
            acl_sx_fail_at(cx, path,
                           "Online eval config \"%s\" references unknown "
                           "agent \"%s\"",
                           name, agent);
        json_array_foreach (json_object_get(e, "evaluators"), j, ev) {
            const char *s = json_string_value(ev);

            if (acl_starts_with(s, "Builtin.") || acl_starts_with(s, "arn:") ||
                sx_named(cx, "evaluators", ev) != NULL)
                continue;
            snprintf(path, sizeof path, "onlineEvalConfigs/%zu/evaluators/%zu",
                     i, j);
            acl_sx_fail_at(cx, path,
                           "Online eval config \"%s\" references unknown "
                           "evaluator \"%s\"",
                           name, s);
        }
    }
}

/* Does runtime.endpoints?.[ep] find something? On a JavaScript object
 * the names of Object.prototype's members always do. */
static int
sx_has_endpoint(json_t *endpoints, json_t *ep)
{
    static const char *const inherited[] = {
        "constructor",      "__defineGetter__",
        "__defineSetter__", "hasOwnProperty",
        "__lookupGetter__", "__lookupSetter__",
        "isPrototypeOf",    "propertyIsEnumerable",
        "toString",         "valueOf",
        "__proto__",        "toLocaleString"};
    const char *s = json_string_value(ep);
    size_t i;

    if (!json_is_object(endpoints))
        return 0;
    for (i = 0; i < ACL_ARRAY_LEN(inherited); i++)
        if (strlen(inherited[i]) == json_string_length(ep) &&
            strcmp(s, inherited[i]) == 0)
            return 1;
    return json_object_getn(endpoints, s, json_string_length(ep)) != NULL;
}

static void
sx_xref_http_runtime(struct acl_sx_ctx *cx, json_t *gw, size_t gi, json_t *t,
                     size_t ti)
{
    json_t *hr = json_object_get(t, "httpRuntime"), *rt;
    const char *r = acl_sx_str(hr, "runtime"),
               *ep = acl_sx_str(hr, "runtimeEndpoint");
    char path[256];

    if (r == NULL)
        return;
    snprintf(path, sizeof path,
             "agentCoreGateways/%zu/targets/%zu/httpRuntime/runtime", gi, ti);
    rt = sx_named(cx, "runtimes", json_object_get(hr, "runtime"));
    if (rt == NULL) {
        acl_sx_fail_at(cx, path,
                       "Gateway \"%s\" target \"%s\" references unknown "
                       "runtime \"%s\". Check spec.runtimes.",
                       acl_sx_str(gw, "name"), acl_sx_str(t, "name"), r);
    } else if (ep != NULL && strcmp(ep, "DEFAULT") != 0 &&
               !sx_has_endpoint(json_object_get(rt, "endpoints"),
                                json_object_get(hr, "runtimeEndpoint"))) {
        snprintf(
            path, sizeof path,
            "agentCoreGateways/%zu/targets/%zu/httpRuntime/runtimeEndpoint", gi,
            ti);
        acl_sx_fail_at(cx, path,
                       "Gateway \"%s\" target \"%s\" references endpoint "
                       "\"%s\" which does not exist on runtime \"%s\".",
                       acl_sx_str(gw, "name"), acl_sx_str(t, "name"), ep, r);
    }
}

static json_t *
sx_cp_volumes(json_t *cp)
{
    json_t *cc = json_object_get(cp, "computeConfiguration");

    return json_object_get(json_object_get(cc, "ec2Configuration"), "volumes");
}

static void
sx_xref_capacity(struct acl_sx_ctx *cx, json_t *root)
{
    json_t *rt, *fc, *vol, *cp;
    size_t i, j, k;
    char path[256];

    json_array_foreach (json_object_get(root, "runtimes"), i, rt) {
        const char *cpn =
            acl_sx_str(json_object_get(rt, "capacityProviderConfiguration"),
                       "capacityProviderName");

        if (cpn == NULL)
            continue;
        cp = sx_named(cx, "capacityProviders",
                      json_object_get(
                          json_object_get(rt, "capacityProviderConfiguration"),
                          "capacityProviderName"));
        snprintf(
            path, sizeof path,
            "runtimes/%zu/capacityProviderConfiguration/capacityProviderName",
            i);
        if (cp == NULL) {
            acl_sx_fail_at(cx, path,
                           "Runtime \"%s\" references unknown capacity "
                           "provider \"%s\". Check spec.capacityProviders.",
                           acl_sx_str(rt, "name"), cpn);
            continue;
        }
        json_array_foreach (json_object_get(rt, "filesystemConfigurations"), j,
                            fc) {
            const char *vn = acl_sx_str(
                json_object_get(fc, "capacityProviderVolume"), "volumeName");
            int found = 0;

            if (vn == NULL)
                continue;
            json_array_foreach (sx_cp_volumes(cp), k, vol) {
                const char *n = acl_sx_str(
                    json_object_get(vol, "ebsConfiguration"), "name");

                found |= n != NULL && strcmp(n, vn) == 0;
            }
            if (found)
                continue;
            snprintf(path, sizeof path,
                     "runtimes/%zu/filesystemConfigurations/%zu/"
                     "capacityProviderVolume/volumeName",
                     i, j);
            acl_sx_fail_at(cx, path,
                           "Runtime \"%s\" mounts capacity provider volume "
                           "\"%s\" which is not defined on capacity provider "
                           "\"%s\"",
                           acl_sx_str(rt, "name"), vn, cpn);
        }
    }
}

/* JavaScript's String(v) matching ^[A-Z0-9]{10}$, for the ids the
 * connector rule converts: a number prints as its digits, an array as
 * its joined elements. */
static int
sx_looks_like_kb_id(struct acl_sx_ctx *cx, json_t *v)
{
    double d;

    if (json_is_string(v))
        return acl_sx_pattern_match(cx, ACL_PAT_KB_ID, json_string_value(v),
                                    json_string_length(v));
    if (json_is_number(v)) {
        d = json_number_value(v);
        return d == (double)(long long)d && d >= 1e9 && d < 1e10;
    }
    if (json_is_array(v) && json_array_size(v) == 1)
        return sx_looks_like_kb_id(cx, json_array_get(v, 0));
    return 0;
}

static void
sx_kb_ref(struct acl_sx_ctx *cx, json_t *t, json_t *v, const char *path,
          const char *label)
{
    const char *s = json_string_value(v); /* NULL when not a string */
    int is_kb = sx_named(cx, "knowledgeBases", v) != NULL;

    if (!acl_sx_truthy(v))
        return;
    if (sx_looks_like_kb_id(cx, v) && is_kb)
        acl_sx_fail_at(cx, path,
                       "Connector target \"%s\" %s \"%s\" looks like a literal "
                       "KB ID but also matches a knowledgeBases[] entry. "
                       "Rename the knowledge base or reference it by its "
                       "project name instead.",
                       acl_sx_str(t, "name"), label, s);
    else if (!sx_looks_like_kb_id(cx, v) && !is_kb)
        acl_sx_fail_at(cx, path,
                       "Connector target \"%s\" %s %s does not match any "
                       "knowledgeBases[] entry. To wire an external KB that "
                       "this project does not own, use its 10-character KB ID.",
                       acl_sx_str(t, "name"), label, s ? s : "(not a string)");
}

static void
sx_xref_kb_config(struct acl_sx_ctx *cx, json_t *t, json_t *cfg,
                  const char *base)
{
    json_t *pv = json_object_get(cfg, "parameterValues"), *id, *r;
    const char *name = acl_sx_str(cfg, "name");
    char path[320];
    size_t k;

    id = json_object_get(pv, "knowledgeBaseId");
    if (name != NULL && strcmp(name, "Retrieve") == 0 && json_is_string(id)) {
        snprintf(path, sizeof path, "%s/parameterValues/knowledgeBaseId", base);
        sx_kb_ref(cx, t, id, path,
                  "configurations[].parameterValues.knowledgeBaseId");
    }
    if (name == NULL || strcmp(name, "AgenticRetrieveStream") != 0)
        return;
    json_array_foreach (json_object_get(pv, "retrievers"), k, r) {
        json_t *kb = json_object_get(json_object_get(r, "configuration"),
                                     "knowledgeBase");

        snprintf(path, sizeof path,
                 "%s/parameterValues/retrievers/%zu/configuration/"
                 "knowledgeBase/knowledgeBaseId",
                 base, k);
        if (json_is_object(r) && json_is_object(kb))
            sx_kb_ref(
                cx, t, json_object_get(kb, "knowledgeBaseId"), path,
                "configurations[].parameterValues.retrievers[].knowledgeBaseId");
    }
}

static void
sx_xref_gateways(struct acl_sx_ctx *cx, json_t *root)
{
    json_t *gw, *t, *cfg;
    size_t i, j, k;
    char base[160];

    json_array_foreach (json_object_get(root, "agentCoreGateways"), i, gw) {
        json_array_foreach (json_object_get(gw, "targets"), j, t) {
            const char *tt = acl_sx_str(t, "targetType"),
                       *cid = acl_sx_str(t, "connectorId");

            if (tt != NULL && strcmp(tt, "httpRuntime") == 0)
                sx_xref_http_runtime(cx, gw, i, t, j);
            if (tt == NULL || strcmp(tt, "connector") != 0 || cid == NULL ||
                strcmp(cid, "bedrock-knowledge-bases") != 0)
                continue;
            json_array_foreach (json_object_get(t, "configurations"), k, cfg) {
                snprintf(base, sizeof base,
                         "agentCoreGateways/%zu/targets/%zu/"
                         "configurations/%zu",
                         i, j, k);
                sx_xref_kb_config(cx, t, cfg, base);
            }
        }
    }
}

static void
sx_xref_ab_variants(struct acl_sx_ctx *cx, json_t *test, size_t i, json_t *gw,
                    const char *gw_name)
{
    json_t *var, *t;
    size_t j, k;
    char path[256];

    json_array_foreach (json_object_get(test, "variants"), j, var) {
        const char *tn = acl_sx_str(
            json_object_get(json_object_get(var, "variantConfiguration"),
                            "target"),
            "targetName");
        int found = 0;

        if (tn == NULL)
            continue;
        json_array_foreach (json_object_get(gw, "targets"), k, t) {
            const char *n = acl_sx_str(t, "name");

            found |= n != NULL && strcmp(n, tn) == 0;
        }
        if (found)
            continue;
        snprintf(path, sizeof path,
                 "abTests/%zu/variants/%zu/variantConfiguration/"
                 "target/targetName",
                 i, j);
        acl_sx_fail_at(cx, path,
                       "AB test \"%s\" variant \"%s\" references target \"%s\" "
                       "which does not exist in gateway \"%s\" targets",
                       acl_sx_str(test, "name"), acl_sx_str(var, "name"), tn,
                       gw_name);
    }
}

static void
sx_xref_ab_tests(struct acl_sx_ctx *cx, json_t *root)
{
    json_t *test, *gw;
    size_t i;
    char path[256];

    json_array_foreach (json_object_get(root, "abTests"), i, test) {
        json_t *ref = json_object_get(test, "gatewayRef");
        const char *s = json_string_value(ref),
                   *mode = acl_sx_str(test, "mode");
        size_t n = json_string_length(ref);
        char *name;

        if (s == NULL || n < 13 || strncmp(s, "{{gateway:", 10) != 0 ||
            strcmp(s + n - 2, "}}") != 0)
            continue;
        name = acl_xstrndup(s + 10, n - 12);
        if (strpbrk(name, "\r\n") != NULL ||
            strstr(name, "\xe2\x80\xa8") != NULL ||
            strstr(name, "\xe2\x80\xa9") != NULL) {
            free(name); /* JS "." stops at line terminators: no match */
            continue;
        }
        {
            json_t *nm = json_stringn_nocheck(s + 10, n - 12);

            gw = sx_named(cx, "agentCoreGateways", nm);
            json_decref(nm);
        }
        snprintf(path, sizeof path, "abTests/%zu/gatewayRef", i);
        if (gw == NULL)
            acl_sx_fail_at(cx, path,
                           "AB test \"%s\" references gateway \"%s\" which "
                           "does not exist in agentCoreGateways",
                           acl_sx_str(test, "name"), name);
        else if (mode != NULL && strcmp(mode, "target-based") == 0)
            sx_xref_ab_variants(cx, test, i, gw, name);
        free(name);
    }
}

static void
sx_xref_payments(struct acl_sx_ctx *cx, json_t *root)
{
    json_t *pm, *c, *cred;
    size_t i, j;
    char path[256];

    json_array_foreach (json_object_get(root, "payments"), i, pm) {
        json_array_foreach (json_object_get(pm, "connectors"), j, c) {
            const char *mode = acl_sx_str(c, "provisionMode");
            const char *cn = acl_sx_str(c, "credentialName"), *type;

            if (mode != NULL && strcmp(mode, "QUICK_CREATE") == 0)
                continue;
            cred = sx_named(cx, "credentials",
                            json_object_get(c, "credentialName"));
            type = acl_sx_str(cred, "authorizerType");
            snprintf(path, sizeof path,
                     "payments/%zu/connectors/%zu/credentialName", i, j);
            if (cred == NULL)
                acl_sx_fail_at(
                    cx, path,
                    "Payment connector \"%s\" in manager \"%s\" "
                    "references credential \"%s\" which does not exist in "
                    "credentials[]",
                    acl_sx_str(c, "name"), acl_sx_str(pm, "name"),
                    cn ? cn : "");
            else if (type == NULL ||
                     strcmp(type, "PaymentCredentialProvider") != 0)
                acl_sx_fail_at(
                    cx, path,
                    "Payment connector \"%s\" in manager \"%s\" "
                    "references credential \"%s\" which is a %s, not a "
                    "PaymentCredentialProvider",
                    acl_sx_str(c, "name"), acl_sx_str(pm, "name"), cn,
                    type ? type : "?");
        }
    }
}

void
acl_sx_rule_project(struct acl_sx_ctx *cx, json_t *v)
{
    cx->index = sx_index_new(v);
    sx_xref_online_evals(cx, v);
    sx_xref_gateways(cx, v);
    sx_xref_capacity(cx, v);
    sx_xref_ab_tests(cx, v);
    sx_xref_payments(cx, v);
    json_decref(cx->index);
    cx->index = NULL;
}
