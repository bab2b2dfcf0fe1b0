/*
 * sources.c - the agent source files of a project (docs/rules.md,
 * AC017 secret-in-agent-code): every code file under a runtime's
 * codeLocation or a harness folder.
 *
 * The project may come from a stranger, so the walk is bounded in
 * depth, file count, entries looked at and bytes read; links are
 * followed only when they resolve inside the project root, and every
 * folder and file is visited once (by device and inode), which both
 * breaks link loops and reads a folder named twice only once.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "acl/codeflow.h"
#include "acl/file.h"
#include "acl/model.h"
#include "acl/ref.h"

#define MAX_DEPTH 24
#define MAX_FILES 10000
#define MAX_ENTRIES 200000
#define MAX_FILE_SIZE (2u << 20)
#define MAX_TOTAL_BYTES ((size_t)256 << 20)

struct file_id {
    dev_t dev;
    ino_t ino;
};

/* A hash set of file identities (open addressing, power-of-two size). */
struct ids {
    struct file_id *items;
    unsigned char *used;
    size_t n, cap;
};

struct walker {
    struct acl_project *p;
    const char *owner;
    size_t cap;         /* room in p->files.sources */
    struct ids dirs;    /* folders entered */
    struct ids files;   /* files read */
    size_t entries;     /* directory entries looked at */
    size_t bytes;       /* bytes read */
    int capped;         /* a bound stopped the scan (said once) */
    int entries_capped; /* the entry bound was reached (said once) */
};

static const char *const skipped_dirs[] = {
    "node_modules", ".venv", "venv", "__pycache__", "dist", "build", "cdk.out",
};

static const char *const code_endings[] = {
    ".py", ".ts", ".js", ".mjs", ".cjs", ".tsx", ".jsx",
};

static size_t
id_hash(dev_t dev, ino_t ino, size_t cap)
{
    unsigned long long h = (unsigned long long)ino * 0x9E3779B97F4A7C15ull;

    h ^= (unsigned long long)dev + (h >> 29);
    return (size_t)(h & (cap - 1));
}

static void
ids_put(struct ids *s, dev_t dev, ino_t ino)
{
    size_t i = id_hash(dev, ino, s->cap);

    while (s->used[i])
        i = (i + 1) & (s->cap - 1);
    s->used[i] = 1;
    s->items[i].dev = dev;
    s->items[i].ino = ino;
    s->n++;
}

static void
ids_grow(struct ids *s)
{
    struct ids old = *s;
    size_t i;

    s->cap = old.cap ? old.cap * 2 : 64;
    s->items = acl_xcalloc(s->cap, sizeof *s->items);
    s->used = acl_xcalloc(s->cap, 1);
    s->n = 0;
    for (i = 0; i < old.cap; i++)
        if (old.used[i])
            ids_put(s, old.items[i].dev, old.items[i].ino);
    free(old.items);
    free(old.used);
}

/* Records st's identity; returns 0 when it was already there. */
static int
ids_add(struct ids *s, const struct stat *st)
{
    size_t i;

    if (s->cap > 0) {
        for (i = id_hash(st->st_dev, st->st_ino, s->cap); s->used[i];
             i = (i + 1) & (s->cap - 1))
            if (s->items[i].dev == st->st_dev && s->items[i].ino == st->st_ino)
                return 0;
    }
    if (2 * (s->n + 1) > s->cap)
        ids_grow(s);
    ids_put(s, st->st_dev, st->st_ino);
    return 1;
}

static void
ids_free(struct ids *s)
{
    free(s->items);
    free(s->used);
}

static int
is_code_file(const char *name)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(code_endings); i++)
        if (acl_ends_with(name, code_endings[i]) &&
            strlen(name) > strlen(code_endings[i]))
            return 1;
    return 0;
}

static int
is_skipped_dir(const char *name)
{
    size_t i;

    if (name[0] == '.')
        return 1; /* hidden folders (and "." / "..") */
    for (i = 0; i < ACL_ARRAY_LEN(skipped_dirs); i++)
        if (strcmp(name, skipped_dirs[i]) == 0)
            return 1;
    return 0;
}

/* Is the resolved absolute path inside the project's resolved root? */
static int
inside_root(const struct acl_project *p, const char *real)
{
    size_t n = strlen(p->files.real_root);

    if (strcmp(p->files.real_root, "/") == 0)
        return real[0] == '/';
    return strncmp(real, p->files.real_root, n) == 0 &&
           (real[n] == '/' || real[n] == '\0');
}

