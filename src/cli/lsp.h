/*
 * lsp.h - the language server (agentcore-lint --lsp): LSP 3.17 over
 * JSON-RPC on standard input and output.
 *
 * The reader splits a byte stream into messages (Content-Length framed)
 * and never trusts it: a bad header or an oversized message is skipped
 * with an error, never a crash. The server handles one message body at
 * a time and writes its responses and notifications to a FILE; lints
 * wait until the client has been quiet for a moment (acl_lsp_main polls
 * its input with a timeout), or until a request needs fresh results.
 *
 * Memory: the reader and the server own everything they hold; free
 * them with their _free functions. Bodies from acl_lsp_reader_next are
 * the caller's.
 */
#ifndef ACL_LSP_H
#define ACL_LSP_H

#include <stddef.h>
#include <stdio.h>

#include "acl/util.h"

/* How long the client must be quiet before a lint, in milliseconds. */
#define ACL_LSP_DEBOUNCE_MS 200

struct acl_lsp_reader;

/* max: the largest message body accepted (bytes). */
struct acl_lsp_reader *acl_lsp_reader_new(size_t max);
void acl_lsp_reader_free(struct acl_lsp_reader *r);
/* Appends n bytes of input. */
void acl_lsp_reader_feed(struct acl_lsp_reader *r, const char *data, size_t n);
/* The next whole message: 1 with *body (new, NUL-terminated) and *len;
 * 0 when more input is needed; -1 when a header block was malformed or
 * a message too large: it is skipped, err says why, and the caller
 * answers with a JSON-RPC error. */
int acl_lsp_reader_next(struct acl_lsp_reader *r, char **body, size_t *len,
                        struct acl_error *err);

struct acl_lsp;

/* A server writing to out (borrowed). */
struct acl_lsp *acl_lsp_new(FILE *out);
void acl_lsp_free(struct acl_lsp *s);
/* Handles one message body (any bytes: malformed JSON, unknown methods
 * and wrong parameters get JSON-RPC errors). */
void acl_lsp_handle(struct acl_lsp *s, const char *body, size_t len);
/* Answers a message the reader skipped (a parse error, id null). */
void acl_lsp_reject(struct acl_lsp *s, const char *why);
/* Is a lint waiting for the client to be quiet? */
int acl_lsp_pending(const struct acl_lsp *s);
/* Lints the projects whose files changed, and publishes. */
void acl_lsp_flush(struct acl_lsp *s);
/* After "exit": 1, and *code the exit status (0 when "shutdown" came
 * first). */
int acl_lsp_exited(const struct acl_lsp *s, int *code);

/* The server loop on fd in and out until "exit" or end of input.
 * Returns the exit status. Needs acl_rules_init first. */
int acl_lsp_main(int in, FILE *out);

/* Writes one message: the Content-Length header, then body. */
void acl_lsp_write(FILE *out, const char *body, size_t len);

#endif
