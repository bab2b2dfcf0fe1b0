/*
 * check_acl.h - shared declarations of the test suites.
 */
#ifndef CHECK_ACL_H
#define CHECK_ACL_H

#include <check.h>
#include <jansson.h>

#define ACL_SUITE(n) Suite *acl_suite_##n(void);
#include "suites.def"
#undef ACL_SUITE

/* The folder of the shared reference material (../shared), or NULL when
 * it is not there: tests that use it skip quietly without it. */
const char *acl_test_shared_dir(void);

/* The value at a '/'-separated path of member names and array indexes
 * ("runs/0/results"; "~1" for a '/' in a name), or NULL; borrowed. */
json_t *acl_test_jget(json_t *v, const char *path);
/* Its string value, or "(none)". */
const char *acl_test_jstr(json_t *v, const char *path);

#endif
