/*
 * gitwork.h - the git work tree around a project, read from the file
 * system only (git itself is never run): where its top is, whether its
 * .gitignore files ignore a path, and whether its index tracks a path.
 *
 * Strings returned are new; the caller frees them.
 */
#ifndef ACL_GITWORK_H
#define ACL_GITWORK_H

#include "acl/util.h"

/* The top of the git work tree holding root (an absolute, resolved
 * path): the nearest folder at or above it with a ".git" entry. NULL
 * outside git. Like git, the search never enters a folder listed in
 * the environment's GIT_CEILING_DIRECTORIES (':'-separated absolute
 * paths). */
char *acl_git_work_tree_top(const char *root);

/* Is rel (relative to root, '/'-separated) ignored by the .gitignore
 * files from top (the work tree top, or root outside git) down to rel's
 * folder, deeper ones taking precedence, as git reads them? is_dir
 * tells whether rel is a folder. Global excludes are not read. With a
 * project (may be NULL), the files are read through its reader, so an
 * editor's unsaved .gitignore counts. */
struct acl_project;
int acl_git_ignored(const struct acl_project *proj, const char *top,
                    const char *root, const char *rel, int is_dir);

/* Does the index of the work tree at top track path (relative to top,
 * '/'-separated)? 1 yes, 0 no (also when there is no index: a fresh
 * repository), -1 when the index cannot be read or is malformed (err
 * says why). Follows a ".git" file ("gitdir: ...") as worktrees and
 * submodules have. *index, when not NULL, gets the index file's path
 * (new string) or NULL when there is no git folder. */
int acl_git_tracked(const char *top, const char *path, char **index,
                    struct acl_error *err);

#endif
