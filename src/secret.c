/*
 * secret.c - decides whether a string is a secret: known credential
 * formats (a pcre2 table compiled once) and secret-looking names paired
 * with real-looking values. See spec/rules.md, "Secret values".
 *
 * Precision matters more than recall here: a linter that cries wolf on
 * ARNs, model IDs and documentation samples gets switched off. So each
 * pattern match passes a few cheap filters after the regex (documentation
 * samples, placeholder runs, slugs that merely start like a key).
 */
#define PCRE2_CODE_UNIT_WIDTH 8

#include <assert.h>
#include <pcre2.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acl/regex.h"
#include "acl/secret.h"

/* Filters applied to a regex match before it counts. */
enum {
    F_DOC = 1,    /* reject when the match says "example" anywhere */
    F_RUN = 2,    /* reject a run of 6 identical characters (XXXXXX) */
    F_RANDOM = 4, /* group 1 must look random, not like a word slug */
    F_URL = 8     /* group 1 user, group 2 password: reject placeholders */
};

struct pattern {
    const char *kind;
    const char *re;
    unsigned flags;
    /* Literals one of which every match contains ('|'-separated): a
     * memmem screen that spares pcre2 almost every string. */
    const char *anchors;
};

#define TOKEN (F_DOC | F_RUN)

/* Ordered: when two patterns match at the same place, the earlier row
 * names the kind (Anthropic keys also match the OpenAI row). Every
 * repeat is bounded so that rejected matches cannot make a scan of a
 * large file quadratic. */
static const struct pattern patterns[] = {
    {"AWS access key ID",
     "\\b(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\\b", TOKEN, "AKIA|ASIA|ABIA|ACCA"},
    {"Amazon Bedrock API key",
     "(?<![A-Za-z0-9+/])ABSK[A-Za-z0-9+/]{80,1024}={0,2}", TOKEN, "ABSK"},
    {"Amazon Bedrock API key", "bedrock-api-key-[A-Za-z0-9+/]{40,4096}={0,2}",
     TOKEN, "bedrock-api-key-"},
    {"Anthropic API key",
     "(?<![A-Za-z0-9_-])sk-ant-(?:api03|admin01)-([A-Za-z0-9_-]{20,400})",
     TOKEN | F_RANDOM, "sk-ant-"},
    {"OpenAI API key",
     "(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-)?([A-Za-z0-9_-]{20,400})",
     TOKEN | F_RANDOM, "sk-"},
    {"GitHub token", "\\bgh[pousr]_([A-Za-z0-9]{36})\\b", TOKEN | F_RANDOM,
     "ghp_|gho_|ghu_|ghs_|ghr_"},
    {"GitHub token", "\\bgithub_pat_([A-Za-z0-9_]{30,255})", TOKEN | F_RANDOM,
     "github_pat_"},
    {"Slack token", "\\bxox[abposr]-[0-9]{1,20}-[A-Za-z0-9-]{8,255}", TOKEN,
     "xox"},
    {"Stripe secret key", "\\b[rs]k_live_([A-Za-z0-9]{10,255})",
     TOKEN | F_RANDOM, "k_live_"},
    {"Google API key", "\\bAIza([A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])",
     TOKEN | F_RANDOM, "AIza"},
    /* Only with key material right after the header (and its optional
     * "Proc-Type: ..." lines, raw or as \n escapes): a bare BEGIN line
     * is a documentation sample or a format hint, not a key. */
    {"private key",
     "-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----"
     "(?=(?:\\s|\\\\+[nr]){0,8}+"
     "(?:[A-Za-z-]{1,40}: [^\\r\\n\\\\]{0,200}+(?:\\s|\\\\+[nr]){1,8}+){0,8}+"
     "[A-Za-z0-9+/]{32})",
     F_DOC, "-----BEGIN"},
    /* Unsigned tokens (empty third part) authenticate nothing. */
    {"JSON Web Token",
     "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{8,8192}"
     "\\.[A-Za-z0-9_-]{8,4096}",
     F_DOC, "eyJ"},
    {"URL with a password",
     "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}://"
     "([^\\s:/@?#\"'`]{0,128}):([^\\s/@?#\"'`]{1,256})@"
     "[A-Za-z0-9\\[][^\\s/?#@\"'`]{0,255}",
     F_DOC | F_URL, "://"},
};

