/*
 * report.c - format dispatch, and what every format shares: escaping
 * text from linted files and masking secrets in snippets.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "acl/report.h"
#include "acl/report_util.h"
#include "acl/utf8.h"

const char *const acl_format_names[] = {"human",  "sarif",  "json",  "gcc",
                                        "github", "gitlab", "junit", NULL};

int
acl_format_parse(const char *s)
{
    size_t i;

    for (i = 0; i < ACL_FORMAT_COUNT; i++)
        if (strcmp(s, acl_format_names[i]) == 0)
            return (int)i;
    return -1;
}

/* Does the format show f? Accepted findings only when asked for (a
 * viewer, an editor or code scanning would otherwise point at problems
 * the project has accepted); the json report lists every finding,
 * marked, for machines. With -q, only what would fail the run. */
static int
shown(const struct acl_report_ctx *ctx, const struct acl_finding *f)
{
    if (ctx->format == ACL_FMT_JSON)
        return 1;
    if (acl_finding_accepted(f) && !ctx->show_suppressed)
        return 0;
    return !ctx->quiet || ctx->format == ACL_FMT_SARIF ||
           f->level >= ctx->fail_on;
}

int
acl_report_write(const struct acl_report_ctx *ctx, struct acl_error *err)
{
    static int (*const writers[])(const struct acl_report_ctx *) = {
        acl_report_human,  acl_report_sarif,  acl_report_json, acl_report_gcc,
        acl_report_github, acl_report_gitlab, acl_report_junit};
    struct acl_report_ctx view = *ctx;
    struct acl_findings list = {0};
    const struct acl_findings *all = ctx->all ? ctx->all : ctx->findings;
    size_t i;
    int rc;

    view.all = all;
    list.items = acl_xcalloc(all->n + 1, sizeof *list.items);
    for (i = 0; i < all->n; i++)
        if (shown(ctx, all->items[i]))
            list.items[list.n++] = all->items[i];
    view.findings = &list;
    errno = 0;
    rc = writers[ctx->format](&view);
    free(list.items); /* the findings are borrowed */
    if (rc != 0 || fflush(ctx->out) != 0 || ferror(ctx->out))
        return acl_error_set(err, "cannot write the report: %s",
                             errno ? strerror(errno) : "write error");
    return 0;
}

/* Columns a printable character takes on a terminal: East Asian wide
 * and emoji take two, combining marks none, so carets line up. */
static size_t
columns(uint32_t cp)
{
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200D) ||
        (cp >= 0xFE00 && cp <= 0xFE0F))
        return 0;
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

size_t
acl_escape_char(const char *s, size_t n, struct acl_buf *out, size_t *width)
{
    uint32_t cp;
    size_t k = acl_utf8_strict(s, n, &cp);

    if (k == 0) { /* not UTF-8: each bad byte shown as its value */
        acl_buf_printf(out, "\\x%02X", (unsigned char)s[0]);
        *width = 4;
        return 1;
    }
    if (cp == '\t') {
        acl_buf_puts(out, "\\t");
        *width = 2;
    } else if (acl_utf8_unsafe(cp)) {
        size_t before = out->len;

        acl_buf_printf(out, cp < 0x100 ? "\\x%02lX" : "\\u{%04lX}",
                       (unsigned long)cp);
        *width = out->len - before;
    } else {
        acl_buf_append(out, s, k);
        *width = columns(cp);
    }
    return k;
}

void
acl_escape_text(const char *s, size_t n, struct acl_buf *out)
{
    size_t i = 0, w;

    acl_buf_append(out, "", 0);
    while (i < n)
        i += acl_escape_char(s + i, n - i, out, &w);
}

void
acl_escape_str(const char *s, struct acl_buf *out)
{
    acl_escape_text(s, strlen(s), out);
}

void
acl_escape_line_head(const char *s, struct acl_buf *out)
{
    if (s[0] == ':' && s[1] == ':') {
        acl_buf_puts(out, "\\x3A");
        s++;
    }
    acl_escape_str(s, out);
}

void
acl_secret_range(const struct acl_finding *f, size_t *start, size_t *end)
{
    const char *d = f->file->data;
    size_t s = f->span.start, e = f->span.end, keep = 0;

    if (e - s >= 2 && d[s] == '"' && d[e - 1] == '"') {
        s++;
        e--;
    }
    /* Keep the first four characters visible, mask the rest. */
    while (s < e && keep < 4) {
        uint32_t cp;

        s += acl_utf8_lenient(d + s, e - s, &cp);
        keep++;
    }
    *start = s < e ? s : e;
    *end = e;
}

size_t
acl_report_hidden_end(const struct acl_finding *f, size_t offset)
{
    size_t ms = 0, me = 0, end = acl_text_hidden_end(f->file, offset);

    if (f->secret)
        acl_secret_range(f, &ms, &me);
    if (offset >= ms && offset < me && me > end)
        end = me;
    return end;
}

const char *
acl_report_mark(const struct acl_finding *f)
{
    return f->suppressed             ? " (suppressed)"
           : acl_finding_accepted(f) ? " (baselined)"
                                     : "";
}

int
acl_report_lines(const struct acl_report_ctx *ctx,
                 void (*line)(const struct acl_finding *f, struct acl_buf *b))
{
    struct acl_buf b = {0};
    size_t i;

    for (i = 0; i < ctx->findings->n; i++) {
        const struct acl_finding *f = ctx->findings->items[i];

        acl_buf_reset(&b);
        line(f, &b);
        fputs(b.data, ctx->out);
    }
    acl_buf_free(&b);
    return 0;
}

char *
acl_report_snippet(const struct acl_finding *f)
{
    struct acl_buf b = {0};
    const char *d = f->file->data;
    size_t i = f->span.start;

    acl_buf_append(&b, "", 0);
    while (i < f->span.end) {
        /* Any finding's secret in the span, not only f's own. */
        size_t me = acl_report_hidden_end(f, i);

        if (me > i) {
            acl_buf_puts(&b, "****");
            i = me;
            continue;
        }
        acl_buf_putc(&b, d[i++]);
    }
    return acl_buf_steal(&b);
}
