/*
 * engine.c - the rule registry, and the lint of one project: run the
 * enabled rules, then give each finding its exact span, positions and
 * fingerprint.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/config.h"
#include "acl/engine.h"
#include "acl/jptr.h"
#include "engine/mask.h"
#include "acl/report_util.h"

static const struct acl_rule *const registry[] = {
#define ACL_RULE(sym) &acl_rule_##sym,
#include "rules.def"
#undef ACL_RULE
};

size_t
acl_rules_count(void)
{
    return ACL_ARRAY_LEN(registry);
}

const struct acl_rule *
acl_rules_at(size_t i)
{
    return i < ACL_ARRAY_LEN(registry) ? registry[i] : NULL;
}

const struct acl_rule *const *
acl_rules_all(void)
{
    return registry;
}

long
acl_rules_find(const char *id_or_name)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(registry); i++)
        if (acl_strieq(registry[i]->id, id_or_name) ||
            strcmp(registry[i]->name, id_or_name) == 0)
            return (long)i;
    return -1;
}

/* How many acl_rules_init calls are not yet matched by acl_rules_fini:
 * the rules' own init runs at the first, their fini at the last. */
static int rules_ready;

int
acl_rules_init(struct acl_error *err)
{
    size_t i;

    if (rules_ready++ > 0)
        return 0;
    for (i = 0; i < ACL_ARRAY_LEN(registry); i++) {
        if (registry[i]->init != NULL && registry[i]->init(err) != 0) {
            while (i-- > 0)
                if (registry[i]->fini != NULL)
                    registry[i]->fini();
            rules_ready = 0;
            return -1;
        }
    }
    return 0;
}

void
acl_rules_fini(void)
{
    size_t i;

    if (rules_ready == 0 || --rules_ready > 0)
        return;
    for (i = 0; i < ACL_ARRAY_LEN(registry); i++)
        if (registry[i]->fini != NULL)
            registry[i]->fini();
}

void
acl_rule_confs_default(struct acl_rule_conf *confs)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(registry); i++) {
        confs[i].enabled = 1;
        confs[i].level = ACL_LEVEL_NONE;
        confs[i].options = NULL;
    }
}

long
acl_check_option(const struct acl_check *c, const char *name, long def)
{
    json_t *v = json_object_get(c->options, name);

    return json_is_integer(v) ? (long)json_integer_value(v) : def;
}

enum acl_level
acl_prod_level(const struct acl_check *c)
{
    return c->project->model.production.on ? ACL_ERROR : ACL_WARNING;
}

const char *
acl_prod_reason(struct acl_check *c)
{
    const struct acl_production *pr = &c->project->model.production;

    if (!pr->on)
        return "";
    if (pr->target == NULL)
        return "the project is linted for production";
    snprintf(c->reason, sizeof c->reason,
             "the project deploys to "
             "production target \"%.200s\"",
             pr->target);
    return c->reason;
}

void
acl_check_incomplete(struct acl_check *c, const struct acl_text *file,
                     const char *fmt, ...)
{
    va_list ap;
    char *what;

    va_start(ap, fmt);
    what = acl_xvasprintf(fmt, ap);
    va_end(ap);
    acl_project_notice(c->project, file->display,
                       "%s %s: scan incomplete: %s; findings of this rule "
                       "may be missing here",
                       c->rule->id, c->rule->name, what);
    free(what);
}

static struct acl_finding *
new_finding(struct acl_check *c, enum acl_level level, const char *fmt,
            va_list ap)
{
    struct acl_finding *f = acl_findings_add(c->out);

    f->rule = c->rule;
    f->level = level;
    f->project = c->project;
    f->message = acl_xvasprintf(fmt, ap);
    return f;
}

/* The span of the value at ptr in doc; 0 when ptr names nothing. */
static int
span_of(const struct acl_doc *doc, const char *ptr, struct acl_span *sp)
{
    long i = acl_doc_find(doc, ptr);

    if (i < 0)
        return 0;
    *sp = acl_doc_value(doc, (size_t)i);
    return 1;
}

