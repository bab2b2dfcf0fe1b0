/*
 * jptr.h - RFC 6901 JSON pointers.
 */
#ifndef ACL_JPTR_H
#define ACL_JPTR_H

#include <stddef.h>

#include "acl/util.h"

/* base + "/" + escaped token (token may hold NUL: len bytes). New string,
 * the caller frees it. */
char *acl_jptr_join(const char *base, const char *token, size_t len);
/* base + "/" + index. New string, the caller frees it. */
char *acl_jptr_index(const char *base, size_t index);
/* Appends "/" + escaped token to b. */
void acl_jptr_append(struct acl_buf *b, const char *token, size_t len);
/* Appends "/" + index to b: every array element of every walk does, so
 * it is not a printf. */
void acl_jptr_append_index(struct acl_buf *b, size_t index);
/* Appends the reference token s[0..n) unescaped (~1 is '/', ~0 is '~').
 * Returns 0, or -1 when a '~' is followed by neither (it is then kept as
 * written). */
int acl_jptr_unescape(struct acl_buf *b, const char *s, size_t n);
/* Reads the next reference token of *p (which points at a '/' or the
 * final NUL) into tok, unescaped, and advances *p. Returns 0 on
 * success, 1 at the end, -1 on a malformed pointer. */
int acl_jptr_next(const char **p, struct acl_buf *tok);

#endif
