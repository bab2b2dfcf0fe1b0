/*
 * cli.c - the program: options, projects, lint, report, exit status.
 * The only module that prints errors and picks the exit code.
 */
#include <errno.h>
#include <limits.h>
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
#include "acl/fix.h"
#include "cli/lsp.h"
#include "cli/opts.h"
#include "acl/report.h"
#include "acl/report_util.h"
#include "acl/rules_doc.h"
#include "acl/suggest.h"
#include "acl/version.h"

/* A config file and the first project linted with it (its unused
 * ignore entries are filed under that project). */
struct cfg_use {
    struct acl_config *cfg;
    const struct acl_project *first;
    char *real; /* the file's absolute path; NULL for --config FILE */
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
    int report_started;  /* the output was opened for the report */
    const char *failure; /* why the run failed, for report_failure */
    json_t *cfg_index;   /* config file path -> 1 + its index in cfgs */
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

/* The rule ID or name closest to a mistyped one, or NULL. */
static const char *
near_rule(const char *word)
{
    size_t n = acl_rules_count(), i;
    const char **cands = acl_xcalloc(2 * n + 1, sizeof *cands);
    const char *near;

    for (i = 0; i < n; i++) {
        cands[2 * i] = acl_rules_at(i)->id;
        cands[2 * i + 1] = acl_rules_at(i)->name;
    }
    near = acl_suggest(word, cands, 2 * n);
    free(cands);
    return near;
}

/* "unknown rule \"x\" (did you mean \"y\"?)" or "(see ... --list-rules)". */
static int
unknown_rule(struct acl_error *err, const char *prefix, const char *rule)
{
    const char *near = near_rule(rule);

    if (near != NULL)
        return acl_error_set(err,
                             "%sunknown rule \"%s\" (did you mean "
                             "\"%s\"?)",
                             prefix, rule, near);
    return acl_error_set(err,
                         "%sunknown rule \"%s\" (see agentcore-lint "
                         "--list-rules)",
                         prefix, rule);
}

static int
check_toggles(const struct run *r, struct acl_error *err)
{
    size_t i;
    char prefix[64];

    for (i = 0; i < r->opts.ntoggles; i++)
        if (acl_rules_find(r->opts.toggles[i].rule) < 0) {
            snprintf(prefix, sizeof prefix,
                     "usage: --%s: ", toggle_option(r->opts.toggles[i].enable));
            return unknown_rule(err, prefix, r->opts.toggles[i].rule);
        }
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
    errno = 0;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        if (b.len + n > max) {
            acl_buf_free(&b);
            return acl_error_set(err,
                                 "-: standard input is larger than the "
                                 "limit of %zu MiB",
                                 max >> 20);
        }
        acl_buf_append(&b, chunk, n);
    }
    if (ferror(stdin)) {
        acl_buf_free(&b);
        return acl_error_set(err, "-: cannot read standard input: %s",
                             errno ? strerror(errno) : "read error");
    }
    *len = b.len;
    *out = acl_buf_steal(&b);
    return 0;
}

static void
add_project(struct run *r, struct acl_project *p)
{
    r->projects =
        acl_xrealloc(r->projects, (r->nprojects + 1) * sizeof *r->projects);
    r->projects[r->nprojects++] = p;
}

static struct cfg_use *
add_cfg(struct run *r, struct acl_config *cfg)
{
    r->cfgs = acl_xrealloc(r->cfgs, (r->ncfgs + 1) * sizeof *r->cfgs);
    r->cfgs[r->ncfgs].cfg = cfg;
    r->cfgs[r->ncfgs].first = NULL;
    r->cfgs[r->ncfgs].real = NULL;
    return &r->cfgs[r->ncfgs++];
}

/* The config of the project at root: --config FILE, none with
 * --no-config, else the nearest .agentcore-lint.json from the project
 * root up to the git work tree's top (monorepos keep one at the top).
 * Projects sharing a file share one loaded config. *use is NULL when
 * there is none. */
static int
config_for(struct run *r, const char *root, struct cfg_use **use,
           struct acl_error *err)
{
    char *path, *disp, *dir;
    struct acl_config *cfg;
    size_t i;
    int rc;

