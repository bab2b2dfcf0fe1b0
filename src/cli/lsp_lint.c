/*
 * lsp_lint.c - the language server's projects: finding the project of
 * a document, linting it with its config (both read through the
 * overlay of open documents), and publishing diagnostics for every file
 * of the project, clearing those of files that no longer have any.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "acl/rules_doc.h"
#include "lsp_int.h"

#define MAX_SIZE ((size_t)64 << 20)
#define MAX_DEPTH 64

char *
lsp_rel_uri(const struct lsp_project *lp, const char *rel)
{
    char *path = rel[0] == '/'
                     ? acl_xstrdup(rel)
                     : acl_xasprintf(
                           "%s/%s", strcmp(lp->root, "/") ? lp->root : "", rel);
    char *uri = lsp_path_uri(path);

    free(path);
    return uri;
}

char *
lsp_text_uri(const struct lsp_project *lp, const struct acl_text *t)
{
    return lsp_rel_uri(lp, t->path);
}

/* Does dir hold agentcore/agentcore.json (open, or on disk)? */
static int
is_root(const struct acl_lsp *s, const char *dir)
{
    char *spec = acl_xasprintf("%s/agentcore/agentcore.json",
                               strcmp(dir, "/") ? dir : "");
    struct stat st;
    int yes = acl_overlay_get(s->overlay, spec) != NULL ||
              (stat(spec, &st) == 0 && S_ISREG(st.st_mode));

    free(spec);
    return yes;
}

static struct lsp_project *
known(struct acl_lsp *s, const char *root)
{
    size_t i;

    for (i = 0; i < s->nprojects; i++)
        if (strcmp(s->projects[i].root, root) == 0)
            return &s->projects[i];
    return NULL;
}

static struct lsp_project *
add_project(struct acl_lsp *s, const char *root)
{
    struct lsp_project *lp;

    acl_xgrow((void **)&s->projects, &s->projects_cap, s->nprojects + 1,
              sizeof *s->projects);
    lp = &s->projects[s->nprojects++];
    memset(lp, 0, sizeof *lp);
    lp->root = acl_xstrdup(root);
    return lp;
}

struct lsp_project *
lsp_project_of(struct acl_lsp *s, const char *path, int create)
{
    char *dir = acl_xstrdup(path), *slash;
    struct lsp_project *lp = NULL;
    int depth;

    for (depth = 0; depth < MAX_DEPTH && lp == NULL; depth++) {
        const char *d;

        if ((slash = strrchr(dir, '/')) == NULL)
            break;
        *slash = '\0';
        d = dir[0] ? dir : "/";
        if ((lp = known(s, d)) == NULL && is_root(s, d) && create)
            lp = add_project(s, d);
        if (dir[0] == '\0' || (lp == NULL && is_root(s, d)))
            break;
    }
    free(dir);
    return lp;
}

static void
clear_lint(struct lsp_project *lp)
{
    acl_findings_clear(&lp->findings);
    acl_project_free(lp->p);
    acl_config_free(lp->cfg);
    lp->p = NULL;
    lp->cfg = NULL;
}

static void
clear_published(struct lsp_project *lp)
{
    size_t i;

    for (i = 0; i < lp->npublished; i++)
        free(lp->published[i]);
    free(lp->published);
    lp->published = NULL;
    lp->npublished = 0;
}

void
lsp_projects_free(struct acl_lsp *s)
{
    size_t i;

    for (i = 0; i < s->nprojects; i++) {
        clear_lint(&s->projects[i]);
        clear_published(&s->projects[i]);
        free(s->projects[i].root);
    }
    free(s->projects);
    s->projects = NULL;
    s->nprojects = 0;
}

/* The project's config, through the overlay; NULL when there is none
 * or it is invalid (then *why says so). */
static struct acl_config *
load_config(struct acl_lsp *s, struct lsp_project *lp, struct acl_error *why)
{
    char *path = acl_xasprintf("%s/%s", lp->root, ACL_CONFIG_FILE), *data;
    struct acl_config *cfg = NULL;
    size_t len;

    why->text[0] = '\0';
    if (acl_overlay_read(s->overlay, NULL, path, path, MAX_SIZE, &data, &len,
                         NULL) == ACL_READ_OK)
        cfg = acl_config_parse(acl_text_new(ACL_CONFIG_FILE, path, data, len),
                               acl_rules_all(), acl_rules_count(), why);
    free(path);
    return cfg;
}

static int
severity(enum acl_level l)
{
    return l == ACL_ERROR ? 1 : l == ACL_WARNING ? 2 : 3;
}

/* Where a finding's fixes edit other text than its own: a second place
 * of the finding (the earlier duplicate, the line a fix adds). */
static json_t *
related(struct acl_lsp *s, const struct lsp_project *lp,
        const struct acl_finding *f)
{
    json_t *all = json_array();
    size_t i, k;

    for (i = 0; i < f->fixes.n; i++)
        for (k = 0; k < f->fixes.items[i].nedits; k++) {
            const struct acl_edit *e = &f->fixes.items[i].edits[k];
            char *uri, *msg;

            if (e->file == f->file && e->start >= f->span.start &&
                e->end <= f->span.end)
                continue;
            uri =
                e->file ? lsp_text_uri(lp, e->file) : lsp_rel_uri(lp, e->path);
            msg = acl_xasprintf(
                "%s: %s",
                f->fixes.items[i].kind == ACL_FIX ? "fix" : "suggestion",
                f->fixes.items[i].title);
            json_array_append_new(
                all, json_pack(
                         "{s:{s:s,s:o},s:s}", "location", "uri", uri, "range",
                         e->file ? lsp_range(s, e->file, e->start, e->end)
                                 : json_pack("{s:{s:i,s:i},s:{s:i,s:i}}",
                                             "start", "line", 0, "character", 0,
                                             "end", "line", 0, "character", 0),
                         "message", msg));
            free(uri);
            free(msg);
        }
    return all;
}

