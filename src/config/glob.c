/*
 * glob.c - path globs for the config's ignore entries: '*' and '?'
 * within a path segment, "**" for any number of segments.
 *
 * Both levels use the greedy match with one backtrack point, so a
 * hostile pattern costs at most pattern length times path length steps,
 * never exponential time.
 */
#include <stdint.h>
#include <string.h>

#include "acl/config.h"
#include "acl/utf8.h"

/* One segment: a pointer and a length, both within the same string. */
struct seg {
    const char *s;
    size_t n;
};

/* '*' and '?' against one segment (no '/' on either side). */
static int
seg_match(struct seg p, struct seg s)
{
    size_t pi = 0, si = 0, star_p = (size_t)-1, star_s = 0;

    while (si < s.n) {
        if (pi < p.n && p.s[pi] == '*') {
            while (pi < p.n && p.s[pi] == '*')
                pi++;
            star_p = pi;
            star_s = si;
        } else if (pi < p.n && p.s[pi] == '?') {
            uint32_t cp; /* '?' is one character; a bad byte is one */

            pi++;
            si += acl_utf8_lenient(s.s + si, s.n - si, &cp);
        } else if (pi < p.n && p.s[pi] == s.s[si]) {
            pi++;
            si++;
        } else if (star_p != (size_t)-1) {
            pi = star_p;
            si = ++star_s;
        } else {
            return 0;
        }
    }
    while (pi < p.n && p.s[pi] == '*')
        pi++;
    return pi == p.n;
}

static struct seg
next_seg(const char **s)
{
    struct seg g = {*s, strcspn(*s, "/")};

    *s += g.n + (g.s[g.n] == '/');
    return g;
}

static int
is_globstar(struct seg g)
{
    return g.n == 2 && g.s[0] == '*' && g.s[1] == '*';
}

int
acl_glob_match(const char *pattern, const char *path)
{
    const char *p = pattern, *s = path, *star_p = NULL, *star_s = NULL;

    while (*s != '\0') {
        const char *p0 = p, *s0 = s;
        struct seg pg = *p ? next_seg(&p) : (struct seg){p, 0};
        struct seg sg = next_seg(&s);

        if (*p0 != '\0' && is_globstar(pg)) {
            /* "**" may take no segment: retry this path segment next. */
            star_p = p;
            star_s = s0;
            s = s0;
        } else if (*p0 != '\0' && seg_match(pg, sg)) {
            continue;
        } else if (star_p != NULL) {
            p = star_p;
            s = star_s;
            next_seg(&s);
            star_s = s;
        } else {
            return 0;
        }
    }
    while (*p != '\0') {
        struct seg pg = next_seg(&p);

        if (!is_globstar(pg))
            return 0;
    }
    return 1;
}
