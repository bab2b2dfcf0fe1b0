/*
 * secret.c - decides whether a string is a secret: known credential
 * formats (a pcre2 table compiled once) and secret-looking names paired
 * with real-looking values. See docs/rules.md, AC003.
 *
 * Precision matters more than recall here: a linter that cries wolf on
 * ARNs, model IDs and documentation samples gets switched off. So each
 * pattern match passes a few cheap filters after the regex (documentation
 * samples, placeholder runs, slugs that merely start like a key).
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acl/regex.h"
#include "acl/secret.h"
#include "acl/url.h"
#include "acl/utf8.h"
#include "secret_int.h"

/* Filters applied to a regex match before it counts. */
enum {
    F_DOC = 1,      /* reject when the match says "example" anywhere */
    F_RUN = 2,      /* reject a run of 6 blank fillers (XXXXXX, see has_run) */
    F_RANDOM = 4,   /* group 1 must look random, not like a word slug */
    F_URL = 8,      /* group 1 user, group 2 password: reject placeholders */
    F_CONN = 16,    /* group 1 password of a key=value connection string */
    F_QUERY = 32,   /* group 1 parameter name, group 2 its value */
    F_JWT = 64,     /* the header must decode to a JSON object */
    F_REDACT = 128, /* reject when "###" or "***" follows the match */
    F_SAMPLE = 256, /* reject published sample keys (sample_keys) */
    F_T3 = 512,     /* an OpenAI "...BlbkFJ..." key must say "T3BlbkFJ" */
    F_MIXED = 1024, /* group 1 has a letter and a digit */
    F_SEQ = 2048,   /* reject an alphabet run ("0123456789abcdef") */
    F_TAIL = 4096,  /* F_RUN and F_SEQ look only after the last '-' */
    F_PEM = 8192    /* group 1 is a PEM body line: reject placeholders */
};

struct pattern {
    const char *kind;
    const char *re;
    unsigned flags;
    /* Literals one of which every match contains ('|'-separated): a
     * memcmp screen that spares pcre2 almost every string. */
    const char *anchors;
};

#define TOKEN (F_DOC | F_RUN | F_SEQ)

/* F_RUN rejects runs of the characters people type as blanks (XXXXXX,
 * 000000, ******): a run of another character ("AKIAZZZZ...", the
 * "1111111" of a Slack team number) is still a key shape. */

/* Ordered: when two patterns match at the same place, the earlier row
 * names the kind (Anthropic keys also match the OpenAI row). Every
 * repeat is bounded so that rejected matches cannot make a scan of a
 * large file quadratic. */
