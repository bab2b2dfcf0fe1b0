/*
 * file.c - safe whole-file reads, and line/column positions in texts.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/file.h"

/* Opens path for reading without ever blocking on a FIFO or device and
 * without making it our controlling terminal. */
static int
open_nonblocking(const char *path)
{
    return open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
}

static enum acl_read_status
read_all(int fd, const char *path, size_t size, char **out, size_t *len,
         struct acl_error *err)
{
    char *buf = acl_xmalloc(size + 1);
    size_t got = 0;

    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            acl_error_set(err, "%s: %s", path, strerror(errno));
            free(buf);
            return ACL_READ_ERROR;
        }
        if (n == 0)
            break; /* the file shrank while we read it */
        got += (size_t)n;
    }
    buf[got] = '\0';
    *out = buf;
    *len = got;
    return ACL_READ_OK;
}

enum acl_read_status
acl_read_file(const char *path, size_t max, char **out, size_t *len,
              struct acl_error *err)
{
    struct stat st;
    enum acl_read_status rs;
    int fd = open_nonblocking(path);

    if (fd < 0) {
        if (errno == ENOENT || errno == ENOTDIR) {
            acl_error_set(err, "%s: no such file", path);
            return ACL_READ_MISSING;
        }
        acl_error_set(err, "%s: %s", path, strerror(errno));
        return ACL_READ_ERROR;
    }
    if (fstat(fd, &st) != 0) {
        acl_error_set(err, "%s: %s", path, strerror(errno));
        close(fd);
        return ACL_READ_ERROR;
    }
    if (!S_ISREG(st.st_mode)) {
        acl_error_set(err, "%s: not a regular file", path);
        close(fd);
        return ACL_READ_NOT_FILE;
    }
    if ((unsigned long long)st.st_size > (unsigned long long)max) {
        acl_error_set(err, "%s: file is %lld bytes, larger than the limit "
                           "of %zu bytes", path, (long long)st.st_size, max);
        close(fd);
        return ACL_READ_TOO_BIG;
    }
    rs = read_all(fd, path, (size_t)st.st_size, out, len, err);
    close(fd);
    return rs;
}

/* What is made of a text while findings are placed and shown, kept
 * apart from the text so that the text itself stays read-only: its line
 * table (built on first use), the last position computed, and the
 * ranges that hold secrets. */
struct acl_text_marks {
    uint32_t *lines; /* byte offset of each line start */
    size_t nlines;
    /* The last position computed: on one long line, a later offset is
     * counted on from it. */
    struct acl_pos last;
    /* Byte ranges that hold secrets found by any rule: every output
     * hides them wherever it shows this text (another finding's
     * snippet on the same line included). Sorted and merged lazily. */
    struct acl_span *hidden;
    size_t nhidden, hidden_cap;
    int hidden_sorted;
};

struct acl_text *
acl_text_new(const char *path, const char *display, char *data, size_t len)
{
    struct acl_text *t = acl_xcalloc(1, sizeof *t);

    t->path = acl_xstrdup(path);
    t->display = acl_xstrdup(display);
    t->data = data;
    t->len = len;
    t->marks = acl_xcalloc(1, sizeof *t->marks);
    return t;
}

void
acl_text_free(struct acl_text *t)
{
    if (t == NULL)
        return;
    free(t->path);
    free(t->display);
    free(t->data);
    free(t->marks->lines);
    free(t->marks->hidden);
    free(t->marks);
    free(t);
}

void
acl_text_hide(const struct acl_text *t, size_t start, size_t end)
{
    if (end > t->len)
        end = t->len;
    if (start >= end)
        return;
    acl_xgrow((void **)&t->marks->hidden, &t->marks->hidden_cap, t->marks->nhidden + 1,
              sizeof *t->marks->hidden);
    t->marks->hidden[t->marks->nhidden].start = (uint32_t)start;
    t->marks->hidden[t->marks->nhidden].end = (uint32_t)end;
    t->marks->nhidden++;
    t->marks->hidden_sorted = 0;
}

static int
span_cmp(const void *a, const void *b)
{
    const struct acl_span *x = a, *y = b;

    return (x->start > y->start) - (x->start < y->start);
}

/* Sorts the hidden ranges and merges overlapping ones, so that both
 * starts and ends ascend and a binary search finds the one at hand. */
static void
sort_hidden(const struct acl_text *t)
{
    size_t i, n = 0;

    qsort(t->marks->hidden, t->marks->nhidden, sizeof *t->marks->hidden, span_cmp);
    for (i = 0; i < t->marks->nhidden; i++) {
        if (n > 0 && t->marks->hidden[i].start <= t->marks->hidden[n - 1].end) {
            if (t->marks->hidden[i].end > t->marks->hidden[n - 1].end)
                t->marks->hidden[n - 1].end = t->marks->hidden[i].end;
        } else {
            t->marks->hidden[n++] = t->marks->hidden[i];
        }
    }
    t->marks->nhidden = n;
    t->marks->hidden_sorted = 1;
}

