/*
 * AC027 invalid-tool-schema - a tool list the gateway cannot load.
 *
 * Flags: a lambdaFunctionArn target's toolSchemaFile that is not a list
 * of tools (a JSON array, or an object with a "tools" or "inlinePayload"
 * array); an entry of such a list that is not an object or lacks a
 * string "name", a string "description" or an object "inputSchema"; a
 * tool name that repeats within one target (its tool file and its
 * toolDefinitions); and a target name that repeats within a gateway
 * while both targets list tools. The gateway lists each tool as
 * <target>___<tool>, so either way two tools get one name.
 * Does not flag: a file that is missing, outside the project (AC009) or
 * not valid JSON; toolDefinitions entries that lack members (AC020,
 * whose ToolDefinition is strict); OpenAPI, Smithy and MCP server tools.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/jptr.h"
#include "acl/ref.h"
#include "acl/rule.h"
#include "acl/toolcount.h"

struct tool_check {
    struct acl_check *c;
    json_t *seen;  /* tool names of the current target */
    json_t *files; /* tool files already checked */
    int report;    /* the current list is read for the first time */
    size_t ntools; /* tools the current target lists */
};

/* Where a tool list's entry is: the list's pointer and the index. The
 * pointer of its "name" is built only for a finding: a project may
 * list tens of thousands of tools. */
struct tool_at {
    const struct acl_doc *doc;
    const char *list; /* pointer of the array */
    size_t i;
    char *resource; /* borrowed, as in struct acl_node */
};

/* Reports a tool name that the target already lists, at its "name"
 * value. */
static void
check_name(struct tool_check *k, const struct acl_target *t,
           const struct tool_at *w, const char *name)
{
    char *ptr;

    if (name == NULL)
        return;
    k->ntools++;
    if (json_object_get(k->seen, name) == NULL) {
        json_object_set_new(k->seen, name, json_true());
        return;
    }
    if (!k->report)
        return;
    ptr = acl_xasprintf("%s/%zu/name", w->list, w->i);
    acl_report(k->c, ACL_ERROR,
               &(struct acl_node){w->doc, ptr, NULL, w->resource}, NULL,
               "tool name \"%s\" repeats in target \"%s\": the gateway "
               "lists both tools as \"%s___%s\", so one of them cannot "
               "be called",
               name, t->name ? t->name : "", t->name ? t->name : "", name);
    free(ptr);
}

/* What an entry lacks, or NULL when it is a whole tool. */
static const char *
entry_problem(json_t *e)
{
    if (!json_is_object(e))
        return "is not a tool object";
    if (!json_is_string(json_object_get(e, "name")) ||
        json_string_length(json_object_get(e, "name")) == 0)
        return "has no \"name\" string";
    if (!json_is_string(json_object_get(e, "description")))
        return "has no \"description\" string";
    if (!json_is_object(json_object_get(e, "inputSchema")))
        return "has no \"inputSchema\" object";
    return NULL;
}

static void
check_entries(struct tool_check *k, const struct acl_target *t,
              const struct acl_doc *doc, const char *base, json_t *list)
{
    size_t i;
    json_t *e;

    json_array_foreach (list, i, e) {
        struct tool_at w = {doc, base, i, NULL};
        const char *why = entry_problem(e);

        if (why != NULL && k->report) {
            char *ptr = acl_jptr_index(base, i);

            acl_report(k->c, ACL_ERROR, &(struct acl_node){doc, ptr, e, NULL},
                       NULL,
                       "tool %zu of %s (toolSchemaFile of target \"%s\") %s: "
                       "the gateway needs a name, a description and an "
                       "inputSchema for every tool",
                       i, t->tool_schema_file, t->name ? t->name : "", why);
            free(ptr);
        }
        check_name(k, t, &w, json_string_value(json_object_get(e, "name")));
    }
}

static void
check_file(struct tool_check *k, const struct acl_target *t)
{
    const struct acl_doc *doc;
    const char *member;
    json_t *list;
    char *base;

    if (acl_ref_json(k->c->project, t->tool_schema_file, &doc) != ACL_REF_OK ||
        doc->root == NULL)
        return;
    /* A file two targets share is reported once. */
    k->report = json_object_get(k->files, t->tool_schema_file) == NULL;
    json_object_set_new(k->files, t->tool_schema_file, json_true());
    list = acl_tool_file_list(doc->root, &member);
    if (list == NULL) {
        struct acl_node at = {doc, "", doc->root, NULL};

        if (k->report)
            acl_report(k->c, ACL_ERROR, &at, NULL,
                       "%s (toolSchemaFile of target \"%s\") is not a list "
                       "of tools: the gateway expects a JSON array of tools, "
                       "or an object with a \"tools\" or \"inlinePayload\" "
                       "array",
                       t->tool_schema_file, t->name ? t->name : "");
        return;
    }
    base = member ? acl_jptr_join("", member, strlen(member)) : acl_xstrdup("");
    check_entries(k, t, doc, base, list);
    free(base);
}

