/*
 * AC024 unknown-member-dropped - a member the AgentCore CLI 0.30.0
 * accepts without a word and then drops.
 *
 * Flags: a member of an object that the CLI's schema does not check
 * strictly ("strip" in zod: runtimes, memories and their strategies,
 * credentials, harness.json, aws-targets.json entries, JSON schemas of
 * tool definitions...) that the object does not define, in
 * agentcore.json, aws-targets.json and each app/<harness>/harness.json.
 * The schema tables (src/schema*.c) decide which objects strip and what
 * they define; this rule only words the finding, at the member's name.
 * Also flags, as deprecations: aliases the schema still defines and
 * reads (a memory strategy's "namespaces" for "namespaceTemplates"):
 * nothing is lost with 0.30.0, but the CLI no longer writes them.
 * Does not flag: unknown members of strict objects (AC020 reports them
 * as errors), of passthrough objects (kept as written), keys of maps
 * (their names are data), and .cli/deployed-state.json, which the CLI
 * writes itself.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/report_util.h"
#include "acl/rule.h"
#include "acl/schema.h"
#include "acl/suggest.h"

struct drop_ctx {
    struct acl_check *c;
    const struct acl_doc *doc;
};

/* A close spelling of the meant member is a safe fix: the setting then
 * takes effect as written. A known confusion (environmentVariables for
 * envVars) may hold its value in another shape, so the rename is only
 * offered. */
static void
rename_fix(struct acl_finding *f, const struct acl_node *n,
           const struct acl_schema_drop *d)
{
    size_t dist = acl_edit_distance(d->member, d->member_len, d->suggestion,
                                    strlen(d->suggestion), 1);
    char *title = acl_xasprintf("rename to \"%s\"", d->suggestion);

    acl_fix_rename(f, dist <= 3 ? ACL_FIX : ACL_SUGGESTION, n, d->suggestion,
                   title);
    free(title);
}

static void
dropped(void *arg, const struct acl_schema_drop *d)
{
    struct drop_ctx *s = arg;
    struct acl_node n = {s->doc, (char *)d->pointer, NULL, NULL};
    struct acl_buf name = {0}, hint = {0};
    struct acl_finding *f;

    acl_escape_text(d->member, d->member_len, &name);
    if (d->deprecated) {
        /* Still read, so nothing is lost today; but a deprecated alias
         * is the setting that goes silently when the alias goes, and
         * deprecations are warnings, as compilers give them. */
        acl_report_name(s->c, ACL_WARNING, &n,
                        "\"%s\" is a deprecated alias of \"%s\" in the "
                        "AgentCore CLI 0.30.0 schema: the CLI still reads it "
                        "but no longer writes it, and a CLI that drops the "
                        "alias will drop this setting without a word; rename "
                        "it to \"%s\"",
                        name.data ? name.data : "", d->suggestion,
                        d->suggestion);
        acl_buf_free(&name);
        return;
    }
    if (d->suggestion != NULL)
        acl_buf_printf(&hint, "; did you mean \"%s\"?", d->suggestion);
    else
        acl_buf_puts(&hint, "; move it where it belongs or remove it");
    f = acl_report_name(s->c, ACL_WARNING, &n,
                        "\"%s\" is not a member of %s in the AgentCore "
                        "CLI 0.30.0 schema: the CLI accepts it without a "
                        "word, drops it when it loads the file and deletes "
                        "it when it next rewrites it, so this setting never "
                        "takes effect%s",
                        name.data ? name.data : "",
                        d->object ? d->object : "this object", hint.data);
    if (d->allowed != NULL && d->allowed[0] != '\0')
        f->help = acl_xasprintf("this object allows only: %s", d->allowed);
    if (d->suggestion != NULL)
        rename_fix(f, &n, d);
    acl_buf_free(&name);
    acl_buf_free(&hint);
}

/* The schema walk ran once when the project was loaded (AC020 reads
 * the same verdict); deployed state's drops are not in it. */
static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;

    for (i = 0; i < p->files.ndocs; i++) {
        struct drop_ctx ctx = {c, p->files.docs[i].doc};
        struct acl_schema_drop_sink sink = {dropped, &ctx};

        acl_schema_verdict_replay(p->files.docs[i].schema, NULL, &sink);
    }
}

const struct acl_rule acl_rule_unknown_member_dropped = {
    .id = "AC024",
    .name = "unknown-member-dropped",
    .level = ACL_WARNING,
    .summary = "a member the AgentCore CLI silently drops",
    .description =
        "Many objects of the AgentCore CLI 0.30.0 schema are not checked "
        "strictly: runtimes, memories and memory strategies, credentials, "
        "evaluators, policies, harness.json and its tools, aws-targets.json "
        "entries, the JSON schemas of tool definitions. A member such an "
        "object does not define passes `agentcore validate`, is left out "
        "when the CLI loads the file and is deleted when it rewrites it, so "
        "the setting never reaches the deployment and nobody is told: "
        "`environmentVariables` on a runtime (the member is `envVars`) "
        "deploys an agent without its variables. The finding names the "
        "member the name most likely meant: a close spelling, or a known "
        "confusion (environmentVariables and envVars, lifecycleConfig and "
        "lifecycleConfiguration, namespaces and namespaceTemplates, where "
        "the object defines the other). Strict objects, where the CLI "
        "refuses an unknown member, are AC020's; passthrough objects keep "
        "unknown members and are not reported; map keys are data. A "
        "deprecated alias that the 0.30.0 schema still defines and the "
        "deployment still reads in place of its replacement (a memory "
        "strategy's `namespaces` and `reflectionNamespaces`) loses nothing "
        "today, and is reported as a deprecation warning: the CLI no longer "
        "writes it, and a CLI that drops the alias drops the setting "
        "silently. "
        ".cli/deployed-state.json is written by the CLI and not checked.",
    .help = "rename the member to the one the message suggests (--fix "
            "does it for a close spelling; a known confusion is offered as a "
            "suggestion, since its value may need another shape), or move it "
            "to the object that defines it; the finding's help lists the "
            "members this object allows",
    .example = "Fails:  { \"name\": \"agent\", ..., \"environmentVariables\": "
               "[{ \"name\": \"LOG_LEVEL\", \"value\": \"debug\" }] }\n"
               "Passes: { \"name\": \"agent\", ..., \"envVars\": "
               "[{ \"name\": \"LOG_LEVEL\", \"value\": \"debug\" }] }",
    .precision = "very-high",
    .check = check,
};
