/*
 * AC004 inverted-gateway-direction - a gateway target that sends the
 * gateway back into AgentCore instead of out to a tool.
 *
 * Flags, for the endpoint of an mcpServer target and for any target's
 * passthrough.endpoint:
 * - a host that is the AgentCore service itself
 *   (bedrock-agentcore[-control].<region>.amazonaws.com[.cn]) with a
 *   path other than /runtimes/<runtime>/invocations;
 * - an invocations URL of a runtime of this project whose protocol is
 *   not MCP. The runtime is this project's when the percent-decoded ARN
 *   or ID in the URL is recorded in deployed-state.json for one of its
 *   runtimes, or when the ID starts with "<project>_<runtime>-" (how the
 *   CLI names deployed runtimes);
 * - the gatewayUrl deployed-state.json records for the target's own
 *   gateway (compared as URLs: case of scheme and host, default port
 *   and one trailing '/' do not matter).
 * Does not flag: invocations URLs of MCP-protocol runtimes or of MCP
 * runtime tools (valid MCP servers hosted on AgentCore Runtime); those
 * of runtimes that are not this project's (another account's, another
 * project's); a runtime recorded in deployed-state.json that
 * agentcore.json no longer declares (its protocol is unknown); the URL
 * of another gateway (gateways may front gateways); unparsable URLs
 * (AC020).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "acl/lookup.h"
#include "acl/openapi.h"
#include "acl/ref.h"
#include "acl/rule.h"
#include "acl/url.h"

/* A VPC interface endpoint of the service:
 * vpce-<id>[-<az>].bedrock-agentcore[-control].<region>.vpce.amazonaws.com */
static int
vpce_host(const char *host)
{
    const char *p = strchr(host, '.');

    if (!acl_starts_with(host, "vpce-") || p == NULL)
        return 0;
    return acl_url_host_matches(p + 1,
                                "bedrock-agentcore.*.vpce.amazonaws.com") ||
           acl_url_host_matches(
               p + 1, "bedrock-agentcore-control.*.vpce.amazonaws.com");
}

/* The AgentCore data-plane or control-plane host of some region, public
 * or through a VPC endpoint. */
static int
service_host(const char *host)
{
    static const char *const prefixes[] = {"bedrock-agentcore.",
                                           "bedrock-agentcore-control."};
    static const char *const suffixes[] = {".amazonaws.com",
                                           ".amazonaws.com.cn"};
    size_t i, j, k, hl = strlen(host);

    for (i = 0; i < ACL_ARRAY_LEN(prefixes); i++) {
        size_t pl = strlen(prefixes[i]);

        if (strncmp(host, prefixes[i], pl) != 0)
            continue;
        for (j = 0; j < ACL_ARRAY_LEN(suffixes); j++) {
            size_t sl = strlen(suffixes[j]);

            if (hl <= pl + sl || !acl_ends_with(host, suffixes[j]))
                continue;
            for (k = pl; k < hl - sl; k++)
                if (!((host[k] >= 'a' && host[k] <= 'z') ||
                      (host[k] >= '0' && host[k] <= '9') || host[k] == '-'))
                    break;
            if (k == hl - sl)
                return 1;
        }
    }
    return vpce_host(host);
}

/* The percent-decoded <runtime> of a /runtimes/<runtime>/invocations
 * path (one trailing '/' allowed), or NULL for another path. The
 * caller frees it. */
static char *
invoked_runtime(const char *path, int *has_nul)
{
    static const char head[] = "/runtimes/", tail[] = "/invocations";
    size_t n = strlen(path), hl = sizeof head - 1, tl = sizeof tail - 1;
    size_t len;
    char *s, *trimmed = NULL;

    if (n > 1 && path[n - 1] == '/')
        path = trimmed = acl_xstrndup(path, --n);
    if (n <= hl + tl || strncmp(path, head, hl) != 0 ||
        !acl_ends_with(path, tail)) {
        free(trimmed);
        return NULL;
    }
    s = acl_percent_decode(path + hl, n - hl - tl, &len);
    *has_nul = strlen(s) != len;
    free(trimmed);
    return s;
}

/* The runtime ID inside a runtime ARN ("...:runtime/<id>[/...]"), or
 * the string up to any '/' when it is not an ARN. NULL for another ARN.
 * The caller frees it. */
