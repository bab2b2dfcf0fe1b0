/*
 * url.c - splitting URLs into scheme, userinfo, host, port, path, query
 * and fragment the way the WHATWG URL parser does for the cases that
 * matter to rules: special schemes may omit or double their slashes and
 * use '\' for '/', the host is case-insensitive and may be
 * percent-encoded, and "." / ".." path segments are resolved.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/url.h"
#include "acl/util.h"

static const char *const special_schemes[] = {"http", "https", "ws", "wss",
                                              "ftp", "file"};

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

/* The input with C0 controls and spaces trimmed at both ends and TAB,
 * CR, LF removed everywhere. */
static char *
clean_input(const char *s)
{
    size_t start = 0, end = strlen(s), i, o = 0;
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
    return out;
}

/* Length of the scheme at s, or 0 when s does not start with one. */
static size_t
scheme_len(const char *s)
{
    size_t n = 0;
    int c = (unsigned char)s[0];

    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
        return 0;
    for (n = 1; s[n] != '\0' && s[n] != ':'; n++) {
        c = (unsigned char)s[n];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))
            return 0;
    }
    return s[n] == ':' ? n : 0;
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
        u->path = resolve_dots(path[0] == '/' ? path : "/", path[0] == '/'
                                                          ? plen : 1);
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

static int
parse_clean(const char *s, struct acl_url *u)
{
    size_t slen = scheme_len(s), i;
    const char *rest;
    int special, hier;

    if (slen == 0)
        return -1;
    u->scheme = acl_xstrndup(s, slen);
    for (i = 0; i < slen; i++)
        u->scheme[i] = (char)acl_ascii_lower((unsigned char)u->scheme[i]);
    special = acl_url_special(u->scheme);
    rest = s + slen + 1;
    hier = special || (rest[0] == '/' && rest[1] == '/');
    if (hier) {
        size_t alen;

        if (special)
            while (*rest == '/' || *rest == '\\')
                rest++;
        else
            rest += 2;
        alen = strcspn(rest, special ? "/\\?#" : "/?#");
        if (parse_authority(rest, alen, u) != 0)
            return -1;
        if (special && u->host[0] == '\0' && strcmp(u->scheme, "file") != 0)
            return -1;
        rest += alen;
    } else {
        u->host = acl_xstrdup("");
        u->port = -1;
    }
    parse_tail(rest, special, hier, u);
    return 0;
}

int
acl_url_parse(const char *s, struct acl_url *u)
{
    char *clean = clean_input(s);
    int rc;

    memset(u, 0, sizeof *u);
    rc = parse_clean(clean, u);
    free(clean);
    if (rc != 0)
        acl_url_clear(u);
    return rc;
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
    same = strcmp(ua.scheme, ub.scheme) == 0 &&
           strcmp(ua.host, ub.host) == 0 &&
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
