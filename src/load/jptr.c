/*
 * jptr.c - RFC 6901 JSON pointers: "~" is written "~0", "/" is "~1".
 */
#include <stdio.h>
#include <string.h>

#include "acl/jptr.h"

void
acl_jptr_append(struct acl_buf *b, const char *token, size_t len)
{
    size_t i, run = 0;

    acl_buf_append(b, "/", 1);
    for (i = 0; i < len; i++) {
        if (token[i] != '~' && token[i] != '/')
            continue;
        acl_buf_append(b, token + run, i - run);
        acl_buf_append(b, token[i] == '~' ? "~0" : "~1", 2);
        run = i + 1;
    }
    acl_buf_append(b, token + run, len - run);
}

void
acl_jptr_append_index(struct acl_buf *b, size_t index)
{
    char digits[24];
    size_t n = sizeof digits;

    do {
        digits[--n] = (char)('0' + index % 10);
        index /= 10;
    } while (index > 0);
    digits[--n] = '/';
    acl_buf_append(b, digits + n, sizeof digits - n);
}

char *
acl_jptr_join(const char *base, const char *token, size_t len)
{
    struct acl_buf b = {0};

    acl_buf_puts(&b, base);
    acl_jptr_append(&b, token, len);
    return acl_buf_steal(&b);
}

char *
acl_jptr_index(const char *base, size_t index)
{
    struct acl_buf b = {0};

    acl_buf_puts(&b, base);
    acl_jptr_append_index(&b, index);
    return acl_buf_steal(&b);
}

int
acl_jptr_unescape(struct acl_buf *b, const char *s, size_t n)
{
    size_t i;
    int rc = 0;

    acl_buf_append(b, "", 0);
    for (i = 0; i < n; i++) {
        if (s[i] == '~' && i + 1 < n && (s[i + 1] == '0' || s[i + 1] == '1')) {
            acl_buf_putc(b, s[i + 1] == '0' ? '~' : '/');
            i++;
            continue;
        }
        if (s[i] == '~')
            rc = -1;
        acl_buf_putc(b, s[i]);
    }
    return rc;
}

int
acl_jptr_next(const char **p, struct acl_buf *tok)
{
    const char *s = *p;
    size_t n;

    if (*s == '\0')
        return 1;
    if (*s != '/')
        return -1;
    n = strcspn(s + 1, "/");
    acl_buf_reset(tok);
    if (acl_jptr_unescape(tok, s + 1, n) != 0)
        return -1;
    *p = s + 1 + n;
    return 0;
}
