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

#include "acl/rule.h"
#include "acl/url.h"

/* The AgentCore data-plane or control-plane host of some region. */
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
    return 0;
}

/* The percent-decoded <runtime> of a /runtimes/<runtime>/invocations
 * path, or NULL for another path. The caller frees it. */
static char *
invoked_runtime(const char *path, int *has_nul)
{
    static const char head[] = "/runtimes/", tail[] = "/invocations";
    size_t n = strlen(path), hl = sizeof head - 1, tl = sizeof tail - 1;
    size_t len;
    char *s;

    if (n <= hl + tl || strncmp(path, head, hl) != 0 ||
        !acl_ends_with(path, tail))
        return NULL;
    s = acl_percent_decode(path + hl, n - hl - tl, &len);
    *has_nul = strlen(s) != len;
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

static const struct acl_runtime *
runtime_named(const struct acl_project *p, const char *name)
{
    size_t i;

    for (i = 0; name != NULL && i < p->nruntimes; i++)
        if (p->runtimes[i].name != NULL &&
            strcmp(p->runtimes[i].name, name) == 0)
            return &p->runtimes[i];
    return NULL;
}

/* The runtime of this project that the decoded ARN or ID names, or
 * NULL when it names none that is declared with a known protocol. */
static const struct acl_runtime *
own_runtime(const struct acl_project *p, const char *arn_or_id,
            const char *id)
{
    size_t i;

    for (i = 0; i < p->ndeployed_runtimes; i++) {
        const struct acl_deployed *d = &p->deployed_runtimes[i];

        if ((d->arn != NULL && strcmp(d->arn, arn_or_id) == 0) ||
            (id != NULL && d->id != NULL && strcmp(d->id, id) == 0))
            return d->mcp ? NULL : runtime_named(p, d->name);
    }
    for (i = 0; id != NULL && p->name != NULL && i < p->nruntimes; i++) {
        const struct acl_runtime *r = &p->runtimes[i];
        char *prefix;
        int mine;

        if (r->name == NULL)
            continue;
        prefix = acl_xasprintf("%s_%s-", p->name, r->name);
        mine = acl_starts_with(id, prefix);
        free(prefix);
        if (mine)
            return r;
    }
    return NULL;
}

/* "target "t" of gateway "g"" or "unassigned target "t"". */
static char *
target_phrase(const struct acl_target *t)
{
    const char *name = t->name ? t->name : "";

    if (t->gateway != NULL && t->gateway->name != NULL)
        return acl_xasprintf("target \"%s\" of gateway \"%s\"", name,
                             t->gateway->name);
    return acl_xasprintf("unassigned target \"%s\"", name);
}

/* The gateway URL deployed-state.json records for t's gateway, when
 * url is it. */
static int
own_gateway_url(const struct acl_project *p, const struct acl_target *t,
                const char *url)
{
    size_t i;

    if (t->gateway == NULL || t->gateway->name == NULL)
        return 0;
    for (i = 0; i < p->ndeployed_gateways; i++) {
        const struct acl_deployed *d = &p->deployed_gateways[i];

        if (d->url != NULL && d->name != NULL &&
            strcmp(d->name, t->gateway->name) == 0 && acl_url_same(url, d->url))
            return 1;
    }
    return 0;
}

/* An invocations URL: reported when it invokes a non-MCP runtime of
 * this project. */
static void
check_invocation(struct acl_check *c, const struct acl_target *t,
                 const char *member, const char *decoded)
{
    char *id = runtime_id(decoded), *what;
    const struct acl_runtime *r = own_runtime(c->project, decoded, id);

    free(id);
    if (r == NULL || (r->protocol != NULL && strcmp(r->protocol, "MCP") == 0))
        return;
    what = target_phrase(t);
    acl_report(c, ACL_ERROR, &t->node, member,
               "%s invokes runtime \"%s\" of this project, whose protocol "
               "is %s, not MCP: the gateway would call your own agent "
               "instead of a tool",
               what, r->name, r->protocol ? r->protocol : "HTTP (the default)");
    free(what);
}

static void
check_endpoint(struct acl_check *c, const struct acl_target *t,
               const char *member, const char *url)
{
    struct acl_url u;
    char *runtime, *what;
    int has_nul = 0;

    if (own_gateway_url(c->project, t, url)) {
        what = target_phrase(t);
        acl_report(c, ACL_ERROR, &t->node, member,
                   "%s points at the URL of gateway \"%s\" itself: the "
                   "gateway would call itself", what, t->gateway->name);
        free(what);
        return;
    }
    if (acl_url_parse(url, &u) != 0)
        return;
    if (service_host(u.host)) {
        runtime = invoked_runtime(u.path, &has_nul);
        if (runtime == NULL) {
            what = target_phrase(t);
            acl_report(c, ACL_ERROR, &t->node, member,
                       "%s points at the AgentCore service API (%s), not "
                       "at a tool: the gateway would call back into "
                       "AgentCore", what, u.host);
            free(what);
        } else if (!has_nul) {
            check_invocation(c, t, member, runtime);
        }
        free(runtime);
    }
    acl_url_clear(&u);
}

static void
check_target(struct acl_check *c, const struct acl_target *t)
{
    if (t->type == ACL_TT_MCP_SERVER && t->endpoint != NULL)
        check_endpoint(c, t, "endpoint", t->endpoint);
    if (t->passthrough_endpoint != NULL)
        check_endpoint(c, t, "passthrough/endpoint", t->passthrough_endpoint);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, j;

    for (i = 0; i < p->ngateways; i++)
        for (j = 0; j < p->gateways[i].ntargets; j++)
            check_target(c, &p->gateways[i].targets[j]);
    for (i = 0; i < p->nunassigned; i++)
        check_target(c, &p->unassigned[i]);
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
        "(bedrock-agentcore or bedrock-agentcore-control hosts) other than "
        "a runtime invocation; the invocation URL of one of this project's "
        "own runtimes that is not an MCP server (recognised through "
        "deployed-state.json or the <project>_<runtime>- ID prefix); or "
        "the gateway's own URL. Such a target exposes the agent, with the "
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
