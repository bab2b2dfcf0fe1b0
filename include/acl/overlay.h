/*
 * overlay.h - file contents that override the disk: the unsaved text of
 * documents open in an editor (the language server), or standard input
 * under a file name. A map from absolute, resolved paths to bytes that
 * the project loader consults before it reads a file.
 *
 * The overlay owns copies of its paths and bytes. A project borrows its
 * overlay (acl_project_load_overlay) for as long as it lives.
 */
#ifndef ACL_OVERLAY_H
#define ACL_OVERLAY_H

#include <stddef.h>

#include "acl/file.h"

struct acl_overlay_file {
    char *path; /* absolute, links resolved */
    char *data; /* NUL-terminated */
    size_t len;
};

struct acl_overlay {
    struct acl_overlay_file *files;
    size_t n, cap;
};

struct acl_overlay *acl_overlay_new(void);
void acl_overlay_free(struct acl_overlay *o);
/* Sets (or replaces) the bytes of path; copies both. */
void acl_overlay_set(struct acl_overlay *o, const char *path, const char *data,
                     size_t len);
/* Forgets path; nothing when it is not there. */
void acl_overlay_remove(struct acl_overlay *o, const char *path);
/* The entry of path, or NULL (o may be NULL). */
const struct acl_overlay_file *acl_overlay_get(const struct acl_overlay *o,
                                               const char *path);

/* Reads a file as acl_read_file does, but from the overlay when it has
 * key (the file's absolute resolved path): then a copy, capped at max
 * like a file. open_path is what is opened otherwise: confined to root
 * (acl_read_file_in) when root is not NULL. */
enum acl_read_status acl_overlay_read(const struct acl_overlay *o,
                                      const char *root, const char *key,
                                      const char *open_path, size_t max,
                                      char **out, size_t *len,
                                      struct acl_error *err);

#endif
