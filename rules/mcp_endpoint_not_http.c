/*
 * AC025 mcp-endpoint-not-http - an MCP server target the gateway cannot
 * speak to.
 *
 * Flags: a target (of a gateway or in unassignedTargets) with targetType
 * "mcpServer" whose endpoint is a URL with a scheme other than http or
 * https (ws://, wss://, stdio:, file:, ...). AgentCore Gateway speaks MCP
 * to its targets over streamable HTTP only; the CLI's schema accepts any
 * scheme, so the mistake surfaces only when the deployment fails or the
 * tools never appear.
 * A host and port without a scheme ("localhost:8000/mcp") parses as the
 * scheme "localhost"; the message then says the scheme is missing.
 * Does not flag: http:// (AC021 reports plain text); values that are not
 * URLs at all (AC020); endpoints of other target types.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/lookup.h"
#include "acl/rule.h"
#include "acl/url.h"

/* Is u a host and port written without a scheme ("localhost:8000/mcp"),
 * which URL parsers read as the scheme "localhost" and a path "8000..."? */
static int
port_without_scheme(const struct acl_url *u)
{
    return u->host[0] == '\0' && u->path[0] >= '0' && u->path[0] <= '9';
}

static void
check_target(struct acl_check *c, const struct acl_target *t)
{
    struct acl_url u;
    char *label;

    if (t->type != ACL_TT_MCP_SERVER || t->endpoint == NULL ||
        acl_url_parse(t->endpoint, &u) != 0)
        return;
    if (strcmp(u.scheme, "http") == 0 || strcmp(u.scheme, "https") == 0) {
        acl_url_clear(&u);
        return;
    }
    label = acl_target_label(t);
    if (port_without_scheme(&u))
        acl_report(c, ACL_ERROR, &t->node, "endpoint",
                   "%s is an mcpServer target whose endpoint \"%.80s\" has "
                   "no scheme (it reads as the scheme \"%.40s:\"): write "
                   "https://%.80s; AgentCore Gateway reaches MCP servers over "
                   "streamable HTTP only",
                   label, t->endpoint, u.scheme, t->endpoint);
    else
        acl_report(c, ACL_ERROR, &t->node, "endpoint",
                   "%s is an mcpServer target whose endpoint uses the "
                   "\"%.40s:\" scheme: AgentCore Gateway reaches MCP servers "
                   "over streamable HTTP only, so it cannot list or call "
                   "this server's tools",
                   label, u.scheme);
    free(label);
    acl_url_clear(&u);
}

static void
check(struct acl_check *c)
{
    acl_each_target(c, check_target);
}

const struct acl_rule acl_rule_mcp_endpoint_not_http = {
    .id = "AC025",
    .name = "mcp-endpoint-not-http",
    .level = ACL_ERROR,
    .summary = "an mcpServer target's endpoint is not an http(s) URL",
    .description =
        "AgentCore Gateway connects to an MCP server target with the MCP "
        "streamable HTTP transport: the endpoint must be an https:// (or, "
        "for local tests, http://) URL of the server's MCP path. WebSocket "
        "(ws://, wss://), stdio, file: and other schemes pass the CLI's "
        "schema, which accepts any URL, but the gateway cannot use them: "
        "the deployment fails or the target lists no tools. A server that "
        "speaks only stdio or WebSocket needs an HTTP front (or hosting on "
        "AgentCore Runtime with protocol MCP). A host and port written "
        "without a scheme (localhost:8000/mcp) is, to the CLI's URL check, "
        "the scheme \"localhost\": it is reported as a missing scheme. "
        "Plain http:// endpoints are "
        "AC021's; values that are not URLs are AC020's.",
    .help = "point the endpoint at the server's streamable HTTP MCP URL, "
            "e.g. https://mcp.example.com/mcp",
    .example = "Fails:  { \"name\": \"docs\", \"targetType\": \"mcpServer\", "
               "\"endpoint\": \"wss://mcp.example.com/ws\" }\n"
               "Passes: { \"name\": \"docs\", \"targetType\": \"mcpServer\", "
               "\"endpoint\": \"https://mcp.example.com/mcp\" }",
    .precision = "very-high",
    .check = check,
};
