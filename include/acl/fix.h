/*
 * fix.h - fixes and suggestions: byte edits that findings carry.
 *
 * A fix is safe and mechanical: it keeps what the project means (or
 * does only what the rule's help says, with nothing to choose), and
 * --fix applies it. A suggestion changes behaviour; it is only offered
 * (SARIF, the language server). Both are a title and a list of edits;
 * an edit replaces the bytes [start, end) of one project file. Edits
 * keep the file's indentation, line endings and member order and touch
 * nothing outside their span.
 *
 * Memory: a finding owns its fixes (acl_fix_list_free frees them); an
 * edit owns its strings and borrows its text from the project.
 */
#ifndef ACL_FIX_H
#define ACL_FIX_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "acl/file.h"
#include "acl/util.h"

struct acl_finding;
struct acl_findings;
struct acl_project;

enum acl_fix_kind { ACL_SUGGESTION = 0, ACL_FIX = 1 };

struct acl_edit {
    char *path;    /* the project-relative path, '/'-separated; owned */
    char *display; /* as users see it; owned */
    /* The text the offsets refer to; NULL when the file does not exist
     * yet (start = end = 0: the edit creates it). Borrowed. */
    const struct acl_text *file;
    uint32_t start, end;
    char *text; /* the replacement; owned */
};

struct acl_fix {
    char *title; /* what the edit does, for menus and reports; owned */
    enum acl_fix_kind kind;
    struct acl_edit *edits; /* owned */
    size_t nedits;
};

struct acl_fix_list {
    struct acl_fix *items; /* owned */
    size_t n;
};

void acl_fix_list_free(struct acl_fix_list *l);

/* Starts a fix on f: returns it, with no edit yet. */
struct acl_fix *acl_fix_begin(struct acl_finding *f, enum acl_fix_kind kind,
                              const char *title);
/* Adds an edit of text file (path and display taken from it). */
void acl_fix_edit(struct acl_fix *x, const struct acl_text *file,
                  uint32_t start, uint32_t end, const char *text);
/* Adds an edit that creates rel (display: as users see it). */
void acl_fix_create(struct acl_fix *x, const char *rel, const char *display,
                    const char *text);
/* Drops f's last fix (a helper found it could not be built). */
void acl_fix_cancel(struct acl_finding *f);

/* Edits of one file, gathered from the fixes --fix applies. */
struct acl_fix_file {
    char *path;    /* for opening: the project root joined; owned */
    char *display; /* owned */
    const struct acl_text *file; /* NULL: created */
    const struct acl_project *project;
    /* Borrowed from the findings, in order, none overlapping. */
    const struct acl_edit **edits;
    size_t nedits, cap;
};

struct acl_fix_plan {
    struct acl_fix_file *files; /* owned */
    size_t nfiles, cap;
    size_t napplied;   /* fixes accepted */
    size_t nconflicts; /* fixes left for the next pass */
};

/* Does rule_id pass the --fix-only list (comma-separated IDs or names;
 * NULL passes all)? */
int acl_fix_selected(const char *only, const char *rule_id,
                     const char *rule_name);

/* Adds every safe fix of the unsuppressed findings whose rule passes
 * only: a fix whose edits overlap an accepted one is left out (counted
 * in nconflicts; the next pass, after a new lint, applies it). */
void acl_fix_plan_build(struct acl_fix_plan *plan, const struct acl_findings *l,
                        const char *only);
void acl_fix_plan_free(struct acl_fix_plan *plan);

/* The new contents of ff: a new buffer (NUL-terminated) and its length. */
char *acl_fix_apply(const struct acl_fix_file *ff, size_t *len);
/* The same, for edits [0, n) of the text old (NULL: an empty file). */
char *acl_fix_apply_edits(const char *old, size_t oldlen,
                          const struct acl_edit *const *edits, size_t n,
                          size_t *len);

/* Writes the unified diff of ff's edits (three lines of context), the
 * files named a/DISPLAY and b/DISPLAY (--- /dev/null when created). */
void acl_fix_diff(FILE *out, const struct acl_fix_file *ff);

/* Replaces the file at path with data: written to a new file in the
 * same folder, then renamed over it. Refuses a path that is a symbolic
 * link or not a regular file, and one whose folder resolves outside
 * root (the project's resolved root). Keeps the file's mode. Returns 0,
 * or -1 with err filled. One function so that a safer writer can take
 * its place. */
int acl_fix_write_file(const char *root, const char *path, const char *data,
                       size_t len, struct acl_error *err);

#endif
