/*
 * schema.h - the AgentCore CLI 0.30.0 schema, as data, and a validator
 * that walks a JSON value against it (AC020).
 *
 * A document is valid exactly when the CLI's zod schema accepts it
 * (tools/check-schema.sh compares the two). An object's cross-field
 * rules run only once nothing inside it failed, as zod's do, so fixing
 * one problem can reveal the next. Not thread-safe: the compiled
 * patterns are shared.
 */
#ifndef ACL_SCHEMA_H
#define ACL_SCHEMA_H

#include <jansson.h>
#include <stddef.h>

#include "acl/model.h"

/* Called once per violation. pointer names the offending value; when
 * missing is not NULL, pointer names the object and missing is the
 * absent required member's name. at_name is set when the member's name
 * itself is wrong (an unknown member, a bad map key) rather than its
 * value. message says what is expected. */
struct acl_schema_sink {
    void (*emit)(void *arg, const char *pointer, const char *missing,
                 int at_name, const char *message);
    void *arg;
    /* Optional: called right after emit for an unknown member whose
     * name is a likely typo of exactly one allowed name ("did you
     * mean"), with that name. */
    void (*rename)(void *arg, const char *pointer, const char *name);
};

/* Validates root as a file of the given kind (project, targets, state
 * or harness; others are ignored). target_names lists aws-targets.json's
 * names, for the deployed-state rule that every target key exists there
 * (NULL to skip that rule, as the CLI does when aws-targets.json is
 * missing, unparsable or invalid: see acl_schema_target_names). Reports through
 * sink only; allocates nothing that outlives the call (but see
 * acl_schema_fini). Messages and pointers are valid during emit only. */
void acl_schema_validate(enum acl_doc_kind kind, json_t *root,
                         const char *const *target_names, size_t ntargets,
                         const struct acl_schema_sink *sink);

/* The names of the deployment targets of aws-targets.json's root, when
 * it is valid (the CLI checks deployed state against them only then):
 * a new array the caller frees (the strings are borrowed from root), and
 * *n its length. NULL, *n = 0, when root is not a valid targets file. */
const char **acl_schema_target_names(json_t *root, size_t *n);

/* Frees the compiled patterns (they are compiled once, on first use).
 * Optional: call at exit to keep leak checkers quiet. */
void acl_schema_fini(void);

#endif