static const struct pattern patterns[] = {
    {"AWS access key ID",
     "\\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z2-7]{16}\\b", TOKEN,
     "AKIA|ASIA|ABIA|ACCA|A3T"},
    /* Long-lived keys: "ABSK" + base64 of "BedrockAPIKey-...", at most
     * 269 characters as issued. The shape is evidence enough, so no
     * "EXAMPLE" filter: from the text alone nobody can tell a pasted
     * sample from a key, and scanners report both. */
    {"Amazon Bedrock API key",
     "(?<![A-Za-z0-9+/])ABSK[A-Za-z0-9+/]{80,269}={0,2}(?![A-Za-z0-9+/=])",
     F_RUN | F_SEQ, "ABSK"},
    {"Amazon Bedrock API key", "bedrock-api-key-[A-Za-z0-9+/]{40,4096}={0,2}",
     TOKEN, "bedrock-api-key-"},
    /* 93 characters and "AA": the shape Anthropic issues, evidence
     * enough without a randomness test. */
    {"Anthropic API key",
     "(?<![A-Za-z0-9_-])sk-ant-(?:api03|admin01)-([A-Za-z0-9_-]{93})AA"
     "(?![A-Za-z0-9_-])",
     F_DOC | F_RUN, "sk-ant-"},
    {"Langfuse secret key",
     "\\bsk-lf-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
     "\\b",
     TOKEN, "sk-lf-"},
    {"OpenAI API key",
     "(?<![A-Za-z0-9_-])sk-(?!ant-)(?:(?:proj|svcacct|admin)-)?"
     "([A-Za-z0-9_-]{20,400})",
     TOKEN | F_RANDOM | F_T3, "sk-"},
    {"GitHub token", "\\bgh[pousr]_([A-Za-z0-9]{36})\\b", TOKEN | F_RANDOM,
     "ghp_|gho_|ghu_|ghs_|ghr_"},
    {"GitHub token", "\\bgithub_pat_([A-Za-z0-9_]{30,255})", TOKEN | F_RANDOM,
     "github_pat_"},
    /* A team or user number of five digits or more ("xoxp-1234-..." is
     * a sample), optionally after a one-digit version ("xoxa-2-"). */
    {"Slack token",
     "\\bxox[abposre]-(?:[0-9]-)?[0-9]{5,20}-[A-Za-z0-9-]{7,254}[A-Za-z0-9]",
     TOKEN | F_REDACT | F_TAIL, "xox"},
    {"Slack token", "\\bxoxe(?:\\.xox[bp])?-[0-9]-[A-Za-z0-9]{100,255}", TOKEN,
     "xoxe"},
    /* Legacy workspace and refresh tokens: "xoxa-2-<12+>", "xoxr-<12+>". */
    {"Slack token", "\\bxox[ar]-(?:[0-9]-)?([a-z0-9]{10,48})(?![A-Za-z0-9-])",
     TOKEN | F_MIXED, "xoxa-|xoxr-"},
    {"Slack app token",
     "\\bxapp-[0-9]-[A-Z0-9]{6,40}-[0-9]{6,20}-[A-Za-z0-9]{16,128}", TOKEN,
     "xapp-"},
    {"Slack webhook URL",
     "hooks\\.slack\\.com/(?:services|workflows|triggers)/"
     "[A-Za-z0-9+/_-]{40,400}",
     F_DOC, "hooks.slack.com/"},
    /* Test-mode keys open the account's test data: secrets too. */
    {"Stripe secret key", "\\b[rs]k_(?:live|test|prod)_([A-Za-z0-9]{10,255})",
     TOKEN | F_RANDOM, "k_live_|k_test_|k_prod_"},
    {"Google API key", "\\bAIza([A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])",
     TOKEN | F_RANDOM | F_SAMPLE, "AIza"},
    {"Hugging Face token",
     "(?<![A-Za-z0-9_])(?:hf|api_org)_([A-Za-z]{34})(?![A-Za-z0-9_])",
     TOKEN | F_RANDOM, "hf_|api_org_"},
    /* Keys of the services AI agents call most: LangSmith, Tavily,
     * Groq, Pinecone, Perplexity, xAI, Replicate; and npm, GitLab and
     * SendGrid tokens. Each in its issued shape. */
    {"LangSmith API key", "\\blsv2_(?:pt|sk)_[0-9a-f]{32}_[0-9a-f]{10}\\b",
     TOKEN, "lsv2_"},
    {"Tavily API key", "\\btvly-(?:dev-|prod-)?([A-Za-z0-9]{32})\\b",
     TOKEN | F_RANDOM, "tvly-"},
    {"Groq API key", "\\bgsk_([A-Za-z0-9]{52})\\b", TOKEN | F_RANDOM, "gsk_"},
    {"Pinecone API key", "\\bpcsk_[A-Za-z0-9]{4,10}_([A-Za-z0-9]{40,90})\\b",
     TOKEN | F_RANDOM, "pcsk_"},
    {"Perplexity API key", "\\bpplx-([A-Za-z0-9]{48})\\b", TOKEN | F_RANDOM,
     "pplx-"},
    {"xAI API key", "\\bxai-([A-Za-z0-9]{80})\\b", TOKEN | F_RANDOM, "xai-"},
    {"Replicate API token", "\\br8_([A-Za-z0-9]{37})\\b", TOKEN | F_RANDOM,
     "r8_"},
    {"npm token", "\\bnpm_([A-Za-z0-9]{36})\\b", TOKEN | F_RANDOM, "npm_"},
    {"GitLab token", "\\bglpat-([A-Za-z0-9_-]{20})(?![A-Za-z0-9_-])",
     TOKEN | F_RANDOM, "glpat-"},
    {"SendGrid API key",
     "\\bSG\\.([A-Za-z0-9_-]{22})\\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])",
     TOKEN | F_RANDOM, "SG."},
    /* Only with key material right after the header (and its optional
     * "Proc-Type: ..." lines, raw or as \n escapes): a bare BEGIN line
     * is a documentation sample or a format hint, not a key. */
    {"private key",
     "-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----"
     "(?=(?:\\s|\\\\+[nr]){0,8}+"
     "(?:[A-Za-z-]{1,40}: [^\\r\\n\\\\]{0,200}+(?:\\s|\\\\+[nr]){1,8}+){0,8}+"
     "[A-Za-z0-9+/]{32})",
     F_DOC, "-----BEGIN"},
    /* A header on its own line followed by a body line of any text (a
     * redacted or made-up body is still a key block someone pasted);
     * a header inside a sentence or string, or a one-word body
     * ("anything", "..."), is not. */
    {"private key",
     "(?:^|(?<=[\\n\"'`])|(?<=\\\\n))[ \\t]{0,8}"
     "-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----[ \\t]{0,8}"
     "(?:\\r?\\n|(?:\\\\r)?\\\\n)[ \\t]{0,8}+"
     "([^\\s\\\\\"'`<>{}$-][^\\r\\n\\\\\"'`]{11,200})",
     F_DOC | F_PEM, "-----BEGIN"},
    /* header.payload(.signature): unsigned tokens ("alg":"none", or the
     * signature cut off) still carry the claims a server may trust. */
    {"JSON Web Token",
     "(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{8,4096}\\.eyJ[A-Za-z0-9_-]{8,8192}"
     "(?:\\.[A-Za-z0-9_-]{0,4096})?",
     F_DOC | F_JWT, "eyJ"},
    {"URL with a password",
     "(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,30}://"
     "([^\\s:/@?#\"'`]{0,128}):([^\\s/@\"'`]{1,256})@"
     "[A-Za-z0-9\\[][^\\s/?#@\"'`]{0,255}",
     F_DOC | F_URL, "://"},
    /* JDBC ";password=" and "?password=", ADO.NET "Password=...;",
     * libpq "host=h password=p", Azure "AccountKey=": the value, when
     * the string also reads like a connection string (see conn_context). */
    {"connection string with a password",
     "(?i)(?:^|(?<=[;?&\\s]))(?:password|passwd|pwd|pass|accountkey|"
     "sharedaccesskey)\\s{0,4}=\\s{0,4}([^;&\\s\"'`]{1,256})",
     F_CONN, "="},
    {"URL query parameter with a secret",
     "[?&]([A-Za-z][A-Za-z0-9_.-]{0,63})=([^&#\\s\"'`<>]{1,1024})", F_QUERY,
     "="},
};

