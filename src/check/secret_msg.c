/*
 * secret_msg.c - message phrases for secret findings: the kind, with
 * the right article, and a preview of at most four characters.
 */
#include <string.h>

#include "acl/secret_msg.h"

/* The detector's kind for name-flagged values (see secret.h). */
#define NAME_FLAGGED "value of a secret-named variable"

char *
acl_secret_phrase(const struct acl_secret_match *m, const char *v, size_t vlen)
{
    char preview[32];
    size_t s = m->start < vlen ? m->start : vlen;
    size_t e = m->end < vlen ? m->end : vlen;
    int named = strcmp(m->kind, NAME_FLAGGED) == 0;
    /* "an AWS ...", "an OpenAI ...", "an npm ...", but "a URL ...". */
    int an = (m->kind[0] != '\0' && strchr("AEIOaeio", m->kind[0]) != NULL) ||
             strncmp(m->kind, "npm ", 4) == 0;

    acl_secret_preview(v + s, e > s ? e - s : 0, preview);
    if (named)
        return acl_xasprintf("a secret-looking value (%s)", preview);
    return acl_xasprintf("%s %s (%s)", an ? "an" : "a", m->kind, preview);
}

static int
delimiter(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' ||
           c == '\'' || c == '`' || c == '\0';
}

void
acl_secret_widen(const char *s, size_t len, size_t *start, size_t *end)
{
    while (*start > 0 && !delimiter((unsigned char)s[*start - 1]))
        (*start)--;
    while (*end < len && !delimiter((unsigned char)s[*end]))
        (*end)++;
}

void
acl_secret_incomplete(const struct acl_project *p, const struct acl_text *t,
                      const char *where)
{
    acl_project_notice(p, t != NULL ? t->display : "",
                       "the secret scan of %s stopped at the pattern match "
                       "limit, so it was not fully checked; shorten the "
                       "value or check it by hand",
                       where != NULL && where[0] != '\0' ? where : "a value");
}
