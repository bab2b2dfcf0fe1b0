/*
 * schema_str.c - string measures the schema needs with JavaScript's
 * meaning: lengths in UTF-16 code units, String.prototype.trim, and the
 * WHATWG URL parser's accept/reject decision (the part zod's .url()
 * uses), approximated closely enough for configuration values.
 */
#include "schema_int.h"

size_t
acl_sx_utf16_len(const char *s, size_t len)
{
    size_t i, n = 0;

    for (i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];

        if ((c & 0xC0) != 0x80)
            n += c >= 0xF0 ? 2 : 1;
    }
    return n;
}

unsigned long
acl_sx_next_cp(const char *s, size_t len, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    unsigned long cp;
    int k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;

    cp = k == 3 ? (c & 7u) : k == 2 ? (c & 15u) : k == 1 ? (c & 31u) : c;
    (*i)++;
    while (k-- > 0 && *i < len) {
        cp = (cp << 6) | ((unsigned char)s[*i] & 0x3Fu);
        (*i)++;
    }
    return cp;
}

int
acl_sx_js_space(unsigned long c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 ||
           c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == 0xFEFF;
}

int
acl_sx_has_space(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len)
        if (acl_sx_js_space(acl_sx_next_cp(s, len, &i)))
            return 1;
    return 0;
}

void
acl_sx_trim(const char *s, size_t len, size_t *start, size_t *end)
{
    size_t i = 0, j, last = 0, first = len;
    int seen = 0;

    while (i < len) {
        j = i;
        if (!acl_sx_js_space(acl_sx_next_cp(s, len, &i))) {
            if (!seen)
                first = j;
            seen = 1;
            last = i;
        }
    }
    *start = seen ? first : 0;
    *end = seen ? last : 0;
}

int
acl_sx_utf8_valid(const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        size_t k = c < 0x80 ? 0 : c >= 0xC2 && c < 0xE0 ? 1 : c >= 0xE0 && c < 0xF0 ? 2
                 : c >= 0xF0 && c < 0xF5 ? 3 : 9;
        unsigned long cp;
        size_t j;

        if (k == 9 || i + k >= len + (k == 0))
            return 0;
        cp = k == 0 ? c : c & (0x3Fu >> k);
        for (j = 1; j <= k; j++) {
            if (((unsigned char)s[i + j] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | ((unsigned char)s[i + j] & 0x3F);
        }
        if ((k == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += k + 1;
    }
    return 1;
}