#define NPATTERNS ACL_ARRAY_LEN(patterns)

/* Process state: the compiled table (each struct acl_regex keeps its
 * own match data and lazy-JIT count). Not thread-safe. */
static struct acl_regex *compiled[NPATTERNS];
static int ready;

static void split_anchors(void);

int
acl_secret_init(struct acl_error *err)
{
    size_t i;

    if (ready)
        return 0;
    for (i = 0; i < NPATTERNS; i++) {
        compiled[i] = acl_regex_new(patterns[i].re, err);
        if (compiled[i] == NULL) {
            acl_secret_fini();
            return -1;
        }
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
        acl_regex_free(compiled[i]);
        compiled[i] = NULL;
    }
    ready = 0;
}

/* A run of one blank-filler character: X, x, 0, *, #, '.', '-', '_'. */
static int
has_run(const char *s, size_t n, size_t run)
{
    size_t i, same = 1;

    for (i = 1; i < n; i++) {
        same = s[i] == s[i - 1] ? same + 1 : 1;
        if (same >= run && s[i] != '\0' && strchr("Xx0*#.-_", s[i]) != NULL)
            return 1;
    }
    return 0;
}

/* "0123456789abcdef", "ABCDEFGHIJ": a typed sample, not a random key. */
static int
has_sequence(const char *s, size_t n)
{
    size_t i, run = 1;

    for (i = 1; i < n; i++) {
        run = (unsigned char)s[i] == (unsigned char)s[i - 1] + 1 ? run + 1 : 1;
        if (run >= 8)
            return 1;
    }
    return 0;
}

