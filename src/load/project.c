/*
 * project.c - loading a project: its JSON files, the model built from
 * them, the production context.
 */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "acl/codeflow.h"
#include "acl/dotenv.h"
#include "acl/file.h"
#include "acl/jptr.h"
#include "acl/lookup.h"
#include "model/model_build.h"
#include "acl/overlay.h"
#include "acl/ref.h"
#include "acl/schema.h"
#include "acl/secret.h"

static struct acl_doc *
add_doc(struct acl_project *p, struct acl_text *t, enum acl_doc_kind kind)
{
    struct acl_doc *doc = acl_doc_parse(t);

    doc->secrets = acl_secret_index_new(doc->root);

    p->files.docs = acl_xrealloc(p->files.docs,
                                 (p->files.ndocs + 1) * sizeof *p->files.docs);
    p->files.docs[p->files.ndocs].doc = doc;
    p->files.docs[p->files.ndocs].kind = kind;
    p->files.docs[p->files.ndocs].schema = NULL;
    p->files.ndocs++;
    return doc;
}

/* A project file that was refused (a link out of the project, not a
 * regular file, unreadable): a document with no content whose error
 * says why, so that AC000 reports it where it hides configuration, and
 * a notice. Nothing of the file itself is kept. */
static struct acl_doc *
add_unread(struct acl_project *p, const char *rel, const char *disp,
           enum acl_doc_kind kind, const char *why)
{
    struct acl_doc *doc =
        add_doc(p, acl_text_new(rel, disp, acl_xstrdup(""), 0), kind);

    doc->unread = 1;
    snprintf(doc->error_text, sizeof doc->error_text, "%s", why);
    acl_project_notice(p, disp,
                       "not read (%s); its settings were not "
                       "checked",
                       why);
    return doc;
}

/* Reads and parses rel (relative to the project root), which must stay
 * inside the root. A missing file gives 0 and *out NULL; a refused one
 * a document with no content (see add_unread) unless it is the project
 * file itself; one over the size cap, or a refused project file, -1. */
static int
load_doc(struct acl_project *p, const char *rel, enum acl_doc_kind kind,
         size_t max, struct acl_doc **out, struct acl_error *err)
{
    char *path = acl_path_join(p->files.root, rel);
    char *disp = acl_path_join(p->files.display, rel);
    char *key = acl_path_join(p->files.real_root, rel);
    char *data = NULL;
    size_t len = 0;
    struct acl_error rerr;
    enum acl_read_status st =
        acl_project_read(p, key, path, max, &data, &len, &rerr);
    int rc = 0;

    *out = NULL;
    if (st == ACL_READ_OK)
        *out = add_doc(p, acl_text_new(rel, disp, data, len), kind);
    else if (st == ACL_READ_TOO_BIG)
        rc = acl_error_set(err,
                           "%s: file is larger than the limit of %zu "
                           "MiB (raise it with --max-file-size)",
                           disp, max >> 20);
    else if (st != ACL_READ_MISSING && kind != ACL_DOC_PROJECT)
        *out = add_unread(p, rel, disp, kind, acl_read_status_text(st, &rerr));
    else if (st == ACL_READ_NOT_FILE || st == ACL_READ_OUTSIDE)
        rc =
            acl_error_set(err, "%s: %s", disp, acl_read_status_text(st, &rerr));
    else if (st != ACL_READ_MISSING)
        rc = acl_error_set(err, "%s: cannot be read (%s)", disp,
                           acl_read_status_text(st, &rerr));
    free(key);
    free(path);
    free(disp);
    return rc;
}

static int
is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static int
is_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int
is_alnum(int c)
{
    return is_lower(c) || is_upper(c) || (c >= '0' && c <= '9');
}

/* Does a new word start at e (e[-1] exists)? At a lower-case letter or
 * digit followed by an upper-case one (usEast, eu1Prod), and before the
 * last capital
 * of an acronym that a word follows (USProd is US, Prod). */
static int
case_break(const char *e)
{
    if ((is_lower((unsigned char)e[-1]) || (e[-1] >= '0' && e[-1] <= '9')) &&
        is_upper((unsigned char)*e))
        return 1;
    return is_upper((unsigned char)e[-1]) && is_upper((unsigned char)*e) &&
           is_lower((unsigned char)e[1]);
}

/* The next token of a target name at *p: a run of letters and digits
 * that also ends where the case says a new word starts (ProdUsEast1 is
 * Prod, Us, East1). Sets *len and advances *p past it;
 * returns its start, or NULL at the end. */