/* The nearest ancestor of ptr (ptr itself included) that doc holds:
 * its node index, or -1. *depth_up says how many levels were dropped. */
static long
nearest(const struct acl_doc *doc, const char *ptr, int *depth_up)
{
    char *p = acl_xstrdup(ptr);
    long i;

    *depth_up = 0;
    while ((i = acl_doc_find(doc, p)) < 0 && strrchr(p, '/') != NULL) {
        *strrchr(p, '/') = '\0';
        ++*depth_up;
    }
    free(p);
    return i;
}

/* Points f at an object whose member is missing: its "name" value, else
 * its opening bracket; a scalar is pointed at whole. */
static void
at_object(struct acl_finding *f, const struct acl_doc *doc, long i,
          const char *ptr)
{
    char *name = acl_xasprintf("%s/name", ptr);
    int type = acl_doc_type(doc, (size_t)i);

    if (type == JSON_OBJECT && span_of(doc, name, &f->span)) {
        free(name);
        return;
    }
    free(name);
    f->span = acl_doc_value(doc, (size_t)i);
    if (type == JSON_OBJECT || type == JSON_ARRAY)
        f->span.end = f->span.start + 1;
}

/* Where a finding about node (and its member, maybe absent) points:
 * the member's value; when that is absent, the nearest enclosing object
 * that is there (its "name" value, else its opening bracket). The
 * pointer names the member all the same, so users see what is meant. */
static void
locate(struct acl_finding *f, const struct acl_node *at, const char *member)
{
    char *ptr =
        member ? acl_xasprintf("%s/%s", at->ptr, member) : acl_xstrdup(at->ptr);
    const struct acl_doc *doc = at->doc;
    int up;
    long i = nearest(doc, ptr, &up);

    f->file = doc->text;
    if (i >= 0 && up == 0) {
        f->span = acl_doc_value(doc, (size_t)i);
        f->pointer = ptr;
        return;
    }
    if (i >= 0) {
        char *base = acl_xstrdup(ptr);
        int k;

        for (k = 0; k < up; k++)
            *strrchr(base, '/') = '\0';
        at_object(f, doc, i, base);
        /* A finding about a missing member names the object. */
        f->pointer =
            member != NULL && up == 1 && acl_doc_find(doc, at->ptr) >= 0
                ? acl_xstrdup(at->ptr)
                : ptr;
        if (f->pointer != ptr)
            free(ptr);
        free(base);
        return;
    }
    f->pointer = ptr;
}

struct acl_finding *
acl_report(struct acl_check *c, enum acl_level level, const struct acl_node *at,
           const char *member, const char *fmt, ...)
{
    struct acl_finding *f;
    va_list ap;

    va_start(ap, fmt);
    f = new_finding(c, level, fmt, ap);
    va_end(ap);
    locate(f, at, member);
    if (at->resource != NULL)
        f->resource = acl_xstrdup(at->resource);
    return f;
}

struct acl_finding *
acl_report_name(struct acl_check *c, enum acl_level level,
                const struct acl_node *at, const char *fmt, ...)
{
    struct acl_finding *f;
    long i = acl_doc_find(at->doc, at->ptr);
    va_list ap;

    va_start(ap, fmt);
    f = new_finding(c, level, fmt, ap);
    va_end(ap);
    locate(f, at, NULL);
    if (i >= 0 && acl_doc_key(at->doc, (size_t)i).end > 0)
        f->span = acl_doc_key(at->doc, (size_t)i);
    if (at->resource != NULL)
        f->resource = acl_xstrdup(at->resource);
    return f;
}

struct acl_finding *
acl_report_span(struct acl_check *c, enum acl_level level,
                const struct acl_text *file, struct acl_span sp,
                const char *pointer, const char *fmt, ...)
{
    struct acl_finding *f;
    va_list ap;

    va_start(ap, fmt);
    f = new_finding(c, level, fmt, ap);
    va_end(ap);
    f->file = file;
    f->span = sp;
    f->pointer = pointer != NULL ? acl_xstrdup(pointer) : NULL;
    return f;
}

