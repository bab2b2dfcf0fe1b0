/*
 * schema_url.c - the host half of the one URL parser (url.c finds the
 * parts, this judges the authority as the WHATWG parser - Node's URL,
 * which zod's .url() calls - would): userinfo, host, port, IPv4 and
 * IPv6 hosts, forbidden host code points and percent-decoding. Where
 * the real parser runs UTS 46 (IDNA) on non-ASCII hosts this accepts
 * letters and symbols and rejects controls, separators and noncharacters,
 * and checks that "xn--" labels decode as Punycode. Paths, queries and
 * fragments never make a URL fail, so they are not looked at.
 */
#include <string.h>

#include "acl/url.h"
#include "schema_int.h"

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

static int
sx_unhex(int c)
{
    return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

static int
sx_digit(int c)
{
    return c >= '0' && c <= '9';
}

/* The dotted IPv4 tail of an IPv6 address (spec: IPv6 parser, step
 * "ipv4"): four decimal parts, 0-255, no leading zero. Adds its two
 * pieces to *piece. */
static int
sx_ipv6_v4(const char *s, size_t n, size_t p, int *piece)
{
    int seen = 0;

    if (*piece > 6)
        return 0;
    while (p < n) {
        int v = -1;

        if (seen > 0) {
            if (s[p] != '.' || seen >= 4)
                return 0;
            p++;
        }
        if (p >= n || !sx_digit(s[p]))
            return 0;
        for (; p < n && sx_digit(s[p]); p++) {
            if (v == 0)
                return 0;
            v = (v < 0 ? 0 : v * 10) + (s[p] - '0');
            if (v > 255)
                return 0;
        }
        seen++;
        if (seen == 2 || seen == 4)
            (*piece)++;
    }
    return seen == 4;
}

/* A bracketed IPv6 address, without the brackets. */
static int
sx_ipv6(const char *s, size_t n)
{
    size_t p = 0, len;
    int piece = 0, compress = -1;

    if (n > 0 && s[0] == ':') {
        if (n < 2 || s[1] != ':')
            return 0;
        p = 2;
        compress = ++piece;
    }
    while (p < n) {
        if (piece == 8)
            return 0;
        if (s[p] == ':') {
            if (compress != -1)
                return 0;
            p++;
            compress = ++piece;
            continue;
        }
        for (len = 0; len < 4 && p < n && sx_hex(s[p]); len++)
            p++;
        if (p < n && s[p] == '.')
            return len > 0 && sx_ipv6_v4(s, n, p - len, &piece) &&
                   (compress != -1 || piece == 8);
        if (p < n && s[p] == ':') {
            if (++p >= n)
                return 0;
        } else if (p < n) {
            return 0;
        }
        piece++;
    }
    return compress != -1 || piece == 8;
}

/* One IPv4 part: decimal, 0x hex (empty is 0) or 0-led octal; its value
 * or -1. */
static double
sx_ipv4_part(const char *s, size_t n)
{
    double v = 0;
    int base = 10;
    size_t i = 0;

    if (n == 0)
        return -1;
    if (n >= 2 && s[0] == '0' && (s[1] | 0x20) == 'x') {
        base = 16;
        i = 2;
    } else if (n >= 2 && s[0] == '0') {
        base = 8;
        i = 1;
    }
    for (; i < n; i++) {
        int d = sx_digit(s[i]) ? s[i] - '0'
                : sx_hex(s[i]) ? sx_unhex(s[i])
                               : 99;

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

    if (e > 0 && h[e - 1] == '.' && e > 1)
        e--;
    st = e;
    while (st > 0 && h[st - 1] != '.')
        st--;
    if (st == e)
        return 0;
    for (i = st; i < e && sx_digit(h[i]); i++)
        ;
    if (i == e)
        return 1;
    if (e - st >= 2 && h[st] == '0' && (h[st + 1] | 0x20) == 'x') {
        for (i = st + 2; i < e && sx_hex(h[i]); i++)
            ;
        return i == e;
    }
    return 0;
}

static int
sx_ipv4(const char *h, size_t n)
{
    double parts[4], lim = 1;
    size_t np = 0, st = 0, i;

    if (n > 1 && h[n - 1] == '.')
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
    for (i = np; i <= 4; i++)
        lim *= 256;
    return parts[np - 1] < lim;
}

/* The run of non-ASCII code point c, or NULL above U+10FFFF. */
static const struct acl_sx_idna_run *
sx_idna_run(unsigned long c)
{
    size_t lo = 0, hi = acl_sx_idna_nruns;

    if (c > 0x10FFFF || hi == 0 || c < acl_sx_idna_runs[0].start)
        return NULL;
    while (hi - lo > 1) { /* the last run that starts at or before c */
        size_t mid = lo + (hi - lo) / 2;

        if (acl_sx_idna_runs[mid].start <= c)
            lo = mid;
        else
            hi = mid;
    }
    return &acl_sx_idna_runs[lo];
}

/* The status of non-ASCII code point c in a host label (at its start
 * when first): ACL_SX_IDNA_*. */
static int
sx_idna(unsigned long c, int first)
{
    const struct acl_sx_idna_run *r = sx_idna_run(c);

    return r == NULL ? ACL_SX_IDNA_REFUSED : (r->status >> (first ? 2 : 0)) & 3;
}

/* The bidi class of a host code point (ASCII ones lower-cased). */
static int
sx_bidi_class(unsigned long c)
{
    const struct acl_sx_idna_run *r;

    if (c < 0x80)
        return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? ACL_SX_BIDI_L
               : c >= '0' && c <= '9'                   ? ACL_SX_BIDI_EN
                                                        : ACL_SX_BIDI_NEUTRAL;
    r = sx_idna_run(c);
    return r == NULL ? ACL_SX_BIDI_OTHER : (r->status >> 4) & 7;
}

/* The bidi rule of Node's URL parser, fed one label's classes in order.
 * It applies only to a label that holds R, AL or AN. A label starting
 * with L may then hold only L, EN, neutrals and NSM before its last
 * (non-NSM) character; any other only R, AL, AN, EN, neutrals and NSM,
 * ending in R, AL, EN or AN, and not both EN and AN. (Measured on Node:
 * it differs from RFC 5893 rules 1, 5 and 6.) */
struct sx_bidi {
    int first, last, n;
    int rtl, en, an, ltr_bad, rtl_bad;
};

static void
sx_bidi_add(struct sx_bidi *b, int c)
{
    if (b->n++ == 0)
        b->first = c;
    b->rtl |= c == ACL_SX_BIDI_RTL || c == ACL_SX_BIDI_AN;
    b->en |= c == ACL_SX_BIDI_EN;
    b->an |= c == ACL_SX_BIDI_AN;
    b->rtl_bad |= c == ACL_SX_BIDI_L || c == ACL_SX_BIDI_OTHER;
    if (c == ACL_SX_BIDI_NSM)
        return;
    if (b->n > 1 && b->last != -1)
        b->ltr_bad |= b->last >= ACL_SX_BIDI_RTL;
    b->last = c;
}

static int
sx_bidi_ok(const struct sx_bidi *b)
{
    if (!b->rtl)
        return 1;
    if (b->first == ACL_SX_BIDI_L)
        return !b->ltr_bad;
    return !b->rtl_bad && !(b->en && b->an) &&
           (b->last == ACL_SX_BIDI_RTL || b->last == ACL_SX_BIDI_EN ||
            b->last == ACL_SX_BIDI_AN);
}

/* Decodes the Punycode label body s (n bytes, after "xn--") as RFC 3492
 * does into *out (code points, *len of them; the caller frees *out).
 * Returns 0 when it does not decode. */
static int
sx_punycode_decode(const char *s, size_t n, unsigned long **out, size_t *len)
{
    unsigned long i = 0, cp = 128, bias = 72, k, w, t, d, delta, *o;
    size_t j, in = 0, basic = 0, cap = n + 1;

    for (j = 0; j < n; j++) /* the basic code points end at the last '-' */
        if (s[j] == '-')
            basic = j, in = j + 1;
    o = *out = acl_xcalloc(cap, sizeof *o);
    for (*len = 0; *len < basic; ++*len) {
        if ((unsigned char)s[*len] >= 0x80)
            return 0; /* basic code points are ASCII */
        o[*len] = (unsigned char)s[*len];
    }
    while (in < n) {
        unsigned long old = i;

        for (w = 1, k = 36;; k += 36) {
            int c = in < n ? s[in++] | 0x20 : -1;

            d = c >= 'a' && c <= 'z'   ? (unsigned long)(c - 'a')
                : c >= '0' && c <= '9' ? (unsigned long)(c - '0' + 26)
                                       : 99;
            if (d == 99 || d > (0x7FFFFFFFUL - i) / w)
                return 0;
            i += d * w;
            t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
            if (d < t)
                break;
            if (w > 0x7FFFFFFFUL / (36 - t))
                return 0;
            w *= 36 - t;
        }
        delta = old == 0 ? (i - old) / 700 : (i - old) / 2;
        delta += delta / (*len + 1);
        for (k = 0; delta > 455; k += 36)
            delta /= 35;
        bias = k + 36 * delta / (delta + 38);
        cp += i / (*len + 1);
        i %= *len + 1;
        if (cp > 0x10FFFF || *len + 1 >= cap)
            return 0;
        memmove(o + i + 1, o + i, (*len - i) * sizeof *o);
        o[i++] = cp;
        ++*len;
    }
    return 1;
}

/* Does the Punycode label body (after "xn--") decode to a label Node's
 * URL parser accepts? Every non-ASCII code point must be one the parser
 * keeps as it is (a mapped one means the label is not in its normal
 * form), and a combining accent after an ASCII letter is a decomposed
 * letter (not NFC). With nothing after the last '-' the label is its
 * basic code points, which WHATWG's parser (unlike IDNA) accepts when
 * there are some. */
static int
sx_punycode_ok(const char *s, size_t n)
{
    unsigned long *cps = NULL;
    size_t len = 0, k;
    int ok = sx_punycode_decode(s, n, &cps, &len) && len > 0;

    struct sx_bidi bidi = {.last = -1};

    for (k = 0; ok && k < len; k++) {
        unsigned long c = cps[k];

        if (c >= 0x80 && sx_idna(c, k == 0) != ACL_SX_IDNA_VALID)
            ok = 0;
        if (c >= 0x300 && c <= 0x36F && k > 0 && cps[k - 1] < 0x80 &&
            ((cps[k - 1] | 0x20) >= 'a' && (cps[k - 1] | 0x20) <= 'z'))
            ok = 0;
        sx_bidi_add(&bidi, sx_bidi_class(c));
    }
    free(cps);
    return ok && sx_bidi_ok(&bidi);
}

/* One label of a domain (n bytes of d), as written: no forbidden or
 * refused code point, and the bidi rule. */
static int
sx_label_ok(const char *d, size_t n)
{
    struct sx_bidi bidi = {.last = -1};
    size_t j;

    for (j = 0; j < n;) {
        int first = j == 0;
        unsigned long c = acl_sx_next_cp(d, n, &j);

        if (c < 0x80
                ? c <= 0x20 || c == 0x7F || strchr("#%/:<>?@[\\]^|", (int)c)
                : sx_idna(c, first) == ACL_SX_IDNA_REFUSED)
            return 0;
        sx_bidi_add(&bidi, sx_bidi_class(c));
    }
    return sx_bidi_ok(&bidi);
}

/* Checks each label of a decoded, lower-cased domain (n bytes of d). */
static int
sx_labels_ok(const char *d, size_t n)
{
    size_t st = 0, i;

    for (i = 0; i <= n; i++) {
        if (i < n && d[i] != '.')
            continue;
        if (i - st >= 4 && memcmp(d + st, "xn--", 4) == 0 &&
            !sx_punycode_ok(d + st + 4, i - st - 4))
            return 0;
        if (!sx_label_ok(d + st, i - st))
            return 0;
        st = i + 1;
    }
    return 1;
}

/* A special URL's host: percent-decoded (must stay UTF-8), fullwidth
 * ASCII folded, then no forbidden domain code point; a host that ends in
 * a number must be an IPv4 address. */
static int
sx_domain(const char *s, size_t n)
{
    struct acl_buf b = {0};
    size_t i;
    int ok;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c == '%' && i + 2 < n + 0 && sx_hex(s[i + 1]) && sx_hex(s[i + 2])) {
            c = (unsigned char)(sx_unhex(s[i + 1]) * 16 + sx_unhex(s[i + 2]));
            i += 2;
        } else if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] >= 0xBC &&
                   (unsigned char)s[i + 1] <= 0xBD) { /* U+FF01..U+FF7F */
            unsigned long cp =
                ((unsigned long)(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);

            cp |= 0xF000;
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                c = (unsigned char)(cp - 0xFF01 + 0x21);
                i += 2;
            }
        }
        acl_buf_putc(&b, (char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
    }
    ok = b.len > 0 && acl_sx_utf8_valid(b.data, b.len) &&
         sx_labels_ok(b.data, b.len) &&
         (!sx_ends_in_number(b.data, b.len) || sx_ipv4(b.data, b.len));
    acl_buf_free(&b);
    return ok;
}

