/*
 * config_apply.c - what a checked config does to a run: the production
 * options, rule settings, and suppressing findings that an ignore entry
 * matches, counting each entry's hits for the unused-ignore rule.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acl/config.h"

void
acl_config_prod(const struct acl_config *c, const struct acl_prod_opts *cli,
                struct acl_prod_opts *out)
{
    *out = *cli;
    if (c == NULL)
        return;
    /* --no-production wins over the file: it is the narrower choice of
     * the person running the command. */
    if (c->production && !cli->never)
        out->force = 1;
    if (c->targets != NULL) {
        out->names = c->targets;
        out->nnames = c->ntargets;
    }
}

void
acl_config_rules(const struct acl_config *c, struct acl_rule_conf *confs)
{
    size_t k;

    for (k = 0; c != NULL && k < c->nrules; k++) {
        const struct acl_rule_setting *s = &c->settings[k];

        if (!s->set)
            continue;
        confs[k].enabled = s->enabled;
        confs[k].level = s->level;
        confs[k].options = s->options;
    }
}

int
acl_pointer_covers(const char *prefix, const char *ptr)
{
    size_t n = strlen(prefix);

    /* Escaped pointers use '/' only between tokens, so a prefix ending
     * at a '/' is an ancestor: "/a/1" covers "/a/1/b", not "/a/10". */
    return ptr != NULL && strncmp(ptr, prefix, n) == 0 &&
           (ptr[n] == '\0' || ptr[n] == '/');
}

static int
entry_matches(const struct acl_config *c, const struct acl_ignore *ig,
              const struct acl_finding *f)
{
    if (f->rule != c->rules[ig->rule])
        return 0;
    if (ig->resource != NULL &&
        (f->resource == NULL || strcmp(ig->resource, f->resource) != 0))
        return 0;
    if (ig->pointer != NULL && !acl_pointer_covers(ig->pointer, f->pointer))
        return 0;
    if (ig->path != NULL && !acl_glob_match(ig->path, f->file->path))
        return 0;
    return 1;
}

/* Ignore entries found by the exact text they name: pointer entries by
 * rule and pointer, resource entries by rule and resource. A finding
 * then looks up the entries of its own pointer's ancestors and of its
 * resource, so a config with thousands of entries and a project with
 * thousands of findings is not a product of the two. Entries with only
 * a path (a glob) are grouped by rule, and each is tried once per file
 * and rule, not once per finding: every finding of a rule in a file
 * meets the same globs (see struct verdict). */
struct verdict {
    const struct acl_text *file; /* NULL: an empty slot */
    const struct acl_rule *rule;
    size_t best;  /* the first matching path entry, or nignores */
    size_t count; /* findings of this file and rule */
};

struct ignore_index {
    size_t *slots; /* entry index + 1, 0 when empty */
    size_t cap;
    size_t *globs; /* entries with only a path, by rule then position */
    size_t nglobs;
    struct verdict *verdicts; /* open addressing on (file, rule) */
    size_t vcap;
};

