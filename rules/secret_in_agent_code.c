/*
 * AC017 secret-in-agent-code - a credential written into agent source.
 *
 * Flags, in Python, JavaScript and TypeScript agent source:
 * - a known-format secret (include/acl/secret.h) in a string
 *   literal, a comment or JSX text (a key in a comment is just as
 *   leaked);
 * - a string literal that is the whole value of a secret-looking name:
 *   api_key = "...", apiKey: "...", f(api_key="..."), {"token": "..."},
 *   headers["Authorization"] = "Bearer ...", const key: string = "...".
 * Region: the literal's content (for a multi-line literal or a comment,
 *   the word holding the secret).
 * Does not flag: literals built at run time (f-strings with {...},
 *   template literals with ${...}, "..." + x, "%s" % x, .format());
 *   names whose last word says it is not the secret (API_KEY_NAME,
 *   token_url, secret_arn); values that are placeholders, references,
 *   URLs, paths, header or variable names; and, to stay quiet on
 *   ordinary code, name-flagged values without both a letter and a
 *   digit or symbol, or with a backslash ("mysecretpassword", OIDs
 *   such as "1.3.6.1.5.5.7.3.1" and regex classes are not reported,
 *   "hunter2!x" is); under a name whose only secret word is a bare
 *   "key" (sort_key, comment_key), values that are not long and
 *   random-looking.
 * Through codeflow.h it also sees: the literal default of an
 * environment read (os.environ.get("DB_PASSWORD", "..."),
 * os.getenv(..., "..."), setdefault, process.env.X ?? "...", || "...",
 * const { X = "..." } = process.env), flagged by the variable's name;
 * the password of a basic-auth pair (auth=("user", "..."),
 * HTTPBasicAuth("user", "...")); assignments in comments
 * (# api_key = "...") or shown in JSX text (<p>api_key = "..."</p>): a
 * secret in a comment is still in git. In test
 * files (tests/, test_*.py, *_test.py, conftest.py, *.test.ts,
 * *.spec.ts, __tests__/) only known-format secrets are reported, as
 * fixtures there hold made-up values under secret names.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "acl/codeflow.h"
#include "acl/codelex.h"
#include "acl/rule.h"
#include "acl/secret.h"
#include "acl/secret_msg.h"

/* More findings than this in one comment are not reported. */
#define MAX_PER_COMMENT 20

static void
report(struct acl_check *c, const struct acl_source *src, size_t s, size_t e,
       const char *phrase, const char *where)
{
    struct acl_span sp = {(uint32_t)s, (uint32_t)e};
    struct acl_finding *f;

    f = acl_report_span(c, ACL_ERROR, src->text, sp, NULL,
                        "agent \"%s\" has %s written into its %s",
                        src->owner ? src->owner : "", phrase, where);
    f->secret = 1;
}

/* Every known-format secret of a comment or a multi-line literal,
 * each reported at the word that holds it. */
static void
scan_words(struct acl_check *c, const struct acl_source *src,
           struct acl_span in, const char *where)
{
    const char *d = src->text->data + in.start;
    size_t len = in.end - in.start, off = 0, n = 0;
    struct acl_secret_match m;

    while (off < len && n < MAX_PER_COMMENT &&
           acl_secret_known(d + off, len - off, &m)) {
        size_t s = off + m.start, e = off + m.end;
        char *phrase = acl_secret_phrase(&m, d + off, len - off);

        acl_secret_widen(d, len, &s, &e);
        report(c, src, in.start + s, in.start + e, phrase, where);
        free(phrase);
        off = e > off ? e : off + 1;
        n++;
    }
}

static int
has_line_break(const char *s, size_t n)
{
    return memchr(s, '\n', n) != NULL || memchr(s, '\r', n) != NULL;
}

/* "Bearer abc" -> "abc": the scheme of an Authorization value. */
static void
skip_scheme(const char **v, size_t *n)
{
    static const char *const schemes[] = {"Bearer ", "Basic ", "Token "};
    size_t i, k;

    for (i = 0; i < ACL_ARRAY_LEN(schemes); i++) {
        k = strlen(schemes[i]);
        if (*n > k && strncasecmp(*v, schemes[i], k) == 0) {
            *v += k;
            *n -= k;
            return;
        }
    }
}

