/*
 * cedar.c - finding a permit statement in Cedar policy text.
 *
 * A statement is: annotations, an effect (permit or forbid), a scope in
 * parentheses, conditions, and a closing ';'. Only the effect matters
 * here, so everything after it is skipped up to the ';' that is not in
 * a string or comment.
 */
#include <string.h>

#include "acl/cedar.h"

struct scan {
    const char *s;
    size_t n, i;
};

static int
ident_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
}

/* Skips a comment at the position, if one starts there. */
static int
skip_comment(struct scan *sc)
{
    const char *s = sc->s;

    if (sc->i + 1 >= sc->n || s[sc->i] != '/')
        return 0;
    if (s[sc->i + 1] == '/') {
        while (sc->i < sc->n && s[sc->i] != '\n')
            sc->i++;
        return 1;
    }
    if (s[sc->i + 1] == '*') {
        sc->i += 2;
        while (sc->i + 1 < sc->n && !(s[sc->i] == '*' && s[sc->i + 1] == '/'))
            sc->i++;
        sc->i = sc->i + 2 < sc->n ? sc->i + 2 : sc->n;
        return 1;
    }
    return 0;
}

static void
skip_blank(struct scan *sc)
{
    for (;;) {
        /* strchr also finds the terminator: NUL bytes count as blank. */
        while (sc->i < sc->n && strchr(" \t\r\n\f\v", sc->s[sc->i]) != NULL)
            sc->i++;
        if (!skip_comment(sc))
            return;
    }
}

/* Skips a string literal starting at the opening quote. */
static void
skip_string(struct scan *sc)
{
    for (sc->i++; sc->i < sc->n && sc->s[sc->i] != '"'; sc->i++)
        if (sc->s[sc->i] == '\\')
            sc->i++;
    if (sc->i < sc->n)
        sc->i++;
}

/* Skips up to and including the next c outside strings and comments. */
static void
skip_past(struct scan *sc, char c)
{
    while (sc->i < sc->n) {
        if (sc->s[sc->i] == '"') {
            skip_string(sc);
        } else if (!skip_comment(sc)) {
            if (sc->s[sc->i++] == c)
                return;
        }
    }
}

/* Skips one annotation: '@', its name, and an optional ("value"). */
static void
skip_annotation(struct scan *sc)
{
    sc->i++;
    while (sc->i < sc->n && ident_char(sc->s[sc->i]))
        sc->i++;
    skip_blank(sc);
    if (sc->i < sc->n && sc->s[sc->i] == '(')
        skip_past(sc, ')');
}

int
acl_cedar_has_permit(const char *text, size_t len)
{
    struct scan sc = {text, len, 0};

    for (;;) {
        skip_blank(&sc);
        if (sc.i >= sc.n)
            return 0;
        if (text[sc.i] == '@') {
            skip_annotation(&sc);
            continue;
        }
        if (sc.n - sc.i >= 6 && memcmp(text + sc.i, "permit", 6) == 0 &&
            (sc.n - sc.i == 6 || !ident_char(text[sc.i + 6])))
            return 1;
        skip_past(&sc, ';');
    }
}