static char *
runtime_id(const char *s)
{
    const char *r;

    if (!acl_starts_with(s, "arn:"))
        return acl_xstrndup(s, strcspn(s, "/"));
    r = strstr(s, ":runtime/");
    if (r == NULL)
        return NULL;
    r += strlen(":runtime/");
    return acl_xstrndup(r, strcspn(r, "/"));
}

/* deployed-state.json entries by key, built once per run so that
 * lookups stay fast on huge projects: runtimes by ARN and by ID (the
 * index of the first entry), gateways by name (an array of indexes: one
 * per deployment target and map). */
struct deployed_index {
    json_t *rt_by_arn, *rt_by_id, *gw_by_name;
};

static void
index_first(json_t *idx, const char *key, size_t i)
{
    if (key != NULL && json_object_get(idx, key) == NULL)
        json_object_set_new_nocheck(idx, key, json_integer((json_int_t)i));
}

static void
index_deployed(const struct acl_project *p, struct deployed_index *ix)
{
    size_t i;

    ix->rt_by_arn = json_object();
    ix->rt_by_id = json_object();
    ix->gw_by_name = json_object();
    for (i = 0; i < p->model.ndeployed_runtimes; i++) {
        index_first(ix->rt_by_arn, p->model.deployed_runtimes[i].arn, i);
        index_first(ix->rt_by_id, p->model.deployed_runtimes[i].id, i);
    }
    for (i = 0; i < p->model.ndeployed_gateways; i++) {
        const struct acl_deployed *d = &p->model.deployed_gateways[i];
        json_t *list;

        if (d->name == NULL || (d->url == NULL && d->id == NULL))
            continue;
        list = json_object_get(ix->gw_by_name, d->name);
        if (list == NULL) {
            list = json_array();
            json_object_set_new_nocheck(ix->gw_by_name, d->name, list);
        }
        json_array_append_new(list, json_integer((json_int_t)i));
    }
}

static void
index_free(struct deployed_index *ix)
{
    json_decref(ix->rt_by_arn);
    json_decref(ix->rt_by_id);
    json_decref(ix->gw_by_name);
}

/* The runtime an ID names by the CLI's naming, <project>_<runtime>-...
 * (runtime names have no '-'), or NULL. */
static const struct acl_runtime *
named_by_prefix(const struct acl_project *p, const char *id)
{
    size_t pl = p->model.name != NULL ? strlen(p->model.name) : 0;
    const char *rest, *dash;
    const struct acl_runtime *r;
    char *name;

    if (pl == 0 || strncmp(id, p->model.name, pl) != 0 || id[pl] != '_')
        return NULL;
    rest = id + pl + 1;
    dash = strchr(rest, '-');
    if (dash == NULL || dash == rest)
        return NULL;
    name = acl_xstrndup(rest, (size_t)(dash - rest));
    r = acl_find_runtime(p, name);
    free(name);
    return r;
}

/* The runtime of this project that the decoded ARN or ID names, or
 * NULL when it names none that is declared with a known protocol. */
static const struct acl_runtime *
own_runtime(const struct acl_project *p, const struct deployed_index *ix,
            const char *arn_or_id, const char *id)
{
    json_t *a = json_object_get(ix->rt_by_arn, arn_or_id);
    json_t *b = id != NULL ? json_object_get(ix->rt_by_id, id) : NULL;
    long i = a != NULL ? (long)json_integer_value(a) : -1;

    if (b != NULL && (i < 0 || (long)json_integer_value(b) < i))
        i = (long)json_integer_value(b);
    if (i >= 0)
        return p->model.deployed_runtimes[i].mcp
                   ? NULL
                   : acl_find_runtime(p, p->model.deployed_runtimes[i].name);
    return id != NULL ? named_by_prefix(p, id) : NULL;
}

/* Does host belong to deployed gateway d: the host of its recorded
 * gatewayUrl, or <gatewayId>.gateway.bedrock-agentcore.... when only
 * the ID is recorded? */
static int
gateway_host(const struct acl_deployed *d, const char *host)
{
    struct acl_url g;
    int same = 0;
    size_t n;

    if (d->url != NULL && acl_url_parse(d->url, &g) == 0) {
        same = strcmp(g.host, host) == 0;
        acl_url_clear(&g);
        if (same)
            return 1;
    }
    if (d->id == NULL || (n = strlen(d->id)) == 0 ||
        strncasecmp(host, d->id, n) != 0)
        return 0;
    return acl_starts_with(host + n, ".gateway.bedrock-agentcore.");
}

