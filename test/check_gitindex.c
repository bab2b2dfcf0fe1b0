/*
 * check_gitindex.c - the git index reader: versions 2, 3 (extended
 * flags) and 4 (path prefix compression), SHA-1 and SHA-256 object
 * names, and malformed indexes, built byte by byte here.
 */
#include <string.h>

#include "load/gitindex.h"
#include "check_acl.h"

struct idx {
    unsigned char data[8192];
    size_t len;
    unsigned version;
    size_t hash_len;
    char prev[1024];
};

static void
put32(struct idx *x, unsigned long v)
{
    x->data[x->len++] = (unsigned char)(v >> 24);
    x->data[x->len++] = (unsigned char)(v >> 16);
    x->data[x->len++] = (unsigned char)(v >> 8);
    x->data[x->len++] = (unsigned char)v;
}

static void
start(struct idx *x, unsigned version, unsigned long n, size_t hash_len)
{
    memset(x, 0, sizeof *x);
    memcpy(x->data, "DIRC", 4);
    x->len = 4;
    x->version = version;
    x->hash_len = hash_len;
    put32(x, version);
    put32(x, n);
}

/* git's varint: 7 bits a byte, most significant first, minus one
 * before each further byte. */
static void
put_varint(struct idx *x, size_t v)
{
    unsigned char b[16];
    size_t pos = sizeof b - 1;

    b[pos] = v & 127;
    while (v >>= 7)
        b[--pos] = (unsigned char)(128 | (--v & 127));
    memcpy(x->data + x->len, b + pos, sizeof b - pos);
    x->len += sizeof b - pos;
}

static void
entry(struct idx *x, const char *path, int extended)
{
    size_t begin = x->len, n = strlen(path), keep = 0;

    memset(x->data + x->len, 0, 40 + x->hash_len);
    x->len += 40 + x->hash_len;
    x->data[x->len++] =
        (unsigned char)((extended ? 0x40 : 0) | (n > 0xfff ? 0x0f : n >> 8));
    x->data[x->len++] = (unsigned char)(n > 0xfff ? 0xff : n & 0xff);
    if (extended) {
        x->data[x->len++] = 0x20; /* intent-to-add, say */
        x->data[x->len++] = 0;
    }
    if (x->version == 4) {
        while (keep < n && x->prev[keep] == path[keep])
            keep++;
        put_varint(x, strlen(x->prev) - keep);
        memcpy(x->data + x->len, path + keep, n - keep + 1);
        x->len += n - keep + 1;
        strcpy(x->prev, path);
        return;
    }
    memcpy(x->data + x->len, path, n);
    x->len += n;
    do
        x->data[x->len++] = 0;
    while ((x->len - begin) % 8 != 0);
}

static void
finish(struct idx *x)
{
    memset(x->data + x->len, 0xab, x->hash_len); /* the checksum */
    x->len += x->hash_len;
}

static int
has(const struct idx *x, const char *path)
{
    struct acl_error err;

    return acl_gitindex_has(x->data, x->len, x->hash_len, path, &err);
}

START_TEST(version_2)
{
    struct idx x;

    start(&x, 2, 3, 20);
    entry(&x, "README", 0);
    entry(&x, "agentcore/.env.local", 0);
    entry(&x, "agentcore/agentcore.json", 0);
    finish(&x);
    ck_assert_int_eq(has(&x, "agentcore/.env.local"), 1);
    ck_assert_int_eq(has(&x, "agentcore/agentcore.json"), 1);
    ck_assert_int_eq(has(&x, "agentcore/.env"), 0);
    ck_assert_int_eq(has(&x, "agentcore"), 0);
}
END_TEST

/* Version 3 entries with the extended flag carry 2 more flag bytes. */
START_TEST(version_3_extended_flags)
{
    struct idx x;

    start(&x, 3, 3, 20);
    entry(&x, "a", 1);
    entry(&x, "agentcore/.env.local", 1);
    entry(&x, "z", 0);
    finish(&x);
    ck_assert_int_eq(has(&x, "agentcore/.env.local"), 1);
    ck_assert_int_eq(has(&x, "z"), 1);
    ck_assert_int_eq(has(&x, "b"), 0);
}
END_TEST

