/*
 * suggest.c - "did you mean" by edit distance.
 */
#include <string.h>

#include "acl/suggest.h"

static unsigned char
fold_byte(unsigned char c, int fold)
{
    return fold && c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
    size_t m = a < b ? a : b;

    return m < c ? m : c;
}

/* Three rows of the distance table are enough: the current one, the
 * one before it, and the one before that (for swaps). */
size_t
acl_edit_distance(const char *a, size_t alen, const char *b, size_t blen,
                  int fold)
{
    size_t rows[3][ACL_SUGGEST_MAX_LEN + 1];
    size_t i, j;

    if (alen > ACL_SUGGEST_MAX_LEN || blen > ACL_SUGGEST_MAX_LEN)
        return (size_t)-1;
    for (j = 0; j <= blen; j++)
        rows[0][j] = j;
    for (i = 1; i <= alen; i++) {
        size_t *cur = rows[i % 3], *prev = rows[(i - 1) % 3];
        size_t *prev2 = rows[(i + 1) % 3];
        unsigned char ca = fold_byte((unsigned char)a[i - 1], fold);

        cur[0] = i;
        for (j = 1; j <= blen; j++) {
            unsigned char cb = fold_byte((unsigned char)b[j - 1], fold);
            size_t cost = ca != cb;

            cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
            if (i > 1 && j > 1 &&
                ca == fold_byte((unsigned char)b[j - 2], fold) &&
                cb == fold_byte((unsigned char)a[i - 2], fold) &&
                prev2[j - 2] + 1 < cur[j])
                cur[j] = prev2[j - 2] + 1;
        }
    }
    return rows[alen % 3][blen];
}

const char *
acl_suggest(const char *word, const char *const *cands, size_t n)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1, wlen = strlen(word), i;
    int tie = 0;

    for (i = 0; i < n; i++) {
        size_t clen, d, limit;

        if (cands[i] == NULL)
            continue;
        clen = strlen(cands[i]);
        d = acl_edit_distance(word, wlen, cands[i], clen, 1);
        limit = (wlen > clen ? wlen : clen) / 3;
        limit = limit < 1 ? 1 : limit > 3 ? 3 : limit;
        if (strcmp(word, cands[i]) == 0 || d > limit || d > best_d)
            continue;
        tie = d == best_d && strcmp(best, cands[i]) != 0;
        if (d < best_d)
            best = cands[i], best_d = d;
    }
    return tie ? NULL : best;
}
