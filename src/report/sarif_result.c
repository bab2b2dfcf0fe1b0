/*
 * sarif_result.c - SARIF run.results: one result per finding, with its
 * location, JSON pointer, fingerprints, suppression and baseline state.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acl/engine.h"
#include "acl/jptr.h"
#include "acl/json.h"
#include "acl/model.h"
#include "acl/rule.h"
#include "report/sarif.h"

static size_t
art_hash(const struct acl_text *file, size_t cap)
{
    return (size_t)(((uintptr_t)file >> 4) * 0x9E3779B97F4A7C15ull >> 7) &
           (cap - 1);
}

/* The slot of file in the artifact table (holding it, or empty). */
static size_t
art_slot(const struct acl_sarif *s, const struct acl_text *file)
{
    size_t i = art_hash(file, s->art_slots_cap);

    while (s->art_slots[i] != 0 && s->arts[s->art_slots[i] - 1].file != file)
        i = (i + 1) & (s->art_slots_cap - 1);
    return i;
}

static void
art_grow(struct acl_sarif *s)
{
    size_t k;

    free(s->art_slots);
    s->art_slots_cap = s->art_slots_cap ? 2 * s->art_slots_cap : 64;
    s->art_slots = acl_xcalloc(s->art_slots_cap, sizeof *s->art_slots);
    for (k = 0; k < s->narts; k++)
        s->art_slots[art_slot(s, s->arts[k].file)] = k + 1;
}

size_t
acl_sarif_art_of(struct acl_sarif *s, const struct acl_text *file)
{
    size_t i;

    if (2 * (s->narts + 1) > s->art_slots_cap)
        art_grow(s);
    i = art_slot(s, file);
    if (s->art_slots[i] != 0)
        return s->art_slots[i] - 1;
    acl_xgrow((void **)&s->arts, &s->cap, s->narts + 1, sizeof *s->arts);
    memset(&s->arts[s->narts], 0, sizeof *s->arts);
    s->arts[s->narts].file = file;
    s->art_slots[i] = s->narts + 1;
    return s->narts++;
}

static json_t *
artifact_location(struct acl_sarif *s, const struct acl_text *file)
{
    char *uri = acl_sarif_uri(file->display);
    json_t *o = json_object();

    json_object_set_new(o, "uri", acl_sarif_str(uri));
    if (file->display[0] != '/')
        json_object_set_new(o, "uriBaseId", json_string("SRCROOT"));
    json_object_set_new(o, "index",
                        json_integer((json_int_t)acl_sarif_art_of(s, file)));
    free(uri);
    return o;
}

static json_t *
region(const struct acl_finding *f)
{
    json_t *r = json_object();
    char *snip = acl_report_snippet(f);

    json_object_set_new(r, "startLine", json_integer(f->start.line));
    json_object_set_new(r, "startColumn", json_integer(f->start.col16));
    json_object_set_new(r, "endLine", json_integer(f->end.line));
    json_object_set_new(r, "endColumn", json_integer(f->end.col16));
    if (snip[0] != '\0')
        json_object_set_new(r, "snippet",
                            json_pack("{s:o}", "text", acl_sarif_str(snip)));
    free(snip);
    return r;
}

/* The JSON value the pointer's parent holds, to tell an array element
 * from an object member; NULL when the document is not at hand. */
static json_t *
pointer_parent(const struct acl_finding *f, struct acl_buf *last)
{
    const struct acl_project *p = f->project;
    const char *ptr = f->pointer;
    json_t *cur = NULL, *parent = NULL;
    size_t i;

    for (i = 0; p != NULL && i < p->files.ndocs; i++)
        if (p->files.docs[i].doc->text == f->file)
            cur = p->files.docs[i].doc->root;
    while (acl_jptr_next(&ptr, last) == 0) {
        parent = cur;
        if (json_is_array(cur))
            cur = json_array_get(cur, strtoul(last->data, NULL, 10));
        else
            cur = json_object_getn(cur, last->data, last->len);
    }
    return parent;
}

static json_t *
logical_location(const struct acl_finding *f)
{
    struct acl_buf last = {0};
    json_t *parent = pointer_parent(f, &last), *o = json_object();
    int element =
        json_is_array(parent) || (parent == NULL && last.len > 0 &&
                                  strspn(last.data, "0123456789") == last.len);

    json_object_set_new(o, "name", acl_sarif_text(last.data, last.len));
    json_object_set_new(o, "fullyQualifiedName", acl_sarif_str(f->pointer));
    json_object_set_new(o, "kind", json_string(element ? "element" : "member"));
    acl_buf_free(&last);
    return o;
}

static json_t *
location(struct acl_sarif *s, const struct acl_finding *f)
{
    json_t *loc = json_object(), *phys = json_object();

    json_object_set_new(phys, "artifactLocation",
                        artifact_location(s, f->file));
    json_object_set_new(phys, "region", region(f));
    json_object_set_new(loc, "physicalLocation", phys);
    if (f->pointer != NULL && f->pointer[0] != '\0')
        json_object_set_new(loc, "logicalLocations",
                            json_pack("[o]", logical_location(f)));
    return loc;
}

/* GitHub's hash of the result's first line, computed for its file by
 * out_sarif.c. */
