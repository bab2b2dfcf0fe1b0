/*
 * ref.h - files and folders that a project's JSON names (tool schemas,
 * OpenAPI and Smithy documents, code folders, policy sources).
 *
 * A reference is resolved against the project root and must stay inside
 * it after every link is followed; only regular files are read, with a
 * size cap, and each file is read at most once per project. The load
 * stage reads and checks every reference of the model with
 * acl_ref_preload, so that the lookups of the rules only answer from
 * the cache. Texts and documents belong to the project.
 */
#ifndef ACL_REF_H
#define ACL_REF_H

#include "acl/model.h"

#define ACL_REF_MAX_SIZE (8u << 20)

enum acl_ref_status {
    ACL_REF_OK = 0,
    ACL_REF_MISSING,    /* nothing there */
    ACL_REF_OUTSIDE,    /* absolute, or leads outside the project root */
    ACL_REF_WRONG_KIND, /* a folder where a file is named, or the reverse;
                           or a FIFO, device, socket */
    ACL_REF_TOO_BIG,    /* larger than ACL_REF_MAX_SIZE */
    ACL_REF_UNREADABLE  /* permission or I/O error */
};

/* Resolves relpath as the CLI does (Node's path.join: "." and ".."
 * folded lexically) and then with every link followed, into out
 * (PATH_MAX bytes, caller's); ACL_REF_OUTSIDE when either step leaves
 * the project root. Use it for any walk below a referenced folder. */
enum acl_ref_status acl_ref_resolve(const struct acl_project *p,
                                    const char *relpath, char *out);

/* Checks that relpath names something of the wanted kind (want_dir: a
 * folder, else a regular file) inside the project; the answer is kept. */
enum acl_ref_status acl_ref_check(const struct acl_project *p,
                                  const char *relpath, int want_dir);

/* A referenced file as JSON. On ACL_REF_OK *doc is the parsed document
 * (owned by the project; its root is NULL when the file is not valid
 * JSON). A file that is there but could not be read (too big, not a
 * regular file, unreadable) is noted at each lookup: the check that
 * asked skips it. */
enum acl_ref_status acl_ref_json(const struct acl_project *p,
                                 const char *relpath,
                                 const struct acl_doc **doc);

/* A referenced file as text (owned by the project); noted as above. */
enum acl_ref_status acl_ref_text(const struct acl_project *p,
                                 const char *relpath,
                                 const struct acl_text **text);

/* How the load stage wants a reference, or'ed: read as JSON or as
 * text, checked to be a regular file or a folder (acl_ref_check). */
enum acl_ref_kind {
    ACL_REF_JSON = 1,
    ACL_REF_TEXT = 2,
    ACL_REF_FILE = 4,
    ACL_REF_FOLDER = 8
};

/* The load stage, before any rule runs: reads relpath into the cache
 * and checks it (kinds: enum acl_ref_kind), as the lookups of those
 * kinds will. Nothing is noted: a file that cannot be read is noted
 * when a rule asks for it. A NULL relpath is nothing to load. */
void acl_ref_preload(const struct acl_project *p, const char *relpath,
                     int kinds);

/* A short phrase for a status: "does not exist", "is outside the
 * project root", ... */
const char *acl_ref_status_text(enum acl_ref_status st);

#endif
