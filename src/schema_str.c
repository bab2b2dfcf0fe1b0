/*
 * schema_str.c - string measures the schema needs with JavaScript's
 * meaning: lengths in UTF-16 code units, String.prototype.trim, and the
 * WHATWG URL parser's accept/reject decision (the part zod's .url()
 * uses), approximated closely enough for configuration values.
 */
#include <string.h>

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

/* Decodes the code point at s[*i] (valid UTF-8 assumed; a stray byte
 * reads as itself) and advances *i. */
static unsigned long
sx_cp(const char *s, size_t len, size_t *i)
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

/* JavaScript's WhiteSpace and LineTerminator code points (\s, trim). */
static int
sx_js_space(unsigned long c)
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
        if (sx_js_space(sx_cp(s, len, &i)))
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
        if (!sx_js_space(sx_cp(s, len, &i))) {
            if (!seen)
                first = j;
            seen = 1;
            last = i;
        }
    }
    *start = seen ? first : 0;
    *end = seen ? last : 0;
}

char *
acl_sx_url_clean(const char *s, size_t len, size_t *outlen)
{
    size_t a, e, i, n = 0;
    char *out;

    acl_sx_trim(s, len, &a, &e);
    out = acl_xmalloc(e - a + 1);
    for (i = a; i < e; i++)
        if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            out[n++] = s[i];
    out[n] = '\0';
    *outlen = n;
    return out;
}

static int
sx_hex(int c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
           (c >= 'A' && c <= 'F');
}

/* A bracketed IPv6 address, without the brackets: hex groups, one "::"
 * at most, an optional dotted IPv4 tail. */
static int
sx_ipv6(const char *s, size_t n)
{
    size_t i = 0, groups = 0;
    int dbl = 0;

    if (n >= 2 && s[0] == ':' && s[1] == ':') {
        dbl = 1;
        i = 2;
    } else if (n > 0 && s[0] == ':') {
        return 0;
    }
    while (i < n) {
        size_t h = 0, st = i;

        while (i < n && sx_hex(s[i]) && h < 5) {
            i++;
            h++;
        }
        if (i < n && s[i] == '.') { /* IPv4 tail: digits and dots */
            for (i = st; i < n; i++)
                if (!(s[i] == '.' || (s[i] >= '0' && s[i] <= '9')))
                    return 0;
            groups += 2;
            break;
        }
        if (h == 0 || h > 4)
            return 0;
        groups++;
        if (i == n)
            break;
        if (s[i] != ':')
            return 0;
        i++;
        if (i < n && s[i] == ':') {
            if (dbl)
                return 0;
            dbl = 1;
            i++;
        } else if (i == n) {
            return 0;
        }
    }
    return dbl ? groups <= 7 : groups == 8;
}

/* One IPv4 part: decimal, 0x hex or 0-led octal; its value or -1. */
static double
sx_ipv4_part(const char *s, size_t n)
{
    double v = 0;
    int base = 10;
    size_t i = 0;

    if (n >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        i = 2;
    } else if (n >= 2 && s[0] == '0') {
        base = 8;
        i = 1;
    }
    if (n == 0)
        return -1;
    for (; i < n; i++) {
        int c = s[i], d;

        if (c >= '0' && c <= '9')
            d = c - '0';
        else if (base == 16 && sx_hex(c))
            d = (c | 0x20) - 'a' + 10;
        else
            return -1;
        if (d >= base)
            return -1;
        v = v * base + d;
    }
    return v;
}

/* Does the host end in a number, so that it must parse as IPv4? */
static int
sx_ends_in_number(const char *h, size_t n)
{
    size_t e = n, st, i;

    if (e > 0 && h[e - 1] == '.')
        e--;
    if (e == 0)
        return 0;
    st = e;
    while (st > 0 && h[st - 1] != '.')
        st--;
    for (i = st; i < e && h[i] >= '0' && h[i] <= '9'; i++)
        ;
    if (i == e)
        return 1;
    if (e - st >= 2 && h[st] == '0' && (h[st + 1] == 'x' || h[st + 1] == 'X')) {
        for (i = st + 2; i < e && sx_hex(h[i]); i++)
            ;
        return i == e;
    }
    return 0;
}

static int
sx_ipv4(const char *h, size_t n)
{
    double parts[5];
    size_t np = 0, st = 0, i;

    if (n > 0 && h[n - 1] == '.')
        n--;
    for (i = 0; i <= n; i++) {
        if (i < n && h[i] != '.')
            continue;
        if (np == 4)
            return 0;
        parts[np] = sx_ipv4_part(h + st, i - st);
        if (parts[np] < 0)
            return 0;
        np++;
        st = i + 1;
    }
    for (i = 0; i + 1 < np; i++)
        if (parts[i] > 255)
            return 0;
    {
        double lim = 1;

        for (i = np; i <= 4; i++)
            lim *= 256;
        return parts[np - 1] < lim;
    }
}

