/*
 * cli.c - the program: options, projects, lint, report, exit status.
 * The only module that prints errors and picks the exit code.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acl/baseline.h"
#include "acl/cli.h"
#include "acl/config.h"
#include "acl/discover.h"
#include "acl/engine.h"
#include "acl/file.h"
#include "acl/jalloc.h"
#include "acl/opts.h"
#include "acl/report.h"
#include "acl/report_util.h"
#include "acl/rules_doc.h"
#include "acl/version.h"

/* A config file and the first project linted with it (its unused
 * ignore entries are filed under that project). */
struct cfg_use {
    struct acl_config *cfg;
    const struct acl_project *first;
};

struct run {
    struct acl_opts opts;
    struct acl_found_list found;
    struct acl_project **projects;
    size_t nprojects;
    struct acl_rule_conf *confs; /* every rule that ran in some project */
    struct cfg_use *cfgs;        /* cfgs[0] is --config FILE when given */
    size_t ncfgs;
    struct acl_baseline *baseline;
    struct acl_findings findings;
};

/* Every error line goes out through here, escaped: paths, names and
 * config members in it come from files a stranger may have written, and
 * a raw ESC, CR or LF would steer the terminal or start a line a CI
 * runner reads as a command (GitHub's "::error::"). */
static int
trouble(const char *what)
{
    struct acl_buf b = {0};

    acl_buf_puts(&b, "agentcore-lint: ");
    acl_escape_str(what, &b);
    acl_buf_putc(&b, '\n');
    fputs(b.data, stderr);
    acl_buf_free(&b);
    return ACL_EXIT_TROUBLE;
}

static const char *
toggle_option(int enable)
{
    return enable == ACL_TOGGLE_SELECT ? "select"
           : enable                    ? "enable"
                                       : "disable";
}

static int
check_toggles(const struct run *r, struct acl_error *err)
{
    size_t i;

    for (i = 0; i < r->opts.ntoggles; i++)
        if (acl_rules_find(r->opts.toggles[i].rule) < 0)
            return acl_error_set(err, "usage: --%s: unknown rule \"%s\" (see "
                                      "agentcore-lint --list-rules)",
                                 toggle_option(r->opts.toggles[i].enable),
                                 r->opts.toggles[i].rule);
    return 0;
}

/* The rule settings of a project: the defaults, then the config file,
 * then --select (only those), then --enable/--disable, which win. A new
 * array the caller frees. */
