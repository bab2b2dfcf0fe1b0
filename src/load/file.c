/*
 * file.c - safe whole-file reads, and line/column positions in texts.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/file.h"
#include "acl/utf8.h"

/* Opens path for reading without ever blocking on a FIFO or device and
 * without making it our controlling terminal. */
static int
open_nonblocking(const char *path)
{
    return open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
}

static enum acl_read_status
read_all(int fd, const char *path, size_t size, char **out, size_t *len,
         struct acl_error *err)
{
    char *buf = acl_xmalloc(size + 1);
    size_t got = 0;

    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            acl_error_set(err, "%s: %s", path, strerror(errno));
            free(buf);
            return ACL_READ_ERROR;
        }
        if (n == 0)
            break; /* the file shrank while we read it */
        got += (size_t)n;
    }
    buf[got] = '\0';
    *out = buf;
    *len = got;
    return ACL_READ_OK;
}

/* Checks what fd is (a regular file no larger than max) and reads it
 * whole; closes fd. */
static enum acl_read_status
read_fd(int fd, const char *path, size_t max, char **out, size_t *len,
        struct acl_error *err)
{
    struct stat st;
    enum acl_read_status rs = ACL_READ_ERROR;

    if (fstat(fd, &st) != 0) {
        acl_error_set(err, "%s: %s", path, strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        acl_error_set(err, "%s: not a regular file", path);
        rs = ACL_READ_NOT_FILE;
    } else if ((unsigned long long)st.st_size > (unsigned long long)max) {
        acl_error_set(err,
                      "%s: file is %lld bytes, larger than the limit "
                      "of %zu bytes",
                      path, (long long)st.st_size, max);
        rs = ACL_READ_TOO_BIG;
    } else {
        rs = read_all(fd, path, (size_t)st.st_size, out, len, err);
    }
    close(fd);
    return rs;
}

/* The status of a failed open or realpath, from errno. */
static enum acl_read_status
open_failed(const char *path, struct acl_error *err)
{
    if (errno == ENOENT || errno == ENOTDIR) {
        acl_error_set(err, "%s: no such file", path);
        return ACL_READ_MISSING;
    }
    acl_error_set(err, "%s: %s", path, strerror(errno));
    return ACL_READ_ERROR;
}

enum acl_read_status
acl_read_file(const char *path, size_t max, char **out, size_t *len,
              struct acl_error *err)
{
    int fd = open_nonblocking(path);