static int
sx_unhex(int c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* A special URL's domain: percent-decoded, then no forbidden domain code
 * point; a host ending in a number must be IPv4. Non-ASCII labels (IDN)
 * are accepted. */
static int
sx_domain(const char *s, size_t n)
{
    char buf[512];
    size_t i, m = 0;

    if (n == 0 || n >= sizeof buf)
        return n != 0 && n < 4096;
    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c == '%' && i + 2 < n + 0 && sx_hex(s[i + 1]) && sx_hex(s[i + 2])) {
            c = (unsigned char)(sx_unhex(s[i + 1]) * 16 + sx_unhex(s[i + 2]));
            i += 2;
        }
        buf[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    for (i = 0; i < m; i++) {
        unsigned char c = (unsigned char)buf[i];

        if (c <= 0x20 || c == 0x7F || strchr("#%/:<>?@[\\]^|", c) != NULL)
            return 0;
    }
    return sx_ends_in_number(buf, m) ? sx_ipv4(buf, m) : 1;
}

static int
sx_opaque_host(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] == '\0' || s[i] == ' ' || strchr("#/:<>?@[\\]^|", s[i]))
            return 0;
    return 1;
}

/* host[:port] of an authority; special: a domain, else opaque. */
static int
sx_hostport(const char *s, size_t n, int special, int allow_empty)
{
    size_t h = 0, i;
    double port = 0;

    if (n > 0 && s[0] == '[') {
        while (h < n && s[h] != ']')
            h++;
        if (h == n || !sx_ipv6(s + 1, h - 1))
            return 0;
        h++;
        if (h < n && s[h] != ':')
            return 0;
    } else {
        while (h < n && s[h] != ':')
            h++;
        if (h == 0 && !allow_empty)
            return 0;
        if (h > 0 && !(special ? sx_domain(s, h) : sx_opaque_host(s, h)))
            return 0;
    }
    for (i = h + 1; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        port = port * 10 + (s[i] - '0');
        if (port > 65535)
            return 0;
    }
    return 1;
}

static int
sx_authority(const char *s, size_t n, int special, int allow_empty)
{
    size_t at = n, i;

    for (i = 0; i < n; i++)
        if (s[i] == '@')
            at = i;
    if (at < n) {
        if (at + 1 == n)
            return 0; /* credentials without a host */
        s += at + 1;
        n -= at + 1;
    }
    return sx_hostport(s, n, special, allow_empty);
}

static int
sx_scheme_is(const char *s, size_t n, const char *name)
{
    size_t i;

    if (strlen(name) != n)
        return 0;
    for (i = 0; i < n; i++)
        if ((s[i] | 0x20) != name[i])
            return 0;
    return 1;
}

static int
sx_url_parts(const char *u, size_t n)
{
    size_t i = 0, sl, e;
    int special, file;

    if (n == 0 || !((u[0] | 0x20) >= 'a' && (u[0] | 0x20) <= 'z'))
        return 0;
    while (i < n && (((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z') ||
                     (u[i] >= '0' && u[i] <= '9') || u[i] == '+' ||
                     u[i] == '-' || u[i] == '.'))
        i++;
    if (i == n || u[i] != ':')
        return 0;
    file = sx_scheme_is(u, i, "file");
    special = file || sx_scheme_is(u, i, "http") || sx_scheme_is(u, i, "https") ||
              sx_scheme_is(u, i, "ws") || sx_scheme_is(u, i, "wss") ||
              sx_scheme_is(u, i, "ftp");
    u += i + 1;
    n -= i + 1;
    for (sl = 0; sl < n && (u[sl] == '/' || (special && u[sl] == '\\')); sl++)
        ;
    if (file && sl < 2)
        return 1;
    if (!special && sl < 2)
        return 1; /* an opaque path: anything goes */
    if (!special || file)
        sl = 2;
    for (e = sl; e < n && u[e] != '/' && u[e] != '?' && u[e] != '#' &&
                 !(special && u[e] == '\\');
         e++)
        ;
    return sx_authority(u + sl, e - sl, special, !special || file);
}

int
acl_sx_url_ok(const char *s, size_t len)
{
    size_t n, a = 0, e;
    char *u = acl_sx_url_clean(s, len, &n);
    int ok;

    e = n; /* the parser also strips C0 controls and spaces at the edges */
    while (a < e && (unsigned char)u[a] <= 0x20)
        a++;
    while (e > a && (unsigned char)u[e - 1] <= 0x20)
        e--;
    ok = sx_url_parts(u + a, e - a);
    free(u);
    return ok;
}
