/*
 * opts.h - the parsed command line.
 */
#ifndef ACL_OPTS_H
#define ACL_OPTS_H

#include <stddef.h>

#include "acl/model.h"
#include "acl/report.h"

enum acl_color { ACL_COLOR_AUTO = 0, ACL_COLOR_ALWAYS, ACL_COLOR_NEVER };

/* enable: 1 --enable, 0 --disable, ACL_TOGGLE_SELECT --select (only the
 * selected rules run, before --enable/--disable apply). */
#define ACL_TOGGLE_SELECT 2

struct acl_toggle {
    const char *rule;
    int enable;
};

struct acl_opts {
    enum acl_format format;
    const char *output;
    enum acl_level fail_on; /* ACL_LEVEL_NONE: never fail */
    struct acl_prod_opts prod;
    const char *config;
    int no_config;
    const char *baseline;
    struct acl_toggle *toggles; /* owned array, in command-line order */
    size_t ntoggles;
    int list_rules;
    const char *explain;
    enum acl_color color;
    int quiet;
    size_t max_size; /* bytes */
    const char *stdin_name;
    const char *generate; /* hidden --generate man-rules|config-schema */
    int version;
    int help;
    /* Adoption: --write-baseline FILE, --show-suppressed, --exclude GLOB
     * (owned array of borrowed strings), --statistics. */
    const char *write_baseline;
    int show_suppressed;
    const char **excludes;
    size_t nexcludes;
    int statistics;
    /* Fixes and the language server */
    int fix;              /* --fix: write the safe fixes */
    int fix_dry_run;      /* --fix-dry-run: print them as a diff */
    const char *fix_only; /* --fix-only RULES, comma-separated */
    int lsp;              /* --lsp: serve the language server on stdio */
    char **paths;         /* borrowed from argv */
    size_t npaths;
};

/* Parses argv into o. Returns 0, or -1 with err filled ("usage: ..."). */
int acl_opts_parse(int argc, char **argv, struct acl_opts *o,
                   struct acl_error *err);
void acl_opts_free(struct acl_opts *o);

/* The --help text. */
extern const char acl_usage_text[];

#endif
