/*
 * fix.c - fixes on findings, the plan of what --fix applies, applying
 * edits to a text, and writing the result back.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/finding.h"
#include "acl/fix.h"
#include "acl/model.h"
#include "acl/rule.h"

static void
edit_free(struct acl_edit *e)
{
    free(e->path);
    free(e->display);
    free(e->text);
}

void
acl_fix_list_free(struct acl_fix_list *l)
{
    size_t i, k;

    for (i = 0; i < l->n; i++) {
        for (k = 0; k < l->items[i].nedits; k++)
            edit_free(&l->items[i].edits[k]);
        free(l->items[i].edits);
        free(l->items[i].title);
    }
    free(l->items);
    l->items = NULL;
    l->n = 0;
}

struct acl_fix *
acl_fix_begin(struct acl_finding *f, enum acl_fix_kind kind, const char *title)
{
    struct acl_fix *x;

    f->fixes.items =
        acl_xrealloc(f->fixes.items, (f->fixes.n + 1) * sizeof *f->fixes.items);
    x = &f->fixes.items[f->fixes.n++];
    memset(x, 0, sizeof *x);
    x->title = acl_xstrdup(title);
    x->kind = kind;
    return x;
}

void
acl_fix_cancel(struct acl_finding *f)
{
    struct acl_fix_list last;

    if (f->fixes.n == 0)
        return;
    last.items = acl_xmalloc(sizeof *last.items);
    last.items[0] = f->fixes.items[--f->fixes.n];
    last.n = 1;
    acl_fix_list_free(&last);
}

static struct acl_edit *
new_edit(struct acl_fix *x)
{
    struct acl_edit *e;

    x->edits = acl_xrealloc(x->edits, (x->nedits + 1) * sizeof *x->edits);
    e = &x->edits[x->nedits++];
    memset(e, 0, sizeof *e);
    return e;
}

void
acl_fix_edit(struct acl_fix *x, const struct acl_text *file, uint32_t start,
             uint32_t end, const char *text)
{
    struct acl_edit *e = new_edit(x);

    e->path = acl_xstrdup(file->path);
    e->display = acl_xstrdup(file->display);
    e->file = file;
    e->start = start;
    e->end = end < start ? start : end;
    e->text = acl_xstrdup(text);
}

void
acl_fix_create(struct acl_fix *x, const char *rel, const char *display,
               const char *text)
{
    struct acl_edit *e = new_edit(x);

    e->path = acl_xstrdup(rel);
    e->display = acl_xstrdup(display);
    e->text = acl_xstrdup(text);
}

int
acl_fix_selected(const char *only, const char *rule_id, const char *rule_name)
{
    const char *p = only;

    if (only == NULL)
        return 1;
    while (*p != '\0') {
        size_t n = strcspn(p, ",");

        if ((n == strlen(rule_id) && strncasecmp(p, rule_id, n) == 0) ||
            (n == strlen(rule_name) && strncmp(p, rule_name, n) == 0))
            return 1;
        p += n + (p[n] == ',');
    }
    return 0;
}

/* The plan's entry for the file an edit changes, made on first use. */
static struct acl_fix_file *
plan_file(struct acl_fix_plan *plan, const struct acl_project *p,
          const struct acl_edit *e)
{
    struct acl_fix_file *ff;
    size_t i;

    for (i = 0; i < plan->nfiles; i++)
        if (plan->files[i].project == p &&
            strcmp(plan->files[i].display, e->display) == 0)
            return &plan->files[i];
    acl_xgrow((void **)&plan->files, &plan->cap, plan->nfiles + 1,
              sizeof *plan->files);
    ff = &plan->files[plan->nfiles++];
    memset(ff, 0, sizeof *ff);
    ff->path = strcmp(p->files.root, ".") == 0 || p->files.root[0] == '\0'
                   ? acl_xstrdup(e->path)
                   : acl_xasprintf("%s/%s", p->files.root, e->path);
    ff->display = acl_xstrdup(e->display);
    ff->file = e->file;
    ff->project = p;
    return ff;
}

/* Where e goes among ff's sorted edits; -1 when it overlaps one, or
 * starts where one does (two insertions at one place have no order). */
static long
slot_for(const struct acl_fix_file *ff, const struct acl_edit *e)
{
    size_t lo = 0, hi = ff->nedits;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (ff->edits[mid]->start < e->start)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo > 0 && ff->edits[lo - 1]->end > e->start)
        return -1;
    if (lo < ff->nedits &&
        (ff->edits[lo]->start == e->start || ff->edits[lo]->start < e->end))
        return -1;
    return (long)lo;
}