/* Version 4 drops N bytes of the previous path, then appends. */
START_TEST(version_4_prefix_compression)
{
    struct idx x;
    char longp[400];

    memset(longp, 'd', sizeof longp - 1);
    longp[sizeof longp - 1] = '\0';
    longp[0] = 'a';
    start(&x, 4, 5, 20);
    entry(&x, "agentcore/agentcore.json", 0);
    entry(&x, "agentcore/aws-targets.json", 0);
    entry(&x, longp, 0);                  /* drops everything but "a" */
    entry(&x, "agentcore/.env.local", 0); /* drops 398: a 2-byte varint */
    entry(&x, "app/main.py", 0);
    finish(&x);
    ck_assert_int_eq(has(&x, "agentcore/aws-targets.json"), 1);
    ck_assert_int_eq(has(&x, "agentcore/.env.local"), 1);
    ck_assert_int_eq(has(&x, "app/main.py"), 1);
    ck_assert_int_eq(has(&x, longp), 1);
    ck_assert_int_eq(has(&x, "agentcore/.env.localx"), 0);
}
END_TEST

START_TEST(sha256_object_names)
{
    struct idx x;

    start(&x, 2, 2, 32);
    entry(&x, "a", 0);
    entry(&x, "agentcore/.env.local", 0);
    finish(&x);
    ck_assert_int_eq(has(&x, "agentcore/.env.local"), 1);
    /* read with the wrong object name size, it is malformed or misses */
    ck_assert_int_ne(
        acl_gitindex_has(x.data, x.len, 20, "agentcore/.env.local", NULL), 1);
}
END_TEST

START_TEST(malformed)
{
    struct idx x;
    struct acl_error err;

    start(&x, 2, 1, 20);
    entry(&x, "agentcore/.env.local", 0);
    finish(&x);
    /* cut inside the entry */
    ck_assert_int_eq(acl_gitindex_has(x.data, 40, 20, "x", &err), -1);
    /* more entries announced than present */
    x.data[11] = 5;
    ck_assert_int_eq(acl_gitindex_has(x.data, x.len, 20, "y", &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "entry 2 of 5"));
    ck_assert_int_eq(has(&x, "agentcore/.env.local"), 1); /* seen first */
    /* wrong magic and version */
    x.data[11] = 1;
    x.data[0] = 'X';
    ck_assert_int_eq(has(&x, "agentcore/.env.local"), -1);
    x.data[0] = 'D';
    x.data[7] = 5;
    ck_assert_int_eq(acl_gitindex_has(x.data, x.len, 20, "a", &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "version 5"));
    /* too short for a header */
    ck_assert_int_eq(acl_gitindex_has(x.data, 10, 20, "a", &err), -1);
    /* extended flags in version 2 */
    start(&x, 2, 1, 20);
    entry(&x, "a", 1);
    finish(&x);
    ck_assert_int_eq(has(&x, "a"), -1);
    /* version 4 dropping more than the previous path holds */
    start(&x, 4, 1, 20);
    strcpy(x.prev, "abcdef"); /* as if an entry came before */
    entry(&x, "a", 0);
    finish(&x);
    ck_assert_int_eq(has(&x, "a"), -1);
    /* no entries at all */
    start(&x, 2, 0, 20);
    finish(&x);
    ck_assert_int_eq(has(&x, "a"), 0);
}
END_TEST

static void
put64(struct idx *x, unsigned long long v)
{
    put32(x, (unsigned long)(v >> 32));
    put32(x, (unsigned long)(v & 0xffffffffUL));
}

/* An EWAH bitmap of 200 bits: a marker word (running bit 0, one word of
 * it, then two literal words), bit 5 of the first literal (bit 69) and
 * bit 0 of the second (bit 128) set. */
static void
put_ewah(struct idx *x)
{
    put32(x, 200);
    put32(x, 4);
    put64(x, 1ULL << 1 | 2ULL << 33);
    put64(x, 1ULL << 5);
    put64(x, 1ULL);
    put64(x, 0); /* a marker with no run and no literals */
    put32(x, 3);
}

