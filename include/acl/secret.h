/*
 * secret.h - the secret detector shared by AC003, AC014 and AC017.
 *
 * Known formats are pcre2 patterns compiled once (JIT when available).
 * Name-flagged secrets combine a secret-looking variable or header name
 * with a value that looks real (not a placeholder, not an ARN).
 * See docs/rules.md, AC003 secret-in-env-var.
 */
#ifndef ACL_SECRET_H
#define ACL_SECRET_H

#include <stddef.h>

#include "acl/util.h"

/* Compiles the pattern table. Safe to call more than once; the other
 * functions call it themselves when needed. Setting ACL_NO_JIT in the
 * environment turns off pcre2 JIT (for valgrind runs). The detector
 * keeps one shared match-data: it is not thread-safe. */
int acl_secret_init(struct acl_error *err);
void acl_secret_fini(void);

struct acl_secret_match {
    const char *kind; /* "AWS access key ID", ... (static) */
    size_t start;     /* byte range of the match in the value */
    size_t end;
};

/* Does s (len bytes, may hold NUL) contain a known-format secret? The
 * first match in s is reported (m may be NULL); documentation samples
 * ("EXAMPLE"), placeholder runs and templated URL passwords do not
 * count. */
int acl_secret_known(const char *s, size_t len, struct acl_secret_match *m);

/* Does a variable, key or header name look like it holds a secret?
 * Tokens split on non-alphanumerics and case boundaries ("APIKey" ->
 * API, Key); "tokens" is not "token" (MAX_TOKENS is a limit), and a
 * plural excluded last token excludes too (PRIVATE_SUBNET_IDS). */
int acl_secret_name(const char *name, size_t len);

/* Does a value look like a real secret value rather than a
 * placeholder, reference, boolean, number or ARN? Beyond the spec, an
 * environment-variable name ("OPENAI_API_KEY") and a URL without a
 * password, query or fragment are not secret values either. */
int acl_secret_value(const char *v, size_t len);

/* Known format, or secret name with real value. Fills m (kind is
 * "value of a secret-named variable" for the latter, range whole). */
int acl_secret_check(const char *name, size_t nlen, const char *v,
                     size_t vlen, struct acl_secret_match *m);

/* Writes at most the first 4 characters (whole UTF-8 sequences) of s
 * followed by "…" into out, NUL-terminated; values shorter than 8
 * characters show at most half of theirs. Control, bidi-override and
 * malformed characters are written as '?'. */
void acl_secret_preview(const char *s, size_t len, char out[32]);

#endif
