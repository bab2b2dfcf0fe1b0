/*
 * gitignore.c - gitignore(5) matching, as git 2.x decides it, for AC011.
 *
 * Each pattern is compiled once into a token list and matched with a
 * set-of-states simulation (a small NFA), so matching takes
 * O(tokens * length) time and no recursion, whatever the pattern. A
 * hostile .gitignore cannot make that large: a pattern longer than
 * GI_MAX_PATTERN bytes is never matched (no real path is that long),
 * repeated "**" + "/" segments count once, a path shorter than the
 * bytes a pattern must consume is refused before any simulation, and
 * only the window of live states is stepped.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/gitignore.h"
#include "acl/util.h"

/* Longest pattern considered (git's paths are at most PATH_MAX). */
#define GI_MAX_PATTERN 4096

enum gi_kind {
    GI_LIT,   /* one given byte */
    GI_ANY,   /* '?': one byte but '/' */
    GI_CLASS, /* '[...]': one byte of a set, never '/' */
    GI_STAR,  /* '*': any run of bytes but '/' */
    GI_ALL,   /* a whole-segment trailing '**': anything at all */
    GI_DIRS   /* a whole-segment "**" + "/": nothing, or up to a '/' */
};

struct gi_tok {
    unsigned char kind; /* enum gi_kind */
    unsigned char ch;
    unsigned set; /* GI_CLASS: its index in the pattern's sets */
};

/* A class's members, one bit per byte: kept apart from the tokens, so
 * a pattern costs a few bytes per pattern byte, not 36. */
struct gi_set {
    unsigned char bits[32];
};

enum {
    GI_NEGATIVE = 1,  /* '!' re-includes */
    GI_MUSTBEDIR = 2, /* trailing '/': folders only */
    GI_BASENAME = 4,  /* no '/': matches the last path component */
    GI_BROKEN = 8     /* git can never match it (bad class, lone '\') */
};

struct gi_pattern {
    char *prefix; /* literal head of an anchored pattern */
    size_t prefix_len;
    struct gi_tok *toks;
    size_t ntok;
    struct gi_set *sets;
    size_t nsets, setcap;
    size_t min_len; /* bytes any match consumes: its one-byte tokens */
    unsigned flags;
};

struct gi_list {
    char *dir; /* the .gitignore's folder, "" for the root */
    size_t dir_len;
    struct gi_pattern *pats;
    size_t npat;
    size_t cap;
};

struct acl_gitignore {
    struct gi_list *lists;
    size_t nlist;
    size_t cap;
};

/* ---- character classes ---- */

static void
gi_set_add(unsigned char *set, int c)
{
    set[(unsigned char)c >> 3] |= (unsigned char)(1u << (c & 7));
}

static int
gi_set_has(const unsigned char *set, int c)
{
    return (set[(unsigned char)c >> 3] >> (c & 7)) & 1;
}

/* git uses its own locale-free ctype: only ASCII is in any class. */
static int
gi_named_has(const char *name, size_t len, int c)
{
    static const char punct[] = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    int lo = c >= 'a' && c <= 'z', up = c >= 'A' && c <= 'Z';
    int dig = c >= '0' && c <= '9';

#define GI_IS(s) (len == sizeof(s) - 1 && memcmp(name, s, len) == 0)
    if (GI_IS("alnum"))
        return lo || up || dig;
    if (GI_IS("alpha"))
        return lo || up;
    if (GI_IS("blank"))
        return c == ' ' || c == '\t';
    if (GI_IS("cntrl"))
        return c < 0x20 || c == 0x7f;
    if (GI_IS("digit"))
        return dig;
    if (GI_IS("graph"))
        return c > 0x20 && c < 0x7f;
    if (GI_IS("lower"))
        return lo;
    if (GI_IS("print"))
        return c >= 0x20 && c < 0x7f;
    if (GI_IS("punct"))
        return c != 0 && strchr(punct, c) != NULL;
    if (GI_IS("space"))
        return c == ' ' || (c >= '\t' && c <= '\r' && c != '\v' && c != '\f');
    if (GI_IS("upper"))
        return up;
    if (GI_IS("xdigit"))
        return dig || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
#undef GI_IS
    return -1;
}