static struct acl_rule_conf *
make_confs(const struct run *r, const struct acl_config *cfg)
{
    struct acl_rule_conf *confs =
        acl_xcalloc(acl_rules_count() + 1, sizeof *confs);
    size_t i, n = acl_rules_count();
    int selecting = 0;

    acl_rule_confs_default(confs);
    acl_config_rules(cfg, confs);
    for (i = 0; i < r->opts.ntoggles; i++)
        selecting |= r->opts.toggles[i].enable == ACL_TOGGLE_SELECT;
    for (i = 0; selecting && i < n; i++)
        confs[i].enabled = 0;
    for (i = 0; i < r->opts.ntoggles; i++)
        if (r->opts.toggles[i].enable == ACL_TOGGLE_SELECT)
            confs[acl_rules_find(r->opts.toggles[i].rule)].enabled = 1;
    for (i = 0; i < r->opts.ntoggles; i++)
        if (r->opts.toggles[i].enable != ACL_TOGGLE_SELECT)
            confs[acl_rules_find(r->opts.toggles[i].rule)].enabled =
                r->opts.toggles[i].enable;
    return confs;
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

static struct cfg_use *
add_cfg(struct run *r, struct acl_config *cfg)
{
    r->cfgs = acl_xrealloc(r->cfgs, (r->ncfgs + 1) * sizeof *r->cfgs);
    r->cfgs[r->ncfgs].cfg = cfg;
    r->cfgs[r->ncfgs].first = NULL;
    return &r->cfgs[r->ncfgs++];
}

static char *
join(const char *dir, const char *rel)
{
    if (dir[0] == '\0' || strcmp(dir, ".") == 0)
        return acl_xstrdup(rel);
    return acl_xasprintf("%s%s%s", dir,
                         dir[strlen(dir) - 1] == '/' ? "" : "/", rel);
}

/* The config of the project at root: --config FILE, none with
 * --no-config, else the project's own .agentcore-lint.json if any.
 * *use is NULL when there is none. */
static int
config_for(struct run *r, const char *root, const char *display,
           struct cfg_use **use, struct acl_error *err)
{
    char *path, *disp, *real;
    struct acl_config *cfg;
    int rc;

    *use = NULL;
    if (r->opts.no_config)
        return 0;
    if (r->opts.config != NULL) {
        *use = &r->cfgs[0];
        return 0;
    }
    path = join(root, ACL_CONFIG_FILE);
    disp = join(display, ACL_CONFIG_FILE);
    real = realpath(root, NULL);
    rc = acl_config_load_in(real != NULL ? real : root, path, disp,
                            r->opts.max_size, &cfg, err);
    free(real);
    if (rc == 0 && cfg != NULL)
        *use = add_cfg(r, cfg);
    free(path);
    free(disp);
    return rc;
}

/* Loads one project (from root, or from data: standard input, taken
 * over), lints it with its config and records what ran. */
static int
lint_project(struct run *r, const char *root, const char *display,
             char *data, size_t len, struct acl_error *err)
{
    struct cfg_use *use;
    struct acl_config *cfg;
    struct acl_prod_opts prod;
    struct acl_project *p;
    struct acl_rule_conf *confs;
    size_t first = r->findings.n, k;

    if (config_for(r, root, display, &use, err) != 0) {
        free(data);
        return -1;
    }
    cfg = use != NULL ? use->cfg : NULL;
    acl_config_prod(cfg, &r->opts.prod, &prod);
    p = data != NULL ? acl_project_load_text(root, display, r->opts.stdin_name,
                                             data, len, &prod,
                                             r->opts.max_size, err)
                     : acl_project_load(root, display, &prod,
                                        r->opts.max_size, err);
    if (p == NULL)
        return -1;
    add_project(r, p);
    if (use != NULL && use->first == NULL)
        use->first = p;
    confs = make_confs(r, cfg);
    acl_engine_lint(p, confs, &r->findings);
    acl_config_suppress(cfg, confs, &r->findings, first);
    for (k = 0; k < acl_rules_count(); k++)
        if (confs[k].enabled && !r->confs[k].enabled)
            r->confs[k] = confs[k];
    free(confs);
    return 0;
}

static int
lint_stdin(struct run *r, struct acl_error *err)
{
    char *data, *disp, cwd[4096];
    size_t len;
    int rc;

    if (read_stdin(&data, &len, r->opts.max_size, err) != 0)
        return -1;
    disp = acl_display_path(getcwd(cwd, sizeof cwd) ? cwd : ".");
    rc = lint_project(r, ".", disp, data, len, err);
    free(disp);
    return rc;
}

static int
lint_projects(struct run *r, struct acl_error *err)
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
    if (use_stdin && lint_stdin(r, err) != 0)
        return -1;
    for (i = 0; i < r->found.n; i++)
        if (lint_project(r, r->found.items[i].root,
                         r->found.items[i].display, NULL, 0, err) != 0)
            return -1;
    return 0;
}

