/*
 * model_build.h - internal: how the project loader builds model nodes.
 * Only src/model*.c and src/load/project.c use it; rules use model.h.
 */
#ifndef ACL_MODEL_BUILD_H
#define ACL_MODEL_BUILD_H

#include "acl/model.h"

/* Takes ownership of ptr; copies resource. */
void acl_node_set(struct acl_node *n, const struct acl_doc *doc, char *ptr,
                  json_t *json, const char *resource);
void acl_node_clear(struct acl_node *n);

/* A zeroed array with room for every element of arr; *n is set to 0. */
void *acl_alloc_for(json_t *arr, size_t size, size_t *n);

size_t acl_build_kv(const struct acl_doc *doc, const char *base, json_t *obj,
                    const char *resource, struct acl_kv **out);
void acl_free_kv(struct acl_kv *kv, size_t n);

void acl_build_target(struct acl_target *t, const struct acl_doc *doc,
                      char *ptr, json_t *j, const struct acl_gateway *gw);
size_t acl_build_targets(const struct acl_doc *doc, const char *base,
                         json_t *arr, const struct acl_gateway *gw,
                         struct acl_target **out);
void acl_free_targets(struct acl_target *t, size_t n);
void acl_build_gateway(struct acl_gateway *g, const struct acl_doc *doc,
                       char *ptr, json_t *j);

/* The resources of agentcore.json, and their release. */
void acl_build_resources(struct acl_project *p);
void acl_free_resources(struct acl_project *p);
/* The parsed app/<name>/harness.json of a harness entry. */
void acl_build_harness_spec(struct acl_harness *h, const struct acl_doc *doc);
/* deployment targets and deployed state */
void acl_build_deploy(struct acl_project *p, const struct acl_doc *targets,
                      const struct acl_doc *state);
void acl_free_deploy(struct acl_project *p);

/* The cache of referenced files read through ref.h: made empty with
 * the project (every project made by project.c has one), filled as
 * rules read files; freed with the files it holds. */
struct acl_refcache *acl_refcache_new(void);
void acl_refcache_free(struct acl_refcache *c);

#endif
