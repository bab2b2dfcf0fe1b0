/*
 * codeflow_int.h - what the parts of the code analysis share (not
 * installed; see include/acl/codeflow.h for the model).
 *
 * Positions are indices into the code tokens (comments left out):
 * cf->code[i] is the token index of code position i.
 */
#ifndef ACL_CODEFLOW_INT_H
#define ACL_CODEFLOW_INT_H

#include <jansson.h>

#include "acl/codeflow.h"

/* What an identifier stands for. */
enum cf_role {
    CF_NONE = 0,
    CF_MODULE,        /* os, process */
    CF_ENVIRON,       /* os.environ, process.env */
    CF_GETENV,        /* os.getenv */
    CF_DECO_API,      /* requires_api_key, withApiKey */
    CF_DECO_TOKEN,    /* requires_access_token, withAccessToken */
    CF_BOTO3,         /* boto3, aioboto3 */
    CF_AWS_SESSION,   /* boto3's Session, imported by name */
    CF_AWS_CLIENT,    /* boto3's client / resource, imported by name */
    CF_AWS_CREDS,     /* botocore's Credentials classes; aws-sdk's (v2) */
    CF_AWS_CREDS_MOD, /* the module botocore.credentials */
    CF_AWS_SDK        /* the JavaScript aws-sdk (v2) module: AWS */
};

/* A local variable that holds a read of an environment variable. */
struct cf_local {
    char *var;     /* the variable it holds; owned */
    int nullable;  /* None/undefined when unset (no default) */
    long at;       /* the code position of its name where it is set */
    long from, to; /* where it is visible (codeflow_scope.c) */
    int flag;      /* holds a test of var, not its value */
    int flag_neg;  /* the test asks "unset?" */
};

/* A range of code positions where a name means something else (a
 * parameter, a name set in another function); up: the range of the
 * same name enclosing it, or -1. */
struct cf_shadow {
    long from, to, up;
};

struct cf_shadow_set {
    struct cf_shadow *r;
    size_t n, cap;
};

/* A region of code positions [from, to] in which a variable (NULL:
 * every variable) is known to be set. */
struct cf_region {
    const char *var;
    size_t from, to;
};

/* Python's logical lines, by code position (codeflow_guard.c). */
struct cf_lines {
    long *start;     /* the line start of each position */
    long *last;      /* at a line start: the line's last position */
    long *block_end; /* at a line start: the end of the block it heads */
    long *parent;    /* at a line start: the line heading its block, -1 */
};

struct cf {
    const char *s;
    size_t len;
    enum acl_code_lang lang;
    const struct acl_code_tok *tok; /* every token */
    const size_t *code;
    size_t n;          /* code positions */
    long *match;       /* the matching bracket, or -1 */
    long *encl;        /* the innermost open bracket, or -1 */
    json_t *roles;     /* name -> enum cf_role */
    json_t *consts;    /* name -> string value, null: ambiguous */
    json_t *const_lit; /* name -> position of its one literal */
    json_t *locals;    /* name -> array of indices into loc */
    json_t *shadows;   /* name -> index into sets */
    struct cf_shadow_set *sets;
    size_t nsets, sets_cap;
    struct cf_local *loc;
    size_t nloc, loc_cap;
    unsigned char *used; /* code positions whose literal a read used */
    size_t refs_cap, args_cap;
    struct cf_region *regions;
    size_t nregions, regions_cap;
    struct acl_code_file *f;
    struct cf_lines *lines; /* Python; NULL in an f-string's code */
};

/* Token helpers, by code position; out-of-range positions are never
 * anything. */
const struct acl_code_tok *cf_tok(const struct cf *cf, long i);
int cf_is(const struct cf *cf, long i, const char *word);
int cf_kind(const struct cf *cf, long i, enum acl_tok_kind kind);
/* A new string with the text of token i (its content for a string). */
char *cf_text(const struct cf *cf, long i);
enum cf_role cf_role(const struct cf *cf, long i);
/* The role of the expression at i (os, os.environ, os.getenv,
 * process.env, an alias) and its last position in *end. */
enum cf_role cf_expr_role(const struct cf *cf, long i, long *end);
/* Does position i start a new statement (Python: a logical line; JS:
 * after ';', '{', '}' or a line break)? */