/* ---- known formats ---- */

/* Random keys mix cases (and nearly always digits); slugs such as
 * "sk-learn-pipeline-2024" or "ghp_" + placeholder text do not, and
 * neither do typed samples with an alphabet run ("...abcdefghijkl..."). */
static int
looks_random(const char *s, size_t n)
{
    int up = 0, low = 0, dig = 0;
    size_t i, run = 1;

    for (i = 0; i < n; i++) {
        up |= sec_upper((unsigned char)s[i]);
        low |= sec_lower((unsigned char)s[i]);
        dig |= sec_digit((unsigned char)s[i]);
        run = i > 0 && (unsigned char)s[i] == (unsigned char)s[i - 1] + 1
                  ? run + 1
                  : 1;
        if (run >= 8)
            return 0;
    }
    if (up && low && (dig || n >= 30))
        return 1;
    /* One case and digits ("sk_test_v1uazsc4czvo..."): random when long
     * and machine-generated by the weak-name test. */
    return dig && n >= 24 && acl_secret_generated(s, n);
}

static int
letters_and_digits(const char *s, size_t n)
{
    size_t i, l = 0, d = 0;

    for (i = 0; i < n; i++) {
        l += sec_alpha((unsigned char)s[i]);
        d += sec_digit((unsigned char)s[i]);
    }
    return l > 0 && d > 0;
}

/* "eyJ<header>.": the header decodes to a JSON object ('{' ... '}'),
 * as every issued token's does; a cut or garbled one is a sample. */
static int
jwt_header_ok(const char *s, size_t n)
{
    const char *dot = memchr(s, '.', n);
    unsigned char buf[512];
    size_t k;

    if (dot == NULL || (size_t)(dot - s) > 600)
        return 0;
    size_t i, printable = 0;

    k = acl_secret_b64_decode(s, (size_t)(dot - s), buf, sizeof buf);
    if (k == (size_t)-1)
        return 0;
    while (k > 0 && sec_space(buf[k - 1]))
        k--;
    for (i = 0; i < k; i++)
        printable += buf[i] >= 0x20 && buf[i] < 0x7f;
    /* A byte or two may be garbled in a copied token, not most; every
     * issued header names its algorithm or type. */
    return k > 2 && buf[0] == '{' && buf[k - 1] == '}' &&
           printable * 4 >= k * 3 &&
           (acl_secret_has_ci((const char *)buf, k, "\"alg\"") ||
            acl_secret_has_ci((const char *)buf, k, "\"typ\""));
}

/* A PEM body line that is a placeholder: "<your key here>", "xxxxxx",
 * "...", or a test-fixture marker. */
static int
pem_placeholder(const char *b, size_t n)
{
    return acl_secret_marker(b, n) || has_run(b, n, 4) ||
           acl_secret_has_ci(b, n, "your") || acl_secret_has_ci(b, n, "...") ||
           acl_secret_has_ci(b, n, "\xE2\x80\xA6");
}

/* "xoxp-5723...-####": what follows the match redacts the rest. */
static int
redacted_after(const char *s, size_t len, size_t end)
{
    size_t i = end + (end < len && s[end] == '-');

    return i + 3 <= len && strchr("#*", s[i]) != NULL && s[i] != '\0' &&
           s[i + 1] == s[i] && s[i + 2] == s[i];
}

/* Legacy OpenAI keys carry "T3BlbkFJ" ("OpenAI" in base64); a key with
 * a mangled marker ("T4BlbkFJ") is a sample. */
static int
openai_marker_ok(const char *m, size_t n)
{
    size_t i;

    for (i = 0; i + 6 <= n; i++)
        if (memcmp(m + i, "BlbkFJ", 6) == 0)
            return i >= 2 && memcmp(m + i - 2, "T3", 2) == 0;
    return 1;
}

/* A password in a URL or a connection string that is a template, not a
 * value: "${DB_PASSWORD}", "<pw>", "{password}", "%s", "****". */
static int
password_template(const char *pw, size_t pn)
{
    if (pn == 0 || memchr("$<{[(*%", pw[0], 7) != NULL)
        return 1;
    return acl_secret_placeholder(pw, pn) || acl_secret_env_name(pw, pn);
}

