/*
 * out_gitlab.c - GitLab's Code Quality report (a JSON array of issues,
 * the subset of the Code Climate spec GitLab reads): for each finding a
 * description, a check_name, a fingerprint unique in the report, a
 * severity and location.path with location.lines.begin.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/jsonout.h"
#include "acl/report.h"
#include "acl/report_util.h"
#include "acl/rule.h"

/* GitLab's scale is info, minor, major, critical, blocker. */
static const char *
severity(enum acl_level l)
{
    return l == ACL_ERROR ? "critical" : l == ACL_WARNING ? "major" : "info";
}

static uint64_t
fnv1a(uint64_t h, const char *s)
{
    for (; *s != '\0'; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ULL;
    }
    return h;
}

/* Our fingerprint names a finding within its project; GitLab wants one
 * per issue of the whole report, so the file is hashed in, and equal
 * findings in one file are told apart by their order. */
static char *
issue_fingerprint(const struct acl_report_ctx *ctx, size_t i)
{
    const struct acl_finding *f = ctx->findings->items[i];
    uint64_t h = fnv1a(14695981039346656037ULL, f->file->display);
    size_t k, n = 0;

    h = fnv1a(h ^ 0xff, f->fingerprint ? f->fingerprint : "");
    /* Sorted by file: the same file's findings are together. */
    for (k = i; k > 0 && ctx->findings->items[k - 1]->file == f->file; k--) {
        const struct acl_finding *g = ctx->findings->items[k - 1];

        n += g->fingerprint && f->fingerprint &&
             strcmp(g->fingerprint, f->fingerprint) == 0;
    }
    return n == 0 ? acl_xasprintf("%016llx", (unsigned long long)h)
                  : acl_xasprintf("%016llx-%zu", (unsigned long long)h, n);
}

static json_t *
issue_at(void *arg, size_t i)
{
    const struct acl_report_ctx *ctx = arg;
    const struct acl_finding *f;
    char *desc, *fp;
    json_t *o;

    if (i >= ctx->findings->n)
        return NULL;
    f = ctx->findings->items[i];
    desc = acl_xasprintf("%s [%s %s]%s", f->message, f->rule->id, f->rule->name,
                         acl_report_mark(f));
    fp = issue_fingerprint(ctx, i);
    o = json_pack("{s:s, s:s, s:s, s:s, s:{s:s, s:{s:i, s:i}}}", "description",
                  desc, "check_name", f->rule->id, "fingerprint", fp,
                  "severity", severity(f->level), "location", "path",
                  f->file->display, "lines", "begin", (int)f->start.line, "end",
                  (int)f->end.line);
    free(desc);
    free(fp);
    return o;
}

int
acl_report_gitlab(const struct acl_report_ctx *ctx)
{
    json_t *arr = json_array();
    struct acl_json_stream st = {arr, issue_at, (void *)ctx};
    int rc = acl_json_dumpf_stream(arr, ctx->out, &st);

    fputc('\n', ctx->out);
    json_decref(arr);
    return rc;
}
