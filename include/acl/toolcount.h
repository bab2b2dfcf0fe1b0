/*
 * toolcount.h - how many MCP tools a gateway lists to its agents
 * (docs/rules.md, AC005
 * many-tools-without-semantic-search).
 *
 * Referenced files (tool lists, OpenAPI and Smithy documents) are read
 * only through ref.h, so nothing outside the project root is opened.
 * What cannot be counted (an MCP server's own tools, S3 schemas,
 * unreadable files, wildcard API Gateway filters) makes the total a
 * lower bound, and says why.
 */
#ifndef ACL_TOOLCOUNT_H
#define ACL_TOOLCOUNT_H

#include <jansson.h>
#include <stddef.h>

#include "acl/model.h"

/* Tools from one kind of source: "in tools/orders.json",
 * "toolDefinitions". Sources with the same label are summed. */
struct acl_tool_source {
    char *label; /* owned; the text after the number */
    size_t count;
};

struct acl_tool_count {
    size_t total;
    int lower_bound; /* some tools could not be counted */
    struct acl_tool_source *sources;
    size_t nsources;
    char **uncounted; /* owned: what was not (fully) counted, and why */
    size_t nuncounted;
};

/* Counts the tools of gateway g of project p. Never fails; the caller
 * frees the result with acl_tool_count_free. */
struct acl_tool_count *acl_tool_count_gateway(const struct acl_project *p,
                                              const struct acl_gateway *g);
void acl_tool_count_free(struct acl_tool_count *tc);

/* "20 in tools/orders.json, 3 toolDefinitions", then, for a lower
 * bound, "; not counted: ..." (a few of each, then "and N more").
 * The caller frees the string. */
char *acl_tool_count_describe(const struct acl_tool_count *tc);

/* The parts, on parsed documents. Each returns the number of tools, or
 * -1 when the document is not of the expected shape. *partial, where
 * there is one, is set to 1 when part of the document could not be
 * counted (a "$ref" path item, a wildcard filter), else left alone. */
long acl_tools_in_tool_file(json_t *root);
/* The tool list of a tool schema file (toolSchemaFile): the root array,
 * or the "tools" or "inlinePayload" array of a root object (the second
 * is the AgentCore API's own shape, which the guide shows). NULL when
 * root is none of these. *member, when not NULL, gets the member name
 * ("tools", "inlinePayload") or NULL for a root array. Borrowed. */
json_t *acl_tool_file_list(json_t *root, const char **member);
long acl_tools_in_openapi_json(json_t *root, int *partial);
long acl_tools_in_openapi_yaml(const char *text, size_t len, int *partial);
long acl_tools_in_smithy_json(json_t *root);
long acl_tools_in_api_gateway(json_t *api_gateway, int *partial);

#endif
