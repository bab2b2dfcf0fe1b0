/*
 * lookup.h - walking and searching the project model: every target in
 * one sequence, resources by name, and how messages name a target.
 */
#ifndef ACL_LOOKUP_H
#define ACL_LOOKUP_H

#include "acl/model.h"

struct acl_check;

/* Every target (the target types of docs/rules.md): the targets of each
 * gateway in order, then unassignedTargets. Borrowed from p. */
size_t acl_targets_count(const struct acl_project *p);
const struct acl_target *acl_targets_at(const struct acl_project *p, size_t i);

/* Calls fn(c, t) for every target, in the order of acl_targets_at;
 * fn(c, g) for every gateway of c's project, in order. For rules whose
 * check looks at each one on its own. */
void acl_each_target(struct acl_check *c,
                     void (*fn)(struct acl_check *c,
                                const struct acl_target *t));
void acl_each_gateway(struct acl_check *c,
                      void (*fn)(struct acl_check *c,
                                 const struct acl_gateway *g));

/* How messages name a target: target "t" of gateway "g", or
 * unassigned target "t". New string; the caller frees it. */
char *acl_target_label(const struct acl_target *t);
/* The same with the target type before "target" (type may be NULL):
 * mcpServer target "t" of gateway "g". */
char *acl_target_label_as(const struct acl_target *t, const char *type);

/* The first runtime, credential or policy engine with exactly this
 * name (names are case-sensitive, as the CLI compares them), or NULL.
 * Borrowed. Constant time: the model keeps a name index. Names are
 * compared with their lengths: a credential "cred\u0000junk" is not
 * "cred". The _n forms take a name that may hold NUL (len bytes). */
const struct acl_credential *acl_find_credential(const struct acl_project *p,
                                                 const char *name);
const struct acl_credential *acl_find_credential_n(const struct acl_project *p,
                                                   const char *name,
                                                   size_t len);
const struct acl_policy_engine *acl_find_engine(const struct acl_project *p,
                                                const char *name);
const struct acl_policy_engine *acl_find_engine_n(const struct acl_project *p,
                                                  const char *name, size_t len);
const struct acl_runtime *acl_find_runtime(const struct acl_project *p,
                                           const char *name);

/* The part of the environment variables the CLI derives from a
 * resource name (AGENTCORE_GATEWAY_<part>_URL, AGENTCORE_CREDENTIAL_
 * <part>): upper-cased, '-' as '_'. New string; the caller frees it. */
char *acl_env_var_part(const char *name);
/* The first gateway whose variable part is exactly the n bytes of x, or
 * NULL. Borrowed; constant time. */
const struct acl_gateway *acl_find_gateway_by_var(const struct acl_project *p,
                                                  const char *x, size_t n);

/* Does the runtime or harness named owner set the environment variable
 * name itself (a runtime's envVars, a harness's environmentVariables)? */
int acl_owner_sets_env(const struct acl_project *p, const char *owner,
                       const char *name);

#endif
