/*
 * AC005 many-tools-without-semantic-search - a gateway with many tools
 * and semantic search turned off.
 *
 * Flags: a gateway whose "enableSemanticSearch" is false and whose tool
 * count (toolcount.h) is at least the threshold (option "threshold",
 * default 20). When some tools cannot be counted the count is a lower
 * bound and the message says "at least N".
 * Does not flag: an absent enableSemanticSearch (the schema default is
 * true) or a wrongly typed one (AC020); a gateway whose known tools stay
 * below the threshold even when the count is only a lower bound (the
 * rest is unknown, not many); unassigned targets (no gateway lists
 * them).
 */
#include <stdlib.h>

#include "acl/rule.h"
#include "acl/toolcount.h"

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    long threshold = acl_check_option(c, "threshold", 20);
    size_t i;

    if (threshold < 1)
        threshold = 1;
    for (i = 0; i < p->model.ngateways; i++) {
        const struct acl_gateway *g = &p->model.gateways[i];
        struct acl_tool_count *tc;
        struct acl_finding *f;
        char *why;

        if (g->semantic_search != ACL_FALSE)
            continue;
        tc = acl_tool_count_gateway(p, g);
        if (tc->total >= (size_t)threshold) {
            why = acl_tool_count_describe(tc);
            f = acl_report(c, ACL_WARNING, &g->node, "enableSemanticSearch",
                           "gateway \"%s\" has enableSemanticSearch false and "
                           "%s%zu tools (threshold %ld): %s",
                           g->name ? g->name : "",
                           tc->lower_bound ? "at least " : "", tc->total,
                           threshold, why);
            free(why);
            acl_fix_set(f, ACL_FIX, &g->node, "enableSemanticSearch", "true",
                        "set \"enableSemanticSearch\" to true");
        }
        acl_tool_count_free(tc);
    }
}

/* The config file may set the threshold; it must stay sane. */
static const struct acl_rule_option options[] = {
    {"threshold", 1, 100000, 20,
     "the number of tools from which semantic search is expected"},
    {NULL, 0, 0, 0, NULL},
};

const struct acl_rule acl_rule_many_tools_without_semantic_search = {
    .id = "AC005",
    .name = "many-tools-without-semantic-search",
    .level = ACL_WARNING,
    .flags = 0,
    .summary = "a gateway with many tools has semantic search turned off",
    .description =
        "Without semantic search a gateway hands every tool definition to "
        "the model on every turn. From about 20 tools on that wastes "
        "tokens and lowers the model's accuracy at picking the right tool. "
        "With enableSemanticSearch (the default) the agent calls the "
        "built-in x_amz_bedrock_agentcore_search tool and gets only the "
        "relevant tools. This rule counts a gateway's tools: "
        "toolDefinitions, the entries of Lambda tool schema files (a JSON "
        "array, {\"tools\": [...]} or the guide's {\"inlinePayload\": "
        "[...]}, at a relative path or an absolute one inside the project), "
        "the operations of inline OpenAPI documents (JSON, or YAML by a "
        "simple scan; OpenAPI 3.1 path items referenced from "
        "components/pathItems included), the operations a Smithy JSON "
        "model's service binds (directly, or through its resources and "
        "their lifecycle operations; every operation when the model has no "
        "service), API Gateway tool overrides or filter paths, and "
        "connector configurations. MCP servers that list their own tools, "
        "S3 schemas, references to other files and unreadable files cannot "
        "be counted; the count is then a lower bound. The threshold (default "
        "20) is the rule option \"threshold\".",
    .help = "set \"enableSemanticSearch\" to true (or remove it: true is the "
            "default) and let the agent call x_amz_bedrock_agentcore_search; "
            "do not build your own tool-selection layer",
    .example = "Fails:  { \"name\": \"orders-gw\", \"enableSemanticSearch\": "
               "false, \"targets\": [ { \"name\": \"orders\", "
               "\"targetType\": \"lambdaFunctionArn\", \"lambdaFunctionArn\": "
               "{ \"lambdaArn\": \"arn:aws:lambda:...\", \"toolSchemaFile\": "
               "\"tools/orders.json\" } } ] }   (orders.json lists 23 tools)\n"
               "Passes: the same gateway with \"enableSemanticSearch\": true",
    .precision = "high",
    .security_severity = NULL,
    .check = check,
    .options = options,
};