    if (fd < 0)
        return open_failed(path, err);
    return read_fd(fd, path, max, out, len, err);
}

/* The part of real (a resolved absolute path) below root, without the
 * leading '/': "" for root itself, NULL when real is not below root. */
static const char *
below_root(const char *root, const char *real)
{
    size_t n = strlen(root);

    while (n > 0 && root[n - 1] == '/')
        n--;
    if (strncmp(real, root, n) != 0 || (real[n] != '/' && real[n] != '\0'))
        return NULL;
    return real + n + (real[n] == '/');
}

/* Opens rel (link-free, below the folder dirfd) one component at a
 * time, each with O_NOFOLLOW: a component replaced by a link since it
 * was resolved fails here instead of being followed. Takes dirfd. */
static int
open_walk(int dirfd, const char *rel)
{
    char comp[NAME_MAX + 1];

    while (dirfd >= 0) {
        size_t n = strcspn(rel, "/");
        int fd, last = rel[n] == '\0';

        if (n > NAME_MAX) {
            close(dirfd);
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(comp, rel, n);
        comp[n] = '\0';
        fd = openat(dirfd, comp,
                    O_RDONLY | O_NOFOLLOW | O_CLOEXEC |
                        (last ? O_NONBLOCK | O_NOCTTY : O_DIRECTORY));
        close(dirfd);
        if (last || fd < 0)
            return fd;
        dirfd = fd;
        rel += n + 1;
    }
    return -1;
}

enum acl_read_status
acl_read_file_in(const char *root, const char *path, size_t max, char **out,
                 size_t *len, struct acl_error *err)
{
    char real[PATH_MAX];
    const char *rel;
    int fd;

    if (realpath(path, real) == NULL)
        return open_failed(path, err);
    if ((rel = below_root(root, real)) == NULL) {
        acl_error_set(err, "%s: a link leading outside the project", path);
        return ACL_READ_OUTSIDE;
    }
    if (rel[0] == '\0') {
        acl_error_set(err, "%s: not a regular file", path);
        return ACL_READ_NOT_FILE;
    }
    fd = open_walk(open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rel);
    if (fd < 0 && errno == ELOOP) {
        acl_error_set(err, "%s: changed into a link while being read", path);
        return ACL_READ_OUTSIDE;
    }
    if (fd < 0)
        return open_failed(path, err);
    return read_fd(fd, path, max, out, len, err);
}

/* What is made of a text while findings are placed and shown, kept
 * apart from the text so that the text itself stays read-only: its line
 * table (built on first use), the last position computed, and the
 * ranges that hold secrets. */
struct acl_text_marks {
    uint32_t *lines; /* byte offset of each line start */
    size_t nlines;
    /* The last position computed: on one long line, a later offset is
     * counted on from it. */
    struct acl_pos last;
    /* Byte ranges that hold secrets found by any rule: every output
     * hides them wherever it shows this text (another finding's
     * snippet on the same line included). Sorted and merged lazily. */
    struct acl_span *hidden;
    size_t nhidden, hidden_cap;
    int hidden_sorted;
};

struct acl_text *
acl_text_new(const char *path, const char *display, char *data, size_t len)
{
    struct acl_text *t = acl_xcalloc(1, sizeof *t);

    t->path = acl_xstrdup(path);
    t->display = acl_xstrdup(display);
    t->data = data;
    t->len = len;
    t->marks = acl_xcalloc(1, sizeof *t->marks);
    return t;
}

void
acl_text_free(struct acl_text *t)
{
    if (t == NULL)
        return;
    free(t->path);
    free(t->display);
    free(t->data);
    free(t->marks->lines);
    free(t->marks->hidden);
    free(t->marks);
    free(t);
}

void
acl_text_hide(const struct acl_text *t, size_t start, size_t end)
{
    if (end > t->len)
        end = t->len;
    if (start >= end)
        return;
    acl_xgrow((void **)&t->marks->hidden, &t->marks->hidden_cap,
              t->marks->nhidden + 1, sizeof *t->marks->hidden);
    t->marks->hidden[t->marks->nhidden].start = (uint32_t)start;
    t->marks->hidden[t->marks->nhidden].end = (uint32_t)end;
    t->marks->nhidden++;
    t->marks->hidden_sorted = 0;
}

static int
span_cmp(const void *a, const void *b)
{
    const struct acl_span *x = a, *y = b;

    return (x->start > y->start) - (x->start < y->start);
}

/* Sorts the hidden ranges and merges overlapping ones, so that both
 * starts and ends ascend and a binary search finds the one at hand. */
static void
sort_hidden(const struct acl_text *t)
{
    size_t i, n = 0;

    qsort(t->marks->hidden, t->marks->nhidden, sizeof *t->marks->hidden,
          span_cmp);
    for (i = 0; i < t->marks->nhidden; i++) {
        if (n > 0 && t->marks->hidden[i].start <= t->marks->hidden[n - 1].end) {
            if (t->marks->hidden[i].end > t->marks->hidden[n - 1].end)
                t->marks->hidden[n - 1].end = t->marks->hidden[i].end;
        } else {
            t->marks->hidden[n++] = t->marks->hidden[i];
        }
    }
    t->marks->nhidden = n;
    t->marks->hidden_sorted = 1;
}

size_t
acl_text_hidden_end(const struct acl_text *t, size_t offset)
{
    size_t lo = 0, hi;

    if (t->marks->nhidden == 0)
        return 0;
    if (!t->marks->hidden_sorted)
        sort_hidden(t);
    hi = t->marks->nhidden;
    while (lo < hi) { /* the first range ending after offset */
        size_t mid = lo + (hi - lo) / 2;

        if (t->marks->hidden[mid].end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < t->marks->nhidden && t->marks->hidden[lo].start <= offset
               ? t->marks->hidden[lo].end
               : 0;
}

/* Line starts of a text with LF endings only: memchr does the work. */
static void
build_lines_lf(const struct acl_text *t)
{
    const char *s = t->data, *end = s + t->len, *p;
    size_t n = 1;

    for (p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        n++;
    t->marks->lines = acl_xmalloc(n * sizeof *t->marks->lines);
    t->marks->lines[0] = 0;
    t->marks->nlines = 1;
    for (p = s; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
        t->marks->lines[t->marks->nlines++] = (uint32_t)(p - s + 1);
}

static void
build_lines(const struct acl_text *t)
{
    size_t cap = 0, i;

    if (memchr(t->data, '\r', t->len) == NULL) {
        build_lines_lf(t);
        return;
    }
    acl_xgrow((void **)&t->marks->lines, &cap, 1, sizeof *t->marks->lines);
    t->marks->lines[0] = 0;
    t->marks->nlines = 1;
    for (i = 0; i < t->len; i++) {
        char c = t->data[i];

        if (c != '\n' && c != '\r')
            continue;
        if (c == '\r' && i + 1 < t->len && t->data[i + 1] == '\n')
            i++;
        acl_xgrow((void **)&t->marks->lines, &cap, t->marks->nlines + 1,
                  sizeof *t->marks->lines);
        t->marks->lines[t->marks->nlines++] = (uint32_t)(i + 1);
    }
}

/* Index of the line holding offset: the last line start <= offset. */
static size_t
line_of(const struct acl_text *t, size_t offset)
{
    size_t lo = 0, hi = t->marks->nlines;

    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;

        if (t->marks->lines[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void
acl_text_pos(const struct acl_text *t, size_t offset, struct acl_pos *out)
{
    size_t ln, i;
    unsigned col = 1, col16 = 1;

    if (t->marks->lines == NULL)
        build_lines(t);
    if (offset > t->len)
        offset = t->len;
    ln = line_of(t, offset);
    i = t->marks->lines[ln];
    /* Counting from the last position keeps many findings on one huge
     * line (a minified file) linear instead of quadratic. */
    if (t->marks->last.line == ln + 1 && t->marks->last.offset <= offset &&
        t->marks->last.offset >= i) {
        i = t->marks->last.offset;
        col = t->marks->last.col;
        col16 = t->marks->last.col16;
    }
    if (i < offset) {
        size_t chars, units;

        acl_utf8_count(t->data + i, offset - i, &chars, &units);
        col += (unsigned)chars;
        col16 += (unsigned)units;
    }
    out->line = (unsigned)ln + 1;
    out->col = col;
    out->col16 = col16;
    out->offset = offset;
    t->marks->last = *out;
}

size_t
acl_text_line_start(const struct acl_text *t, size_t n)
{
    if (t->marks->lines == NULL)
        build_lines(t);
    return n >= 1 && n <= t->marks->nlines ? t->marks->lines[n - 1] : t->len;
}

const char *
acl_text_line(const struct acl_text *t, unsigned n, size_t *len)
{
    size_t start, end;

    if (t->marks->lines == NULL)
        build_lines(t);
    if (n == 0 || n > t->marks->nlines) {
        *len = 0;
        return "";
    }
    start = t->marks->lines[n - 1];
    end = n < t->marks->nlines ? t->marks->lines[n] : t->len;
    while (end > start &&
           (t->data[end - 1] == '\n' || t->data[end - 1] == '\r'))
        end--;
    *len = end - start;
    return t->data + start;
}

const char *
acl_read_status_text(enum acl_read_status st, const struct acl_error *err)
{
    const char *colon = strstr(err->text, ": ");

    switch (st) {
    case ACL_READ_MISSING:
        return "no such file";
    case ACL_READ_NOT_FILE:
        return "not a regular file";
    case ACL_READ_TOO_BIG:
        return "larger than the size limit";
    case ACL_READ_OUTSIDE:
        return "a link leading outside the project";
    default:
        return colon != NULL ? colon + 2 : err->text;
    }
}

/* Creates a new file beside the target in the folder dirfd, never
 * through a link (O_EXCL), under a name no one else uses. Fills tmp. */
static int
create_temp(int dirfd, const char *base, char *tmp, size_t tmpsize)
{
    unsigned i;

    for (i = 0; i < 100; i++) {
        int fd;

        snprintf(tmp, tmpsize, ".%.200s.%ld.%u.tmp", base, (long)getpid(), i);
        fd = openat(dirfd, tmp,
                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST)
            return fd;
    }
    return -1;
}

static int
write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Refuses a target that is a link or not a regular file: nothing may
 * land wherever a committed link points. *mode gets an existing file's
 * permissions, which the new file keeps. */
static int
check_target(int dirfd, const char *base, const char *path, const char *what,
             mode_t *mode, struct acl_error *err)
{
    struct stat st;

    *mode = 0;
    if (fstatat(dirfd, base, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? 0
                               : acl_error_set(err,
                                               "%s: cannot write %s there "
                                               "(%s)",
                                               path, what, strerror(errno));
    if (S_ISLNK(st.st_mode))
        return acl_error_set(err,
                             "%s: cannot write %s there (a symbolic link is "
                             "there and would be followed; remove it or pick "
                             "another name)",
                             path, what);
    if (!S_ISREG(st.st_mode))
        return acl_error_set(
            err, "%s: cannot write %s there (not a regular file)", path, what);
    *mode = st.st_mode & 07777;
    return 0;
}

/* Writes into a new file in dirfd, then renames it over base. */
static int
write_in(int dirfd, const char *base, const char *path, const char *what,
         const char *data, size_t len, struct acl_error *err)
{
    char tmp[300];
    mode_t mode;
    int fd, bad;

    if (check_target(dirfd, base, path, what, &mode, err) != 0)
        return -1;
    if ((fd = create_temp(dirfd, base, tmp, sizeof tmp)) < 0)
        return acl_error_set(err, "%s: cannot write %s there (%s)", path, what,
                             strerror(errno));
    bad = write_all(fd, data, len) != 0 || (mode != 0 && fchmod(fd, mode)) ||
          fsync(fd) != 0;
    if (close(fd) != 0)
        bad = 1;
    if (!bad && renameat(dirfd, tmp, dirfd, base) == 0)
        return 0;
    acl_error_set(err, "%s: cannot write %s there (%s)", path, what,
                  strerror(errno));
    unlinkat(dirfd, tmp, 0);
    return -1;
}

/* Opens name in the open folder fd: a folder, and not through a link
 * when strict. On failure fills err, naming the link when one was in
 * the way. */
static int
open_step(int fd, const char *name, int strict, const char *path,
          const char *what, struct acl_error *err)
{
    int flags = O_RDONLY | O_DIRECTORY | O_CLOEXEC | (strict ? O_NOFOLLOW : 0);
    int next = openat(fd, name, flags), e = errno;
    struct stat st;

    if (next >= 0)
        return next;
    if (strict && fstatat(fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISLNK(st.st_mode))
        return acl_error_set(err,
                             "%s: cannot write %s there (its folder \"%s\" "
                             "is a symbolic link and would be followed; write "
                             "into a real folder)",
                             path, what, name);
    return acl_error_set(err, "%s: cannot write %s there (%s)", path, what,
                         strerror(e));
}

static int
same_folder(int fd, const struct stat *cwd)
{
    struct stat st;

    return fstat(fd, &st) == 0 && st.st_dev == cwd->st_dev &&
           st.st_ino == cwd->st_ino;
}

/* The folder that will hold a report, one component at a time. Once
 * the walk is in the current folder (the checkout a CI job lints: a
 * relative path starts there, an absolute one may pass through it
 * under any spelling), no link is followed: a pull request can commit
 * "reports" as a link to anywhere. Before that, above the current
 * folder, the path is the user's own and links are followed. */
static int
open_parent_strict(const char *dir, const char *path, const char *what,
                   struct acl_error *err)
{
    struct stat cwd;
    int fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC), strict = 1;

    if (fd < 0 || fstat(fd, &cwd) != 0) {
        if (fd >= 0)
            close(fd);
        return acl_error_set(err, "%s: cannot write %s there (%s)", path, what,
                             strerror(errno));
    }
    if (dir[0] == '/') {
        close(fd);
        if ((fd = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
            return acl_error_set(err, "%s: cannot write %s there (%s)", path,
                                 what, strerror(errno));
        strict = same_folder(fd, &cwd);
    }
    while (*dir != '\0') {
        size_t n = strcspn(dir, "/");
        char *name = acl_xstrndup(dir, n);
        int next = n == 0 || strcmp(name, ".") == 0
                       ? fcntl(fd, F_DUPFD_CLOEXEC, 0)
                       : open_step(fd, name, strict, path, what, err);

        free(name);
        close(fd);
        if ((fd = next) < 0)
            return -1;
        strict = strict || same_folder(fd, &cwd);
        dir += n + (dir[n] == '/');
    }
    return fd;
}

/* Writes data as path's new content, from an open folder of path. */
static int
write_file(const char *path, const char *what, int strict, const char *data,
           size_t len, struct acl_error *err)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash == NULL   ? acl_xstrdup(".")
                : slash == path ? acl_xstrdup("/")
                                : acl_xstrndup(path, (size_t)(slash - path));
    const char *base = slash != NULL ? slash + 1 : path;
    int dirfd = -1, rc;

    if (base[0] == '\0' || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
        rc = acl_error_set(err, "%s: cannot write %s there (%s)", path, what,
                           strerror(EISDIR));
    else if (strict)
        rc = (dirfd = open_parent_strict(dir, path, what, err)) < 0 ? -1 : 0;
    else if ((dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
        rc = acl_error_set(err, "%s: cannot write %s there (%s)", path, what,
                           strerror(errno));
    else
        rc = 0;
    if (rc == 0)
        rc = write_in(dirfd, base, path, what, data, len, err);
    if (dirfd >= 0)
        close(dirfd);
    free(dir);
    return rc;
}

int
acl_write_file_as(const char *path, const char *what, const char *data,
                  size_t len, struct acl_error *err)
{
    /* A project file being fixed: it was read through the in-root
     * reader, which accepts links that stay inside the project. */
    return write_file(path, what, 0, data, len, err);
}

int
acl_write_file(const char *path, const char *data, size_t len,
               struct acl_error *err)
{
    return acl_write_file_named(path, "the report", data, len, err);
}

int
acl_write_file_named(const char *path, const char *what, const char *data,
                     size_t len, struct acl_error *err)
{
    return write_file(path, what, 1, data, len, err);
}
