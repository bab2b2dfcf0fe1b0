/*
 * out_sarif.c - SARIF 2.1.0 (placeholder until the full writer lands).
 */
#include "acl/report.h"

int
acl_report_sarif(const struct acl_report_ctx *ctx)
{
    fputs("{\"version\":\"2.1.0\",\"runs\":[]}\n", ctx->out);
    return 0;
}
