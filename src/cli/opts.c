/*
 * opts.c - parsing the command line (agentcore-lint(1), OPTIONS).
 */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli/opts.h"
#include "acl/suggest.h"

const char acl_usage_text[] =
    "usage: agentcore-lint [OPTIONS] [PATH...]\n"
    "\n"
    "Lints AgentCore projects (folders holding agentcore/agentcore.json).\n"
    "PATH is a project root, a file or folder inside a project, a folder\n"
    "searched for projects, or - for agentcore.json on standard input.\n"
    "\n"
    "  -f, --format FMT        human (default), sarif, json, gcc, github,\n"
    "                          gitlab (Code Quality), junit (JUnit XML)\n"
    "  -o, --output FILE       write the report to FILE (- standard output)\n"
    "      --fail-on LEVEL     error (default), warning, note, none\n"
    "      --production        lint for production\n"
    "      --no-production     never lint for production\n"
    "      --target NAME       lint for deployment target NAME\n"
    "  -c, --config FILE       config file (default: .agentcore-lint.json)\n"
    "      --no-config         ignore the config file\n"
    "      --baseline FILE     findings to accept: a --write-baseline file\n"
    "                          or a SARIF report\n"
    "      --write-baseline F  accept today's findings: record them in F\n"
    "      --show-suppressed   also show accepted (ignored, baselined) findings\n"
    "      --exclude GLOB      skip projects whose folder matches; repeatable\n"
    "      --statistics        findings per rule\n"
    "      --enable RULE       run RULE (ID or name); repeatable\n"
    "      --disable RULE      do not run RULE; repeatable\n"
    "      --select RULE       run only the selected rules; repeatable\n"
    "      --list-rules        list every rule\n"
    "      --explain RULE      explain a rule\n"
    "      --color WHEN        auto (default), always, never\n"
    "  -q, --quiet             findings at or above --fail-on only, no summary\n"
    "      --max-file-size N   largest project JSON file, in MiB (64)\n"
    "      --stdin-filename F  path of standard input's file: its project and\n"
    "                          config are found from it\n"
    "      --fix               apply the safe fixes in place, then report\n"
    "                          what is left\n"
    "      --fix-dry-run       print the safe fixes as a unified diff\n"
    "      --fix-only RULES    fix only these rules (comma-separated)\n"
    "      --lsp               run the language server on standard input\n"
    "                          and output (LSP 3.17)\n"
    "      --version           print the version\n"
    "  -h, --help              print this help\n"
    "\n"
    "Exit status: 0 no finding at or above --fail-on, 1 findings,\n"
    "2 the run could not do its job.\n";

enum {
    OPT_FAIL_ON = 256,
    OPT_PRODUCTION,
    OPT_NO_PRODUCTION,
    OPT_TARGET,
    OPT_NO_CONFIG,
    OPT_BASELINE,
    OPT_ENABLE,
    OPT_DISABLE,
    OPT_SELECT,
    OPT_LIST_RULES,
    OPT_EXPLAIN,
    OPT_COLOR,
    OPT_MAX_SIZE,
    OPT_STDIN_NAME,
    OPT_VERSION,
    OPT_GENERATE,
    /* Adoption: baselines, monorepos, statistics. */
    OPT_WRITE_BASELINE,
    OPT_SHOW_SUPPRESSED,
    OPT_EXCLUDE,
    OPT_STATISTICS,
    /* Fixes and the language server. */
    OPT_FIX,
    OPT_FIX_DRY_RUN,
    OPT_FIX_ONLY,
    OPT_LSP
};

