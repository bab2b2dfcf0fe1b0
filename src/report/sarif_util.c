/*
 * sarif_util.c - helpers of the SARIF writer: file paths as URIs, text
 * from linted files as valid JSON strings, and GitHub's line hash.
 *
 * The line hash must equal what GitHub's upload action computes for the
 * same file, or code scanning warns about an inconsistent fingerprint
 * and may open duplicate alerts. So the file is decoded as Node does
 * (UTF-8 to UTF-16 code units, a bad sequence becoming one U+FFFD) and
 * hashed code unit by code unit.
 */
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/sarif.h"
#include "acl/utf8.h"
#include "acl/util.h"

#define REPLACEMENT 0xFFFDul
#define BAD ((unsigned long)ACL_UTF8_BAD)

/* One character, as the WHATWG decoder reads it (see utf8.h). */
static size_t
utf8_next(const unsigned char *s, size_t n, unsigned long *cp)
{
    uint32_t c;
    size_t k = acl_utf8_lenient((const char *)s, n, &c);

    *cp = c;
    return k;
}

static int
unreserved(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
           c == '~' || c == '/';
}

char *
acl_sarif_uri(const char *path)
{
    struct acl_buf b = {0};
    const unsigned char *p = (const unsigned char *)path;

    acl_buf_puts(&b, path[0] == '/' ? "file://" : "");
    for (; *p != '\0'; p++) {
        if (unreserved(*p))
            acl_buf_putc(&b, (char)*p);
        else
            acl_buf_printf(&b, "%%%02X", *p);
    }
    return acl_buf_steal(&b);
}

json_t *
acl_sarif_text(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    struct acl_buf b = {0};
    size_t i = 0, run = 0, k;
    unsigned long cp;
    json_t *j;

    /* Valid text is copied in runs; only a bad sequence breaks one. */
    acl_buf_append(&b, "", 0);
    while (i < n) {
        k = u[i] < 0x80 ? 1 : utf8_next(u + i, n - i, &cp);
        if (u[i] >= 0x80 && cp == BAD) {
            acl_buf_append(&b, s + run, i - run);
            acl_buf_puts(&b, "\xEF\xBF\xBD");
            run = i + k;
        }
        i += k;
    }
    acl_buf_append(&b, s + run, n - run);
    j = json_stringn(b.data, b.len);
    acl_buf_free(&b);
    return j != NULL ? j : json_string("");
}

json_t *
acl_sarif_str(const char *s)
{
    return acl_sarif_text(s, strlen(s));
}

/* Occurrences of the hash values of the wanted lines: open addressing,
 * grown at half full. A value of 0 marks an empty slot; a present key
 * holds its count plus one. Only the wanted lines' hashes are kept, so
 * the table stays as small as the list of findings. */
struct counts {
    uint64_t *keys;
    size_t *vals;
    size_t cap, used;
};

static size_t *
count_slot(struct counts *t, uint64_t key, int insert)
{
    size_t i;

    if (insert && 2 * (t->used + 1) > t->cap) {
        struct counts bigger = {0};

        bigger.cap = t->cap ? 2 * t->cap : 64;
        bigger.keys = acl_xcalloc(bigger.cap, sizeof *bigger.keys);
        bigger.vals = acl_xcalloc(bigger.cap, sizeof *bigger.vals);
        for (i = 0; i < t->cap; i++)
            if (t->vals[i] != 0)
                *count_slot(&bigger, t->keys[i], 1) = t->vals[i];
        free(t->keys);
        free(t->vals);
        *t = bigger;
    }
    if (t->cap == 0)
        return NULL;
    i = (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 20) & (t->cap - 1);
    while (t->vals[i] != 0 && t->keys[i] != key)
        i = (i + 1) & (t->cap - 1);
    if (t->vals[i] == 0) {
        if (!insert)
            return NULL;
        t->keys[i] = key;
        t->vals[i] = 1;
        t->used++;
    }
    return &t->vals[i];
}

#define BLOCK 100
#define EOF_UNIT 65535u
#define PENDING 128 /* > BLOCK: every line start is followed by a unit */

/* The hash of the BLOCK units from a line start is taken from prefix
 * hashes: with P(n) = sum of unit[k] * 37^(n-1-k) over k < n, it is
 * P(start + BLOCK) - P(start) * 37^BLOCK. So each unit costs one
 * multiply-add, and the line starts whose window is not yet full wait
 * in a ring, oldest first. */
