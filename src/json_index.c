/*
 * json_index.c - finding a member of a large object by name without a
 * scan. Every finding is located through its JSON pointer, so an object
 * with tens of thousands of members (each one reported, say, as an
 * unknown member) made locating quadratic. An object with more than
 * INDEX_FROM members gets a hash table of its members the first time
 * one is looked up; smaller ones are scanned.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/json.h"

#define INDEX_FROM 16

/* One indexed object: slots hold a member's node + 1, 0 when empty. */
struct obj_index {
    uint32_t parent;
    uint32_t *slots;
    size_t cap;
};

struct acl_doc_index {
    struct obj_index *objs; /* open addressing by parent; slots NULL: empty */
    size_t cap, used;
};

static uint64_t
name_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    size_t i;

    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

struct acl_doc_index *
acl_doc_index_new(void)
{
    return acl_xcalloc(1, sizeof(struct acl_doc_index));
}

void
acl_doc_index_free(struct acl_doc_index *ix)
{
    size_t i;

    if (ix == NULL)
        return;
    for (i = 0; i < ix->cap; i++)
        free(ix->objs[i].slots);
    free(ix->objs);
    free(ix);
}

/* Adds member kid of an object's table (cap a power of two, at most
 * half full); a later member of the same name replaces the earlier. */
static void
index_put(const struct acl_doc *doc, struct obj_index *o, size_t kid,
          struct acl_buf *a, struct acl_buf *b)
{
    size_t i;

    acl_doc_key_name(doc, kid, a);
    i = (size_t)name_hash(a->data, a->len) & (o->cap - 1);
    for (; o->slots[i] != 0; i = (i + 1) & (o->cap - 1)) {
        acl_doc_key_name(doc, o->slots[i] - 1, b);
        if (a->len == b->len && memcmp(a->data, b->data, a->len) == 0)
            break;
    }
    o->slots[i] = (uint32_t)kid + 1;
}

static void
index_build(const struct acl_doc *doc, struct obj_index *o, size_t n)
{
    struct acl_buf a = {0}, b = {0};
    size_t k, nk = acl_doc_nkids(doc, n);

    for (o->cap = 16; o->cap < 2 * nk;)
        o->cap *= 2;
    o->slots = acl_xcalloc(o->cap, sizeof *o->slots);
    o->parent = (uint32_t)n;
    for (k = 0; k < nk; k++)
        index_put(doc, o, acl_doc_kid(doc, n, k), &a, &b);
    acl_buf_free(&a);
    acl_buf_free(&b);
}

/* The table of object n, built on first use. */
static struct obj_index *
index_of(struct acl_doc_index *ix, const struct acl_doc *doc, size_t n)
{
    size_t i;

    if (2 * (ix->used + 1) > ix->cap) {
        struct acl_doc_index bigger = {0};

        bigger.cap = ix->cap ? 2 * ix->cap : 8;
        bigger.objs = acl_xcalloc(bigger.cap, sizeof *bigger.objs);
        for (i = 0; i < ix->cap; i++) {
            size_t j = ix->objs[i].parent & (bigger.cap - 1);

            if (ix->objs[i].slots == NULL)
                continue;
            while (bigger.objs[j].slots != NULL)
                j = (j + 1) & (bigger.cap - 1);
            bigger.objs[j] = ix->objs[i];
        }
        free(ix->objs);
        ix->objs = bigger.objs;
        ix->cap = bigger.cap;
    }
    for (i = n & (ix->cap - 1); ix->objs[i].slots != NULL; i = (i + 1) & (ix->cap - 1))
        if (ix->objs[i].parent == n)
            return &ix->objs[i];
    index_build(doc, &ix->objs[i], n);
    ix->used++;
    return &ix->objs[i];
}

long
acl_doc_index_member(struct acl_doc_index *ix, const struct acl_doc *doc,
                     size_t n, const char *name, size_t len)
{
    struct acl_buf b = {0};
    struct obj_index *o;
    size_t i;
    long found = -1;

    if (acl_doc_nkids(doc, n) <= INDEX_FROM)
        return -2;
    o = index_of(ix, doc, n);
    i = (size_t)name_hash(name, len) & (o->cap - 1);
    for (; o->slots[i] != 0 && found < 0; i = (i + 1) & (o->cap - 1)) {
        acl_doc_key_name(doc, o->slots[i] - 1, &b);
        if (b.len == len && memcmp(b.data, name, len) == 0)
            found = (long)o->slots[i] - 1;
    }
    acl_buf_free(&b);
    return found;
}