static void
add_source(struct walker *w, const char *rel, char *data, size_t len)
{
    struct acl_project *p = w->p;
    char *disp = acl_path_join(p->files.display, rel);

    acl_xgrow((void **)&p->files.sources, &w->cap, p->files.nsources + 1,
              sizeof *p->files.sources);
    p->files.sources[p->files.nsources].text =
        acl_text_new(rel, disp, data, len);
    p->files.sources[p->files.nsources].owner = w->owner;
    p->files.sources[p->files.nsources].code =
        acl_code_file_new(p->files.sources[p->files.nsources].text);
    p->files.nsources++;
    free(disp);
}

/* A code file left out: the run is incomplete, so it says so (once for
 * the project-wide bounds). */
static void
source_notice(struct walker *w, const char *rel, const char *why)
{
    char *disp = acl_path_join(w->p->files.display, rel);

    acl_project_notice(w->p, disp,
                       "agent source not scanned for secrets or "
                       "gateway variables: %s",
                       why);
    free(disp);
}

/* The scan's bounds stop it: said once, at the first file left out. */
static void
cap_notice(struct walker *w, const char *rel)
{
    if (!w->capped)
        source_notice(w, rel,
                      "past the scan's bounds (10,000 files, "
                      "256 MiB), as are the files after it");
    w->capped = 1;
}

static void
read_source(struct walker *w, const char *abs, const char *rel,
            const struct stat *st)
{
    struct acl_error err;
    enum acl_read_status rs;
    char *data;
    size_t len;

    if (w->p->files.nsources >= MAX_FILES ||
        w->bytes + (size_t)st->st_size > MAX_TOTAL_BYTES) {
        cap_notice(w, rel);
        return;
    }
    if (st->st_size > (off_t)MAX_FILE_SIZE) {
        source_notice(w, rel, "larger than 2 MiB");
        return;
    }
    if (!ids_add(&w->files, st))
        return;
    /* acl_read_file opens without blocking and reads regular files only,
     * so a file swapped for a FIFO after our stat is refused there. */
    rs = acl_project_read(w->p, abs, abs, MAX_FILE_SIZE, &data, &len, &err);
    if (rs != ACL_READ_OK) {
        source_notice(w, rel, acl_read_status_text(rs, &err));
        return;
    }
    w->bytes += len;
    add_source(w, rel, data, len);
}

static void walk_dir(struct walker *w, const char *abs, const char *rel,
                     int depth);

/* Why a path could not be looked at, from errno. */
static const char *
errno_text(int e)
{
    return e == ENAMETOOLONG ? "its path is longer than the system allows "
                               "(PATH_MAX)"
                             : strerror(e);
}

/* Where a link leads, when it may be followed: a resolved path inside
 * the project root (stat filled). Otherwise says why in a notice and
 * returns 0. */
static int
follow_link(struct walker *w, const char *abs, const char *rel, char *real,
            struct stat *st)
{
    if (realpath(abs, real) == NULL) {
        source_notice(w, rel,
                      errno == ENOENT ? "a link that leads nowhere"
                                      : errno_text(errno));
        return 0;
    }
    if (!inside_root(w->p, real)) {
        source_notice(w, rel,
                      "a link that leads outside the project, not "
                      "followed");
        return 0;
    }
    if (stat(real, st) != 0) {
        source_notice(w, rel, errno_text(errno));
        return 0;
    }
    return 1;
}

/* One directory entry: a code file is read, a folder walked; a link is
 * followed only when its target stays inside the project root. What
 * cannot be read is named in a notice. */
static void
visit(struct walker *w, const char *dir_abs, const char *dir_rel,
      const char *name, int depth)
{
    char *abs = acl_path_join(dir_abs, name),
         *rel = acl_path_join(dir_rel, name);
    char real[PATH_MAX];
    const char *open_path = abs;
    struct stat st;

    if (lstat(abs, &st) != 0) {
        source_notice(w, rel, errno_text(errno));
        goto done;
    }
    if (S_ISLNK(st.st_mode)) {
        if (!follow_link(w, abs, rel, real, &st))
            goto done;
        open_path = real;
    }
    if (S_ISDIR(st.st_mode) && !is_skipped_dir(name)) {
        if (depth < MAX_DEPTH)
            walk_dir(w, open_path, rel, depth + 1);
        else
            source_notice(w, rel,
                          "a folder nested deeper than the scan "
                          "goes (24 levels)");
    } else if (is_code_file(name)) {
        if (S_ISREG(st.st_mode))
            read_source(w, open_path, rel, &st);
        else if (!S_ISDIR(st.st_mode))
            source_notice(w, rel, "not a regular file");
    }
done:
    free(abs);
    free(rel);
}

