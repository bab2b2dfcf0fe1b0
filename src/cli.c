/*
 * cli.c - the program: options, projects, lint, report, exit status.
 * The only module that prints errors and picks the exit code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acl/cli.h"
#include "acl/discover.h"
#include "acl/engine.h"
#include "acl/jalloc.h"
#include "acl/opts.h"
#include "acl/report.h"
#include "acl/rules_doc.h"
#include "acl/version.h"

struct run {
    struct acl_opts opts;
    struct acl_found_list found;
    struct acl_project **projects;
    size_t nprojects;
    struct acl_rule_conf *confs;
    struct acl_findings findings;
};

static int
trouble(const char *what)
{
    fprintf(stderr, "agentcore-lint: %s\n", what);
    return ACL_EXIT_TROUBLE;
}

static int
apply_toggles(struct run *r, struct acl_error *err)
{
    size_t i;

    for (i = 0; i < r->opts.ntoggles; i++) {
        long k = acl_rules_find(r->opts.toggles[i].rule);

        if (k < 0)
            return acl_error_set(err, "usage: --%s: unknown rule \"%s\" (see "
                                      "agentcore-lint --list-rules)",
                                 r->opts.toggles[i].enable ? "enable"
                                                           : "disable",
                                 r->opts.toggles[i].rule);
        r->confs[k].enabled = r->opts.toggles[i].enable;
    }
    return 0;
}

static int
read_stdin(char **out, size_t *len, size_t max, struct acl_error *err)
{
    struct acl_buf b = {0};
    char chunk[65536];
    size_t n;

    acl_buf_append(&b, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        if (b.len + n > max) {
            acl_buf_free(&b);
            return acl_error_set(err, "-: standard input is larger than the "
                                      "limit of %zu MiB", max >> 20);
        }
        acl_buf_append(&b, chunk, n);
    }
    if (ferror(stdin)) {
        acl_buf_free(&b);
        return acl_error_set(err, "-: cannot read standard input");
    }
    *len = b.len;
    *out = acl_buf_steal(&b);
    return 0;
}

static void
add_project(struct run *r, struct acl_project *p)
{
    r->projects = acl_xrealloc(r->projects,
                               (r->nprojects + 1) * sizeof *r->projects);
    r->projects[r->nprojects++] = p;
}

static int
load_stdin(struct run *r, struct acl_error *err)
{
    char *data, *disp, cwd[4096];
    size_t len;
    struct acl_project *p;

    if (read_stdin(&data, &len, r->opts.max_size, err) != 0)
        return -1;
    disp = acl_display_path(getcwd(cwd, sizeof cwd) ? cwd : ".");
    p = acl_project_load_text(".", disp, r->opts.stdin_name, data, len,
                              &r->opts.prod, r->opts.max_size, err);
    free(disp);
    if (p == NULL)
        return -1;
    add_project(r, p);
    return 0;
}

static int
load_projects(struct run *r, struct acl_error *err)
{
    size_t i;
    int use_stdin = 0;
    char *dot[] = {"."};
    char **paths = r->opts.npaths ? r->opts.paths : dot;
    size_t npaths = r->opts.npaths ? r->opts.npaths : 1;

    for (i = 0; i < npaths; i++) {
        if (strcmp(paths[i], "-") == 0)
            use_stdin = 1;
        else if (acl_discover(paths[i], &r->found, err) != 0)
            return -1;
    }
    if (use_stdin && load_stdin(r, err) != 0)
        return -1;
    for (i = 0; i < r->found.n; i++) {
        struct acl_project *p = acl_project_load(
            r->found.items[i].root, r->found.items[i].display, &r->opts.prod,
            r->opts.max_size, err);

        if (p == NULL)
            return -1;
        add_project(r, p);
    }
    return 0;
}

static int
exit_status(const struct run *r)
{
    size_t i;

    if (r->opts.fail_on == ACL_LEVEL_NONE)
        return ACL_EXIT_OK;
    for (i = 0; i < r->findings.n; i++) {
        const struct acl_finding *f = r->findings.items[i];

        if (!f->suppressed && f->baseline != ACL_BASELINE_UNCHANGED &&
            f->level >= r->opts.fail_on)
            return ACL_EXIT_FINDINGS;
    }
    return ACL_EXIT_OK;
}

static int
write_report(struct run *r, struct acl_error *err)
{
    struct acl_report_ctx ctx;
    FILE *out = stdout;
    int rc;

    if (r->opts.output != NULL && (out = fopen(r->opts.output, "w")) == NULL)
        return acl_error_set(err, "%s: cannot write the report there",
                             r->opts.output);
    memset(&ctx, 0, sizeof ctx);
    ctx.format = r->opts.format;
    ctx.out = out;
    ctx.color = r->opts.color == ACL_COLOR_ALWAYS ||
                (r->opts.color == ACL_COLOR_AUTO && isatty(fileno(out)) &&
                 (getenv("NO_COLOR") == NULL || !*getenv("NO_COLOR")));
    ctx.quiet = r->opts.quiet;
    ctx.findings = &r->findings;
    ctx.projects = r->projects;
    ctx.nprojects = r->nprojects;
    ctx.confs = r->confs;
    rc = acl_report_write(&ctx, err);
    if (out != stdout && fclose(out) != 0 && rc == 0)
        rc = acl_error_set(err, "%s: cannot write the report there",
                           r->opts.output);
    return rc;
}

static int
lint(struct run *r, struct acl_error *err)
{
    size_t i;

    if (r->opts.config != NULL || r->opts.baseline != NULL)
        return acl_error_set(err, "usage: %s is not supported by this "
                                  "version", r->opts.config ? "--config"
                                                            : "--baseline");
    if (apply_toggles(r, err) != 0 || load_projects(r, err) != 0)
        return -1;
    for (i = 0; i < r->nprojects; i++)
        acl_engine_lint(r->projects[i], r->confs, &r->findings);
    acl_findings_sort(&r->findings);
    return write_report(r, err);
}

/* --version, --help, --list-rules, --explain: no lint. Returns -1 when
 * none of them was asked for. */
