/*
 * AC020 schema-violation - a project file the AgentCore CLI 0.30.0's
 * own schema rejects.
 *
 * Flags: every violation that `agentcore validate` would report in
 * agentcore.json, aws-targets.json, .cli/deployed-state.json and each
 * app/<harness>/harness.json (src/schema*.c hold the schema as tables),
 * at the offending member: its name for a member that must not be
 * there, its value otherwise, and the object (its "name" value, else
 * its opening brace) for a missing required member.
 * An unknown member's message names the member it is likely meant to
 * be; the members the object allows are the finding's help.
 * Does not flag: files that are not valid JSON (AC000); what the CLI
 * checks outside its schema (payment credentials in .env.local);
 * unknown members of objects the CLI does not check strictly (AC024).
 */
#include <stdlib.h>

#include "acl/rule.h"
#include "acl/schema.h"

struct sink_ctx {
    struct acl_check *c;
    const struct acl_doc *doc;
    struct acl_finding *last; /* what help() adds to */
};

static void
emit(void *arg, const char *pointer, const char *missing, int at_name,
     const char *msg)
{
    struct sink_ctx *s = arg;
    /* A node of our own: the schema's pointer string stays const. */
    struct acl_node n = {s->doc, acl_xstrdup(pointer), NULL, NULL};

    if (missing == NULL && at_name)
        s->last = acl_report_name(s->c, ACL_ERROR, &n, "%s", msg);
    else
        s->last = acl_report(s->c, ACL_ERROR, &n, missing, "%s", msg);
    free(n.ptr);
}

/* Values a pattern gave up on were taken as valid: say so. */
static void
incomplete(void *arg, const char *pointer, size_t n)
{
    struct sink_ctx *s = arg;

    acl_check_incomplete(s->c, s->doc->text,
                         "%zu value%s not checked against the schema's "
                         "patterns (the pattern match gave up), the first "
                         "at %s",
                         n, n == 1 ? " was" : "s were",
                         pointer[0] ? pointer : "/");
}

/* The list of allowed members of an unknown member's object: the help
 * line of that finding, so the message stays short. */
static void
help(void *arg, const char *text)
{
    struct sink_ctx *s = arg;

    if (s->last != NULL && s->last->help == NULL)
        s->last->help = acl_xstrdup(text);
}

/* The unknown member just reported gets a rename to the one allowed
 * name it is a likely typo of: the project is refused as it is, so the
 * rename can only make it valid. */
static void
suggest_rename(void *arg, const char *pointer, const char *name)
{
    struct sink_ctx *s = arg;
    struct acl_node n = {s->doc, (char *)pointer, NULL, NULL};
    struct acl_findings *out = s->c->out;
    char *title;

    if (out->n == 0)
        return;
    title = acl_xasprintf("rename to \"%s\"", name);
    acl_fix_rename(out->items[out->n - 1], ACL_FIX, &n, name, title);
    free(title);
}

/* The walk itself ran once when the project was loaded: AC024 reads
 * the same verdict. */
static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;

    for (i = 0; i < p->files.ndocs; i++) {
        struct sink_ctx ctx = {c, p->files.docs[i].doc, NULL};
        struct acl_schema_sink sink = {.emit = emit,
                                       .arg = &ctx,
                                       .incomplete = incomplete,
                                       .help = help,
                                       .rename = suggest_rename};

        acl_schema_verdict_replay(p->files.docs[i].schema, &sink, NULL);
    }
}

const struct acl_rule acl_rule_schema_violation = {
    .id = "AC020",
    .name = "schema-violation",
    .level = ACL_ERROR,
    .summary = "a project file breaks the AgentCore CLI 0.30.0 schema",
    .description =
        "The AgentCore CLI checks agentcore.json, aws-targets.json, "
        ".cli/deployed-state.json and each harness.json against its schema "
        "before every command, and refuses the whole project when one "
        "check fails - but it names the problem only by a path like "
        "agentCoreGateways[0].targets[2].outboundAuth, and only when you "
        "run it. This rule reaches the same verdict (unknown members where "
        "an object is strict, wrong types, enum values, patterns, bounds, "
        "required members, unique names and the cross-field and "
        "cross-resource rules) and shows each violation at its member.",
    .help = "change the member to the form the message names; `agentcore "
            "validate` must then pass. For an unknown member the finding's "
            "help lists the members the object allows (unknown members of "
            "objects the CLI does not check strictly are AC024's)",
    .example = "Fails:  { \"name\": \"tools-gw\", \"targets\": [], "
               "\"exceptionLevel\": \"ALL\" }\n"
               "Passes: { \"name\": \"tools-gw\", \"targets\": [], "
               "\"exceptionLevel\": \"NONE\" }",
    .precision = "very-high",
    .fini = acl_schema_fini,
    .check = check,
};