static int
cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The entry names of a folder, sorted so that the walk (and so which
 * owner a shared file gets) does not depend on the file system. */
static char **
list_dir(struct walker *w, const char *abs, const char *rel, size_t *n)
{
    DIR *d = opendir(abs);
    struct dirent *e;
    char **names = NULL;
    size_t cap = 0;

    *n = 0;
    if (d == NULL) {
        source_notice(w, rel[0] ? rel : ".", errno_text(errno));
        return NULL;
    }
    while ((e = readdir(d)) != NULL) {
        if (w->entries >= MAX_ENTRIES) {
            if (!w->entries_capped)
                source_notice(w, rel[0] ? rel : ".",
                              "past the scan's bound of 200,000 folder "
                              "entries, as is what follows");
            w->entries_capped = 1;
            break;
        }
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        w->entries++;
        acl_xgrow((void **)&names, &cap, *n + 1, sizeof *names);
        names[(*n)++] = acl_xstrdup(e->d_name);
    }
    closedir(d);
    if (*n > 1)
        qsort(names, *n, sizeof *names, cmp_names);
    return names;
}

static void
walk_dir(struct walker *w, const char *abs, const char *rel, int depth)
{
    struct stat st;
    char **names;
    size_t n, i;

    if (stat(abs, &st) != 0) {
        source_notice(w, rel[0] ? rel : ".", errno_text(errno));
        return;
    }
    if (!S_ISDIR(st.st_mode) || !ids_add(&w->dirs, &st))
        return;
    names = list_dir(w, abs, rel, &n);
    for (i = 0; i < n; i++) {
        if (w->p->files.nsources < MAX_FILES)
            visit(w, abs, rel, names[i], depth);
        else if (is_code_file(names[i]))
            cap_notice(w, rel);
        free(names[i]);
    }
    free(names);
}

/* rel with empty and "." segments dropped and ".." folded, as the CLI
 * joins paths (acl_ref_resolve has refused any that leave the root). */
static char *
normalize(const char *rel)
{
    struct acl_buf b = {0};

    acl_buf_append(&b, "", 0);
    while (*rel != '\0') {
        size_t n = strcspn(rel, "/");

        if (n == 2 && rel[0] == '.' && rel[1] == '.') {
            char *slash = strrchr(b.data, '/');

            b.len = slash != NULL ? (size_t)(slash - b.data) : 0;
            b.data[b.len] = '\0';
        } else if (n > 0 && !(n == 1 && rel[0] == '.')) {
            if (b.len > 0)
                acl_buf_putc(&b, '/');
            acl_buf_append(&b, rel, n);
        }
        rel += n + (rel[n] == '/');
    }
    return acl_buf_steal(&b);
}

/* Walks one code folder named by the project (relative to the root). */
static void
add_root(struct walker *w, const char *rel, const char *owner)
{
    char real[PATH_MAX], *norm;

    if (rel == NULL || rel[0] == '\0' ||
        acl_ref_resolve(w->p, rel, real) != ACL_REF_OK)
        return;
    norm = normalize(rel);
    w->owner = owner;
    walk_dir(w, real, norm, 0);
    free(norm);
}

void
acl_project_load_sources(struct acl_project *p)
{
    struct walker w;
    size_t i;

    if (p->files.sources_loaded)
        return;
    p->files.sources_loaded = 1;
    memset(&w, 0, sizeof w);
    w.p = p;
    w.cap = p->files.nsources;
    for (i = 0; i < p->model.nruntimes; i++)
        add_root(&w, p->model.runtimes[i].code_location,
                 p->model.runtimes[i].name);
    for (i = 0; i < p->model.nharnesses; i++) {
        const struct acl_harness *h = &p->model.harnesses[i];
        char *app;

        add_root(&w, h->path, h->name);
        /* The CLI reads a harness from app/<name>/ whatever its path. */
        if (h->name == NULL || strchr(h->name, '/') != NULL ||
            h->name[0] == '.' || h->name[0] == '\0')
            continue;
        app = acl_xasprintf("app/%s", h->name);
        add_root(&w, app, h->name);
        free(app);
    }
    ids_free(&w.dirs);
    ids_free(&w.files);
}
