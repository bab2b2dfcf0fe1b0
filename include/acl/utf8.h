/*
 * utf8.h - the one UTF-8 decoder, and the one table of characters that
 * must never reach a terminal, a log or a CI annotation as they are.
 *
 * Nothing here allocates; callers own every buffer.
 */
#ifndef ACL_UTF8_H
#define ACL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* What acl_utf8_lenient yields for a bad sequence (not a code point). */
#define ACL_UTF8_BAD 0x110000u

/* The strictly valid UTF-8 sequence at s (n > 0 bytes left): its length
 * (1 to 4) with *cp its code point, or 0 when invalid (a stray or
 * truncated sequence, an overlong form, a surrogate, above U+10FFFF). */
size_t acl_utf8_strict(const char *s, size_t n, uint32_t *cp);

/* Decodes one character as the WHATWG decoder does (n > 0): a bad
 * sequence gives *cp ACL_UTF8_BAD (shown as U+FFFD) and consumes its
 * longest valid prefix, at least one byte. Returns the bytes consumed. */
size_t acl_utf8_lenient(const char *s, size_t n, uint32_t *cp);

/* Is s[0..n) valid UTF-8 throughout? */
int acl_utf8_valid(const char *s, size_t n);

/* Characters that could steer a terminal, end or start a line of a log,
 * or reorder what is shown: C0 and C1 controls (tab, CR and LF among
 * them), DEL, the bidirectional controls and marks, the line and
 * paragraph separators, and the byte order mark. */
int acl_utf8_unsafe(uint32_t cp);

/* Counts the characters of s[0..n) and the UTF-16 code units editors
 * and JavaScript count for them (a character beyond the BMP is two):
 * every byte that is not a continuation byte starts one. Either out
 * pointer may be NULL. */
void acl_utf8_count(const char *s, size_t n, size_t *chars, size_t *units16);

/* The offset in s[0..n) after at most units UTF-16 code units, never
 * inside a character. */
size_t acl_utf16_skip(const char *s, size_t n, size_t units);

/* Appends cp (<= U+10FFFF) as UTF-8 to out (4 bytes room); returns the
 * bytes written. */
size_t acl_utf8_put(uint32_t cp, char *out);

#endif
