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

/* Deeper nesting than this is a syntax finding, not a crash. */
#define ACL_JSON_MAX_DEPTH 1000

/* One value in the source map, in document order. */
struct acl_jnode {
    struct acl_span value; /* the value's text, quotes included */
    struct acl_span key;   /* the member name, quotes included; 0,0 if none */
    uint32_t kids;         /* index into acl_doc.kids of the first child */
    uint32_t nkids;        /* members or elements */
    uint8_t type;          /* a json_type */
};

/* A member name that appears twice in one object. */
struct acl_dupkey {
    char *pointer;         /* the repeated member's pointer; owned */
    char *name;            /* the repeated name (may hold NUL); owned */
    size_t name_len;
    struct acl_span first; /* the first member's name */
    struct acl_span later; /* the member that wins */
};

/* A parsed JSON file. */
struct acl_doc {
    struct acl_text *text;  /* owned */
    json_t *root;           /* NULL when the file is not valid JSON */
    /* Syntax error, when root is NULL. */
    struct acl_span error_at;
    char error_text[256];
    struct acl_jnode *nodes; /* nodes[0] is the root value */
    size_t nnodes;
    uint32_t *kids; /* child node indices, contiguous per container */
    size_t nkids;
    struct acl_dupkey *dups;
    size_t ndups;
};

/* Parses text (ownership taken). Never fails: a syntax error leaves
 * root NULL and fills error_at/error_text. Free with acl_doc_free. */
struct acl_doc *acl_doc_parse(struct acl_text *text);
void acl_doc_free(struct acl_doc *doc);

/* Finds the node of an RFC 6901 pointer ("" is the root). Returns the
 * node index, or -1 when the pointer names nothing. With duplicate
 * names, the later member is found. */
long acl_doc_find(const struct acl_doc *doc, const char *pointer);

#endif