/* A host that only a developer's machine or a compose network reaches:
 * loopback, or a single label ("db", "postgres"). */
static int
local_host(const char *h, size_t n)
{
    char buf[256];
    size_t k = strcspn(h, ":/?#\"'` \t\r\n");

    if (k > n)
        k = n;
    if (k == 0 || k >= sizeof buf)
        return k == 0;
    memcpy(buf, h, k);
    buf[k] = '\0';
    return memchr(buf, '.', k) == NULL || acl_url_host_is_loopback(buf);
}

/* "user:${DB_PASSWORD}@", "postgres:postgres@" are templates and
 * documentation defaults, not leaked passwords. The bare word
 * "password" or "secret" is a local development default on a local
 * host; sent to a real host ("https://user:password@example.org") it
 * is what the server will accept, and basic-auth scanners report it. */
static int
url_password_real(const char *user, size_t un, const char *pw, size_t pn,
                  const char *host, size_t hn)
{
    if (acl_secret_eq_ci(pw, pn, "password") ||
        acl_secret_eq_ci(pw, pn, "secret"))
        return !local_host(host, hn);
    if (password_template(pw, pn))
        return 0;
    return !(un == pn && memcmp(user, pw, pn) == 0);
}

/* A connection-string password that is a value: not a template, a
 * test marker or a stock default ("password=postgres"). It may be cut
 * at '&' or ';' ("Copper&987" in libpq), so no character classes. */
static int
conn_password_real(const char *pw, size_t pn)
{
    static const char *const defaults[] = {"postgres", "mysql", "admin",
                                           "root",     "guest", "secret",
                                           "password", "pass",  "changeme"};
    size_t i;

    if (pn < 4 || password_template(pw, pn) || acl_secret_marker(pw, pn))
        return 0;
    for (i = 0; i < ACL_ARRAY_LEN(defaults); i++)
        if (acl_secret_eq_ci(pw, pn, defaults[i]))
            return 0;
    return 1;
}

/* A key=value password counts inside a connection string only: a JDBC
 * or other URL, or another connection keyword nearby. */
static int
conn_context(const char *s, size_t len, size_t at)
{
    static const char *const marks[] = {"jdbc:",
                                        "://",
                                        "server=",
                                        "data source=",
                                        "host=",
                                        "hostname=",
                                        "dbname=",
                                        "database=",
                                        "user id=",
                                        "userid=",
                                        "uid=",
                                        "user=",
                                        "username=",
                                        "initial catalog=",
                                        "accountname=",
                                        "endpoint=",
                                        "port=",
                                        "sslmode=",
                                        "defaultendpointsprotocol="};
    size_t from = at > 512 ? at - 512 : 0, to = at + 512 < len ? at + 512 : len;
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(marks); i++)
        if (acl_secret_has_ci(s + from, to - from, marks[i]))
            return 1;
    return 0;
}

/* The value as the server reads it: percent-decoded, so that an
 * encoded placeholder (%24%7BEXA_API_KEY%7D) is one too. */
static int
query_value_real(const char *name, size_t nn, const char *v, size_t vn)
{
    size_t dn;
    char *d;
    int real;

    if (memchr(v, '%', vn) == NULL ||
        (d = acl_percent_decode(v, vn, &dn)) == NULL)
        return acl_secret_check_ctx(name, nn, v, vn, ACL_SECRET_CTX_QUERY,
                                    NULL);
    real = acl_secret_check_ctx(name, nn, d, dn, ACL_SECRET_CTX_QUERY, NULL);
    free(d);
    return real;
}

/* A secret-named query parameter of a URL, with a value that is real:
 * what its name needs, and at least a letter and a digit for a weak
 * name. The '?' must follow a "scheme://" in the same word, at most 512
 * bytes back (bounded: a huge word of "&a=b" pairs must not make the
 * scan quadratic). */
static int
query_real(const char *s, size_t qmark, const char *name, size_t nn,
           const char *v, size_t vn)
{
    size_t i = qmark, floor = qmark > 512 ? qmark - 512 : 0;

    while (i > floor + 2 && !sec_space((unsigned char)s[i - 1]) &&
           !strchr("\"'`", s[i - 1])) {
        if (s[i - 1] == '/' && s[i - 2] == '/' && s[i - 3] == ':')
            return query_value_real(name, nn, v, vn);
        i--;
    }
    return 0;
}

