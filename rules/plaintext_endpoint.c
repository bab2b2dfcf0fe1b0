/*
 * AC021 plaintext-endpoint - an http:// URL where tokens travel.
 *
 * Flags: an http:// or ws:// URL (scheme in any case) as a target's
 * "endpoint" or "passthrough.endpoint", as an OAuth or OIDC discovery
 * URL (a credential's discoveryUrl; the JWT authorizer discoveryUrl of
 * a gateway, a runtime, a harness or a payment manager), as a harness
 * remote MCP tool URL, or as a servers[].url of the OpenAPI document an
 * openApiSchema target names (JSON, or YAML read by a line scan).
 * Error in the production context, warning outside it.
 * Does not flag: loopback hosts - localhost, all of 127.0.0.0/8 in any
 * IPv4 spelling, ::1 and ::ffff:127.x.x.x (local development); https, wss and other schemes;
 * values that are not URLs (AC020); OpenAPI server URLs with
 * variables or relative paths.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/lookup.h"
#include "acl/openapi.h"
#include "acl/ref.h"
#include "acl/rule.h"
#include "acl/url.h"

/* Is u a plain-text URL to another machine (http:// or ws://)? */
static int
plaintext(const struct acl_url *u)
{
    return (strcmp(u->scheme, "http") == 0 || strcmp(u->scheme, "ws") == 0) &&
           !acl_url_host_is_loopback(u->host);
}

/* Is host an AWS endpoint (amazonaws.com, its China partition, on.aws,
 * api.aws)? */
static int
aws_host(const char *host)
{
    static const char *const pats[] = {
        "amazonaws.com", "*.amazonaws.com", "*.amazonaws.com.cn",
        "*.on.aws",      "*.api.aws",
    };
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(pats); i++)
        if (acl_url_host_matches(host, pats[i]))
            return 1;
    return 0;
}

/* Reports url (the value of member of node) when it is plain http to a
 * host other than the local machine. what names the owner and role:
 * "target \"t\" of gateway \"g\" endpoint". */
static void
check_url(struct acl_check *c, const struct acl_node *node, const char *member,
          const char *url, const char *what)
{
    const char *why =
        c->project->model.production.on ? acl_prod_reason(c) : NULL;
    struct acl_url u;
    struct acl_finding *f;
    int ws;

    if (url == NULL || acl_url_parse(url, &u) != 0)
        return;
    if (!plaintext(&u)) {
        acl_url_clear(&u);
        return;
    }
    f = acl_report(c, acl_prod_level(c), node, member,
                   "%s uses plain %s:// (host \"%.*s\"): what is sent or "
                   "fetched there travels unencrypted and can be read or "
                   "changed on the way%s%s",
                   what, u.scheme, 200, u.host, why ? ", and " : "",
                   why ? why : "");
    /* AWS endpoints all serve TLS: the same URL over https is safe.
     * Elsewhere nobody knows whether the host speaks TLS. */
    ws = strcmp(u.scheme, "ws") == 0;
    acl_fix_prefix(f, aws_host(u.host) ? ACL_FIX : ACL_SUGGESTION, node, member,
                   ws ? "ws:" : "http:", ws ? "wss:" : "https:",
                   ws ? "use wss:// instead of ws://"
                      : "use https:// instead of http://");
    acl_url_clear(&u);
}

static void
check_targets(struct acl_check *c)
{
    size_t i, n = acl_targets_count(c->project);

    for (i = 0; i < n; i++) {
        const struct acl_target *t = acl_targets_at(c->project, i);
        char *label = acl_target_label(t);
        char *what = acl_xasprintf("the endpoint of %s", label);

        check_url(c, &t->node, "endpoint", t->endpoint, what);
        check_url(c, &t->node, "passthrough/endpoint", t->passthrough_endpoint,
                  what);
        free(what);
        free(label);
    }
}

#define JWT_URL "authorizerConfiguration/customJwtAuthorizer/discoveryUrl"

static void
check_discovery(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;
    char *what;

    for (i = 0; i < p->model.ncredentials; i++) {
        const struct acl_credential *cr = &p->model.credentials[i];

        what = acl_xasprintf("the discovery URL of credential \"%s\"",
                             cr->name ? cr->name : "");
        check_url(c, &cr->node, "discoveryUrl", cr->discovery_url, what);
        free(what);
    }
    for (i = 0; i < p->model.ngateways; i++) {
        const struct acl_gateway *g = &p->model.gateways[i];

        what = acl_xasprintf("the JWT discovery URL of gateway \"%s\"",
                             g->name ? g->name : "");
        check_url(c, &g->node, JWT_URL, g->discovery_url, what);
        free(what);
    }
    for (i = 0; i < p->model.nruntimes; i++) {
        const struct acl_runtime *r = &p->model.runtimes[i];

        what = acl_xasprintf("the JWT discovery URL of runtime \"%s\"",
                             r->name ? r->name : "");
        check_url(c, &r->node, JWT_URL, r->discovery_url, what);
        free(what);
    }
    for (i = 0; i < p->model.npayments; i++) {
        const struct acl_payment *m = &p->model.payments[i];

        what = acl_xasprintf("the JWT discovery URL of payment manager "
                             "\"%s\"",
                             m->name ? m->name : "");
        check_url(c, &m->node,
                  "authorizerConfiguration/customJWTAuthorizer/discoveryUrl",
                  m->discovery_url, what);
        free(what);
    }
}

