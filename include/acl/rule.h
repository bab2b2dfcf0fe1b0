/*
 * rule.h - what a rule is, and how it reports findings.
 *
 * Each rule lives in one file of rules/, exports one const struct
 * acl_rule, and is listed once in rules/rules.def. A rule reads the
 * project model and reports at model nodes; the engine turns nodes
 * into pointers, spans and positions.
 */
#ifndef ACL_RULE_H
#define ACL_RULE_H

#include <jansson.h>

#include "acl/finding.h"
#include "acl/model.h"
#include "acl/util.h"

enum acl_rule_flags {
    ACL_RULE_SECURITY = 1 << 0,      /* tagged "security" in SARIF */
    ACL_RULE_NEEDS_SOURCES = 1 << 1, /* reads agent source files */
    /* An error in the production context, a warning outside it: the
     * rule docs say "error/warning". */
    ACL_RULE_PROD_LEVEL = 1 << 2,
    /* Runs after the post-rule step, not with the other rules: once per
     * config file when every project using it is linted and suppressed,
     * with acl_check.config set (its ignore entries' usage). */
    ACL_RULE_AFTER_IGNORES = 1 << 3
};

/* An integer option a rule reads with acl_check_option(), settable in
 * the config file ("rules": {"AC005": {"threshold": 15}}). The config
 * accepts only options a rule declares, within [min, max]. */
struct acl_rule_option {
    const char *name; /* NULL ends a list */
    long min, max, def;
    const char *summary; /* one line, for the docs and the JSON Schema */
};

struct acl_check;
struct acl_config;

struct acl_rule {
    const char *id;       /* "AC001": stable, never reused */
    const char *name;     /* "gateway-no-inbound-auth" */
    enum acl_level level; /* default level */
    unsigned flags;
    const char *summary;     /* one line */
    const char *description; /* what it finds and why it matters */
    const char *help;        /* how to fix: the help line of findings */
    const char *example;     /* a small failing example and its fix */
    const char *precision;   /* SARIF precision: very-high, high, medium */
    const char *security_severity; /* "8.0"; NULL when not security */
    /* Optional: compile patterns once. Returns 0, or -1 and fills err. */
    int (*init)(struct acl_error *err);
    void (*fini)(void);
    void (*check)(struct acl_check *c);
    /* The rule's config options, ending with a {NULL} entry; NULL when
     * it takes none. */
    const struct acl_rule_option *options;
};

/* Every rule object, declared from the one list. */
#define ACL_RULE(sym) extern const struct acl_rule acl_rule_##sym;
#include "rules.def"
#undef ACL_RULE

/* What a rule's check function gets. */
struct acl_check {
    const struct acl_project *project;
    const struct acl_rule *rule;
    json_t *options; /* the rule's config object, or NULL */
    struct acl_findings *out;
    /* ACL_RULE_AFTER_IGNORES rules only: the config whose ignore entries
     * were applied (hits and rule_ran filled); NULL for other rules. */
    const struct acl_config *config;
    char reason[300]; /* acl_prod_reason's text */
};

/* An integer option of the rule's config ("threshold"), or def. */
long acl_check_option(const struct acl_check *c, const char *name, long def);

/* Reports at a model node. member, when not NULL, is a '/'-separated
 * path of plain member names below the node ("outboundAuth/type"); when
 * that member is absent the finding points at the node's "name" value,
 * else at the node itself. The message is printf-formatted and copied.
 * Returns the finding, owned by the findings list. */
struct acl_finding *acl_report(struct acl_check *c, enum acl_level level,
                               const struct acl_node *at, const char *member,
                               const char *fmt, ...) ACL_PRINTF(5, 6);

/* Reports at the member name of the node's value ("foo" in
 * "foo": 1), e.g. for a member that should not be there; at the value
 * when it has no name (an array element). */
