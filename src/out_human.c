/*
 * out_human.c - the terminal report: location, message, the source
 * line with the span underlined, a help line, and a summary.
 */
#include <string.h>

#include "acl/report.h"
#include "acl/report_util.h"
#include "acl/rule.h"

#define MAX_SNIPPET_LINES 4

struct style {
    const char *bold, *level, *caret, *reset;
};

static struct style
style_for(const struct acl_report_ctx *ctx, enum acl_level l)
{
    struct style s = {"", "", "", ""};

    if (ctx->color) {
        s.bold = "\033[1m";
        s.level = l == ACL_ERROR ? "\033[1;31m"
                  : l == ACL_WARNING ? "\033[1;33m" : "\033[1;36m";
        s.caret = "\033[1;32m";
        s.reset = "\033[0m";
    }
    return s;
}

/* Renders line n of f's file into text, escaped and with the secret
 * masked, and marks the columns the span covers in mark. */
static void
render_line(const struct acl_finding *f, unsigned n, struct acl_buf *text,
            struct acl_buf *mark)
{
    size_t len, i = 0, ms = 0, me = 0, w;
    const char *line = acl_text_line(f->file, n, &len);
    size_t base = (size_t)(line - f->file->data);

    if (f->secret)
        acl_secret_range(f, &ms, &me);
    acl_buf_append(text, "", 0);
    acl_buf_append(mark, "", 0);
    while (i < len) {
        size_t off = base + i, k;
        int in = off >= f->span.start && off < f->span.end;

        if (off >= ms && off < me) {
            acl_buf_puts(text, "****");
            w = 4;
            k = me - off < len - i ? me - off : len - i;
        } else {
            k = acl_escape_char(line + i, len - i, text, &w);
        }
        while (w-- > 0)
            acl_buf_putc(mark, in ? (off == f->span.start ? '^' : '~') : ' ');
        i += k;
    }
    /* An empty span (end of file) still gets a caret. */
    if (f->span.start == f->span.end && f->span.start == base + len)
        acl_buf_putc(mark, '^');
    while (mark->len > 0 && mark->data[mark->len - 1] == ' ')
        mark->data[--mark->len] = '\0';
}

static void
print_snippet(const struct acl_report_ctx *ctx, const struct acl_finding *f,
              const struct style *st)
{
    struct acl_buf text = {0}, mark = {0};
    unsigned n, last = f->end.line;

    /* A span ending at a line start does not reach into that line. */
    if (last > f->start.line && f->end.col == 1)
        last--;
    for (n = f->start.line; n <= last; n++) {
        if (n - f->start.line == MAX_SNIPPET_LINES) {
            fprintf(ctx->out, "      | ...\n");
            break;
        }
        acl_buf_reset(&text);
        acl_buf_reset(&mark);
        render_line(f, n, &text, &mark);
        fprintf(ctx->out, "%5u | %s\n", n, text.data);
        if (mark.len > 0)
            fprintf(ctx->out, "      | %s%s%s\n", st->caret, mark.data,
                    st->reset);
    }
    acl_buf_free(&text);
    acl_buf_free(&mark);
}

static void
print_finding(const struct acl_report_ctx *ctx, const struct acl_finding *f)
{
    struct style st = style_for(ctx, f->level);
    struct acl_buf b = {0};
    const char *help = f->help ? f->help : f->rule->help;

    acl_escape_str(f->file->display, &b);
    fprintf(ctx->out, "%s%s:%u:%u:%s %s%s:%s ", st.bold, b.data, f->start.line,
            f->start.col, st.reset, st.level, acl_level_name(f->level),
            st.reset);
    acl_buf_reset(&b);
    acl_escape_str(f->message, &b);
    fprintf(ctx->out, "%s%s%s [%s %s]%s\n", st.bold, b.data, st.reset,
            f->rule->id, f->rule->name, f->suppressed ? " (suppressed)" : "");
    print_snippet(ctx, f, &st);
    if (help != NULL)
        fprintf(ctx->out, "      = help: %s\n", help);
    if (f->suppressed && f->justification != NULL) {
        acl_buf_reset(&b);
        acl_escape_str(f->justification, &b);
        fprintf(ctx->out, "      = suppressed: %s\n", b.data);
    }
    acl_buf_free(&b);
}

static void
count_part(struct acl_buf *b, size_t n, const char *word)
{
    if (b->len > 0)
        acl_buf_puts(b, ", ");
    acl_buf_printf(b, "%zu %s%s", n, word, n == 1 ? "" : "s");
}

static void
print_summary(const struct acl_report_ctx *ctx)
{
    size_t counts[4] = {0}, suppressed = 0, i;
    struct acl_buf b = {0};

    for (i = 0; i < ctx->findings->n; i++) {
        const struct acl_finding *f = ctx->findings->items[i];

        if (f->suppressed)
            suppressed++;
        else
            counts[f->level & 3]++;
    }
    if (counts[ACL_ERROR] + counts[ACL_WARNING] + counts[ACL_NOTE] == 0)
        acl_buf_puts(&b, "no problems");
    if (counts[ACL_ERROR])
        count_part(&b, counts[ACL_ERROR], "error");
    if (counts[ACL_WARNING])
        count_part(&b, counts[ACL_WARNING], "warning");
    if (counts[ACL_NOTE])
        count_part(&b, counts[ACL_NOTE], "note");
    acl_buf_printf(&b, " in %zu project%s", ctx->nprojects,
                   ctx->nprojects == 1 ? "" : "s");
    if (suppressed)
        acl_buf_printf(&b, " (%zu suppressed)", suppressed);
    fprintf(ctx->out, "%s\n", b.data);
    acl_buf_free(&b);
}

int
acl_report_human(const struct acl_report_ctx *ctx)
{
    size_t i;

    for (i = 0; i < ctx->findings->n; i++) {
        if (i > 0)
            fputc('\n', ctx->out);
        print_finding(ctx, ctx->findings->items[i]);
    }
    if (!ctx->quiet) {
        if (ctx->findings->n > 0)
            fputc('\n', ctx->out);
        print_summary(ctx);
    }
    return 0;
}