    *use = NULL;
    if (r->opts.no_config)
        return 0;
    if (r->opts.config != NULL) {
        *use = &r->cfgs[0];
        return 0;
    }
    if ((path = acl_config_find(root)) == NULL)
        return 0;
    /* A table of the files loaded: 20,000 projects with a config each
     * must not compare every pair. */
    if (r->cfg_index == NULL)
        r->cfg_index = json_object();
    if ((i = (size_t)json_integer_value(json_object_get(r->cfg_index, path))) >
        0) {
        *use = &r->cfgs[i - 1];
        free(path);
        return 0;
    }
    disp = acl_display_path(path);
    /* Read from its own folder without following links (a link named
     * .agentcore-lint.json must not lead out of the tree). */
    dir = acl_xstrdup(path);
    *strrchr(dir, '/') = '\0';
    rc = acl_config_load_in(dir[0] ? dir : "/", path, disp, r->opts.max_size,
                            &cfg, err);
    free(dir);
    if (rc == 0 && cfg != NULL) {
        *use = add_cfg(r, cfg);
        (*use)->real = path;
        json_object_set_new_nocheck(r->cfg_index, path,
                                    json_integer((json_int_t)r->ncfgs));
        path = NULL;
    }
    free(path);
    free(disp);
    return rc;
}

/* --target NAME must name a deployment target of the project: a typo
 * would lint a production project as non-production without a word.
 * An aws-targets.json that is not valid JSON is left to AC000. */
static int
check_target(const char *target, const struct acl_project *p,
             struct acl_error *err)
{
    const char **names;
    struct acl_buf known = {0};
    const char *sug;
    size_t i, n = 0;
    int have_file = 0;

    for (i = 0; i < p->files.ndocs; i++) {
        if (p->files.docs[i].kind != ACL_DOC_TARGETS)
            continue;
        if (p->files.docs[i].doc->root == NULL)
            return 0;
        have_file = 1;
    }
    names = acl_xcalloc(p->model.ndeploy_targets + 1, sizeof *names);
    for (i = 0; i < p->model.ndeploy_targets; i++) {
        const char *name = p->model.deploy_targets[i].name;

        if (name != NULL && strcmp(name, target) == 0)
            break;
        if (name != NULL) {
            acl_buf_printf(&known, "%s%s", n ? ", " : "", name);
            names[n++] = name;
        }
    }
    if (i == p->model.ndeploy_targets) {
        sug = acl_suggest(target, names, n);
        acl_error_set(err,
                      "--target \"%s\": project %s has no such "
                      "deployment target (%s%s)%s%s%s; name one that "
                      "agentcore/aws-targets.json lists",
                      target, p->files.display,
                      !have_file ? "it has no agentcore/aws-targets.json"
                      : n        ? "known: "
                                 : "aws-targets.json lists none",
                      n ? known.data : "", sug ? "; did you mean \"" : "",
                      sug ? sug : "", sug ? "\"?" : "");
    }
    free(names);
    acl_buf_free(&known);
    return i == p->model.ndeploy_targets ? -1 : 0;
}

/* Loads one project (from root, or from data: standard input, taken
 * over), lints it with its config and records what ran. */
static int
lint_project(struct run *r, const char *root, const char *display,
             const char *spec_path, char *data, size_t len,
             struct acl_error *err)
{
    struct cfg_use *use;
    struct acl_config *cfg;
    struct acl_prod_opts prod;
    struct acl_project *p;
    struct acl_rule_conf *confs;
    size_t first = r->findings.n, k;

