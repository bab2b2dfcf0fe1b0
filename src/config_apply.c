/*
 * config_apply.c - what a checked config does to a run: the production
 * options, rule settings, suppressing findings that an ignore entry
 * matches, and the notes about entries that match nothing (so stale
 * suppressions are seen and removed).
 */
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

void
acl_config_suppress(struct acl_config *c, const struct acl_rule_conf *confs,
                    struct acl_findings *l, size_t first)
{
    size_t i, k;

    for (i = 0; c != NULL && i < c->nignores; i++) {
        struct acl_ignore *ig = &c->ignores[i];

        if (confs[ig->rule].enabled)
            ig->rule_ran = 1;
        for (k = first; k < l->n; k++) {
            struct acl_finding *f = l->items[k];

            if (!entry_matches(c, ig, f))
                continue;
            ig->hits++;
            if (!f->suppressed) {
                f->suppressed = 1;
                f->justification = acl_xstrdup(ig->reason);
            }
        }
    }
}

/* "AC001, resource \"dev-gw\"" */
static char *
describe(const struct acl_config *c, const struct acl_ignore *ig)
{
    struct acl_buf b = {0};

    acl_buf_puts(&b, c->rules[ig->rule]->id);
    if (ig->resource != NULL)
        acl_buf_printf(&b, ", resource \"%s\"", ig->resource);
    if (ig->pointer != NULL)
        acl_buf_printf(&b, ", pointer \"%s\"", ig->pointer);
    if (ig->path != NULL)
        acl_buf_printf(&b, ", path \"%s\"", ig->path);
    return acl_buf_steal(&b);
}

static void
add_note(const struct acl_config *c, const struct acl_ignore *ig,
         enum acl_level level, const struct acl_project *p,
         struct acl_findings *out)
{
    struct acl_finding *f = acl_findings_add(out);
    long n = acl_doc_find(c->doc, ig->at);
    char *what = describe(c, ig);

    f->rule = &acl_rule_unused_ignore;
    f->level = level;
    f->project = p;
    f->file = c->doc->text;
    f->pointer = acl_xstrdup(ig->at);
    if (n >= 0)
        f->span = acl_doc_value(c->doc, (size_t)n);
    f->message = acl_xasprintf("the ignore entry for %s matched no finding; "
                               "remove it, or correct what it names", what);
    acl_text_pos(f->file, f->span.start, &f->start);
    acl_text_pos(f->file, f->span.end, &f->end);
    acl_finding_fingerprint(f);
    free(what);
}

void
acl_config_unused(const struct acl_config *c, const struct acl_project *p,
                  const struct acl_rule_conf *confs, struct acl_findings *out)
{
    enum acl_level level = acl_rule_unused_ignore.level;
    size_t i;

    for (i = 0; c != NULL && i < c->nrules; i++) {
        if (c->rules[i] != &acl_rule_unused_ignore)
            continue;
        if (!confs[i].enabled)
            return;
        if (confs[i].level != ACL_LEVEL_NONE)
            level = confs[i].level;
    }
    for (i = 0; c != NULL && i < c->nignores; i++)
        if (c->ignores[i].hits == 0 && c->ignores[i].rule_ran)
            add_note(c, &c->ignores[i], level, p, out);
}