static json_t *
diagnostic(struct acl_lsp *s, const struct lsp_project *lp,
           const struct acl_finding *f)
{
    char *href = acl_md_rule_uri(f->rule);
    json_t *d = json_pack("{s:o,s:i,s:s,s:{s:s},s:s,s:s}", "range",
                          lsp_range(s, f->file, f->span.start, f->span.end),
                          "severity", severity(f->level), "code", f->rule->id,
                          "codeDescription", "href", href, "source",
                          "agentcore-lint", "message", f->message);
    json_t *rel = related(s, lp, f);

    if (json_array_size(rel) > 0)
        json_object_set_new(d, "relatedInformation", rel);
    else
        json_decref(rel);
    free(href);
    return d;
}

/* A diagnostic at the start of line ln (0-based) of a file, for what
 * stops the lint. */
static void
add_problem(json_t *byuri, const char *uri, int ln, const char *text)
{
    json_t *arr = json_object_get(byuri, uri);

    if (arr == NULL)
        json_object_set_new(byuri, uri, arr = json_array());
    json_array_append_new(
        arr,
        json_pack("{s:{s:{s:i,s:i},s:{s:i,s:i}},s:i,s:s,s:s}", "range", "start",
                  "line", ln, "character", 0, "end", "line", ln, "character", 0,
                  "severity", 1, "source", "agentcore-lint", "message", text));
}

/* The line of a config error ("FILE:LINE: what"), 0-based; 0 when it
 * names none. */
static int
error_line(const char *text)
{
    const char *p = strstr(text, ".json:");
    long ln = p ? strtol(p + 6, NULL, 10) : 0;

    return ln > 0 && ln < 1000000 ? (int)ln - 1 : 0;
}

/* Sends the diagnostics of byuri, and empty ones for the files that had
 * some and have none now; remembers which files have some. */
static void
publish(struct acl_lsp *s, struct lsp_project *lp, json_t *byuri)
{
    const char *uri;
    json_t *arr;
    size_t i;

    for (i = 0; i < lp->npublished; i++)
        if (json_object_get(byuri, lp->published[i]) == NULL)
            lsp_notify(s, "textDocument/publishDiagnostics",
                       json_pack("{s:s,s:[]}", "uri", lp->published[i],
                                 "diagnostics"));
    clear_published(lp);
    lp->published =
        acl_xcalloc(json_object_size(byuri) + 1, sizeof *lp->published);
    json_object_foreach (byuri, uri, arr) {
        lp->published[lp->npublished++] = acl_xstrdup(uri);
        lsp_notify(s, "textDocument/publishDiagnostics",
                   json_pack("{s:s,s:O}", "uri", uri, "diagnostics", arr));
    }
}

static void
run_rules(struct lsp_project *lp)
{
    struct acl_rule_conf *confs =
        acl_xcalloc(acl_rules_count() + 1, sizeof *confs);

    acl_rule_confs_default(confs);
    acl_config_rules(lp->cfg, confs);
    acl_engine_lint(lp->p, confs, &lp->findings);
    acl_config_suppress(lp->cfg, confs, &lp->findings, 0);
    acl_config_unused(lp->cfg, lp->p, confs, &lp->findings);
    acl_findings_sort(&lp->findings);
    free(confs);
}

void
lsp_lint(struct acl_lsp *s, struct lsp_project *lp)
{
    struct acl_prod_opts none, prod;
    struct acl_error err, cfg_err;
    json_t *byuri = json_object();
    size_t i;

    memset(&none, 0, sizeof none);
    clear_lint(lp);
    lp->dirty = 0;
    lp->cfg = load_config(s, lp, &cfg_err);
    acl_config_prod(lp->cfg, &none, &prod);
    lp->p = acl_project_load_overlay(lp->root, lp->root, &prod, MAX_SIZE,
                                     s->overlay, &err);
    if (cfg_err.text[0] != '\0') {
        char *uri = lsp_rel_uri(lp, ACL_CONFIG_FILE);

        add_problem(byuri, uri, error_line(cfg_err.text), cfg_err.text);
        free(uri);
    }
    if (lp->p == NULL) {
        char *uri = lsp_rel_uri(lp, "agentcore/agentcore.json");

        add_problem(byuri, uri, 0, err.text);
        free(uri);
    } else {
        run_rules(lp);
    }
    for (i = 0; i < lp->findings.n; i++) {
        const struct acl_finding *f = lp->findings.items[i];
        char *uri;
        json_t *arr;

        if (f->suppressed || f->file == NULL)
            continue;
        uri = lsp_text_uri(lp, f->file);
        if ((arr = json_object_get(byuri, uri)) == NULL)
            json_object_set_new(byuri, uri, arr = json_array());
        json_array_append_new(arr, diagnostic(s, lp, f));
        free(uri);
    }
    publish(s, lp, byuri);
    json_decref(byuri);
}
