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

/* As acl_gitindex_has; when found, *pos (if not NULL) gets the entry's
 * number, from 0, in index order. */
int acl_gitindex_find(const unsigned char *data, size_t len, size_t hash_len,
                      const char *path, size_t *pos, struct acl_error *err);

/* A split index (git update-index --split-index) keeps most entries in
 * a shared index, $GIT_DIR/sharedindex.<shared>, and names it in its
 * "link" extension with a bitmap of the shared entries it deletes. del
 * points into the index data (not owned); del_len is 0 when there is
 * no delete bitmap. */
struct acl_gitindex_link {
    char shared[65];          /* the shared index's object name, hex */
    const unsigned char *del; /* the EWAH delete bitmap */
    size_t del_len;
};

/* Fills link from the index in data[0, len). Returns 1 when the index
 * is split, 0 when it is not, -1 when it is malformed (err says where). */
int acl_gitindex_link(const unsigned char *data, size_t len, size_t hash_len,
                      struct acl_gitindex_link *link, struct acl_error *err);

/* Is bit set in the EWAH-compressed bitmap bm[0, len) (git's ewah
 * format)? 1 or 0; -1 when the bitmap is malformed. */
int acl_gitindex_ewah_bit(const unsigned char *bm, size_t len, size_t bit);

#endif
