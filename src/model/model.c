/*
 * model.c - typed views of agentcore.json: runtimes, gateways, targets,
 * credentials, policy engines, harness entries.
 *
 * Wrongly typed members are skipped here, not reported: AC020 reports
 * them against the schema, and every other rule sees only well-formed
 * resources.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/jptr.h"
#include "model/model_build.h"

const char *
acl_json_str(json_t *obj, const char *key)
{
    return json_string_value(json_object_get(obj, key));
}

const char *
acl_json_strn(json_t *obj, const char *key, size_t *len)
{
    json_t *v = json_object_get(obj, key);

    *len = json_string_length(v);
    return json_string_value(v);
}

json_t *
acl_json_path(json_t *obj, const char *path)
{
    char name[128];

    while (obj != NULL && *path != '\0') {
        size_t n = strcspn(path, "/");

        if (n >= sizeof name)
            return NULL;
        memcpy(name, path, n);
        name[n] = '\0';
        obj = json_object_get(obj, name);
        path += n + (path[n] == '/');
    }
    return obj;
}

void
acl_node_set(struct acl_node *n, const struct acl_doc *doc, char *ptr,
             json_t *json, const char *resource)
{
    n->doc = doc;
    n->ptr = ptr;
    n->json = json;
    n->resource = resource != NULL ? acl_xstrdup(resource) : NULL;
}

void
acl_node_clear(struct acl_node *n)
{
    free(n->ptr);
    free(n->resource);
    n->ptr = n->resource = NULL;
}

/* Allocates the array for the object elements of arr; returns the count
 * of elements (the caller fills only the objects). */
void *
acl_alloc_for(json_t *arr, size_t size, size_t *n)
{
    *n = 0;
    return acl_xcalloc(json_is_array(arr) ? json_array_size(arr) + 1 : 1, size);
}

size_t
acl_build_kv(const struct acl_doc *doc, const char *base, json_t *obj,
             const char *resource, struct acl_kv **out)
{
    const char *key;
    size_t klen, n = 0;
    json_t *v;

    *out = acl_xcalloc(json_is_object(obj) ? json_object_size(obj) + 1 : 1,
                       sizeof **out);
    json_object_keylen_foreach(obj, key, klen, v)
    {
        struct acl_kv *kv = &(*out)[n++];

        kv->key = key;
        kv->key_len = klen;
        kv->value = json_string_value(v);
        acl_node_set(&kv->node, doc, acl_jptr_join(base, key, klen), v,
                     resource);
    }
    return n;
}

void
acl_free_kv(struct acl_kv *kv, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        acl_node_clear(&kv[i].node);
    free(kv);
}

static const struct {
    const char *text;
    enum acl_target_type type;
} target_types[] = {
    {"lambda", ACL_TT_LAMBDA},
    {"mcpServer", ACL_TT_MCP_SERVER},
    {"openApiSchema", ACL_TT_OPENAPI},
    {"smithyModel", ACL_TT_SMITHY},
    {"apiGateway", ACL_TT_APIGATEWAY},
    {"lambdaFunctionArn", ACL_TT_LAMBDA_ARN},
    {"httpRuntime", ACL_TT_HTTP_RUNTIME},
    {"connector", ACL_TT_CONNECTOR},
    {"passthrough", ACL_TT_PASSTHROUGH},
};

static const struct {
    const char *text;
    enum acl_auth_type type;
} auth_types[] = {
    {"NONE", ACL_AUTH_NONE},
    {"OAUTH", ACL_AUTH_OAUTH},
    {"API_KEY", ACL_AUTH_API_KEY},
    {"GATEWAY_IAM_ROLE", ACL_AUTH_GATEWAY_IAM_ROLE},
    {"JWT_PASSTHROUGH", ACL_AUTH_JWT_PASSTHROUGH},
};

static enum acl_target_type
target_type(const char *s)
{
    size_t i;

    for (i = 0; s != NULL && i < ACL_ARRAY_LEN(target_types); i++)
        if (strcmp(s, target_types[i].text) == 0)
            return target_types[i].type;
    return ACL_TT_UNKNOWN;
}

static enum acl_auth_type
auth_type(const char *s)
{
    size_t i;

    if (s == NULL)
        return ACL_AUTH_NONE;
    for (i = 0; i < ACL_ARRAY_LEN(auth_types); i++)
        if (strcmp(s, auth_types[i].text) == 0)
            return auth_types[i].type;
    return ACL_AUTH_OTHER;
}