static const char *
name_token(const char **p, size_t *len)
{
    const char *s = *p, *e;

    while (*s != '\0' && !is_alnum((unsigned char)*s))
        s++;
    if (*s == '\0')
        return NULL;
    e = s + 1;
    while (is_alnum((unsigned char)*e) && !case_break(e))
        e++;
    *len = (size_t)(e - s);
    *p = e;
    return s;
}

/* Is tok (len bytes, trailing digits ignored) one of words,
 * case-insensitively? */
static int
token_is(const char *tok, size_t len, const char *const *words, size_t n)
{
    size_t k;

    while (len > 0 && tok[len - 1] >= '0' && tok[len - 1] <= '9')
        len--;
    for (k = 0; k < n; k++) {
        size_t c;

        if (strlen(words[k]) != len)
            continue;
        for (c = 0; c < len; c++)
            if (acl_ascii_lower((unsigned char)tok[c]) != words[k][c])
                break;
        if (c == len)
            return 1;
    }
    return 0;
}

int
acl_production_name(const char *name, const char **names, size_t n)
{
    static const char *const prod[] = {"prod", "production", "prd", "live"};
    /* pre-prod, non-prod, not_prod name what is not production */
    static const char *const negation[] = {"pre", "non", "not"};
    const char *tok;
    size_t i, len;
    int negated = 0;

    if (names != NULL) {
        for (i = 0; i < n; i++)
            if (strcmp(names[i], name) == 0)
                return 1;
        return 0;
    }
    while ((tok = name_token(&name, &len)) != NULL) {
        if (!negated && token_is(tok, len, prod, ACL_ARRAY_LEN(prod)))
            return 1;
        negated = token_is(tok, len, negation, ACL_ARRAY_LEN(negation));
    }
    return 0;
}

static void
compute_production(struct acl_project *p, const struct acl_prod_opts *o)
{
    size_t i;

    memset(&p->model.production, 0, sizeof p->model.production);
    if (o == NULL || o->never)
        return;
    if (o->force) {
        p->model.production.on = 1;
        return;
    }
    if (o->target != NULL) {
        if (acl_production_name(o->target, o->names, o->nnames)) {
            p->model.production.on = 1;
            p->model.production.target = o->target;
        }
        return;
    }
    for (i = 0; i < p->model.ndeploy_targets; i++) {
        const char *name = p->model.deploy_targets[i].name;

        if (name != NULL && acl_production_name(name, o->names, o->nnames)) {
            p->model.production.on = 1;
            p->model.production.target = name;
            return;
        }
    }
}

/* Can the harness's name be a folder name? A name that cannot (empty,
 * "." or "..", a '/' or a NUL inside, longer than a file name may be)
 * is left unread with a notice; the schema rule reports the name. */
static int
harness_file_name(struct acl_project *p, const struct acl_harness *h)
{
    json_t *v = json_object_get(h->node.json, "name");
    size_t n = h->name != NULL ? strlen(h->name) : 0;

    if (h->name == NULL)
        return 0;
    if (n == 0 || n != json_string_length(v) || n > NAME_MAX ||
        strchr(h->name, '/') != NULL || strcmp(h->name, "..") == 0 ||
        strcmp(h->name, ".") == 0) {
        acl_project_notice(p, p->model.spec.doc->text->display,
                           "harness %s: the name cannot be a folder name, so "
                           "its harness.json was not read",
                           h->node.ptr);
        return 0;
    }
    return 1;
}

/* The CLI reads each harness from app/<name>/harness.json, whatever
 * its "path" says; so do we. A name listed twice (AC020 reports it)
 * reads the file once, or every finding in it would come twice. */
static int
load_harnesses(struct acl_project *p, size_t max, struct acl_error *err)
{
    json_t *seen = json_object();
    size_t i;

    for (i = 0; i < p->model.nharnesses; i++) {
        struct acl_harness *h = &p->model.harnesses[i];
        struct acl_doc *doc;
        char *rel;
        int rc;

        if (!harness_file_name(p, h) || json_object_get(seen, h->name))
            continue;
        json_object_set_new_nocheck(seen, h->name, json_true());
        rel = acl_xasprintf("app/%s/harness.json", h->name);
        rc = load_doc(p, rel, ACL_DOC_HARNESS, max, &doc, err);
        free(rel);
        if (rc != 0) {
            json_decref(seen);
            return -1;
        }
        if (doc != NULL && doc->root != NULL)
            acl_build_harness_spec(h, doc);
    }
    json_decref(seen);
    return 0;
}

