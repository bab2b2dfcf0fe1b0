/*
 * finding.c - finding lists, sorting, level names.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/finding.h"
#include "acl/rule.h"

struct acl_finding *
acl_findings_add(struct acl_findings *l)
{
    struct acl_finding *f = acl_xcalloc(1, sizeof *f);

    acl_xgrow((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items);
    l->items[l->n++] = f;
    return f;
}

static void
finding_free(struct acl_finding *f)
{
    free(f->message);
    free(f->help);
    free(f->pointer);
    free(f->resource);
    free(f->fingerprint);
    free(f->justification);
    acl_fix_list_free(&f->fixes);
    free(f);
}

void
acl_findings_clear(struct acl_findings *l)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        finding_free(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

static int
cmp_findings(const void *a, const void *b)
{
    const struct acl_finding *x = *(const struct acl_finding *const *)a;
    const struct acl_finding *y = *(const struct acl_finding *const *)b;
    int c = strcmp(x->file->display, y->file->display);

    if (c != 0)
        return c;
    if (x->start.line != y->start.line)
        return x->start.line < y->start.line ? -1 : 1;
    if (x->start.col != y->start.col)
        return x->start.col < y->start.col ? -1 : 1;
    c = strcmp(x->rule->id, y->rule->id);
    if (c != 0)
        return c;
    return strcmp(x->message, y->message);
}

void
acl_findings_sort(struct acl_findings *l)
{
    if (l->n > 1)
        qsort(l->items, l->n, sizeof *l->items, cmp_findings);
}

int
acl_finding_accepted(const struct acl_finding *f)
{
    return f->suppressed || f->baseline == ACL_BASELINE_UNCHANGED;
}

static const char *const level_names[] = {"none", "note", "warning", "error"};

const char *
acl_level_name(enum acl_level l)
{
    return (unsigned)l < ACL_ARRAY_LEN(level_names) ? level_names[l] : "none";
}

int
acl_level_parse(const char *s)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(level_names); i++)
        if (strcmp(s, level_names[i]) == 0)
            return (int)i;
    return -1;
}