START_TEST(ewah_bitmap)
{
    struct idx x;

    memset(&x, 0, sizeof x);
    put_ewah(&x);
    ck_assert_int_eq(acl_gitindex_ewah_bit(x.data, x.len, 0), 0);
    ck_assert_int_eq(acl_gitindex_ewah_bit(x.data, x.len, 63), 0);
    ck_assert_int_eq(acl_gitindex_ewah_bit(x.data, x.len, 69), 1);
    ck_assert_int_eq(acl_gitindex_ewah_bit(x.data, x.len, 70), 0);
    ck_assert_int_eq(acl_gitindex_ewah_bit(x.data, x.len, 128), 1);
    ck_assert_int_eq(acl_gitindex_ewah_bit(x.data, x.len, 5000), 0);
    /* a run of set bits */
    memset(&x, 0, sizeof x);
    put32(&x, 128);
    put32(&x, 1);
    put64(&x, 1ULL | 2ULL << 1);
    put32(&x, 0);
    ck_assert_int_eq(acl_gitindex_ewah_bit(x.data, x.len, 127), 1);
    ck_assert_int_eq(acl_gitindex_ewah_bit(x.data, x.len, 128), 0);
    /* more words announced than present; literals past the end */
    ck_assert_int_eq(acl_gitindex_ewah_bit(x.data, 10, 1), -1);
    memset(&x, 0, sizeof x);
    put32(&x, 64);
    put32(&x, 1);
    put64(&x, 3ULL << 33);
    put32(&x, 0);
    ck_assert_int_eq(acl_gitindex_ewah_bit(x.data, x.len, 1), -1);
}
END_TEST

/* A split index names its shared index in a "link" extension, after
 * the entries, with the delete bitmap behind the object name. */
START_TEST(split_index_link)
{
    struct idx x;
    struct acl_gitindex_link link;
    struct acl_error err;
    size_t size_at, pos = 9;

    start(&x, 2, 2, 20);
    entry(&x, "a", 0);
    entry(&x, "agentcore/.env.local", 0);
    memcpy(x.data + x.len, "TREE", 4); /* another extension first */
    x.len += 4;
    put32(&x, 3);
    x.len += 3;
    memcpy(x.data + x.len, "link", 4);
    x.len += 4;
    size_at = x.len;
    put32(&x, 0);
    memset(x.data + x.len, 0xa5, 20);
    x.len += 20;
    put_ewah(&x);
    x.len = size_at; /* the extension's size, now known */
    put32(&x, 20 + 12 + 32);
    x.len += 20 + 12 + 32;
    finish(&x);
    ck_assert_int_eq(acl_gitindex_find(x.data, x.len, 20,
                                       "agentcore/.env.local", &pos, &err),
                     1);
    ck_assert_uint_eq(pos, 1);
    ck_assert_int_eq(acl_gitindex_link(x.data, x.len, 20, &link, &err), 1);
    ck_assert_str_eq(link.shared, "a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5");
    ck_assert_uint_eq(link.del_len, 44);
    ck_assert_int_eq(acl_gitindex_ewah_bit(link.del, link.del_len, 69), 1);
    /* not split: no link extension */
    start(&x, 2, 1, 20);
    entry(&x, "a", 0);
    finish(&x);
    ck_assert_int_eq(acl_gitindex_link(x.data, x.len, 20, &link, &err), 0);
    /* an extension longer than the index */
    x.len -= 20;
    memcpy(x.data + x.len, "link", 4);
    x.len += 4;
    put32(&x, 4000);
    finish(&x);
    ck_assert_int_eq(acl_gitindex_link(x.data, x.len, 20, &link, &err), -1);
}
END_TEST

Suite *
acl_suite_gitindex(void)
{
    Suite *s = suite_create("gitindex");
    TCase *tc = tcase_create("index");

    tcase_add_test(tc, version_2);
    tcase_add_test(tc, version_3_extended_flags);
    tcase_add_test(tc, version_4_prefix_compression);
    tcase_add_test(tc, sha256_object_names);
    tcase_add_test(tc, malformed);
    tcase_add_test(tc, ewah_bitmap);
    tcase_add_test(tc, split_index_link);
    suite_add_tcase(s, tc);
    return s;
}