static int
file_like(const char *v, size_t n)
{
    static const char *const ends[] = {".pem",  ".key",  ".crt", ".cer",
                                       ".json", ".yaml", ".yml", ".txt",
                                       ".env",  ".p12",  ".pfx", ".jks"};
    size_t i, k;

    for (i = 0; i < ACL_ARRAY_LEN(ends); i++) {
        k = strlen(ends[i]);
        if (n > k && strncasecmp(v + n - k, ends[i], k) == 0)
            return 1;
    }
    return 0;
}

/* Code is full of secret-named constants whose values are labels,
 * header names, paths, patterns, versions or OIDs; beyond
 * acl_secret_value, a value counts only when it is one word with a
 * letter and a digit or symbol, and no backslash escape. */
static int
code_value_real(const char *v, size_t n)
{
    size_t i;
    int mark = 0, letter = 0;

    skip_scheme(&v, &n);
    if (!acl_secret_value(v, n) || file_like(v, n))
        return 0;
    for (i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)v[i];
        int alpha = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');

        if (ch <= ' ' || ch == 0x7f || ch == '\\')
            return 0;
        letter |= alpha;
        if (!alpha && ch < 0x80 && strchr("_.-/:", ch) == NULL)
            mark = 1;
    }
    return letter && mark;
}

static int
alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

static int
upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

/* The next word of a name: split on non-alphanumerics and case
 * boundaries ("apiKey", "APIKey" -> api, Key). 0 at the end. */
static int
next_word(const char *s, size_t n, size_t *pos, size_t *start, size_t *len)
{
    size_t i = *pos;

    while (i < n && !alnum((unsigned char)s[i]))
        i++;
    if (i >= n)
        return 0;
    *start = i++;
    while (i < n && alnum((unsigned char)s[i]) &&
           !(upper((unsigned char)s[i]) &&
             (!upper((unsigned char)s[i - 1]) ||
              (i + 1 < n && alnum((unsigned char)s[i + 1]) &&
               !upper((unsigned char)s[i + 1]) &&
               !(s[i + 1] >= '0' && s[i + 1] <= '9')))))
        i++;
    *len = i - *start;
    *pos = i;
    return 1;
}

/* A bare "key" in code names dictionary keys as often as credentials
 * (sort_key, comment_key): the name is strong when another word is a
 * secret word (token, password, Authorization) or qualifies the key as
 * a credential (api_key, accessKey, signing_key). */
static int
strong_name(const char *name, size_t n)
{
    static const char *const qualifiers[] = {
        "api",       "access",  "secret",  "client",  "signing", "encryption",
        "master",    "license", "app",     "service", "account", "subscription",
        "admin",     "root",    "session", "shared",  "private", "openai",
        "anthropic", "stripe",  "github",  "slack",   "google",  "aws"};
    size_t pos = 0, st, len, i;

    while (next_word(name, n, &pos, &st, &len)) {
        if (!(len == 3 && strncasecmp(name + st, "key", 3) == 0) &&
            acl_secret_name(name + st, len))
            return 1;
        for (i = 0; i < ACL_ARRAY_LEN(qualifiers); i++)
            if (strlen(qualifiers[i]) == len &&
                strncasecmp(name + st, qualifiers[i], len) == 0)
                return 1;
    }
    return 0;
}

/* Long, with letters and digits: random rather than a label. */
static int
looks_random(const char *v, size_t n)
{
    size_t i;
    int letter = 0, digit = 0;

    for (i = 0; i < n; i++) {
        letter |= (v[i] >= 'a' && v[i] <= 'z') || (v[i] >= 'A' && v[i] <= 'Z');
        digit |= v[i] >= '0' && v[i] <= '9';
    }
    return n >= 16 && letter && digit;
}

/* A name-flagged value: a secret-looking name, a value that looks
 * real in code, and either a strong name or a random-looking value. */
static int
named_secret(const char *name, size_t nlen, const char *v, size_t vlen)
{
    return acl_secret_name(name, nlen) && code_value_real(v, vlen) &&
           (strong_name(name, nlen) || looks_random(v, vlen));
}

