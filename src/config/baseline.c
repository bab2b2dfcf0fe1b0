/*
 * baseline.c - reading a SARIF baseline and marking findings new or
 * unchanged.
 *
 * The log is read with jansson, not the source-mapping loader: nothing
 * in it is reported at a position, and a baseline can be large.
 */
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/baseline.h"
#include "acl/file.h"
#include "acl/rule.h"

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

    json_array_foreach (json_object_get(run, "results"), i, res) {
        json_t *fp = json_object_get(
            json_object_get(res, "partialFingerprints"), ACL_FINGERPRINT_KEY);

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
    json_array_foreach (runs, i, run) {
        json_t *results = json_object_get(run, "results");

        if (!json_is_object(json_object_get(run, "tool")) ||
            (results != NULL && !json_is_array(results)))
            return "not a SARIF log (a run without \"tool\" or with "
                   "malformed \"results\")";
    }
    return NULL;
}

/* Our own baseline file (acl_baseline_write): {"agentcoreLintBaseline":
 * 1, "findings": [{"file", "rule", "fingerprint"}, ...]}. Returns NULL
 * with err filled when it is malformed. */
static struct acl_baseline *
own_baseline(const char *name, json_t *root, struct acl_error *err)
{
    json_t *list = json_object_get(root, "findings"), *e;
    json_t *version = json_object_get(root, ACL_BASELINE_KEY);
    struct acl_baseline *b;
    size_t i;

    if (!json_is_integer(version) || json_integer_value(version) != 1 ||
        !json_is_array(list)) {
        acl_error_set(err,
                      "%s: the baseline is not of version 1 or has no "
                      "\"findings\" array; write it again with "
                      "--write-baseline",
                      name);
        return NULL;
    }
    b = acl_xcalloc(1, sizeof *b);
    json_array_foreach (list, i, e) {
        json_t *fp = json_object_get(e, "fingerprint");

        if (!json_is_string(fp))
            continue;
        acl_xgrow((void **)&b->prints, &b->cap, b->n + 1, sizeof *b->prints);
        b->prints[b->n++] = acl_xstrdup(json_string_value(fp));
    }
    return b;
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
    if (json_object_get(root, ACL_BASELINE_KEY) != NULL) {
        b = own_baseline(name, root, err);
    } else if ((why = not_sarif(root)) != NULL) {
        acl_error_set(err,
                      "%s: the baseline is %s; write one with "
                      "--write-baseline FILE",
                      name, why);
        b = NULL;
    } else {
        b = acl_xcalloc(1, sizeof *b);
        json_array_foreach (json_object_get(root, "runs"), i, run)
            add_run(b, run);
    }
    json_decref(root);
    if (b == NULL)
        return NULL;
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

        f->baseline =
            key != NULL && b != NULL && b->n > 0 &&
                    bsearch(&key, b->prints, b->n, sizeof *b->prints, cmp_str)
                ? ACL_BASELINE_UNCHANGED
                : ACL_BASELINE_NEW;
    }
}

/* One line of the file: a finding's file relative to the baseline's
 * folder, rule and fingerprint. */
struct entry {
    char *file;
    const char *rule, *fingerprint;
};

static int
cmp_entry(const void *a, const void *b)
{
    const struct entry *x = a, *y = b;
    int c = strcmp(x->file, y->file);

    if (c == 0)
        c = strcmp(x->rule, y->rule);
    return c != 0 ? c : strcmp(x->fingerprint, y->fingerprint);
}

/* path (absolute) relative to base (an absolute folder), with ".."
 * where it is not below it. A new string. */
static char *
relative_to(const char *base, const char *path)
{
    struct acl_buf b = {0};
    size_t i, j = 0;

    if (strcmp(base, "/") == 0)
        return acl_xstrdup(path + 1);
    /* j: the end of the longest run of whole segments both share. */
    for (i = 0; base[i] != '\0' && base[i] == path[i]; i++)
        if ((base[i + 1] == '/' || base[i + 1] == '\0') &&
            (path[i + 1] == '/' || path[i + 1] == '\0'))
            j = i + 1;
    acl_buf_append(&b, "", 0);
    for (i = j; base[i] != '\0'; i++)
        if (base[i] == '/')
            acl_buf_puts(&b, "../");
    acl_buf_puts(&b, path[j] == '/' ? path + j + 1 : path + j);
    return acl_buf_steal(&b);
}

static char *
entry_file(const char *base, const struct acl_finding *f)
{
    char real[PATH_MAX];

    if (base == NULL || realpath(f->file->display, real) == NULL)
        return acl_xstrdup(f->file->display);
    return relative_to(base, real);
}

static void
write_entries(FILE *out, const struct entry *e, size_t n)
{
    size_t i;

    fprintf(out, "{\n  \"%s\": 1,\n  \"findings\": [", ACL_BASELINE_KEY);
    for (i = 0; i < n; i++) {
        json_t *o = json_pack("{s:s, s:s, s:s}", "file", e[i].file, "rule",
                              e[i].rule, "fingerprint", e[i].fingerprint);
        char *line = json_dumps(o, JSON_PRESERVE_ORDER);

        fprintf(out, "%s\n    %s", i ? "," : "", line ? line : "{}");
        free(line);
        json_decref(o);
    }
    fprintf(out, "%s]\n}\n", n ? "\n  " : "");
}

/* The folder the baseline file will be in, resolved; NULL if unknown. */
static char *
base_dir(const char *path)
{
    char *dir = acl_xstrdup(path), *slash = strrchr(dir, '/'), real[PATH_MAX];
    const char *d = dir;

    if (slash == NULL)
        d = ".";
    else if (slash == dir)
        slash[1] = '\0';
    else
        *slash = '\0';
    d = realpath(d, real) != NULL ? real : NULL;
    free(dir);
    return d != NULL ? acl_xstrdup(d) : NULL;
}

int
acl_baseline_write(const char *path, const struct acl_findings *l,
                   struct acl_error *err)
{
    struct entry *e = acl_xcalloc(l->n + 1, sizeof *e);
    char *base = base_dir(path);
    size_t i, n = 0, k, len = 0;
    char *buf = NULL;
    FILE *out;
    int rc = 0;

    for (i = 0; i < l->n; i++) {
        const struct acl_finding *f = l->items[i];

        if (f->suppressed || f->fingerprint == NULL)
            continue; /* accepted by the config, with a reason */
        e[n].file = entry_file(base, f);
        e[n].rule = f->rule->id;
        e[n++].fingerprint = f->fingerprint;
    }
    qsort(e, n, sizeof *e, cmp_entry);
    for (i = k = 0; i < n; i++) {
        if (k > 0 && cmp_entry(&e[k - 1], &e[i]) == 0) {
            free(e[i].file);
            continue;
        }
        e[k++] = e[i];
    }
    /* Written whole through the safe writer, as the report is: never
     * through a committed link at the name or among its folders. */
    if ((out = open_memstream(&buf, &len)) == NULL) {
        rc = acl_error_set(err, "%s: cannot write the baseline: %s", path,
                           strerror(errno));
    } else {
        write_entries(out, e, k);
        rc = fclose(out) != 0
                 ? acl_error_set(err, "%s: cannot write the baseline: %s", path,
                                 strerror(errno))
                 : acl_write_file_named(path, "the baseline", buf, len, err);
        free(buf);
    }
    for (i = 0; i < k; i++)
        free(e[i].file);
    free(e);
    free(base);
    return rc;
}
