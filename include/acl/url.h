/*
 * url.h - the one URL parser: splits URLs into their parts the way the
 * WHATWG URL parser (what the AgentCore CLI and Node use) finds them, so
 * that a rule sees the same host and path the service would, and gives
 * in the same reading the WHATWG verdict (does Node's new URL() accept
 * it?), which the schema check (AC020) uses.
 *
 * Every string in a struct acl_url is owned by it; acl_url_clear frees
 * them. Strings from acl_percent_decode belong to the caller.
 */
#ifndef ACL_URL_H
#define ACL_URL_H

#include <stddef.h>

struct acl_url {
    char *scheme;   /* lower-cased, without ':' */
    char *userinfo; /* "user:password" or NULL when absent */
    char *host;     /* percent-decoded, lower-cased, one trailing dot
                       removed; "" when the URL has no authority */
    long port;      /* -1 when absent */
    char *path;     /* as written but with '\\' as '/' for special schemes
                       and "." / ".." segments resolved; may be "" */
    char *query;    /* without '?', or NULL when absent */
    char *fragment; /* without '#', or NULL when absent */
    /* Set by acl_url_parse_judged: 1 when the WHATWG parser accepts the
     * text (its host a valid domain (IDNA), IPv4, IPv6 or opaque host,
     * and so on), else 0; a URL can have parts and still be invalid
     * ("http://0x100000000/"). -1 after acl_url_parse, which does not
     * judge (the host checks cost more than the parts). */
    int valid;
};

/* Parses s (trimmed of spaces and control characters at both ends, TAB
 * CR LF removed inside, as the WHATWG parser does). Returns 0, or -1
 * when s is not an absolute URL or its port is not a number up to
 * 65535; then u holds nothing to free. */
int acl_url_parse(const char *s, struct acl_url *u);
/* The same reading, with the WHATWG verdict in u->valid. */
int acl_url_parse_judged(const char *s, struct acl_url *u);
void acl_url_clear(struct acl_url *u);

/* The WHATWG verdict alone, for s[0..len) (may hold NUL bytes): would
 * Node's new URL(s) accept it? */
int acl_url_valid(const char *s, size_t len);

/* The parser's host half (schema_url.c): is the authority s[0..n)
 * ([userinfo@]host[:port]; for file: a host or drive only) valid for a
 * URL with a special scheme, or the file scheme? */
int acl_url_authority_ok(const char *s, size_t n, int special, int file);

/* Is scheme one whose URLs always have a host (http, https, ws, wss,
 * ftp, file)? */
int acl_url_special(const char *scheme);

/* Decodes %XX escapes of s[0..n) (a '%' not followed by two hex digits
 * stays as it is). Returns a new NUL-terminated string; *out_len, when
 * not NULL, gets its length, which is shorter than strlen's result when
 * the text decodes to a NUL byte. */
char *acl_percent_decode(const char *s, size_t n, size_t *out_len);

/* Do two URLs name the same resource: same scheme, host and port (the
 * scheme's default port counts as absent), same path ignoring one
 * trailing '/', same query? Unparsable URLs are equal only when the
 * strings are. */
int acl_url_same(const char *a, const char *b);

/* Does host (as acl_url_parse gives it) match pattern, ignoring ASCII
 * case? In the pattern, '*' stands for one or more characters
 * ("*.lambda-url.*.on.aws"). Hosts longer than any DNS name never
 * match. */
int acl_url_host_matches(const char *host, const char *pattern);

/* Is host the local machine: localhost, any address of 127.0.0.0/8 in
 * any form the WHATWG parser reads as IPv4 (127.1, 0x7f.0.0.1,
 * 2130706433), or ::1 in any IPv6 spelling ([::1],
 * [0:0:0:0:0:0:0:1])? (url_loopback.c) */
int acl_url_host_is_loopback(const char *host);

#endif
