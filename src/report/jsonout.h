/*
 * jsonout.h - writes a jansson value as indented JSON, fast.
 *
 * The bytes are exactly those of json_dumpf(v, out, JSON_INDENT(2) |
 * JSON_ENSURE_ASCII): the reporters' golden files were made that way and
 * tools that diff two logs see no change. It is our own writer because
 * jansson's calls back once per token, which cost more than building the
 * whole SARIF log. Nothing is allocated; the caller keeps owning v.
 */
#ifndef ACL_JSONOUT_H
#define ACL_JSONOUT_H

#include <jansson.h>
#include <stdio.h>

/* Writes v (an object or an array) and no final newline. A string that
 * is not valid UTF-8 is written with each bad sequence as \ufffd (as a
 * WHATWG decoder reads it), never dropped. Returns 0, or -1 when v is
 * not a container or the stream fails. */
int acl_json_dumpf(const json_t *v, FILE *out);

/* An array of v written element by element as next() makes them, each
 * freed once written: a report's results then never all exist at once
 * (a SARIF result takes some KiB as a tree). at is the empty array in v
 * that stands for it; next returns element i as a new reference, or
 * NULL after the last. */
struct acl_json_stream {
    const json_t *at;
    json_t *(*next)(void *arg, size_t i);
    void *arg;
};

/* acl_json_dumpf with the array st->at written from st. */
int acl_json_dumpf_stream(const json_t *v, FILE *out,
                          const struct acl_json_stream *st);

#endif
