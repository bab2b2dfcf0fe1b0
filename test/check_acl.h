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

/* The folder of the shared reference material ($ACL_SHARED_DIR, else
 * ../shared), or NULL when it is not there; then it prints a visible
 * "SKIP: FILE: TEST: ..." line, so a run without it does not pass in
 * silence. Callers write acl_test_shared_dir(). */
const char *acl_test_shared_for(const char *file, const char *test);
#define acl_test_shared_dir() acl_test_shared_for(__FILE__, __func__)

/* The whole file at path, NUL-terminated (the caller frees it), or NULL
 * when it cannot be opened. */
char *acl_test_read(const char *path);
/* The same, but "" (still the caller's) when it cannot be opened. */
char *acl_test_slurp(const char *path);
/* Asserts that got equals the file at path (label names it in the
 * failure message); with ACL_GOLDEN_UPDATE set, writes got there. */
void acl_test_check_or_update(const char *path, const char *got,
                              const char *label);

/* Calls fn(dir, arg) for dir and every folder below it down to
 * max_depth levels, skipping hidden folders and the agentcore/ and app/
 * folders inside fixture projects. Readdir order: callers sort. */
void acl_test_walk_fixtures(const char *dir, int max_depth,
                            void (*fn)(const char *dir, void *arg), void *arg);

/* A fixture's "rules" file (rule IDs, one a line; rules_text "" when
 * there is none) as command-line arguments: --disable for every rule it
 * does not list, so that a rule added later does not change the
 * fixture's output. Appends to args from n, up to max; returns the new
 * count. The strings are static. */
int acl_test_rules_file_args(const char *rules_text, char **args, int n,
                             int max);

/* Writes text to dir/rel; creates the folder dir/rel. Both assert. */
void acl_test_put(const char *dir, const char *rel, const char *text);
void acl_test_mkdir(const char *dir, const char *rel);

/* Runs the command line in-process in folder dir (NULL: the current
 * one) with argv (NULL-terminated, program name first, no output
 * option): returns its output (the caller frees it) and the exit
 * status in *rc. */
char *acl_test_run_cli(const char *dir, char **argv, int *rc);

/* The value at a '/'-separated path of member names and array indexes
 * ("runs/0/results"; "~1" for a '/' in a name), or NULL; borrowed. */
json_t *acl_test_jget(json_t *v, const char *path);
/* Its string value, or "(none)". */
const char *acl_test_jstr(json_t *v, const char *path);

#endif
