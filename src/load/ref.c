/*
 * ref.c - files and folders named by a project's JSON, read safely.
 *
 * A name is resolved under the project root with every link followed
 * (realpath), and must still be under the root's own resolved path.
 * Absolute names are accepted when they lead inside the project root,
 * as the CLI accepts them; anything outside is refused: the project
 * must be self-contained.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "acl/file.h"
#include "model/model_build.h"
#include "acl/ref.h"
#include "acl/secret.h"

struct ref_entry {
    char *rel;
    int read;                   /* read_entry has run: status is known */
    enum acl_ref_status status; /* of the read */
    struct acl_doc *doc;        /* parsed on the first JSON read */
    struct acl_text *text;      /* when read as text only */
    /* acl_ref_check's answers for a file [0] and a folder [1]. */
    int checked[2];
    enum acl_ref_status check[2];
};

struct acl_refcache {
    struct ref_entry *items;
    size_t n, cap;
    json_t *index; /* rel -> index in items: fast on huge projects */
};

const char *
acl_ref_status_text(enum acl_ref_status st)
{
    switch (st) {
    case ACL_REF_OK:
        return "is readable";
    case ACL_REF_MISSING:
        return "does not exist";
    case ACL_REF_OUTSIDE:
        return "is outside the project root";
    case ACL_REF_WRONG_KIND:
        return "is not of the expected kind (file or folder)";
    case ACL_REF_TOO_BIG:
        return "is too large to read";
    case ACL_REF_UNREADABLE:
        return "cannot be read";
    }
    return "cannot be read";
}

/* The absolute path abs with "." and ".." segments and repeated
 * slashes folded away, as Node's path.join does before the CLI opens a
 * file: "app/../x" names x even when app does not exist. ".." at "/"
 * stays there; a trailing '/' is kept. New string. */
static char *
normalize(const char *abs)
{
    struct acl_buf b = {0};
    const char *seg = abs;
    int trailing = 0;

    acl_buf_append(&b, "", 0);
    while (*seg != '\0') {
        size_t n = strcspn(seg, "/");

        if (n == 2 && seg[0] == '.' && seg[1] == '.') {
            while (b.len > 0 && b.data[b.len - 1] != '/')
                b.len--;
            b.len -= b.len > 0;
            b.data[b.len] = '\0';
        } else if (n > 0 && !(n == 1 && seg[0] == '.')) {
            acl_buf_putc(&b, '/');
            acl_buf_append(&b, seg, n);
        }
        trailing = seg[n] == '/';
        seg += n + (seg[n] == '/');
    }
    if (b.len == 0 || trailing)
        acl_buf_putc(&b, '/');
    return acl_buf_steal(&b);
}

/* Is path (absolute, normalized) the root or below it? */
static int
inside_root(const struct acl_project *p, const char *path)
{
    size_t n = strlen(p->files.real_root);

    return strcmp(p->files.real_root, "/") == 0 ||
           (strncmp(path, p->files.real_root, n) == 0 &&
            (path[n] == '/' || path[n] == '\0'));
}

/* rel joined to the root (an absolute rel as it is) and normalized;
 * NULL for an empty rel. New string. */
static char *
joined_path(const struct acl_project *p, const char *rel)
{
    char *joined, *norm;

    if (rel[0] == '\0')
        return NULL;
    if (rel[0] == '/')
        return normalize(rel);
    joined = acl_xasprintf("%s/%s", p->files.real_root, rel);
    norm = normalize(joined);
    free(joined);
    return norm;
}

/* Resolves rel (relative to the root) into out (PATH_MAX): the lexical
 * path must stay inside the root, and so must the file it leads to
 * once every link is followed. */
