/*
 * secret_value.c - what a value is, whatever its name: a placeholder, a
 * test marker, a value that is never a secret (paths, URLs, resource
 * IDs, model IDs, regexes), a literal that a strong name makes a
 * secret, or a machine-generated string that even a weak name does.
 *
 * The generated-looking test weighs what gitleaks' generic rule and
 * detect-secrets' keyword detector weigh (length, character classes,
 * entropy, sequences), in its own way: a random string, split where its
 * case or digits change, falls apart into fragments of one or two
 * characters, while identifiers and compounds ("MemCredEnvOpenAI",
 * "cl100k_base", "gpt-4o-mini") keep whole words.
 */
#include <string.h>

#include "acl/secret.h"
#include "secret_int.h"

int
acl_secret_has_ci(const char *s, size_t n, const char *word)
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

int
acl_secret_starts_ci(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);

    return w <= n && acl_secret_has_ci(s, w, word);
}

int
acl_secret_eq_ci(const char *s, size_t n, const char *word)
{
    return strlen(word) == n && acl_secret_starts_ci(s, n, word);
}

void
acl_secret_trim(const char **s, size_t *n)
{
    while (*n > 0 && sec_space((unsigned char)**s)) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && sec_space((unsigned char)(*s)[*n - 1]))
        (*n)--;
}

void
acl_secret_skip_scheme(const char **s, size_t *n)
{
    static const char *const schemes[] = {"bearer ", "basic ", "token ",
                                          "apikey ", "api-key "};
    size_t i;

    acl_secret_trim(s, n);
    for (i = 0; i < ACL_ARRAY_LEN(schemes); i++)
        if (*n > strlen(schemes[i]) &&
            acl_secret_starts_ci(*s, *n, schemes[i])) {
            *s += strlen(schemes[i]);
            *n -= strlen(schemes[i]);
            acl_secret_trim(s, n);
            return;
        }
}

static int
ident_char(int c)
{
    return sec_alnum(c) || c == '_';
}

/* Length of the placeholder span at s[i] ("${X}", "{{x}}", "<x>",
 * "$(cmd)", "$VAR", "%VAR%", "{var}"), or 0. $VAR must be one case
 * (OPENAI_KEY, token): "$uperS3cret" is a literal. */
static size_t
span_at(const char *s, size_t n, size_t i)
{
    const char *close = NULL;
    size_t j, up = 0, low = 0;

    if (s[i] == '$' && i + 1 < n && (s[i + 1] == '{' || s[i + 1] == '('))
        close = memchr(s + i + 2, s[i + 1] == '{' ? '}' : ')', n - i - 2);
    else if (s[i] == '{' && i + 1 < n && s[i + 1] == '{')
        for (j = i + 2; j + 1 < n && close == NULL; j++)
            close = s[j] == '}' && s[j + 1] == '}' ? s + j + 1 : NULL;
    else if (s[i] == '<' || s[i] == '{' || s[i] == '%') {
        int end = s[i] == '<' ? '>' : s[i] == '{' ? '}' : '%';

        for (j = i + 1;
             j < n && (ident_char((unsigned char)s[j]) ||
                       (end == '>' && strchr(" -.", s[j]) && s[j] != '\0'));
             j++)
            ;
        return j < n && j > i + 1 && s[j] == end ? j + 1 - i : 0;
    } else if (s[i] == '$' &&
               (i == 0 || strchr(" /:=@,;\"'({", s[i - 1]) != NULL)) {
        for (j = i + 1; j < n && ident_char((unsigned char)s[j]); j++) {
            up += sec_upper((unsigned char)s[j]);
            low += sec_lower((unsigned char)s[j]);
        }
        if (j == i + 1 || sec_digit((unsigned char)s[i + 1]) ||
            (up > 0 && low > 0))
            return 0;
        return j - i;
    }
    return close != NULL ? (size_t)(close - s) + 1 - i : 0;
}

/* Placeholder spans cover the value, apart from punctuation and a few
 * literal characters ("sk-${KEY}", "${USER}:${PASS}"). */
static int
templated(const char *s, size_t n)
{
    size_t i = 0, literal = 0, spans = 0;

    while (i < n) {
        size_t k = span_at(s, n, i);

        if (k > 0) {
            spans++;
            i += k;
            continue;
        }
        literal += sec_alnum((unsigned char)s[i]);
        i++;
    }
    return spans > 0 && literal < 6;
}

