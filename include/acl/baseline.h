/*
 * baseline.h - --baseline: a SARIF log of an earlier run whose findings
 * are accepted (agentcore-lint(1), BASELINE). Findings are matched by our fingerprint,
 * partialFingerprints["agentcoreLint/v1"], which ignores line numbers
 * and array positions of named elements, so edits elsewhere in a file
 * keep old findings recognised.
 */
#ifndef ACL_BASELINE_H
#define ACL_BASELINE_H

#include <stddef.h>

#include "acl/finding.h"
#include "acl/util.h"

/* The SARIF partialFingerprints key that holds f->fingerprint. */
#define ACL_FINGERPRINT_KEY "agentcoreLint/v1"

/* The member that marks our own baseline file, and its version. */
#define ACL_BASELINE_KEY "agentcoreLintBaseline"

struct acl_baseline;

/* Writes the baseline file of --write-baseline: every finding that no
 * ignore entry of a config accepted, as {"file", "rule", "fingerprint"}
 * (file relative to path's folder), sorted and without duplicates, one
 * per line; no absolute path, no rule text, no time, so the file stays
 * the same from machine to machine. Returns 0, or -1 with err filled. */
int acl_baseline_write(const char *path, const struct acl_findings *l,
                       struct acl_error *err);

/* Reads a baseline file (ours, or a SARIF log) at path (at most max bytes). Returns a new
 * baseline, or NULL with err filled ("FILE: why") when the file cannot
 * be read or is not a SARIF log. */
struct acl_baseline *acl_baseline_load(const char *path, size_t max,
                                       struct acl_error *err);
/* The same from a text in memory (not taken over); name is for errors. */
struct acl_baseline *acl_baseline_parse(const char *name, const char *data,
                                        size_t len, struct acl_error *err);
void acl_baseline_free(struct acl_baseline *b);

/* How many fingerprints the baseline holds. */
size_t acl_baseline_size(const struct acl_baseline *b);

/* Sets f->baseline of every finding: ACL_BASELINE_UNCHANGED when its
 * fingerprint is in the baseline, else ACL_BASELINE_NEW. */
void acl_baseline_mark(const struct acl_baseline *b, struct acl_findings *l);

#endif