/* "[:name:]" at p[j] (p[j] == '[', p[j + 1] == ':'). Returns the index
 * after it, 0 when it is no class name (the '[' is then a plain member)
 * or -1 when git rejects the whole pattern. */
static long
gi_named_class(const char *p, size_t n, size_t j, unsigned char *set)
{
    const char *close = memchr(p + j + 2, ']', n - j - 2);
    size_t name = j + 2, end;
    int c;

    if (close == NULL)
        return -1;
    end = (size_t)(close - p);
    if (end < name + 1 || p[end - 1] != ':')
        return 0;
    if (gi_named_has(p + name, end - 1 - name, 'a') < 0)
        return -1;
    for (c = 1; c < 256; c++)
        if (gi_named_has(p + name, end - 1 - name, c) > 0)
            gi_set_add(set, c);
    return (long)end + 1;
}

/* Reads one member of a class at p[*j], leaving *j on its last byte.
 * "a-z" is a range when a single member came just before the '-' and
 * no ']' comes just after it. Returns the byte for a later range's
 * start, -2 after a range or a named class, -1 when malformed. */
static int
gi_member(const char *p, size_t n, size_t *j, int prev, unsigned char *set)
{
    int c = (unsigned char)p[*j], k;
    long next;

    if (c == '-' && prev >= 0 && *j + 1 < n && p[*j + 1] != ']') {
        c = (unsigned char)p[++*j];
        if (c == '\\' && ++*j >= n)
            return -1;
        for (k = prev, c = (unsigned char)p[*j]; k <= c; k++)
            gi_set_add(set, k);
        return -2;
    }
    if (c == '[' && *j + 1 < n && p[*j + 1] == ':') {
        if ((next = gi_named_class(p, n, *j, set)) < 0)
            return -1;
        if (next > 0) {
            *j = (size_t)next - 1;
            return -2;
        }
    }
    if (c == '\\' && ++*j >= n)
        return -1;
    c = (unsigned char)p[*j];
    gi_set_add(set, c);
    return c;
}

/* Parses "[...]" starting at p[i] == '['. A ']' right after '[' or
 * '[!' is a member. Returns the index after the ']', or -1 when
 * malformed (git then never matches the pattern). */
static long
gi_class(const char *p, size_t n, size_t i, struct gi_pattern *pat,
         struct gi_tok *t)
{
    size_t j = i + 1;
    int negated = 0, prev = -2, first = 1, k;
    unsigned char *set;

    acl_xgrow((void **)&pat->sets, &pat->setcap, pat->nsets + 1,
              sizeof(*pat->sets));
    t->set = (unsigned)pat->nsets++;
    set = pat->sets[t->set].bits;
    memset(set, 0, 32);
    if (j < n && (p[j] == '!' || p[j] == '^'))
        negated = 1, j++;
    for (;; j++, first = 0) {
        if (j >= n)
            return -1;
        if (p[j] == ']' && !first)
            break;
        if ((prev = gi_member(p, n, &j, prev, set)) == -1)
            return -1;
    }
    for (k = 0; negated && k < 32; k++)
        set[k] = (unsigned char)~set[k];
    /* In a path, a class never matches the separator. */
    set['/' >> 3] &= (unsigned char)~(1u << ('/' & 7));
    t->kind = GI_CLASS;
    return (long)j + 1;
}

/* ---- compiling ---- */

/* A run of stars at p[i], run long. Only a "**" that fills a whole
 * path segment is special; anything else is a plain '*'. Returns the
 * number of pattern bytes used. */
static size_t
gi_stars(const char *p, size_t n, size_t i, size_t run, struct gi_tok *t)
{
    size_t after = i + run;
    int whole = run >= 2 && (i == 0 || p[i - 1] == '/');

    t->kind = GI_STAR;
    if (!whole)
        return run;
    if (after == n) {
        t->kind = GI_ALL;
        return run;
    }
    if (p[after] == '/') {
        t->kind = GI_DIRS;
        return run + 1;
    }
    if (p[after] == '\\' && after + 1 < n && p[after + 1] == '/') {
        t->kind = GI_DIRS;
        return run + 2;
    }
    return run;
}

