/*
 * suggest.h - "did you mean": the closest of a set of known words to a
 * word someone typed (an option, a format, a rule ID or name, a target,
 * a member name).
 *
 * Nothing here allocates: candidates and results are the caller's.
 */
#ifndef ACL_SUGGEST_H
#define ACL_SUGGEST_H

#include <stddef.h>

/* The optimal string alignment distance between a[0, alen) and
 * b[0, blen): insertions, deletions, substitutions and swaps of two
 * neighbouring bytes each cost 1. With fold, ASCII letters compare
 * case-insensitively. Words longer than ACL_SUGGEST_MAX_LEN bytes are
 * never close: the result is then (size_t)-1. */
#define ACL_SUGGEST_MAX_LEN 128
size_t acl_edit_distance(const char *a, size_t alen, const char *b, size_t blen,
                         int fold);

/* The candidate closest to word (case-insensitive), or NULL when none
 * is close enough to be a likely typo: at most a third of the longer
 * word's length apart (at least 1, at most 3), and no other candidate
 * equally close. cands holds n NUL-terminated strings; NULL entries
 * are skipped. A word equal to a candidate gets NULL; one that differs
 * only in case gets that candidate. The result points into cands. */
const char *acl_suggest(const char *word, const char *const *cands, size_t n);

#endif
