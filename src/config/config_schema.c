/*
 * config_schema.c - the JSON Schema (draft-07) of .agentcore-lint.json,
 * built from the rule registry so editors complete every rule ID, name
 * and option (agentcore-lint --generate config-schema; "make generate"
 * refreshes schema/agentcore-lint.schema.json, and a test fails when the
 * committed file differs).
 */
#include "acl/config.h"
#include "acl/version.h"

static json_t *
string_prop(const char *description)
{
    return json_pack("{s:s, s:i, s:s}", "type", "string", "minLength", 1,
                     "description", description);
}

static json_t *
rule_names(void)
{
    json_t *names = json_array();
    size_t i;

    for (i = 0; i < acl_rules_count(); i++)
        json_array_append_new(names, json_string(acl_rules_at(i)->id));
    for (i = 0; i < acl_rules_count(); i++)
        json_array_append_new(names, json_string(acl_rules_at(i)->name));
    return names;
}

/* What "rules" takes for one rule: a level, or an object with a level
 * and the rule's own options. */
static json_t *
rule_setting(const struct acl_rule *r)
{
    json_t *props =
        json_pack("{s:{s:s}}", "level", "$ref", "#/definitions/level");
    const struct acl_rule_option *o;

    for (o = r->options; o != NULL && o->name != NULL; o++)
        json_object_set_new(props, o->name,
                            json_pack("{s:s, s:I, s:I, s:I, s:s}", "type",
                                      "integer", "minimum", (json_int_t)o->min,
                                      "maximum", (json_int_t)o->max, "default",
                                      (json_int_t)o->def, "description",
                                      o->summary ? o->summary : ""));
    return json_pack("{s:s, s:[{s:s}, {s:s, s:o, s:b}]}", "description",
                     r->summary, "anyOf", "$ref", "#/definitions/level", "type",
                     "object", "properties", props, "additionalProperties", 0);
}

static json_t *
rules_prop(void)
{
    json_t *props = json_object();
    size_t i;

    for (i = 0; i < acl_rules_count(); i++)
        json_object_set_new(props, acl_rules_at(i)->id,
                            rule_setting(acl_rules_at(i)));
    for (i = 0; i < acl_rules_count(); i++)
        json_object_set_new(props, acl_rules_at(i)->name,
                            rule_setting(acl_rules_at(i)));
    return json_pack("{s:s, s:s, s:o, s:b}", "description",
                     "Per-rule settings, by rule ID or name: \"off\", a "
                     "level, or {\"level\": ..., option: value}.",
                     "type", "object", "properties", props,
                     "additionalProperties", 0);
}

static json_t *
ignore_entry(void)
{
    json_t *props = json_object();

    json_object_set_new(props, "rule",
                        json_pack("{s:s, s:o}", "description",
                                  "The rule ID or name of the findings to "
                                  "suppress.",
                                  "enum", rule_names()));
    json_object_set_new(props, "resource",
                        string_prop("The gateway, target (gateway/target), "
                                    "runtime, credential or harness name "
                                    "the finding is about."));
    json_object_set_new(
        props, "pointer",
        json_pack("{s:s, s:s, s:s}", "type", "string", "pattern",
                  "^(/([^~]|~[01])*)*$", "description",
                  "A JSON pointer; matches it and every pointer below "
                  "it."));
    json_object_set_new(
        props, "path",
        json_pack("{s:s, s:s, s:s}", "type", "string", "pattern", "^[^/]",
                  "description",
                  "A glob on the file path relative to the project "
                  "root: * and ? within a segment, ** for any number "
                  "of segments."));
    json_object_set_new(props, "reason",
                        json_pack("{s:s, s:s, s:s}", "type", "string",
                                  "pattern", "\\S", "description",
                                  "Why the finding is accepted (required)."));
    return json_pack("{s:s, s:o, s:[s,s], s:[{s:[s]},{s:[s]},{s:[s]}], s:b}",
                     "type", "object", "properties", props, "required", "rule",
                     "reason", "anyOf", "required", "resource", "required",
                     "pointer", "required", "path", "additionalProperties", 0);
}

static json_t *
top_props(void)
{
    json_t *props = json_object();

    json_object_set_new(props, "$schema",
                        string_prop("The URI or path of this schema."));
    json_object_set_new(
        props, "production",
        json_pack(
            "{s:s, s:s}", "type", "boolean", "description",
            "true: always lint for production, as --production does. false: "
            "the deployment target names decide."));
    json_object_set_new(
        props, "productionTargets",
        json_pack(
            "{s:s, s:{s:s, s:i}, s:s}", "type", "array", "items", "type",
            "string", "minLength", 1, "description",
            "Exact deployment target names that are production; replaces the "
            "default rule (a name token prod, production, prd or live)."));
    json_object_set_new(props, "rules", rules_prop());
    json_object_set_new(
        props, "ignore",
        json_pack(
            "{s:s, s:s, s:{s:s}}", "description",
            "Findings to suppress, each with a reason; an entry that matches "
            "nothing is reported (AC023).",
            "type", "array", "items", "$ref", "#/definitions/ignore"));
    return props;
}

json_t *
acl_config_schema(void)
{
    json_t *levels = json_array();
    size_t i;

    for (i = 0; acl_config_levels[i] != NULL; i++)
        json_array_append_new(levels, json_string(acl_config_levels[i]));
    /* $id: where the file is published, under the project's home (the
     * URL a config's "$schema" names, as the README shows). */
    return json_pack(
        "{s:s, s:s, s:s, s:s, s:s, s:o, s:b, s:{s:{s:s, s:o}, s:o}}", "$schema",
        "http://json-schema.org/draft-07/schema#", "$id", ACL_CONFIG_SCHEMA_URI,
        "title", "agentcore-lint config (.agentcore-lint.json)", "description",
        "Settings of agentcore-lint for one AgentCore project; see "
        "agentcore-lint(1).",
        "type", "object", "properties", top_props(), "additionalProperties", 0,
        "definitions", "level", "description",
        "\"off\", or the level findings of the rule get.", "enum", levels,
        "ignore", ignore_entry());
}