static void
report_named(struct acl_check *c, const struct acl_source *src,
             struct acl_span at, const char *name, size_t nlen, const char *how)
{
    const char *v = src->text->data + at.start;
    size_t vlen = at.end - at.start;
    struct acl_secret_match m = {
        .kind = "value of a secret-named variable", .start = 0, .end = vlen};
    char *phrase = acl_secret_phrase(&m, v, vlen);
    char *where = acl_xasprintf("source as %s \"%.*s\"", how, (int)nlen, name);

    report(c, src, at.start, at.end, phrase, where);
    free(where);
    free(phrase);
}

/* A known-format secret in the literal; returns 1 when reported. */
static int
known_literal(struct acl_check *c, const struct acl_source *src,
              const struct acl_code_tok *k)
{
    const char *v = src->text->data + k->content.start;
    size_t vlen = k->content.end - k->content.start;
    struct acl_secret_match m;
    char *phrase;

    if (has_line_break(v, vlen) || k->interp) {
        scan_words(c, src, k->content, "source (in a string literal)");
        return 1;
    }
    if (!acl_secret_known(v, vlen, &m))
        return 0;
    phrase = acl_secret_phrase(&m, v, vlen);
    report(c, src, k->content.start, k->content.end, phrase,
           "source (in a string literal)");
    free(phrase);
    return 1;
}

static void
check_literal(struct acl_check *c, const struct acl_source *src,
              const struct acl_code_toks *toks, size_t i, int guesses)
{
    const struct acl_text *t = src->text;
    const struct acl_code_tok *k = &toks->items[i];
    const char *name;
    size_t nlen;

    if (known_literal(c, src, k) || !guesses ||
        !acl_code_assigned_name(t->data, t->len, toks, i, &name, &nlen) ||
        !named_secret(name, nlen, t->data + k->content.start,
                      k->content.end - k->content.start))
        return;
    report_named(c, src, k->content, name, nlen, "the literal value of");
}

/* Assignments written in a comment (code commented out) or in JSX
 * text (code shown on a page): their literals under secret names, "how"
 * says where. Offsets are shifted back into the file. */
static void
check_comment_code(struct acl_check *c, const struct acl_source *src,
                   const struct acl_code_tok *k, const char *how)
{
    const char *d = src->text->data + k->content.start;
    size_t len = k->content.end - k->content.start, i, nlen;
    struct acl_code_toks toks = {0};
    const char *name;

    if (memchr(d, '=', len) == NULL && memchr(d, ':', len) == NULL)
        return;
    acl_code_lex(d, len, src->code->lang, &toks);
    for (i = 0; i < toks.n; i++) {
        const struct acl_code_tok *s = &toks.items[i];
        struct acl_span at = {k->content.start + s->content.start,
                              k->content.start + s->content.end};

        if (s->kind == ACL_TOK_STRING &&
            acl_code_assigned_name(d, len, &toks, i, &name, &nlen) &&
            named_secret(name, nlen, d + s->content.start,
                         s->content.end - s->content.start) &&
            !acl_secret_known(d + s->content.start,
                              s->content.end - s->content.start, NULL))
            report_named(c, src, at, name, nlen, how);
    }
    acl_code_toks_free(&toks);
}

/* Literal defaults of environment reads, and basic-auth passwords. */
static void
check_flow(struct acl_check *c, const struct acl_source *src)
{
    const struct acl_code_file *f = src->code;
    const struct acl_code_toks *toks = &f->toks;
    const char *name;
    size_t i, nlen;

    for (i = 0; i < f->nrefs; i++) {
        const struct acl_env_ref *r = &f->refs[i];
        const struct acl_code_tok *k;

        if (r->def_tok < 0 ||
            acl_code_assigned_name(src->text->data, src->text->len, toks,
                                   (size_t)r->def_tok, &name, &nlen))
            continue; /* const { X = "..." }: the literal's own check */
        k = &toks->items[r->def_tok];
        if (!k->interp &&
            named_secret(r->name, strlen(r->name),
                         src->text->data + k->content.start,
                         k->content.end - k->content.start) &&
            !acl_secret_known(src->text->data + k->content.start,
                              k->content.end - k->content.start, NULL))
            report_named(c, src, k->content, r->name, strlen(r->name),
                         "the default value of the environment variable");
    }
    for (i = 0; i < f->nargs; i++) {
        const struct acl_code_arg *a = &f->args[i];
        const char *v = src->text->data + a->at.start;
        size_t n = a->at.end - a->at.start;

        if (strcmp(a->callee, "auth") == 0 && a->literal &&
            code_value_real(v, n) && !acl_secret_known(v, n, NULL))
            report_named(c, src, a->at, "password", 8,
                         "the password of a basic-auth pair, as");
    }
}

