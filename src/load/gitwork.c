/*
 * gitwork.c - the git work tree around a project (gitwork.h), from the
 * file system alone.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "acl/file.h"
#include "acl/gitignore.h"
#include "acl/model.h"
#include "acl/overlay.h"
#include "load/gitindex.h"
#include "acl/gitwork.h"

/* Larger .gitignore files are not read: no real one comes close. */
#define MAX_GITIGNORE (1u << 20)
/* A ".git" file ("gitdir: <path>") is one short line. */
#define MAX_GITFILE 4096

/* Is dir one of the ':'-separated absolute paths of ceilings? */
static int
is_ceiling(const char *dir, const char *ceilings)
{
    size_t n = strlen(dir);

    while (ceilings != NULL && *ceilings != '\0') {
        size_t len = strcspn(ceilings, ":");

        while (len > 1 && ceilings[len - 1] == '/')
            len--;
        if (len == n && strncmp(ceilings, dir, n) == 0)
            return 1;
        ceilings += strcspn(ceilings, ":");
        ceilings += *ceilings == ':';
    }
    return 0;
}

char *
acl_git_work_tree_top(const char *root)
{
    /* As git does, never look at or above a ceiling directory: how a
     * project inside another repository (a test fixture, a vendored
     * copy) is linted as a world of its own. */
    const char *ceilings = getenv("GIT_CEILING_DIRECTORIES");
    char *dir = acl_xstrdup(root);

    for (;;) {
        char *git = acl_xasprintf("%s/.git", strcmp(dir, "/") ? dir : "");
        struct stat st;
        int found = lstat(git, &st) == 0;
        char *slash = strrchr(dir, '/');

        free(git);
        if (found)
            return dir;
        if (slash == NULL || strcmp(dir, "/") == 0)
            break;
        slash[slash == dir] = '\0';
        if (is_ceiling(dir, ceilings))
            break;
    }
    free(dir);
    return NULL;
}

/* Adds dir/.gitignore (rel: dir relative to the top). Git does not
 * follow a .gitignore that is a symbolic link; neither do we. */
static void
add_file(const struct acl_project *proj, struct acl_gitignore *g,
         const char *top, const char *dir, const char *rel)
{
    char *path = acl_xasprintf("%s/.gitignore", strcmp(dir, "/") ? dir : "");
    char *data;
    size_t len;
    struct stat st;
    /* An editor's unsaved .gitignore counts as the file: read through
     * the project's overlay when there is a project. */
    int unsaved = proj != NULL && proj->files.overlay != NULL &&
                  acl_overlay_get(proj->files.overlay, path) != NULL;

    /* On disk, a .gitignore is read only as a regular file inside the
     * work tree, opened without following links. */
    if (unsaved ? acl_project_read(proj, path, path, MAX_GITIGNORE, &data, &len,
                                   NULL) == ACL_READ_OK
                : lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
                      acl_read_file_in(top, path, MAX_GITIGNORE, &data, &len,
                                       NULL) == ACL_READ_OK) {
        acl_gitignore_add(g, rel, data, len);
        free(data);
    }
    free(path);
}

int
acl_git_ignored(const struct acl_project *proj, const char *top,
                const char *root, const char *rel, int is_dir)
{
    struct acl_gitignore *g = acl_gitignore_new();
    const char *below = root + strlen(top);
    char *file, *sub, *p, *slash;
    int ignored;

    below += below[0] == '/';
    file = acl_xasprintf("%s%s%s", below, below[0] ? "/" : "", rel);
    /* the folders from the top down to the file's own */
    sub = acl_xstrdup(file);
    slash = strrchr(sub, '/');
    if (slash != NULL)
        *slash = '\0';
    else
        sub[0] = '\0';
    add_file(proj, g, top, top, "");
    for (p = sub; *sub != '\0';) {
        char *dir;

        slash = strchr(p, '/');
        if (slash != NULL)
            *slash = '\0';
        dir = acl_xasprintf("%s/%s", strcmp(top, "/") ? top : "", sub);
        add_file(proj, g, top, dir, sub);
        free(dir);
        if (slash == NULL)
            break;
        *slash = '/';
        p = slash + 1;
    }
    ignored = acl_gitignore_ignored(g, file, is_dir);
    acl_gitignore_free(g);
    free(file);
    free(sub);
    return ignored;
}

/* The git folder of the work tree at top: top/.git, or where a ".git"
 * file points. New string, or NULL. */
