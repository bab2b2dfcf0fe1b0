/*
 * file.h - reading files safely, and text files with line tables.
 *
 * A linted repository may come from a stranger: every read here is of a
 * regular file only, opened so that it cannot block (FIFOs, devices),
 * and capped in size.
 */
#ifndef ACL_FILE_H
#define ACL_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "acl/util.h"

enum acl_read_status {
    ACL_READ_OK = 0,
    ACL_READ_MISSING,  /* no such file */
    ACL_READ_NOT_FILE, /* a folder, FIFO, device, socket */
    ACL_READ_TOO_BIG,  /* larger than the cap */
    ACL_READ_OUTSIDE,  /* a link leading out of the root (acl_read_file_in) */
    ACL_READ_ERROR     /* any other failure; err says why */
};

/* Reads a whole regular file, at most max bytes. On ACL_READ_OK *out is
 * a new NUL-terminated buffer the caller frees and *len its length.
 * Otherwise err tells why (with the path in it). */
enum acl_read_status acl_read_file(const char *path, size_t max, char **out,
                                   size_t *len, struct acl_error *err);

/* As acl_read_file, for a file of a project that may come from a
 * stranger: path (as given to open) must resolve, every link followed,
 * to a file below root (a resolved absolute path, such as the project's
 * real_root). The file is then opened from root one component at a
 * time without following any link, so nothing swapped in between the
 * check and the read is followed either. */
enum acl_read_status acl_read_file_in(const char *root, const char *path,
                                      size_t max, char **out, size_t *len,
                                      struct acl_error *err);

/* Why a read failed, without the path: "no such file", "not a regular
 * file", "larger than the size limit", "a link leading outside the
 * project", or err's reason. Points into err
 * or static storage. */
const char *acl_read_status_text(enum acl_read_status st,
                                 const struct acl_error *err);

/* Writes len bytes of data to path as a whole new file: written beside
 * it under a temporary name (created, never opened through a link),
 * then renamed over it; an existing file keeps its permissions. A link,
 * a folder or any other non-regular file already at path is refused
 * with err saying why, and left as it is; so is a link among path's
 * folders from the current folder down (however the path spells it),
 * since a checkout's folders are the pull request's. For the report. */
int acl_write_file(const char *path, const char *data, size_t len,
                   struct acl_error *err);
/* The same for another file the user names (what: "the baseline"),
 * naming it so in messages. */
int acl_write_file_named(const char *path, const char *what, const char *data,
                         size_t len, struct acl_error *err);
/* The same for a project file being fixed (what: "the fix"): its
 * folders were checked by the in-root reader, which follows links
 * that stay inside the project, so they are opened as they are. */
int acl_write_file_as(const char *path, const char *what, const char *data,
                      size_t len, struct acl_error *err);

/* A position in a text: 1-based line, 1-based columns counted in code
 * points and in UTF-16 code units, and the 0-based byte offset. */
struct acl_pos {
    unsigned line;
    unsigned col;
    unsigned col16;
    size_t offset;
};

/* A byte range [start, end) in a text. */
struct acl_span {
    uint32_t start;
    uint32_t end;
};

/* A file of the project held in memory: a JSON file or agent source. */
struct acl_text_marks;

struct acl_text {
    char *path;    /* relative to the project root, '/'-separated */
    char *display; /* as shown to users: relative to the cwd, or absolute */
    char *data;    /* NUL-terminated contents */
    size_t len;
    /* Owned: the line table, the last position computed and the ranges
     * that hold secrets (see acl_text_hide), made while findings are
     * placed and shown; the functions below take the text const. */
    struct acl_text_marks *marks;
};

/* Takes ownership of data. path and display are copied. */
struct acl_text *acl_text_new(const char *path, const char *display, char *data,
                              size_t len);
void acl_text_free(struct acl_text *t);
/* Converts a byte offset (clamped to the text) into a position. Lines
 * end at LF, CR LF or a lone CR, as editors count them. */
void acl_text_pos(const struct acl_text *t, size_t offset, struct acl_pos *out);
/* Marks [start, end) of t as secret: every output hides it wherever it
 * shows this text (another finding's snippet on the same line too). */
void acl_text_hide(const struct acl_text *t, size_t start, size_t end);
/* When offset lies in a hidden range, returns the range's end (> offset);
 * else 0. */
size_t acl_text_hidden_end(const struct acl_text *t, size_t offset);
/* The byte offset where line n (1-based) starts; t->len past the last
 * line. */
size_t acl_text_line_start(const struct acl_text *t, size_t n);
/* The bytes of line n (1-based) without its terminator. */
const char *acl_text_line(const struct acl_text *t, unsigned n, size_t *len);

#endif
