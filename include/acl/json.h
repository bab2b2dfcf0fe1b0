/*
 * json.h - the JSON loader: text -> jansson value + source map.
 *
 * The parser is our own so that it can record, in one pass, the exact
 * byte span of every value and member name, report where a syntax
 * error is, keep duplicate member names visible (the later one wins,
 * as JSON.parse does) and bound nesting depth. The values it builds are
 * ordinary jansson values.
 */
#ifndef ACL_JSON_H
#define ACL_JSON_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "acl/file.h"

struct acl_arena;

/* Deeper nesting than this is a syntax finding, not a crash. */
#define ACL_JSON_MAX_DEPTH 1000

/* One value in the source map, in document order. Kept to 16 bytes:
 * the value's type, its member name's end and its children are read
 * back from the text and the kids array through the accessors below. */
struct acl_jnode {
    uint32_t start; /* the value's text, quotes included */
    uint32_t end;
    uint32_t key;  /* the member name's opening quote, or ACL_JNONE */
    uint32_t kids; /* containers: offset in acl_doc.kids of the child
                       count, followed by the children; or ACL_JNONE */
};

#define ACL_JNONE UINT32_MAX

/* A member name that appears twice in one object. */
struct acl_dupkey {
    char *pointer; /* the repeated member's pointer; owned */
    char *name;    /* the repeated name (may hold NUL); owned */
    size_t name_len;
    struct acl_span first; /* the first member's name */
    struct acl_span later; /* the member that wins */
};

/* A parsed JSON file. */
struct acl_secret_index;

struct acl_doc {
    struct acl_text *text; /* owned */
    json_t *root;          /* NULL when the file is not valid JSON */
    /* Syntax error, when root is NULL. */
    struct acl_span error_at;
    char error_text[256];
    /* 1 when the file was refused unread (a link out of the project, not
     * a regular file, unreadable): text is empty, error_text says why. */
    int unread;
    struct acl_jnode *nodes; /* nodes[0] is the root value */
    size_t nnodes;
    uint32_t *kids; /* per container: count, then child node indices */
    size_t nkids;
    struct acl_dupkey *dups;
    size_t ndups;
    struct acl_arena *arena;     /* holds root's values */
    struct acl_doc_index *index; /* member tables of large objects; owned */
    /* The secrets it holds (secret.h), found by the loader once the
     * document is parsed; owned; NULL until then. */
    struct acl_secret_index *secrets;
};

/* Parses text (ownership taken). Never fails: a syntax error leaves
 * root NULL and fills error_at/error_text. Free with acl_doc_free. */
struct acl_doc *acl_doc_parse(struct acl_text *text);
void acl_doc_free(struct acl_doc *doc);

/* The source map of node i (0 is the root). */
struct acl_span acl_doc_value(const struct acl_doc *doc, size_t i);
/* The member name of node i, quotes included; {0, 0} for none. */
struct acl_span acl_doc_key(const struct acl_doc *doc, size_t i);
/* JSON_OBJECT, JSON_ARRAY, ...; a number is JSON_REAL when its text has
 * a fraction or an exponent, else JSON_INTEGER. */
int acl_doc_type(const struct acl_doc *doc, size_t i);
size_t acl_doc_nkids(const struct acl_doc *doc, size_t i);
/* The node index of child k of node i (k < acl_doc_nkids). */
size_t acl_doc_kid(const struct acl_doc *doc, size_t i, size_t k);

/* Writes the decoded member name of node i to out (emptied first). */
void acl_doc_key_name(const struct acl_doc *doc, size_t i, struct acl_buf *out);

/* Member names to their nodes (json_index.c): zero-initialise, free
 * with acl_name_table_clear. With keep_first, a repeated name keeps its
 * first node; else its last. */
struct acl_name_table {
    uint32_t *slots; /* node + 1, 0 when empty */
    size_t cap, used;
};
void acl_name_table_put(struct acl_name_table *t, const struct acl_doc *doc,
                        size_t node, int keep_first);
/* The node for name (len bytes), or -1. */
long acl_name_table_get(const struct acl_name_table *t,
                        const struct acl_doc *doc, const char *name,
                        size_t len);
void acl_name_table_clear(struct acl_name_table *t);

/* Member lookup in large objects (json_index.c), for acl_doc_find. */
struct acl_doc_index;
struct acl_doc_index *acl_doc_index_new(void);
void acl_doc_index_free(struct acl_doc_index *ix);
/* The member of object n named name (len bytes; the later of two with
 * one name), -1 when there is none, or -2 when n is small enough to be
 * scanned. Builds n's table on first use. */
long acl_doc_index_member(struct acl_doc_index *ix, const struct acl_doc *doc,
                          size_t n, const char *name, size_t len);

/* Finds the node of an RFC 6901 pointer ("" is the root). Returns the
 * node index, or -1 when the pointer names nothing. With duplicate
 * names, the later member is found. */
long acl_doc_find(const struct acl_doc *doc, const char *pointer);

#endif
