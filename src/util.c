/*
 * util.c - memory helpers, growable buffers, errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/util.h"

int
acl_error_set(struct acl_error *err, const char *fmt, ...)
{
    va_list ap;

    if (err != NULL) {
        va_start(ap, fmt);
        vsnprintf(err->text, sizeof err->text, fmt, ap);
        va_end(ap);
    }
    return -1;
}

/* Out of memory: the one place outside the command line that prints,
 * because no caller could do anything better than stop. */
static void
oom(void)
{
    fputs("agentcore-lint: out of memory\n", stderr);
    exit(2);
}

void *
acl_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);

    if (p == NULL)
        oom();
    return p;
}

void *
acl_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);

    if (p == NULL)
        oom();
    return p;
}

void *
acl_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);

    if (q == NULL)
        oom();
    return q;
}

void
acl_xgrow(void **p, size_t *cap, size_t need, size_t size)
{
    size_t c = *cap ? *cap : 8;

    if (need <= *cap)
        return;
    while (c < need) {
        if (c > ((size_t)-1) / 2 / size)
            oom();
        c *= 2;
    }
    *p = acl_xrealloc(*p, c * size);
    *cap = c;
}

char *
acl_xstrdup(const char *s)
{
    return acl_xstrndup(s, strlen(s));
}

char *
acl_xstrndup(const char *s, size_t n)
{
    char *p = acl_xmalloc(n + 1);

    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *
acl_path_join(const char *dir, const char *rel)
{
    if (dir[0] == '\0' || strcmp(dir, ".") == 0)
        return acl_xstrdup(rel);
    return acl_xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
                         rel);
}

char *
acl_xvasprintf(const char *fmt, va_list ap)
{
    va_list copy;
    int n;
    char *p;

    va_copy(copy, ap);
    n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        n = 0;
    p = acl_xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *
acl_xasprintf(const char *fmt, ...)
{
    va_list ap;
    char *p;

    va_start(ap, fmt);
    p = acl_xvasprintf(fmt, ap);
    va_end(ap);
    return p;
}

void
acl_buf_append(struct acl_buf *b, const char *s, size_t n)
{
    acl_xgrow((void **)&b->data, &b->cap, b->len + n + 1, 1);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void
acl_buf_puts(struct acl_buf *b, const char *s)
{
    acl_buf_append(b, s, strlen(s));
}

void
acl_buf_putc(struct acl_buf *b, char c)
{
    acl_buf_append(b, &c, 1);
}

/* Formats straight into the spare room, and only when that is too
 * small grows the buffer and formats again. */
void
acl_buf_printf(struct acl_buf *b, const char *fmt, ...)
{
    va_list ap;
    size_t room;
    int n;

    acl_xgrow((void **)&b->data, &b->cap, b->len + 64, 1);
    room = b->cap - b->len;
    va_start(ap, fmt);
    n = vsnprintf(b->data + b->len, room, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        acl_xgrow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1);
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

void
acl_buf_reset(struct acl_buf *b)
{
    b->len = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

char *
acl_buf_steal(struct acl_buf *b)
{
    char *p = b->data;

    if (p == NULL)
        p = acl_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void
acl_buf_free(struct acl_buf *b)
{
    if (b == NULL)
        return;
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int
acl_ascii_lower(int c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

int
acl_strieq(const char *a, const char *b)
{
    while (*a && acl_ascii_lower((unsigned char)*a) ==
                     acl_ascii_lower((unsigned char)*b)) {
        a++;
        b++;
    }
    return *a == '\0' && *b == '\0';
}

int
acl_starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int
acl_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);

    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}
