/*
 * lsp_io.c - JSON-RPC framing for the language server: splitting the
 * input into messages, writing messages, and the poll loop that
 * debounces lints.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/lsp.h"

/* A header block longer than this is not LSP. */
#define MAX_HEADER 8192

struct acl_lsp_reader {
    struct acl_buf buf;
    size_t pos;  /* start of unread input in buf */
    size_t skip; /* bytes of an oversized body still to drop */
    size_t max;
};

struct acl_lsp_reader *
acl_lsp_reader_new(size_t max)
{
    struct acl_lsp_reader *r = acl_xcalloc(1, sizeof *r);

    r->max = max;
    return r;
}

void
acl_lsp_reader_free(struct acl_lsp_reader *r)
{
    if (r == NULL)
        return;
    acl_buf_free(&r->buf);
    free(r);
}

/* Drops consumed input once it is most of the buffer. */
static void
compact(struct acl_lsp_reader *r)
{
    if (r->pos == 0 || r->pos < r->buf.len / 2)
        return;
    memmove(r->buf.data, r->buf.data + r->pos, r->buf.len - r->pos);
    r->buf.len -= r->pos;
    r->buf.data[r->buf.len] = '\0';
    r->pos = 0;
}

void
acl_lsp_reader_feed(struct acl_lsp_reader *r, const char *data, size_t n)
{
    size_t drop = n < r->skip ? n : r->skip;

    r->skip -= drop;
    if (n > drop)
        acl_buf_append(&r->buf, data + drop, n - drop);
}

/* The end of the header block at s[0, n) (the blank line included),
 * or 0 when it is not complete. Lone LFs are accepted too. */
static size_t
header_end(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i + 1 < n; i++) {
        if (s[i] != '\n')
            continue;
        if (s[i + 1] == '\n')
            return i + 2;
        if (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n')
            return i + 3;
    }
    return 0;
}

/* The Content-Length of a header block, or -1. */
static long long
content_length(const char *s, size_t n)
{
    const char *p = s, *end = s + n;
    static const char name[] = "content-length:";

    while (p < end) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t k = eol ? (size_t)(eol - p) : (size_t)(end - p);

        if (k >= sizeof name - 1 &&
            strncasecmp(p, name, sizeof name - 1) == 0) {
            const char *d = p + sizeof name - 1;
            long long v = 0;
            int digits = 0;

            while (d < p + k && (*d == ' ' || *d == '\t'))
                d++;
            for (; d < p + k && *d >= '0' && *d <= '9' && v < (1LL << 40);
                 d++) {
                v = v * 10 + (*d - '0');
                digits++;
            }
            while (d < p + k && (*d == ' ' || *d == '\t' || *d == '\r'))
                d++;
            return digits > 0 && d == p + k ? v : -1;
        }
        p += k + 1;
    }
    return -1;
}

int
acl_lsp_reader_next(struct acl_lsp_reader *r, char **body, size_t *len,
                    struct acl_error *err)
{
    const char *s = r->buf.data + r->pos;
    size_t n = r->buf.len - r->pos, h;
    long long cl;

    if (n == 0 || r->skip > 0)
        return 0;
    if ((h = header_end(s, n)) == 0) {
        if (n <= MAX_HEADER)
            return 0;
        r->pos = r->buf.len; /* no header ends: drop what came */
        compact(r);
        return acl_error_set(err, "message header longer than %d bytes",
                             MAX_HEADER);
    }
    if ((cl = content_length(s, h)) < 0) {
        r->pos += h;
        compact(r);
        return acl_error_set(err, "message header without a valid "
                                  "Content-Length");
    }
    if ((unsigned long long)cl > r->max) {
        size_t have = n - h < (size_t)cl ? n - h : (size_t)cl;

        r->pos += h + have;
        r->skip = (size_t)cl - have;
        compact(r);
        return acl_error_set(err,
                             "message of %lld bytes is larger than "
                             "the limit of %zu",
                             cl, r->max);
    }
    if (n - h < (size_t)cl)
        return 0;
    *body = acl_xstrndup(s + h, (size_t)cl);
    *len = (size_t)cl;
    r->pos += h + (size_t)cl;
    compact(r);
    return 1;
}

void
acl_lsp_write(FILE *out, const char *body, size_t len)
{
    fprintf(out, "Content-Length: %zu\r\n\r\n", len);
    fwrite(body, 1, len, out);
    fflush(out);
}

/* Feeds what fd has to the reader. Returns 0 at end of input. */
static int
read_some(int fd, struct acl_lsp_reader *r)
{
    char chunk[65536];
    ssize_t n;

    do
        n = read(fd, chunk, sizeof chunk);
    while (n < 0 && errno == EINTR);
    if (n <= 0)
        return 0;
    acl_lsp_reader_feed(r, chunk, (size_t)n);
    return 1;
}

/* Handles every whole message the reader holds. */
static void
drain(struct acl_lsp *s, struct acl_lsp_reader *r)
{
    struct acl_error err;
    char *body;
    size_t len;
    int rc, code;

    while (!acl_lsp_exited(s, &code) &&
           (rc = acl_lsp_reader_next(r, &body, &len, &err)) != 0) {
        if (rc < 0) {
            acl_lsp_reject(s, err.text);
            continue;
        }
        acl_lsp_handle(s, body, len);
        free(body);
    }
}

int
acl_lsp_main(int in, FILE *out)
{
    struct acl_lsp *s = acl_lsp_new(out);
    struct acl_lsp_reader *r = acl_lsp_reader_new((size_t)64 << 20);
    int code = 1;

    for (;;) {
        struct pollfd pfd = {in, POLLIN, 0};
        int n = poll(&pfd, 1, acl_lsp_pending(s) ? ACL_LSP_DEBOUNCE_MS : -1);

        if (n < 0 && errno == EINTR)
            continue;
        if (n == 0) {
            acl_lsp_flush(s);
            continue;
        }
        if (n < 0 || !read_some(in, r))
            break;
        drain(s, r);
        if (acl_lsp_exited(s, &code))
            break;
    }
    acl_lsp_exited(s, &code);
    acl_lsp_reader_free(r);
    acl_lsp_free(s);
    return code;
}
