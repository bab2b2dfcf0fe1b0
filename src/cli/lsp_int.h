/*
 * lsp_int.h - the language server's state, shared by its files:
 * lsp.c (messages, lifecycle, documents), lsp_lint.c (projects and
 * diagnostics), lsp_edit.c (positions, code actions, hover, fix all).
 */
#ifndef ACL_LSP_INT_H
#define ACL_LSP_INT_H

#include <jansson.h>
#include <stdio.h>

#include "acl/config.h"
#include "acl/engine.h"
#include "acl/finding.h"
#include "cli/lsp.h"
#include "acl/overlay.h"

enum lsp_enc { LSP_UTF16 = 0, LSP_UTF8 };

/* An open document. */
struct lsp_doc {
    char *uri;
    char *path; /* absolute, its folder's links resolved */
};

/* A project some document belongs to, and its last lint. */
struct lsp_project {
    char *root; /* absolute, resolved */
    int dirty;
    struct acl_project *p;
    struct acl_config *cfg;
    struct acl_findings findings;
    char **published; /* URIs that have diagnostics now */
    size_t npublished;
};

struct acl_lsp {
    FILE *out;
    int initialized, shutdown, exited;
    int can_watch; /* the client registers file watchers on request */
    enum lsp_enc enc;
    struct acl_overlay *overlay;
    struct lsp_doc *docs;
    size_t ndocs, docs_cap;
    struct lsp_project *projects;
    size_t nprojects, projects_cap;
    long long next_id; /* of requests to the client */
};

/* lsp.c */
void lsp_send(struct acl_lsp *s, json_t *msg); /* takes msg */
void lsp_notify(struct acl_lsp *s, const char *method, json_t *params);
/* The path of a file: URI, or NULL when it is not one. New string. */
char *lsp_uri_path(const char *uri);
/* The file: URI of an absolute path. New string. */
char *lsp_path_uri(const char *path);

/* lsp_lint.c */
/* The project holding path (finding its root), made on first use; or
 * NULL when path is in no project. */
struct lsp_project *lsp_project_of(struct acl_lsp *s, const char *path,
                                   int create);
void lsp_lint(struct acl_lsp *s, struct lsp_project *lp);
void lsp_projects_free(struct acl_lsp *s);
/* The URI of a file of lp's project (a text, or a path relative to its
 * root). New string. */
char *lsp_text_uri(const struct lsp_project *lp, const struct acl_text *t);
char *lsp_rel_uri(const struct lsp_project *lp, const char *rel);

/* lsp_edit.c */
json_t *lsp_range(const struct acl_lsp *s, const struct acl_text *t,
                  size_t start, size_t end);
/* The byte offset of an LSP position in t. */
size_t lsp_offset(const struct acl_lsp *s, const struct acl_text *t,
                  json_t *pos);
json_t *lsp_code_actions(struct acl_lsp *s, json_t *params);
json_t *lsp_hover(struct acl_lsp *s, json_t *params);
/* workspace/executeCommand: "agentcore-lint.fixAll". */
json_t *lsp_execute(struct acl_lsp *s, json_t *params, const char **error);
/* The findings of the document at uri: its project (linted when
 * dirty) and its text; NULL when it has none. */
struct lsp_project *lsp_doc_project(struct acl_lsp *s, const char *uri,
                                    const struct acl_text **text);

#endif