struct hasher {
    uint64_t prefix, pow;
    uint64_t units, due; /* due: when the oldest start's window is full */
    struct {
        uint64_t at, prefix;
        long line;
    } pend[PENDING];
    size_t head, npend;
    long lineno;
    int line_start, prev_cr;
    struct counts counts; /* the wanted lines' hashes */
    const unsigned *want;
    size_t nwant, next;
    char (*out)[ACL_LINE_HASH_SIZE];
};

static void
set_due(struct hasher *h)
{
    h->due = h->npend > 0 ? h->pend[h->head].at + BLOCK : UINT64_MAX;
}

/* The oldest waiting line's window is full: count its hash, and write
 * it with the count so far when that line is wanted. */
static void
emit(struct hasher *h)
{
    long line = h->pend[h->head].line;
    uint64_t hash = h->prefix - h->pend[h->head].prefix * h->pow;
    size_t *count = count_slot(&h->counts, hash, 0);

    h->head = (h->head + 1) % PENDING;
    h->npend--;
    set_due(h);
    if (count != NULL)
        ++*count;
    while (h->next < h->nwant && (long)h->want[h->next] < line)
        h->next++;
    while (h->next < h->nwant && (long)h->want[h->next] == line) {
        if (count != NULL)
            snprintf(h->out[h->next], ACL_LINE_HASH_SIZE, "%" PRIx64 ":%zu",
                     hash, *count - 1);
        h->next++;
    }
}

static void
add_unit(struct hasher *h, uint32_t unit)
{
    if (h->line_start) {
        size_t slot = (h->head + h->npend++) % PENDING;

        h->line_start = 0;
        h->pend[slot].at = h->units;
        h->pend[slot].prefix = h->prefix;
        h->pend[slot].line = ++h->lineno;
        set_due(h);
    }
    h->prefix = 37 * h->prefix + unit;
    if (++h->units == h->due)
        emit(h);
}

/* Spaces, tabs and the LF of a CR LF do not count; CR counts as LF. */
static void
process(struct hasher *h, uint32_t unit)
{
    if (unit == ' ' || unit == '\t' || (h->prev_cr && unit == '\n')) {
        h->prev_cr = 0;
        return;
    }
    h->prev_cr = unit == '\r';
    if (unit == '\r')
        unit = '\n';
    add_unit(h, unit);
    if (unit == '\n')
        h->line_start = 1;
}

/* An ASCII unit that is neither skipped nor ends a line. */
static int
plain(unsigned char c)
{
    return c < 0x80 && c != ' ' && c != '\t' && c != '\r' && c != '\n';
}

/* The common case: plain units and blanks (the indentation of every
 * line), with the hash state in registers. Returns where it stopped. */
static size_t
plain_run(struct hasher *h, const unsigned char *u, size_t len, size_t i)
{
    uint64_t prefix = h->prefix, units = h->units;

    h->prev_cr = 0;
    for (; i < len; i++) {
        if (u[i] == ' ' || u[i] == '\t')
            continue;
        if (!plain(u[i]))
            break;
        if (h->line_start) { /* once a line: the slow step */
            h->prefix = prefix;
            h->units = units;
            add_unit(h, u[i]);
            prefix = h->prefix;
            units = h->units;
            continue;
        }
        prefix = 37 * prefix + u[i];
        if (++units == h->due) {
            h->prefix = prefix;
            h->units = units;
            emit(h);
        }
    }
    h->prefix = prefix;
    h->units = units;
    return i;
}

static void
process_text(struct hasher *h, const char *data, size_t len)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t i = 0;
    unsigned long cp;

    /* Lines after the last wanted one change no count we report. */
    while (i < len && h->next < h->nwant) {
        if (plain(u[i]) || u[i] == ' ' || u[i] == '\t') {
            i = plain_run(h, u, len, i);
            continue;
        }
        if (u[i] < 0x80) { /* ASCII: one code unit, most of any file */
            process(h, u[i++]);
            continue;
        }
        i += utf8_next(u + i, len - i, &cp);
        if (cp == BAD)
            cp = REPLACEMENT;
        if (cp >= 0x10000) {
            process(h, (uint32_t)(0xD800 + ((cp - 0x10000) >> 10)));
            process(h, (uint32_t)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
        } else {
            process(h, (uint32_t)cp);
        }
    }
}

/* One pass over the whole text, then the end mark and zeros so that
 * the last lines get full windows too. */
