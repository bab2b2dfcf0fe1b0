/*
 * engine.h - the rule registry and the lint run of one project.
 */
#ifndef ACL_ENGINE_H
#define ACL_ENGINE_H

#include <jansson.h>
#include <stddef.h>

#include "acl/finding.h"
#include "acl/model.h"
#include "acl/rule.h"

/* The registry, from rules/rules.def, in ID order. */
size_t acl_rules_count(void);
const struct acl_rule *acl_rules_at(size_t i);
/* The whole registry: acl_rules_count() entries, static storage. */
const struct acl_rule *const *acl_rules_all(void);
/* By ID ("AC005", any case) or name; -1 when unknown. */
long acl_rules_find(const char *id_or_name);

/* Runs every rule's init once, before any lint: acl_engine_lint
 * requires it, and rules trust it (no lazy set-up of their own). Calls
 * nest: each acl_rules_init that returned 0 is matched by one
 * acl_rules_fini, and the rules' fini runs at the last. Returns 0, or -1
 * and fills err. */
int acl_rules_init(struct acl_error *err);
void acl_rules_fini(void);

/* How one rule runs, by registry index. */
struct acl_rule_conf {
    int enabled;
    enum acl_level level; /* ACL_LEVEL_NONE: the rule's own choice */
    json_t *options;      /* borrowed; may be NULL */
};

/* Fills confs[0..acl_rules_count()) with the defaults: every rule on. */
void acl_rule_confs_default(struct acl_rule_conf *confs);

/* Lints one project (acl_rules_init must have run): runs the enabled rules, resolves each finding's
 * span and positions, fingerprints it, and appends it to out (unsorted;
 * sort once every project is done). */
void acl_engine_lint(struct acl_project *p, const struct acl_rule_conf *confs,
                     struct acl_findings *out);

/* The post-rule step's rules (ACL_RULE_AFTER_IGNORES) of cfg's rule
 * table, which confs follows (the registry, or a test's table): runs
 * them once for a config whose ignore entries were applied to every project that
 * uses it, filing their findings under p (the first such project), and
 * finishes those findings like acl_engine_lint. */
void acl_engine_lint_ignores(const struct acl_project *p,
                             const struct acl_config *cfg,
                             const struct acl_rule_conf *confs,
                             struct acl_findings *out);

#endif
