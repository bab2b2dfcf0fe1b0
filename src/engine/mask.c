/*
 * mask.c - the table of a project's secrets, and masking them in the
 * text of findings (see mask.h).
 *
 * The table is a set of strings indexed by their first MASK_KEY bytes,
 * so that masking a text looks up each position once: linear in the
 * text, whatever the number of secrets.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acl/jptr.h"
#include "engine/mask.h"
#include "acl/secret.h"
#include "acl/utf8.h"

/* Shorter values are not looked up in the table: a secret that short
 * is not one a detector flags, and a message full of masked common
 * words would tell nothing. */
#define MASK_KEY 8

struct mask_item {
    char *s; /* owned */
    size_t n;
};

struct acl_mask {
    struct mask_item *items;
    size_t n, cap;
    size_t *slots; /* index + 1 by hash of the first MASK_KEY bytes */
    size_t nslots;
};

static uint64_t
key_hash(const char *s)
{
    uint64_t h = 1469598103934665603ULL;
    size_t i;

    for (i = 0; i < MASK_KEY; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

struct acl_mask *
acl_mask_new(void)
{
    return acl_xcalloc(1, sizeof(struct acl_mask));
}

void
acl_mask_free(struct acl_mask *m)
{
    size_t i;

    if (m == NULL)
        return;
    for (i = 0; i < m->n; i++)
        free(m->items[i].s);
    free(m->items);
    free(m->slots);
    free(m);
}

/* The longest secret of the table that s (n bytes left, n >= MASK_KEY)
 * starts with: its length, or 0. */
static size_t
match_at(const struct acl_mask *m, const char *s, size_t n)
{
    size_t k, best = 0;

    if (m->nslots == 0)
        return 0;
    k = (size_t)key_hash(s) & (m->nslots - 1);
    for (; m->slots[k] != 0; k = (k + 1) & (m->nslots - 1)) {
        const struct mask_item *it = &m->items[m->slots[k] - 1];

        if (it->n <= n && it->n > best && memcmp(it->s, s, it->n) == 0)
            best = it->n;
    }
    return best;
}

static void
slot_in(struct acl_mask *m, size_t i)
{
    size_t k = (size_t)key_hash(m->items[i].s) & (m->nslots - 1);

    while (m->slots[k] != 0)
        k = (k + 1) & (m->nslots - 1);
    m->slots[k] = i + 1;
}

static void
add_one(struct acl_mask *m, const char *s, size_t n)
{
    size_t i;

    if (n < MASK_KEY || match_at(m, s, n) == n)
        return;
    acl_xgrow((void **)&m->items, &m->cap, m->n + 1, sizeof *m->items);
    m->items[m->n].s = acl_xstrndup(s, n);
    m->items[m->n].n = n;
    m->n++;
    if (2 * m->n <= m->nslots) {
        slot_in(m, m->n - 1);
        return;
    }
    free(m->slots);
    m->nslots = m->nslots ? m->nslots * 2 : 64;
    m->slots = acl_xcalloc(m->nslots, sizeof *m->slots);
    for (i = 0; i < m->n; i++)
        slot_in(m, i);
}

void
acl_mask_add(struct acl_mask *m, const char *s, size_t n)
{
    struct acl_buf b = {0};

    add_one(m, s, n);
    /* As a pointer token ('/' and '~' escaped), the way a member name
     * shows in a finding's pointer. */
    acl_buf_append(&b, "", 0);
    acl_jptr_append(&b, s, n);
    if (b.len - 1 != n || memcmp(b.data + 1, s, n) != 0)
        add_one(m, b.data + 1, b.len - 1);
    acl_buf_free(&b);
}

void
acl_mask_add_project(struct acl_mask *m, const struct acl_project *p)
{
    size_t i, k;

    for (i = 0; p != NULL && i < p->files.ndocs; i++) {
        const struct acl_secret_index *ix = p->files.docs[i].doc->secrets;

        for (k = 0; ix != NULL && k < ix->nranges; k++)
            acl_mask_add(m, ix->ranges[k].s, ix->ranges[k].n);
    }
}

/* The next known-format secret in s[from, n): [*at, *end), or n, n. */
static void
next_known(const char *s, size_t from, size_t n, size_t *at, size_t *end)
{
    struct acl_secret_match sm;

    *at = *end = n;
    if (from < n && acl_secret_known(s + from, n - from, &sm) &&
        sm.end > sm.start) {
        *at = from + sm.start;
        *end = from + sm.end;
    }
}

/* s[0..n) with its secrets (table or known format) masked, into b. */
static void
mask_into(const struct acl_mask *m, const char *s, size_t n, struct acl_buf *b)
{
    size_t i = 0, run = 0, k, kat, kend;
    char preview[32];

    next_known(s, 0, n, &kat, &kend);
    while (i < n) {
        k = i == kat            ? kend - i
            : n - i >= MASK_KEY ? match_at(m, s + i, n - i)
                                : 0;
        if (k == 0) {
            i++;
            continue;
        }
        acl_buf_append(b, s + run, i - run);
        acl_secret_preview(s + i, k, preview);
        acl_buf_puts(b, preview);
        i += k;
        run = i;
        if (i > kat)
            next_known(s, i, n, &kat, &kend);
    }
    acl_buf_append(b, s + run, n - run);
}

char *
acl_mask_text(const struct acl_mask *m, const char *s)
{
    struct acl_buf b = {0};

    acl_buf_append(&b, "", 0);
    mask_into(m, s, strlen(s), &b);
    return acl_buf_steal(&b);
}

/* Replaces *field (owned, may be NULL) by its masked form. */
static void
mask_field(const struct acl_mask *m, char **field)
{
    char *masked;

    if (*field == NULL)
        return;
    masked = acl_mask_text(m, *field);
    free(*field);
    *field = masked;
}

/* A byte range of a text that some output shows: a finding's lines
 * (human snippets) and its span (SARIF snippets). */
struct shown {
    const struct acl_text *t;
    size_t lo, hi;
};

static int
shown_cmp(const void *a, const void *b)
{
    const struct shown *x = a, *y = b;

    if (x->t != y->t)
        return (uintptr_t)x->t < (uintptr_t)y->t ? -1 : 1;
    return (x->lo > y->lo) - (x->lo < y->lo);
}

static struct shown
shown_of(struct acl_finding *f)
{
    struct shown r = {f->file, f->span.start, f->span.end};
    size_t len;
    const char *line = acl_text_line(f->file, f->start.line, &len);

    if (line >= f->file->data && (size_t)(line - f->file->data) < r.lo)
        r.lo = (size_t)(line - f->file->data);
    line = acl_text_line(f->file, f->end.line, &len);
    if (line >= f->file->data && (size_t)(line - f->file->data) + len > r.hi)
        r.hi = (size_t)(line - f->file->data) + len;
    return r;
}

/* Hides the secrets in t[lo, hi), all but their first four characters
 * (as the rules that flag secrets do). The detector runs once per
 * secret found, not once per byte. */
static void
hide_range(const struct acl_mask *m, const struct acl_text *t, size_t lo,
           size_t hi)
{
    const char *d = t->data;
    size_t i, start, kat, kend;
    int keep;

    next_known(d, lo, hi, &kat, &kend);
    for (i = lo; i < hi;) {
        size_t k = i == kat             ? kend - i
                   : hi - i >= MASK_KEY ? match_at(m, d + i, hi - i)
                                        : 0;

        if (k == 0) {
            i++;
            continue;
        }
        for (start = i, keep = 0; start < i + k && keep < 4; keep++) {
            uint32_t cp;

            start += acl_utf8_lenient(d + start, i + k - start, &cp);
        }
        acl_text_hide(t, start, i + k);
        i += k;
        if (i > kat)
            next_known(d, i, hi, &kat, &kend);
    }
}

/* Hides the project's secrets wherever a finding shows its text. Each
 * byte is looked at once, however many findings share it. */
static void
hide_shown(const struct acl_mask *m, struct acl_findings *l, size_t first)
{
    struct shown *r = acl_xcalloc(l->n - first + 1, sizeof *r);
    size_t i, n = 0;

    for (i = first; i < l->n; i++)
        if (l->items[i]->file != NULL)
            r[n++] = shown_of(l->items[i]);
    qsort(r, n, sizeof *r, shown_cmp);
    for (i = 0; i < n;) {
        struct shown cur = r[i];

        for (i++; i < n && r[i].t == cur.t && r[i].lo <= cur.hi; i++)
            if (r[i].hi > cur.hi)
                cur.hi = r[i].hi;
        hide_range(m, cur.t, cur.lo, cur.hi);
    }
    free(r);
}

void
acl_mask_findings(const struct acl_project *p, struct acl_findings *l,
                  size_t first)
{
    struct acl_mask *m;
    size_t i;

    if (first >= l->n)
        return;
    m = acl_mask_new();
    acl_mask_add_project(m, p);
    for (i = first; i < l->n; i++) {
        struct acl_finding *f = l->items[i];

        mask_field(m, &f->message);
        mask_field(m, &f->pointer);
        mask_field(m, &f->resource);
        mask_field(m, &f->justification);
        mask_field(m, &f->help);
    }
    hide_shown(m, l, first);
    acl_mask_free(m);
}