static void
run_pass(struct hasher *h, const char *data, size_t len)
{
    size_t i;

    h->line_start = 1;
    set_due(h);
    process_text(h, data, len);
    if (h->next >= h->nwant)
        return;
    process(h, EOF_UNIT);
    for (i = 0; i < BLOCK && h->npend > 0; i++)
        add_unit(h, 0);
}

/* The next code unit of the text at *i as the hasher sees it (see
 * process): spaces and tabs skipped, CR LF and CR read as LF; past the
 * end, one EOF_UNIT and then zeros. Non-BMP characters give their two
 * surrogates, *pending holding the second. */
static uint32_t
next_unit(const unsigned char *u, size_t len, size_t *i, uint32_t *pending,
          int *eof)
{
    unsigned long cp;

    if (*pending != 0) {
        uint32_t v = *pending;

        *pending = 0;
        return v;
    }
    while (*i < len && (u[*i] == ' ' || u[*i] == '\t'))
        ++*i;
    if (*i >= len)
        return (*eof)++ == 0 ? EOF_UNIT : 0;
    if (u[*i] == '\r') {
        ++*i;
        /* A space between CR and LF makes the LF count again. */
        if (*i < len && u[*i] == '\n')
            ++*i;
        return '\n';
    }
    if (u[*i] < 0x80)
        return u[(*i)++];
    *i += utf8_next(u + *i, len - *i, &cp);
    if (cp == BAD)
        cp = REPLACEMENT;
    if (cp >= 0x10000) {
        *pending = (uint32_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
        return (uint32_t)(0xD800 + ((cp - 0x10000) >> 10));
    }
    return (uint32_t)cp;
}

/* The hash of the window that starts at a line: its first BLOCK units. */
static uint64_t
window_hash(const char *data, size_t len, size_t start)
{
    const unsigned char *u = (const unsigned char *)data;
    size_t i = start, k;
    uint32_t pending = 0;
    int eof = 0;
    uint64_t h = 0;

    for (k = 0; k < BLOCK; k++)
        h = 37 * h + next_unit(u, len, &i, &pending, &eof);
    return h;
}

/* Where the line that starts at i ends: its CR or LF, or len. *lf is
 * the next LF at or after a previous i (or len), kept between calls so
 * that a file of CR line ends is not searched to its end for every line. */
static size_t
line_end(const char *data, size_t len, size_t i, size_t *lf)
{
    const char *cr;

    if (*lf < i || *lf == (size_t)-1) {
        const char *nl = memchr(data + i, '\n', len - i);

        *lf = nl != NULL ? (size_t)(nl - data) : len;
    }
    cr = memchr(data + i, '\r', *lf - i);
    return cr != NULL ? (size_t)(cr - data) : *lf;
}

/* Byte offsets where the wanted (sorted) lines start. */
static void
line_starts(const char *data, size_t len, const unsigned *lines, size_t n,
            size_t *starts)
{
    size_t i = 0, k = 0, lf = (size_t)-1;
    unsigned line = 1;

    while (k < n && lines[k] < 1)
        starts[k++] = 0;
    while (k < n) {
        while (k < n && lines[k] == line)
            starts[k++] = i;
        if (k == n)
            break;
        i = line_end(data, len, i, &lf);
        if (i >= len)
            break;
        i += data[i] == '\r' && i + 1 < len && data[i + 1] == '\n' ? 2 : 1;
        line++;
    }
    while (k < n)
        starts[k++] = len;
}

void
acl_line_hashes(const char *data, size_t len, const unsigned *lines, size_t n,
                char (*out)[ACL_LINE_HASH_SIZE])
{
    struct hasher *h = acl_xcalloc(1, sizeof *h);
    size_t *starts = acl_xcalloc(n + 1, sizeof *starts);
    size_t i;

    h->pow = 1;
    for (i = 0; i < BLOCK; i++)
        h->pow *= 37;
    for (i = 0; i < n; i++)
        out[i][0] = '\0';
    h->want = lines;
    h->nwant = n;
    h->out = out;
    /* The wanted lines' hashes straight from their text; then one
     * rolling pass counts how often each occurs up to its line. */
    line_starts(data, len, lines, n, starts);
    for (i = 0; i < n; i++)
        count_slot(&h->counts, window_hash(data, len, starts[i]), 1);
    run_pass(h, data, len);
    free(starts);
    free(h->counts.keys);
    free(h->counts.vals);
    free(h);
}
