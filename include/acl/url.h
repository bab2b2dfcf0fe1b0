/*
 * url.h - just enough URL parsing for rules that judge endpoints: the
 * scheme and the host, found the way a WHATWG URL parser finds them
 * for the common cases (no normalisation, no validation).
 */
#ifndef ACL_URL_H
#define ACL_URL_H

#include <stddef.h>

/* Pieces of a URL; the pointers are into the parsed string (borrowed,
 * not NUL-terminated: use the lengths). */
struct acl_url {
    const char *scheme; /* without the ':' */
    size_t scheme_len;
    const char *host;   /* without userinfo and port; "[::1]" keeps its
                           brackets; NULL when the URL has no host */
    size_t host_len;
};

/* Splits s. Leading and trailing ASCII whitespace is ignored, as the
 * CLI trims URL values. Returns 0, or -1 when s has no scheme. */
int acl_url_split(const char *s, struct acl_url *u);

/* Is the scheme (any case) equal to name? */
int acl_url_scheme_is(const struct acl_url *u, const char *name);

/* Does the host match pattern, ignoring case? In the pattern, '*'
 * stands for one or more characters ("*.lambda-url.*.on.aws"). */
int acl_url_host_matches(const struct acl_url *u, const char *pattern);

/* Is the host localhost, 127.0.0.1 or [::1]? */
int acl_url_host_is_loopback(const struct acl_url *u);

#endif