static void
check_harnesses(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, k;
    char *what;

    for (i = 0; i < p->model.nharnesses; i++) {
        const struct acl_harness *h = &p->model.harnesses[i];
        const char *name = h->name ? h->name : "";

        if (h->spec == NULL)
            continue;
        what = acl_xasprintf("the JWT discovery URL of harness \"%s\"", name);
        check_url(c, &h->spec_node, JWT_URL, h->discovery_url, what);
        free(what);
        for (k = 0; k < h->ntools; k++) {
            const struct acl_harness_tool *t = &h->tools[k];

            what = acl_xasprintf("remote MCP tool \"%s\" of harness \"%s\"",
                                 t->name ? t->name : "", name);
            check_url(c, &t->node, "config/remoteMcp/url", t->remote_url, what);
            free(what);
        }
    }
}

struct server_ctx {
    struct acl_check *c;
    const struct acl_target *t;
};

/* One servers[].url of an OpenAPI target's document. */
static void
check_server(void *arg, const struct acl_openapi_server *sv)
{
    struct server_ctx *x = arg;
    struct acl_check *c = x->c;
    const char *why =
        c->project->model.production.on ? acl_prod_reason(c) : NULL;
    char *label;
    struct acl_url u;

    if (acl_url_parse(sv->url, &u) != 0)
        return; /* relative, or {variables}: the API resolves those */
    if (plaintext(&u) && strchr(u.host, '{') == NULL) {
        label = acl_target_label(x->t);
        if (sv->pointer != NULL) {
            struct acl_node n = {sv->doc, (char *)sv->pointer, NULL, NULL};

            acl_report(c, acl_prod_level(c), &n, NULL,
                       "the OpenAPI document of %s sends its API calls to "
                       "plain %s:// (host \"%.*s\"): the gateway's credential "
                       "and every request travel unencrypted%s%s",
                       label, u.scheme, 200, u.host, why ? ", and " : "",
                       why ? why : "");
        } else {
            acl_report_span(c, acl_prod_level(c), sv->doc->text, sv->span, NULL,
                            "the OpenAPI document of %s sends its API calls "
                            "to plain %s:// (host \"%.*s\"): the gateway's "
                            "credential and every request travel "
                            "unencrypted%s%s",
                            label, u.scheme, 200, u.host, why ? ", and " : "",
                            why ? why : "");
        }
        free(label);
    }
    acl_url_clear(&u);
}

static void
check_openapi(struct acl_check *c)
{
    size_t i, n = acl_targets_count(c->project);
    json_t *done = json_object();

    for (i = 0; i < n; i++) {
        const struct acl_target *t = acl_targets_at(c->project, i);
        const struct acl_doc *doc;
        struct server_ctx x = {c, t};

        if (t->type != ACL_TT_OPENAPI || t->inline_schema_path == NULL ||
            acl_ref_json(c->project, t->inline_schema_path, &doc) !=
                ACL_REF_OK ||
            json_object_get(done, doc->text->path) != NULL)
            continue; /* a document two targets share is read once */
        json_object_set_new(done, doc->text->path, json_true());
        acl_openapi_servers(doc, check_server, &x);
    }
    json_decref(done);
}

static void
check(struct acl_check *c)
{
    check_targets(c);
    check_openapi(c);
    check_discovery(c);
    check_harnesses(c);
}

const struct acl_rule acl_rule_plaintext_endpoint = {
    .id = "AC021",
    .name = "plaintext-endpoint",
    .level = ACL_ERROR,
    .flags = ACL_RULE_SECURITY | ACL_RULE_PROD_LEVEL,
    .summary = "a tool endpoint or discovery URL uses plain http:// or "
               "ws://",
    .description =
        "Gateway targets receive the agent's requests together with the "
        "OAuth tokens or API keys of their outbound auth; an OAuth or OIDC "
        "discovery URL tells the gateway, runtime or harness where to fetch "
        "token-signing keys; a harness's remote MCP server receives its "
        "headers; the servers[].url of an openApiSchema target's OpenAPI "
        "document receives every API call with the gateway's API key or "
        "token. Over plain http:// or ws:// anyone on the network path can read "
        "or change all of it, and a changed discovery document lets an "
        "attacker sign tokens the authorizer accepts. The CLI's schema "
        "refuses http:// only in customJwtAuthorizer discovery URLs and "
        "passthrough endpoints and accepts it everywhere else. Loopback "
        "hosts - localhost, all of 127.0.0.0/8 (127.0.0.1, 127.1, ...) and "
        "::1 (with ::ffff:127.0.0.1, 127.0.0.0/8 mapped to IPv6) - are "
        "exempt, for local development; so are https and wss, "
        "and OpenAPI server URLs that are relative or hold {variables}. "
        "This is "
        "an error when the project is linted for production (see "
        "--production and --target) and a warning otherwise.",
    .help = "use an https:// URL; serve the tool or identity provider over "
            "TLS",
    .example = "Fails:  \"endpoint\": \"http://tools.example.com/mcp\"\n"
               "Passes: \"endpoint\": \"https://tools.example.com/mcp\"\n"
               "Passes: \"endpoint\": \"http://localhost:8000/mcp\"",
    .precision = "very-high",
    .security_severity = "7.5",
    .check = check,
};