/* Is url t's own gateway, as deployed-state.json records it? Same host
 * is enough: with a query string, without /mcp or with another path the
 * gateway still calls itself. */
static int
own_gateway_url(const struct acl_project *p, const struct deployed_index *ix,
                const struct acl_target *t, const char *url)
{
    json_t *list, *v;
    struct acl_url u;
    size_t i;
    int own = 0;

    if (t->gateway == NULL || t->gateway->name == NULL)
        return 0;
    list = json_object_get(ix->gw_by_name, t->gateway->name);
    if (json_array_size(list) == 0 || acl_url_parse(url, &u) != 0)
        return 0;
    json_array_foreach (list, i, v) {
        const struct acl_deployed *d =
            &p->model.deployed_gateways[json_integer_value(v)];

        if ((d->url != NULL && acl_url_same(url, d->url)) ||
            gateway_host(d, u.host))
            own = 1;
    }
    acl_url_clear(&u);
    return own;
}

/* An invocations URL: reported when it invokes a non-MCP runtime of
 * this project. */
static void
check_invocation(struct acl_check *c, const struct deployed_index *ix,
                 const struct acl_target *t, const char *member,
                 const char *decoded)
{
    char *id = runtime_id(decoded), *what;
    const struct acl_runtime *r = own_runtime(c->project, ix, decoded, id);

    free(id);
    if (r == NULL || (r->protocol != NULL && strcmp(r->protocol, "MCP") == 0))
        return;
    what = acl_target_label(t);
    acl_report(c, ACL_ERROR, &t->node, member,
               "%s invokes runtime \"%s\" of this project, whose protocol "
               "is %s, not MCP: the gateway would call your own agent "
               "instead of a tool",
               what, r->name, r->protocol ? r->protocol : "HTTP (the default)");
    free(what);
}

static void
check_endpoint(struct acl_check *c, const struct deployed_index *ix,
               const struct acl_target *t, const char *member, const char *url)
{
    struct acl_url u;
    char *runtime, *what;
    int has_nul = 0;

    if (own_gateway_url(c->project, ix, t, url)) {
        what = acl_target_label(t);
        acl_report(c, ACL_ERROR, &t->node, member,
                   "%s points at the URL of gateway \"%s\" itself: the "
                   "gateway would call itself",
                   what, t->gateway->name);
        free(what);
        return;
    }
    if (acl_url_parse(url, &u) != 0)
        return;
    if (service_host(u.host)) {
        runtime = invoked_runtime(u.path, &has_nul);
        if (runtime == NULL) {
            what = acl_target_label(t);
            acl_report(c, ACL_ERROR, &t->node, member,
                       "%s points at the AgentCore service API (%s), not "
                       "at a tool: the gateway would call back into "
                       "AgentCore",
                       what, u.host);
            free(what);
        } else if (!has_nul) {
            check_invocation(c, ix, t, member, runtime);
        }
        free(runtime);
    }
    acl_url_clear(&u);
}

static void
check_target(struct acl_check *c, const struct deployed_index *ix,
             const struct acl_target *t)
{
    if (t->type == ACL_TT_MCP_SERVER && t->endpoint != NULL)
        check_endpoint(c, ix, t, "endpoint", t->endpoint);
    if (t->passthrough_endpoint != NULL)
        check_endpoint(c, ix, t, "passthrough/endpoint",
                       t->passthrough_endpoint);
}

struct server_ctx {
    struct acl_check *c;
    const struct acl_target *t;
};

/* A servers[].url of an OpenAPI target's document on the AgentCore
 * service: the gateway would send the API's calls into AgentCore (a
 * runtime's invocations, the service API) instead of to the API. */