/* Notes for ignore entries that matched nothing in any project. */
static void
report_unused(struct run *r)
{
    size_t i;

    for (i = 0; i < r->ncfgs; i++) {
        struct acl_rule_conf *confs;

        if (r->cfgs[i].first == NULL)
            continue;
        confs = make_confs(r, r->cfgs[i].cfg);
        acl_config_unused(r->cfgs[i].cfg, r->cfgs[i].first, confs,
                          &r->findings);
        free(confs);
    }
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

/* Every project's notices in one array (borrowed strings); the caller
 * frees the array. */
static struct acl_notice *
all_notices(const struct run *r, size_t *n)
{
    struct acl_notice *all;
    size_t i, k;

    *n = 0;
    for (i = 0; i < r->nprojects; i++)
        *n += r->projects[i]->nnotices;
    all = acl_xcalloc(*n + 1, sizeof *all);
    *n = 0;
    for (i = 0; i < r->nprojects; i++)
        for (k = 0; k < r->projects[i]->nnotices; k++)
            all[(*n)++] = r->projects[i]->notices[k];
    return all;
}

/* The report in the chosen format, to out. */
static int
render_report(struct run *r, FILE *out, int color, struct acl_error *err)
{
    struct acl_report_ctx ctx;
    struct acl_notice *notices;
    int rc;

    memset(&ctx, 0, sizeof ctx);
    ctx.format = r->opts.format;
    ctx.out = out;
    ctx.color = color;
    ctx.quiet = r->opts.quiet;
    ctx.findings = &r->findings;
    ctx.projects = r->projects;
    ctx.nprojects = r->nprojects;
    ctx.confs = r->confs;
    ctx.notices = notices = all_notices(r, &ctx.nnotices);
    rc = acl_report_write(&ctx, err);
    free(notices);
    return rc;
}

/* To standard output, or (-o FILE) rendered in memory first and then
 * written as a new file that replaces FILE: never through a link. */
static int
write_report(struct run *r, struct acl_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem;
    int rc;

    if (r->opts.output == NULL)
        return render_report(
            r, stdout,
            r->opts.color == ACL_COLOR_ALWAYS ||
                (r->opts.color == ACL_COLOR_AUTO && isatty(STDOUT_FILENO) &&
                 (getenv("NO_COLOR") == NULL || !*getenv("NO_COLOR"))),
            err);
    if ((mem = open_memstream(&buf, &len)) == NULL)
        return acl_error_set(err, "%s: cannot write the report there (out "
                                  "of memory)", r->opts.output);
    rc = render_report(r, mem, r->opts.color == ACL_COLOR_ALWAYS, err);
    if (fclose(mem) != 0 && rc == 0)
        rc = acl_error_set(err, "%s: cannot write the report there (out of "
                                "memory)", r->opts.output);
    if (rc == 0)
        rc = acl_write_file(r->opts.output, buf, len, err);
    free(buf);
    return rc;
}

/* What must hold before any project is read: the toggles name rules,
 * --config and --baseline files are good. Fails fast, before output. */
static int
prepare(struct run *r, struct acl_error *err)
{
    struct acl_config *cfg;

    if (r->opts.config != NULL && r->opts.no_config)
        return acl_error_set(err, "usage: --config and --no-config "
                                  "contradict each other");
    if (check_toggles(r, err) != 0)
        return -1;
    if (r->opts.config != NULL) {
        if (acl_config_load(r->opts.config, r->opts.config, 1,
                            r->opts.max_size, &cfg, err) != 0)
            return -1;
        add_cfg(r, cfg);
    }
    if (r->opts.baseline != NULL &&
        (r->baseline = acl_baseline_load(r->opts.baseline, r->opts.max_size,
                                         err)) == NULL)
        return -1;
    return 0;
}

static int
lint(struct run *r, struct acl_error *err)
{
    if (prepare(r, err) != 0 || lint_projects(r, err) != 0)
        return -1;
    report_unused(r);
    if (r->baseline != NULL)
        acl_baseline_mark(r->baseline, &r->findings);
    acl_findings_sort(&r->findings);
    return write_report(r, err);
}

/* The files "make generate" writes: the rules manual page, the rules
 * page in Markdown and the config file's JSON Schema. */
static int
generate(const char *what)
{
    json_t *schema;

    if (strcmp(what, "man-rules") == 0)
        return acl_rules_man(stdout);
    if (strcmp(what, "rules-md") == 0)
        return acl_rules_markdown(stdout);
    schema = acl_config_schema();
    json_dumpf(schema, stdout, JSON_INDENT(2));
    fputc('\n', stdout);
    json_decref(schema);
    return ferror(stdout) ? ACL_EXIT_TROUBLE : ACL_EXIT_OK;
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
    if (r->opts.generate != NULL)
        return generate(r->opts.generate);
    if (r->opts.list_rules)
        return acl_rules_list(stdout, r->opts.format == ACL_FMT_JSON);
    if (r->opts.explain == NULL)
        return -1;
    if ((k = acl_rules_find(r->opts.explain)) < 0) {
        struct acl_error err;

        acl_error_set(&err, "--explain: unknown rule \"%s\" (see "
                            "agentcore-lint --list-rules)", r->opts.explain);
        return trouble(err.text);
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
    for (i = 0; i < r->ncfgs; i++)
        acl_config_free(r->cfgs[i].cfg);
    free(r->cfgs);
    acl_baseline_free(r->baseline);
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
    /* Filled as projects run: the report lists the rules that ran. */
    r.confs = acl_xcalloc(acl_rules_count() + 1, sizeof *r.confs);
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
