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

/* How a path (absolute, resolved) is shown: relative to the cwd when
 * below it, else as is. New string, the caller frees it. */
char *acl_display_path(const char *real);

void acl_found_list_free(struct acl_found_list *l);

#endif