static const char *
line_hash(struct acl_sarif *s, const struct acl_finding *f)
{
    size_t k = acl_sarif_art_of(s, f->file);
    const struct acl_sarif_art *a = &s->arts[k];
    size_t lo = 0, hi = a->nlines;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (a->lines[mid] < f->start.line)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->nlines && a->lines[lo] == f->start.line ? a->hashes[lo] : "";
}

static json_t *
fingerprints(struct acl_sarif *s, const struct acl_finding *f)
{
    json_t *o = json_object();
    const char *lh = line_hash(s, f);

    if (f->fingerprint != NULL)
        json_object_set_new(o, "agentcoreLint/v1", json_string(f->fingerprint));
    if (lh[0] != '\0')
        json_object_set_new(o, "primaryLocationLineHash", json_string(lh));
    return o;
}

/* Ends the text with a period, as SARIF viewers expect sentences. */
static json_t *
sentence(const char *text)
{
    size_t n = strlen(text);
    char *s = acl_xasprintf("%s%s", text,
                            n > 0 && strchr(".!?", text[n - 1]) ? "" : ".");
    json_t *j = acl_sarif_str(s);

    free(s);
    return j;
}

/* The region an edit replaces, in the log's line and UTF-16 column
 * terms; a file the edit creates has only the empty start. */
static json_t *
edit_region(const struct acl_edit *e)
{
    const struct acl_text *t = e->file;
    struct acl_pos a, b;

    if (t == NULL)
        return json_pack("{s:i,s:i}", "charOffset", 0, "charLength", 0);
    acl_text_pos(t, e->start, &a);
    acl_text_pos(t, e->end, &b);
    return json_pack("{s:i,s:i,s:i,s:i}", "startLine", (int)a.line,
                     "startColumn", (int)a.col16, "endLine", (int)b.line,
                     "endColumn", (int)b.col16);
}

static json_t *
edit_location(struct acl_sarif *s, const struct acl_edit *e)
{
    char *uri;
    json_t *o;

    if (e->file != NULL)
        return artifact_location(s, e->file);
    uri = acl_sarif_uri(e->display);
    o = json_object();
    json_object_set_new(o, "uri", acl_sarif_str(uri));
    if (e->display[0] != '/')
        json_object_set_new(o, "uriBaseId", json_string("SRCROOT"));
    free(uri);
    return o;
}

/* SARIF fixes: each edit an artifact change of one replacement.
 * Suggestions say so in their description and properties. */
static json_t *
fixes(struct acl_sarif *s, const struct acl_finding *f)
{
    json_t *all = json_array();
    size_t i, k;

    for (i = 0; i < f->fixes.n; i++) {
        const struct acl_fix *x = &f->fixes.items[i];
        json_t *changes = json_array();
        char *desc = acl_xasprintf(
            "%s%s", x->title,
            x->kind == ACL_FIX ? "" : " (a suggestion: it changes behaviour)");

        for (k = 0; k < x->nedits; k++) {
            const struct acl_edit *e = &x->edits[k];
            json_t *rep =
                json_pack("{s:o,s:{s:o}}", "deletedRegion", edit_region(e),
                          "insertedContent", "text", acl_sarif_str(e->text));

            json_array_append_new(
                changes, json_pack("{s:o,s:[o]}", "artifactLocation",
                                   edit_location(s, e), "replacements", rep));
        }
        json_array_append_new(
            all, json_pack("{s:{s:o},s:o,s:{s:b}}", "description", "text",
                           sentence(desc), "artifactChanges", changes,
                           "properties", "safe", x->kind == ACL_FIX));
        free(desc);
    }
    return all;
}

static json_t *
result(struct acl_sarif *s, const struct acl_finding *f)
{
    json_t *r = json_object();

    json_object_set_new(r, "ruleId", json_string(f->rule->id));
    json_object_set_new(r, "ruleIndex",
                        json_integer(acl_sarif_rule_index(s, f->rule)));
    json_object_set_new(r, "level", json_string(acl_level_name(f->level)));
    json_object_set_new(r, "message",
                        json_pack("{s:o}", "text", sentence(f->message)));
    json_object_set_new(r, "locations", json_pack("[o]", location(s, f)));
    json_object_set_new(r, "partialFingerprints", fingerprints(s, f));
    if (f->suppressed) {
        /* "accepted": the project decided so (SARIF 2.1.0, 3.35.3). */
        json_t *sup =
            json_pack("{s:s, s:s}", "kind", "external", "state", "accepted");

        if (f->justification != NULL)
            json_object_set_new(sup, "justification",
                                acl_sarif_str(f->justification));
        json_object_set_new(r, "suppressions", json_pack("[o]", sup));
    }
    if (f->fixes.n > 0)
        json_object_set_new(r, "fixes", fixes(s, f));
    if (f->baseline != ACL_BASELINE_NONE)
        json_object_set_new(
            r, "baselineState",
            json_string(f->baseline == ACL_BASELINE_NEW ? "new" : "unchanged"));
    return r;
}

json_t *
acl_sarif_result_at(void *sarif, size_t i)
{
    struct acl_sarif *s = sarif;

    return i < s->ctx->findings->n ? result(s, s->ctx->findings->items[i])
                                   : NULL;
}
