/*
 * jalloc.c - an arena allocator for jansson values of parsed documents.
 *
 * While an arena is current (only while a document is parsed), every
 * jansson allocation comes from it and every free is a no-op: the
 * parser frees nothing of the heap, and what jansson frees meanwhile
 * (a replaced duplicate, an outgrown hash table) is arena memory. A
 * document's values are never freed one by one: its arena goes in one
 * piece. jansson never reallocates, so malloc and free are all it
 * needs.
 *
 * jansson's allocator hook is process-wide, so it is ours only while an
 * arena is current: acl_arena_use installs it and puts back whatever
 * was there when the arena is released. Outside a parse jansson runs
 * with the program's own allocator, and no start-up call is needed.
 */
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "load/jalloc.h"
#include "acl/util.h"

struct chunk {
    struct chunk *next;
    size_t used, size;
    uint64_t data[];
};

struct acl_arena {
    struct chunk *head;
    size_t chunk;
};

/* The arena of the parse under way, and the allocator it displaced;
 * NULL outside a parse. */
static struct acl_arena *current;
static json_malloc_t saved_malloc;
static json_free_t saved_free;

static void *
arena_alloc(struct acl_arena *a, size_t n)
{
    size_t words = (n + 7) / 8;
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
    return p;
}

static void *
json_malloc(size_t n)
{
    return current != NULL ? arena_alloc(current, n) : malloc(n);
}

static void
json_free(void *ptr)
{
    if (current == NULL)
        free(ptr);
}

void
acl_jalloc_init(void)
{
    /* Nothing to do: acl_arena_use installs the allocator when needed. */
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

    if (prev == NULL && a != NULL) {
        json_get_alloc_funcs(&saved_malloc, &saved_free);
        json_set_alloc_funcs(json_malloc, json_free);
    }
    current = a;
    if (prev != NULL && a == NULL)
        json_set_alloc_funcs(saved_malloc, saved_free);
    return prev;
}