    if (config_for(r, root, &use, err) != 0) {
        free(data);
        return -1;
    }
    cfg = use != NULL ? use->cfg : NULL;
    acl_config_prod(cfg, &r->opts.prod, &prod);
    p = data != NULL
            ? acl_project_load_text(root, display, spec_path, data, len, &prod,
                                    r->opts.max_size, err)
            : acl_project_load(root, display, &prod, r->opts.max_size, err);
    if (p == NULL)
        return -1;
    add_project(r, p);
    if (r->opts.prod.target != NULL &&
        check_target(r->opts.prod.target, p, err) != 0)
        return -1;
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

/* Standard input is the agentcore.json that --stdin-filename names:
 * its project (the root, every other file, the config) is found from
 * that path, as ESLint does. */
static int
lint_stdin(struct run *r, struct acl_error *err)
{
    char *data, *disp, *root, real[PATH_MAX];
    const char *spec_path;
    size_t len;
    int rc;

    if (read_stdin(&data, &len, r->opts.max_size, err) != 0)
        return -1;
    root = acl_stdin_root(r->opts.stdin_name, &spec_path);
    disp = acl_display_path(realpath(root, real) ? real : root);
    rc = lint_project(r, root, disp, spec_path, data, len, err);
    free(disp);
    free(root);
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
    struct acl_discover_opts disc = {r->opts.excludes, r->opts.nexcludes};

    for (i = 0; i < npaths; i++) {
        if (strcmp(paths[i], "-") == 0)
            use_stdin = 1;
        else if (acl_discover_opts(paths[i], &disc, &r->found, err) != 0)
            return -1;
    }
    if (use_stdin && lint_stdin(r, err) != 0)
        return -1;
    for (i = 0; i < r->found.n; i++)
        if (lint_project(r, r->found.items[i].root, r->found.items[i].display,
                         NULL, NULL, 0, err) != 0)
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
        *n += r->projects[i]->notices->n;
    all = acl_xcalloc(*n + 1, sizeof *all);
    *n = 0;
    for (i = 0; i < r->nprojects; i++)
        for (k = 0; k < r->projects[i]->notices->n; k++)
            all[(*n)++] = r->projects[i]->notices->items[k];
    return all;
}

/* Standard output without -o or with "-o -". */
static int
to_stdout(const struct run *r)
{
    return r->opts.output == NULL || strcmp(r->opts.output, "-") == 0;
}

/* --color, else NO_COLOR (set: never), else FORCE_COLOR (set and not
 * "0" or "false": always), else whether standard output is a terminal
 * (a file never is). */
static int
use_color(const struct run *r)
{
    const char *no = getenv("NO_COLOR"), *force = getenv("FORCE_COLOR");

    if (r->opts.color != ACL_COLOR_AUTO)
        return r->opts.color == ACL_COLOR_ALWAYS;
    if (no != NULL && *no != '\0')
        return 0;
    if (force != NULL && *force != '\0')
        return strcmp(force, "0") != 0 && strcmp(force, "false") != 0;
    return to_stdout(r) && isatty(STDOUT_FILENO);
}

/* The report in the chosen format, to out. */
static int
render_report(struct run *r, FILE *out, int color, struct acl_error *err)
{
    struct acl_report_ctx ctx;
    struct acl_notice *notices;
    int rc;

    r->report_started = 1;
    memset(&ctx, 0, sizeof ctx);
    ctx.format = r->opts.format;
    ctx.out = out;
    ctx.color = color;
    ctx.quiet = r->opts.quiet;
    ctx.findings = ctx.all = &r->findings;
    ctx.show_suppressed = r->opts.show_suppressed;
    ctx.fail_on = r->opts.fail_on;
    ctx.statistics = r->opts.statistics;
    ctx.projects = r->projects;
    ctx.nprojects = r->nprojects;
    ctx.confs = r->confs;
    ctx.notices = notices = all_notices(r, &ctx.nnotices);
    rc = acl_report_write(&ctx, err);
    free(notices);
    return rc;
}

/* What fill writes goes to standard output, or (-o FILE) is rendered in
 * memory first and then written as a new file that replaces FILE: never
 * through a link. */
static int
deliver(struct run *r,
        int (*fill)(struct run *r, FILE *out, int color, struct acl_error *err),
        struct acl_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem;
    int rc;

    if (to_stdout(r))
        return fill(r, stdout, use_color(r), err);
    if ((mem = open_memstream(&buf, &len)) == NULL)
        return acl_error_set(err, "%s: cannot write the report there (%s)",
                             r->opts.output, strerror(errno));
    rc = fill(r, mem, use_color(r), err);
    if (fclose(mem) != 0 && rc == 0)
        rc = acl_error_set(err, "%s: cannot write the report there (%s)",
                           r->opts.output, strerror(errno));
    if (rc == 0)
        rc = acl_write_file(r->opts.output, buf, len, err);
    free(buf);
    return rc;
}

/* On exit status 2 a SARIF report is still a valid log that says the
 * run failed and why, so that a CI upload step after it succeeds; a
 * JUnit report is one test in error, so that the CI's test view says
 * why. The other formats have no way to say it: nothing is written. */
static int
fill_failure(struct run *r, FILE *out, int color, struct acl_error *err)
{
    (void)color;
    (void)err;
    if (r->opts.format == ACL_FMT_JUNIT)
        acl_report_junit_failed(out, r->failure);
    else
        acl_report_sarif_failed(out, r->failure);
    return 0;
}

static void
report_failure(struct run *r, const char *why)
{
    struct acl_error err;

    if ((r->opts.format != ACL_FMT_SARIF && r->opts.format != ACL_FMT_JUNIT) ||
        r->report_started)
        return;
    r->failure = why;
    (void)deliver(r, fill_failure, &err);
}

/* --write-baseline FILE: today's findings (those no ignore entry
 * accepted) go to FILE and count as baselined in this run's report. */
static int
write_baseline(struct run *r, struct acl_error *err)
{
    size_t i;

    if (r->opts.write_baseline == NULL)
        return 0;
    if (acl_baseline_write(r->opts.write_baseline, &r->findings, err) != 0)
        return -1;
    for (i = 0; i < r->findings.n; i++)
        if (!r->findings.items[i]->suppressed)
            r->findings.items[i]->baseline = ACL_BASELINE_UNCHANGED;
    return 0;
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
        if (acl_config_load(r->opts.config, r->opts.config, 1, r->opts.max_size,
                            &cfg, err) != 0)
            return -1;
        add_cfg(r, cfg);
    }
    if (r->opts.baseline != NULL &&
        (r->baseline = acl_baseline_load(r->opts.baseline, r->opts.max_size,
                                         err)) == NULL)
        return -1;
    return 0;
}

