/*
 * AC000 json-syntax - a project JSON file that is not valid JSON.
 *
 * Flags: agentcore.json, aws-targets.json, deployed-state.json and
 * harness.json files that JSON.parse would reject (the AgentCore CLI
 * then refuses the whole project), including a byte order mark and
 * invalid UTF-8. Reported at the first offending character. A file
 * the linter refused to read (a link leading out of the project, not a
 * regular file, unreadable) is reported too, without its content.
 * Does not flag: referenced tool or schema files (AC009/AC005 say when
 * those cannot be used).
 */
#include "acl/rule.h"

/* A file the linter refused to read: named, never quoted. */
static void
unread(struct acl_check *c, const struct acl_doc *d)
{
    struct acl_finding *f =
        acl_report_span(c, ACL_ERROR, d->text, d->error_at, NULL,
                        "%s was not read (%s); the AgentCore CLI would read "
                        "it, so its settings went unchecked",
                        d->text->path, d->error_text);

    if (f != NULL)
        f->help = acl_xstrdup("commit the file itself inside the project "
                              "instead of a link to somewhere else, as a "
                              "readable regular file");
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;

    for (i = 0; i < p->files.ndocs; i++) {
        const struct acl_doc *d = p->files.docs[i].doc;

        if (d->unread)
            unread(c, d);
        else if (d->root == NULL)
            acl_report_span(c, ACL_ERROR, d->text, d->error_at, NULL,
                            "%s is not valid JSON: %s", d->text->path,
                            d->error_text);
    }
}

const struct acl_rule acl_rule_json_syntax = {
    .id = "AC000",
    .name = "json-syntax",
    .level = ACL_ERROR,
    .summary = "a project JSON file is not valid JSON or not UTF-8",
    .description =
        "The AgentCore CLI reads agentcore.json, aws-targets.json, "
        ".cli/deployed-state.json and each harness.json with JSON.parse. "
        "A file that does not parse stops every CLI command (validate, "
        "deploy, dev), and no other rule can check it. A file the linter "
        "refused to read (a link leading out of the project, not a regular "
        "file, unreadable) is reported too, without its content: its "
        "settings went unchecked.",
    .help = "fix the JSON syntax at the position shown; the file must be "
            "UTF-8 without a byte order mark",
    .example = "Fails:  { \"name\": \"Proj\", }   (trailing comma)\n"
               "Passes: { \"name\": \"Proj\" }",
    .precision = "very-high",
    .check = check,
};