static size_t
grp_len(const size_t *ov, int g)
{
    return ov[2 * g + 1] - ov[2 * g];
}

/* F_RUN and F_SEQ: a placeholder run or an alphabet run in the match,
 * or with F_TAIL in its last '-' segment (Slack's numeric team and user
 * IDs are not the secret part). */
static int
typed_sample(unsigned flags, const char *m, size_t mn)
{
    if (flags & F_TAIL) {
        const char *dash = m + mn;

        while (dash > m && dash[-1] != '-')
            dash--;
        mn -= (size_t)(dash - m);
        m = dash;
    }
    return ((flags & F_RUN) && has_run(m, mn, 6)) ||
           ((flags & F_SEQ) && has_sequence(m, mn));
}

/* Does the match pass the row's filters? Narrows [*st, *en) to the
 * part that holds the secret where the row says so. */
static int
match_passes(const struct pattern *p, const char *s, size_t len,
             const size_t *ov, size_t *st, size_t *en)
{
    const char *m = s + ov[0];
    size_t mn = ov[1] - ov[0];

    *st = ov[0];
    *en = ov[1];
    if ((p->flags & F_DOC) && acl_secret_has_ci(m, mn, "example"))
        return 0;
    if (typed_sample(p->flags, m, mn))
        return 0;
    if ((p->flags & F_RANDOM) && !looks_random(s + ov[2], grp_len(ov, 1)))
        return 0;
    if (((p->flags & F_MIXED) &&
         !letters_and_digits(s + ov[2], grp_len(ov, 1))) ||
        ((p->flags & F_SAMPLE) && acl_secret_sample(m, mn)) ||
        ((p->flags & F_JWT) && !jwt_header_ok(m, mn)) ||
        ((p->flags & F_REDACT) && redacted_after(s, len, ov[1])) ||
        ((p->flags & F_T3) && !openai_marker_ok(m, mn)) ||
        ((p->flags & F_PEM) && pem_placeholder(s + ov[2], grp_len(ov, 1))))
        return 0;
    if ((p->flags & F_URL) &&
        !url_password_real(s + ov[2], grp_len(ov, 1), s + ov[4], grp_len(ov, 2),
                           s + ov[5] + 1, len - ov[5] - 1))
        return 0;
    if (p->flags & F_CONN) {
        if (!conn_password_real(s + ov[2], grp_len(ov, 1)) ||
            !conn_context(s, len, ov[0]))
            return 0;
        *st = ov[2];
        *en = ov[3];
    }
    if (p->flags & F_QUERY) {
        if (!query_real(s, ov[0], s + ov[2], grp_len(ov, 1), s + ov[4],
                        grp_len(ov, 2)))
            return 0;
        *st = ov[4];
        *en = ov[5];
    }
    return 1;
}

/* First accepted match of pattern i in s; returns its start or len+1.
 * Sets *gave_up when pcre2 hit its match limit. */
static size_t
first_match(size_t i, const char *s, size_t len, size_t *end, int *gave_up)
{
    size_t off = 0, ov[6];

    while (off <= len) {
        size_t st, en;
        int rc = acl_regex_find(compiled[i], s, len, off, ov, 6);

        if (rc < 0)
            *gave_up = 1;
        if (rc <= 0)
            break;
        if (match_passes(&patterns[i], s, len, ov, &st, &en)) {
            *end = en;
            return st;
        }
        off = ov[0] + 1;
    }
    return len + 1;
}

/* The anchors of all patterns, split once, with a table from each
 * byte to the anchors that start with it: one pass over a string finds
 * which patterns can match it. */
#define MAX_ANCHOR_LITS 64

static struct {
    const char *s;
    size_t n;
    size_t pattern;
} anchor_lits[MAX_ANCHOR_LITS];
static uint64_t anchors_from[256]; /* byte -> bits of anchor_lits */
static uint32_t anchorless;        /* bits of the patterns without any */
/* Bit b0 * 256 + b1: some anchor starts with the bytes b0 b1 (any b1
 * for a one-byte anchor). Most bytes of a string start no anchor's
 * first two bytes, and this one test passes them over. */