static void
target_auth(struct acl_target *t, json_t *j)
{
    json_t *auth = json_object_get(j, "outboundAuth");

    t->has_outbound_auth = auth != NULL;
    t->auth_type_text = acl_json_str(auth, "type");
    t->auth_type =
        json_is_object(auth) ? auth_type(t->auth_type_text) : ACL_AUTH_NONE;
    t->credential_name =
        acl_json_strn(auth, "credentialName", &t->credential_name_len);
    t->auth_service = acl_json_str(auth, "service");
}

static void
target_tools(struct acl_target *t, json_t *j)
{
    json_t *defs = json_object_get(j, "toolDefinitions");
    json_t *confs = json_object_get(j, "configurations");
    json_t *api = json_object_get(j, "apiGateway");

    t->has_tool_definitions = json_is_array(defs);
    t->ntool_definitions = json_array_size(defs);
    t->tool_schema_file =
        json_string_value(acl_json_path(j, "lambdaFunctionArn/toolSchemaFile"));
    t->inline_schema_path =
        json_string_value(acl_json_path(j, "schemaSource/inline/path"));
    t->schema_in_s3 = acl_json_path(j, "schemaSource/s3") != NULL;
    t->http_runtime =
        json_string_value(acl_json_path(j, "httpRuntime/runtime"));
    t->connector_id = acl_json_str(j, "connectorId");
    t->has_configurations = json_is_array(confs);
    t->nconfigurations = json_array_size(confs);
    t->api_gateway = json_is_object(api) ? api : NULL;
}

void
acl_build_target(struct acl_target *t, const struct acl_doc *doc, char *ptr,
                 json_t *j, const struct acl_gateway *gw)
{
    char *res;

    t->gateway = gw;
    t->name = acl_json_str(j, "name");
    res = gw != NULL && gw->name != NULL
              ? acl_xasprintf("%s/%s", gw->name, t->name ? t->name : "")
              : acl_xstrdup(t->name ? t->name : "");
    acl_node_set(&t->node, doc, ptr, j, res);
    free(res);
    t->type_text = acl_json_str(j, "targetType");
    t->type = target_type(t->type_text);
    t->endpoint = acl_json_str(j, "endpoint");
    t->passthrough_endpoint =
        json_string_value(acl_json_path(j, "passthrough/endpoint"));
    target_auth(t, j);
    target_tools(t, j);
}

static enum acl_tri
tri(json_t *v)
{
    if (v == NULL)
        return ACL_ABSENT;
    if (!json_is_boolean(v))
        return ACL_WRONG_TYPE;
    return json_is_true(v) ? ACL_TRUE : ACL_FALSE;
}

size_t
acl_build_targets(const struct acl_doc *doc, const char *base, json_t *arr,
                  const struct acl_gateway *gw, struct acl_target **out)
{
    size_t i, n;
    json_t *j;

    *out = acl_alloc_for(arr, sizeof **out, &n);
    json_array_foreach (arr, i, j) {
        if (json_is_object(j))
            acl_build_target(&(*out)[n++], doc, acl_jptr_index(base, i), j, gw);
    }
    return n;
}

void
acl_build_gateway(struct acl_gateway *g, const struct acl_doc *doc, char *ptr,
                  json_t *j)
{
    json_t *pe = json_object_get(j, "policyEngineConfiguration");
    char *tptr;

    g->name = acl_json_str(j, "name");
    acl_node_set(&g->node, doc, ptr, j, g->name);
    g->protocol_type = acl_json_str(j, "protocolType");
    g->authorizer_type = acl_json_str(j, "authorizerType");
    g->discovery_url = json_string_value(acl_json_path(
        j, "authorizerConfiguration/customJwtAuthorizer/discoveryUrl"));
    g->semantic_search = tri(json_object_get(j, "enableSemanticSearch"));
    g->exception_level = acl_json_str(j, "exceptionLevel");
    g->has_policy_engine = json_is_object(pe);
    g->policy_engine_name =
        acl_json_strn(pe, "policyEngineName", &g->policy_engine_name_len);
    g->policy_mode = acl_json_str(pe, "mode");
    tptr = acl_jptr_join(ptr, "targets", 7);
    g->ntargets = acl_build_targets(doc, tptr, json_object_get(j, "targets"), g,
                                    &g->targets);
    free(tptr);
}

void
acl_free_targets(struct acl_target *t, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        acl_node_clear(&t[i].node);
    free(t);
}
