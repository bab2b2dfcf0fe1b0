/*
 * mask.h - secrets hidden wherever findings are printed.
 *
 * After the rules ran, one step gathers the project's secrets (every
 * JSON string and member name that the secret detector flags, on its
 * own or under its member name: each document's secret index, found
 * when it was loaded, see secret.h) into a table, and rewrites each finding's
 * message, help, pointer, resource and justification so that none of them
 * shows one whole: a rule may quote a name that happens to be a secret
 * (a gateway named with an API key) without knowing it. Every output
 * format prints these fields, so each is safe in all of them.
 */
#ifndef ACL_MASK_H
#define ACL_MASK_H

#include <stddef.h>

#include "acl/finding.h"
#include "acl/model.h"

struct acl_mask;

/* An empty table; free with acl_mask_free (NULL accepted). */
struct acl_mask *acl_mask_new(void);
void acl_mask_free(struct acl_mask *m);

/* Adds s (n bytes) as a secret; also in its JSON-pointer spelling. */
void acl_mask_add(struct acl_mask *m, const char *s, size_t n);

/* Adds the secrets of p's JSON documents (none when p is NULL). */
void acl_mask_add_project(struct acl_mask *m, const struct acl_project *p);

/* s with every secret in it (from the table, or of a known format)
 * shown as its short preview (acl_secret_preview). A new string. */
char *acl_mask_text(const struct acl_mask *m, const char *s);

/* The post-rule step: masks the fields of l->items[first..] with the
 * secrets of p's JSON files and any known-format secret in them. Their
 * fingerprints, computed before, stay as they were. */
void acl_mask_findings(const struct acl_project *p, struct acl_findings *l,
                       size_t first);

#endif
