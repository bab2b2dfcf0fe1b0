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
    /* Optional: called once at the end when n values could not be
     * checked because a pattern gave up (pcre2's match limit); pointer
     * names the first. Those values were taken as valid, so the verdict
     * is incomplete and must be reported as such. */
    void (*incomplete)(void *arg, const char *pointer, size_t n);
    /* Optional: called right after emit when the violation has a longer
     * explanation than its message (the members an object allows). The
     * text is valid during the call only. */
    void (*help)(void *arg, const char *text);
    /* Optional: called right after emit for an unknown member whose
     * name is a likely typo of exactly one allowed name ("did you
     * mean"), with that name. */
    void (*rename)(void *arg, const char *pointer, const char *name);
};

/* A member of a non-strict ("strip") object that the schema does not
 * define: the CLI accepts it, and drops it when it loads the file. All
 * strings are valid during the callback only. */
struct acl_schema_drop {
    const char *pointer; /* RFC 6901 pointer of the member */
    const char *member;  /* its name (member_len bytes, may hold NUL) */
    size_t member_len;
    const char *object;     /* the schema's name of the object, e.g.
                               "AgentEnvSpec"; NULL for an unnamed one */
    const char *suggestion; /* a defined member it is likely meant to be
                               (a typo or a known confusion), or NULL */
    const char *allowed;    /* the object's members, comma-separated */
    /* 1: not dropped but a deprecated alias the schema still defines
     * and reads; suggestion then names its replacement. */
    int deprecated;
};

struct acl_schema_drop_sink {
    void (*dropped)(void *arg, const struct acl_schema_drop *d);
    void *arg;
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

/* Walks root as acl_schema_validate does and reports, instead of the
 * violations, every member the CLI would silently drop: unknown members
 * of strip objects, of the union option that wins (a winning option
 * drops the members of the later ones). Strict objects are AC020's. */
void acl_schema_dropped(enum acl_doc_kind kind, json_t *root,
                        const struct acl_schema_drop_sink *sink);

/* Both walks in one: violations to sink and dropped members to drops
 * (either may be NULL), each as the functions above report them. */
void acl_schema_check(enum acl_doc_kind kind, json_t *root,
                      const char *const *target_names, size_t ntargets,
                      const struct acl_schema_sink *sink,
                      const struct acl_schema_drop_sink *drops);

/* The verdict on one document, recorded from a single acl_schema_check
 * (what deployed state would drop is left out: the CLI writes that file)
 * so that AC020 and AC024 each replay their part without walking the
 * document again. Owns copies of every string it reports. */
struct acl_schema_verdict *
acl_schema_verdict_new(enum acl_doc_kind kind, json_t *root,
                       const char *const *target_names, size_t ntargets);
void acl_schema_verdict_free(struct acl_schema_verdict *v);
/* Calls sink (when not NULL) as acl_schema_validate would and drops
 * (when not NULL) as acl_schema_dropped would, in the walk's order.
 * The strings are valid while v lives. v may be NULL: nothing. */
void acl_schema_verdict_replay(const struct acl_schema_verdict *v,
                               const struct acl_schema_sink *sink,
                               const struct acl_schema_drop_sink *drops);

/* The names of the deployment targets of aws-targets.json's root, when
 * it is valid (the CLI checks deployed state against them only then):
 * a new array the caller frees (the strings are borrowed from root), and
 * *n its length. NULL, *n = 0, when root is not a valid targets file. */
const char **acl_schema_target_names(json_t *root, size_t *n);

/* Compiles all of the schema's patterns now (optional: each is
 * compiled on first use otherwise). Returns 0, or -1 and fills err when
 * a pattern does not compile. */
int acl_schema_init(struct acl_error *err);
/* Frees the compiled patterns. */
void acl_schema_fini(void);

#endif
