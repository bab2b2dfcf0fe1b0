/*
 * codelex.h - a tokenizer for agent source (Python, JavaScript and
 * TypeScript, .mjs .cjs .tsx .jsx included).
 *
 * It is not a parser: it cuts the text into identifiers, numbers,
 * punctuation, string literals and comments, and notes for each token
 * whether a line break comes before it, its column when it starts a
 * line, and how deep in brackets it sits, which is what the light
 * analysis of codeflow.h needs. Malformed input never fails: an
 * unterminated literal ends at its line (or at the end of the text, for
 * triple-quoted and template literals), and every loop advances, so
 * hostile input costs linear time.
 *
 * JSX (in .jsx, .tsx and .js files) is read as markup: its text is
 * text, not code, and only its {...} containers and attribute values
 * are code or values. An element that does not parse as JSX (a
 * TypeScript generic <T,>(x) => x, an element never closed) is lexed
 * as code, as before.
 */
#ifndef ACL_CODELEX_H
#define ACL_CODELEX_H

#include <stddef.h>

#include "acl/file.h"

enum acl_code_lang { ACL_LANG_NONE = 0, ACL_LANG_PYTHON, ACL_LANG_JS };

/* The language of a source path from its ending (.py, or one of .ts
 * .js .mjs .cjs .tsx .jsx); ACL_LANG_NONE for anything else. */
enum acl_code_lang acl_code_lang(const char *path);

enum acl_tok_kind {
    ACL_TOK_STRING = 0,
    ACL_TOK_COMMENT,
    ACL_TOK_IDENT, /* names and keywords */
    ACL_TOK_NUMBER,
    ACL_TOK_PUNCT /* one operator or bracket: "(", "!==", "?.", "**=" */
};

struct acl_code_tok {
    enum acl_tok_kind kind;
    struct acl_span whole;   /* prefix, quotes and all; the whole comment */
    struct acl_span content; /* between the quotes; after the comment
                                marker; the token itself otherwise */
    /* A string with run-time parts: a Python f-string with a
     * {replacement}, a JS template literal with a ${substitution}. Its
     * content holds the parts as written. */
    unsigned char interp;
    /* Text, never a value: a Python string that is a statement of its
     * own (a docstring, or a string used as a comment), or the text
     * between JSX tags (<p>Set process.env.X</p>). */
    unsigned char doc;
    /* Part of JSX markup: a tag's brackets, names and attributes, the
     * braces of a {...} container, text. The code inside a container
     * is not. */
    unsigned char jsx;
    /* A line break comes before the token (not one inside brackets, nor
     * one escaped with a backslash in Python). */
    unsigned char nl;
    /* Bracket depth ((, [, {) before the token; capped at 65535. */
    unsigned short depth;
    /* The token's column (0-based, a tab counts to the next multiple of
     * 8) when it is the first of its line; 0 otherwise. */
    unsigned indent;
};

/* Tokens in text order; they never overlap. A template literal is one
 * token: its substitutions are skipped over, not tokenized. */
struct acl_code_toks {
    struct acl_code_tok *items; /* owned; free with acl_code_toks_free */
    size_t n, cap;
};

void acl_code_lex(const char *s, size_t len, enum acl_code_lang lang,
                  struct acl_code_toks *out);

/* Can the source at path hold JSX: .jsx, .tsx, or .js (React projects
 * write JSX in .js files)? Not .ts, where <T>x is a type assertion, nor
 * .mjs or .cjs. */
int acl_code_jsx_path(const char *path);

/* As acl_code_lex for JavaScript, reading JSX markup as well. */
void acl_code_lex_jsx(const char *s, size_t len, struct acl_code_toks *out);
void acl_code_toks_free(struct acl_code_toks *t);

/* The code parts of an interpolated string token k of s: calls
 * fn(start, end, arg) with the byte range of each {...} of an f-string
 * or ${...} of a template literal, braces left out, in text order. */
void acl_code_substs(const char *s, const struct acl_code_tok *k,
                     enum acl_code_lang lang,
                     void (*fn)(size_t start, size_t end, void *arg),
                     void *arg);

/* The index of the token whose whole span holds offset, or -1. */
long acl_code_tok_at(const struct acl_code_toks *t, size_t offset);

/* Does token k of s spell word exactly? */
int acl_code_tok_is(const char *s, const struct acl_code_tok *k,
                    const char *word);

/* The name a string token is given as its whole value:
 *   name = "v", name: T = "v", obj.name = "v", f(name="v"),
 *   { name: "v" }, { "name": "v" }, x["name"] = "v", k := "v".
 * Fills *name and *nlen (bytes of s) and returns 1, or returns 0 when
 * the literal is not assigned that way, or is only part of the value
 * ("v" + x, "v" % x, "v".format(...), "v" "w"). */
int acl_code_assigned_name(const char *s, size_t len,
                           const struct acl_code_toks *t, size_t tok,
                           const char **name, size_t *nlen);

#endif