static int
info_command(const struct run *r)
{
    long k;

    if (r->opts.help)
        return fputs(acl_usage_text, stdout), ACL_EXIT_OK;
    if (r->opts.version)
        return printf("%s %s\n", ACL_NAME, ACL_VERSION), ACL_EXIT_OK;
    if (r->opts.list_rules)
        return acl_rules_list(stdout, r->opts.format == ACL_FMT_JSON);
    if (r->opts.explain == NULL)
        return -1;
    if ((k = acl_rules_find(r->opts.explain)) < 0) {
        fprintf(stderr, "agentcore-lint: --explain: unknown rule \"%s\" (see "
                        "agentcore-lint --list-rules)\n", r->opts.explain);
        return ACL_EXIT_TROUBLE;
    }
    return acl_rules_explain(stdout, acl_rules_at((size_t)k));
}

static void
run_free(struct run *r)
{
    size_t i;

    for (i = 0; i < r->nprojects; i++)
        acl_project_free(r->projects[i]);
    free(r->projects);
    acl_findings_clear(&r->findings);
    acl_found_list_free(&r->found);
    free(r->confs);
    acl_opts_free(&r->opts);
}

int
acl_cli_main(int argc, char **argv)
{
    struct run r;
    struct acl_error err;
    int rc;

    memset(&r, 0, sizeof r);
    acl_jalloc_init();
    if (acl_opts_parse(argc, argv, &r.opts, &err) != 0)
        return trouble(err.text);
    r.confs = acl_xcalloc(acl_rules_count(), sizeof *r.confs);
    acl_rule_confs_default(r.confs);
    if ((rc = info_command(&r)) >= 0) {
        run_free(&r);
        return rc;
    }
    if (acl_rules_init(&err) != 0 || lint(&r, &err) != 0) {
        rc = trouble(err.text);
    } else {
        rc = exit_status(&r);
    }
    run_free(&r);
    acl_rules_fini();
    return rc;
}
