/*
 * gitindex.h - reading the git index file (gitformat-index(5)),
 * versions 2, 3 and 4 (with its path prefix compression), to know
 * whether a path is tracked. Bounded: every length is checked against
 * the data, and nothing is allocated.
 */
#ifndef ACL_GITINDEX_H
#define ACL_GITINDEX_H

#include <stddef.h>

#include "acl/util.h"

/* Largest index file read (bytes); real ones of huge repositories stay
 * well below. */
#define ACL_GITINDEX_MAX_SIZE (256u << 20)

/* Is path an entry of the index in data[0, len)? hash_len is the size
 * of an object name: 20 (SHA-1) or 32 (SHA-256). Returns 1 or 0, or -1
 * when the data is not a well-formed index (err says where). */
int acl_gitindex_has(const unsigned char *data, size_t len, size_t hash_len,
                     const char *path, struct acl_error *err);

#endif
