/*
 * TEMPLATE.c - copy this file to start a rule (see HACKING.md, "Adding a
 * rule"). It is not built into the program; `make check` compiles it
 * alone so that it stays a valid starting point.
 *
 * ACnnn my-rule-name - one line: what the rule finds.
 *
 * Flags: exactly what is reported, and where the finding points.
 * Does not flag: what is deliberately left alone (and which rule, if
 * any, covers it instead).
 */
#include "acl/lookup.h"
#include "acl/rule.h"

/* One model object at a time: acl_each_gateway / acl_each_target walk
 * the const model; the rule reads it and reports at its nodes. */
static void
check_gateway(struct acl_check *c, const struct acl_gateway *g)
{
    if (g->exception_level != NULL)
        return;
    /* member: the '/'-separated member below the node the finding is
     * about; when it is absent the finding points at the object. */
    acl_report(c, c->rule->level, &g->node, "exceptionLevel",
               "gateway \"%s\" ... (say what is wrong and why it matters)",
               g->name ? g->name : "");
}

static void
check(struct acl_check *c)
{
    acl_each_gateway(c, check_gateway);
}

/* Listed in rules/rules.def as ACL_RULE(my_rule_name), in ID order. */
const struct acl_rule acl_rule_my_rule_name = {
    .id = "AC999",
    .name = "my-rule-name",
    .level = ACL_WARNING,
    .flags = 0, /* ACL_RULE_SECURITY, ACL_RULE_NEEDS_SOURCES, ... */
    .summary = "one line, lower case, no final period",
    .description = "What it finds and why it matters, as --explain and "
                   "docs/rules.md show it.",
    .help = "how to fix it, as the help line of every finding",
    .example = "Fails:  { ... }\n"
               "Passes: { ... }",
    .precision = "high", /* SARIF: very-high, high or medium */
    /* .security_severity = "5.0" with ACL_RULE_SECURITY;
     * .init / .fini to compile patterns once (the engine calls them);
     * .options for integer settings read with acl_check_option(). */
    .check = check,
};