static char *
git_dir(const char *top)
{
    char *dot = acl_xasprintf("%s/.git", strcmp(top, "/") ? top : "");
    char *data = NULL, *dir;
    size_t len = 0;
    struct stat st;

    if (stat(dot, &st) == 0 && S_ISDIR(st.st_mode))
        return dot;
    if (acl_read_file(dot, MAX_GITFILE, &data, &len, NULL) != ACL_READ_OK ||
        strncmp(data, "gitdir: ", 8) != 0) {
        free(dot);
        free(data);
        return NULL;
    }
    free(dot);
    data[strcspn(data, "\r\n")] = '\0';
    dir = data[8] == '/' ? acl_xstrdup(data + 8)
                         : acl_xasprintf("%s/%s", top, data + 8);
    free(data);
    return dir;
}

/* The folder holding the repository's config: that of the main work
 * tree for a linked one (its git folder names it in a "commondir" file,
 * relative to itself or absolute), else gdir itself. New string. */
static char *
common_dir(const char *gdir)
{
    char *file = acl_xasprintf("%s/commondir", gdir), *data = NULL, *dir;
    size_t len = 0;

    if (acl_read_file(file, MAX_GITFILE, &data, &len, NULL) != ACL_READ_OK) {
        free(file);
        free(data);
        return acl_xstrdup(gdir);
    }
    free(file);
    data[strcspn(data, "\r\n")] = '\0';
    dir =
        data[0] == '/' ? acl_xstrdup(data) : acl_xasprintf("%s/%s", gdir, data);
    free(data);
    return dir;
}

/* The object name size of the repository: 32 when its config says
 * objectformat = sha256, else 20. A linked work tree (git worktree add)
 * has no config of its own: the main one's decides. */
static size_t
hash_len(const char *gdir)
{
    char *common = common_dir(gdir);
    char *cfg = acl_xasprintf("%s/config", common), *data = NULL;
    size_t len = 0, n = 20;

    free(common);

    if (acl_read_file(cfg, MAX_GITIGNORE, &data, &len, NULL) == ACL_READ_OK &&
        strstr(data, "sha256") != NULL && strstr(data, "objectformat") != NULL)
        n = 32;
    free(cfg);
    free(data);
    return n;
}

/* Is path in the shared index of a split index (link), and not deleted
 * by the split index's bitmap? 1, 0 or -1. */
static int
tracked_shared(const char *gdir, const struct acl_gitindex_link *link,
               size_t hl, const char *path, struct acl_error *err)
{
    char *file = acl_xasprintf("%s/sharedindex.%s", gdir, link->shared);
    char *data = NULL;
    size_t len = 0, pos = 0;
    int rc;

    if (acl_read_file(file, ACL_GITINDEX_MAX_SIZE, &data, &len, NULL) !=
        ACL_READ_OK)
        rc = acl_error_set(err, "its shared index %s cannot be read", file);
    else
        rc = acl_gitindex_find((const unsigned char *)data, len, hl, path, &pos,
                               err);
    if (rc == 1 && link->del_len > 0)
        rc = acl_gitindex_ewah_bit(link->del, link->del_len, pos) == 1 ? 0 : 1;
    free(data);
    free(file);
    return rc;
}

/* Is path in the index data[0, len) of the git folder gdir: among its
 * own entries or, for a split index, those of its shared index? */
static int
tracked_in(const char *gdir, const char *data, size_t len, const char *path,
           struct acl_error *err)
{
    const unsigned char *d = (const unsigned char *)data;
    size_t hl = hash_len(gdir);
    struct acl_gitindex_link link;
    int rc = acl_gitindex_has(d, len, hl, path, err);

    if (rc != 0)
        return rc;
    rc = acl_gitindex_link(d, len, hl, &link, err);
    if (rc != 1)
        return rc;
    return tracked_shared(gdir, &link, hl, path, err);
}

int
acl_git_tracked(const char *top, const char *path, char **index_out,
                struct acl_error *err)
{
    char *gdir = git_dir(top), *index;
    char *data = NULL;
    size_t len = 0;
    enum acl_read_status st;
    int rc;

    if (index_out != NULL)
        *index_out = NULL;
    if (gdir == NULL)
        return 0;
    index = acl_xasprintf("%s/index", gdir);
    st = acl_read_file(index, ACL_GITINDEX_MAX_SIZE, &data, &len, NULL);
    if (st == ACL_READ_MISSING)
        rc = 0;
    else if (st != ACL_READ_OK)
        rc = acl_error_set(err, "%s cannot be read", index);
    else
        rc = tracked_in(gdir, data, len, path, err);
    free(data);
    if (index_out != NULL)
        *index_out = index;
    else
        free(index);
    free(gdir);
    return rc;
}
