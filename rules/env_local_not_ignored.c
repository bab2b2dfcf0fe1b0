/*
 * AC011 env-local-not-ignored - the local secrets file is not
 * git-ignored.
 *
 * Flags: agentcore/.env.local exists and no .gitignore ignores it, read
 * as git reads them: every .gitignore from the top of the enclosing git
 * work tree (the nearest folder above the project holding a ".git"
 * entry; the project root when there is none) down to agentcore/, the
 * deeper ones taking precedence, negations and ignored parent folders
 * included. Reported at agentcore/.gitignore when there is one (that is
 * where the fix goes), else at the top of agentcore.json; never at
 * .env.local itself, whose lines are secrets.
 * Does not flag: a missing .env.local; global excludes (core.excludesFile,
 * .git/info/exclude), which live on one machine only and do not protect
 * the next clone; whether the file is already tracked (that needs the
 * git index).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "acl/file.h"
#include "acl/gitignore.h"
#include "acl/ref.h"
#include "acl/rule.h"

/* Larger .gitignore files are not read: no real one comes close. */
#define MAX_GITIGNORE (1u << 20)

/* The top of the git work tree holding root (an absolute, resolved
 * path), or NULL outside git. New string. */
static char *
work_tree_top(const char *root)
{
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
    }
    free(dir);
    return NULL;
}

/* Adds dir/.gitignore (rel: dir relative to top). Git does not follow
 * a .gitignore that is a symbolic link; neither do we, nor any link in
 * the folders between top and dir. */
static void
add_file(struct acl_gitignore *g, const char *top, const char *dir,
         const char *rel)
{
    char *path = acl_xasprintf("%s/.gitignore", strcmp(dir, "/") ? dir : "");
    char *data;
    size_t len;
    struct stat st;

    if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
        acl_read_file_in(top, path, MAX_GITIGNORE, &data, &len, NULL) ==
            ACL_READ_OK) {
        acl_gitignore_add(g, rel, data, len);
        free(data);
    }
    free(path);
}

/* Is agentcore/.env.local ignored, reading the .gitignore files from
 * top down to root/agentcore? */
static int
env_local_ignored(const char *top, const char *root)
{
    struct acl_gitignore *g = acl_gitignore_new();
    const char *rel = root + strlen(top);
    char *sub = acl_xasprintf("%s%sagentcore", rel[0] == '/' ? rel + 1 : rel,
                              rel[0] != '\0' ? "/" : "");
    char *file = acl_xasprintf("%s/.env.local", sub);
    char *p = sub;
    int ignored;

    add_file(g, top, top, "");
    /* Each folder below the top in turn: sub up to each '/'. */
    for (;;) {
        char *slash = strchr(p, '/'), *dir;

        if (slash != NULL)
            *slash = '\0';
        dir = acl_xasprintf("%s/%s", strcmp(top, "/") ? top : "", sub);
        add_file(g, top, dir, sub);
        free(dir);
        if (slash == NULL)
            break;
        *slash = '/';
        p = slash + 1;
    }
    ignored = acl_gitignore_ignored(g, file, 0);
    acl_gitignore_free(g);
    free(file);
    free(sub);
    return ignored;
}

/* The project's agentcore.json text, for a finding with no better
 * place. */
static const struct acl_text *
spec_text(const struct acl_project *p)
{
    size_t i;

    for (i = 0; i < p->ndocs; i++)
        if (p->docs[i].kind == ACL_DOC_PROJECT)
            return p->docs[i].doc->text;
    return NULL;
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    const struct acl_text *at = NULL;
    struct acl_span none = {0, 0};
    char *top;
    int ignored;

    if (!p->env_local_exists)
        return;
    top = work_tree_top(p->real_root);
    ignored = env_local_ignored(top != NULL ? top : p->real_root,
                                p->real_root);
    free(top);
    if (ignored)
        return;
    if (acl_ref_text(p, "agentcore/.gitignore", &at) != ACL_REF_OK)
        at = spec_text(p);
    if (at == NULL)
        return;
    acl_report_span(c, ACL_ERROR, at, none, NULL,
                    "agentcore/.env.local holds local secrets, but no "
                    ".gitignore ignores it: `git add` would commit it");
}

const struct acl_rule acl_rule_env_local_not_ignored = {
    .id = "AC011",
    .name = "env-local-not-ignored",
    .level = ACL_ERROR,
    .flags = ACL_RULE_SECURITY,
    .summary = "agentcore/.env.local is not git-ignored",
    .description =
        "The AgentCore CLI keeps the secrets of local development (API "
        "keys, OAuth client secrets) in agentcore/.env.local, and `agentcore "
        "create` writes agentcore/.gitignore with a \".env.local\" line so "
        "that git never sees the file. When that line or that .gitignore is "
        "gone, or a later pattern such as \"!.env.local\" undoes it, the "
        "next `git add .` commits the secrets, and they stay in the "
        "history after the file is removed. The rule reads every "
        ".gitignore from the top of the git work tree (or the project root "
        "outside git) down to agentcore/, as git does.",
    .help = "add a line \".env.local\" to agentcore/.gitignore (and remove "
            "any \"!\" pattern that re-includes it); if the file was ever "
            "committed, rotate its secrets",
    .example = "Fails:  agentcore/.gitignore without a \".env.local\" line\n"
               "Passes: agentcore/.gitignore:\n"
               "          # Secrets (local environment files are never "
               "committed)\n"
               "          .env.local",
    .precision = "high",
    .security_severity = "7.0",
    .check = check,
};
