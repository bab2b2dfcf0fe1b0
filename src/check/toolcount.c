/*
 * toolcount.c - the tool count of a gateway: the sum over its targets,
 * with where each part came from and what could not be counted.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/json.h"
#include "acl/ref.h"
#include "acl/toolcount.h"

/* Lists shown in a description before "and N more". */
#define SHOW_SOURCES 6
#define SHOW_UNCOUNTED 3

struct counter {
    const struct acl_project *p;
    struct acl_tool_count *tc;
    size_t cap_sources, cap_uncounted;
};

static void
add_source(struct counter *c, const char *label, size_t n)
{
    struct acl_tool_count *tc = c->tc;
    size_t i;

    tc->total += n;
    for (i = 0; i < tc->nsources; i++) {
        if (strcmp(tc->sources[i].label, label) == 0) {
            tc->sources[i].count += n;
            return;
        }
    }
    acl_xgrow((void **)&tc->sources, &c->cap_sources, tc->nsources + 1,
              sizeof *tc->sources);
    tc->sources[tc->nsources].label = acl_xstrdup(label);
    tc->sources[tc->nsources++].count = n;
}

/* Marks the count a lower bound; why is taken over. */
static void
add_uncounted(struct counter *c, char *why)
{
    struct acl_tool_count *tc = c->tc;

    tc->lower_bound = 1;
    acl_xgrow((void **)&tc->uncounted, &c->cap_uncounted, tc->nuncounted + 1,
              sizeof *tc->uncounted);
    tc->uncounted[tc->nuncounted++] = why;
}

static const char *
tname(const struct acl_target *t)
{
    return t->name != NULL ? t->name : "";
}

/* A referenced JSON document, or NULL after noting why it is not one. */
static json_t *
ref_root(struct counter *c, const char *rel, const struct acl_doc **doc)
{
    enum acl_ref_status st = acl_ref_json(c->p, rel, doc);

    if (st != ACL_REF_OK) {
        add_uncounted(c,
                      acl_xasprintf("%s (%s)", rel, acl_ref_status_text(st)));
        return NULL;
    }
    return (*doc)->root;
}

/* n < 0: the document is not what the target says it is (why). */
static void
add_file_count(struct counter *c, const char *rel, long n, int partial,
               const char *why)
{
    char *label;

    if (n < 0) {
        add_uncounted(c, acl_xasprintf("%s (%s)", rel, why));
        return;
    }
    label = acl_xasprintf("in %s", rel);
    add_source(c, label, (size_t)n);
    free(label);
    if (partial)
        add_uncounted(c, acl_xasprintf("%s (some path items are "
                                       "references)",
                                       rel));
}

static void
count_tool_file(struct counter *c, const struct acl_target *t)
{
    const struct acl_doc *doc;
    json_t *root;

    if (t->tool_schema_file == NULL) {
        add_uncounted(
            c, acl_xasprintf("target \"%s\" (no toolSchemaFile)", tname(t)));
        return;
    }
    root = ref_root(c, t->tool_schema_file, &doc);
    if (doc != NULL)
        add_file_count(c, t->tool_schema_file,
                       root ? acl_tools_in_tool_file(root) : -1, 0,
                       root ? "not a tool list" : "not valid JSON");
}

/* An OpenAPI or Smithy document named by schemaSource. */
static void
count_schema(struct counter *c, const struct acl_target *t, int smithy)
{
    const struct acl_doc *doc;
    const char *rel = t->inline_schema_path;
    json_t *root;
    long n;
    int partial = 0;
    const char *why;

    if (rel == NULL) {
        add_uncounted(c, acl_xasprintf("target \"%s\" (%s)", tname(t),
                                       t->schema_in_s3 ? "schema in S3"
                                                       : "no inline schema"));
        return;
    }
    root = ref_root(c, rel, &doc);
    if (doc == NULL)
        return;
    if (smithy) {
        n = root ? acl_tools_in_smithy_json(root) : -1;
        why = root ? "not a Smithy JSON AST"
                   : "not a Smithy JSON AST; "
                     "IDL files are not read";
    } else if (root != NULL) {
        n = acl_tools_in_openapi_json(root, &partial);
        why = "not an OpenAPI document";
    } else {
        n = acl_tools_in_openapi_yaml(doc->text->data, doc->text->len,
                                      &partial);
        why = "neither JSON nor YAML this linter can read";
    }
    add_file_count(c, rel, n, partial, why);
}