static int
load_rest(struct acl_project *p, const struct acl_prod_opts *prod, size_t max,
          struct acl_error *err)
{
    struct acl_doc *targets, *state;
    struct stat st;
    char *env;

    if (p->model.spec.doc != NULL && p->model.spec.doc->root != NULL) {
        acl_node_set(&p->model.spec, p->model.spec.doc, acl_xstrdup(""),
                     p->model.spec.doc->root, NULL);
        acl_build_resources(p);
    }
    if (load_doc(p, "agentcore/aws-targets.json", ACL_DOC_TARGETS, max,
                 &targets, err) != 0 ||
        load_doc(p, "agentcore/.cli/deployed-state.json", ACL_DOC_STATE, max,
                 &state, err) != 0 ||
        load_harnesses(p, max, err) != 0)
        return -1;
    acl_build_deploy(p, targets, state);
    compute_production(p, prod);
    env = acl_path_join(p->files.root, "agentcore/.env.local");
    p->files.env_local_exists = stat(env, &st) == 0 && S_ISREG(st.st_mode);
    free(env);
    return 0;
}

static struct acl_project *
project_new(const char *root, const char *display)
{
    struct acl_project *p = acl_xcalloc(1, sizeof *p);
    char buf[PATH_MAX];

    p->files.root = acl_xstrdup(root);
    p->files.display = acl_xstrdup(display);
    p->files.real_root = acl_xstrdup(realpath(root, buf) ? buf : root);
    p->files.refs = acl_refcache_new();
    p->notices = acl_xcalloc(1, sizeof *p->notices);
    return p;
}

enum acl_read_status
acl_project_read(const struct acl_project *p, const char *key, const char *path,
                 size_t max, char **out, size_t *len, struct acl_error *err)
{
    return acl_overlay_read(p->files.overlay, p->files.real_root, key, path,
                            max, out, len, err);
}

/* Every file the model names is read, and every path it names checked,
 * before any rule runs, as the rules will ask for them (ref.h): tool
 * and schema files as JSON (invalid-tool-schema,
 * inverted-gateway-direction, plaintext-endpoint, hardcoded-secret, the
 * tool count), the paths unknown-reference checks, the .env files of
 * the runtimes' code folders (hardcoded-secret) and agentcore/.gitignore
 * (where env-local-not-ignored reports and adds its fix). What rules
 * still read from disk is not a reference: the folder listing of the
 * .env walk (dotenv.h), and the .gitignore files and git index that
 * env-local-not-ignored and unknown-reference consult (gitwork.h,
 * gitindex.h). */
static void
load_references(const struct acl_project *p)
{
    const struct acl_model *m = &p->model;
    size_t i, k, n = acl_targets_count(p);

    for (i = 0; i < n; i++) {
        const struct acl_target *t = acl_targets_at(p, i);

        acl_ref_preload(p, t->tool_schema_file, ACL_REF_JSON | ACL_REF_FILE);
        acl_ref_preload(p, t->inline_schema_path, ACL_REF_JSON | ACL_REF_FILE);
    }
    for (i = 0; i < m->nruntimes; i++) {
        acl_ref_preload(p, m->runtimes[i].code_location, ACL_REF_FOLDER);
        acl_dotenv_preload(p, m->runtimes[i].code_location);
    }
    for (i = 0; i < m->nharnesses; i++)
        acl_ref_preload(p, m->harnesses[i].path, ACL_REF_FOLDER);
    for (i = 0; i < m->nengines; i++)
        for (k = 0; k < m->engines[i].npolicies; k++)
            acl_ref_preload(p, m->engines[i].policies[k].source_file,
                            ACL_REF_FILE);
    acl_ref_preload(p, "agentcore/.gitignore", ACL_REF_TEXT);
}

struct acl_project *
acl_project_load(const char *root, const char *display,
                 const struct acl_prod_opts *prod, size_t max_size,
                 struct acl_error *err)
{
    return acl_project_load_overlay(root, display, prod, max_size, NULL, err);
}

/* The schema's verdict on each project file, in one walk each (deployed
 * state is checked against aws-targets.json's target names, when that
 * file is valid). */
static void
judge_docs(struct acl_project *p)
{
    const char **names = NULL;
    size_t i, n = 0;

    for (i = 0; i < p->files.ndocs; i++)
        if (p->files.docs[i].kind == ACL_DOC_TARGETS &&
            p->files.docs[i].doc->root) {
            names = acl_schema_target_names(p->files.docs[i].doc->root, &n);
            break;
        }
    for (i = 0; i < p->files.ndocs; i++) {
        struct acl_loaded_doc *d = &p->files.docs[i];

        if (d->doc->root != NULL && d->kind != ACL_DOC_REFERENCED)
            d->schema = acl_schema_verdict_new(d->kind, d->doc->root, names, n);
    }
    free(names);
}

