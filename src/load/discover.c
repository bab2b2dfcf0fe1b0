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

#include "acl/config.h"
#include "acl/discover.h"
#include "acl/file.h"
#include "acl/gitignore.h"

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

static int excluded(const struct acl_discover_opts *o, const char *rel);

/* Walks up from real (a resolved folder) to the first project root; a
 * project an --exclude glob names (by its path as shown) is found but
 * not added. */
static int
enclosing(const char *real, const struct acl_discover_opts *opts,
          struct acl_found_list *l)
{
    char *dir = acl_xstrdup(real);

    for (;;) {
        char *slash;

        if (is_project(dir)) {
            char *disp = acl_display_path(dir);

            if (!excluded(opts, disp))
                add_found(l, dir);
            free(disp);
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

/* What a search carries down: --exclude globs, and the gitignore
 * patterns of the work tree (top is its resolved top folder, or NULL
 * outside one). */
struct search {
    struct acl_found_list *l;
    const struct acl_discover_opts *opts;
    const char *base; /* the searched folder, resolved */
    const char *top;
    struct acl_gitignore *gi;
};

/* path below the folder dir ("" for dir itself), or NULL. */
static const char *
below(const char *dir, const char *path)
{
    size_t n = strlen(dir);

    if (strcmp(dir, "/") == 0)
        return path + 1;
    if (strncmp(path, dir, n) != 0 || (path[n] != '/' && path[n] != '\0'))
        return NULL;
    return path[n] == '/' ? path + n + 1 : path + n;
}

/* An --exclude glob with a '/' matches the folder's path below the
 * searched folder; one without matches its name at any depth. A
 * leading "./" (as a shell user writes a path) says nothing more. */
static int
excluded(const struct acl_discover_opts *o, const char *rel)
{
    const char *name = strrchr(rel, '/') ? strrchr(rel, '/') + 1 : rel;
    size_t i;

    for (i = 0; o != NULL && i < o->nexcludes; i++) {
        const char *g = o->excludes[i];

        while (g[0] == '.' && g[1] == '/')
            g += 2;
        if (acl_glob_match(g, strchr(o->excludes[i], '/') ? rel : name))
            return 1;
    }
    return 0;
}

/* Adds dir's .gitignore (if any) to the search's patterns. */
static void
add_gitignore(struct search *s, const char *dir)
{
    char *path = acl_xasprintf("%s/.gitignore", strcmp(dir, "/") ? dir : "");
    const char *rel = s->top != NULL ? below(s->top, dir) : NULL;
    char *data = NULL;
    size_t len = 0;
    struct acl_error err;

    if (rel != NULL &&
        acl_read_file(path, (size_t)1 << 20, &data, &len, &err) == ACL_READ_OK)
        acl_gitignore_add(s->gi, rel, data, len);
    free(data);
    free(path);
}

static int
skip_sub(struct search *s, const char *sub, const char *name)
{
    const char *rel = below(s->base, sub);
    const char *grel = s->top != NULL ? below(s->top, sub) : NULL;

    if (skip_folder(name) || (rel != NULL && excluded(s->opts, rel)))
        return 1;
    return grel != NULL && acl_gitignore_ignored(s->gi, grel, 1);
}

/* Depth-first search below dir; links to folders are not followed, so
 * a link loop cannot trap the search. */
static void
search(struct search *s, const char *dir, int depth)
{
    DIR *d;
    struct dirent *e;

    if (depth > MAX_SEARCH_DEPTH)
        return;
    if (is_project(dir))
        add_found(s->l, dir);
    if ((d = opendir(dir)) == NULL)
        return;
    add_gitignore(s, dir);
    while ((e = readdir(d)) != NULL) {
        char *sub;
        struct stat st;

        if (e->d_name[0] == '.' && skip_folder(e->d_name))
            continue;
        sub = acl_xasprintf("%s/%s", strcmp(dir, "/") ? dir : "", e->d_name);
        if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode) &&
            !skip_sub(s, sub, e->d_name))
            search(s, sub, depth + 1);
        free(sub);
    }
    closedir(d);
}

/* The work tree's top above real (resolved), or NULL. */
static char *
git_top_of(const char *real)
{
    char *dir = acl_xstrdup(real);
    struct stat st;

    for (;;) {
        char *git = acl_xasprintf("%s/.git", strcmp(dir, "/") ? dir : "");
        int yes = lstat(git, &st) == 0;
        char *slash = strrchr(dir, '/');

        free(git);
        if (yes)
            return dir;
        if (slash == NULL || strcmp(dir, "/") == 0)
            break;
        slash[slash == dir ? 1 : 0] = '\0';
    }
    free(dir);
    return NULL;
}

/* Searches below real with the .gitignore files of the work tree from
 * its top down to real. */
static void
search_from(const char *real, const struct acl_discover_opts *opts,
            struct acl_found_list *l)
{
    struct search s = {l, opts, real, NULL, acl_gitignore_new()};
    char *top = git_top_of(real), *dir;
    const char *rest;
    size_t k;

    s.top = top;
    if (top != NULL && (rest = below(top, real)) != NULL && rest[0] != '\0') {
        /* The folders above real, from the top down. */
        dir = acl_xstrdup(real);
        add_gitignore(&s, top);
        for (k = strlen(top) + 1; real[k] != '\0'; k++)
            if (real[k] == '/') {
                dir[k] = '\0';
                add_gitignore(&s, dir);
                dir[k] = '/';
            }
        free(dir);
        /* A folder named on the command line is searched even when git
         * ignores it (as an explicitly named file is linted): then no
         * .gitignore of the work tree applies below it. */
        if (acl_gitignore_ignored(s.gi, rest, 1))
            s.top = NULL;
    }
    search(&s, real, 0);
    acl_gitignore_free(s.gi);
    free(top);
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
    return acl_discover_opts(path, NULL, out, err);
}

int
acl_discover_opts(const char *path, const struct acl_discover_opts *opts,
                  struct acl_found_list *out, struct acl_error *err)
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
    if (enclosing(dir, opts, out)) {
        free(dir);
        return 0;
    }
    free(dir);
    if (!S_ISDIR(st.st_mode))
        return acl_error_set(err,
                             "%s: not inside an AgentCore project (no "
                             "agentcore/agentcore.json in its folder or "
                             "above)",
                             path);
    search_from(real, opts, out);
    if (out->n == before && opts != NULL && opts->nexcludes > 0)
        return 0; /* every project there is excluded */
    if (out->n == before)
        return acl_error_set(err,
                             "%s: no AgentCore project found (looked "
                             "for */agentcore/agentcore.json)",
                             path);
    qsort(out->items + before, out->n - before, sizeof *out->items, cmp_found);
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
