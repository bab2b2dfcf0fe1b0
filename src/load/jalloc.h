/*
 * jalloc.h - jansson's allocator: parsed documents allocate their
 * values from an arena that is released in one piece with the
 * document, which halves the memory a large project takes (malloc's
 * per-block overhead is larger than most JSON values).
 */
#ifndef ACL_JALLOC_H
#define ACL_JALLOC_H

#include <stddef.h>

struct acl_arena;

/* Does nothing any more: the allocator is installed only while an arena
 * is current. Kept so that older callers still build. */
void acl_jalloc_init(void);

/* A new arena; its memory comes from chunks of about chunk bytes. */
struct acl_arena *acl_arena_new(size_t chunk);
/* Frees every chunk, and so every value made in the arena: no one may
 * hold a reference to them any more. */
void acl_arena_free(struct acl_arena *a);
/* While a is current, jansson values are made in it and nothing is
 * freed: make only values that a document will own. Making an arena
 * current installs the arena allocator in jansson; going back to NULL
 * (the heap) puts the previous allocator back, so outside a parse
 * jansson is untouched. Returns the previous current arena, to restore
 * afterwards. Not thread-safe: one parse at a time. */
struct acl_arena *acl_arena_use(struct acl_arena *a);

#endif