/* A non-special URL's host: any code point but the forbidden host ones. */
static int
sx_opaque_host(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (s[i] == '\0' || s[i] == ' ' || strchr("#/:<>?@[\\]^|", s[i]))
            return 0;
    return 1;
}

/* host[:port]: an empty host fails before a ':' always, and without one
 * for special URLs (file: excepted, empty_ok). */
static int
sx_hostport(const char *s, size_t n, int special, int empty_ok)
{
    size_t h = 0, i;
    double port = 0;

    if (n > 0 && s[0] == '[') {
        while (h < n && s[h] != ']')
            h++;
        if (h == n || !sx_ipv6(s + 1, h - 1))
            return 0;
        if (++h < n && s[h] != ':')
            return 0;
    } else {
        while (h < n && s[h] != ':')
            h++;
        if (h == 0 && (h < n || !empty_ok))
            return 0;
        if (h > 0 && !(special ? sx_domain(s, h) : sx_opaque_host(s, h)))
            return 0;
    }
    for (i = h + 1; i < n; i++) {
        if (!sx_digit(s[i]))
            return 0;
        port = port * 10 + (s[i] - '0');
        if (port > 65535)
            return 0;
    }
    return 1;
}

/* [userinfo@]host[:port]; userinfo is anything up to the last '@'. */
static int
sx_authority(const char *s, size_t n, int special, int empty_ok)
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
    return sx_hostport(s, n, special, empty_ok);
}

/* file://host/...: no userinfo or port; "C:" or "C|" is a drive. */
static int
sx_file_host(const char *s, size_t n)
{
    if (n == 0 || (n == 2 && ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z') &&
                   (s[1] == ':' || s[1] == '|')))
        return 1;
    if (s[0] == '[')
        return n >= 2 && s[n - 1] == ']' && sx_ipv6(s + 1, n - 2);
    return sx_domain(s, n);
}

int
acl_url_authority_ok(const char *s, size_t n, int special, int file)
{
    return file ? sx_file_host(s, n) : sx_authority(s, n, special, !special);
}

int
acl_sx_url_ok(const char *s, size_t len)
{
    size_t n;
    char *u = acl_sx_url_clean(s, len, &n);
    int ok = acl_url_valid(u, n);

    free(u);
    return ok;
}
