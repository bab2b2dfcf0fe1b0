/*
 * regex.c - compiled pcre2 patterns with their own match data: the one
 * place that runs pcre2_match (secret.c's table moves here too), so that
 * every match has the same limit and a limit hit is always reported as
 * "gave up" (-1), never as "no match".
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "acl/regex.h"

/* Bounds backtracking so that no input makes a scan slow. */
#define MATCH_LIMIT 1000000u

/* Zeroed bytes after a padded subject (ACL_RE_PAD_SUBJECT). */
#define PAD 64

struct acl_regex {
    pcre2_code *code;
    unsigned flags;
    struct acl_jit jit;
    pcre2_match_data *md;
    pcre2_match_context *mc;
    char *copy; /* the padded subject */
    size_t copy_cap;
};

struct acl_regex *
acl_regex_new(const char *pattern, struct acl_error *err)
{
    return acl_regex_compile(pattern, 0, err);
}

struct acl_regex *
acl_regex_compile(const char *pattern, unsigned flags, struct acl_error *err)
{
    struct acl_regex *re = acl_xcalloc(1, sizeof *re);
    uint32_t opts =
        ((flags & ACL_RE_UTF) ? PCRE2_UTF : 0) |
        ((flags & ACL_RE_DOLLAR_ENDONLY) ? PCRE2_DOLLAR_ENDONLY : 0);
    int ecode;
    PCRE2_SIZE eoff;

    re->flags = flags;
    re->code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts,
                             &ecode, &eoff, NULL);
    if (re->code == NULL) {
        PCRE2_UCHAR msg[256];

        pcre2_get_error_message(ecode, msg, sizeof msg);
        acl_error_set(err, "pattern %s: %s at %zu", pattern, (const char *)msg,
                      (size_t)eoff);
        free(re);
        return NULL;
    }
    re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
    re->mc = pcre2_match_context_create(NULL);
    if (re->md == NULL || re->mc == NULL) {
        acl_regex_free(re);
        acl_error_set(err, "pattern %s: out of memory", pattern);
        return NULL;
    }
    pcre2_set_match_limit(re->mc, MATCH_LIMIT);
    return re;
}

void
acl_jit_account(struct acl_jit *j, pcre2_code *code, size_t len)
{
    static int off = -1;

    j->scanned += len;
    if (j->tried || j->scanned < ACL_JIT_AFTER)
        return;
    j->tried = 1;
    if (off < 0)
        off = getenv("ACL_NO_JIT") != NULL;
    if (!off)
        (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
}

void
acl_regex_free(struct acl_regex *re)
{
    if (re == NULL)
        return;
    pcre2_match_context_free(re->mc);
    pcre2_match_data_free(re->md);
    pcre2_code_free(re->code);
    free(re->copy);
    free(re);
}

/* The subject to match: s itself, or a zero-padded copy. */
static const char *
subject(struct acl_regex *re, const char *s, size_t len)
{
    if (!(re->flags & ACL_RE_PAD_SUBJECT))
        return s;
    acl_xgrow((void **)&re->copy, &re->copy_cap, len + PAD, 1);
    memcpy(re->copy, s, len);
    memset(re->copy + len, 0, PAD);
    return re->copy;
}

/* An error of pcre2_match that is about the subject, not the effort:
 * invalid UTF-8 in a UTF pattern's subject cannot match. */
static int
subject_error(int rc)
{
    return rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21;
}

int
acl_regex_find(struct acl_regex *re, const char *s, size_t len, size_t from,
               size_t *ov, size_t nov)
{
    PCRE2_SIZE *v;
    uint32_t n, i;
    int rc;

    if (from > len)
        return 0;
    acl_jit_account(&re->jit, re->code, len - from);
    s = subject(re, s, len);
    rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, from, 0, re->md, re->mc);
    /* The JIT's small stack gives up where the interpreter, bounded by
     * the same match limit, finishes: let it. */
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
        rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, from, PCRE2_NO_JIT,
                         re->md, re->mc);
    if (rc == PCRE2_ERROR_NOMATCH || subject_error(rc))
        return 0;
    if (rc < 0)
        return -1; /* the match limit, or pcre2 could not finish */
    v = pcre2_get_ovector_pointer(re->md);
    n = pcre2_get_ovector_count(re->md);
    for (i = 0; 2 * (size_t)i + 1 < nov; i++) {
        int set = i < n && v[2 * i] != PCRE2_UNSET;

        ov[2 * i] = set ? (size_t)v[2 * i] : (size_t)-1;
        ov[2 * i + 1] = set ? (size_t)v[2 * i + 1] : (size_t)-1;
    }
    return 1;
}
