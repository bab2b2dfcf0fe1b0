/*
 * baseline.c - reading a SARIF baseline and marking findings new or
 * unchanged.
 *
 * The log is read with jansson, not the source-mapping loader: nothing
 * in it is reported at a position, and a baseline can be large.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "acl/baseline.h"
#include "acl/file.h"

struct acl_baseline {
    char **prints; /* sorted, for bsearch */
    size_t n, cap;
};

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
add_run(struct acl_baseline *b, json_t *run)
{
    json_t *res;
    size_t i;

    json_array_foreach(json_object_get(run, "results"), i, res) {
        json_t *fp = json_object_get(json_object_get(res, "partialFingerprints"),
                                     ACL_FINGERPRINT_KEY);

        if (!json_is_string(fp))
            continue;
        acl_xgrow((void **)&b->prints, &b->cap, b->n + 1, sizeof *b->prints);
        b->prints[b->n++] = acl_xstrdup(json_string_value(fp));
    }
}

/* A SARIF log is an object with a "version" and a "runs" array; each
 * run names its tool. Anything else is refused, so that a JSON report
 * or a wrong file given by mistake does not pass as an empty baseline. */
static const char *
not_sarif(json_t *root)
{
    json_t *runs = json_object_get(root, "runs"), *run;
    size_t i;

    if (!json_is_object(root))
        return "not a SARIF log (not a JSON object)";
    if (!json_is_string(json_object_get(root, "version")) ||
        strcmp(json_string_value(json_object_get(root, "version")), "2.1.0"))
        return "not a SARIF 2.1.0 log (\"version\" is not \"2.1.0\")";
    if (!json_is_array(runs))
        return "not a SARIF log (no \"runs\" array)";
    json_array_foreach(runs, i, run) {
        json_t *results = json_object_get(run, "results");

        if (!json_is_object(json_object_get(run, "tool")) ||
            (results != NULL && !json_is_array(results)))
            return "not a SARIF log (a run without \"tool\" or with "
                   "malformed \"results\")";
    }
    return NULL;
}

struct acl_baseline *
acl_baseline_parse(const char *name, const char *data, size_t len,
                   struct acl_error *err)
{
    json_error_t jerr;
    json_t *root = json_loadb(data, len, JSON_ALLOW_NUL, &jerr), *run;
    struct acl_baseline *b;
    const char *why;
    size_t i;

    if (root == NULL) {
        acl_error_set(err, "%s: the baseline is not valid JSON (line %d: %s)",
                      name, jerr.line, jerr.text);
        return NULL;
    }
    if ((why = not_sarif(root)) != NULL) {
        acl_error_set(err, "%s: the baseline is %s; write one with "
                           "--format sarif", name, why);
        json_decref(root);
        return NULL;
    }
    b = acl_xcalloc(1, sizeof *b);
    json_array_foreach(json_object_get(root, "runs"), i, run)
        add_run(b, run);
    json_decref(root);
    if (b->n > 1)
        qsort(b->prints, b->n, sizeof *b->prints, cmp_str);
    return b;
}

struct acl_baseline *
acl_baseline_load(const char *path, size_t max, struct acl_error *err)
{
    char *data = NULL;
    size_t len = 0;
    struct acl_error rerr;
    enum acl_read_status st = acl_read_file(path, max, &data, &len, &rerr);
    struct acl_baseline *b;

    if (st != ACL_READ_OK) {
        acl_error_set(err, "%s: cannot read the baseline (%s)", path,
                      acl_read_status_text(st, &rerr));
        return NULL;
    }
    b = acl_baseline_parse(path, data, len, err);
    free(data);
    return b;
}

void
acl_baseline_free(struct acl_baseline *b)
{
    size_t i;

    if (b == NULL)
        return;
    for (i = 0; i < b->n; i++)
        free(b->prints[i]);
    free(b->prints);
    free(b);
}

size_t
acl_baseline_size(const struct acl_baseline *b)
{
    return b != NULL ? b->n : 0;
}

void
acl_baseline_mark(const struct acl_baseline *b, struct acl_findings *l)
{
    size_t i;

    for (i = 0; i < l->n; i++) {
        struct acl_finding *f = l->items[i];
        const char *key = f->fingerprint;

        f->baseline = key != NULL && b != NULL && b->n > 0 &&
                              bsearch(&key, b->prints, b->n,
                                      sizeof *b->prints, cmp_str)
                          ? ACL_BASELINE_UNCHANGED
                          : ACL_BASELINE_NEW;
    }
}