static int
fix_fits(struct acl_fix_plan *plan, const struct acl_project *p,
         const struct acl_fix *x)
{
    size_t k;

    for (k = 0; k < x->nedits; k++)
        if (slot_for(plan_file(plan, p, &x->edits[k]), &x->edits[k]) < 0)
            return 0;
    return 1;
}

static void
fix_add(struct acl_fix_plan *plan, const struct acl_project *p,
        const struct acl_fix *x)
{
    size_t k;

    for (k = 0; k < x->nedits; k++) {
        struct acl_fix_file *ff = plan_file(plan, p, &x->edits[k]);
        size_t at = (size_t)slot_for(ff, &x->edits[k]);

        acl_xgrow((void **)&ff->edits, &ff->cap, ff->nedits + 1,
                  sizeof *ff->edits);
        memmove(ff->edits + at + 1, ff->edits + at,
                (ff->nedits - at) * sizeof *ff->edits);
        ff->edits[at] = &x->edits[k];
        ff->nedits++;
    }
}

void
acl_fix_plan_build(struct acl_fix_plan *plan, const struct acl_findings *l,
                   const char *only)
{
    size_t i, k;

    for (i = 0; i < l->n; i++) {
        const struct acl_finding *f = l->items[i];

        if (f->suppressed ||
            !acl_fix_selected(only, f->rule->id, f->rule->name))
            continue;
        for (k = 0; k < f->fixes.n; k++) {
            const struct acl_fix *x = &f->fixes.items[k];

            if (x->kind != ACL_FIX || x->nedits == 0)
                continue;
            if (!fix_fits(plan, f->project, x)) {
                plan->nconflicts++;
                continue;
            }
            fix_add(plan, f->project, x);
            plan->napplied++;
            break; /* one fix per finding */
        }
    }
}

void
acl_fix_plan_free(struct acl_fix_plan *plan)
{
    size_t i;

    for (i = 0; i < plan->nfiles; i++) {
        free(plan->files[i].path);
        free(plan->files[i].display);
        free(plan->files[i].edits);
    }
    free(plan->files);
    memset(plan, 0, sizeof *plan);
}

char *
acl_fix_apply_edits(const char *old, size_t oldlen,
                    const struct acl_edit *const *edits, size_t n, size_t *len)
{
    struct acl_buf b = {0};
    size_t at = 0, i;

    acl_buf_append(&b, "", 0);
    for (i = 0; i < n; i++) {
        size_t s = edits[i]->start, e = edits[i]->end;

        if (s > oldlen)
            s = oldlen;
        if (e > oldlen)
            e = oldlen;
        if (s < at)
            continue; /* cannot happen in a plan: skip, never corrupt */
        acl_buf_append(&b, old + at, s - at);
        acl_buf_puts(&b, edits[i]->text);
        at = e;
    }
    acl_buf_append(&b, old + at, oldlen - at);
    *len = b.len;
    return acl_buf_steal(&b);
}

char *
acl_fix_apply(const struct acl_fix_file *ff, size_t *len)
{
    return acl_fix_apply_edits(ff->file ? ff->file->data : "",
                               ff->file ? ff->file->len : 0, ff->edits,
                               ff->nedits, len);
}

/* The folder of path ("." when it has none). New string. */
static char *
dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (slash == NULL)
        return acl_xstrdup(".");
    if (slash == path)
        return acl_xstrdup("/");
    return acl_xstrndup(path, (size_t)(slash - path));
}

/* Is path's folder inside root once links are resolved? */
static int
dir_inside(const char *root, const char *path)
{
    char *dir = dir_of(path), real[PATH_MAX];
    size_t n = strlen(root);
    int ok = realpath(dir, real) != NULL && strncmp(real, root, n) == 0 &&
             (real[n] == '\0' || real[n] == '/' || strcmp(root, "/") == 0);

    free(dir);
    return ok;
}

int
acl_fix_write_file(const char *root, const char *path, const char *data,
                   size_t len, struct acl_error *err)
{
    if (!dir_inside(root, path))
        return acl_error_set(err,
                             "%s: not written: its folder is outside "
                             "the project",
                             path);
    return acl_write_file_as(path, "the fix", data, len, err);
}
