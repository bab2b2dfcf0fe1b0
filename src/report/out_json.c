/*
 * out_json.c - the machine-readable report, version 1 (agentcore-lint(1),
 * --format json).
 */
#include <string.h>

#include "report/jsonout.h"
#include "acl/report.h"
#include "acl/rule.h"
#include "report/sarif.h"
#include "acl/version.h"

static json_t *
finding_json(const struct acl_finding *f)
{
    json_t *o = json_object();

    json_object_set_new(o, "rule", json_string(f->rule->id));
    json_object_set_new(o, "name", json_string(f->rule->name));
    json_object_set_new(o, "level", json_string(acl_level_name(f->level)));
    json_object_set_new(o, "message", acl_sarif_str(f->message));
    json_object_set_new(o, "file", acl_sarif_str(f->file->display));
    if (f->pointer != NULL)
        json_object_set_new(o, "pointer", acl_sarif_str(f->pointer));
    json_object_set_new(o, "line", json_integer(f->start.line));
    json_object_set_new(o, "column", json_integer(f->start.col));
    json_object_set_new(o, "endLine", json_integer(f->end.line));
    json_object_set_new(o, "endColumn", json_integer(f->end.col));
    /* agentcore-lint(1): "suppressed" when a config entry or the baseline
     * matched. */
    if (f->suppressed || f->baseline == ACL_BASELINE_UNCHANGED)
        json_object_set_new(o, "suppressed", json_true());
    if (f->suppressed && f->justification != NULL)
        json_object_set_new(o, "justification",
                            acl_sarif_str(f->justification));
    if (f->baseline != ACL_BASELINE_NONE)
        json_object_set_new(
            o, "baselineState",
            json_string(f->baseline == ACL_BASELINE_NEW ? "new" : "unchanged"));
    json_object_set_new(o, "fingerprint", json_string(f->fingerprint));
    return o;
}

/* Per rule ID, the findings that are not accepted (--statistics). */
static json_t *
statistics_json(const struct acl_report_ctx *ctx)
{
    json_t *o = json_object();
    size_t i;

    for (i = 0; i < ctx->all->n; i++) {
        const struct acl_finding *f = ctx->all->items[i];
        json_t *c = json_object_get(o, f->rule->id);

        if (acl_finding_accepted(f))
            continue;
        json_object_set_new(o, f->rule->id,
                            json_integer(c ? json_integer_value(c) + 1 : 1));
    }
    return o;
}

static json_t *
summary_json(const struct acl_report_ctx *ctx)
{
    json_t *s = json_object();
    size_t i, counts[4] = {0}, suppressed = 0, baselined = 0;

    for (i = 0; i < ctx->findings->n; i++) {
        const struct acl_finding *f = ctx->findings->items[i];

        if (acl_finding_accepted(f))
            suppressed++;
        else
            counts[f->level & 3]++;
        if (!f->suppressed && acl_finding_accepted(f))
            baselined++;
    }
    json_object_set_new(s, "errors",
                        json_integer((json_int_t)counts[ACL_ERROR]));
    json_object_set_new(s, "warnings",
                        json_integer((json_int_t)counts[ACL_WARNING]));
    json_object_set_new(s, "notes", json_integer((json_int_t)counts[ACL_NOTE]));
    /* suppressed: every accepted finding; baselined: those the baseline
     * accepted (the others an ignore entry did). */
    json_object_set_new(s, "suppressed", json_integer((json_int_t)suppressed));
    json_object_set_new(s, "baselined", json_integer((json_int_t)baselined));
    json_object_set_new(s, "projects",
                        json_integer((json_int_t)ctx->nprojects));
    if (ctx->statistics)
        json_object_set_new(s, "rules", statistics_json(ctx));
    return s;
}

/* The findings one by one, as the writer asks for them. */
static json_t *
finding_at(void *arg, size_t i)
{
    const struct acl_report_ctx *ctx = arg;

    return i < ctx->findings->n ? finding_json(ctx->findings->items[i]) : NULL;
}

int
acl_report_json(const struct acl_report_ctx *ctx)
{
    json_t *root = json_object(), *tool = json_object(), *arr = json_array();
    struct acl_json_stream st = {arr, finding_at, (void *)ctx};
    int rc;

    json_object_set_new(root, "version", json_integer(1));
    json_object_set_new(tool, "name", json_string(ACL_NAME));
    json_object_set_new(tool, "version", json_string(ACL_VERSION));
    json_object_set_new(root, "tool", tool);
    json_object_set_new(root, "findings", arr);
    json_object_set_new(root, "summary", summary_json(ctx));
    rc = acl_json_dumpf_stream(root, ctx->out, &st);
    fputc('\n', ctx->out);
    json_decref(root);
    return rc;
}
