/*
 * out_gcc.c - one line per finding, as compilers print them, for
 * editors' quickfix lists: FILE:LINE:COL: LEVEL: MESSAGE [ID].
 * Suppressed findings are left out, as in the github format: an editor
 * would otherwise jump to problems the project has accepted.
 */
#include "acl/report.h"
#include "acl/report_util.h"
#include "acl/rule.h"

int
acl_report_gcc(const struct acl_report_ctx *ctx)
{
    struct acl_buf b = {0};
    size_t i;

    for (i = 0; i < ctx->findings->n; i++) {
        const struct acl_finding *f = ctx->findings->items[i];

        if (f->suppressed)
            continue;
        acl_buf_reset(&b);
        acl_escape_str(f->file->display, &b);
        acl_buf_printf(&b, ":%u:%u: %s: ", f->start.line, f->start.col,
                       acl_level_name(f->level));
        acl_escape_str(f->message, &b);
        acl_buf_printf(&b, " [%s]\n", f->rule->id);
        fputs(b.data, ctx->out);
    }
    acl_buf_free(&b);
    return 0;
}