static uint8_t anchor_pairs[65536 / 8];

static void
mark_pair(const char *a, size_t n)
{
    unsigned b0 = (unsigned char)a[0], b1;

    for (b1 = 0; b1 < 256; b1++)
        if (n == 1 || b1 == (unsigned char)a[1])
            anchor_pairs[(b0 << 8 | b1) >> 3] |= (uint8_t)(1u << (b1 & 7));
}

static void
split_anchors(void)
{
    size_t i, k = 0;

    assert(NPATTERNS <= 32);
    memset(anchors_from, 0, sizeof anchors_from);
    memset(anchor_pairs, 0, sizeof anchor_pairs);
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
            anchors_from[(unsigned char)a[0]] |= (uint64_t)1 << k;
            mark_pair(a, n);
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
        unsigned pair = (unsigned)(unsigned char)s[i] << 8 |
                        (i + 1 < len ? (unsigned char)s[i + 1] : 0u);
        uint64_t cand;

        /* At the last byte only a one-byte anchor can start: its pairs
         * are all set, the one with 0 included. */
        if (!(anchor_pairs[pair >> 3] & (1u << (pair & 7))))
            continue;
        cand = anchors_from[(unsigned char)s[i]];
        while (cand != 0) {
            int k = __builtin_ctzll(cand);

            cand &= cand - 1;
            if (anchor_lits[k].n <= len - i &&
                memcmp(s + i, anchor_lits[k].s, anchor_lits[k].n) == 0)
                found |= 1u << anchor_lits[k].pattern;
        }
    }
    return found;
}

/* The first match among the patterns in mask. */
static int
known_in(const char *s, size_t len, uint32_t mask, struct acl_secret_match *m)
{
    size_t i, best = len + 1, best_end = 0, best_i = 0;
    int gave_up = 0;
    uint32_t anchored;

    if (m != NULL)
        m->incomplete = 0;
    if (s == NULL || (!ready && acl_secret_init(NULL) != 0))
        return 0;
    anchored = patterns_anchored(s, len) & mask;
    /* In pattern order, so that the earlier of two equal starts wins. */
    for (; anchored != 0; anchored &= anchored - 1) {
        size_t end = 0, start;

        i = (size_t)__builtin_ctz(anchored);
        start = first_match(i, s, len, &end, &gave_up);
        if (start < best) {
            best = start;
            best_end = end;
            best_i = i;
        }
    }
    if (m != NULL)
        m->incomplete = gave_up;
    if (best > len)
        return 0;
    if (m != NULL) {
        m->kind = patterns[best_i].kind;
        m->start = best;
        m->end = best_end;
    }
    return 1;
}

int
acl_secret_known(const char *s, size_t len, struct acl_secret_match *m)
{
    return known_in(s, len, UINT32_MAX, m);
}

int
acl_secret_url_query(const char *s, size_t len, struct acl_secret_match *m)
{
    return known_in(s, len, 1u << (NPATTERNS - 1), m);
}

/* ---- name and value ---- */

/* "Basic <base64 of user:password>": the password, decoded. */
static int
basic_credentials(const char *v, size_t n)
{
    unsigned char buf[512];
    const unsigned char *colon;
    size_t k;

    acl_secret_trim(&v, &n);
    if (n < 10 || !acl_secret_starts_ci(v, n, "basic "))
        return 0;
    v += 6;
    n -= 6;
    acl_secret_trim(&v, &n);
    k = acl_secret_b64_decode(v, n, buf, sizeof buf);
    if (k == (size_t)-1 || !acl_secret_b64_text(v, n))
        return 0;
    colon = memchr(buf, ':', k);
    return colon != NULL && colon + 1 < buf + k &&
           !password_template((const char *)colon + 1,
                              (size_t)(buf + k - colon - 1));
}

/* A value that is itself an assignment, "primaryKey=Z_kA...": its own
 * name says what it is. Sets the inner name and value. */
