/*
 * gitignore.h - gitignore(5) matching, for AC011.
 *
 * acl_gitignore_new() returns an object the caller frees with
 * acl_gitignore_free(); acl_gitignore_add() copies what it keeps.
 */
#ifndef ACL_GITIGNORE_H
#define ACL_GITIGNORE_H

#include <stddef.h>

struct acl_gitignore;

struct acl_gitignore *acl_gitignore_new(void);
void acl_gitignore_free(struct acl_gitignore *g);

/* Adds the patterns of one .gitignore whose folder is dir (relative to
 * the matching root, "" for the root itself, no trailing '/'). Files
 * must be added from the root down: deeper files take precedence. */
void acl_gitignore_add(struct acl_gitignore *g, const char *dir,
                       const char *text, size_t len);

/* Is path (relative to the root, '/'-separated) ignored? is_dir tells
 * whether it is a folder. Ignored parent folders ignore their
 * contents, as git does. */
int acl_gitignore_ignored(const struct acl_gitignore *g, const char *path,
                          int is_dir);

#endif
