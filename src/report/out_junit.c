/*
 * out_junit.c - JUnit XML, as CI systems read test reports: one
 * testsuite per file with findings (per project when a project has
 * none), one testcase per finding. A finding at or above --fail-on is
 * a <failure>; one below it passes, its message in <system-out>; an
 * accepted one shown with --show-suppressed is <skipped>.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/report.h"
#include "acl/report_util.h"
#include "acl/rule.h"

/* s escaped for XML text and attributes: controls first (XML 1.0
 * cannot hold most of them), then the markup characters. */
static void
put_xml(FILE *out, const char *s)
{
    struct acl_buf b = {0};
    size_t i;

    acl_escape_str(s, &b);
    for (i = 0; i < b.len; i++) {
        char c = b.data[i];

        if (c == '&')
            fputs("&amp;", out);
        else if (c == '<')
            fputs("&lt;", out);
        else if (c == '>')
            fputs("&gt;", out);
        else if (c == '"')
            fputs("&quot;", out);
        else
            fputc(c, out);
    }
    acl_buf_free(&b);
}

static int
fails(const struct acl_report_ctx *ctx, const struct acl_finding *f)
{
    return !acl_finding_accepted(f) && ctx->fail_on != ACL_LEVEL_NONE &&
           f->level >= ctx->fail_on;
}

static void
testcase(const struct acl_report_ctx *ctx, const struct acl_finding *f)
{
    FILE *out = ctx->out;

    fprintf(out, "    <testcase classname=\"");
    put_xml(out, f->file->display);
    fprintf(out, "\" name=\"%s %s at %u:%u\">\n", f->rule->id, f->rule->name,
            f->start.line, f->start.col);
    if (acl_finding_accepted(f)) {
        fputs("      <skipped message=\"", out);
        put_xml(out, f->justification ? f->justification : "baselined");
        fputs("\"/>\n", out);
    } else if (fails(ctx, f)) {
        fprintf(out, "      <failure type=\"%s\" message=\"",
                acl_level_name(f->level));
        put_xml(out, f->message);
        fputs("\">", out);
        put_xml(out, f->file->display);
        fprintf(out, ":%u:%u: %s: ", f->start.line, f->start.col,
                acl_level_name(f->level));
        put_xml(out, f->message);
        fprintf(out, " [%s]</failure>\n", f->rule->id);
    } else {
        fprintf(out, "      <system-out>%s: ", acl_level_name(f->level));
        put_xml(out, f->message);
        fputs("</system-out>\n", out);
    }
    fputs("    </testcase>\n", out);
}

/* The findings [lo, hi) of one file. */
static void
file_suite(const struct acl_report_ctx *ctx, size_t lo, size_t hi)
{
    size_t i, nfail = 0, nskip = 0;

    for (i = lo; i < hi; i++) {
        nfail += fails(ctx, ctx->findings->items[i]);
        nskip += acl_finding_accepted(ctx->findings->items[i]);
    }
    fputs("  <testsuite name=\"", ctx->out);
    put_xml(ctx->out, ctx->findings->items[lo]->file->display);
    fprintf(ctx->out,
            "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
            "skipped=\"%zu\">\n",
            hi - lo, nfail, nskip);
    for (i = lo; i < hi; i++)
        testcase(ctx, ctx->findings->items[i]);
    fputs("  </testsuite>\n", ctx->out);
}

/* A clean run still reports one passing test per project. */
static void
clean_suites(const struct acl_report_ctx *ctx)
{
    size_t i;

    for (i = 0; i < ctx->nprojects; i++) {
        const char *d = ctx->projects ? ctx->projects[i]->files.display : ".";

        fputs("  <testsuite name=\"", ctx->out);
        put_xml(ctx->out, d[0] ? d : ".");
        fputs("\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
              "    <testcase classname=\"",
              ctx->out);
        put_xml(ctx->out, d[0] ? d : ".");
        fputs("\" name=\"agentcore-lint\"/>\n  </testsuite>\n", ctx->out);
    }
}

int
acl_report_junit(const struct acl_report_ctx *ctx)
{
    size_t i, lo, nfail = 0, n = ctx->findings->n;

    for (i = 0; i < n; i++)
        nfail += fails(ctx, ctx->findings->items[i]);
    fprintf(ctx->out,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"agentcore-lint\" tests=\"%zu\" "
            "failures=\"%zu\">\n",
            n ? n : ctx->nprojects, nfail);
    if (n == 0)
        clean_suites(ctx);
    for (lo = 0; lo < n; lo = i) {
        for (i = lo; i < n && ctx->findings->items[i]->file ==
                                  ctx->findings->items[lo]->file;
             i++)
            ;
        file_suite(ctx, lo, i);
    }
    fputs("</testsuites>\n", ctx->out);
    return 0;
}

int
acl_report_junit_failed(FILE *out, const char *why)
{
    fputs(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"agentcore-lint\" tests=\"1\" failures=\"0\" "
        "errors=\"1\">\n"
        "  <testsuite name=\"agentcore-lint\" tests=\"1\" failures=\"0\" "
        "errors=\"1\" skipped=\"0\">\n"
        "    <testcase classname=\"agentcore-lint\" name=\"agentcore-lint\">\n"
        "      <error type=\"exit status 2\" message=\"",
        out);
    put_xml(out, why);
    fputs("\"/>\n    </testcase>\n  </testsuite>\n</testsuites>\n", out);
    return fflush(out) != 0 || ferror(out) ? -1 : 0;
}
