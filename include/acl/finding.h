/*
 * finding.h - findings and lists of them.
 */
#ifndef ACL_FINDING_H
#define ACL_FINDING_H

#include <stddef.h>

#include "acl/file.h"
#include "acl/fix.h"

enum acl_level { ACL_LEVEL_NONE = 0, ACL_NOTE, ACL_WARNING, ACL_ERROR };

enum acl_baseline_state {
    ACL_BASELINE_NONE = 0,
    ACL_BASELINE_NEW,
    ACL_BASELINE_UNCHANGED
};

struct acl_rule;
struct acl_project;

struct acl_finding {
    const struct acl_rule *rule;
    enum acl_level level;
    char *message; /* owned */
    char *help;    /* owned; NULL means the rule's help */
    const struct acl_project *project;
    const struct acl_text *file; /* borrowed from the project */
    char *pointer;               /* JSON files: RFC 6901; owned; or NULL */
    char *resource;              /* owned; or NULL */
    struct acl_span span;        /* exact bytes of the offending text */
    struct acl_pos start, end;   /* end is one past the last character */
    /* The span's text is a secret: outputs show at most its first 4
     * characters. */
    int secret;
    char *fingerprint; /* owned; set by the engine */
    int suppressed;
    char *justification; /* owned; why it is suppressed */
    enum acl_baseline_state baseline;
    /* Fixes and suggestions (fix.h), attached by the rule; owned. */
    struct acl_fix_list fixes;
};

/* A file the run could not read (for SARIF toolExecutionNotifications):
 * not a finding, but the lint is incomplete without it. */
struct acl_notice {
    char *file; /* as shown to users */
    char *text;
};

/* A log of notices; owns the items and their strings. */
struct acl_notices {
    struct acl_notice *items;
    size_t n;
};

struct acl_findings {
    struct acl_finding **items;
    size_t n;
    size_t cap;
};

/* Appends a new zeroed finding; the list owns it. */
struct acl_finding *acl_findings_add(struct acl_findings *l);
/* Frees every finding and the array (not the struct itself). */
void acl_findings_clear(struct acl_findings *l);
/* Sorts by file, line, column, rule ID, then message. */
void acl_findings_sort(struct acl_findings *l);

/* Computes f->fingerprint from its rule, file, path and text. */
void acl_finding_fingerprint(struct acl_finding *f);

/* Has the project accepted f: an ignore entry of its config or the
 * baseline matched it? Accepted findings never fail the run. */
int acl_finding_accepted(const struct acl_finding *f);

const char *acl_level_name(enum acl_level l); /* "error", ... */
/* Parses "error", "warning", "note", "none"; -1 when unknown. */
int acl_level_parse(const char *s);

#endif
