/*
 * gitindex.c - is a path in the git index (gitformat-index(5))?
 *
 * Header: "DIRC", a 4-byte version (2, 3 or 4), a 4-byte entry count,
 * all big-endian. Each entry: 40 bytes of stat data, the object name
 * (20 or 32 bytes), 2 bytes of flags (the low 12 bits: the path length,
 * 0xFFF meaning "at least"), in version 3 and later 2 more flag bytes
 * when the extended bit (0x4000) is set, then the path. Versions 2 and
 * 3 end the path with 1-8 NUL bytes so the entry is a multiple of 8
 * bytes long; version 4 starts it with a varint N - the number of bytes
 * to drop from the end of the previous entry's path - then the rest of
 * the path and one NUL, and pads nothing. Extensions follow the
 * entries (4-byte signature, 4-byte size); a split index's "link" one
 * names the shared index that holds most entries, with an EWAH bitmap
 * of those it deletes.
 */
#include <string.h>

#include "load/gitindex.h"

/* Longest path git keeps in an index entry; longer is malformed here. */
#define MAX_PATH_BYTES 4096

static unsigned long
be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
           (unsigned long)p[2] << 8 | (unsigned long)p[3];
}

/* The version 4 varint at data[*at, len): 7 bits a byte, high bit "more",
 * and 1 added before each shift (so every value has one encoding). */
static int
varint(const unsigned char *data, size_t len, size_t *at, size_t *out)
{
    size_t v;
    unsigned char c;

    if (*at >= len)
        return -1;
    c = data[(*at)++];
    v = c & 0x7f;
    while (c & 0x80) {
        if (*at >= len || v > (MAX_PATH_BYTES << 1))
            return -1;
        c = data[(*at)++];
        v = ((v + 1) << 7) | (c & 0x7f);
    }
    *out = v;
    return 0;
}

struct cursor {
    const unsigned char *data;
    size_t len, at, hash_len;
    unsigned long version;
    char path[MAX_PATH_BYTES + 1]; /* the current entry's path */
    size_t plen;
};

/* Reads the entry at c->at into c->path and moves past it. */
static int
next_entry(struct cursor *c)
{
    size_t fixed = 40 + c->hash_len + 2, start = c->at, flags, nul, drop;

    if (c->len - c->at < fixed)
        return -1;
    flags =
        (size_t)c->data[c->at + fixed - 2] << 8 | c->data[c->at + fixed - 1];
    c->at += fixed;
    if (flags & 0x4000) {
        if (c->version < 3 || c->len - c->at < 2)
            return -1;
        c->at += 2;
    }
    if (c->version == 4) {
        if (varint(c->data, c->len, &c->at, &drop) != 0 || drop > c->plen)
            return -1;
        c->plen -= drop;
    } else {
        c->plen = 0;
    }
    for (nul = c->at; nul < c->len && c->data[nul] != '\0'; nul++)
        ;
    if (nul == c->len || c->plen + (nul - c->at) > MAX_PATH_BYTES)
        return -1;
    memcpy(c->path + c->plen, c->data + c->at, nul - c->at);
    c->plen += nul - c->at;
    c->path[c->plen] = '\0';
    c->at = nul + 1;
    if (c->version != 4) { /* 1-8 NULs up to a multiple of 8 */
        size_t end = start + ((c->at - start + 7) & ~(size_t)7);

        if (end > c->len)
            return -1;
        c->at = end;
    }
    return 0;
}

/* Starts c at the first entry of the index in data; *n gets the entry
 * count. Returns 0, or -1 with err set. */
static int
open_index(struct cursor *c, const unsigned char *data, size_t len,
           size_t hash_len, unsigned long *n, struct acl_error *err)
{
    if (len < 12 + hash_len || memcmp(data, "DIRC", 4) != 0)
        return acl_error_set(err, "not a git index (no DIRC header)");
    memset(c, 0, sizeof *c);
    c->data = data;
    c->len = len - hash_len; /* the trailing checksum */
    c->at = 12;
    c->hash_len = hash_len;
    c->version = be32(data + 4);
    *n = be32(data + 8);
    if (c->version < 2 || c->version > 4)
        return acl_error_set(err, "git index version %lu is not 2, 3 or 4",
                             c->version);
    return 0;
}

