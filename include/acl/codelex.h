/*
 * codelex.h - a small lexer for agent source (Python, JavaScript and
 * TypeScript): where the string literals and comments are.
 *
 * It is not a parser: it finds literals and comments well enough for
 * the source rules (AC015, AC016, AC017) to tell code from text, and
 * to see what name a literal is assigned to. Malformed input never
 * fails: an unterminated literal ends at its line (or at the end of
 * the text, for triple-quoted and template literals).
 */
#ifndef ACL_CODELEX_H
#define ACL_CODELEX_H

#include <stddef.h>

#include "acl/file.h"

enum acl_code_lang { ACL_LANG_NONE = 0, ACL_LANG_PYTHON, ACL_LANG_JS };

/* The language of a source path from its ending (.py, or one of .ts
 * .js .mjs .cjs .tsx .jsx); ACL_LANG_NONE for anything else. */
enum acl_code_lang acl_code_lang(const char *path);

enum acl_tok_kind { ACL_TOK_STRING = 0, ACL_TOK_COMMENT };

struct acl_code_tok {
    enum acl_tok_kind kind;
    struct acl_span whole;   /* prefix, quotes and all; the whole comment */
    struct acl_span content; /* between the quotes; after the comment marker */
    /* An f-string with a {replacement}, or a piece of a JS template
     * literal that has a ${substitution}: the runtime value is not the
     * literal text. */
    int interp;
};

/* Tokens in text order; they never overlap (a JS template literal
 * with substitutions gives one token per literal piece, and the
 * strings inside its substitutions are tokens of their own). */
struct acl_code_toks {
    struct acl_code_tok *items; /* owned; free with acl_code_toks_free */
    size_t n, cap;
};

void acl_code_lex(const char *s, size_t len, enum acl_code_lang lang,
                  struct acl_code_toks *out);
void acl_code_toks_free(struct acl_code_toks *t);

/* The index of the token whose whole span holds offset, or -1 (the
 * offset is in code). */
long acl_code_tok_at(const struct acl_code_toks *t, size_t offset);

/* The name a string token is given as a literal value:
 *   name = "v", name: T = "v", obj.name = "v", f(name="v"),
 *   { name: "v" }, { "name": "v" }, x["name"] = "v".
 * Fills *name and *nlen (bytes of s) and returns 1, or returns 0 when
 * the literal is not assigned that way, or is only part of the value
 * ("v" + x, "v" % x, "v".format(...)). */
int acl_code_assigned_name(const char *s, size_t len,
                           const struct acl_code_toks *t, size_t tok,
                           const char **name, size_t *nlen);

#endif
