/*
 * json_index.c - finding members of large objects by name without a
 * scan. Every finding is located through its JSON pointer, so an object
 * with tens of thousands of members (each one reported, say, as an
 * unknown member) made locating quadratic; so did finding the first of
 * each repeated name in such an object. An object with more than
 * INDEX_FROM members gets a name table the first time one is looked
 * up; smaller ones are scanned.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/json.h"

#define INDEX_FROM 16

static uint64_t
name_hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    size_t i;

    for (i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
    return h;
}

/* The slot of name in t: the one holding it, or the empty one where it
 * would go. a is scratch space. */
static size_t
name_slot(const struct acl_name_table *t, const struct acl_doc *doc,
          const char *name, size_t len, struct acl_buf *a)
{
    size_t i = (size_t)name_hash(name, len) & (t->cap - 1);

    for (; t->slots[i] != 0; i = (i + 1) & (t->cap - 1)) {
        acl_doc_key_name(doc, t->slots[i] - 1, a);
        if (a->len == len && memcmp(a->data, name, len) == 0)
            break;
    }
    return i;
}

static void
name_grow(struct acl_name_table *t, const struct acl_doc *doc)
{
    struct acl_name_table bigger = {0};
    struct acl_buf a = {0}, b = {0};
    size_t i;

    bigger.cap = t->cap ? 2 * t->cap : 16;
    bigger.slots = acl_xcalloc(bigger.cap, sizeof *bigger.slots);
    for (i = 0; i < t->cap; i++) {
        if (t->slots[i] == 0)
            continue;
        acl_doc_key_name(doc, t->slots[i] - 1, &a);
        bigger.slots[name_slot(&bigger, doc, a.data, a.len, &b)] = t->slots[i];
    }
    bigger.used = t->used;
    free(t->slots);
    *t = bigger;
    acl_buf_free(&a);
    acl_buf_free(&b);
}

void
acl_name_table_put(struct acl_name_table *t, const struct acl_doc *doc,
                   size_t node, int keep_first)
{
    struct acl_buf a = {0}, b = {0};
    size_t i;

    if (2 * (t->used + 1) > t->cap)
        name_grow(t, doc);
    acl_doc_key_name(doc, node, &a);
    i = name_slot(t, doc, a.data, a.len, &b);
    if (t->slots[i] == 0)
        t->used++;
    if (t->slots[i] == 0 || !keep_first)
        t->slots[i] = (uint32_t)node + 1;
    acl_buf_free(&a);
    acl_buf_free(&b);
}

long
acl_name_table_get(const struct acl_name_table *t, const struct acl_doc *doc,
                   const char *name, size_t len)
{
    struct acl_buf a = {0};
    size_t i;

    if (t->cap == 0)
        return -1;
    i = name_slot(t, doc, name, len, &a);
    acl_buf_free(&a);
    return t->slots[i] != 0 ? (long)t->slots[i] - 1 : -1;
}

void
acl_name_table_clear(struct acl_name_table *t)
{
    free(t->slots);
    memset(t, 0, sizeof *t);
}

/* One indexed object, in a table keyed by the object's node. */
struct obj_index {
    uint32_t parent;
    int used;
    struct acl_name_table names;
};

struct acl_doc_index {
    struct obj_index *objs;
    size_t cap, used;
};

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
        acl_name_table_clear(&ix->objs[i].names);
    free(ix->objs);
    free(ix);
}

static void
objs_grow(struct acl_doc_index *ix)
{
    struct obj_index *objs;
    size_t cap = ix->cap ? 2 * ix->cap : 8, i, j;

    objs = acl_xcalloc(cap, sizeof *objs);
    for (i = 0; i < ix->cap; i++) {
        if (!ix->objs[i].used)
            continue;
        for (j = ix->objs[i].parent & (cap - 1); objs[j].used;)
            j = (j + 1) & (cap - 1);
        objs[j] = ix->objs[i];
    }
    free(ix->objs);
    ix->objs = objs;
    ix->cap = cap;
}

/* The name table of object n (the later member of a repeated name),
 * built on first use. */
static struct acl_name_table *
index_of(struct acl_doc_index *ix, const struct acl_doc *doc, size_t n)
{
    size_t i, k, nk = acl_doc_nkids(doc, n);

    if (2 * (ix->used + 1) > ix->cap)
        objs_grow(ix);
    for (i = n & (ix->cap - 1); ix->objs[i].used; i = (i + 1) & (ix->cap - 1))
        if (ix->objs[i].parent == n)
            return &ix->objs[i].names;
    ix->objs[i].used = 1;
    ix->objs[i].parent = (uint32_t)n;
    ix->used++;
    for (k = 0; k < nk; k++)
        acl_name_table_put(&ix->objs[i].names, doc, acl_doc_kid(doc, n, k), 0);
    return &ix->objs[i].names;
}

long
acl_doc_index_member(struct acl_doc_index *ix, const struct acl_doc *doc,
                     size_t n, const char *name, size_t len)
{
    if (acl_doc_nkids(doc, n) <= INDEX_FROM)
        return -2;
    return acl_name_table_get(index_of(ix, doc, n), doc, name, len);
}
