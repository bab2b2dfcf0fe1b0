/*
 * discover.h - from command-line paths to the projects to lint.
 */
#ifndef ACL_DISCOVER_H
#define ACL_DISCOVER_H

#include <jansson.h>
#include <stddef.h>

#include "acl/util.h"

struct acl_found {
    char *root;    /* usable to open files: as given, or resolved */
    char *real;    /* resolved absolute path: the identity of the project */
    char *display; /* "" for the cwd, else relative to it, else absolute */
};

struct acl_found_list {
    struct acl_found *items;
    size_t n, cap;
    json_t *seen; /* real paths already in items (a set), or NULL */
};

/* Adds the projects that path names (agentcore-lint(1), DESCRIPTION): the
 * project containing it, or every project below a folder that is not
 * in one. Projects already in the list are not added twice. Returns 0,
 * or -1 with err filled when path does not exist or holds no project. */
int acl_discover(const char *path, struct acl_found_list *out,
                 struct acl_error *err);

/* What narrows a search of a folder for projects: --exclude globs (a
 * glob with '/' matches a folder's path below the searched folder, one
 * without its name at any depth). Git-ignored folders, node_modules,
 * cdk.out and hidden folders are always skipped. */
struct acl_discover_opts {
    const char *const *excludes;
    size_t nexcludes;
};

/* acl_discover with options (opts may be NULL). */
int acl_discover_opts(const char *path, const struct acl_discover_opts *opts,
                      struct acl_found_list *out, struct acl_error *err);

/* How a path (absolute, resolved) is shown: relative to the cwd when
 * below it, else as is. New string, the caller frees it. */
char *acl_display_path(const char *real);

void acl_found_list_free(struct acl_found_list *l);

/* The config file that applies to the project at root: the nearest
 * .agentcore-lint.json from the root up to the top of the git work
 * tree holding it (only the root's own outside a work tree). A new
 * absolute path the caller frees, or NULL when there is none. */
char *acl_config_find(const char *root);

/* The project of --stdin-filename name, as ESLint finds it: R when name
 * is R/agentcore/agentcore.json, else the nearest folder above name
 * that holds agentcore/agentcore.json, else "." (the current folder).
 * *spec_path gets name's part below that root (a pointer into name).
 * Returns a new string the caller frees. */
char *acl_stdin_root(const char *name, const char **spec_path);

#endif