static int
inner_assignment(const char *v, size_t n, const char **name, size_t *nn,
                 const char **val, size_t *vn)
{
    size_t i = 0;

    if (n == 0 || !(sec_alpha((unsigned char)v[0]) || v[0] == '_'))
        return 0;
    while (i < n && i < 64 &&
           (sec_alnum((unsigned char)v[i]) || strchr("_.-", v[i]) != NULL) &&
           v[i] != '\0')
        i++;
    if (i >= n || v[i] != '=' || i + 1 >= n || v[i + 1] == '=')
        return 0;
    *name = v;
    *nn = i;
    *val = v + i + 1;
    *vn = n - i - 1;
    return memchr(*val, ' ', *vn) == NULL;
}

/* What the name's strength asks of the value. */
static int
named_value(const struct acl_secret_name_info *info, const char *v, size_t vlen,
            enum acl_secret_ctx ctx)
{
    const char *t = v;
    size_t tn = vlen;

    if (basic_credentials(v, vlen))
        return 1;
    acl_secret_skip_scheme(&t, &tn);
    if (acl_secret_uuid(t, tn) && !info->uuid_secret)
        return 0;
    if (info->strength == ACL_SECRET_NAME_STRONG)
        return acl_secret_value(v, vlen);
    if (acl_secret_generated(v, vlen))
        return 1;
    /* In a URL query a weak name with a short mixed value is enough. */
    return ctx == ACL_SECRET_CTX_QUERY && tn >= 10 && acl_secret_value(v, vlen);
}

/* The name's half of the judgement: is v a secret because of name? */
static int
named_secret(const char *name, size_t nlen, const char *v, size_t vlen,
             enum acl_secret_ctx ctx, struct acl_secret_match *m)
{
    struct acl_secret_name_info info;

    /* Under a strong name, "Harbor=7137harbor" is the password itself. */
    if (ctx != ACL_SECRET_CTX_QUERY &&
        acl_secret_name_strength(name, nlen) != ACL_SECRET_NAME_STRONG) {
        const char *in, *iv;
        size_t inn, ivn;

        if (inner_assignment(v, vlen, &in, &inn, &iv, &ivn)) {
            name = in;
            nlen = inn;
            v = iv;
            vlen = ivn;
        }
    }
    acl_secret_name_info(name, nlen, ctx == ACL_SECRET_CTX_QUERY, &info);
    if (info.strength == ACL_SECRET_NAME_NONE ||
        !named_value(&info, v, vlen, ctx))
        return 0;
    if (m != NULL) {
        m->kind = "value of a secret-named variable";
        m->start = 0;
        m->end = vlen;
    }
    return 1;
}

int
acl_secret_check_ctx(const char *name, size_t nlen, const char *v, size_t vlen,
                     enum acl_secret_ctx ctx, struct acl_secret_match *m)
{
    if (m != NULL)
        m->incomplete = 0;
    if (ctx != ACL_SECRET_CTX_QUERY && acl_secret_known(v, vlen, m))
        return 1;
    if (ctx == ACL_SECRET_CTX_KNOWN_ONLY || v == NULL)
        return 0;
    return named_secret(name, nlen, v, vlen, ctx, m);
}

int
acl_secret_named(const char *name, size_t nlen, const char *v, size_t vlen,
                 struct acl_secret_match *m)
{
    if (m != NULL)
        m->incomplete = 0;
    return v != NULL &&
           named_secret(name, nlen, v, vlen, ACL_SECRET_CTX_CONFIG, m);
}

int
acl_secret_check(const char *name, size_t nlen, const char *v, size_t vlen,
                 struct acl_secret_match *m)
{
    return acl_secret_check_ctx(name, nlen, v, vlen, ACL_SECRET_CTX_CONFIG, m);
}

/* ---- preview ---- */

/* Characters in s[0..n), a bad sequence counting as one (as shown). */
static size_t
utf8_chars(const char *s, size_t n)
{
    size_t i = 0, c = 0;
    uint32_t cp;

    while (i < n) {
        i += acl_utf8_lenient(s + i, n - i, &cp);
        c++;
    }
    return c;
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
        size_t k = acl_utf8_strict(s + i, len - i, &cp);

        /* Controls and bidi characters could rewrite a terminal line. */
        if (k == 0 || acl_utf8_unsafe(cp)) {
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