static enum acl_ref_status
resolve(const struct acl_project *p, const char *rel, char *out)
{
    char *norm = joined_path(p, rel), *r;
    int lexically_inside;

    if (norm == NULL)
        return ACL_REF_MISSING;
    lexically_inside = inside_root(p, norm);
    /* An absolute name may reach the root through a link of its own
     * (/home/u/proj for /data/u/proj): then where it leads decides. */
    if (rel[0] != '/' && !lexically_inside) {
        free(norm);
        return ACL_REF_OUTSIDE;
    }
    r = realpath(norm, out);
    free(norm);
    if (r == NULL && !lexically_inside)
        return ACL_REF_OUTSIDE;
    if (r == NULL)
        return errno == EACCES ? ACL_REF_UNREADABLE : ACL_REF_MISSING;
    return inside_root(p, out) ? ACL_REF_OK : ACL_REF_OUTSIDE;
}

/* How the cache names rel: relative to the root and normalized when it
 * stays inside ("./x" and "x" are one file, read and reported once),
 * else as given. New string. */
static char *
cache_key(const struct acl_project *p, const char *rel)
{
    char *norm = joined_path(p, rel), *key;
    size_t n = strlen(p->files.real_root);

    if (norm == NULL || !inside_root(p, norm) ||
        strcmp(p->files.real_root, "/") == 0) {
        free(norm);
        return acl_xstrdup(rel);
    }
    key = acl_xstrdup(
        norm[n] == '\0' || strcmp(norm + n, "/") == 0 ? "." : norm + n + 1);
    free(norm);
    return key;
}

enum acl_ref_status
acl_ref_resolve(const struct acl_project *p, const char *relpath, char *out)
{
    return resolve(p, relpath, out);
}

static enum acl_ref_status
check_kind(const struct acl_project *p, const char *relpath, int want_dir)
{
    char path[PATH_MAX];
    struct stat st;
    enum acl_ref_status rs = resolve(p, relpath, path);

    if (rs != ACL_REF_OK)
        return rs;
    if (stat(path, &st) != 0)
        return ACL_REF_MISSING;
    if (want_dir ? !S_ISDIR(st.st_mode) : !S_ISREG(st.st_mode))
        return ACL_REF_WRONG_KIND;
    return ACL_REF_OK;
}

/* The cache entry of a referenced path (see cache_key). */
static struct ref_entry *
cache_entry(const struct acl_project *p, const char *given)
{
    struct acl_refcache *c;
    struct ref_entry *e;
    json_t *at;
    char *rel = cache_key(p, given);

    /* The cache is a registry beside the model, made with the project:
     * reading a file fills it, the model stays as loaded. */
    c = p->files.refs;
    at = json_object_get(c->index, rel);
    if (at != NULL) {
        free(rel);
        return &c->items[json_integer_value(at)];
    }
    json_object_set_new_nocheck(c->index, rel, json_integer((json_int_t)c->n));
    acl_xgrow((void **)&c->items, &c->cap, c->n + 1, sizeof *c->items);
    e = &c->items[c->n++];
    memset(e, 0, sizeof *e);
    e->rel = rel;
    e->status = ACL_REF_UNREADABLE;
    return e;
}

/* Reads the file of e, once (see acl_ref_preload). */
static void
read_entry(const struct acl_project *p, struct ref_entry *e)
{
    char path[PATH_MAX], *data, *disp;
    size_t len;
    enum acl_read_status st;

    if (e->read)
        return;
    e->read = 1;
    e->status = resolve(p, e->rel, path);
    if (e->status != ACL_REF_OK)
        return;
    /* Opened again from the root without following links: a link
     * swapped in since resolve() is refused, not followed. */
    st = acl_project_read(p, path, path, ACL_REF_MAX_SIZE, &data, &len, NULL);
    e->status = st == ACL_READ_OK         ? ACL_REF_OK
                : st == ACL_READ_MISSING  ? ACL_REF_MISSING
                : st == ACL_READ_OUTSIDE  ? ACL_REF_OUTSIDE
                : st == ACL_READ_NOT_FILE ? ACL_REF_WRONG_KIND
                : st == ACL_READ_TOO_BIG  ? ACL_REF_TOO_BIG
                                          : ACL_REF_UNREADABLE;
    if (e->status != ACL_REF_OK)
        return;
    disp = acl_path_join(p->files.display, e->rel);
    e->text = acl_text_new(e->rel, disp, data, len);
    free(disp);
}

