/*
 * schema_str.c - string measures the schema needs with JavaScript's
 * meaning: lengths in UTF-16 code units, String.prototype.trim, and the
 * WHATWG URL parser's accept/reject decision (the part zod's .url()
 * uses), approximated closely enough for configuration values.
 */
#include "acl/utf8.h"
#include "schema_int.h"

size_t
acl_sx_utf16_len(const char *s, size_t len)
{
    size_t n;

    acl_utf8_count(s, len, NULL, &n);
    return n;
}

unsigned long
acl_sx_next_cp(const char *s, size_t len, size_t *i)
{
    uint32_t cp;

    /* The strings measured here come from the JSON parser, which
     * accepts only valid UTF-8; a bad sequence would read as U+FFFD. */
    *i += acl_utf8_lenient(s + *i, len - *i, &cp);
    return cp == ACL_UTF8_BAD ? 0xFFFDul : cp;
}

int
acl_sx_js_space(unsigned long c)
{
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
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
    return acl_utf8_valid(s, len);
}
