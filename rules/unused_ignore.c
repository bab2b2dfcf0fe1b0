/*
 * AC023 unused-ignore - an ignore entry of the config file that matched
 * no finding.
 *
 * Flags: an entry of "ignore" in .agentcore-lint.json (or --config)
 * whose rule ran and that suppressed nothing in any project linted with
 * that config, located at the entry. A shared --config may match in any
 * project, so the rule runs after the post-rule step has applied the
 * config to all of them (ACL_RULE_AFTER_IGNORES) and reads the hits it
 * counted.
 * Does not flag: entries whose rule was turned off for the run (they
 * may match again when it is back on).
 */
#include "acl/config.h"
#include "acl/rule.h"

/* "AC001, resource \"dev-gw\"" */
static char *
describe(const struct acl_config *cfg, const struct acl_ignore *ig)
{
    struct acl_buf b = {0};

    acl_buf_puts(&b, cfg->rules[ig->rule]->id);
    if (ig->resource != NULL)
        acl_buf_printf(&b, ", resource \"%s\"", ig->resource);
    if (ig->pointer != NULL)
        acl_buf_printf(&b, ", pointer \"%s\"", ig->pointer);
    if (ig->path != NULL)
        acl_buf_printf(&b, ", path \"%s\"", ig->path);
    return acl_buf_steal(&b);
}

static void
check(struct acl_check *c)
{
    const struct acl_config *cfg = c->config;
    size_t i;

    for (i = 0; cfg != NULL && i < cfg->nignores; i++) {
        const struct acl_ignore *ig = &cfg->ignores[i];
        struct acl_node at = {cfg->doc, ig->at, NULL, NULL};
        char *what;

        if (ig->hits != 0 || !ig->rule_ran)
            continue;
        what = describe(cfg, ig);
        acl_report(c, c->rule->level, &at, NULL,
                   "the ignore entry for %s matched no finding; remove it, "
                   "or correct what it names",
                   what);
        free(what);
    }
}

const struct acl_rule acl_rule_unused_ignore = {
    .id = "AC023",
    .name = "unused-ignore",
    .level = ACL_NOTE,
    .flags = ACL_RULE_AFTER_IGNORES,
    .summary = "an ignore entry of the config file matches no finding",
    .description =
        "An ignore entry suppresses findings of one rule by resource, JSON "
        "pointer or path. When the project changes (a gateway is renamed, "
        "an env var is removed, the finding is fixed), the entry stops "
        "matching but stays in the config, where it would silently hide a "
        "new finding that happens to match it later. Reporting unused "
        "entries keeps the list of accepted risks honest.",
    .help = "delete the entry from \"ignore\" in the config file, or correct "
            "its rule, resource, pointer or path",
    .example = "Fails:  \"ignore\": [ { \"rule\": \"AC001\", \"resource\": "
               "\"old-gw\", \"reason\": \"demo\" } ]   (no gateway old-gw)\n"
               "Passes: \"ignore\": []",
    .precision = "very-high",
    .check = check,
};
