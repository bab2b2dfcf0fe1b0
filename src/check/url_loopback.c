/*
 * url_loopback.c - is a URL's host the local machine? The WHATWG parser
 * reads a host of 1-4 numeric parts (decimal, octal with a leading 0,
 * hex with 0x) as an IPv4 address, so 127.1 and 2130706433 are
 * 127.0.0.1; every address of 127.0.0.0/8 is loopback, as is ::1, and
 * the IPv4-mapped ::ffff:127.x.x.x.
 */
#include <string.h>

#include "acl/url.h"

/* Reads one IPv4 part s[0, n) into *v. Returns 0, or -1 when it is not
 * a number or exceeds 2^32 - 1. */
static int
ipv4_part(const char *s, size_t n, unsigned long long *v)
{
    unsigned base = 10;
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
    for (*v = 0; i < n; i++) {
        char c = s[i];
        unsigned d = c >= '0' && c <= '9'   ? (unsigned)(c - '0')
                     : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
                     : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10)
                                            : 99;

        if (d >= base)
            return -1;
        *v = *v * base + d;
        if (*v > 0xffffffffULL)
            return -1;
    }
    return 0;
}

/* The first byte of host read as a WHATWG IPv4 address, or -1. */
static int
ipv4_first_byte(const char *host)
{
    unsigned long long parts[4];
    size_t n = 0;
    const char *s = host;

    for (;;) {
        size_t len = strcspn(s, ".");

        if (n == 4 || ipv4_part(s, len, &parts[n]) != 0)
            return -1;
        n++;
        if (s[len] == '\0')
            break;
        s += len + 1;
    }
    for (size_t i = 0; i + 1 < n; i++)
        if (parts[i] > 255)
            return -1;
    if (parts[n - 1] >= (1ULL << (8 * (5 - n))))
        return -1;
    return n == 1 ? (int)(parts[0] >> 24) : (int)parts[0];
}

/* Is host "[...]" an IPv6 spelling of ::1? */
static int
ipv6_loopback(const char *host)
{
    size_t len = strlen(host), i, groups = 0, ones = 0, digits = 0;
    int gap = 0, last = 0;

    if (len < 4 || host[0] != '[' || host[len - 1] != ']')
        return 0;
    for (i = 1; i < len - 1; i++) {
        char c = host[i];

        if (c == ':') {
            if (host[i + 1] == ':') {
                if (gap)
                    return 0;
                gap = 1;
                i++;
            }
            if (digits > 0)
                groups++;
            digits = 0;
            continue;
        }
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) || ++digits > 4)
            return 0;
        if (c != '0') {
            ones += c == '1';
            last = c == '1' && (host[i + 1] == ']');
            if (c != '1')
                return 0;
        }
    }
    groups += digits > 0;
    /* exactly one non-zero digit, a 1 at the very end */
    return ones == 1 && last && (gap ? groups <= 7 : groups == 8);
}

/* Is host "[::ffff:...]" an IPv4-mapped address of 127.0.0.0/8, written
 * dotted ([::ffff:127.0.0.1]) or as the parser serialises it
 * ([::ffff:7f00:1])? Sockets reach the IPv4 loopback through it. */
static int
ipv4_mapped_loopback(const char *host)
{
    static const char prefix[] = "[::ffff:";
    char v4[16];
    size_t n;

    if (strncmp(host, prefix, sizeof prefix - 1) != 0)
        return 0;
    host += sizeof prefix - 1;
    n = strlen(host);
    if (n < 2 || n > sizeof v4 || host[n - 1] != ']')
        return 0;
    memcpy(v4, host, n - 1);
    v4[n - 1] = '\0';
    if (strchr(v4, '.') != NULL)
        return ipv4_first_byte(v4) == 127;
    /* two hex groups: the first one's high byte is 0x7f */
    n = strcspn(v4, ":");
    return n == 4 && v4[0] == '7' && v4[1] == 'f' &&
           strspn(v4, "0123456789abcdef:") == strlen(v4) &&
           strchr(v4 + n + 1, ':') == NULL && strlen(v4 + n + 1) >= 1 &&
           strlen(v4 + n + 1) <= 4;
}

int
acl_url_host_is_loopback(const char *host)
{
    if (host == NULL)
        return 0;
    if (acl_url_host_matches(host, "localhost"))
        return 1;
    if (host[0] == '[')
        return ipv6_loopback(host) || ipv4_mapped_loopback(host);
    return ipv4_first_byte(host) == 127;
}