#define NPATTERNS ACL_ARRAY_LEN(patterns)

/* Shared state: the detector is not thread-safe (one match-data). */
static pcre2_code *compiled[NPATTERNS];
static struct acl_jit jit[NPATTERNS];
static pcre2_match_data *mdata;
static int ready;

static void split_anchors(void);

int
acl_secret_init(struct acl_error *err)
{
    size_t i;

    if (ready)
        return 0;
    for (i = 0; i < NPATTERNS; i++) {
        int ecode;
        PCRE2_SIZE eoff;

        compiled[i] = pcre2_compile((PCRE2_SPTR)patterns[i].re,
                                    PCRE2_ZERO_TERMINATED, 0, &ecode, &eoff,
                                    NULL);
        if (compiled[i] == NULL) {
            PCRE2_UCHAR msg[256];

            pcre2_get_error_message(ecode, msg, sizeof msg);
            acl_secret_fini();
            return acl_error_set(err, "secret pattern %zu (%s): %s at %zu",
                                 i, patterns[i].kind, (const char *)msg,
                                 (size_t)eoff);
        }
        memset(&jit[i], 0, sizeof jit[i]);
    }
    mdata = pcre2_match_data_create(8, NULL);
    if (mdata == NULL) {
        acl_secret_fini();
        return acl_error_set(err, "secret patterns: out of memory");
    }
    split_anchors();
    ready = 1;
    return 0;
}

void
acl_secret_fini(void)
{
    size_t i;

    for (i = 0; i < NPATTERNS; i++) {
        pcre2_code_free(compiled[i]);
        compiled[i] = NULL;
    }
    pcre2_match_data_free(mdata);
    mdata = NULL;
    ready = 0;
}

/* ---- locale-free ASCII classes ---- */

static int
is_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static int
is_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static int
is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int
is_alnum(int c)
{
    return is_upper(c) || is_lower(c) || is_digit(c);
}

static int
is_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Case-insensitive search for an ASCII word in s[0..n). */
static int
contains_ci(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word), i, j;

    for (i = 0; i + w <= n; i++) {
        for (j = 0; j < w; j++)
            if (acl_ascii_lower((unsigned char)s[i + j]) != word[j])
                break;
        if (j == w)
            return 1;
    }
    return 0;
}

/* Case-sensitive search; memmem is not in C17 or POSIX 2008. */
static int
contains(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word), i;

    for (i = 0; i + w <= n; i++)
        if (memcmp(s + i, word, w) == 0)
            return 1;
    return 0;
}

static int
starts_ci(const char *s, size_t n, const char *prefix)
{
    size_t p = strlen(prefix);

    return p <= n && contains_ci(s, p, prefix);
}

static int
eq_ci(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && starts_ci(s, n, word);
}

static int
has_run(const char *s, size_t n, size_t run)
{
    size_t i, same = 1;

    for (i = 1; i < n; i++) {
        same = s[i] == s[i - 1] ? same + 1 : 1;
        if (same >= run)
            return 1;
    }
    return 0;
}

/* ---- known formats ---- */

/* Random keys mix cases (and nearly always digits); slugs such as
 * "sk-learn-pipeline-2024" or "ghp_" + placeholder text do not. */
static int
looks_random(const char *s, size_t n)
{
    int up = 0, low = 0, dig = 0;
    size_t i;

    for (i = 0; i < n; i++) {
        up |= is_upper((unsigned char)s[i]);
        low |= is_lower((unsigned char)s[i]);
        dig |= is_digit((unsigned char)s[i]);
    }
    return up && low && (dig || n >= 30);
}

