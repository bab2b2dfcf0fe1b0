/*
 * config.h - the config file .agentcore-lint.json (agentcore-lint(1),
 * CONFIG FILE): the production context, per-rule settings, and ignore entries
 * that suppress findings with a reason.
 *
 * A config is parsed with the project loader (so every error names a
 * line) and checked strictly: unknown members, wrong types, unknown
 * rules and ignore entries without a reason are errors, because a typo
 * in a suppression must not silently hide or show findings.
 */
#ifndef ACL_CONFIG_H
#define ACL_CONFIG_H

#include <jansson.h>
#include <stddef.h>

#include "acl/engine.h"
#include "acl/finding.h"
#include "acl/json.h"
#include "acl/model.h"
#include "acl/rule.h"

#define ACL_CONFIG_FILE ".agentcore-lint.json"

/* What the config says about one rule. */
struct acl_rule_setting {
    int set; /* the config names the rule */
    int enabled;
    enum acl_level level; /* ACL_LEVEL_NONE: the rule's own choice */
    json_t *options;      /* the rule's object (borrowed), or NULL */
};

/* One "ignore" entry. Strings are borrowed from the config's JSON. */
struct acl_ignore {
    size_t rule;          /* index into the config's rule table */
    const char *resource; /* each NULL when absent; all present must match */
    const char *pointer;
    const char *path;
    const char *reason;
    char *at;     /* the entry's pointer in the config ("/ignore/1") */
    size_t hits;  /* findings it suppressed so far */
    int rule_ran; /* its rule ran in a project using this config */
};

struct acl_config {
    struct acl_doc *doc; /* the config file, with its source map */
    const struct acl_rule *const *rules; /* the rule table it names */
    size_t nrules;
    int production;       /* "production": true */
    const char **targets; /* "productionTargets", or NULL when absent */
    size_t ntargets;
    struct acl_rule_setting *settings; /* nrules entries */
    struct acl_ignore *ignores;
    size_t nignores;
};

/* The members the config accepts, NULL-terminated: at the top level, in
 * an ignore entry, and as rule levels. The JSON Schema must offer the
 * same (a test compares them). */
extern const char *const acl_config_members[];
extern const char *const acl_config_ignore_members[];
extern const char *const acl_config_levels[];

/* Parses and checks a config (text is taken over) against a rule table
 * (the registry, or a test's table). Returns a new config, or NULL with
 * err filled as "FILE:LINE: \"member\": what is wrong". */
struct acl_config *acl_config_parse(struct acl_text *text,
                                    const struct acl_rule *const *rules,
                                    size_t nrules, struct acl_error *err);

/* Reads the config at path (shown as display, and as the file of its
 * findings) against the rule registry. Returns 0 with *out the config,
 * or 0 with *out NULL when path does not exist and required is 0;
 * returns -1 with err filled when it cannot be read or is invalid. */
int acl_config_load(const char *path, const char *display, int required,
                    size_t max, struct acl_config **out, struct acl_error *err);

/* As acl_config_load for a project's own (optional) config file: path
 * must stay inside root (the project's resolved root) with every link
 * followed; a link leading out is an error, never read. */
int acl_config_load_in(const char *root, const char *path, const char *display,
                       size_t max, struct acl_config **out,
                       struct acl_error *err);

void acl_config_free(struct acl_config *c);

/* The production options of a run: the command line's (cli), with the
 * config's (c may be NULL) where the command line says nothing.
 * out->names borrows from c. */
void acl_config_prod(const struct acl_config *c,
                     const struct acl_prod_opts *cli,
                     struct acl_prod_opts *out);

/* Applies the config's rule settings (c may be NULL) to confs, which has
 * one entry per rule of the config's table. */
void acl_config_rules(const struct acl_config *c, struct acl_rule_conf *confs);

/* Marks the findings l->items[first..] that an ignore entry matches as
 * suppressed, with the entry's reason, and counts the entry's hits.
 * confs are the rule settings the project ran with. */
void acl_config_suppress(struct acl_config *c,
                         const struct acl_rule_conf *confs,
                         struct acl_findings *l, size_t first);

/* Runs the rules that read the ignore usage (unused-ignore: one note
 * per entry that matched nothing although its rule ran, located at the
 * entry in the config file) once every project using c is linted; p is
 * the project the notes are filed under, confs the settings of c. */
void acl_config_unused(const struct acl_config *c, const struct acl_project *p,
                       const struct acl_rule_conf *confs,
                       struct acl_findings *out);

/* Does a path glob match path ('/'-separated, relative)? '*' matches
 * within one path segment, '?' one character, and a "**" segment any
 * number of segments, none included. */
int acl_glob_match(const char *pattern, const char *path);

/* Does a JSON pointer name ptr or a value below it? */
int acl_pointer_covers(const char *prefix, const char *ptr);

/* The config's JSON Schema (draft-07), built from the rule registry.
 * A new value the caller releases with json_decref. */
json_t *acl_config_schema(void);

#endif