static int
one_char_repeated(const char *s, size_t n)
{
    size_t i;

    for (i = 1; i < n; i++)
        if (s[i] != s[0])
            return 0;
    return 1;
}

/* "your-key", "your_token", "Your API key": "your" opening a word. */
static int
has_your(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i + 4 <= n; i++)
        if ((i == 0 || !sec_alnum((unsigned char)s[i - 1])) &&
            acl_secret_starts_ci(s + i, n - i, "your") &&
            (i + 4 == n || !sec_lower((unsigned char)s[i + 4])))
            return 1;
    return 0;
}

static int
placeholder_words(const char *s, size_t n)
{
    static const char *const words[] = {
        "changeme",   "change-me",  "change_me", "replaceme", "replace-me",
        "replace_me", "xxxx",       "****",      "...",       "todo",
        "tbd",        "insert_",    "insert-",   "enter_",    "enter-",
        "_here",      "-here",      "n/a",       "hidden",    "masked",
        "omitted",    "obfuscated", "censored",  "[secret]",  "[password]"};
    static const char *const whole[] = {"none",  "null",  "nil",    "undefined",
                                        "empty", "unset", "secret", "password",
                                        "token", "apikey"};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(whole); i++)
        if (acl_secret_eq_ci(s, n, whole[i]))
            return 1;
    for (i = 0; i < ACL_ARRAY_LEN(words); i++)
        if (acl_secret_has_ci(s, n, words[i]))
            return 1;
    /* "YOUR_KEY_HERE", "RANDOMSTRINGHERE", "token-goes-here". */
    if (n > 4 && acl_secret_eq_ci(s + n - 4, 4, "here"))
        return 1;
    return acl_secret_starts_ci(s, n, "xxx") || has_your(s, n);
}

int
acl_secret_placeholder(const char *s, size_t n)
{
    acl_secret_skip_scheme(&s, &n);
    if (n == 0 || one_char_repeated(s, n))
        return 1;
    return templated(s, n) || placeholder_words(s, n);
}

/* "test" opening a word ("sk-test-", "TestKey", "test123"), not inside
 * one: "Contest2024!" and "latest" are no markers. */
static int
test_word(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i + 4 <= n; i++) {
        if (!acl_secret_starts_ci(s + i, n - i, "test"))
            continue;
        if (i == 0 || !sec_alpha((unsigned char)s[i - 1]) ||
            (sec_lower((unsigned char)s[i - 1]) && s[i] == 'T'))
            return 1;
    }
    return 0;
}

int
acl_secret_marker(const char *s, size_t n)
{
    static const char *const words[] = {
        "fake",        "dummy", "example", "sample",  "mock",     "redacted",
        "placeholder", "lorem", "foobar",  "notreal", "not-real", "not_real"};
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(words); i++)
        if (acl_secret_has_ci(s, n, words[i]))
            return 1;
    return test_word(s, n);
}

int
acl_secret_env_name(const char *s, size_t n)
{
    size_t i;
    int underscore = 0;

    if (n == 0 || !sec_upper((unsigned char)s[0]))
        return 0;
    for (i = 1; i < n; i++) {
        int c = (unsigned char)s[i];

        if (c == '_')
            underscore = 1;
        else if (!sec_upper(c) && !sec_digit(c))
            return 0;
    }
    return underscore;
}

static int
b64_digit(int c)
{
    if (sec_upper(c))
        return c - 'A';
    if (sec_lower(c))
        return c - 'a' + 26;
    if (sec_digit(c))
        return c - '0' + 52;
    return c == '+' || c == '-' ? 62 : c == '/' || c == '_' ? 63 : -1;
}

size_t
acl_secret_b64_decode(const char *s, size_t n, unsigned char *out, size_t cap)
{
    size_t i, o = 0, bits = 0;
    unsigned long acc = 0;

    while (n > 0 && s[n - 1] == '=')
        n--;
    if (n % 4 == 1)
        return (size_t)-1;
    for (i = 0; i < n; i++) {
        int d = b64_digit((unsigned char)s[i]);

        if (d < 0)
            return (size_t)-1;
        acc = (acc << 6) | (unsigned long)d;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            if (o >= cap)
                return (size_t)-1;
            out[o++] = (unsigned char)(acc >> bits);
            acc &= (1ul << bits) - 1;
        }
    }
    return o;
}
