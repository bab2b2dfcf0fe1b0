/*
 * openapi.h - the server URLs an OpenAPI document declares (servers[]
 * at the top, in a path item or in an operation), for rules that check
 * where a target's API lives.
 *
 * JSON documents are walked as parsed; YAML documents are scanned line
 * by line for "url:" entries of "servers:" blocks (block style only).
 * Nothing is allocated that outlives a call.
 */
#ifndef ACL_OPENAPI_H
#define ACL_OPENAPI_H

#include "acl/json.h"

struct acl_openapi_server {
    const struct acl_doc *doc; /* the document */
    const char *pointer;       /* JSON: the url value's pointer; NULL for
                                  YAML, where span says where it is */
    struct acl_span span;      /* YAML: the value in doc->text */
    const char *url;           /* the URL, NUL-terminated */
};

/* Calls fn for every server URL of doc (a referenced file read with
 * acl_ref_json: doc->root is NULL for YAML). Everything fn gets is valid
 * during the call only. */
void acl_openapi_servers(const struct acl_doc *doc,
                         void (*fn)(void *arg,
                                    const struct acl_openapi_server *s),
                         void *arg);

#endif
