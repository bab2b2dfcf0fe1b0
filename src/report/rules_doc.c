/*
 * rules_doc.c - rule documentation from the rule tables themselves, so
 * the docs cannot drift from the code: --list-rules (text and JSON) and
 * --explain. The manual page comes from the same tables (rules_man.c).
 */
#include <jansson.h>
#include <string.h>

#include "acl/engine.h"
#include "acl/rules_doc.h"

int
acl_rule_prod_level(const struct acl_rule *r)
{
    return (r->flags & ACL_RULE_PROD_LEVEL) != 0;
}

const char *
acl_rule_level_text(const struct acl_rule *r)
{
    return acl_rule_prod_level(r) ? "error/warning" : acl_level_name(r->level);
}

static json_t *
options_json(const struct acl_rule *r)
{
    json_t *arr = json_array();
    const struct acl_rule_option *o;

    for (o = r->options; o != NULL && o->name != NULL; o++)
        json_array_append_new(
            arr, json_pack("{s:s, s:I, s:I, s:I, s:s}", "name", o->name,
                           "minimum", (json_int_t)o->min, "maximum",
                           (json_int_t)o->max, "default", (json_int_t)o->def,
                           "summary", o->summary ? o->summary : ""));
    return arr;
}

static json_t *
rule_json(const struct acl_rule *r)
{
    json_t *o = json_pack(
        "{s:s, s:s, s:s, s:b, s:s, s:b}", "id", r->id, "name", r->name, "level",
        acl_level_name(r->level), "productionDependent", acl_rule_prod_level(r),
        "summary", r->summary, "security", (r->flags & ACL_RULE_SECURITY) != 0);

    json_object_set_new(o, "description", json_string(r->description));
    json_object_set_new(o, "help", json_string(r->help));
    if (r->precision != NULL)
        json_object_set_new(o, "precision", json_string(r->precision));
    if (r->security_severity != NULL)
        json_object_set_new(o, "securitySeverity",
                            json_string(r->security_severity));
    json_object_set_new(o, "options", options_json(r));
    return o;
}

int
acl_rules_list(FILE *out, int json)
{
    size_t i;

    if (json) {
        json_t *arr = json_array();

        for (i = 0; i < acl_rules_count(); i++)
            json_array_append_new(arr, rule_json(acl_rules_at(i)));
        json_dumpf(arr, out, JSON_INDENT(2));
        fputc('\n', out);
        json_decref(arr);
        return 0;
    }
    for (i = 0; i < acl_rules_count(); i++) {
        const struct acl_rule *r = acl_rules_at(i);

        fprintf(out, "%-6s %-36s %-14s %s\n", r->id, r->name,
                acl_rule_level_text(r), r->summary);
    }
    return 0;
}

static void
explain_config(FILE *out, const struct acl_rule *r)
{
    const struct acl_rule_option *o;

    fprintf(out, "Options (config file, \"rules\": {\"%s\": {...}}):\n", r->id);
    for (o = r->options; o != NULL && o->name != NULL; o++)
        fprintf(out, "  %s  %s (%ld to %ld, default %ld)\n", o->name,
                o->summary ? o->summary : "", o->min, o->max, o->def);
    fputc('\n', out);
}

int
acl_rules_explain(FILE *out, const struct acl_rule *r)
{
    fprintf(out, "%s %s (%s%s)\n\n", r->id, r->name, acl_prod_level_phrase(r),
            (r->flags & ACL_RULE_SECURITY) ? ", security" : "");
    fprintf(out, "What: %s.\n\n", r->summary);
    fprintf(out, "Why: %s\n\n", r->description);
    fprintf(out, "How to fix: %s.\n\n", r->help);
    if (r->example != NULL)
        fprintf(out, "Example:\n%s\n\n", r->example);
    if (r->options != NULL && r->options->name != NULL)
        explain_config(out, r);
    fprintf(out,
            "Turn it off: --disable %s, or \"rules\": {\"%s\": \"off\"} "
            "in .agentcore-lint.json.\n",
            r->id, r->id);
    return 0;
}

const char *
acl_prod_level_phrase(const struct acl_rule *r)
{
    if (acl_rule_prod_level(r))
        return "error in the production context, warning otherwise";
    return acl_level_name(r->level);
}