static int is_placeholder(const char *v, size_t n);

/* "user:${DB_PASSWORD}@", "postgres:postgres@", "user:password@" are
 * templates and documentation defaults, not leaked passwords. */
static int
url_password_real(const char *user, size_t un, const char *pw, size_t pn)
{
    static const char *const words[] = {"password", "passwd", "pass",
                                        "pwd",      "pw",     "secret"};
    size_t i;

    if (memchr("$<{[(*", pw[0], 6) != NULL || is_placeholder(pw, pn))
        return 0;
    if (starts_ci(pw, pn, "%24") || starts_ci(pw, pn, "%7b") ||
        starts_ci(pw, pn, "%3c"))
        return 0;
    if (un == pn && memcmp(user, pw, pn) == 0)
        return 0;
    for (i = 0; i < ACL_ARRAY_LEN(words); i++)
        if (eq_ci(pw, pn, words[i]))
            return 0;
    return 1;
}

static int
match_passes(const struct pattern *p, const char *s, const PCRE2_SIZE *ov)
{
    const char *m = s + ov[0];
    size_t mn = ov[1] - ov[0];

    if ((p->flags & F_DOC) && contains_ci(m, mn, "example"))
        return 0;
    if ((p->flags & F_RUN) && has_run(m, mn, 6))
        return 0;
    if ((p->flags & F_RANDOM) &&
        !looks_random(s + ov[2], ov[3] - ov[2]))
        return 0;
    if ((p->flags & F_URL) &&
        !url_password_real(s + ov[2], ov[3] - ov[2], s + ov[4],
                           ov[5] - ov[4]))
        return 0;
    return 1;
}

/* First accepted match of pattern i in s; returns its start or len+1. */
static size_t
first_match(size_t i, const char *s, size_t len, size_t *end)
{
    size_t off = 0;

    while (off <= len) {
        const PCRE2_SIZE *ov;
        int rc;

        acl_jit_account(&jit[i], compiled[i], len - off);
        rc = pcre2_match(compiled[i], (PCRE2_SPTR)s, len, off, 0, mdata, NULL);
        if (rc < 0)
            break; /* no match, or a resource limit: treat as none */
        ov = pcre2_get_ovector_pointer(mdata);
        if (match_passes(&patterns[i], s, ov)) {
            *end = ov[1];
            return ov[0];
        }
        off = ov[0] + 1;
    }
    return len + 1;
}

/* The anchors of all patterns, split once, with a table from each
 * byte to the anchors that start with it: one pass over a string finds
 * which patterns can match it. */
#define MAX_ANCHOR_LITS 32

static struct {
    const char *s;
    size_t n;
    size_t pattern;
} anchor_lits[MAX_ANCHOR_LITS];
static uint32_t anchors_from[256]; /* byte -> bits of anchor_lits */
static uint32_t anchorless;        /* bits of the patterns without any */

static void
split_anchors(void)
{
    size_t i, k = 0;

    assert(NPATTERNS <= 32);
    memset(anchors_from, 0, sizeof anchors_from);
    anchorless = 0;
    for (i = 0; i < NPATTERNS; i++) {
        const char *a = patterns[i].anchors;

        if (a == NULL || *a == '\0')
            anchorless |= 1u << i;
        while (a != NULL && *a != '\0') {
            size_t n = strcspn(a, "|");

            assert(k < MAX_ANCHOR_LITS && n > 0);
            anchor_lits[k].s = a;
            anchor_lits[k].n = n;
            anchor_lits[k].pattern = i;
            anchors_from[(unsigned char)a[0]] |= 1u << k;
            k++;
            a += n + (a[n] == '|');
        }
    }
}

/* The bits of the patterns one of whose anchors s holds (or that have
 * none). */
