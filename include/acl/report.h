/*
 * report.h - writing findings in the output formats of agentcore-lint(1),
 * --format.
 */
#ifndef ACL_REPORT_H
#define ACL_REPORT_H

#include <stdio.h>

#include "acl/engine.h"
#include "acl/finding.h"
#include "acl/model.h"

enum acl_format {
    ACL_FMT_HUMAN = 0,
    ACL_FMT_SARIF,
    ACL_FMT_JSON,
    ACL_FMT_GCC,
    ACL_FMT_GITHUB,
    ACL_FMT_GITLAB,
    ACL_FMT_JUNIT
};

/* The --format names, in enum order (for messages and "did you mean"). */
extern const char *const acl_format_names[];
#define ACL_FORMAT_COUNT 7

/* Parses a --format value; -1 when unknown. */
int acl_format_parse(const char *s);

struct acl_report_ctx {
    enum acl_format format;
    FILE *out;
    int color;
    int quiet;
    /* The findings this format shows, sorted. acl_report_write() fills
     * it from all: accepted findings (config-ignored or baselined) only
     * with show_suppressed (the json format always lists them, marked);
     * with quiet, only findings at or above fail_on. */
    const struct acl_findings *findings;
    const struct acl_findings *all; /* every finding of the run, sorted */
    int show_suppressed;
    enum acl_level fail_on;
    int statistics; /* human: per-rule counts after the summary */
    struct acl_project *const *projects;
    size_t nprojects;
    const struct acl_rule_conf *confs; /* which rules ran */
    const struct acl_notice *notices;  /* every project's, together */
    size_t nnotices;
};

/* Writes the whole report. Returns 0, or -1 and fills err on a write
 * error. */
int acl_report_write(const struct acl_report_ctx *ctx, struct acl_error *err);

/* The formats, one per file. */
int acl_report_human(const struct acl_report_ctx *ctx);
int acl_report_gcc(const struct acl_report_ctx *ctx);
int acl_report_github(const struct acl_report_ctx *ctx);
int acl_report_json(const struct acl_report_ctx *ctx);
int acl_report_sarif(const struct acl_report_ctx *ctx);
int acl_report_gitlab(const struct acl_report_ctx *ctx);
int acl_report_junit(const struct acl_report_ctx *ctx);

/* A SARIF log of a run that could not do its job (exit status 2):
 * no results, executionSuccessful false and why, so that a CI upload
 * step still finds a valid file. Returns 0, or -1 on a write error. */
int acl_report_sarif_failed(FILE *out, const char *why);
/* The same as a JUnit report: one test in error, why as its message,
 * so that a CI's test view shows why the lint did not run. */
int acl_report_junit_failed(FILE *out, const char *why);

/* The finding's source text with the secret (if any) masked, for
 * snippets: a new string the caller frees. */
char *acl_report_snippet(const struct acl_finding *f);

#endif
