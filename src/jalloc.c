/*
 * jalloc.c - an arena allocator for jansson values of parsed documents.
 *
 * Every block carries an 8-byte tag so that free() knows where it came
 * from: heap blocks are returned to malloc, arena blocks are released
 * with their arena. jansson never reallocates, so malloc and free are
 * all it needs.
 */
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "acl/jalloc.h"
#include "acl/util.h"

#define TAG_HEAP 0x48454150u
#define TAG_ARENA 0x4152454eu

struct chunk {
    struct chunk *next;
    size_t used, size;
    uint64_t data[];
};

struct acl_arena {
    struct chunk *head;
    size_t chunk;
};

static struct acl_arena *current;

static void *
arena_alloc(struct acl_arena *a, size_t n)
{
    size_t words = (n + 7) / 8 + 1;
    struct chunk *c = a->head;
    uint64_t *p;

    if (c == NULL || c->size - c->used < words) {
        size_t size = words > a->chunk / 8 ? words : a->chunk / 8;

        c = acl_xmalloc(sizeof *c + size * 8);
        c->size = size;
        c->used = 0;
        c->next = a->head;
        a->head = c;
    }
    p = c->data + c->used;
    c->used += words;
    p[0] = TAG_ARENA;
    return p + 1;
}

static void *
tagged_malloc(size_t n)
{
    uint64_t *p;

    if (current != NULL)
        return arena_alloc(current, n);
    p = malloc(n + 8);
    if (p == NULL)
        return NULL;
    p[0] = TAG_HEAP;
    return p + 1;
}

static void
tagged_free(void *ptr)
{
    uint64_t *p = ptr;

    /* Arena blocks go back with their arena. */
    if (p != NULL && p[-1] == TAG_HEAP)
        free(p - 1);
}

void
acl_jalloc_init(void)
{
    json_set_alloc_funcs(tagged_malloc, tagged_free);
}

struct acl_arena *
acl_arena_new(size_t chunk)
{
    struct acl_arena *a = acl_xcalloc(1, sizeof *a);

    a->chunk = chunk < 4096 ? 4096 : chunk;
    return a;
}

void
acl_arena_free(struct acl_arena *a)
{
    struct chunk *c, *next;

    if (a == NULL)
        return;
    for (c = a->head; c != NULL; c = next) {
        next = c->next;
        free(c);
    }
    free(a);
}

struct acl_arena *
acl_arena_use(struct acl_arena *a)
{
    struct acl_arena *prev = current;

    current = a;
    return prev;
}