static void
check_source(struct acl_check *c, const struct acl_source *src)
{
    const struct acl_code_file *f = src->code;
    int guesses = !f->test_file;
    size_t i;

    for (i = 0; i < f->toks.n; i++) {
        const struct acl_code_tok *k = &f->toks.items[i];

        if (k->kind == ACL_TOK_COMMENT) {
            scan_words(c, src, k->content, "source (in a comment)");
            if (guesses)
                check_comment_code(c, src, k, "a value in a comment, of");
        } else if (k->kind == ACL_TOK_STRING && k->jsx && k->doc) {
            /* Text between JSX tags is read as a comment is: words, and
             * the code it shows (<p>api_key = "..."</p>). */
            scan_words(c, src, k->content, "source (in JSX text)");
            if (guesses)
                check_comment_code(c, src, k, "a value in JSX text, of");
        } else if (k->kind == ACL_TOK_STRING) {
            check_literal(c, src, &f->toks, i, guesses);
        }
    }
    if (guesses)
        check_flow(c, src);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;

    for (i = 0; i < p->files.nsources; i++)
        if (p->files.sources[i].code != NULL)
            check_source(c, &p->files.sources[i]);
}

const struct acl_rule acl_rule_secret_in_agent_code = {
    .id = "AC017",
    .name = "secret-in-agent-code",
    .level = ACL_ERROR,
    .flags = ACL_RULE_SECURITY | ACL_RULE_NEEDS_SOURCES,
    .summary = "a credential is written into agent source code",
    .description =
        "Agent code under a runtime's codeLocation or a harness folder "
        "holds a credential: a string literal, comment or JSX text with "
        "the format of a real key or token (AWS, Amazon Bedrock, OpenAI, "
        "Anthropic, "
        "Google, Stripe, GitHub, Slack, private keys, JWTs, URLs "
        "with a password), or a literal assigned to a secret-looking name "
        "(api_key = \"...\", apiKey: \"...\", Authorization: \"Bearer "
        "...\"). The code is committed and packaged into the runtime "
        "artifact, so everyone with the repository or the artifact has "
        "the credential. Understood: literals, comments and JSX text; the "
        "literal "
        "default of an environment read (os.environ.get(\"DB_PASSWORD\", "
        "\"...\"), os.getenv, setdefault, process.env.X ?? \"...\" or || "
        "\"...\", const { X = \"...\" } = process.env), flagged by the "
        "variable's name; the password of a basic-auth pair (auth=(\"user\", "
        "\"...\"), HTTPBasicAuth); assignments commented out or shown in "
        "JSX text (a secret in a comment is still in git). In test files "
        "(tests/, test_*.py, *_test.py, conftest.py, *.test.ts, *.spec.ts, "
        "__tests__/) only "
        "known-format secrets count. Not flagged: values built at run "
        "time, placeholders, references, URLs, paths, names that say they "
        "are not the secret (API_KEY_NAME, token_url).",
    .help = "revoke the credential; register it with \"agentcore add "
            "credential\" and read it at run time with @requires_api_key / "
            "@requires_access_token (or from the environment, filled from "
            "agentcore/.env.local during development)",
    .example = "Fails:  client = OpenAI(api_key=\"sk-proj-...\")\n"
               "Passes: @requires_api_key(provider_name=\"openai\")\n"
               "        def make_client(*, api_key: str): "
               "return OpenAI(api_key=api_key)",
    .precision = "high",
    .security_severity = "9.0",
    .init = acl_secret_init,
    .fini = acl_secret_fini,
    .check = check,
};
