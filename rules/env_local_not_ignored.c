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
 * Also flags: agentcore/.env.local that the git index already tracks,
 * ignored or not (ignore rules do not untrack a file). The index is read
 * directly (versions 2-4, src/load/gitindex.c); git is never run. An index
 * that cannot be read is a notice, not a finding.
 * Does not flag: a missing .env.local; global excludes (core.excludesFile,
 * .git/info/exclude), which live on one machine only and do not protect
 * the next clone.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/gitwork.h"
#include "acl/ref.h"
#include "acl/rule.h"

/* The project's agentcore.json text, for a finding with no better
 * place. */
static const struct acl_text *
spec_text(const struct acl_project *p)
{
    size_t i;

    for (i = 0; i < p->files.ndocs; i++)
        if (p->files.docs[i].kind == ACL_DOC_PROJECT)
            return p->files.docs[i].doc->text;
    return NULL;
}

/* Where a finding goes: agentcore/.gitignore, where the fix goes, else
 * the top of agentcore.json. */
static const struct acl_text *
report_text(const struct acl_project *p)
{
    const struct acl_text *at = NULL;

    if (acl_ref_text(p, "agentcore/.gitignore", &at) != ACL_REF_OK)
        at = spec_text(p);
    return at;
}

/* Is agentcore/.env.local in the index of the work tree at top? A
 * malformed index is a notice: the lint goes on without the answer. */
static int
env_local_tracked(const struct acl_project *p, const char *top)
{
    const char *below = p->files.real_root + strlen(top);
    struct acl_error err;
    char *path, *index;
    int rc;

    below += below[0] == '/';
    path =
        acl_xasprintf("%s%sagentcore/.env.local", below, below[0] ? "/" : "");
    rc = acl_git_tracked(top, path, &index, &err);
    if (rc < 0)
        acl_project_notice(p, index ? index : ".git/index",
                           "the git index could not be read (%s), so "
                           "whether git tracks agentcore/.env.local is "
                           "unknown; `git status` repairs or explains it",
                           err.text);
    free(index);
    free(path);
    return rc > 0;
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    const struct acl_text *at;
    struct acl_span none = {0, 0};
    struct acl_finding *f;
    char *top;
    int ignored, tracked;

    if (!p->files.env_local_exists)
        return;
    top = acl_git_work_tree_top(p->files.real_root);
    ignored = acl_git_ignored(p, top != NULL ? top : p->files.real_root,
                              p->files.real_root, "agentcore/.env.local", 0);
    tracked = top != NULL && env_local_tracked(p, top);
    free(top);
    if ((ignored && !tracked) || (at = report_text(p)) == NULL)
        return;
    if (tracked)
        acl_report_span(c, ACL_ERROR, at, none, NULL,
                        "agentcore/.env.local holds local secrets and git "
                        "already tracks it (it is in the git index)%s: every "
                        "commit carries it; run `git rm --cached "
                        "agentcore/.env.local` and rotate its secrets",
                        ignored ? ", which ignore rules do not undo" : "");
    else {
        f = acl_report_span(c, ACL_ERROR, at, none, NULL,
                            "agentcore/.env.local holds local secrets, but "
                            "no .gitignore ignores it: `git add` would "
                            "commit it");
        acl_fix_append_line(f, ACL_FIX, p, "agentcore/.gitignore", ".env.local",
                            "add \".env.local\" to agentcore/.gitignore");
    }
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
        "outside git) down to agentcore/, as git does. It also reads the "
        "git index (.git/index, versions 2 to 4; git is never run): a "
        ".env.local that is already tracked is reported even when a "
        ".gitignore now ignores it, since ignore rules never untrack a "
        "file. An index that cannot be read is a notice.",
    .help = "add a line \".env.local\" to agentcore/.gitignore (and remove "
            "any \"!\" pattern that re-includes it); if git tracks it, run "
            "`git rm --cached agentcore/.env.local`; if the file was ever "
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
