/*
 * locate.c - where a project's files are: the config file that applies
 * to a project (the nearest one up to the git work tree's top) and the
 * project that a --stdin-filename path names.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "acl/config.h"
#include "acl/discover.h"
#include "acl/gitwork.h"

static int
exists(const char *dir, const char *rel, int want_dir)
{
    char *p = acl_path_join(dir, rel);
    struct stat st;
    int yes = stat(p, &st) == 0 &&
              (want_dir ? S_ISDIR(st.st_mode) : !S_ISDIR(st.st_mode));

    free(p);
    return yes;
}

/* Cuts the last segment off an absolute path in place; 0 at "/". */
static int
parent(char *dir)
{
    char *slash = strrchr(dir, '/');

    if (slash == NULL || strcmp(dir, "/") == 0)
        return 0;
    if (slash == dir)
        slash[1] = '\0';
    else
        *slash = '\0';
    return 1;
}

char *
acl_config_find(const char *root)
{
    char real[PATH_MAX], *dir, *top, *path = NULL;

    if (realpath(root, real) == NULL)
        return NULL;
    top = acl_git_work_tree_top(real);
    dir = acl_xstrdup(real);
    for (;;) {
        if (exists(dir, ACL_CONFIG_FILE, 0)) {
            path = acl_path_join(dir, ACL_CONFIG_FILE);
            break;
        }
        /* The top of the work tree ends the search; outside any work
         * tree only the project root is looked at. */
        if (top == NULL || strcmp(dir, top) == 0 || !parent(dir))
            break;
    }
    free(top);
    free(dir);
    return path;
}

/* Is name R/agentcore/agentcore.json (or exactly that)? Returns the
 * root R as a new string ("." or "/" when empty), or NULL. */
static char *
spec_root(const char *name)
{
    static const char spec[] = "agentcore/agentcore.json";
    size_t n = strlen(name), k = sizeof spec - 1;

    if (n < k || strcmp(name + n - k, spec) != 0 ||
        (n > k && name[n - k - 1] != '/'))
        return NULL;
    if (n == k)
        return acl_xstrdup(".");
    if (n == k + 1)
        return acl_xstrdup("/");
    return acl_xasprintf("%.*s", (int)(n - k - 1), name);
}

char *
acl_stdin_root(const char *name, const char **spec_path)
{
    char *dir = spec_root(name);

    *spec_path = name + strlen(name) - strlen("agentcore/agentcore.json");
    if (dir != NULL)
        return dir;
    /* Another file: the nearest folder above it that is a project. */
    dir = acl_xstrdup(name);
    for (;;) {
        char *slash = strrchr(dir, '/');

        if (slash == NULL)
            dir[0] = '\0';
        else
            slash[slash == dir ? 1 : 0] = '\0';
        if (exists(dir[0] ? dir : ".", "agentcore/agentcore.json", 0)) {
            size_t n = strlen(dir);

            *spec_path = name + (n == 0 ? 0 : strcmp(dir, "/") ? n + 1 : 1);
            if (dir[0] == '\0')
                strcpy(dir, ".");
            return dir;
        }
        if (dir[0] == '\0' || strcmp(dir, "/") == 0)
            break;
    }
    free(dir);
    *spec_path = name;
    return acl_xstrdup(".");
}