static uint32_t
patterns_anchored(const char *s, size_t len)
{
    uint32_t found = anchorless;
    size_t i;

    for (i = 0; i < len; i++) {
        uint32_t cand = anchors_from[(unsigned char)s[i]];

        while (cand != 0) {
            int k = __builtin_ctz(cand);

            cand &= cand - 1;
            if (anchor_lits[k].n <= len - i &&
                memcmp(s + i, anchor_lits[k].s, anchor_lits[k].n) == 0)
                found |= 1u << anchor_lits[k].pattern;
        }
    }
    return found;
}

int
acl_secret_known(const char *s, size_t len, struct acl_secret_match *m)
{
    size_t i, best = len + 1, best_end = 0, best_i = 0;
    uint32_t anchored;

    if (s == NULL || (!ready && acl_secret_init(NULL) != 0))
        return 0;
    anchored = patterns_anchored(s, len);
    for (i = 0; i < NPATTERNS; i++) {
        size_t end = 0, start;

        if (!(anchored & (1u << i)))
            continue;
        start = first_match(i, s, len, &end);
        if (start < best) {
            best = start;
            best_end = end;
            best_i = i;
        }
    }
    if (best > len)
        return 0;
    if (m != NULL) {
        m->kind = patterns[best_i].kind;
        m->start = best;
        m->end = best_end;
    }
    return 1;
}

/* ---- names ---- */

/* A new token starts at i on "aB", "1B" and on the "K" of "APIKey". */
static int
case_boundary(const char *s, size_t len, size_t i)
{
    int prev = (unsigned char)s[i - 1], c = (unsigned char)s[i];

    if (!is_upper(c))
        return 0;
    if (is_lower(prev) || is_digit(prev))
        return 1;
    return is_upper(prev) && i + 1 < len && is_lower((unsigned char)s[i + 1]);
}

/* Finds the token at or after *pos; returns 0 at the end of the name. */
static int
next_token(const char *s, size_t len, size_t *pos, size_t *start,
           size_t *tlen)
{
    size_t i = *pos;

    while (i < len && !is_alnum((unsigned char)s[i]))
        i++;
    if (i >= len)
        return 0;
    *start = i++;
    while (i < len && is_alnum((unsigned char)s[i]) &&
           !case_boundary(s, len, i))
        i++;
    *tlen = i - *start;
    *pos = i;
    return 1;
}

static int
word_listed(const char *const *list, size_t n, const char *t, size_t tlen)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (eq_ci(t, tlen, list[i]))
            return 1;
    return 0;
}

static const char *const secret_words[] = {
    "key",        "apikey",      "secret",  "token", "password",
    "passwd",     "pwd",         "credential", "credentials",
    "private",    "auth",        "authorization", "bearer"};

static const char *const excluded_last[] = {
    "name",   "arn",   "id",    "path",      "file",   "url",   "uri",
    "region", "ref",   "param", "parameter", "length", "limit", "count",
    "max",    "min",   "ttl",   "type",      "mode"};

/* "SECRET_ARNS" describes references just as "SECRET_ARN" does. */
static int
excluded_token(const char *t, size_t tlen)
{
    size_t n = ACL_ARRAY_LEN(excluded_last);

    if (word_listed(excluded_last, n, t, tlen))
        return 1;
    return tlen > 1 && acl_ascii_lower((unsigned char)t[tlen - 1]) == 's' &&
           word_listed(excluded_last, n, t, tlen - 1);
}

int
acl_secret_name(const char *name, size_t len)
{
    size_t pos = 0, start = 0, tlen = 0, last = 0, lastlen = 0;
    int flagged = 0;

    if (name == NULL)
        return 0;
    while (next_token(name, len, &pos, &start, &tlen)) {
        if (word_listed(secret_words, ACL_ARRAY_LEN(secret_words),
                        name + start, tlen))
            flagged = 1;
        last = start;
        lastlen = tlen;
    }
    return flagged && !excluded_token(name + last, lastlen);
}

/* ---- values ---- */

static size_t
utf8_chars(const char *s, size_t n)
{
    size_t i, c = 0;

    for (i = 0; i < n; i++)
        c += ((unsigned char)s[i] & 0xC0) != 0x80;
    return c;
}