/* Compiles p[0..n) into pat->toks; -1 when git could never match it. */
static int
gi_compile(const char *p, size_t n, struct gi_pattern *pat)
{
    size_t i = 0, run;
    long next;
    struct gi_tok *t;

    pat->toks = acl_xcalloc(n + 1, sizeof(*pat->toks));
    while (i < n) {
        t = &pat->toks[pat->ntok++];
        switch (p[i]) {
        case '\\':
            if (i + 1 >= n)
                return -1;
            t->kind = GI_LIT;
            t->ch = (unsigned char)p[i + 1];
            i += 2;
            break;
        case '?':
            t->kind = GI_ANY;
            i++;
            break;
        case '[':
            if ((next = gi_class(p, n, i, pat, t)) < 0)
                return -1;
            i = (size_t)next;
            break;
        case '*':
            for (run = 0; i + run < n && p[i + run] == '*'; run++)
                ;
            i += gi_stars(p, n, i, run, t);
            break;
        default:
            t->kind = GI_LIT;
            t->ch = (unsigned char)p[i++];
        }
        /* "**" + "/" twice in a row means what it means once. */
        if (t->kind == GI_DIRS && pat->ntok > 1 &&
            pat->toks[pat->ntok - 2].kind == GI_DIRS)
            pat->ntok--;
        else if (t->kind == GI_LIT || t->kind == GI_ANY || t->kind == GI_CLASS)
            pat->min_len++;
    }
    return 0;
}

/* Parses one trimmed, non-empty, non-comment line. An anchored pattern
 * keeps its literal head apart, as git compares it before the glob: so
 * a "**" right after that head counts as starting a segment. */
static void
gi_parse(const char *p, size_t n, struct gi_pattern *pat)
{
    size_t head = 0;

    memset(pat, 0, sizeof(*pat));
    if (n > 0 && p[0] == '!')
        pat->flags |= GI_NEGATIVE, p++, n--;
    if (n > 0 && p[n - 1] == '/')
        pat->flags |= GI_MUSTBEDIR, n--;
    if (memchr(p, '/', n) == NULL)
        pat->flags |= GI_BASENAME;
    else {
        if (p[0] == '/')
            p++, n--;
        while (head < n && strchr("*?[\\", p[head]) == NULL)
            head++;
    }
    pat->prefix = acl_xstrndup(p, head);
    pat->prefix_len = head;
    if (n == 0 || n > GI_MAX_PATTERN || gi_compile(p + head, n - head, pat) < 0)
        pat->flags |= GI_BROKEN;
}

/* ---- reading a .gitignore ---- */

/* git drops trailing spaces unless a backslash escapes one; a final
 * lone backslash stops the trimming. */
static size_t
gi_trim(const char *s, size_t n)
{
    size_t i, space = n;

    for (i = 0; i < n; i++) {
        if (s[i] == ' ') {
            if (space == n)
                space = i;
            continue;
        }
        if (s[i] == '\\' && ++i >= n)
            return n;
        space = n;
    }
    return space;
}

static void
gi_add_line(struct gi_list *l, const char *s, size_t n)
{
    const char *nul = memchr(s, '\0', n);

    if (n > 0 && s[n - 1] == '\r')
        n--;
    if (nul != NULL)
        n = (size_t)(nul - s);
    n = gi_trim(s, n);
    if (n == 0 || s[0] == '#')
        return;
    acl_xgrow((void **)&l->pats, &l->cap, l->npat + 1, sizeof(*l->pats));
    gi_parse(s, n, &l->pats[l->npat]);
    if (l->pats[l->npat].flags & GI_BROKEN) {
        free(l->pats[l->npat].prefix);
        free(l->pats[l->npat].toks);
        free(l->pats[l->npat].sets);
        return;
    }
    l->npat++;
}

struct acl_gitignore *
acl_gitignore_new(void)
{
    return acl_xcalloc(1, sizeof(struct acl_gitignore));
}

void
acl_gitignore_free(struct acl_gitignore *g)
{
    size_t i, j;

    if (g == NULL)
        return;
    for (i = 0; i < g->nlist; i++) {
        for (j = 0; j < g->lists[i].npat; j++) {
            free(g->lists[i].pats[j].prefix);
            free(g->lists[i].pats[j].toks);
            free(g->lists[i].pats[j].sets);
        }
        free(g->lists[i].pats);
        free(g->lists[i].dir);
    }
    free(g->lists);
    free(g);
}

