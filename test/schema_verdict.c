/*
 * schema_verdict.c - runs the schema validator on one file, for the
 * parity script (tools/check-schema.sh).
 *
 * Usage: schema_verdict FILE project|targets|state|harness [TARGETS_FILE]
 * Prints VALID, or one "pointer: message" line per violation. With
 * state, TARGETS_FILE (aws-targets.json) supplies the target names when
 * it parses and is valid. Exit 0 valid, 1 invalid, 2 unreadable or not
 * JSON.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/schema.h"

static size_t nviolations;

static void
print_violation(void *arg, const char *pointer, const char *missing,
                const char *message)
{
    (void)arg;
    (void)missing;
    nviolations++;
    printf("%s: %s\n", pointer[0] ? pointer : "(root)", message);
}

static void
count_violation(void *arg, const char *pointer, const char *missing,
                const char *message)
{
    (void)pointer;
    (void)missing;
    (void)message;
    ++*(size_t *)arg;
}

static json_t *
load(const char *path)
{
    json_error_t err;
    /* JSON.parse numbers are doubles: never reject a big integer. */
    return json_load_file(path, JSON_DECODE_ANY | JSON_DECODE_INT_AS_REAL | JSON_ALLOW_NUL,
                          &err);
}

/* The names of a valid aws-targets.json, or NULL (the CLI then skips
 * the target-name rule). *n receives the count. */
static const char **
target_names(const char *path, json_t **keep, size_t *n)
{
    json_t *t = load(path), *e;
    size_t count = 0, i;
    struct acl_schema_sink sink = {count_violation, &count};
    const char **names;

    *keep = t;
    if (t == NULL)
        return NULL;
    acl_schema_validate(ACL_DOC_TARGETS, t, NULL, 0, &sink);
    if (count > 0)
        return NULL;
    names = calloc(json_array_size(t) + 1, sizeof *names);
    json_array_foreach(t, i, e)
        names[i] = json_string_value(json_object_get(e, "name"));
    *n = json_array_size(t);
    return names;
}

int
main(int argc, char **argv)
{
    static const char *const kinds[] = {"project", "targets", "state", "harness"};
    struct acl_schema_sink sink = {print_violation, NULL};
    json_t *root, *targets = NULL;
    const char **names = NULL;
    size_t k, n = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: schema_verdict FILE KIND [TARGETS_FILE]\n");
        return 2;
    }
    for (k = 0; k < 4 && strcmp(argv[2], kinds[k]) != 0; k++)
        ;
    if (k == 4 || (root = load(argv[1])) == NULL) {
        printf("(root): not readable as JSON\n");
        return 2;
    }
    if (k == ACL_DOC_STATE && argc > 3)
        names = target_names(argv[3], &targets, &n);
    acl_schema_validate((enum acl_doc_kind)k, root, names, n, &sink);
    if (nviolations == 0)
        printf("VALID\n");
    free(names);
    json_decref(targets);
    json_decref(root);
    acl_schema_fini();
    return nviolations == 0 ? 0 : 1;
}
