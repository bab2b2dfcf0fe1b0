/*
 * utf8.c - UTF-8 decoding (strict and lenient) and the table of unsafe
 * characters, shared by the JSON reader, every output format and the
 * error messages.
 */
#include "acl/utf8.h"

/* The lead byte's sequence length and the range its first continuation
 * byte must lie in (which rules out overlong forms, surrogates and
 * values above U+10FFFF); 0 for a byte that cannot start a sequence. */
static size_t
lead(unsigned char c, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF) {
        *lo = c == 0xE0 ? 0xA0 : 0x80;
        *hi = c == 0xED ? 0x9F : 0xBF;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        *lo = c == 0xF0 ? 0x90 : 0x80;
        *hi = c == 0xF4 ? 0x8F : 0xBF;
        return 4;
    }
    return 0;
}

size_t
acl_utf8_lenient(const char *s, size_t n, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char lo, hi;
    size_t k = u[0] < 0x80 ? 1 : lead(u[0], &lo, &hi), i;

    if (k <= 1) {
        *cp = k == 1 ? u[0] : ACL_UTF8_BAD;
        return 1;
    }
    *cp = u[0] & (0x7F >> k);
    for (i = 1; i < k; i++) {
        if (i >= n || u[i] < lo || u[i] > hi) {
            *cp = ACL_UTF8_BAD;
            return i;
        }
        *cp = (*cp << 6) | (u[i] & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    return k;
}

size_t
acl_utf8_strict(const char *s, size_t n, uint32_t *cp)
{
    size_t k = acl_utf8_lenient(s, n, cp);

    return *cp == ACL_UTF8_BAD ? 0 : k;
}

int
acl_utf8_valid(const char *s, size_t n)
{
    size_t i = 0, k;
    uint32_t cp;

    while (i < n) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        if ((k = acl_utf8_strict(s + i, n - i, &cp)) == 0)
            return 0;
        i += k;
    }
    return 1;
}

int
acl_utf8_unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x061C ||
           cp == 0x200E || cp == 0x200F || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0xFEFF;
}

size_t
acl_utf8_put(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

void
acl_utf8_count(const char *s, size_t n, size_t *chars, size_t *units16)
{
    size_t i, c = 0, u = 0;

    for (i = 0; i < n; i++) {
        unsigned char b = (unsigned char)s[i];

        if ((b & 0xC0) == 0x80)
            continue; /* continuation byte: same character */
        c++;
        u += b >= 0xF0 ? 2 : 1; /* beyond the BMP: a surrogate pair */
    }
    if (chars != NULL)
        *chars = c;
    if (units16 != NULL)
        *units16 = u;
}

size_t
acl_utf16_skip(const char *s, size_t n, size_t units)
{
    size_t i = 0, u = 0;

    while (i < n && u < units) {
        unsigned char b = (unsigned char)s[i++];

        if ((b & 0xC0) != 0x80)
            u += b >= 0xF0 ? 2 : 1;
    }
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}