void
acl_gitignore_add(struct acl_gitignore *g, const char *dir, const char *text,
                  size_t len)
{
    struct gi_list *l;
    const char *end, *nl;
    size_t dlen;

    if (dir == NULL || strcmp(dir, ".") == 0)
        dir = "";
    while (*dir == '/')
        dir++;
    for (dlen = strlen(dir); dlen > 0 && dir[dlen - 1] == '/'; dlen--)
        ;
    acl_xgrow((void **)&g->lists, &g->cap, g->nlist + 1, sizeof(*g->lists));
    l = &g->lists[g->nlist++];
    memset(l, 0, sizeof(*l));
    l->dir = acl_xstrndup(dir, dlen);
    l->dir_len = dlen;
    if (text == NULL)
        return;
    if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        text += 3, len -= 3;
    for (end = text + len; text < end; text = nl + 1) {
        nl = memchr(text, '\n', (size_t)(end - text));
        if (nl == NULL)
            nl = end;
        gi_add_line(l, text, (size_t)(nl - text));
    }
}

/* ---- matching ---- */

/* The live states lie in [lo, hi] (empty when lo > hi): moves only go
 * forward, one token at most per byte plus the moves that consume
 * nothing, so only that window needs stepping. */
struct gi_win {
    size_t lo, hi;
};

static int
gi_consumes(const struct gi_tok *t)
{
    return t->kind == GI_LIT || t->kind == GI_ANY || t->kind == GI_CLASS;
}

/* Follows the moves that consume nothing. They only lead forward, so
 * one pass in token order suffices. st[0..n] are the token states,
 * st[n + 1 + i] is "inside the '**' + '/' of token i". */
static void
gi_close(unsigned char *st, const struct gi_tok *t, size_t n, struct gi_win *w)
{
    size_t i;

    for (i = w->lo; i <= w->hi && i < n; i++) {
        if (!st[i] || gi_consumes(&t[i]))
            continue;
        st[i + 1] = 1;
        if (i + 1 > w->hi)
            w->hi = i + 1;
        if (t[i].kind == GI_DIRS)
            st[n + 1 + i] = 1;
    }
}

static void
gi_widen(struct gi_win *w, size_t i)
{
    if (i < w->lo)
        w->lo = i;
    if (i > w->hi || w->hi == (size_t)-1)
        w->hi = i;
}

static void
gi_mark(unsigned char *st, size_t i, struct gi_win *w)
{
    st[i] = 1;
    gi_widen(w, i);
}

/* Moves every state of cur (window *w) over byte c into nxt, which is
 * all clear; clears cur's window. Returns whether any state survives. */
static int
gi_step(unsigned char *cur, unsigned char *nxt, const struct gi_pattern *p,
        int c, struct gi_win *w)
{
    const struct gi_tok *t = p->toks;
    size_t n = p->ntok;
    struct gi_win nw = {(size_t)-1, (size_t)-1};
    size_t i;

    for (i = w->lo; i <= w->hi && i < n; i++) {
        if (cur[i] &&
            ((t[i].kind == GI_LIT && c == t[i].ch) ||
             (t[i].kind == GI_ANY && c != '/') ||
             (t[i].kind == GI_CLASS && gi_set_has(p->sets[t[i].set].bits, c))))
            gi_mark(nxt, i + 1, &nw);
        if (cur[i] &&
            ((t[i].kind == GI_STAR && c != '/') || t[i].kind == GI_ALL))
            gi_mark(nxt, i, &nw);
        if (cur[n + 1 + i]) {
            nxt[n + 1 + i] = 1;
            gi_widen(&nw, i);
            if (c == '/')
                gi_mark(nxt, i + 1, &nw);
        }
    }
    for (i = w->lo; i <= w->hi && i <= n; i++) {
        cur[i] = 0;
        if (i < n)
            cur[n + 1 + i] = 0;
    }
    *w = nw;
    if (nw.hi == (size_t)-1)
        return 0;
    gi_close(nxt, t, n, w);
    return 1;
}

