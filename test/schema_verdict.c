/*
 * schema_verdict.c - runs the schema validator on one file, for the
 * parity script (tools/check-schema.sh).
 *
 * Usage: schema_verdict FILE project|targets|state|harness [TARGETS_FILE]
 * Prints VALID, or one "pointer: message" line per violation. With
 * state, TARGETS_FILE (aws-targets.json) supplies the target names when
 * it parses and is valid. Exit 0 valid, 1 invalid, 2 unreadable or not
 * JSON.
 *
 * schema_verdict --urls FILE: FILE holds one JSON string per line;
 * prints 1 or 0 per line: does the schema's URL check accept it?
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/file.h"
#include "acl/json.h"
#include "acl/schema.h"
#include "../src/schema/schema_int.h"

static size_t nviolations;

static void
print_violation(void *arg, const char *pointer, const char *missing,
                int at_name, const char *message)
{
    (void)arg;
    (void)missing;
    (void)at_name;
    nviolations++;
    printf("%s: %s\n", pointer[0] ? pointer : "(root)", message);
}

/* Reads and parses path with the linter's own loader (JSON.parse's
 * rules: last duplicate wins, numbers as doubles). NULL when the file is
 * unreadable or not JSON; *doc keeps the document alive. */
static json_t *
load(const char *path, struct acl_doc **doc)
{
    char *data = NULL;
    size_t len = 0;
    struct acl_error err;

    *doc = NULL;
    if (acl_read_file(path, 64u << 20, &data, &len, &err) != ACL_READ_OK)
        return NULL;
    *doc = acl_doc_parse(acl_text_new(path, path, data, len));
    return (*doc)->root;
}

static int
check_urls(const char *path)
{
    FILE *f = fopen(path, "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;

    if (f == NULL)
        return 2;
    while ((n = getline(&line, &cap, f)) > 0) {
        struct acl_doc *d = acl_doc_parse(
            acl_text_new(path, path, acl_xstrndup(line, (size_t)n), (size_t)n));
        json_t *s = d->root;
        size_t a = 0, e = 0;

        if (json_is_string(s))
            acl_sx_trim(json_string_value(s), json_string_length(s), &a, &e);
        printf("%d\n", json_is_string(s) &&
                           acl_sx_url_ok(json_string_value(s) + a, e - a));
        acl_doc_free(d);
    }
    free(line);
    fclose(f);
    return 0;
}

static void
print_drop(void *arg, const struct acl_schema_drop *d)
{
    if (!d->deprecated)
        printf("%s\t%s\n", (const char *)arg, d->pointer);
}

/* schema_verdict --dropped FILE KIND: "FILE<TAB>POINTER" per member the
 * CLI would drop (AC024), for comparison with zod's parsed output. */
static int
print_dropped(const char *file, const char *kind)
{
    static const char *const kinds[] = {"project", "targets", "state",
                                        "harness"};
    struct acl_schema_drop_sink sink = {print_drop, (void *)file};
    struct acl_doc *doc = NULL;
    json_t *root;
    size_t k;

    for (k = 0; k < 4 && strcmp(kind, kinds[k]) != 0; k++)
        ;
    if (k < 4 && (root = load(file, &doc)) != NULL)
        acl_schema_dropped((enum acl_doc_kind)k, root, &sink);
    acl_doc_free(doc);
    acl_schema_fini();
    return 0;
}

int
main(int argc, char **argv)
{
    static const char *const kinds[] = {"project", "targets", "state",
                                        "harness"};
    struct acl_schema_sink sink = {.emit = print_violation, .arg = NULL};
    struct acl_error err;
    struct acl_doc *doc = NULL, *targets = NULL;
    json_t *root;
    const char **names = NULL;
    size_t k, n = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: schema_verdict FILE KIND [TARGETS_FILE]\n");
        return 2;
    }
    if (acl_schema_init(&err) != 0) {
        fprintf(stderr, "schema_verdict: %s\n", err.text);
        return 2;
    }
    if (strcmp(argv[1], "--urls") == 0)
        return check_urls(argv[2]);
    if (strcmp(argv[1], "--dropped") == 0 && argc > 3)
        return print_dropped(argv[2], argv[3]);
    for (k = 0; k < 4 && strcmp(argv[2], kinds[k]) != 0; k++)
        ;
    if (k == 4 || (root = load(argv[1], &doc)) == NULL) {
        printf("(root): not readable as JSON\n");
        acl_doc_free(doc);
        return 2;
    }
    if (k == ACL_DOC_STATE && argc > 3)
        names = acl_schema_target_names(load(argv[3], &targets), &n);
    acl_schema_validate((enum acl_doc_kind)k, root, names, n, &sink);
    if (nviolations == 0)
        printf("VALID\n");
    free(names);
    acl_doc_free(targets);
    acl_doc_free(doc);
    acl_schema_fini();
    return nviolations == 0 ? 0 : 1;
}