/* Lints every project into r->findings, sorted. */
static int
collect(struct run *r, struct acl_error *err)
{
    if (prepare(r, err) != 0 || lint_projects(r, err) != 0)
        return -1;
    report_unused(r);
    if (r->baseline != NULL)
        acl_baseline_mark(r->baseline, &r->findings);
    acl_findings_sort(&r->findings);
    return 0;
}

static int
lint(struct run *r, struct acl_error *err)
{
    if (collect(r, err) != 0 || write_baseline(r, err) != 0)
        return -1;
    return deliver(r, render_report, err);
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
        return printf("%s %s (AgentCore CLI schema %s)\n", ACL_NAME,
                      ACL_VERSION, ACL_SCHEMA_VERSION),
               ACL_EXIT_OK;
    if (r->opts.generate != NULL)
        return generate(r->opts.generate);
    if (r->opts.list_rules)
        return acl_rules_list(stdout, r->opts.format == ACL_FMT_JSON);
    if (r->opts.explain == NULL)
        return -1;
    if ((k = acl_rules_find(r->opts.explain)) < 0) {
        struct acl_error err;

        unknown_rule(&err, "--explain: ", r->opts.explain);
        return trouble(err.text);
    }
    return acl_rules_explain(stdout, acl_rules_at((size_t)k));
}

/* Frees what a lint gathered, keeping the options: the run can lint
 * again. */
static void
run_clear(struct run *r)
{
    size_t i;

    for (i = 0; i < r->nprojects; i++)
        acl_project_free(r->projects[i]);
    free(r->projects);
    acl_findings_clear(&r->findings);
    acl_found_list_free(&r->found);
    free(r->confs);
    for (i = 0; i < r->ncfgs; i++) {
        acl_config_free(r->cfgs[i].cfg);
        free(r->cfgs[i].real);
    }
    free(r->cfgs);
    json_decref(r->cfg_index);
    acl_baseline_free(r->baseline);
    memset(&r->found, 0, sizeof r->found);
    r->projects = NULL;
    r->nprojects = 0;
    r->cfgs = NULL;
    r->ncfgs = 0;
    r->baseline = NULL;
    r->confs = acl_xcalloc(acl_rules_count() + 1, sizeof *r->confs);
}

static void
run_free(struct run *r)
{
    run_clear(r);
    free(r->confs);
    acl_opts_free(&r->opts);
}

/* ---- Fixes: --fix, --fix-dry-run ---------------------------------- */

/* Passes of fix and lint again: a fix left out because it overlapped
 * another is applied in the next pass. */
#define FIX_PASSES 10

/* Writes each file of the plan; a file that cannot be written is named
 * and left as it was. Returns the number of files not written. */
static size_t
write_plan(const struct acl_fix_plan *plan)
{
    struct acl_error err;
    size_t i, bad = 0;

    for (i = 0; i < plan->nfiles; i++) {
        const struct acl_fix_file *ff = &plan->files[i];
        size_t len;
        char *data = acl_fix_apply(ff, &len);

        if (acl_fix_write_file(ff->project->files.real_root, ff->path, data,
                               len, &err) != 0) {
            fprintf(stderr,
                    "agentcore-lint: %s (its fixes were not "
                    "applied)\n",
                    err.text);
            bad++;
        }
        free(data);
    }
    return bad;
}

static int
fix_in_place(struct run *r, struct acl_error *err)
{
    size_t pass, fixed = 0, applied = 1, bad = 0;

    /* Until a pass finds nothing more to fix (a fix may reveal the next
     * finding, or make room for one left out). */
    for (pass = 0; pass < FIX_PASSES && bad == 0 && applied > 0; pass++) {
        struct acl_fix_plan plan;

        memset(&plan, 0, sizeof plan);
        if (collect(r, err) != 0)
            return -1;
        acl_fix_plan_build(&plan, &r->findings, r->opts.fix_only);
        applied = plan.napplied;
        if (applied > 0)
            bad = write_plan(&plan);
        fixed += applied;
        acl_fix_plan_free(&plan);
        run_clear(r);
    }
    if (!r->opts.quiet && fixed > 0)
        fprintf(stderr, "agentcore-lint: applied %zu fix%s\n", fixed,
                fixed == 1 ? "" : "es");
    return 0;
}