static int
all_digits(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!is_digit((unsigned char)s[i]))
            return 0;
    return 1;
}

/* The whole value is one character (one UTF-8 sequence) repeated. */
static int
one_char_repeated(const char *s, size_t n)
{
    size_t k = 1, i;

    while (k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
        k++;
    if (n % k != 0)
        return 0;
    for (i = k; i < n; i += k)
        if (memcmp(s, s + i, k) != 0)
            return 0;
    return 1;
}

static int
is_ident_char(int c)
{
    return is_alnum(c) || c == '_';
}

/* "$VAR", "$(cmd)", "%VAR%", or a last word "$VAR" ("Bearer $TOKEN"). */
static int
is_env_reference(const char *s, size_t n)
{
    size_t i = n;

    if (n >= 2 && s[0] == '$' &&
        (is_ident_char((unsigned char)s[1]) || s[1] == '(' || s[1] == '{'))
        return 1;
    if (n >= 3 && s[0] == '%' && s[n - 1] == '%') {
        for (i = 1; i + 1 < n && is_ident_char((unsigned char)s[i]); i++)
            ;
        if (i == n - 1)
            return 1;
    }
    for (i = n; i > 0 && is_ident_char((unsigned char)s[i - 1]); i--)
        ;
    return i >= 2 && i < n && s[i - 1] == '$' &&
           is_space((unsigned char)s[i - 2]);
}

/* "${...}" or "{{...}}" anywhere: a template fills the value in later.
 * One pass each: values can be whole files. */
static int
is_template(const char *s, size_t n)
{
    size_t i, close = n;

    for (i = n; i > 0; i--)
        if (s[i - 1] == '}') {
            close = i - 1;
            break;
        }
    for (i = 0; i + 1 < close; i++)
        if (s[i] == '$' && s[i + 1] == '{')
            return 1;
    for (i = 0; i + 1 < n; i++)
        if (s[i] == '{' && s[i + 1] == '{')
            return contains(s + i, n - i, "}}");
    return 0;
}

/* "<token>", "Bearer <YOUR_API_KEY>". */
static int
has_angle_placeholder(const char *s, size_t n)
{
    size_t i, j;

    for (i = 0; i < n; i++) {
        if (s[i] != '<')
            continue;
        for (j = i + 1; j < n; j++) {
            int c = (unsigned char)s[j];

            if (!is_ident_char(c) && c != ' ' && c != '-' && c != '.')
                break;
        }
        if (j < n && j > i + 1 && s[j] == '>')
            return 1;
    }
    return 0;
}

/* "your-key", "Bearer your_token": the word "your" opening a slug. */
static int
has_your(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i + 5 <= n; i++) {
        if (i > 0 && is_alnum((unsigned char)s[i - 1]))
            continue;
        if (starts_ci(s + i, n - i, "your-") ||
            starts_ci(s + i, n - i, "your_"))
            return 1;
    }
    return 0;
}

static int
has_placeholder_word(const char *s, size_t n)
{
    static const char *const words[] = {
        "changeme",    "change-me", "change_me",  "example",    "dummy",
        "placeholder", "replaceme", "replace-me", "replace_me", "redacted"};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(words); i++)
        if (contains_ci(s, n, words[i]))
            return 1;
    return 0;
}

static int
is_placeholder(const char *s, size_t n)
{
    if (n == 0 || one_char_repeated(s, n))
        return 1;
    if (is_template(s, n) || is_env_reference(s, n) ||
        has_angle_placeholder(s, n) || has_your(s, n) ||
        has_placeholder_word(s, n))
        return 1;
    if (starts_ci(s, n, "xxx") || contains_ci(s, n, "xxxx") ||
        starts_ci(s, n, "***") || contains(s, n, "****"))
        return 1;
    return starts_ci(s, n, "todo") || contains(s, n, "TODO");
}

