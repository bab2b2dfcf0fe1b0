/*
 * toolcount_docs.c - counting the tools a document defines: a tool
 * list, an OpenAPI document (JSON, or YAML by a line scan), a Smithy
 * JSON AST, an API Gateway tool configuration.
 *
 * The YAML scan understands block mappings only, which is how OpenAPI
 * documents are written in practice; anything else (flow mappings,
 * aliases, tabs) makes the document "unknown" rather than miscounted.
 */
#include <string.h>

#include "acl/toolcount.h"
#include "acl/util.h"

/* The operations of an OpenAPI path item (OpenAPI 2 and 3). */
static const char *const http_methods[] = {"get",     "put",  "post",  "delete",
                                           "options", "head", "patch", "trace"};

static int
is_method(const char *s, size_t n)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(http_methods); i++)
        if (strlen(http_methods[i]) == n && memcmp(s, http_methods[i], n) == 0)
            return 1;
    return 0;
}

static long
count_objects(json_t *arr)
{
    size_t i;
    long n = 0;
    json_t *e;

    json_array_foreach (arr, i, e) {
        if (json_is_object(e))
            n++;
    }
    return n;
}

json_t *
acl_tool_file_list(json_t *root, const char **member)
{
    static const char *const lists[] = {"tools", "inlinePayload"};
    size_t i;

    if (member != NULL)
        *member = NULL;
    if (json_is_array(root))
        return root;
    for (i = 0; json_is_object(root) && i < ACL_ARRAY_LEN(lists); i++) {
        json_t *v = json_object_get(root, lists[i]);

        if (json_is_array(v)) {
            if (member != NULL)
                *member = lists[i];
            return v;
        }
    }
    return NULL;
}

long
acl_tools_in_tool_file(json_t *root)
{
    json_t *list = acl_tool_file_list(root, NULL);

    return list != NULL ? count_objects(list) : -1;
}

/* An OpenAPI document without "paths" still is one when it says so. */
static int
looks_openapi(json_t *root)
{
    return json_object_get(root, "openapi") != NULL ||
           json_object_get(root, "swagger") != NULL;
}

static long
count_methods(json_t *item)
{
    const char *key;
    json_t *v;
    long n = 0;

    json_object_foreach (item, key, v) {
        if (is_method(key, strlen(key)))
            n++;
    }
    return n;
}

/* The path item a "$ref" names in the same document's
 * components/pathItems (OpenAPI 3.1), or NULL for any other reference. */
static json_t *
local_path_item(json_t *root, json_t *ref)
{
    static const char prefix[] = "#/components/pathItems/";
    const char *r = json_string_value(ref);
    char name[1024];
    size_t i = 0;

    if (r == NULL || strncmp(r, prefix, sizeof prefix - 1) != 0)
        return NULL;
    for (r += sizeof prefix - 1; *r != '\0' && i + 1 < sizeof name; r++) {
        if (*r == '/')
            return NULL; /* deeper than one pathItems member */
        if (*r == '~' && (r[1] == '0' || r[1] == '1')) {
            name[i++] = r[1] == '0' ? '~' : '/';
            r++;
        } else {
            name[i++] = *r;
        }
    }
    name[i] = '\0';
    return json_object_get(
        json_object_get(json_object_get(root, "components"), "pathItems"),
        name);
}

long
acl_tools_in_openapi_json(json_t *root, int *partial)
{
    json_t *paths = json_object_get(root, "paths"), *item, *ref;
    const char *path;
    long n = 0;

    if (!json_is_object(root))
        return -1;
    if (paths == NULL)
        return looks_openapi(root) ? 0 : -1;
    if (!json_is_object(paths))
        return -1;
    json_object_foreach (paths, path, item) {
        if (!json_is_object(item))
            continue;
        n += count_methods(item);
        if ((ref = json_object_get(item, "$ref")) == NULL)
            continue;
        /* A 3.1 reference into components/pathItems is counted; one to
         * another file is not, and makes the count a lower bound. */
        if (json_is_object(local_path_item(root, ref)))
            n += count_methods(local_path_item(root, ref));
        else
            *partial = 1;
    }
    return n;
}

/* Pushes the shape IDs that shape binds: the "target" of each entry of
 * its operations, resources and collectionOperations lists and of its
 * lifecycle members (create, put, read, update, delete, list). */
static void
push_bound(json_t *shape, json_t *stack)
{
    static const char *const lists[] = {"operations", "resources",
                                        "collectionOperations"};
    static const char *const lifecycle[] = {"create", "put",    "read",
                                            "update", "delete", "list"};
    size_t i, j;
    json_t *e;

    for (i = 0; i < ACL_ARRAY_LEN(lists); i++)
        json_array_foreach (json_object_get(shape, lists[i]), j, e) {
            if (json_is_string(json_object_get(e, "target")))
                json_array_append(stack, json_object_get(e, "target"));
        }
    for (i = 0; i < ACL_ARRAY_LEN(lifecycle); i++) {
        e = json_object_get(json_object_get(shape, lifecycle[i]), "target");
        if (json_is_string(e))
            json_array_append(stack, e);
    }
}