static void
check_server(void *arg, const struct acl_openapi_server *sv)
{
    struct server_ctx *x = arg;
    struct acl_url u;
    char *what;

    if (acl_url_parse(sv->url, &u) != 0)
        return;
    if (service_host(u.host)) {
        what = acl_target_label(x->t);
        if (sv->pointer != NULL) {
            struct acl_node n = {sv->doc, (char *)sv->pointer, NULL, NULL};

            acl_report(x->c, ACL_ERROR, &n, NULL,
                       "the OpenAPI document of %s sends its calls to the "
                       "AgentCore service (%s), not to an API: the gateway "
                       "would call back into AgentCore",
                       what, u.host);
        } else {
            acl_report_span(x->c, ACL_ERROR, sv->doc->text, sv->span, NULL,
                            "the OpenAPI document of %s sends its calls to "
                            "the AgentCore service (%s), not to an API: the "
                            "gateway would call back into AgentCore",
                            what, u.host);
        }
        free(what);
    }
    acl_url_clear(&u);
}

static void
check_openapi(struct acl_check *c, const struct acl_target *t, json_t *done)
{
    const struct acl_doc *doc;
    struct server_ctx x = {c, t};

    if (t->type != ACL_TT_OPENAPI || t->inline_schema_path == NULL ||
        acl_ref_json(c->project, t->inline_schema_path, &doc) != ACL_REF_OK ||
        json_object_get(done, doc->text->path) != NULL)
        return; /* a document two targets share is read once */
    json_object_set_new(done, doc->text->path, json_true());
    acl_openapi_servers(doc, check_server, &x);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    struct deployed_index ix;
    size_t i, j, n = acl_targets_count(p);
    json_t *done = json_object();

    for (i = 0; i < n; i++)
        check_openapi(c, acl_targets_at(p, i), done);
    json_decref(done);

    index_deployed(p, &ix);
    for (i = 0; i < p->model.ngateways; i++)
        for (j = 0; j < p->model.gateways[i].ntargets; j++)
            check_target(c, &ix, &p->model.gateways[i].targets[j]);
    for (i = 0; i < p->model.nunassigned; i++)
        check_target(c, &ix, &p->model.unassigned[i]);
    index_free(&ix);
}

const struct acl_rule acl_rule_inverted_gateway_direction = {
    .id = "AC004",
    .name = "inverted-gateway-direction",
    .level = ACL_ERROR,
    .flags = ACL_RULE_SECURITY,
    .summary = "a gateway target points back into AgentCore instead of "
               "out to a tool",
    .description =
        "A gateway hosts tools for an agent: agent -> gateway -> tool. It "
        "is not an inbound proxy for the agent. This rule reports a target "
        "endpoint (an mcpServer endpoint or a passthrough endpoint) that "
        "turns the flow around: the AgentCore service API itself "
        "(bedrock-agentcore or bedrock-agentcore-control hosts, public or "
        "through a vpce-... VPC endpoint) other than a runtime invocation; "
        "the invocation URL of one of this project's own runtimes that is "
        "not an MCP server (recognised through deployed-state.json or the "
        "<project>_<runtime>- ID prefix); or the gateway's own URL - on "
        "the host deployed-state.json records for it, whatever the path or "
        "query, or <gatewayId>.gateway.bedrock-agentcore... when only its "
        "ID is recorded. An openApiSchema target whose OpenAPI document "
        "lists a server on the AgentCore service (a runtime's invocations "
        "or any other data- or control-plane URL) is reported at that "
        "server URL. Such a target exposes the agent, with the "
        "gateway's credentials, to every caller of the gateway, and loops "
        "requests back into AgentCore. An MCP server hosted on AgentCore "
        "Runtime (protocol MCP) is a valid target and is not reported.",
    .help = "an app that needs the agent calls invoke_agent_runtime "
            "directly (SigV4 or a JWT), not through a gateway; point gateway "
            "targets at tools (Lambda, OpenAPI, MCP servers; an MCP server "
            "on AgentCore Runtime needs protocol MCP)",
    .example = "Fails:  { \"name\": \"my-agent\", \"targetType\": "
               "\"mcpServer\", \"endpoint\": \"https://bedrock-agentcore."
               "us-east-1.amazonaws.com/runtimes/Proj_Agent-AbCdE12345/"
               "invocations\" }   (runtime Agent has protocol HTTP)\n"
               "Passes: { \"name\": \"weather\", \"targetType\": "
               "\"mcpServer\", \"endpoint\": \"https://mcp.weather.example."
               "com/mcp\" }",
    .precision = "high",
    .security_severity = "7.5",
    .check = check,
};