/* "OPENAI_API_KEY" as a value names the variable that holds the key. */
static int
is_env_name(const char *s, size_t n)
{
    size_t i;
    int underscore = 0;

    if (n == 0 || !is_upper((unsigned char)s[0]))
        return 0;
    for (i = 1; i < n; i++) {
        int c = (unsigned char)s[i];

        if (c == '_')
            underscore = 1;
        else if (!is_upper(c) && !is_digit(c))
            return 0;
    }
    return underscore;
}

/* An address such as "https://auth.corp.test/oauth2/token" carries no
 * credential; one with a password, query or fragment might. */
static int
is_plain_url(const char *s, size_t n)
{
    size_t i = 0, auth_end;
    const char *at, *colon;

    while (i < n && (is_alnum((unsigned char)s[i]) || s[i] == '+' ||
                     s[i] == '.' || s[i] == '-'))
        i++;
    if (i == 0 || !(is_upper((unsigned char)s[0]) ||
                    is_lower((unsigned char)s[0])))
        return 0;
    if (n - i < 3 || memcmp(s + i, "://", 3) != 0)
        return 0;
    if (memchr(s, '?', n) || memchr(s, '#', n) || memchr(s, ' ', n))
        return 0;
    i += 3;
    for (auth_end = i; auth_end < n && s[auth_end] != '/'; auth_end++)
        ;
    at = memchr(s + i, '@', auth_end - i);
    colon = at != NULL ? memchr(s + i, ':', (size_t)(at - (s + i))) : NULL;
    return colon == NULL;
}

static void
trim(const char **s, size_t *n)
{
    while (*n > 0 && is_space((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && is_space((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

int
acl_secret_value(const char *v, size_t len)
{
    if (v == NULL)
        return 0;
    trim(&v, &len);
    if (utf8_chars(v, len) < 8 || all_digits(v, len))
        return 0;
    if (eq_ci(v, len, "true") || eq_ci(v, len, "false"))
        return 0;
    if (starts_ci(v, len, "arn:") || is_placeholder(v, len))
        return 0;
    return !is_env_name(v, len) && !is_plain_url(v, len);
}

int
acl_secret_check(const char *name, size_t nlen, const char *v, size_t vlen,
                 struct acl_secret_match *m)
{
    if (acl_secret_known(v, vlen, m))
        return 1;
    if (!acl_secret_name(name, nlen) || !acl_secret_value(v, vlen))
        return 0;
    if (m != NULL) {
        m->kind = "value of a secret-named variable";
        m->start = 0;
        m->end = vlen;
    }
    return 1;
}

/* ---- preview ---- */

/* Length of the well-formed UTF-8 sequence at s (code point in *cp), or
 * 0 when it is malformed, overlong, a surrogate or truncated. */
static size_t
utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
    static const uint32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    size_t k, i;
    uint32_t c;

    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    k = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 0;
    if (k == 0 || k > n || s[0] > 0xF4)
        return 0;
    c = s[0] & (0x7F >> k);
    for (i = 1; i < k; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min[k] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return k;
}

/* Control and bidi-override characters could rewrite a terminal line. */
static int
unsafe_cp(uint32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

void
acl_secret_preview(const char *s, size_t len, char out[32])
{
    size_t shown = 0, i = 0, o = 0, limit;

    /* Short values show at most half, so no preview is the whole secret. */
    limit = s == NULL ? 0 : utf8_chars(s, len) / 2;
    if (limit > 4)
        limit = 4;
    while (shown < limit && i < len) {
        uint32_t cp = 0;
        size_t k = utf8_seq((const unsigned char *)s + i, len - i, &cp);

        if (k == 0 || unsafe_cp(cp)) {
            out[o++] = '?';
            i += k == 0 ? 1 : k;
        } else {
            memcpy(out + o, s + i, k);
            o += k;
            i += k;
        }
        shown++;
    }
    memcpy(out + o, "\xE2\x80\xA6", 4);
}
