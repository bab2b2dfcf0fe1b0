/*
 * out_human.c - the terminal report: location, message, the source
 * line with the span underlined, a help line, and a summary.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/report.h"
#include "acl/report_util.h"
#include "acl/engine.h"
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
        s.level = l == ACL_ERROR     ? "\033[1;31m"
                  : l == ACL_WARNING ? "\033[1;33m"
                                     : "\033[1;36m";
        s.caret = "\033[1;32m";
        s.reset = "\033[0m";
    }
    return s;
}

/* Long lines (minified JSON) are cropped to this many characters
 * around the span, with some context on either side. */
#define MAX_LINE_CHARS 160
#define CONTEXT_CHARS 40

static size_t
char_back(const char *s, size_t pos, size_t n)
{
    while (pos > 0 && n > 0) {
        pos--;
        if (((unsigned char)s[pos] & 0xC0) != 0x80)
            n--;
    }
    return pos;
}

static size_t
char_fwd(const char *s, size_t len, size_t pos, size_t n)
{
    while (pos < len && n > 0) {
        pos++;
        if (pos == len || ((unsigned char)s[pos] & 0xC0) != 0x80)
            n--;
    }
    return pos;
}

/* The byte window [*lo, *hi) of a line to show: all of it when short,
 * else the span's part with CONTEXT_CHARS on each side. */
static void
line_window(const struct acl_finding *f, const char *line, size_t len,
            size_t base, size_t *lo, size_t *hi)
{
    size_t s = f->span.start > base ? f->span.start - base : 0;
    size_t e = f->span.end > base ? f->span.end - base : 0;

    *lo = 0;
    *hi = len;
    if (char_fwd(line, len, 0, MAX_LINE_CHARS) == len)
        return;
    s = s < len ? s : len;
    e = e < len ? e : len;
    *lo = char_back(line, s, CONTEXT_CHARS);
    *hi = char_fwd(line, len, e > s ? e : s, CONTEXT_CHARS);
    if (char_fwd(line, len, *lo, MAX_LINE_CHARS) < *hi)
        *hi = char_fwd(line, len, *lo, MAX_LINE_CHARS);
}

/* Appends one character of the line at i to text (escaped, a tab as
 * spaces, a secret as ****); *w gets its columns. Returns the bytes
 * consumed. */
static size_t
render_char(const struct acl_finding *f, const char *line, size_t i, size_t hi,
            size_t off, struct acl_buf *text, size_t *w)
{
    /* Any finding's secret on this line, not only f's own. */
    size_t me = acl_report_hidden_end(f, off);

    if (me > off) {
        acl_buf_puts(text, "****");
        *w = 4;
        return me - off < hi - i ? me - off : hi - i;
    }
    if (line[i] == '\t') {
        acl_buf_puts(text, "    ");
        *w = 4;
        return 1;
    }
    return acl_escape_char(line + i, hi - i, text, w);
}

/* Renders line n of f's file into text, escaped and with the secret
 * masked, and marks the columns the span covers in mark. */
static void
render_line(const struct acl_finding *f, unsigned n, struct acl_buf *text,
            struct acl_buf *mark)
{
    size_t len, i, lo, hi, w, k;
    const char *line = acl_text_line(f->file, n, &len);
    size_t base = (size_t)(line - f->file->data);
    int empty = f->span.start == f->span.end;
    size_t lead = strspn(line, " \t");

    /* A span's later lines are underlined from their first non-blank
     * character, not from the indentation. */
    if (base <= f->span.start || lead > len)
        lead = 0;
    line_window(f, line, len, base, &lo, &hi);
    acl_buf_puts(text, lo > 0 ? "..." : "");
    acl_buf_puts(mark, lo > 0 ? "   " : "");
    for (i = lo; i < hi; i += k) {
        size_t off = base + i;
        int in = off >= f->span.start && off < f->span.end && i >= lead;

        k = render_char(f, line, i, hi, off, text, &w);
        if ((empty || in) && off == f->span.start) {
            acl_buf_putc(mark, '^');
            w = w > 0 ? w - 1 : 0;
        }
        while (w-- > 0)
            acl_buf_putc(mark, in ? '~' : ' ');
    }
    if (hi < len)
        acl_buf_puts(text, "...");
    /* An empty span at the end of the line still gets a caret. */
    if (empty && f->span.start == base + hi)
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
        acl_buf_append(&text, "", 0);
        acl_buf_append(&mark, "", 0);
        render_line(f, n, &text, &mark);
        fprintf(ctx->out, "%5u |%s%s\n", n, text.len > 0 ? " " : "", text.data);
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