size_t
acl_text_hidden_end(const struct acl_text *t, size_t offset)
{
    size_t lo = 0, hi;

    if (t->marks->nhidden == 0)
        return 0;
    if (!t->marks->hidden_sorted)
        sort_hidden(t);
    hi = t->marks->nhidden;
    while (lo < hi) { /* the first range ending after offset */
        size_t mid = lo + (hi - lo) / 2;

        if (t->marks->hidden[mid].end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->marks->nhidden && t->marks->hidden[lo].start <= offset
               ? t->marks->hidden[lo].end
               : 0;
}

/* Line starts of a text with LF endings only: memchr does the work. */
static void
build_lines_lf(const struct acl_text *t)
{
    const char *s = t->data, *end = s + t->len, *p;
    size_t n = 1;

    for (p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    t->marks->lines = acl_xmalloc(n * sizeof *t->marks->lines);
    t->marks->lines[0] = 0;
    t->marks->nlines = 1;
    for (p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        t->marks->lines[t->marks->nlines++] = (uint32_t)(p - s + 1);
}

static void
build_lines(const struct acl_text *t)
{
    size_t cap = 0, i;

    if (memchr(t->data, '\r', t->len) == NULL) {
        build_lines_lf(t);
        return;
    }
    acl_xgrow((void **)&t->marks->lines, &cap, 1, sizeof *t->marks->lines);
    t->marks->lines[0] = 0;
    t->marks->nlines = 1;
    for (i = 0; i < t->len; i++) {
        char c = t->data[i];

        if (c != '\n' && c != '\r')
            continue;
        if (c == '\r' && i + 1 < t->len && t->data[i + 1] == '\n')
            i++;
        acl_xgrow((void **)&t->marks->lines, &cap, t->marks->nlines + 1, sizeof *t->marks->lines);
        t->marks->lines[t->marks->nlines++] = (uint32_t)(i + 1);
    }
}

/* Index of the line holding offset: the last line start <= offset. */
static size_t
line_of(const struct acl_text *t, size_t offset)
{
    size_t lo = 0, hi = t->marks->nlines;

    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;

        if (t->marks->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void
acl_text_pos(const struct acl_text *t, size_t offset, struct acl_pos *out)
{
    size_t ln, i;
    unsigned col = 1, col16 = 1;

    if (t->marks->lines == NULL)
        build_lines(t);
    if (offset > t->len)
        offset = t->len;
    ln = line_of(t, offset);
    i = t->marks->lines[ln];
    /* Counting from the last position keeps many findings on one huge
     * line (a minified file) linear instead of quadratic. */
    if (t->marks->last.line == ln + 1 && t->marks->last.offset <= offset &&
        t->marks->last.offset >= i) {
        i = t->marks->last.offset;
        col = t->marks->last.col;
        col16 = t->marks->last.col16;
    }
    for (; i < offset; i++) {
        unsigned char c = (unsigned char)t->data[i];

        if ((c & 0xC0) == 0x80)
            continue; /* continuation byte: same character */
        col++;
        col16 += c >= 0xF0 ? 2 : 1; /* beyond the BMP: a surrogate pair */
    }
    out->line = (unsigned)ln + 1;
    out->col = col;
    out->col16 = col16;
    out->offset = offset;
    t->marks->last = *out;
}

size_t
acl_text_line_start(const struct acl_text *t, size_t n)
{
    if (t->marks->lines == NULL)
        build_lines(t);
    return n >= 1 && n <= t->marks->nlines ? t->marks->lines[n - 1] : t->len;
}

const char *
acl_text_line(const struct acl_text *t, unsigned n, size_t *len)
{
    size_t start, end;

    if (t->marks->lines == NULL)
        build_lines(t);
    if (n == 0 || n > t->marks->nlines) {
        *len = 0;
        return "";
    }
    start = t->marks->lines[n - 1];
    end = n < t->marks->nlines ? t->marks->lines[n] : t->len;
    while (end > start && (t->data[end - 1] == '\n' || t->data[end - 1] == '\r'))
        end--;
    *len = end - start;
    return t->data + start;
}

const char *
acl_read_status_text(enum acl_read_status st, const struct acl_error *err)
{
    const char *colon = strstr(err->text, ": ");

    switch (st) {
    case ACL_READ_MISSING: return "no such file";
    case ACL_READ_NOT_FILE: return "not a regular file";
    case ACL_READ_TOO_BIG: return "larger than the size limit";
    default: return colon != NULL ? colon + 2 : err->text;
    }
}
