/*
 * secret_int.h - what the parts of the secret model share: locale-free
 * ASCII tests and the value classes (secret_value.c) that the pattern
 * filters (secret.c) and the name judgement use. Internal to secret*.c.
 * Nothing here allocates.
 */
#ifndef ACL_SECRET_INT_H
#define ACL_SECRET_INT_H

#include <stddef.h>
#include <string.h>

#include "acl/secret.h"
#include "acl/util.h"

static inline int
sec_upper(int c)
{
    return c >= 'A' && c <= 'Z';
}

static inline int
sec_lower(int c)
{
    return c >= 'a' && c <= 'z';
}

static inline int
sec_digit(int c)
{
    return c >= '0' && c <= '9';
}

static inline int
sec_alpha(int c)
{
    return sec_upper(c) || sec_lower(c);
}

static inline int
sec_alnum(int c)
{
    return sec_alpha(c) || sec_digit(c);
}

static inline int
sec_space(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Case-insensitive search for a lower-case ASCII word in s[0..n). */
int acl_secret_has_ci(const char *s, size_t n, const char *word);
/* s[0..n) starts with / equals the lower-case word, ignoring case. */
int acl_secret_starts_ci(const char *s, size_t n, const char *word);
int acl_secret_eq_ci(const char *s, size_t n, const char *word);

/* s[0..n) with blanks trimmed at both ends (in place of the view). */
void acl_secret_trim(const char **s, size_t *n);

/* The whole value is a placeholder or a reference: ${VAR}, $VAR,
 * {{x}}, <x>, %VAR%, $(cmd), "Bearer <x>", your-..., xxxx, ***,
 * changeme, TODO, one character repeated; several of them joined by
 * punctuation. A value that merely starts with '$' is a literal. */
int acl_secret_placeholder(const char *s, size_t n);

/* A test-fixture or documentation marker in the value: fake, dummy,
 * example, sample, test, mock, redacted, placeholder. */
int acl_secret_marker(const char *s, size_t n);

/* A value that is never a secret whatever its name (see secret.h).
 * uuid_ok: a UUID counts as never-secret (a key-ID name). */
int acl_secret_never(const char *s, size_t n, int uuid_ok);

/* An UPPER_SNAKE environment-variable name such as OPENAI_API_KEY. */
int acl_secret_env_name(const char *s, size_t n);

/* A UUID (8-4-4-4-12 hex digits). */
int acl_secret_uuid(const char *s, size_t n);

/* What a name says (secret_name.c): its strength, and whether a UUID
 * under it is a credential (api_key, token) rather than a key ID
 * (kms_key, encryption_key). query: a URL query parameter, where a
 * bare "key" is a credential. */
struct acl_secret_name_info {
    enum acl_secret_strength strength;
    int uuid_secret;
};
void acl_secret_name_info(const char *name, size_t len, int query,
                          struct acl_secret_name_info *out);

/* Decodes base64 or base64url s[0..n) (padding optional) into out
 * (cap bytes); returns the decoded length, or (size_t)-1 when s is not
 * base64 or out is too small. */
size_t acl_secret_b64_decode(const char *s, size_t n, unsigned char *out,
                             size_t cap);

/* A key published as a sample in a vendor's own SDK tests. */
int acl_secret_sample(const char *s, size_t n);

/* Base64 of at least 16 characters that decodes to printable text. */
int acl_secret_b64_text(const char *s, size_t n);

/* "Bearer x", "Basic x", "Token x" -> "x". */
void acl_secret_skip_scheme(const char **s, size_t *n);

#endif
