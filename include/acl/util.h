/*
 * util.h - memory helpers, growable buffers and the error struct.
 *
 * Every acl_x* allocator returns memory the caller frees with free().
 * On out-of-memory they end the process with exit status 2 and one
 * line on standard error: the linter cannot do its job without memory,
 * and that is exactly what exit 2 means to a CI gate.
 */
#ifndef ACL_UTIL_H
#define ACL_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#if defined(__GNUC__)
#define ACL_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define ACL_PRINTF(f, a)
#endif

#define ACL_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* An error message for the command line to print: "<what>: <why>". */
struct acl_error {
    char text[1024];
};

/* Fills err (when not NULL) and returns -1, so callers can
 * "return acl_error_set(err, ...)". */
int acl_error_set(struct acl_error *err, const char *fmt, ...) ACL_PRINTF(2, 3);

void *acl_xmalloc(size_t n);
void *acl_xcalloc(size_t n, size_t size);
void *acl_xrealloc(void *p, size_t n);
/* Grows *p (holding *cap elements of size) to hold at least need. */
void acl_xgrow(void **p, size_t *cap, size_t need, size_t size);
char *acl_xstrdup(const char *s);
char *acl_xstrndup(const char *s, size_t n);
/* printf into a new string; the caller frees it. */
char *acl_xasprintf(const char *fmt, ...) ACL_PRINTF(1, 2);
char *acl_xvasprintf(const char *fmt, va_list ap) ACL_PRINTF(1, 0);
/* dir/rel as a new string: rel alone when dir is "" or ".", and no
 * second '/' when dir ends with one. */
char *acl_path_join(const char *dir, const char *rel);

/* A growable NUL-terminated byte buffer. Zero-initialise, then append;
 * free with acl_buf_free(). */
struct acl_buf {
    char *data;
    size_t len;
    size_t cap;
};

void acl_buf_append(struct acl_buf *b, const char *s, size_t n);
void acl_buf_puts(struct acl_buf *b, const char *s);
void acl_buf_putc(struct acl_buf *b, char c);
/* The arguments must not point into b itself: it may move. */
void acl_buf_printf(struct acl_buf *b, const char *fmt, ...) ACL_PRINTF(2, 3);
void acl_buf_reset(struct acl_buf *b);
/* Hands the data to the caller (who frees it) and empties b. */
char *acl_buf_steal(struct acl_buf *b);
void acl_buf_free(struct acl_buf *b);

/* ASCII helpers that ignore the locale. */
int acl_ascii_lower(int c);
int acl_strieq(const char *a, const char *b);
int acl_starts_with(const char *s, const char *prefix);
int acl_ends_with(const char *s, const char *suffix);

#endif