static void
check_definitions(struct tool_check *k, const struct acl_target *t)
{
    json_t *defs = json_object_get(t->node.json, "toolDefinitions"), *e;
    size_t i;

    char *list = acl_jptr_join(t->node.ptr, "toolDefinitions", 15);

    json_array_foreach (defs, i, e) {
        struct tool_at w = {t->node.doc, list, i, t->node.resource};

        check_name(k, t, &w, json_string_value(json_object_get(e, "name")));
    }
    free(list);
}

/* A target name that an earlier target of the gateway with tools has
 * already: all their tools share the <target>___ prefix. */
static void
check_target_name(struct tool_check *k, const struct acl_gateway *g,
                  const struct acl_target *t, json_t *names)
{
    if (t->name == NULL || k->ntools == 0)
        return;
    if (json_object_get(names, t->name) == NULL) {
        json_object_set_new(names, t->name, json_true());
        return;
    }
    acl_report(k->c, ACL_ERROR, &t->node, "name",
               "target name \"%s\" repeats in gateway \"%s\" and both "
               "targets list tools: the gateway names every tool "
               "\"%s___<tool>\", so their tools collide",
               t->name, g->name ? g->name : "", t->name);
}

static void
check_targets(struct tool_check *k, const struct acl_gateway *g,
              const struct acl_target *ts, size_t n)
{
    json_t *names = json_object();
    size_t i;

    for (i = 0; i < n; i++) {
        k->seen = json_object();
        k->ntools = 0;
        k->report = 1;
        check_definitions(k, &ts[i]);
        if (ts[i].type == ACL_TT_LAMBDA_ARN && ts[i].tool_schema_file != NULL)
            check_file(k, &ts[i]);
        if (g != NULL)
            check_target_name(k, g, &ts[i], names);
        json_decref(k->seen);
    }
    json_decref(names);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    struct tool_check k = {c, NULL, json_object(), 1, 0};
    size_t i;

    for (i = 0; i < p->model.ngateways; i++)
        check_targets(&k, &p->model.gateways[i], p->model.gateways[i].targets,
                      p->model.gateways[i].ntargets);
    check_targets(&k, NULL, p->model.unassigned, p->model.nunassigned);
    json_decref(k.files);
}

const struct acl_rule acl_rule_invalid_tool_schema = {
    .id = "AC027",
    .name = "invalid-tool-schema",
    .level = ACL_ERROR,
    .summary = "a tool schema is not a list of whole tools, or repeats a "
               "tool name",
    .description =
        "A lambdaFunctionArn target describes its Lambda's tools in "
        "toolSchemaFile: a JSON array of tools, or an object with a "
        "\"tools\" array or the API's own \"inlinePayload\" array. Every "
        "tool needs a name, a description and an inputSchema object; the "
        "CLI checks none of this (`agentcore validate` does not read the "
        "file), so a bad file fails only at deploy time, or the gateway "
        "lists fewer tools than the agent expects. The gateway lists "
        "every tool as <target>___<tool>, so a tool name that repeats "
        "within one target (in its file or its toolDefinitions), or a "
        "target name that repeats within a gateway (the CLI does not "
        "check that either) while both targets list tools, makes tools "
        "unreachable. Missing or unreadable files are AC009's; "
        "toolDefinitions entries are checked by AC020, except for "
        "repeated names.",
    .help = "make the file a JSON array of {\"name\", \"description\", "
            "\"inputSchema\"} objects (or {\"tools\": [...]}) with distinct "
            "names",
    .example = "Fails:  tools.json: { \"get_weather\": { \"description\": "
               "\"...\" } }\n"
               "Passes: tools.json: [ { \"name\": \"get_weather\", "
               "\"description\": \"Weather for a city\", \"inputSchema\": "
               "{ \"type\": \"object\" } } ]",
    .precision = "very-high",
    .check = check,
};
