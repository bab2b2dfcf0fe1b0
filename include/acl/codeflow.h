/*
 * codeflow.h - a light analysis of one agent source file, shared by the
 * code rules (AC015, AC016, AC017, AC028, AC029).
 *
 * On the tokens of codelex.h it finds:
 * - the names under which the file reaches the environment: os,
 *   os.environ and os.getenv under any import alias ("import os as
 *   _os", "from os import environ as ENV"), simple assignments of them
 *   ("env = os.environ"), and process / process.env in JavaScript
 *   ("const env = process.env", "const { env } = process",
 *   "import { env } from 'node:process'");
 * - the fields of pydantic-settings classes, each a read of env_prefix
 *   + its name (or of its alias);
 * - string constants, module or function level, assigned once
 *   (GW = "AGENTCORE_GATEWAY_X_URL", const PREFIX = "..."), and names
 *   built of them: f"..{GW}..", `..${GW}..`, A + "_URL";
 * - every read of an environment variable whose name it can tell,
 *   classified (enum acl_env_use), and for each read that fails when
 *   the variable is unset, whether a presence test of the same variable
 *   dominates it in the same function: an enclosing if/while on the
 *   test, an earlier "if not <test>: return/raise/..." in the same or
 *   an enclosing block, a try whose handler catches KeyError (any catch
 *   in JavaScript), a test in the same statement (a ternary,
 *   "and"/"&&"), or a match / switch on the variable (the arms that
 *   cannot take None / undefined). Local variables that hold a read
 *   ("url = os.getenv(V)", "const url = process.env.V", "const { V } =
 *   process.env", "case str() as url:") carry the variable: a test of
 *   them is a test of V, a failing use of them is a required read of
 *   V.
 *
 * What it does not do: follow values across functions, files, classes
 * or containers, tell apart two variables of the same name in two
 * scopes, or evaluate anything. A real parser (tree-sitter, whose
 * library Debian packages without grammars) would see scopes and
 * control flow exactly; this is a careful approximation on tokens.
 */
#ifndef ACL_CODEFLOW_H
#define ACL_CODEFLOW_H

#include <stddef.h>

#include "acl/codelex.h"
#include "acl/file.h"

enum acl_env_use {
    ACL_ENV_TEST = 0, /* a presence test: "V" in os.environ, if (env.V) */
    ACL_ENV_DEFAULT,  /* a read with a default: .get(V, d), env.V ?? d */
    ACL_ENV_PLAIN,    /* a read that yields None/undefined when unset */
    ACL_ENV_REQUIRED, /* a read that fails or lies when unset */
    ACL_ENV_WRITE,    /* os.environ[V] = ..., setdefault */
    ACL_ENV_MENTION   /* a literal holding just the name, used otherwise */
};

struct acl_env_ref {
    enum acl_env_use use;
    char *name;              /* the variable's name; owned */
    struct acl_span at;      /* the read, or the use that fails */
    struct acl_span name_at; /* where the name is written */
    /* REQUIRED only: how it fails, for messages ("os.environ[...] raises
     * KeyError"); static storage. */
    const char *how;
    int dominated;      /* REQUIRED only: a presence test guards it */
    unsigned chain;     /* reads joined as fallbacks (or, ||, ??, a default
                       that reads another variable) share an id > 0 */
    long def_tok;       /* token index of a literal default value, or -1 */
    int via_local;      /* through a local variable that holds the read */
    int neg;            /* TEST only: true when the test asks "unset?" */
    size_t first, last; /* code positions of the read (see code[]) */
    long def_pos;       /* code position where its default starts, or -1 */
};

/* A call's keyword argument, an object member or dict entry, or an AWS
 * call's positional argument, with a literal value: provider_name="x",
 * providerName: "x", aws_access_key_id="...", Credentials("AKIA...",
 * ...) (codeflow_args.c). */
struct acl_code_arg {
    const char *callee; /* static: which call or object (see .c) */
    const char *key;    /* static */
    char *value;        /* the literal or constant value; owned */
    struct acl_span at; /* the value as written */
    int literal;        /* written as a literal here, not a constant */
};

struct acl_code_file {
    enum acl_code_lang lang;
    const struct acl_text *text; /* borrowed */
    struct acl_code_toks toks;
    size_t *code; /* indices of the tokens that are not comments */
    size_t ncode;
    struct acl_env_ref *refs; /* in text order */
    size_t nrefs;
    struct acl_code_arg *args; /* in text order */
    size_t nargs;
    int test_file; /* tests/, test_*.py, *_test.py, *.test.ts ... */
};

/* Lexes and analyses t (which must outlive the result). NULL for a
 * file that is not Python, JavaScript or TypeScript. */
struct acl_code_file *acl_code_file_new(const struct acl_text *t);
void acl_code_file_free(struct acl_code_file *f);

/* Is the path (project-relative) a test file: under tests/, test/ or
 * __tests__/, test_*.py, *_test.py, conftest.py, *.test.* or *.spec.*? */
int acl_code_test_path(const char *path);

#endif