static void
parse_entry(struct ref_entry *e)
{
    if (e->doc == NULL && e->text != NULL) {
        e->doc = acl_doc_parse(e->text);
        e->doc->secrets = acl_secret_index_new(e->doc->root);
        e->text = NULL;
    }
}

/* What a rule's lookup of e gets: its status, and a notice when the
 * file is there but was not read. The notice is made at each lookup,
 * not at the read: it names a check that skipped the file, and a file
 * read before the rules run (or asked for by no rule) skipped none. */
static enum acl_ref_status
answer(const struct acl_project *p, const struct ref_entry *e)
{
    char *disp;

    if (e->status == ACL_REF_TOO_BIG || e->status == ACL_REF_UNREADABLE ||
        e->status == ACL_REF_WRONG_KIND) {
        disp = acl_path_join(p->files.display, e->rel);
        acl_project_notice(p, disp, "referenced file %s; it was not checked",
                           acl_ref_status_text(e->status));
        free(disp);
    }
    return e->status;
}

/* acl_ref_check's answer for e (relpath: as given), found once. */
static enum acl_ref_status
check_entry(const struct acl_project *p, struct ref_entry *e,
            const char *relpath, int want_dir)
{
    int k = want_dir != 0;

    if (!e->checked[k]) {
        e->check[k] = check_kind(p, relpath, want_dir);
        e->checked[k] = 1;
    }
    return e->check[k];
}

/* The three lookups read a file or check a path only when the load
 * stage did not (load_references in project.c): a fallback, which no
 * lookup of the rules needs today; the unit tests of ref.c use it. */
enum acl_ref_status
acl_ref_check(const struct acl_project *p, const char *relpath, int want_dir)
{
    return check_entry(p, cache_entry(p, relpath), relpath, want_dir);
}

enum acl_ref_status
acl_ref_text(const struct acl_project *p, const char *relpath,
             const struct acl_text **text)
{
    struct ref_entry *e = cache_entry(p, relpath);

    read_entry(p, e);
    *text = e->doc != NULL ? e->doc->text : e->text;
    return answer(p, e);
}

enum acl_ref_status
acl_ref_json(const struct acl_project *p, const char *relpath,
             const struct acl_doc **doc)
{
    struct ref_entry *e = cache_entry(p, relpath);

    read_entry(p, e);
    parse_entry(e);
    *doc = e->doc;
    return answer(p, e);
}

void
acl_ref_preload(const struct acl_project *p, const char *relpath, int kinds)
{
    struct ref_entry *e;

    if (relpath == NULL)
        return;
    e = cache_entry(p, relpath);
    if (kinds & (ACL_REF_JSON | ACL_REF_TEXT))
        read_entry(p, e);
    if (kinds & ACL_REF_JSON)
        parse_entry(e);
    if (kinds & ACL_REF_FILE)
        (void)check_entry(p, e, relpath, 0);
    if (kinds & ACL_REF_FOLDER)
        (void)check_entry(p, e, relpath, 1);
}

struct acl_refcache *
acl_refcache_new(void)
{
    struct acl_refcache *c = acl_xcalloc(1, sizeof *c);

    c->index = json_object();
    return c;
}

void
acl_refcache_free(struct acl_refcache *c)
{
    size_t i;

    if (c == NULL)
        return;
    for (i = 0; i < c->n; i++) {
        free(c->items[i].rel);
        acl_doc_free(c->items[i].doc);
        acl_text_free(c->items[i].text);
    }
    json_decref(c->index);
    free(c->items);
    free(c);
}