/* Loads the project whose agentcore.json is spec_rel, every file read
 * through overlay first; owned, when not NULL, is the project's to free
 * (it is the overlay). */
static struct acl_project *
load_project(const char *root, const char *display, const char *spec_rel,
             const struct acl_prod_opts *prod, size_t max_size,
             const struct acl_overlay *overlay, struct acl_overlay *owned,
             struct acl_error *err)
{
    struct acl_project *p = project_new(root, display);
    struct acl_doc *spec;

    p->files.overlay = overlay;
    p->files.owned_overlay = owned;
    if (load_doc(p, spec_rel, ACL_DOC_PROJECT, max_size, &spec, err) != 0)
        goto fail;
    if (spec == NULL) {
        acl_error_set(err, "%s: no agentcore/agentcore.json here",
                      display[0] ? display : ".");
        goto fail;
    }
    p->model.spec.doc = spec;
    if (load_rest(p, prod, max_size, err) != 0)
        goto fail;
    judge_docs(p);
    load_references(p);
    return p;
fail:
    acl_project_free(p);
    return NULL;
}

struct acl_project *
acl_project_load_overlay(const char *root, const char *display,
                         const struct acl_prod_opts *prod, size_t max_size,
                         const struct acl_overlay *overlay,
                         struct acl_error *err)
{
    return load_project(root, display, "agentcore/agentcore.json", prod,
                        max_size, overlay, NULL, err);
}

/* Standard input is an overlay of one file, named spec_path: the same
 * mechanism as the editor's unsaved documents. When root holds a
 * project on disk, that file may be any of its files (aws-targets.json,
 * agent code, .gitignore): it overrides that file only, and the project
 * is loaded as usual. Without one, standard input is the agentcore.json. */
struct acl_project *
acl_project_load_text(const char *root, const char *display,
                      const char *spec_path, char *data, size_t len,
                      const struct acl_prod_opts *prod, size_t max_size,
                      struct acl_error *err)
{
    static const char spec[] = "agentcore/agentcore.json";
    struct acl_overlay *o = acl_overlay_new();
    char buf[PATH_MAX], *key, *disk = acl_path_join(root, spec);
    struct stat st;
    const char *spec_rel =
        stat(disk, &st) == 0 && S_ISREG(st.st_mode) ? spec : spec_path;

    free(disk);
    key = acl_xasprintf("%s/%s", realpath(root, buf) ? buf : root, spec_path);
    acl_overlay_set(o, key, data, len);
    free(key);
    free(data);
    return load_project(root, display, spec_rel, prod, max_size, o, o, err);
}

void
acl_project_notice(const struct acl_project *cp, const char *file,
                   const char *fmt, ...)
{
    /* The log is beside the model: adding to it leaves the model as
     * loaded. */
    struct acl_notices *log = cp->notices;
    struct acl_notice *n;
    va_list ap;

    log->items = acl_xrealloc(log->items, (log->n + 1) * sizeof *log->items);
    n = &log->items[log->n++];
    n->file = acl_xstrdup(file);
    va_start(ap, fmt);
    n->text = acl_xvasprintf(fmt, ap);
    va_end(ap);
}

void
acl_project_free(struct acl_project *p)
{
    size_t i;

    if (p == NULL)
        return;
    for (i = 0; p->notices != NULL && i < p->notices->n; i++) {
        free(p->notices->items[i].file);
        free(p->notices->items[i].text);
    }
    if (p->notices != NULL)
        free(p->notices->items);
    free(p->notices);
    acl_free_resources(p);
    acl_free_deploy(p);
    acl_node_clear(&p->model.spec);
    for (i = 0; i < p->files.nsources; i++) {
        acl_code_file_free(p->files.sources[i].code);
        acl_text_free(p->files.sources[i].text);
    }
    free(p->files.sources);
    acl_refcache_free(p->files.refs);
    for (i = 0; i < p->files.ndocs; i++) {
        acl_schema_verdict_free(p->files.docs[i].schema);
        acl_doc_free(p->files.docs[i].doc);
    }
    free(p->files.docs);
    acl_overlay_free(p->files.owned_overlay);
    free(p->files.root);
    free(p->files.real_root);
    free(p->files.display);
    free(p);
}
