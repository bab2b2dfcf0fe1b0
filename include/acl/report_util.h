/*
 * report_util.h - internal helpers shared by the output formats.
 */
#ifndef ACL_REPORT_UTIL_H
#define ACL_REPORT_UTIL_H

#include "acl/finding.h"
#include "acl/util.h"

/* Appends one character of s (n bytes left) to out, escaped when it is
 * a control, bidi control, tab or invalid UTF-8 byte; *width is the
 * columns it takes. Returns the bytes consumed. */
size_t acl_escape_char(const char *s, size_t n, struct acl_buf *out,
                       size_t *width);
/* Appends s (n bytes) with every character escaped as above. */
void acl_escape_text(const char *s, size_t n, struct acl_buf *out);
void acl_escape_str(const char *s, struct acl_buf *out);
/* As acl_escape_str, for text that starts a line of output (a file
 * path): a leading "::" is written "\x3A:", since CI runners such as
 * GitHub Actions read a log line starting with "::" as a command. */
void acl_escape_line_head(const char *s, struct acl_buf *out);
/* The byte range of f's text to hide when f is about a secret: all but
 * the first four characters inside the quotes. */
void acl_secret_range(const struct acl_finding *f, size_t *start, size_t *end);
/* When byte offset of f's text is to be hidden (f's own secret, or any
 * secret a rule found in that text), the end of the hidden bytes; else
 * 0. */
size_t acl_report_hidden_end(const struct acl_finding *f, size_t offset);

/* What an accepted finding shown with --show-suppressed is marked with,
 * after its message: " (suppressed)" when the config ignores it,
 * " (baselined)" when the baseline holds it; "" for any other. Static
 * text. */
const char *acl_report_mark(const struct acl_finding *f);

struct acl_report_ctx;
/* The one-line formats: writes line(f, b) to ctx->out for each finding
 * the format shows (acl_report_write leaves accepted ones out unless
 * --show-suppressed); b is emptied before each call and owned here.
 * Returns 0. */
int acl_report_lines(const struct acl_report_ctx *ctx,
                     void (*line)(const struct acl_finding *f,
                                  struct acl_buf *b));

#endif