static void
count_api_gateway(struct counter *c, const struct acl_target *t)
{
    json_t *conf =
        json_object_get(t->api_gateway, "apiGatewayToolConfiguration");
    int partial = 0;
    long n = acl_tools_in_api_gateway(t->api_gateway, &partial);

    if (n < 0) {
        add_uncounted(c, acl_xasprintf("apiGateway target \"%s\" (no tool "
                                       "configuration)",
                                       tname(t)));
        return;
    }
    add_source(c,
               json_array_size(json_object_get(conf, "toolOverrides")) > 0
                   ? "apiGateway toolOverrides"
                   : "apiGateway filter paths",
               (size_t)n);
    if (partial)
        add_uncounted(c, acl_xasprintf("apiGateway target \"%s\" (a "
                                       "wildcard filter counts as 1)",
                                       tname(t)));
}

static void
count_target(struct counter *c, const struct acl_target *t)
{
    if (t->type == ACL_TT_HTTP_RUNTIME || t->type == ACL_TT_PASSTHROUGH)
        return; /* they expose no MCP tools */
    if (t->ntool_definitions > 0)
        add_source(c, "toolDefinitions", t->ntool_definitions);
    switch (t->type) {
    case ACL_TT_MCP_SERVER:
        if (t->ntool_definitions == 0)
            add_uncounted(c, acl_xasprintf("mcpServer target \"%s\" (its "
                                           "server lists its tools)",
                                           tname(t)));
        break;
    case ACL_TT_LAMBDA_ARN:
        count_tool_file(c, t);
        break;
    case ACL_TT_OPENAPI:
    case ACL_TT_SMITHY:
        count_schema(c, t, t->type == ACL_TT_SMITHY);
        break;
    case ACL_TT_APIGATEWAY:
        count_api_gateway(c, t);
        break;
    case ACL_TT_CONNECTOR:
        add_source(c, "connector tools",
                   t->nconfigurations > 0 ? t->nconfigurations : 1);
        break;
    case ACL_TT_UNKNOWN:
        if (t->ntool_definitions == 0)
            add_uncounted(c, acl_xasprintf("target \"%s\" (unknown "
                                           "targetType)",
                                           tname(t)));
        break;
    default:
        break; /* lambda: its toolDefinitions, counted above */
    }
}

struct acl_tool_count *
acl_tool_count_gateway(const struct acl_project *p, const struct acl_gateway *g)
{
    struct counter c = {p, acl_xcalloc(1, sizeof *c.tc), 0, 0};
    size_t i;

    for (i = 0; i < g->ntargets; i++)
        count_target(&c, &g->targets[i]);
    return c.tc;
}

void
acl_tool_count_free(struct acl_tool_count *tc)
{
    size_t i;

    if (tc == NULL)
        return;
    for (i = 0; i < tc->nsources; i++)
        free(tc->sources[i].label);
    for (i = 0; i < tc->nuncounted; i++)
        free(tc->uncounted[i]);
    free(tc->sources);
    free(tc->uncounted);
    free(tc);
}

char *
acl_tool_count_describe(const struct acl_tool_count *tc)
{
    struct acl_buf b = {0};
    size_t i;

    acl_buf_append(&b, "", 0);
    for (i = 0; i < tc->nsources && i < SHOW_SOURCES; i++)
        acl_buf_printf(&b, "%s%zu %s", i ? ", " : "", tc->sources[i].count,
                       tc->sources[i].label);
    if (tc->nsources > SHOW_SOURCES)
        acl_buf_printf(&b, " and %zu more", tc->nsources - SHOW_SOURCES);
    for (i = 0; i < tc->nuncounted && i < SHOW_UNCOUNTED; i++)
        acl_buf_printf(&b, "%s%s",
                       i       ? ", "
                       : b.len ? "; not counted: "
                               : "not counted: ",
                       tc->uncounted[i]);
    if (tc->nuncounted > SHOW_UNCOUNTED)
        acl_buf_printf(&b, " and %zu more", tc->nuncounted - SHOW_UNCOUNTED);
    return acl_buf_steal(&b);
}
