/*
 * AC023 unused-ignore - an ignore entry of the config file that matched
 * no finding.
 *
 * Flags: an entry of "ignore" in .agentcore-lint.json (or --config)
 * whose rule ran and that suppressed nothing in any project linted with
 * that config, located at the entry. The config module reports these
 * once every project is linted (a shared --config may match in any of
 * them), so check() has nothing to do; the rule exists so the note has
 * an ID, docs, and can be turned off or re-levelled like any other.
 * Does not flag: entries whose rule was turned off for the run (they
 * may match again when it is back on).
 */
#include "acl/rule.h"

static void
check(struct acl_check *c)
{
    (void)c;
}

const struct acl_rule acl_rule_unused_ignore = {
    .id = "AC023",
    .name = "unused-ignore",
    .level = ACL_NOTE,
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