static int
cmp_starts(const void *a, const void *b)
{
    const struct acl_finding *x = *(const struct acl_finding *const *)a;
    const struct acl_finding *y = *(const struct acl_finding *const *)b;

    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    return x->span.start < y->span.start ? -1 : x->span.start > y->span.start;
}

static int
cmp_ends(const void *a, const void *b)
{
    const struct acl_finding *x = *(const struct acl_finding *const *)a;
    const struct acl_finding *y = *(const struct acl_finding *const *)b;

    if (x->file != y->file)
        return x->file < y->file ? -1 : 1;
    return x->span.end < y->span.end ? -1 : x->span.end > y->span.end;
}

/* Positions are computed in text order - all starts, then all ends -
 * so each is counted on from the one before (see acl_text_pos), and a
 * minified file with many findings on its one line stays linear. */
static void
finish_all(struct acl_findings *out, size_t first)
{
    size_t n = out->n - first, k;
    struct acl_finding **order;

    if (n == 0)
        return;
    order = acl_xmalloc(n * sizeof *order);
    memcpy(order, out->items + first, n * sizeof *order);
    for (k = 0; k < n; k++)
        if (order[k]->span.end < order[k]->span.start)
            order[k]->span.end = order[k]->span.start;
    qsort(order, n, sizeof *order, cmp_starts);
    for (k = 0; k < n; k++)
        acl_text_pos(order[k]->file, order[k]->span.start, &order[k]->start);
    qsort(order, n, sizeof *order, cmp_ends);
    for (k = 0; k < n; k++) {
        struct acl_finding *f = order[k];

        acl_text_pos(f->file, f->span.end, &f->end);
        acl_finding_fingerprint(f);
        /* Every output then hides it, in any finding's snippet. */
        if (f->secret) {
            size_t s, e;

            acl_secret_range(f, &s, &e);
            acl_text_hide(f->file, s, e);
        }
    }
    free(order);
}

/* Runs the enabled rules of one pass (those after the ignore step, or
 * the others) with check context base, then places and masks what they
 * found. */
static void
run_pass(struct acl_check base, const struct acl_rule *const *rules, size_t n,
         const struct acl_rule_conf *confs, int after_ignores)
{
    struct acl_findings *out = base.out;
    size_t i, k, first = out->n;

    for (i = 0; i < n; i++) {
        struct acl_check c = base;
        size_t before = out->n;

        if (!confs[i].enabled ||
            !(rules[i]->flags & ACL_RULE_AFTER_IGNORES) != !after_ignores)
            continue;
        c.rule = rules[i];
        c.options = confs[i].options;
        rules[i]->check(&c);
        if (confs[i].level != ACL_LEVEL_NONE)
            for (k = before; k < out->n; k++)
                out->items[k]->level = confs[i].level;
    }
    finish_all(out, first);
    /* Last: no finding leaves here quoting a secret whole. */
    acl_mask_findings(base.project, out, first);
}

void
acl_engine_lint(struct acl_project *p, const struct acl_rule_conf *confs,
                struct acl_findings *out)
{
    struct acl_check base = {.project = p, .out = out};
    size_t i;

    /* The rules' init has run: they hold no lazy set-up of their own. */
    assert(rules_ready > 0);
    /* The load stage: agent sources are read and analysed before any
     * rule runs, so that rules only read the model. */
    for (i = 0; i < ACL_ARRAY_LEN(registry); i++)
        if (confs[i].enabled && (registry[i]->flags & ACL_RULE_NEEDS_SOURCES)) {
            acl_project_load_sources(p);
            break;
        }
    run_pass(base, registry, ACL_ARRAY_LEN(registry), confs, 0);
}

void
acl_engine_lint_ignores(const struct acl_project *p,
                        const struct acl_config *cfg,
                        const struct acl_rule_conf *confs,
                        struct acl_findings *out)
{
    struct acl_check base = {.project = p, .out = out, .config = cfg};

    run_pass(base, cfg->rules, cfg->nrules, confs, 1);
}