struct acl_finding *acl_report_name(struct acl_check *c, enum acl_level level,
                                    const struct acl_node *at, const char *fmt,
                                    ...) ACL_PRINTF(4, 5);

/* Reports at a byte span of a text (agent source, or a JSON file where
 * no node fits, such as a syntax error). pointer may be NULL. */
struct acl_finding *acl_report_span(struct acl_check *c, enum acl_level level,
                                    const struct acl_text *file,
                                    struct acl_span sp, const char *pointer,
                                    const char *fmt, ...) ACL_PRINTF(6, 7);

/* Records that the rule could not finish looking at file: a pattern gave
 * up at pcre2's match limit (acl_regex_find returned -1), a value was
 * too large to scan. Shown as a tool notice "FILE: ACxxx name: scan
 * incomplete: TEXT; ..." in every output format, so an incomplete scan
 * is never taken for "nothing found". The message is printf-formatted. */
void acl_check_incomplete(struct acl_check *c, const struct acl_text *file,
                          const char *fmt, ...) ACL_PRINTF(3, 4);

/* The level of a rule that is an error in the production context and a
 * warning outside it. */
enum acl_level acl_prod_level(const struct acl_check *c);

/* " (production target \"prod\")" or " (--production)"-style phrase for
 * messages that depend on the context; "" outside it. Held in c, valid
 * until the next call with c. */
const char *acl_prod_reason(struct acl_check *c);

/* Fixes and suggestions (fix.h) a rule attaches to a finding it has
 * just reported. kind: ACL_FIX, which --fix applies (it must keep what
 * the project means, or do exactly what the rule's help says), or
 * ACL_SUGGESTION, only offered. title says what the edit does ("set
 * \"enableSemanticSearch\" to true"). Each does nothing when the edit
 * cannot be made safely: the member is not there, its object holds a
 * repeated name, the new name is taken. member is a '/'-separated path
 * of plain names below the node, as for acl_report; NULL is the node. */

/* Sets member to the JSON text json: replaces its value, or when it is
 * absent adds it as the last member of its object (which must be
 * there), laid out like the member before it. */
void acl_fix_set(struct acl_finding *f, enum acl_fix_kind kind,
                 const struct acl_node *at, const char *member,
                 const char *json, const char *title);
/* Removes member with its comma; the lines around it keep their
 * indentation. */
void acl_fix_drop(struct acl_finding *f, enum acl_fix_kind kind,
                  const struct acl_node *at, const char *member,
                  const char *title);
/* Removes the first of a repeated member (the one JSON.parse drops). */
void acl_fix_drop_first(struct acl_finding *f, enum acl_fix_kind kind,
                        const struct acl_doc *doc, const struct acl_dupkey *dk,
                        const char *title);
/* Renames the member whose value is at (an object member) to name, a
 * plain ASCII name, unless its object already has a member so named.
 * For "did you mean" fixes: pair it with acl_suggest. */
void acl_fix_rename(struct acl_finding *f, enum acl_fix_kind kind,
                    const struct acl_node *at, const char *name,
                    const char *title);
/* When member is a string whose text starts with from (ASCII case
 * ignored), replaces those bytes with to ("http:" -> "https:"). */
void acl_fix_prefix(struct acl_finding *f, enum acl_fix_kind kind,
                    const struct acl_node *at, const char *member,
                    const char *from, const char *to, const char *title);
/* Replaces the bytes sp of a text (agent source, where no node fits)
 * with text. */
void acl_fix_replace(struct acl_finding *f, enum acl_fix_kind kind,
                     const struct acl_text *file, struct acl_span sp,
                     const char *text, const char *title);
/* Appends line to the project's text file rel (with the file's line
 * ends, after a line end when its last line has none), or creates the
 * file holding it when it does not exist. */
void acl_fix_append_line(struct acl_finding *f, enum acl_fix_kind kind,
                         const struct acl_project *p, const char *rel,
                         const char *line, const char *title);

#endif
