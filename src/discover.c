/*
 * discover.c - finding the projects that command-line paths name.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/discover.h"

/* Folders a project search never enters (besides hidden ones). */
static const char *const skipped[] = {"node_modules", "cdk.out"};

#define MAX_SEARCH_DEPTH 24

char *
acl_display_path(const char *real)
{
    char cwd[PATH_MAX];
    size_t n;

    if (getcwd(cwd, sizeof cwd) == NULL)
        return acl_xstrdup(real);
    n = strlen(cwd);
    if (strcmp(real, cwd) == 0)
        return acl_xstrdup("");
    if (strcmp(cwd, "/") == 0)
        return acl_xstrdup(real + 1);
    if (strncmp(real, cwd, n) == 0 && real[n] == '/')
        return acl_xstrdup(real + n + 1);
    return acl_xstrdup(real);
}

static int
is_project(const char *dir)
{
    char *spec = acl_xasprintf("%s/agentcore/agentcore.json", dir);
    struct stat st;
    int yes = lstat(spec, &st) == 0;

    free(spec);
    return yes;
}

static void
add_found(struct acl_found_list *l, const char *real)
{
    /* A set of the paths found: a folder of 20,000 projects would make
     * a scan of the list quadratic. */
    if (l->seen == NULL)
        l->seen = json_object();
    if (json_object_get(l->seen, real) != NULL)
        return;
    json_object_set_new_nocheck(l->seen, real, json_true()); /* any bytes */
    acl_xgrow((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items);
    l->items[l->n].real = acl_xstrdup(real);
    l->items[l->n].root = acl_xstrdup(real);
    l->items[l->n].display = acl_display_path(real);
    l->n++;
}

/* Walks up from real (a resolved folder) to the first project root. */
static int
enclosing(const char *real, struct acl_found_list *l)
{
    char *dir = acl_xstrdup(real);

    for (;;) {
        char *slash;

        if (is_project(dir)) {
            add_found(l, dir);
            free(dir);
            return 1;
        }
        slash = strrchr(dir, '/');
        if (slash == NULL || dir[1] == '\0')
            break;
        if (slash == dir)
            slash[1] = '\0';
        else
            *slash = '\0';
    }
    free(dir);
    return 0;
}

static int
skip_folder(const char *name)
{
    size_t i;

    if (name[0] == '.')
        return 1;
    for (i = 0; i < ACL_ARRAY_LEN(skipped); i++)
        if (strcmp(name, skipped[i]) == 0)
            return 1;
    return 0;
}

/* Depth-first search below dir; links to folders are not followed, so
 * a link loop cannot trap the search. */
static void
search(const char *dir, int depth, struct acl_found_list *l)
{
    DIR *d;
    struct dirent *e;

    if (depth > MAX_SEARCH_DEPTH)
        return;
    if (is_project(dir))
        add_found(l, dir);
    if ((d = opendir(dir)) == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        char *sub;
        struct stat st;

        if (skip_folder(e->d_name))
            continue;
        sub = acl_xasprintf("%s/%s", strcmp(dir, "/") ? dir : "", e->d_name);
        if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
            search(sub, depth + 1, l);
        free(sub);
    }
    closedir(d);
}

static int
cmp_found(const void *a, const void *b)
{
    return strcmp(((const struct acl_found *)a)->real,
                  ((const struct acl_found *)b)->real);
}

int
acl_discover(const char *path, struct acl_found_list *out,
             struct acl_error *err)
{
    char real[PATH_MAX], *dir;
    struct stat st;
    size_t before = out->n;

    if (stat(path, &st) != 0 || realpath(path, real) == NULL)
        return acl_error_set(err, "%s: %s", path, strerror(errno));
    dir = acl_xstrdup(real);
    if (!S_ISDIR(st.st_mode)) {
        char *slash = strrchr(dir, '/');

        /* A file: start from its folder ("/" for a file at the top). */
        slash[slash == dir ? 1 : 0] = '\0';
    }
    if (enclosing(dir, out)) {
        free(dir);
        return 0;
    }
    free(dir);
    if (!S_ISDIR(st.st_mode))
        return acl_error_set(err, "%s: not inside an AgentCore project (no "
                                  "agentcore/agentcore.json in its folder or "
                                  "above)", path);
    search(real, 0, out);
    if (out->n == before)
        return acl_error_set(err, "%s: no AgentCore project found (looked "
                                  "for */agentcore/agentcore.json)", path);
    qsort(out->items + before, out->n - before, sizeof *out->items,
          cmp_found);
    return 0;
}

void
acl_found_list_free(struct acl_found_list *l)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        free(l->items[i].root);
        free(l->items[i].real);
        free(l->items[i].display);
    }
    free(l->items);
    json_decref(l->seen);
    l->items = NULL;
    l->seen = NULL;
    l->n = l->cap = 0;
}