static int
gi_glob(const struct gi_pattern *p, const char *s, size_t len)
{
    size_t n = p->ntok, i;
    unsigned char *mem, *a, *b, *tmp;
    struct gi_win w = {0, 0};
    int ok = 1, hit;

    /* Too short for the bytes the pattern must consume: no match. */
    if (len < p->min_len)
        return 0;
    mem = acl_xcalloc(4, n + 1);
    a = mem;
    b = mem + 2 * (n + 1);
    a[0] = 1;
    gi_close(a, p->toks, n, &w);
    for (i = 0; i < len && ok; i++) {
        ok = gi_step(a, b, p, (unsigned char)s[i], &w);
        tmp = a, a = b, b = tmp;
    }
    hit = ok && a[n];
    free(mem);
    return hit;
}

/* Does pattern p of list l match path[0..len)? */
static int
gi_pattern_hits(const struct gi_list *l, const struct gi_pattern *p,
                const char *path, size_t len, int is_dir)
{
    const char *name;
    size_t nlen;

    if ((p->flags & GI_MUSTBEDIR) && !is_dir)
        return 0;
    if (p->flags & GI_BASENAME) {
        for (nlen = 0; nlen < len && path[len - 1 - nlen] != '/'; nlen++)
            ;
        return gi_glob(p, path + len - nlen, nlen);
    }
    name = l->dir_len > 0 ? path + l->dir_len + 1 : path;
    nlen = len - (size_t)(name - path);
    if (nlen < p->prefix_len || memcmp(name, p->prefix, p->prefix_len) != 0)
        return 0;
    return gi_glob(p, name + p->prefix_len, nlen - p->prefix_len);
}

/* Does list l apply to path[0..len), i.e. is its folder an ancestor? */
static int
gi_applies(const struct gi_list *l, const char *path, size_t len)
{
    return l->dir_len == 0 || (l->dir_len < len && path[l->dir_len] == '/' &&
                               memcmp(path, l->dir, l->dir_len) == 0);
}

/* The verdict on path[0..len): 1 excluded, 0 re-included, -1 no
 * pattern matched. The deepest list wins; within one, the last line. */
static int
gi_verdict(const struct acl_gitignore *g, const char *path, size_t len,
           int is_dir)
{
    size_t i, j, best_depth = 0;
    int verdict = -1;

    for (i = 0; i < g->nlist; i++) {
        const struct gi_list *l = &g->lists[i];

        if ((verdict >= 0 && l->dir_len < best_depth) ||
            !gi_applies(l, path, len))
            continue;
        for (j = l->npat; j-- > 0;) {
            if (gi_pattern_hits(l, &l->pats[j], path, len, is_dir)) {
                verdict = (l->pats[j].flags & GI_NEGATIVE) ? 0 : 1;
                best_depth = l->dir_len;
                break;
            }
        }
    }
    return verdict;
}

/* Copies path without empty and "." components; a trailing '/' makes
 * it a folder. The caller frees the result. */
static char *
gi_normalize(const char *path, int *is_dir)
{
    struct acl_buf b = {0};
    const char *s = path, *e;
    size_t n;

    while (*s != '\0') {
        e = strchr(s, '/');
        n = e != NULL ? (size_t)(e - s) : strlen(s);
        if (n > 0 && !(n == 1 && *s == '.')) {
            if (b.len > 0)
                acl_buf_putc(&b, '/');
            acl_buf_append(&b, s, n);
        }
        if (e == NULL)
            break;
        if (e[1] == '\0')
            *is_dir = 1;
        s = e + 1;
    }
    return acl_buf_steal(&b);
}

int
acl_gitignore_ignored(const struct acl_gitignore *g, const char *path,
                      int is_dir)
{
    char *p;
    size_t i, len;
    int verdict = -1;

    if (g == NULL || path == NULL)
        return 0;
    p = gi_normalize(path, &is_dir);
    len = strlen(p);
    /* git never re-includes below an excluded folder, so the folders
     * are decided first, from the top. */
    for (i = 1; i < len && verdict != 1; i++)
        if (p[i] == '/')
            verdict = gi_verdict(g, p, i, 1);
    if (verdict != 1 && len > 0)
        verdict = gi_verdict(g, p, len, is_dir);
    free(p);
    return verdict == 1;
}
