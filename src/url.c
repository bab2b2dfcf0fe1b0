/*
 * url.c - scheme and host of a URL, for endpoint rules.
 *
 * Special schemes (http, https, ws, wss, ftp, file) take their host
 * after any run of '/' or '\', as browsers and Node do, so
 * "http:example.com" has a host; other schemes have one only after
 * "//".
 */
#include <string.h>

#include "acl/url.h"
#include "acl/util.h"

static int
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

static int
scheme_char(char c, int first)
{
    int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    if (first)
        return alpha;
    return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
           c == '.';
}

int
acl_url_scheme_is(const struct acl_url *u, const char *name)
{
    size_t i, n = strlen(name);

    if (u->scheme_len != n)
        return 0;
    for (i = 0; i < n; i++)
        if (acl_ascii_lower((unsigned char)u->scheme[i]) != name[i])
            return 0;
    return 1;
}

static int
special(const struct acl_url *u)
{
    static const char *const names[] = {"http", "https", "ws", "wss", "ftp",
                                        "file"};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(names); i++)
        if (acl_url_scheme_is(u, names[i]))
            return 1;
    return 0;
}

/* The host within the authority [a, end): after the last '@', before
 * the port. */
static void
set_host(struct acl_url *u, const char *a, const char *end)
{
    const char *at, *h;

    for (at = end; at > a && at[-1] != '@'; at--)
        ;
    h = at;
    if (h < end && *h == '[') {
        const char *close = memchr(h, ']', (size_t)(end - h));

        end = close != NULL ? close + 1 : end;
    } else {
        const char *colon = memchr(h, ':', (size_t)(end - h));

        end = colon != NULL ? colon : end;
    }
    u->host = h;
    u->host_len = (size_t)(end - h);
}

int
acl_url_split(const char *s, struct acl_url *u)
{
    const char *p, *end;

    memset(u, 0, sizeof *u);
    while (is_space(*s))
        s++;
    end = s + strlen(s);
    while (end > s && is_space(end[-1]))
        end--;
    for (p = s; p < end && scheme_char(*p, p == s); p++)
        ;
    if (p == s || p == end || *p != ':')
        return -1;
    u->scheme = s;
    u->scheme_len = (size_t)(p - s);
    p++;
    if (special(u)) {
        while (p < end && (*p == '/' || *p == '\\'))
            p++;
    } else if (end - p >= 2 && p[0] == '/' && p[1] == '/') {
        p += 2;
    } else {
        return 0;
    }
    s = p;
    while (p < end && *p != '/' && *p != '\\' && *p != '?' && *p != '#')
        p++;
    set_host(u, s, p);
    return 0;
}

/* Glob match of host against pat ('*' = one or more characters). */
static int
glob(const char *h, size_t hn, const char *pat)
{
    size_t k;

    if (*pat == '\0')
        return hn == 0;
    if (*pat == '*') {
        for (k = 1; k <= hn; k++)
            if (glob(h + k, hn - k, pat + 1))
                return 1;
        return 0;
    }
    return hn > 0 &&
           acl_ascii_lower((unsigned char)*h) ==
               acl_ascii_lower((unsigned char)*pat) &&
           glob(h + 1, hn - 1, pat + 1);
}

/* No DNS name is longer than 253 characters; the cap also bounds the
 * recursion of glob on hostile input. */
#define MAX_HOST 1024

int
acl_url_host_matches(const struct acl_url *u, const char *pattern)
{
    return u->host != NULL && u->host_len <= MAX_HOST &&
           glob(u->host, u->host_len, pattern);
}

int
acl_url_host_is_loopback(const struct acl_url *u)
{
    return acl_url_host_matches(u, "localhost") ||
           acl_url_host_matches(u, "127.0.0.1") ||
           acl_url_host_matches(u, "[::1]");
}
