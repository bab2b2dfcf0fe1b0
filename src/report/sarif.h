/*
 * sarif.h - the pieces of the SARIF writer (out_sarif.c, sarif_result.c,
 * sarif_util.c): URIs, GitHub's line hash, and the state of one log.
 */
#ifndef ACL_SARIF_H
#define ACL_SARIF_H

#include <jansson.h>
#include <stddef.h>

#include "acl/report.h"

/* Room for "<16 hex digits>:<occurrence>" and its NUL. */
#define ACL_LINE_HASH_SIZE 40

/* A path as a URI reference: every byte but unreserved characters and
 * '/' percent-encoded; an absolute path becomes a file:// URI. A new
 * string the caller frees. */
char *acl_sarif_uri(const char *path);

/* A JSON string of s (n bytes) with invalid UTF-8 replaced by U+FFFD,
 * so that jansson accepts text from any file. A new reference. */
json_t *acl_sarif_text(const char *s, size_t n);
json_t *acl_sarif_str(const char *s);

/* GitHub's primaryLocationLineHash (codeql-action fingerprints) of the
 * wanted lines of a text: a rolling hash over the first 100 characters
 * that are not space or tab from each line start, then ":" and how
 * often that hash occurred up to that line. lines are 1-based and
 * ascending; out[i] gets the hash of lines[i], or "" when the text has
 * no such line. */
void acl_line_hashes(const char *data, size_t len, const unsigned *lines,
                     size_t n, char (*out)[ACL_LINE_HASH_SIZE]);

/* A file that results point into: one artifacts[] entry. */
struct acl_sarif_art {
    const struct acl_text *file;
    unsigned *lines; /* start lines of its results, sorted, unique */
    size_t nlines, cap;
    char (*hashes)[ACL_LINE_HASH_SIZE]; /* one per line */
};

/* The state of one log while it is written; owned by out_sarif.c. */
struct acl_sarif {
    const struct acl_report_ctx *ctx;
    long *rule_index; /* registry index -> driver.rules index, or -1 */
    struct acl_sarif_art *arts;
    size_t narts, cap;
    size_t *art_slots; /* file -> artifact index + 1, open addressing */
    size_t art_slots_cap;
};

/* The index of rule r in tool.driver.rules. */
long acl_sarif_rule_index(const struct acl_sarif *s, const struct acl_rule *r);
/* The artifact index of f's file (adding it when new). */
size_t acl_sarif_art_of(struct acl_sarif *s, const struct acl_text *file);
/* The result of shown finding i (accepted ones only with
 * --show-suppressed, then with "suppressions"), or NULL past the
 * last: run.results, one by one. Needs every artifact's line hashes
 * filled in. A new reference. */
json_t *acl_sarif_result_at(void *sarif, size_t i);

#endif
