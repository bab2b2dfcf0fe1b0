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
acl_jptr_next(const char **p, struct acl_buf *tok)
{
    const char *s = *p;

    if (*s == '\0')
        return 1;
    if (*s != '/')
        return -1;
    acl_buf_reset(tok);
    acl_buf_append(tok, "", 0);
    for (s++; *s != '\0' && *s != '/'; s++) {
        if (*s != '~') {
            acl_buf_putc(tok, *s);
        } else if (s[1] == '0' || s[1] == '1') {
            acl_buf_putc(tok, s[1] == '0' ? '~' : '/');
            s++;
        } else {
            return -1;
        }
    }
    *p = s;
    return 0;
}
