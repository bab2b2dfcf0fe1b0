/*
 * out_gcc.c - one line per finding, as compilers print them, for
 * editors' quickfix lists: FILE:LINE:COL: LEVEL: MESSAGE [ID].
 * Accepted findings are left out (report.c), as in the github format:
 * an editor would otherwise jump to problems the project has accepted.
 * --show-suppressed lists them, marked as the human format marks them.
 */
#include "acl/report.h"
#include "acl/report_util.h"
#include "acl/rule.h"

static void
line(const struct acl_finding *f, struct acl_buf *b)
{
    acl_escape_line_head(f->file->display, b);
    acl_buf_printf(b, ":%u:%u: %s: ", f->start.line, f->start.col,
                   acl_level_name(f->level));
    acl_escape_str(f->message, b);
    acl_buf_printf(b, " [%s]%s\n", f->rule->id, acl_report_mark(f));
}

int
acl_report_gcc(const struct acl_report_ctx *ctx)
{
    return acl_report_lines(ctx, line);
}