static const struct option long_opts[] = {
    {"format", required_argument, NULL, 'f'},
    {"output", required_argument, NULL, 'o'},
    {"fail-on", required_argument, NULL, OPT_FAIL_ON},
    {"production", no_argument, NULL, OPT_PRODUCTION},
    {"no-production", no_argument, NULL, OPT_NO_PRODUCTION},
    {"target", required_argument, NULL, OPT_TARGET},
    {"config", required_argument, NULL, 'c'},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"baseline", required_argument, NULL, OPT_BASELINE},
    {"enable", required_argument, NULL, OPT_ENABLE},
    {"disable", required_argument, NULL, OPT_DISABLE},
    {"select", required_argument, NULL, OPT_SELECT},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"color", required_argument, NULL, OPT_COLOR},
    {"quiet", no_argument, NULL, 'q'},
    {"max-file-size", required_argument, NULL, OPT_MAX_SIZE},
    {"stdin-filename", required_argument, NULL, OPT_STDIN_NAME},
    {"version", no_argument, NULL, OPT_VERSION},
    {"fix", no_argument, NULL, OPT_FIX},
    {"fix-dry-run", no_argument, NULL, OPT_FIX_DRY_RUN},
    {"fix-only", required_argument, NULL, OPT_FIX_ONLY},
    {"lsp", no_argument, NULL, OPT_LSP},
    {"help", no_argument, NULL, 'h'},
    /* Not in --help: writes the files "make generate" keeps in the repo. */
    {"generate", required_argument, NULL, OPT_GENERATE},
    {"write-baseline", required_argument, NULL, OPT_WRITE_BASELINE},
    {"show-suppressed", no_argument, NULL, OPT_SHOW_SUPPRESSED},
    {"exclude", required_argument, NULL, OPT_EXCLUDE},
    {"statistics", no_argument, NULL, OPT_STATISTICS},
    {NULL, 0, NULL, 0},
};

static int
parse_size(const char *s, size_t *out, struct acl_error *err)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = strtoul(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v == 0 || v > 4096 ||
        s[0] == '-')
        return acl_error_set(err,
                             "usage: --max-file-size takes a whole "
                             "number of MiB from 1 to 4096, not \"%s\"",
                             s);
    *out = (size_t)v << 20;
    return 0;
}

/* "usage: --OPT takes a, b or c, not \"arg\"", with a "did you mean"
 * when arg looks like a typo of one of them. */
static int
bad_choice(struct acl_error *err, const char *opt, const char *arg,
           const char *const *cands, size_t n)
{
    struct acl_buf b = {0};
    const char *near = acl_suggest(arg, cands, n);
    size_t i;

    for (i = 0; i < n; i++)
        acl_buf_printf(&b, "%s%s",
                       i == 0       ? ""
                       : i + 1 == n ? " or "
                                    : ", ",
                       cands[i]);
    acl_error_set(err, "usage: --%s takes %s, not \"%s\"%s%s%s", opt, b.data,
                  arg, near ? " (did you mean \"" : "", near ? near : "",
                  near ? "\"?)" : "");
    acl_buf_free(&b);
    return -1;
}

static int
parse_choice(int opt, const char *arg, struct acl_opts *o,
             struct acl_error *err)
{
    static const char *const levels[] = {"error", "warning", "note", "none"};
    static const char *const colors[] = {"auto", "always", "never"};
    int v;

    switch (opt) {
    case 'f':
        if ((v = acl_format_parse(arg)) < 0)
            return bad_choice(err, "format", arg, acl_format_names,
                              ACL_FORMAT_COUNT);
        o->format = (enum acl_format)v;
        return 0;
    case OPT_FAIL_ON:
        if ((v = acl_level_parse(arg)) < 0)
            return bad_choice(err, "fail-on", arg, levels, 4);
        o->fail_on = (enum acl_level)v;
        return 0;
    default: /* OPT_COLOR */
        for (v = 0; v < 3; v++)
            if (strcmp(arg, colors[v]) == 0)
                break;
        if (v == 3)
            return bad_choice(err, "color", arg, colors, 3);
        o->color = v == 0   ? ACL_COLOR_AUTO
                   : v == 1 ? ACL_COLOR_ALWAYS
                            : ACL_COLOR_NEVER;
        return 0;
    }
}

/* The long option closest to a mistyped one ("--fial-on=x"), or NULL. */
static const char *
near_option(const char *bad)
{
    const char *names[ACL_ARRAY_LEN(long_opts)];
    char word[ACL_SUGGEST_MAX_LEN + 1];
    size_t n = 0, len;

    if (strncmp(bad, "--", 2) != 0)
        return NULL;
    bad += 2;
    len = strcspn(bad, "=");
    if (len > ACL_SUGGEST_MAX_LEN)
        return NULL;
    memcpy(word, bad, len);
    word[len] = '\0';
    for (n = 0; long_opts[n].name != NULL; n++)
        names[n] =
            strcmp(long_opts[n].name, "generate") ? long_opts[n].name : NULL;
    return acl_suggest(word, names, n);
}

static void
add_toggle(struct acl_opts *o, const char *rule, int enable)
{
    o->toggles =
        acl_xrealloc(o->toggles, (o->ntoggles + 1) * sizeof *o->toggles);
    o->toggles[o->ntoggles].rule = rule;
    o->toggles[o->ntoggles].enable = enable;
    o->ntoggles++;
}

