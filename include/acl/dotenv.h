/*
 * dotenv.h - the .env files inside a code folder (they are packaged and
 * shipped with the agent), found with a bounded walk and read through
 * the project's reference cache (ref.h), and their NAME=value lines.
 *
 * Nothing here allocates for the caller: texts belong to the project.
 */
#ifndef ACL_DOTENV_H
#define ACL_DOTENV_H

#include <stddef.h>

#include "acl/model.h"

/* At most this many folder entries and this depth per code folder. */
#define ACL_DOTENV_MAX_ENTRIES 20000
#define ACL_DOTENV_MAX_DEPTH 6

/* Is name a dotenv file name: ".env", ".env.local", ".env.production"?
 * *template is set for documentation copies (.env.example, .env.sample,
 * .env.template, .env.dist). */
int acl_dotenv_name(const char *name, int *template_file);

/* Calls fn for every dotenv file below the folder rel (relative to the
 * project root), skipping hidden folders, node_modules, virtual
 * environments and build output, in name order. A file that cannot be
 * read becomes a project notice (ref.c) and is not passed on. */
void acl_dotenv_each(const struct acl_project *p, const char *rel,
                     void (*fn)(const struct acl_text *t, int template_file,
                                void *arg),
                     void *arg);

/* The load stage: reads every dotenv file below the folder rel into
 * the reference cache (acl_ref_preload), so that acl_dotenv_each during
 * the rules reads nothing. It still lists the folders: the walk is
 * done again, and its files are answered from the cache. */
void acl_dotenv_preload(const struct acl_project *p, const char *rel);

/* One NAME=value assignment: byte ranges in the text. The value is
 * without its quotes and without a trailing " # comment". */
struct acl_dotenv_line {
    size_t name_start, name_end;
    size_t value_start, value_end;
};

/* Finds the next assignment at or after *pos in s; 0 at the end.
 * Accepts "export NAME=value", quotes, blanks around '='; skips
 * comments and lines that are not assignments. */
int acl_dotenv_next(const char *s, size_t len, size_t *pos,
                    struct acl_dotenv_line *out);

#endif