static uint64_t
key_hash(const struct acl_rule *r, const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL ^ (uint64_t)(uintptr_t)r;
    size_t i;

    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* What entry ig is indexed by: its pointer, else its resource. */
static const char *
entry_key(const struct acl_ignore *ig)
{
    return ig->pointer != NULL ? ig->pointer : ig->resource;
}

/* Orders path entries by rule, then by position in the file. */
static void
sort_globs(const struct acl_config *c, size_t *g, size_t n)
{
    /* A counting sort by rule: linear, and stable, so that the entries
     * of a rule keep their order in the file. */
    size_t *count = acl_xcalloc(c->nrules + 1, sizeof *count);
    size_t *tmp = acl_xcalloc(n + 1, sizeof *tmp);
    size_t i, j;

    for (i = 0; i < n; i++)
        count[c->ignores[g[i]].rule + 1]++;
    for (i = 1; i <= c->nrules; i++)
        count[i] += count[i - 1];
    for (i = 0; i < n; i++) {
        j = count[c->ignores[g[i]].rule]++;
        tmp[j] = g[i];
    }
    memcpy(g, tmp, n * sizeof *g);
    free(tmp);
    free(count);
}

static void
index_build(const struct acl_config *c, struct ignore_index *x, size_t nfind)
{
    size_t i, k;

    for (x->cap = 16; x->cap < 2 * c->nignores;)
        x->cap *= 2;
    x->slots = acl_xcalloc(x->cap, sizeof *x->slots);
    x->globs = acl_xcalloc(c->nignores + 1, sizeof *x->globs);
    for (i = 0; i < c->nignores; i++) {
        const char *key = entry_key(&c->ignores[i]);

        if (key == NULL) {
            x->globs[x->nglobs++] = i;
            continue;
        }
        k = (size_t)key_hash(c->rules[c->ignores[i].rule], key, strlen(key)) &
            (x->cap - 1);
        while (x->slots[k] != 0)
            k = (k + 1) & (x->cap - 1);
        x->slots[k] = i + 1;
    }
    sort_globs(c, x->globs, x->nglobs);
    for (x->vcap = 16; x->nglobs > 0 && x->vcap < 2 * nfind;)
        x->vcap *= 2;
    x->verdicts = acl_xcalloc(x->vcap, sizeof *x->verdicts);
}

/* Entry i matches f: counted, and the first such entry in the file
 * (*best) gives the justification. */
static void
consider(struct acl_config *c, size_t i, const struct acl_finding *f,
         size_t *best)
{
    if (!entry_matches(c, &c->ignores[i], f))
        return;
    c->ignores[i].hits++;
    if (i < *best)
        *best = i;
}

/* The entries keyed by key[0..n) for f's rule. */
static void
lookup(struct acl_config *c, const struct ignore_index *x,
       const struct acl_finding *f, const char *key, size_t n, int by_pointer,
       size_t *best)
{
    size_t k = (size_t)key_hash(f->rule, key, n) & (x->cap - 1);

    for (; x->slots[k] != 0; k = (k + 1) & (x->cap - 1)) {
        const struct acl_ignore *ig = &c->ignores[x->slots[k] - 1];
        const char *ik = entry_key(ig);

        if (c->rules[ig->rule] == f->rule &&
            (ig->pointer != NULL) == by_pointer && strlen(ik) == n &&
            memcmp(ik, key, n) == 0)
            consider(c, x->slots[k] - 1, f, best);
    }
}

/* Does entry ig (no pointer, no resource) cover the findings of file? */
static int
path_covers(const struct acl_ignore *ig, const struct acl_text *file)
{
    return ig->path == NULL || acl_glob_match(ig->path, file->path);
}

/* The path entries of rule r (a run of x->globs): [*lo, *hi). */
static void
globs_of(const struct acl_config *c, const struct ignore_index *x,
         const struct acl_rule *r, size_t *lo, size_t *hi)
{
    size_t a = 0, b = x->nglobs, rule = 0;

    while (rule < c->nrules && c->rules[rule] != r)
        rule++;
    while (a < b) { /* the first entry of a rule >= rule */
        size_t m = a + (b - a) / 2;

        if (c->ignores[x->globs[m]].rule < rule)
            a = m + 1;
        else
            b = m;
    }
    *lo = a;
    while (a < x->nglobs && c->ignores[x->globs[a]].rule == rule)
        a++;
    *hi = a;
}

/* The verdict of the path entries on f's file and rule, computed the
 * first time the pair is met; f is counted in it (hits are added for
 * every matching entry at the end, see count_path_hits). Returns the
 * smaller of best and the first matching entry. */
static size_t
path_verdict(const struct acl_config *c, struct ignore_index *x,
             const struct acl_finding *f, size_t best)
{
    size_t k =
        (size_t)(((uintptr_t)f->file >> 4) * 31u + ((uintptr_t)f->rule >> 4)) &
        (x->vcap - 1);
    struct verdict *v;
    size_t lo, hi;

    while (x->verdicts[k].file != NULL &&
           (x->verdicts[k].file != f->file || x->verdicts[k].rule != f->rule))
        k = (k + 1) & (x->vcap - 1);
    v = &x->verdicts[k];
    if (v->file == NULL) {
        v->file = f->file;
        v->rule = f->rule;
        v->best = c->nignores;
        globs_of(c, x, f->rule, &lo, &hi);
        for (; lo < hi && v->best == c->nignores; lo++)
            if (path_covers(&c->ignores[x->globs[lo]], f->file))
                v->best = x->globs[lo];
    }
    v->count++;
    return v->best < best ? v->best : best;
}

/* Adds each pair's finding count to every path entry that matches it. */
static void
count_path_hits(struct acl_config *c, const struct ignore_index *x)
{
    size_t k, lo, hi;

    for (k = 0; k < x->vcap; k++) {
        const struct verdict *v = &x->verdicts[k];

        if (v->file == NULL || v->best == c->nignores)
            continue;
        globs_of(c, x, v->rule, &lo, &hi);
        for (; lo < hi; lo++)
            if (x->globs[lo] >= v->best &&
                path_covers(&c->ignores[x->globs[lo]], v->file))
                c->ignores[x->globs[lo]].hits += v->count;
    }
}

static void
suppress_one(struct acl_config *c, struct ignore_index *x,
             struct acl_finding *f)
{
    size_t best = c->nignores, i;
    const char *p = f->pointer;

    /* "", then every ancestor at a '/', then the pointer itself. */
    for (i = 0; p != NULL; i++) {
        if (p[i] == '/' || p[i] == '\0')
            lookup(c, x, f, p, i, 1, &best);
        if (p[i] == '\0')
            break;
    }
    if (f->resource != NULL)
        lookup(c, x, f, f->resource, strlen(f->resource), 0, &best);
    if (x->nglobs > 0)
        best = path_verdict(c, x, f, best);
    if (best < c->nignores && !f->suppressed) {
        f->suppressed = 1;
        f->justification = acl_xstrdup(c->ignores[best].reason);
    }
}

void
acl_config_suppress(struct acl_config *c, const struct acl_rule_conf *confs,
                    struct acl_findings *l, size_t first)
{
    struct ignore_index x = {0};
    size_t i;

    if (c == NULL || c->nignores == 0)
        return;
    for (i = 0; i < c->nignores; i++)
        if (confs[c->ignores[i].rule].enabled)
            c->ignores[i].rule_ran = 1;
    index_build(c, &x, l->n - first);
    for (i = first; i < l->n; i++)
        suppress_one(c, &x, l->items[i]);
    count_path_hits(c, &x);
    free(x.slots);
    free(x.globs);
    free(x.verdicts);
}

void
acl_config_unused(const struct acl_config *c, const struct acl_project *p,
                  const struct acl_rule_conf *confs, struct acl_findings *out)
{
    /* The unused-ignore rule reads the usage counted above. */
    if (c != NULL)
        acl_engine_lint_ignores(p, c, confs, out);
}