static int
apply_option(int c, struct acl_opts *o, struct acl_error *err)
{
    switch (c) {
    case 'f':
    case OPT_FAIL_ON:
    case OPT_COLOR:
        return parse_choice(c, optarg, o, err);
    case 'o':
        o->output = optarg;
        return 0;
    case OPT_PRODUCTION:
        o->prod.force = 1;
        o->prod.never = 0;
        return 0;
    case OPT_NO_PRODUCTION:
        o->prod.never = 1;
        o->prod.force = 0;
        return 0;
    case OPT_TARGET:
        o->prod.target = optarg;
        return 0;
    case 'c':
        o->config = optarg;
        return 0;
    case OPT_NO_CONFIG:
        o->no_config = 1;
        return 0;
    case OPT_BASELINE:
        o->baseline = optarg;
        return 0;
    case OPT_ENABLE:
        add_toggle(o, optarg, 1);
        return 0;
    case OPT_DISABLE:
        add_toggle(o, optarg, 0);
        return 0;
    case OPT_SELECT:
        add_toggle(o, optarg, ACL_TOGGLE_SELECT);
        return 0;
    case OPT_LIST_RULES:
        o->list_rules = 1;
        return 0;
    case OPT_EXPLAIN:
        o->explain = optarg;
        return 0;
    case 'q':
        o->quiet = 1;
        return 0;
    case OPT_MAX_SIZE:
        return parse_size(optarg, &o->max_size, err);
    case OPT_STDIN_NAME:
        o->stdin_name = optarg;
        return 0;
    case OPT_VERSION:
        o->version = 1;
        return 0;
    case 'h':
        o->help = 1;
        return 0;
    case OPT_WRITE_BASELINE:
        o->write_baseline = optarg;
        return 0;
    case OPT_SHOW_SUPPRESSED:
        o->show_suppressed = 1;
        return 0;
    case OPT_STATISTICS:
        o->statistics = 1;
        return 0;
    case OPT_EXCLUDE:
        o->excludes =
            acl_xrealloc(o->excludes, (o->nexcludes + 1) * sizeof *o->excludes);
        o->excludes[o->nexcludes++] = optarg;
        return 0;
    case OPT_FIX:
        o->fix = 1;
        return 0;
    case OPT_FIX_DRY_RUN:
        o->fix_dry_run = 1;
        return 0;
    case OPT_FIX_ONLY:
        o->fix_only = optarg;
        return 0;
    case OPT_LSP:
        o->lsp = 1;
        return 0;
    case OPT_GENERATE:
        if (strcmp(optarg, "man-rules") != 0 &&
            strcmp(optarg, "rules-md") != 0 &&
            strcmp(optarg, "config-schema") != 0)
            return acl_error_set(err,
                                 "usage: --generate takes man-rules, "
                                 "rules-md or config-schema, not \"%s\"",
                                 optarg);
        o->generate = optarg;
        return 0;
    default:
        return acl_error_set(err, "usage: unknown option or missing value "
                                  "(see agentcore-lint --help)");
    }
}

int
acl_opts_parse(int argc, char **argv, struct acl_opts *o, struct acl_error *err)
{
    int c;

    memset(o, 0, sizeof *o);
    o->fail_on = ACL_ERROR;
    o->max_size = (size_t)64 << 20;
    o->stdin_name = "agentcore/agentcore.json";
    optind = 0; /* GNU: start afresh, so the CLI can run in tests twice */
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:c:qh", long_opts, NULL)) != -1) {
        if (c == '?' || c == ':') {
            const char *bad = argv[optind - 1];
            const char *near = c == '?' ? near_option(bad) : NULL;

            if (near != NULL)
                acl_error_set(err,
                              "usage: unknown option \"%s\" (did you "
                              "mean \"--%s\"?)",
                              bad, near);
            else
                acl_error_set(
                    err,
                    "usage: %s \"%s\" (see agentcore-lint "
                    "--help)",
                    c == ':' ? "missing value after" : "unknown option", bad);
            acl_opts_free(o);
            return -1;
        }
        if (apply_option(c, o, err) != 0) {
            acl_opts_free(o);
            return -1;
        }
    }
    o->paths = argv + optind;
    o->npaths = (size_t)(argc - optind);
    return 0;
}

void
acl_opts_free(struct acl_opts *o)
{
    free(o->toggles);
    free(o->excludes);
    o->excludes = NULL;
    o->nexcludes = 0;
    o->toggles = NULL;
    o->ntoggles = 0;
}
