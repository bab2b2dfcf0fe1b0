/*
 * overlay.c - file contents that override the disk (overlay.h). Few
 * documents are open at once, so a list searched in order is enough.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/overlay.h"

struct acl_overlay *
acl_overlay_new(void)
{
    return acl_xcalloc(1, sizeof(struct acl_overlay));
}

void
acl_overlay_free(struct acl_overlay *o)
{
    size_t i;

    if (o == NULL)
        return;
    for (i = 0; i < o->n; i++) {
        free(o->files[i].path);
        free(o->files[i].data);
    }
    free(o->files);
    free(o);
}

static long
find(const struct acl_overlay *o, const char *path)
{
    size_t i;

    for (i = 0; o != NULL && i < o->n; i++)
        if (strcmp(o->files[i].path, path) == 0)
            return (long)i;
    return -1;
}

void
acl_overlay_set(struct acl_overlay *o, const char *path, const char *data,
                size_t len)
{
    long i = find(o, path);
    struct acl_overlay_file *f;

    if (i < 0) {
        acl_xgrow((void **)&o->files, &o->cap, o->n + 1, sizeof *o->files);
        f = &o->files[o->n++];
        f->path = acl_xstrdup(path);
    } else {
        f = &o->files[i];
        free(f->data);
    }
    f->data = acl_xmalloc(len + 1);
    memcpy(f->data, data, len);
    f->data[len] = '\0';
    f->len = len;
}

void
acl_overlay_remove(struct acl_overlay *o, const char *path)
{
    long i = find(o, path);

    if (i < 0)
        return;
    free(o->files[i].path);
    free(o->files[i].data);
    o->files[i] = o->files[--o->n];
}

const struct acl_overlay_file *
acl_overlay_get(const struct acl_overlay *o, const char *path)
{
    long i = find(o, path);

    return i < 0 ? NULL : &o->files[i];
}

enum acl_read_status
acl_overlay_read(const struct acl_overlay *o, const char *root, const char *key,
                 const char *open_path, size_t max, char **out, size_t *len,
                 struct acl_error *err)
{
    const struct acl_overlay_file *f = key ? acl_overlay_get(o, key) : NULL;

    if (f == NULL && root != NULL)
        return acl_read_file_in(root, open_path, max, out, len, err);
    if (f == NULL)
        return acl_read_file(open_path, max, out, len, err);
    if (f->len > max) {
        if (err != NULL)
            acl_error_set(err,
                          "%s: file is %zu bytes, larger than the limit "
                          "of %zu bytes",
                          open_path, f->len, max);
        return ACL_READ_TOO_BIG;
    }
    *out = acl_xmalloc(f->len + 1);
    memcpy(*out, f->data, f->len + 1);
    *len = f->len;
    return ACL_READ_OK;
}