/* Operations reachable from the service shapes, each counted once;
 * -1 when the model has no service. */
static long
bound_operations(json_t *shapes)
{
    json_t *stack = json_array(), *seen = json_object(), *shape;
    const char *name;
    long n = 0;
    int services = 0;

    json_object_foreach (shapes, name, shape) {
        const char *type = json_string_value(json_object_get(shape, "type"));

        if (type != NULL && strcmp(type, "service") == 0) {
            services = 1;
            push_bound(shape, stack);
        }
    }
    while (json_array_size(stack) > 0) {
        size_t last = json_array_size(stack) - 1;
        const char *id = json_string_value(json_array_get(stack, last));
        json_t *target = json_object_get(shapes, id);
        const char *type = json_string_value(json_object_get(target, "type"));

        if (json_object_get(seen, id) != NULL || type == NULL) {
            json_array_remove(stack, last);
            continue;
        }
        json_object_set_new(seen, id, json_true());
        json_array_remove(stack, last);
        if (strcmp(type, "operation") == 0)
            n++;
        else if (strcmp(type, "resource") == 0)
            push_bound(target, stack);
    }
    json_decref(stack);
    json_decref(seen);
    return services ? n : -1;
}

long
acl_tools_in_smithy_json(json_t *root)
{
    json_t *shapes = json_object_get(root, "shapes"), *shape;
    const char *name;
    long n = 0;

    if (!json_is_object(root))
        return -1;
    if (shapes == NULL)
        return json_object_get(root, "smithy") != NULL ? 0 : -1;
    if (!json_is_object(shapes))
        return -1;
    /* The gateway exposes the operations its service binds (directly or
     * through resources); a model without a service counts them all. */
    if ((n = bound_operations(shapes)) >= 0)
        return n;
    n = 0;
    json_object_foreach (shapes, name, shape) {
        const char *type = json_string_value(json_object_get(shape, "type"));

        if (type != NULL && strcmp(type, "operation") == 0)
            n++;
    }
    return n;
}

/* Adds filter f's (filterPath, method) pairs not in seen to it and
 * returns how many were new; a wildcard filter counts 1. Names are
 * compared with their lengths (a NUL inside is part of one). */
static long
filter_tools(json_t *seen, json_t *f, struct acl_buf *key, int *partial)
{
    json_t *pv = json_object_get(f, "filterPath"), *m;
    const char *path = json_string_value(pv);
    size_t plen = json_string_length(pv), j;
    long n = 0;

    if (path == NULL)
        return 0;
    if (memchr(path, '*', plen) != NULL) {
        *partial = 1;
        return 1;
    }
    json_array_foreach (json_object_get(f, "methods"), j, m) {
        if (!json_is_string(m))
            continue;
        acl_buf_reset(key);
        acl_buf_printf(key, "%zu:", plen); /* no pair can spell another */
        acl_buf_append(key, path, plen);
        acl_buf_append(key, json_string_value(m), json_string_length(m));
        if (json_object_getn(seen, key->data, key->len) == NULL) {
            json_object_setn_new_nocheck(seen, key->data, key->len,
                                         json_true());
            n++;
        }
    }
    return n;
}

long
acl_tools_in_api_gateway(json_t *api_gateway, int *partial)
{
    json_t *conf = json_object_get(api_gateway, "apiGatewayToolConfiguration");
    json_t *overrides = json_object_get(conf, "toolOverrides");
    json_t *filters = json_object_get(conf, "toolFilters"), *seen;
    struct acl_buf key = {0};
    size_t i;
    long n = 0;

    if (!json_is_object(conf))
        return -1;
    if (json_array_size(overrides) > 0)
        return count_objects(overrides);
    if (!json_is_array(filters))
        return -1;
    /* One set of the pairs seen: linear in the filters and methods, where
     * comparing each with all before it took tens of seconds on 350 KB. */
    seen = json_object();
    for (i = 0; i < json_array_size(filters); i++)
        n += filter_tools(seen, json_array_get(filters, i), &key, partial);
    json_decref(seen);
    acl_buf_free(&key);
    return n;
}

/* ---- YAML line scan ---------------------------------------------- */

/* One logical line of a block mapping: "  key: rest  # comment". */
struct yline {
    long indent;     /* -1 for a blank or comment-only line */
    int tab;         /* a tab in the indentation */
    const char *key; /* NULL when the line is not "key:" */
    size_t key_len;
    int has_rest;   /* a value after the colon (not a comment) */
    int empty_flow; /* that value is "{}" */
};