    acl_escape_line_head(f->file->display, &b);
    fprintf(ctx->out, "%s%s:%u:%u:%s %s%s:%s ", st.bold, b.data, f->start.line,
            f->start.col, st.reset, st.level, acl_level_name(f->level),
            st.reset);
    acl_buf_reset(&b);
    acl_escape_str(f->message, &b);
    fprintf(ctx->out, "%s%s%s [%s %s]%s\n", st.bold, b.data, st.reset,
            f->rule->id, f->rule->name, acl_report_mark(f));
    print_snippet(ctx, f, &st);
    /* A finding's own help may quote names from the linted files. */
    if (help != NULL) {
        acl_buf_reset(&b);
        acl_escape_str(help, &b);
        fprintf(ctx->out, "   = help: %s\n", b.data);
    }
    if (f->suppressed && f->justification != NULL) {
        acl_buf_reset(&b);
        acl_escape_str(f->justification, &b);
        fprintf(ctx->out, "   = suppressed: %s\n", b.data);
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
    size_t counts[4] = {0}, baselined = 0, ignored = 0, i;
    struct acl_buf b = {0};

    for (i = 0; i < ctx->all->n; i++) {
        const struct acl_finding *f = ctx->all->items[i];

        if (f->suppressed)
            ignored++;
        else if (acl_finding_accepted(f))
            baselined++;
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
    /* Accepted findings are counted apart: they do not fail the run. */
    if (baselined)
        acl_buf_printf(&b, "; %zu baselined", baselined);
    if (ignored)
        acl_buf_printf(&b, "%s %zu ignored", baselined ? "," : ";", ignored);
    fprintf(ctx->out, "%s\n", b.data);
    acl_buf_free(&b);
}

/* --statistics: how many findings each rule made (accepted ones
 * apart), in rule order. */
static void
print_statistics(const struct acl_report_ctx *ctx)
{
    size_t n = acl_rules_count(), i;
    size_t *open = acl_xcalloc(n + 1, sizeof *open);
    size_t *accepted = acl_xcalloc(n + 1, sizeof *accepted);

    for (i = 0; i < ctx->all->n; i++) {
        const struct acl_finding *f = ctx->all->items[i];
        long k = acl_rules_find(f->rule->id);

        if (k >= 0)
            (acl_finding_accepted(f) ? accepted : open)[k]++;
    }
    for (i = 0; i < n; i++) {
        const struct acl_rule *r = acl_rules_at(i);

        if (open[i] + accepted[i] == 0)
            continue;
        fprintf(ctx->out, "%6zu  %s %s", open[i], r->id, r->name);
        if (accepted[i])
            fprintf(ctx->out, " (%zu accepted)", accepted[i]);
        fputc('\n', ctx->out);
    }
    free(open);
    free(accepted);
}

/* Files the run could not read: the lint is incomplete without them. */
static void
print_notices(const struct acl_report_ctx *ctx)
{
    struct acl_buf b = {0};
    size_t i;

    for (i = 0; i < ctx->nnotices; i++) {
        acl_buf_reset(&b);
        acl_escape_line_head(ctx->notices[i].file, &b);
        acl_buf_puts(&b, ": note: ");
        acl_escape_str(ctx->notices[i].text, &b);
        fprintf(ctx->out, "%s\n", b.data);
    }
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
    if (!ctx->quiet && ctx->findings->n > 0)
        fputc('\n', ctx->out);
    if (!ctx->quiet)
        print_notices(ctx);
    if (ctx->statistics)
        print_statistics(ctx);
    if (!ctx->quiet)
        print_summary(ctx);
    return 0;
}
