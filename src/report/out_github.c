/*
 * out_github.c - GitHub Actions workflow commands (::error ...::).
 *
 * Everything taken from a linted file is escaped so that it cannot end
 * our command or start one of its own: in the message %, CR and LF; in
 * properties also ':' and ','. Other control characters are escaped
 * too, so the log stays readable.
 */
#include <string.h>

#include "acl/report.h"
#include "acl/report_util.h"
#include "acl/rule.h"

static void
put_escaped(struct acl_buf *b, const char *s, int property)
{
    struct acl_buf tmp = {0};
    size_t i;

    /* Escape controls first, then the workflow-command specials. */
    acl_escape_str(s, &tmp);
    for (i = 0; i < tmp.len; i++) {
        char c = tmp.data[i];

        if (c == '%')
            acl_buf_puts(b, "%25");
        else if (property && c == ':')
            acl_buf_puts(b, "%3A");
        else if (property && c == ',')
            acl_buf_puts(b, "%2C");
        else
            acl_buf_putc(b, c);
    }
    acl_buf_free(&tmp);
}

static const char *
command(enum acl_level l)
{
    return l == ACL_ERROR ? "error" : l == ACL_WARNING ? "warning" : "notice";
}

static void
line(const struct acl_finding *f, struct acl_buf *b)
{
    struct acl_buf title = {0};

    acl_buf_printf(b, "::%s file=", command(f->level));
    put_escaped(b, f->file->display, 1);
    acl_buf_printf(b, ",line=%u,col=%u,endLine=%u,endColumn=%u,title=",
                   f->start.line, f->start.col, f->end.line, f->end.col);
    acl_buf_printf(&title, "%s %s", f->rule->id, f->rule->name);
    put_escaped(b, title.data, 1);
    acl_buf_puts(b, "::");
    put_escaped(b, f->message, 0);
    acl_buf_printf(b, "%s\n", acl_report_mark(f));
    acl_buf_free(&title);
}

int
acl_report_github(const struct acl_report_ctx *ctx)
{
    return acl_report_lines(ctx, line);
}
