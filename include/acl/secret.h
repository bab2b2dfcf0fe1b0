/*
 * secret.h - the one secret model shared by AC003, AC014 and AC017
 * (and AC002 for keys in an MCP endpoint's query string).
 *
 * A string is a secret when it holds a known credential format (a
 * pcre2 table matched through acl_regex, see regex.h), or when a
 * secret-looking name is paired with a value that is a literal secret:
 * - strong names (password, passwd, pwd, pass, passphrase, secret,
 *   client_secret, private_key): any literal that is not a placeholder,
 *   a reference or a value that is never a secret;
 * - weak names (key, token, auth, credential, apikey, bearer, private,
 *   authorization): only a value that looks machine-generated.
 * Values that are never secrets whatever the name: paths, file names,
 * URLs and hosts without credentials, e-mail addresses, header names,
 * AWS resource IDs, aliases and ARNs, UUIDs under a key-ID name, model
 * IDs, regular expressions, dictionary-word compounds and CamelCase
 * identifiers, versions, and values with a test-fixture marker (fake,
 * dummy, example, sample, test, mock, redacted). See docs/rules.md,
 * AC003 secret-in-env-var.
 *
 * Nothing here allocates for the caller. The compiled patterns are
 * process state set up by acl_secret_init (rules' init): the detector
 * is not thread-safe.
 */
#ifndef ACL_SECRET_H
#define ACL_SECRET_H

#include <jansson.h>
#include <stddef.h>

#include "acl/util.h"

/* Compiles the pattern table. Safe to call more than once; the other
 * functions call it themselves when needed. Setting ACL_NO_JIT in the
 * environment turns off pcre2 JIT (for valgrind runs). */
int acl_secret_init(struct acl_error *err);
void acl_secret_fini(void);

struct acl_secret_match {
    const char *kind; /* "AWS access key ID", ... (static) */
    size_t start;     /* byte range of the match in the value */
    size_t end;
    /* Set (whatever the verdict) when a pattern gave up at pcre2's
     * match limit: "no match" is then not proven, and the caller
     * reports the scan as incomplete. */
    int incomplete;
};

/* Does s (len bytes, may hold NUL) contain a known-format secret? The
 * first match in s is reported (m may be NULL); documentation samples
 * ("EXAMPLE", except in the Bedrock ABSK shape), placeholder runs (of
 * X, x, 0, *, #, '.', '-', '_') and templated URL passwords do not
 * count. Formats: AWS access key IDs, Amazon Bedrock, OpenAI,
 * Anthropic, GitHub, GitLab, Slack (tokens, app tokens, webhooks),
 * Stripe, Google, Hugging Face, LangSmith, Langfuse, Tavily, Groq,
 * Pinecone, Perplexity, xAI, Replicate, npm and SendGrid keys, private
 * keys (a header line and a body line), JWTs whose header names "alg"
 * or "typ" (signed or not), URLs with a
 * password (Mongo, Redis, AMQP, Postgres...), connection strings with
 * a password (JDBC, ADO.NET, libpq key=value), and URLs whose query
 * has a secret-named parameter with a real-looking value. */
int acl_secret_known(const char *s, size_t len, struct acl_secret_match *m);

/* Only the last format above: a URL query parameter with a secret name
 * (?api_key=, ?key=, ?token=, ?exaApiKey=) and a real-looking value.
 * m's range is the parameter's value. */
int acl_secret_url_query(const char *s, size_t len, struct acl_secret_match *m);

/* How strongly a variable, key or header name says "secret". Tokens
 * split on non-alphanumerics and case boundaries ("APIKey" -> API,
 * Key). NONE also when the last token says the value is about the
 * secret rather than the secret (API_KEY_NAME, TOKEN_ENCODING,
 * SECRET_ARNS, AUTH_PROVIDER) or the key is a data key (S3_KEY,
 * sort_key, Key). */
enum acl_secret_strength {
    ACL_SECRET_NAME_NONE = 0,
    ACL_SECRET_NAME_WEAK = 1,
    ACL_SECRET_NAME_STRONG = 2
};
enum acl_secret_strength acl_secret_name_strength(const char *name, size_t len);

/* Does a name look like it holds a secret (strength not NONE)? */
int acl_secret_name(const char *name, size_t len);

/* Is the value a literal that a strong name makes a secret: not a
 * placeholder (whole-value forms only: ${VAR}, $VAR, {{...}}, <...>,
 * %VAR%, your-..., xxxx, changeme), not a reference, boolean or number,
 * not a value that is never a secret (see above), with a letter and a
 * digit or symbol? */
int acl_secret_value(const char *v, size_t len);

/* Does the value look machine-generated (what a weak name needs):
 * long enough, mixed character classes, high entropy, not words. */
int acl_secret_generated(const char *v, size_t len);

/* Known format, or a secret name with a value its strength accepts.
 * Fills m (kind is "value of a secret-named variable" for the latter,
 * range whole). */
/* The name's half of acl_secret_check alone, for a caller that has
 * looked for known formats in v already. */
int acl_secret_named(const char *name, size_t nlen, const char *v, size_t vlen,
                     struct acl_secret_match *m);
int acl_secret_check(const char *name, size_t nlen, const char *v, size_t vlen,
                     struct acl_secret_match *m);

/* Contexts for acl_secret_check_ctx. */
enum acl_secret_ctx {
    ACL_SECRET_CTX_CONFIG = 0, /* project config, ordinary code */
    /* A test file or a template (tests/, test_*.py, .env.example):
     * known formats only, no name-only guesses. */
    ACL_SECRET_CTX_KNOWN_ONLY = 1,
    /* A URL query parameter: a bare "key" is a credential there. */
    ACL_SECRET_CTX_QUERY = 2
};

/* acl_secret_check in a context. */
int acl_secret_check_ctx(const char *name, size_t nlen, const char *v,
                         size_t vlen, enum acl_secret_ctx ctx,
                         struct acl_secret_match *m);

/* The secrets of one JSON document, found when it is loaded, in one
 * walk over its string values and member names in document order. */
struct acl_secret_range {
    const char *s; /* borrowed from the document */
    size_t n;
};

/* A string value that AC014 looks at: one with a known-format secret,
 * one whose scan gave up, or one inside a customParameters member. */
struct acl_secret_string {
    json_t *value;                 /* borrowed */
    char *pointer;                 /* owned: its JSON pointer */
    int known;                     /* acl_secret_known found a secret in it */
    struct acl_secret_match match; /* that call's result */
};

struct acl_secret_index {
    /* Every known-format secret in a value or member name, and every
     * value its member name makes a secret (acl_secret_named): what
     * the masking step hides. */
    struct acl_secret_range *ranges;
    size_t nranges, rcap;
    struct acl_secret_string *strings;
    size_t nstrings, scap;
};

/* The index of the document whose root is root (NULL: an empty one).
 * The ranges and values point into root, which must outlive the index.
 * Free with acl_secret_index_free (NULL accepted). */
struct acl_secret_index *acl_secret_index_new(json_t *root);
void acl_secret_index_free(struct acl_secret_index *ix);

/* Writes at most the first 4 characters (whole UTF-8 sequences) of s
 * followed by "…" into out, NUL-terminated; values shorter than 8
 * characters show at most half of theirs. Control, bidi-override and
 * malformed characters are written as '?'. */
void acl_secret_preview(const char *s, size_t len, char out[32]);

#endif
