/*
 * rules_doc.c - rule documentation from the rule tables themselves, so
 * the docs cannot drift from the code.
 */
#include <jansson.h>
#include <string.h>

#include "acl/engine.h"
#include "acl/rules_doc.h"

static const char *
level_text(const struct acl_rule *r)
{
    /* A rule that depends on the production context says so. */
    if (r->level == ACL_ERROR && r->description != NULL &&
        strstr(r->description, "a warning otherwise") != NULL)
        return "error/warning";
    return acl_level_name(r->level);
}

int
acl_rules_list(FILE *out, int json)
{
    size_t i;

    if (json) {
        json_t *arr = json_array();

        for (i = 0; i < acl_rules_count(); i++) {
            const struct acl_rule *r = acl_rules_at(i);

            json_array_append_new(
                arr, json_pack("{s:s, s:s, s:s, s:s, s:b}", "id", r->id,
                               "name", r->name, "level",
                               acl_level_name(r->level), "summary", r->summary,
                               "security", (r->flags & ACL_RULE_SECURITY) != 0));
        }
        json_dumpf(arr, out, JSON_INDENT(2));
        fputc('\n', out);
        json_decref(arr);
        return 0;
    }
    for (i = 0; i < acl_rules_count(); i++) {
        const struct acl_rule *r = acl_rules_at(i);

        fprintf(out, "%-6s %-36s %-14s %s\n", r->id, r->name, level_text(r),
                r->summary);
    }
    return 0;
}

int
acl_rules_explain(FILE *out, const struct acl_rule *r)
{
    fprintf(out, "%s %s (%s)\n\n", r->id, r->name, level_text(r));
    fprintf(out, "What: %s.\n\n", r->summary);
    fprintf(out, "Why: %s\n\n", r->description);
    fprintf(out, "How to fix: %s.\n\n", r->help);
    if (r->example != NULL)
        fprintf(out, "Example:\n%s\n", r->example);
    return 0;
}
