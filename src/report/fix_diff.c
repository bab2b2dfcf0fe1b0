/*
 * fix_diff.c - the unified diff of a file's planned edits
 * (--fix-dry-run). Hunks come from the edits themselves, so no diff
 * algorithm is needed: each edit's lines are shown removed and added,
 * with three lines of context; edits close together share a hunk.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/fix.h"

#define CTX 3

/* The start of every line of a text (a line ends after '\n'), and at
 * start[n] the text's length; open_end: the last line has no '\n'. */
struct lines {
    size_t *start;
    long n;
    size_t len;
    int open_end;
};

static void
lines_of(const char *s, size_t len, struct lines *l)
{
    size_t cap = 0, i = 0;

    memset(l, 0, sizeof *l);
    l->len = len;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);

        acl_xgrow((void **)&l->start, &cap, (size_t)l->n + 2, sizeof *l->start);
        l->start[l->n++] = i;
        i = nl ? (size_t)(nl - s) + 1 : len;
    }
    acl_xgrow((void **)&l->start, &cap, (size_t)l->n + 1, sizeof *l->start);
    l->start[l->n] = len;
    l->open_end = len > 0 && s[len - 1] != '\n';
}

/* The line holding off; n for the end of a text whose last line ends
 * with '\n' (an insertion there adds lines after the last). */
static long
line_of(const struct lines *l, size_t off)
{
    long lo = 0, hi = l->n;

    if (off >= l->len)
        return l->open_end ? l->n - 1 : l->n;
    while (hi - lo > 1) {
        long mid = lo + (hi - lo) / 2;

        if (l->start[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static long
last_line(const struct lines *l, const struct acl_edit *e)
{
    long last = line_of(l, e->end > e->start ? e->end - 1 : e->start);

    return last >= l->n ? l->n - 1 : last;
}

/* Prints the lines of s[0, len) with prefix; returns how many. */
static long
put_lines(FILE *out, char prefix, const char *s, size_t len)
{
    long n = 0;

    while (len > 0) {
        const char *nl = memchr(s, '\n', len);
        size_t k = nl ? (size_t)(nl - s) + 1 : len;

        fputc(prefix, out);
        fwrite(s, 1, k, out);
        if (nl == NULL)
            fputs("\n\\ No newline at end of file\n", out);
        s += k;
        len -= k;
        n++;
    }
    return n;
}

static long
count_lines(const char *s, size_t len)
{
    long n = 0;
    size_t i;

    for (i = 0; i < len; i++)
        n += s[i] == '\n';
    return n + (len > 0 && s[len - 1] != '\n');
}

/* The length of the first line of s[0, n), its '\n' included. */
static size_t
line_len(const char *s, size_t n)
{
    const char *nl = memchr(s, '\n', n);

    return nl ? (size_t)(nl - s) + 1 : n;
}

/* The length of the last line of s[0, n). */
static size_t
last_len(const char *s, size_t n)
{
    size_t k = n > 0 ? n - 1 : 0;

    while (k > 0 && s[k - 1] != '\n')
        k--;
    return n - k;
}

/* Prints old -> new as removed and added lines, the whole lines both
 * begin or end with shown as context. */
static void
put_change(FILE *out, const char *o, size_t on, const char *n, size_t nn)
{
    size_t k, head = 0, tail = 0;

    while (head < on && head < nn &&
           (k = line_len(o + head, on - head)) ==
               line_len(n + head, nn - head) &&
           o[head + k - 1] == '\n' && memcmp(o + head, n + head, k) == 0)
        head += k;
    while (tail < on - head && tail < nn - head &&
           (k = last_len(o, on - tail)) == last_len(n, nn - tail) &&
           k <= on - head - tail && k <= nn - head - tail &&
           memcmp(o + on - tail - k, n + nn - tail - k, k) == 0)
        tail += k;
    put_lines(out, ' ', o, head);
    put_lines(out, '-', o + head, on - head - tail);
    put_lines(out, '+', n + head, nn - head - tail);
    put_lines(out, ' ', o + on - tail, tail);
}

struct hunk {
    long first, last; /* changed old lines, last < first: none */
    size_t i, j;      /* edits [i, j) */
};

/* The hunk's changed part, with its edits applied: a new buffer. */
static char *
new_part(const char *old, size_t s, size_t e, const struct acl_fix_file *ff,
         const struct hunk *h, size_t *nlen)
{
    size_t k, n = h->j - h->i;
    struct acl_edit *shifted = acl_xcalloc(n + 1, sizeof *shifted);
    const struct acl_edit **ptrs = acl_xcalloc(n + 1, sizeof *ptrs);
    char *seg;

    for (k = 0; k < n; k++) {
        shifted[k] = *ff->edits[h->i + k];
        shifted[k].start -= (uint32_t)s;
        shifted[k].end -= (uint32_t)s;
        ptrs[k] = &shifted[k];
    }
    seg = acl_fix_apply_edits(old + s, e - s, ptrs, n, nlen);
    free(ptrs);
    free(shifted);
    return seg;
}

/* Writes one hunk; *delta accumulates new minus old lines. */
static void
put_hunk(FILE *out, const char *old, const struct lines *l,
         const struct acl_fix_file *ff, const struct hunk *h, long *delta)
{
    long c0 = h->first - CTX < 0 ? 0 : h->first - CTX;
    long after = h->last >= h->first ? h->last + 1 : h->first;
    long c1 = after - 1 + CTX >= l->n ? l->n - 1 : after - 1 + CTX;
    long changed = h->last >= h->first ? h->last - h->first + 1 : 0;
    long cafter = c1 >= after ? c1 - after + 1 : 0;
    size_t s = l->start[h->first < l->n ? h->first : l->n];
    size_t e = l->start[after < l->n ? after : l->n], nlen;
    char *seg = new_part(old, s, e, ff, h, &nlen);
    long oldn = (h->first - c0) + changed + cafter;
    long newn = (h->first - c0) + count_lines(seg, nlen) + cafter;

    fprintf(out, "@@ -%ld,%ld +%ld,%ld @@\n", oldn ? c0 + 1 : c0, oldn,
            (newn ? c0 + 1 : c0) + *delta, newn);
    put_lines(out, ' ', old + l->start[c0], s - l->start[c0]);
    put_change(out, old + s, e - s, seg, nlen);
    put_lines(out, ' ', old + e, cafter ? l->start[c1 + 1] - e : 0);
    *delta += newn - oldn;
    free(seg);
}

void
acl_fix_diff(FILE *out, const struct acl_fix_file *ff)
{
    const char *old = ff->file ? ff->file->data : "";
    struct lines l;
    long delta = 0;
    size_t i = 0;

    lines_of(old, ff->file ? ff->file->len : 0, &l);
    fprintf(out, "--- %s%s\n+++ b/%s\n", ff->file ? "a/" : "/dev/null",
            ff->file ? ff->display : "", ff->display);
    while (i < ff->nedits) {
        struct hunk h;

        h.i = i;
        h.first = line_of(&l, ff->edits[i]->start);
        h.last = last_line(&l, ff->edits[i]);
        for (h.j = i + 1;
             h.j < ff->nedits &&
             line_of(&l, ff->edits[h.j]->start) <= h.last + 2 * CTX + 1;
             h.j++) {
            long lj = last_line(&l, ff->edits[h.j]);

            if (lj > h.last)
                h.last = lj;
        }
        put_hunk(out, old, &l, ff, &h, &delta);
        i = h.j;
    }
    free(l.start);
}