int
acl_gitindex_find(const unsigned char *data, size_t len, size_t hash_len,
                  const char *path, size_t *pos, struct acl_error *err)
{
    struct cursor c;
    unsigned long n, i;

    if (open_index(&c, data, len, hash_len, &n, err) != 0)
        return -1;
    for (i = 0; i < n; i++) {
        if (next_entry(&c) != 0)
            return acl_error_set(err,
                                 "git index entry %lu of %lu is "
                                 "malformed",
                                 i + 1, n);
        if (strcmp(c.path, path) == 0) {
            if (pos != NULL)
                *pos = i;
            return 1;
        }
    }
    return 0;
}

int
acl_gitindex_has(const unsigned char *data, size_t len, size_t hash_len,
                 const char *path, struct acl_error *err)
{
    return acl_gitindex_find(data, len, hash_len, path, NULL, err);
}

/* The size of the EWAH bitmap at data[0, len): a 4-byte bit count, a
 * 4-byte word count, the 8-byte words, a 4-byte position; 0 when it
 * does not fit. */
static size_t
ewah_size(const unsigned char *data, size_t len)
{
    size_t words;

    if (len < 12)
        return 0;
    words = be32(data + 4);
    if (words > (len - 12) / 8)
        return 0;
    return 12 + 8 * words;
}

static unsigned long long
be64(const unsigned char *p)
{
    return (unsigned long long)be32(p) << 32 | be32(p + 4);
}

int
acl_gitindex_ewah_bit(const unsigned char *bm, size_t len, size_t bit)
{
    size_t words, i = 0, base = 0;

    if (ewah_size(bm, len) == 0)
        return -1;
    words = be32(bm + 4);
    bm += 8;
    /* Each marker word: bit 0 the running bit, bits 1-32 how many words
     * of it follow, bits 33-63 how many literal words come next. */
    while (i < words) {
        unsigned long long rlw = be64(bm + 8 * i);
        size_t run = (size_t)(rlw >> 1 & 0xffffffffULL) * 64;
        size_t lits = (size_t)(rlw >> 33);

        if (bit < base + run)
            return (int)(rlw & 1);
        base += run;
        if (lits > words - i - 1)
            return -1;
        if (bit < base + lits * 64) {
            size_t w = i + 1 + (bit - base) / 64;

            return (int)(be64(bm + 8 * w) >> ((bit - base) % 64) & 1);
        }
        base += lits * 64;
        i += 1 + lits;
    }
    return 0;
}

int
acl_gitindex_link(const unsigned char *data, size_t len, size_t hash_len,
                  struct acl_gitindex_link *link, struct acl_error *err)
{
    struct cursor c;
    unsigned long n, i;
    static const char hex[] = "0123456789abcdef";

    memset(link, 0, sizeof *link);
    if (open_index(&c, data, len, hash_len, &n, err) != 0)
        return -1;
    for (i = 0; i < n; i++)
        if (next_entry(&c) != 0)
            return acl_error_set(err,
                                 "git index entry %lu of %lu is "
                                 "malformed",
                                 i + 1, n);
    while (c.len - c.at >= 8) { /* extensions: signature, size, data */
        size_t size = be32(c.data + c.at + 4), k;
        const unsigned char *ext = c.data + c.at + 8;

        if (size > c.len - c.at - 8)
            return acl_error_set(err, "git index extension overruns it");
        if (memcmp(c.data + c.at, "link", 4) == 0 && size >= hash_len) {
            for (k = 0; k < hash_len; k++) {
                link->shared[2 * k] = hex[ext[k] >> 4];
                link->shared[2 * k + 1] = hex[ext[k] & 15];
            }
            link->del = ext + hash_len;
            link->del_len = ewah_size(ext + hash_len, size - hash_len);
            return 1;
        }
        c.at += 8 + size;
    }
    return 0;
}
