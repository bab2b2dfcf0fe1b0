/*
 * openapi.c - the server URLs of an OpenAPI document (openapi.h).
 */
#include <string.h>

#include "acl/jptr.h"
#include "acl/openapi.h"
#include "acl/util.h"

/* Longest YAML line looked at; OpenAPI server lines are short. */
#define MAX_YAML_URL 4096

struct walk {
    const struct acl_doc *doc;
    void (*fn)(void *arg, const struct acl_openapi_server *s);
    void *arg;
};

/* servers (an array) at pointer base. */
static void
json_servers(const struct walk *w, json_t *servers, struct acl_buf *ptr)
{
    size_t i, len = ptr->len;
    json_t *e;

    json_array_foreach (servers, i, e) {
        json_t *url = json_object_get(e, "url");
        struct acl_openapi_server s = {w->doc, NULL, {0, 0}, NULL};

        if (!json_is_string(url))
            continue;
        acl_jptr_append_index(ptr, i);
        acl_jptr_append(ptr, "url", 3);
        s.pointer = ptr->data;
        s.url = json_string_value(url);
        w->fn(w->arg, &s);
        ptr->len = len;
        ptr->data[len] = '\0';
    }
}

/* obj.servers, with obj at ptr. */
static void
json_servers_of(const struct walk *w, json_t *obj, struct acl_buf *ptr)
{
    size_t len = ptr->len;
    json_t *servers = json_object_get(obj, "servers");

    if (!json_is_array(servers))
        return;
    acl_jptr_append(ptr, "servers", 7);
    json_servers(w, servers, ptr);
    ptr->len = len;
    ptr->data[len] = '\0';
}

static void
json_walk(const struct walk *w, json_t *root)
{
    struct acl_buf ptr = {0};
    json_t *paths = json_object_get(root, "paths"), *item, *op;
    const char *path, *method;

    acl_buf_puts(&ptr, "");
    json_servers_of(w, root, &ptr);
    json_object_foreach (paths, path, item) {
        size_t base = ptr.len, pbase;

        if (!json_is_object(item))
            continue;
        acl_jptr_append(&ptr, "paths", 5);
        acl_jptr_append(&ptr, path, strlen(path));
        json_servers_of(w, item, &ptr);
        pbase = ptr.len;
        json_object_foreach (item, method, op) {
            if (!json_is_object(op) || strcmp(method, "servers") == 0)
                continue;
            acl_jptr_append(&ptr, method, strlen(method));
            json_servers_of(w, op, &ptr);
            ptr.len = pbase;
            ptr.data[pbase] = '\0';
        }
        ptr.len = base;
        ptr.data[base] = '\0';
    }
    acl_buf_free(&ptr);
}

/* The value of a "url:" entry on the line [s, e), after "- " list
 * markers: its span, without quotes and a trailing comment. 0 when the
 * line is no such entry. */
static int
yaml_url(const char *s, const char *e, const char **vs, const char **ve)
{
    while (s < e && (*s == ' ' || *s == '-'))
        s++;
    if (e - s < 4 || memcmp(s, "url:", 4) != 0)
        return 0;
    s += 4;
    while (s < e && *s == ' ')
        s++;
    if (s < e && (*s == '"' || *s == '\'')) {
        const char *q = memchr(s + 1, *s, (size_t)(e - s - 1));

        if (q == NULL)
            return 0;
        *vs = s + 1;
        *ve = q;
        return 1;
    }
    *vs = s;
    while (s < e && *s != '#' && *s != '\r')
        s++;
    while (s > *vs && s[-1] == ' ')
        s--;
    *ve = s;
    return *ve > *vs;
}

static size_t
indent_of(const char *s, const char *e)
{
    const char *p = s;

    while (p < e && *p == ' ')
        p++;
    return (size_t)(p - s);
}

static void
yaml_walk(const struct walk *w)
{
    const struct acl_text *t = w->doc->text;
    const char *s = t->data, *end = t->data + t->len;
    long block = -1; /* indent of the "servers:" line we are below */
    char buf[MAX_YAML_URL + 1];

    while (s < end) {
        const char *e = memchr(s, '\n', (size_t)(end - s)), *vs, *ve;
        size_t ind;

        e = e ? e : end;
        ind = indent_of(s, e);
        if (s + ind < e && s[ind] != '#' && s[ind] != '\r') {
            if (block >= 0 && (long)ind <= block && s[ind] != '-')
                block = -1;
            if (block >= 0 && yaml_url(s, e, &vs, &ve) &&
                (size_t)(ve - vs) <= MAX_YAML_URL) {
                struct acl_openapi_server sv = {w->doc, NULL, {0, 0}, buf};

                memcpy(buf, vs, (size_t)(ve - vs));
                buf[ve - vs] = '\0';
                sv.span.start = (uint32_t)(vs - t->data);
                sv.span.end = (uint32_t)(ve - t->data);
                w->fn(w->arg, &sv);
            } else if ((size_t)(e - s - ind) >= 8 &&
                       memcmp(s + ind, "servers:", 8) == 0) {
                block = (long)ind;
            }
        }
        s = e + 1;
    }
}

void
acl_openapi_servers(const struct acl_doc *doc,
                    void (*fn)(void *arg, const struct acl_openapi_server *s),
                    void *arg)
{
    struct walk w = {doc, fn, arg};

    if (doc == NULL)
        return;
    if (doc->root != NULL)
        json_walk(&w, doc->root);
    else if (doc->text != NULL && doc->text->data != NULL)
        yaml_walk(&w);
}
