/*
 * regex.h - pcre2 patterns for rules that scan text: compiled once (in
 * a rule's init), JIT-compiled once they have scanned enough text (see
 * acl_jit_account), matched with bounded effort.
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

enum acl_regex_flags {
    /* Pattern and subject are UTF-8 (\p{L} works); a subject that is not
     * valid UTF-8 does not match. */
    ACL_RE_UTF = 1 << 0,
    /* '$' matches only at the very end, as in JavaScript without the m
     * flag (PCRE2's '$' also matches before a final newline). */
    ACL_RE_DOLLAR_ENDONLY = 1 << 1,
    /* Matches a copy of the subject followed by zeroed bytes: the JIT's
     * vector loads may read a little past the end, and a subject that
     * sits beside memory nobody initialised makes memory checkers
     * complain. For short subjects (values, names). */
    ACL_RE_PAD_SUBJECT = 1 << 2
};

/* acl_regex_new with flags (enum acl_regex_flags). */
struct acl_regex *acl_regex_compile(const char *pattern, unsigned flags,
                                    struct acl_error *err);
void acl_regex_free(struct acl_regex *re);

/* Finds the first match in s[from, len) (s may hold NUL). Returns 1 and
 * fills ov[2*i], ov[2*i+1] with the byte range of group i for
 * i < nov/2 (unset groups give start == end == (size_t)-1), 0 when
 * there is no match, or -1 when pcre2 gave up (the match limit was
 * reached): the scan is then incomplete, which the caller must report,
 * never take for "no match". Lookbehinds see the bytes before from.
 * nov may be 0 (ov NULL) when only the verdict matters. */
int acl_regex_find(struct acl_regex *re, const char *s, size_t len, size_t from,
                   size_t *ov, size_t nov);

/* Lazy JIT for every pcre2 pattern of the linter. Compiling a pattern
 * to machine code costs about as much as interpreting it over tens of
 * KiB, and a typical project never gives one pattern that much text:
 * JIT-compiling all of them up front was a tenth of a small project's
 * run. So each pattern counts the bytes it is asked to scan and is
 * compiled once the count passes ACL_JIT_AFTER. Without JIT support,
 * or with ACL_NO_JIT set (valgrind runs: JIT code reads past the
 * subject in wide loads), the interpreter goes on doing the same job. */
#define ACL_JIT_AFTER (32u * 1024u)

struct acl_jit {
    size_t scanned;
    int tried;
};

struct pcre2_real_code_8;

/* Call before matching len bytes with code; zero-initialise j. */
void acl_jit_account(struct acl_jit *j, struct pcre2_real_code_8 *code,
                     size_t len);

#endif
