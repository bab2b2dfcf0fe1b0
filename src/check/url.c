/*
 * url.c - the one URL parser: one reading of the text finds where the
 * scheme, authority and path lie the way the WHATWG URL parser does
 * (special schemes may omit or double their slashes and use '\' for
 * '/'; file: takes exactly two), and from that one layout come both the
 * parts the rules read (host case-folded and percent-decoded, "." / ".."
 * path segments resolved) and the WHATWG verdict AC020 needs (the
 * authority judged by schema_url.c).
 */
#include <stdlib.h>
#include <string.h>

#include "acl/url.h"
#include "acl/util.h"

static const char *const special_schemes[] = {"http", "https", "ws",
                                              "wss",  "ftp",   "file"};

int
acl_url_special(const char *scheme)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(special_schemes); i++)
        if (strcmp(scheme, special_schemes[i]) == 0)
            return 1;
    return 0;
}

static int
hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = acl_ascii_lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

char *
acl_percent_decode(const char *s, size_t n, size_t *out_len)
{
    char *out = acl_xmalloc(n + 1);
    size_t i, o = 0;

    for (i = 0; i < n; i++) {
        int hi = -1, lo = -1;

        if (s[i] == '%' && n - i > 2) {
            hi = hexval((unsigned char)s[i + 1]);
            lo = hexval((unsigned char)s[i + 2]);
        }
        if (hi >= 0 && lo >= 0) {
            out[o++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[o++] = s[i];
        }
    }
    out[o] = '\0';
    if (out_len != NULL)
        *out_len = o;
    return out;
}

/* s[0..len) with C0 controls and spaces trimmed at both ends and TAB,
 * CR, LF removed everywhere, as the WHATWG parser does first; *n gets
 * its length (it may hold NUL bytes). */
static char *
clean_input(const char *s, size_t len, size_t *n)
{
    size_t start = 0, end = len, i, o = 0;
    char *out;

    while (start < end && (unsigned char)s[start] <= 0x20)
        start++;
    while (end > start && (unsigned char)s[end - 1] <= 0x20)
        end--;
    out = acl_xmalloc(end - start + 1);
    for (i = start; i < end; i++)
        if (s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            out[o++] = s[i];
    out[o] = '\0';
    *n = o;
    return out;
}

static int
is_alpha(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Length of the scheme at s[0..n), or 0 when s does not start with one. */
static size_t
scheme_len(const char *s, size_t n)
{
    size_t i = 1;

    if (n == 0 || !is_alpha((unsigned char)s[0]))
        return 0;
    while (i < n &&
           (is_alpha((unsigned char)s[i]) || (s[i] >= '0' && s[i] <= '9') ||
            s[i] == '+' || s[i] == '-' || s[i] == '.'))
        i++;
    return i < n && s[i] == ':' ? i : 0;
}

/* s[0..n) lower-cased into low (8 bytes), or "" when it is longer
 * than any special scheme. */
static void
scheme_lower(const char *s, size_t n, char low[8])
{
    size_t i;

    low[0] = '\0';
    if (n >= 8)
        return;
    for (i = 0; i < n; i++)
        low[i] = (char)acl_ascii_lower((unsigned char)s[i]);
    low[n] = '\0';
}

/* Where the parts of a cleaned URL lie: found once, for the parts and
 * for the verdict alike. */
struct layout {
    size_t scheme; /* its length; 0 when the text is not an absolute URL */
    int special, file;
    int has_auth;          /* slashes introduce an authority */
    size_t auth, auth_end; /* the authority: [auth, auth_end) */
    size_t rest;           /* where path, query and fragment begin */
};

static void
find_layout(const char *u, size_t n, struct layout *l)
{
    size_t i = scheme_len(u, n), p, sl = 0, e;
    char low[8];

    memset(l, 0, sizeof *l);
    if ((l->scheme = i) == 0)
        return;
    scheme_lower(u, i, low);
    l->file = strcmp(low, "file") == 0;
    l->special = acl_url_special(low);
    p = l->rest = i + 1;
    while (p + sl < n &&
           (u[p + sl] == '/' || (l->special && u[p + sl] == '\\')))
        sl++;
    if (sl < 2 && (l->file || !l->special))
        return; /* a path only */
    if (!l->special || l->file)
        sl = 2; /* only special schemes other than file: skip them all */
    l->has_auth = 1;
    l->auth = p + sl;
    for (e = l->auth; e < n && u[e] != '/' && u[e] != '?' && u[e] != '#' &&
                      !(l->special && u[e] == '\\');
         e++)
        ;
    l->auth_end = l->rest = e;
}

/* Would the WHATWG parser accept the cleaned URL of layout l? */
static int
layout_valid(const char *u, const struct layout *l)
{
    if (l->scheme == 0)
        return 0;
    if (!l->has_auth)
        return 1; /* a path, query or fragment never fails */
    return acl_url_authority_ok(u + l->auth, l->auth_end - l->auth, l->special,
                                l->file);
}

int
acl_url_valid(const char *s, size_t len)
{
    struct layout l;
    size_t n;
    char *u = clean_input(s, len, &n);
    int ok;

    find_layout(u, n, &l);
    ok = layout_valid(u, &l);
    free(u);
    return ok;
}

static int
is_dot(const char *seg, size_t n)
{
    return (n == 1 && seg[0] == '.') ||
           (n == 3 && seg[0] == '%' && seg[1] == '2' &&
            acl_ascii_lower(seg[2]) == 'e');
}

static int
is_dotdot(const char *seg, size_t n)
{
    size_t first;

    if (n < 2)
        return 0;
    first = seg[0] == '.' ? 1 : n >= 3 && is_dot(seg, 3) ? 3 : 0;
    return first != 0 && is_dot(seg + first, n - first);
}

/* Resolves "." and ".." segments of an absolute path p[0..n). */
static char *
resolve_dots(const char *p, size_t n)
{
    struct acl_buf b = {0};
    size_t i = 1;

    acl_buf_putc(&b, '/');
    while (i <= n) {
        size_t len = strcspn(p + i, "/");
        int last;

        if (i + len > n)
            len = n - i;
        last = i + len >= n;
        if (is_dotdot(p + i, len)) {
            if (b.len > 1) { /* drop the last segment and its slash */
                b.len--;
                while (b.len > 1 && b.data[b.len - 1] != '/')
                    b.len--;
                b.data[b.len] = '\0';
            }
        } else if (!is_dot(p + i, len)) {
            acl_buf_append(&b, p + i, len);
            if (!last)
                acl_buf_putc(&b, '/');
        }
        i += len + 1;
    }
    return acl_buf_steal(&b);
}

/* Does the decoded host h[0..n) hold a code point the WHATWG parser
 * refuses in a host ("forbidden domain code point"): a NUL, a control,
 * a space, or one of #%/:<>?@[\]^| ? Then the URL is invalid, as
 * "http://localhost%00.evil.example/" is: not a loopback address. */
static int
forbidden_host(const char *h, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if ((unsigned char)h[i] <= 0x20 || h[i] == 0x7f ||
            strchr("#%/:<>?@[\\]^|", h[i]) != NULL)
            return 1;
    return 0;
}

/* Fills host and port from the authority's host[:port] part. */
static int
parse_hostport(const char *a, size_t n, struct acl_url *u)
{
    size_t hlen = 0, i, dlen;
    char *h;

    if (n > 0 && a[0] == '[') {
        while (hlen < n && a[hlen] != ']')
            hlen++;
        if (hlen == n)
            return -1;
        hlen++;
    } else {
        while (hlen < n && a[hlen] != ':')
            hlen++;
    }
    u->port = -1;
    if (hlen < n && a[hlen] != ':')
        return -1;
    for (i = hlen + 1; i < n; i++) {
        if (a[i] < '0' || a[i] > '9')
            return -1;
        u->port = (u->port < 0 ? 0 : u->port) * 10 + (a[i] - '0');
        if (u->port > 65535)
            return -1;
    }
    h = acl_percent_decode(a, hlen, &dlen);
    if (!(n > 0 && a[0] == '[') && forbidden_host(h, dlen)) {
        free(h);
        return -1;
    }
    for (i = 0; h[i] != '\0'; i++)
        h[i] = (char)acl_ascii_lower((unsigned char)h[i]);
    if (i > 1 && h[i - 1] == '.')
        h[i - 1] = '\0';
    u->host = h;
    return 0;
}

/* Splits the authority at s (ending at stop) into userinfo and host. */
static int
parse_authority(const char *s, size_t n, struct acl_url *u)
{
    size_t at = n;

    while (at > 0 && s[at - 1] != '@')
        at--;
    if (at > 0)
        u->userinfo = acl_xstrndup(s, at - 1);
    return parse_hostport(s + at, n - at, u);
}

/* Path, query and fragment of rest. */
static void
parse_tail(const char *rest, int special, int hier, struct acl_url *u)
{
    size_t plen = strcspn(rest, "?#");
    char *path = acl_xstrndup(rest, plen), *q;

    if (special)
        for (q = path; *q != '\0'; q++)
            if (*q == '\\')
                *q = '/';
    if (hier && (path[0] == '/' || special)) {
        /* A special URL's path is absolute ("file:a" is "/a"). */
        struct acl_buf abs = {0};

        if (path[0] != '/') {
            acl_buf_putc(&abs, '/');
            acl_buf_append(&abs, path, plen);
        }
        u->path = abs.data != NULL ? resolve_dots(abs.data, abs.len)
                                   : resolve_dots(path, plen);
        acl_buf_free(&abs);
        free(path);
    } else {
        u->path = path;
    }
    rest += plen;
    if (*rest == '?') {
        plen = strcspn(rest + 1, "#");
        u->query = acl_xstrndup(rest + 1, plen);
        rest += plen + 1;
    }
    if (*rest == '#')
        u->fragment = acl_xstrdup(rest + 1);
}

/* The parts of the cleaned URL s, as laid out by l. */
static int
parse_clean(const char *s, const struct layout *l, struct acl_url *u)
{
    size_t i;

    if (l->scheme == 0)
        return -1;
    u->scheme = acl_xstrndup(s, l->scheme);
    for (i = 0; i < l->scheme; i++)
        u->scheme[i] = (char)acl_ascii_lower((unsigned char)u->scheme[i]);
    if (l->has_auth) {
        if (parse_authority(s + l->auth, l->auth_end - l->auth, u) != 0)
            return -1;
        if (l->special && u->host[0] == '\0' && !l->file)
            return -1;
    } else {
        u->host = acl_xstrdup("");
        u->port = -1;
    }
    parse_tail(s + l->rest, l->special, l->has_auth || l->special, u);
    return 0;
}

/* The parts, and the verdict when judge is set (it costs more than the
 * parts: IDNA and bidi checks of the host). */
static int
parse(const char *s, size_t len, int judge, struct acl_url *u)
{
    size_t n;
    char *clean = clean_input(s, len, &n);
    struct layout l;
    int rc;

    memset(u, 0, sizeof *u);
    find_layout(clean, n, &l);
    rc = parse_clean(clean, &l, u);
    if (rc == 0)
        u->valid = judge ? layout_valid(clean, &l) : -1;
    free(clean);
    if (rc != 0)
        acl_url_clear(u);
    return rc;
}

int
acl_url_parse(const char *s, struct acl_url *u)
{
    return parse(s, strlen(s), 0, u);
}

int
acl_url_parse_judged(const char *s, struct acl_url *u)
{
    return parse(s, strlen(s), 1, u);
}

void
acl_url_clear(struct acl_url *u)
{
    if (u == NULL)
        return;
    free(u->scheme);
    free(u->userinfo);
    free(u->host);
    free(u->path);
    free(u->query);
    free(u->fragment);
    memset(u, 0, sizeof *u);
    u->port = -1;
}

static long
default_port(const char *scheme)
{
    if (strcmp(scheme, "http") == 0 || strcmp(scheme, "ws") == 0)
        return 80;
    if (strcmp(scheme, "https") == 0 || strcmp(scheme, "wss") == 0)
        return 443;
    return strcmp(scheme, "ftp") == 0 ? 21 : -1;
}

static size_t
path_len(const char *p)
{
    size_t n = strlen(p);

    return n > 0 && p[n - 1] == '/' ? n - 1 : n;
}

int
acl_url_same(const char *a, const char *b)
{
    struct acl_url ua, ub;
    int same;

    if (acl_url_parse(a, &ua) != 0)
        return strcmp(a, b) == 0;
    if (acl_url_parse(b, &ub) != 0) {
        acl_url_clear(&ua);
        return 0;
    }
    same = strcmp(ua.scheme, ub.scheme) == 0 && strcmp(ua.host, ub.host) == 0 &&
           (ua.port < 0 ? default_port(ua.scheme) : ua.port) ==
               (ub.port < 0 ? default_port(ub.scheme) : ub.port) &&
           path_len(ua.path) == path_len(ub.path) &&
           strncmp(ua.path, ub.path, path_len(ua.path)) == 0 &&
           strcmp(ua.query ? ua.query : "", ub.query ? ub.query : "") == 0;
    acl_url_clear(&ua);
    acl_url_clear(&ub);
    return same;
}

/* Glob match of h[0..hn) against pat ('*' = one or more characters). */
static int
host_glob(const char *h, size_t hn, const char *pat)
{
    size_t k;

    if (*pat == '\0')
        return hn == 0;
    if (*pat == '*') {
        for (k = 1; k <= hn; k++)
            if (host_glob(h + k, hn - k, pat + 1))
                return 1;
        return 0;
    }
    return hn > 0 &&
           acl_ascii_lower((unsigned char)*h) ==
               acl_ascii_lower((unsigned char)*pat) &&
           host_glob(h + 1, hn - 1, pat + 1);
}

/* No DNS name is longer than 253 characters; the cap also bounds the
 * recursion of host_glob on hostile input. */
#define MAX_HOST 1024

int
acl_url_host_matches(const char *host, const char *pattern)
{
    size_t n = host != NULL ? strlen(host) : 0;

    return host != NULL && n <= MAX_HOST && host_glob(host, n, pattern);
}
