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

/* Writes v (an object or an array) and no final newline. Returns 0, or
 * -1 when v holds an invalid string or the stream fails. */
int acl_json_dumpf(const json_t *v, FILE *out);

#endif