/* The value after "key:" (from p to end): is there one, and is it {}? */
static void
scan_rest(const char *p, const char *end, struct yline *l)
{
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    if (p == end || *p == '#')
        return;
    l->has_rest = 1;
    if (p + 1 < end && p[0] == '{' && p[1] == '}') {
        p += 2;
        while (p < end && (*p == ' ' || *p == '\t'))
            p++;
        l->empty_flow = p == end || *p == '#';
    }
}

/* The key of a line (plain, or single/double quoted without escapes). */
static void
scan_key(const char *p, const char *end, struct yline *l)
{
    const char *k = p, *colon;

    if (*p == '"' || *p == '\'') {
        const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));

        if (q == NULL || q + 1 >= end || q[1] != ':')
            return;
        k = p + 1;
        colon = q + 1;
        l->key_len = (size_t)(q - k);
    } else {
        for (colon = p; colon < end; colon++)
            if (*colon == ':' &&
                (colon + 1 == end || colon[1] == ' ' || colon[1] == '\t'))
                break;
        if (colon == end || *p == '-' || *p == '#')
            return;
        l->key_len = (size_t)(colon - k);
        while (l->key_len > 0 && k[l->key_len - 1] == ' ')
            l->key_len--;
    }
    if (colon + 1 < end && colon[1] != ' ' && colon[1] != '\t')
        return;
    l->key = k;
    scan_rest(colon + 1, end, l);
}

static void
scan_line(const char *p, const char *end, struct yline *l)
{
    const char *s = p;

    memset(l, 0, sizeof *l);
    while (s < end && (*s == ' ' || *s == '\t')) {
        l->tab |= *s == '\t';
        s++;
    }
    if (end > s && end[-1] == '\r')
        end--;
    if (s == end || *s == '#') {
        l->indent = -1;
        return;
    }
    l->indent = (long)(s - p);
    scan_key(s, end, l);
}

struct yscan {
    long item_indent;   /* indentation of path keys, -1 before the first */
    long method_indent; /* of the current item's members, -1 before */
    long count;
    int partial;
    int failed;
};

static int
key_is(const struct yline *l, const char *s)
{
    return l->key != NULL && l->key_len == strlen(s) &&
           memcmp(l->key, s, l->key_len) == 0;
}

/* One line inside "paths:". Returns 0 when the block has ended. */
static int
scan_paths_line(struct yscan *y, const struct yline *l)
{
    if (l->indent == 0)
        return 0;
    if (l->tab) {
        y->failed = 1;
        return 0;
    }
    if (y->item_indent < 0)
        y->item_indent = l->indent;
    if (l->indent < y->item_indent) {
        y->failed = 1;
        return 0;
    }
    if (l->indent == y->item_indent) {
        y->method_indent = -1;
        if (l->key == NULL || (l->has_rest && !l->empty_flow))
            y->failed = 1;
        return !y->failed;
    }
    if (y->method_indent < 0)
        y->method_indent = l->indent;
    if (l->indent == y->method_indent && l->key != NULL) {
        if (is_method(l->key, l->key_len))
            y->count++;
        else if (key_is(l, "$ref") || key_is(l, "<<"))
            y->partial = 1;
    }
    return 1;
}

/* Finds the top-level "paths:" key; returns the offset after its line,
 * or -1. *flow gets 1 for "paths: {}", 2 for another inline value. */
static long
find_paths(const char *text, size_t len, int *openapi, int *flow)
{
    size_t off = 0;

    while (off < len) {
        const char *nl = memchr(text + off, '\n', len - off);
        size_t end = nl ? (size_t)(nl - text) : len;
        struct yline l;

        scan_line(text + off, text + end, &l);
        off = end + 1;
        if (l.indent != 0)
            continue;
        if (key_is(&l, "openapi") || key_is(&l, "swagger"))
            *openapi = 1;
        if (key_is(&l, "paths")) {
            *flow = l.has_rest ? (l.empty_flow ? 1 : 2) : 0;
            return (long)off;
        }
    }
    return -1;
}

long
acl_tools_in_openapi_yaml(const char *text, size_t len, int *partial)
{
    struct yscan y = {-1, -1, 0, 0, 0};
    int openapi = 0, flow = 0;
    long start = find_paths(text, len, &openapi, &flow);
    size_t off;

    if (start < 0)
        return openapi ? 0 : -1;
    if (flow != 0)
        return flow == 1 ? 0 : -1;
    for (off = (size_t)start; off < len;) {
        const char *nl = memchr(text + off, '\n', len - off);
        size_t end = nl ? (size_t)(nl - text) : len;
        struct yline l;

        scan_line(text + off, text + end, &l);
        off = end + 1;
        if (l.indent < 0)
            continue;
        if (!scan_paths_line(&y, &l))
            break;
    }
    if (y.failed)
        return -1;
    if (y.partial)
        *partial = 1;
    return y.count;
}
