/*
 * regex.h - pcre2 patterns for rules that scan text: compiled once (in
 * a rule's init), JIT-compiled when pcre2 supports it and ACL_NO_JIT is
 * not set (valgrind runs), matched with bounded effort.
 *
 * A struct acl_regex is owned by its creator: acl_regex_free releases
 * it (NULL is fine). It keeps its own match data, so one pattern is not
 * used by two threads at once.
 */
#ifndef ACL_REGEX_H
#define ACL_REGEX_H

#include <stddef.h>

#include "acl/util.h"

struct acl_regex;

/* Compiles pattern (PCRE2 syntax, UTF-8 not assumed). Returns NULL and
 * fills err when the pattern is wrong. */
struct acl_regex *acl_regex_new(const char *pattern, struct acl_error *err);
void acl_regex_free(struct acl_regex *re);

/* Finds the first match in s[from, len) (s may hold NUL). Returns 1 and
 * fills ov[2*i], ov[2*i+1] with the byte range of group i for
 * i < nov/2 (unset groups give start == end == (size_t)-1), or 0 when
 * there is no match or the match limit is reached. Lookbehinds see the
 * bytes before from. */
int acl_regex_find(struct acl_regex *re, const char *s, size_t len,
                   size_t from, size_t *ov, size_t nov);

#endif