int cf_stmt_start(const struct cf *cf, long i);
/* The last position of the statement holding i. */
long cf_stmt_end(const struct cf *cf, long i);

/* The value of the name expression [a, b]: a literal, a constant, an
 * f-string or template of constants, or a '+' chain of those. New
 * string, or NULL when it cannot be told. *lit: the literal position
 * when the name is one plain literal or constant's literal, else -1. */
char *cf_name_value(struct cf *cf, long a, long b, long *lit);

/* The reads of the code positions of cf, without what follows them
 * (locals, mentions, chains). */
void cf_scan_reads(struct cf *cf);
/* The reads inside the {...} of f-strings and ${...} of templates,
 * added at the string's position. */
void cf_inner_reads(struct cf *cf);

/* Python lines (codeflow_scope.c), by code position. */
int cf_py_line_start(const struct cf *cf, long i);
long cf_py_line_end(const struct cf *cf, long i);
long cf_py_line_of(const struct cf *cf, long i);
long cf_py_block_end(const struct cf *cf, long s);
long cf_py_parent_end(const struct cf *cf, long s);
void cf_py_lines(struct cf *cf, struct cf_lines *l);
void cf_py_lines_free(struct cf_lines *l);

/* Where a local set at v is visible; the ranges where a name means
 * something else; is the use of a local set at def one of them? */
void cf_local_scope(const struct cf *cf, long v, long *from, long *to);
void cf_find_shadows(struct cf *cf);
void cf_shadows_free(struct cf *cf);
int cf_shadowed(const struct cf *cf, const char *name, long def, long use);

/* Is [a, b] a whole argument of a call that fails on None/undefined
 * (new URL(), fetch(), streamablehttp_client(), ...)? Returns the
 * callee's name (static) or NULL. */
const char *cf_sink_of(const struct cf *cf, long a, long b);

/* Is the '(' at o that of assert(...), assert.ok(...) or invariant(...)
 * in JavaScript: a call that throws unless its test holds? */
int cf_assert_call(const struct cf *cf, long o);

/* Shared by the guards (codeflow_guard.c): the ':' of the Python
 * header at line s, or -1; does the statement at k leave its block
 * (return, raise, throw, break, continue, exit)? does the body of the
 * Python header at s leave it? where the statements after k in its
 * JavaScript statement list end (a block's end, a switch arm's end)? */
long cf_py_colon(const struct cf *cf, long s);
int cf_exits(const struct cf *cf, long k);
int cf_py_body_exits(const struct cf *cf, long s, long colon, long end);
long cf_js_rest_end(const struct cf *cf, long k);
/* Does the JavaScript statement at k leave its statement list (not
 * the brace-less body of an if, for or while)? */
int cf_js_exit_stmt(const struct cf *cf, long k);

/* Python match and JavaScript switch (codeflow_match.c): is [a, b] the
 * whole subject of one (a presence test)? The regions its arms give
 * when r is a subject (returns 0 otherwise); Python captures of a
 * subject read as locals; the end of k's arm when the block opened at
 * b is a switch body (the block's end otherwise). */
int cf_match_subject(const struct cf *cf, long a, long b);
int cf_match_regions(struct cf *cf, const struct acl_env_ref *r);
void cf_match_captures(struct cf *cf);
long cf_switch_arm_end(const struct cf *cf, long b, long k);

/* The reads of the fields of pydantic-settings classes
 * (codeflow_settings.c). */
void cf_settings_reads(struct cf *cf);

/* Records that the name at v holds a read of var from here on
 * (nullable: None/undefined when unset). */
void cf_add_local(struct cf *cf, long v, const char *var, int nullable);

/* The passes, in order. */
void cf_find_roles(struct cf *cf);
void cf_find_consts(struct cf *cf);
void cf_find_reads(struct cf *cf);
void cf_find_regions(struct cf *cf);
void cf_find_args(struct cf *cf);

/* Adds a ref over code positions [a, b]; returns it (valid until the
 * next add). */
struct acl_env_ref *cf_add_ref(struct cf *cf, enum acl_env_use use, char *name,
                               long a, long b);
void cf_add_region(struct cf *cf, const char *var, size_t from, size_t to);

#endif
