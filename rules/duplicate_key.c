/*
 * AC019 duplicate-key - an object with the same member name twice.
 *
 * JSON.parse keeps the later value silently; a reviewer reading the
 * file sees the first one. Reported at the later (winning) member name.
 * Does not flag: names that differ in case or only after escapes are
 * decoded differently (they are different names).
 */
#include <stdio.h>

#include "acl/rule.h"

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, k;

    for (i = 0; i < p->files.ndocs; i++) {
        const struct acl_doc *d = p->files.docs[i].doc;

        for (k = 0; k < d->ndups; k++) {
            const struct acl_dupkey *dk = &d->dups[k];
            struct acl_pos first;
            struct acl_finding *f;

            acl_text_pos(d->text, dk->first.start, &first);
            f = acl_report_span(c, ACL_ERROR, d->text, dk->later, dk->pointer,
                                "member \"%s\" is repeated in this object "
                                "(first at line %u): JSON.parse keeps only the "
                                "last value and silently drops the earlier one",
                                dk->name, first.line);
            /* JSON.parse keeps the later one: dropping the first keeps
             * the meaning. */
            acl_fix_drop_first(f, ACL_FIX, d, dk,
                               "remove the earlier member, which JSON.parse "
                               "ignores");
        }
    }
}

const struct acl_rule acl_rule_duplicate_key = {
    .id = "AC019",
    .name = "duplicate-key",
    .level = ACL_ERROR,
    .summary = "an object has the same member name twice",
    .description =
        "JSON.parse, which the AgentCore CLI uses, keeps the last of two "
        "members with the same name and drops the first without a word. "
        "Reviewers read the first one, so the deployed value is not the "
        "one they approved.",
    .help = "remove one of the two members, keeping the value you mean",
    .example = "Fails:  { \"authorizerType\": \"CUSTOM_JWT\", ..., "
               "\"authorizerType\": \"NONE\" }\n"
               "Passes: { \"authorizerType\": \"CUSTOM_JWT\", ... }",
    .precision = "very-high",
    .check = check,
};