/* --fix-dry-run: the diff of one pass of fixes. Exit 1 when there is
 * something to fix. */
static int
fix_dry_run(struct run *r, struct acl_error *err)
{
    struct acl_fix_plan plan;
    size_t i;
    int rc;

    memset(&plan, 0, sizeof plan);
    if (collect(r, err) != 0)
        return -1;
    acl_fix_plan_build(&plan, &r->findings, r->opts.fix_only);
    for (i = 0; i < plan.nfiles; i++)
        acl_fix_diff(stdout, &plan.files[i]);
    if (!r->opts.quiet)
        fprintf(stderr, "agentcore-lint: %zu fix%s in %zu file%s%s\n",
                plan.napplied, plan.napplied == 1 ? "" : "es", plan.nfiles,
                plan.nfiles == 1 ? "" : "s",
                plan.nconflicts ? " (more after they are applied)" : "");
    rc = plan.napplied > 0 ? ACL_EXIT_FINDINGS : ACL_EXIT_OK;
    acl_fix_plan_free(&plan);
    return rc;
}

/* Every name of --fix-only is a rule. */
static int
check_fix_only(const char *only, struct acl_error *err)
{
    const char *p = only;

    while (p != NULL && *p != '\0') {
        size_t n = strcspn(p, ",");
        char *name = acl_xstrndup(p, n);
        int bad = acl_rules_find(name) < 0;

        if (bad)
            unknown_rule(err, "usage: --fix-only: ", name);
        free(name);
        if (bad)
            return -1;
        p += n + (p[n] == ',');
    }
    return 0;
}

/* Exit status 2: the failed report (SARIF, JUnit) where one was asked
 * for, and the reason on stderr. */
static int
fail_run(struct run *r, const char *why)
{
    report_failure(r, why);
    return trouble(why);
}

/* The fix modes, or -1 when neither was asked for. */
static int
fix_command(struct run *r)
{
    struct acl_error err;
    size_t i;
    int rc;

    if (r->opts.fix_only != NULL && !r->opts.fix && !r->opts.fix_dry_run)
        return fail_run(r, "usage: --fix-only goes with --fix or "
                           "--fix-dry-run");
    if (!r->opts.fix && !r->opts.fix_dry_run)
        return -1;
    if (check_fix_only(r->opts.fix_only, &err) != 0)
        return fail_run(r, err.text);
    for (i = 0; i < r->opts.npaths; i++)
        if (r->opts.fix && strcmp(r->opts.paths[i], "-") == 0)
            return fail_run(r, "usage: --fix writes files, and standard "
                               "input is none: use --fix-dry-run");
    if (r->opts.fix_dry_run)
        rc = fix_dry_run(r, &err);
    else if ((rc = fix_in_place(r, &err)) == 0 && lint(r, &err) == 0)
        rc = exit_status(r);
    return rc < 0 ? fail_run(r, err.text) : rc;
}

/* ---- end of fixes ------------------------------------------------- */

int
acl_cli_main(int argc, char **argv)
{
    struct run r;
    struct acl_error err;
    int rc;

    memset(&r, 0, sizeof r);
    if (acl_opts_parse(argc, argv, &r.opts, &err) != 0)
        /* The options read before the bad one still say where a SARIF
         * log goes (-f sarif -o FILE --mistyped). */
        return fail_run(&r, err.text);
    /* Filled as projects run: the report lists the rules that ran. */
    r.confs = acl_xcalloc(acl_rules_count() + 1, sizeof *r.confs);
    if ((rc = info_command(&r)) >= 0) {
        run_free(&r);
        return rc;
    }
    if (acl_rules_init(&err) != 0) {
        rc = fail_run(&r, err.text);
    } else if (r.opts.lsp) {
        /* The language server: stdout carries only its messages. */
        rc = acl_lsp_main(0, stdout);
    } else if ((rc = fix_command(&r)) >= 0) {
        /* done */
    } else if (lint(&r, &err) != 0) {
        rc = fail_run(&r, err.text);
    } else {
        rc = exit_status(&r);
    }
    run_free(&r);
    acl_rules_fini();
    return rc;
}
