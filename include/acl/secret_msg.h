/*
 * secret_msg.h - how findings about secrets (AC003, AC014, AC017) name
 * what they found without ever showing it whole.
 */
#ifndef ACL_SECRET_MSG_H
#define ACL_SECRET_MSG_H

#include <stddef.h>

#include "acl/model.h"
#include "acl/secret.h"

/* The phrase for a match in value v (vlen bytes): "an AWS access key
 * ID (AKIA…)", or "a secret-looking value (hunt…)" for a name-flagged
 * value. Only the preview of acl_secret_preview is shown. New string;
 * the caller frees it. */
char *acl_secret_phrase(const struct acl_secret_match *m, const char *v,
                        size_t vlen);

/* Widens the match [*start, *end) of s (len bytes) to the whole word
 * holding it: up to blanks, quotes or the ends of s, so that the region
 * covers the secret even where a pattern matched only its head. */
void acl_secret_widen(const char *s, size_t len, size_t *start, size_t *end);

/* Records that the secret scan of a value in file t (where names the
 * place: "/runtimes/0/envVars/2/value", "line 4") stopped at pcre2's
 * match limit: a project notice, never a silent "no secret". */
void acl_secret_incomplete(const struct acl_project *p,
                           const struct acl_text *t, const char *where);

#endif
