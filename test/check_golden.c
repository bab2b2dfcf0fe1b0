/*
 * check_golden.c - golden tests over fixtures/: every folder below
 * fixtures/rules/ and fixtures/cases/ that holds an "expected" file is
 * a project (or a folder of projects) linted in-process through the
 * real command line with --format json; the findings, rendered one per
 * line, must equal "expected" byte for byte.
 *
 * Files in a fixture folder:
 *   expected   "exit N", then one line per finding:
 *              FILE:L:C-EL:EC LEVEL RULE POINTER MESSAGE
 *              (control and bidi characters escaped as in human output)
 *   args       optional: command-line arguments, one per line
 *              (default: ".")
 *   rules      optional: the rules a case under fixtures/cases/ is
 *              about (IDs, one a line); the others are disabled, so a
 *              new rule changes no case (the format suite reads it too)
 * ACL_GOLDEN_UPDATE=1 rewrites the expected files instead.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acl/report_util.h"
#include "acl/util.h"
#include "check_acl.h"

struct fixture_list {
    char **dirs;
    size_t n, cap;
};

static struct fixture_list fixtures;

/* A golden fixture is a folder with an expected file. */
static void
add_fixture(const char *dir, void *arg)
{
    char *exp = acl_xasprintf("%s/expected", dir);

    (void)arg;
    if (access(exp, R_OK) == 0) {
        acl_xgrow((void **)&fixtures.dirs, &fixtures.cap, fixtures.n + 1,
                  sizeof *fixtures.dirs);
        fixtures.dirs[fixtures.n++] = acl_xstrdup(dir);
    }
    free(exp);
}

static int
cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The rule a fixture below fixtures/rules/ACxxx/ tests alone: written
 * into id (8 bytes), or "" for a cross-rule case. A fixture whose args
 * name rules with --select chooses for itself. */
static void
fixture_rule(const char *dir, const char *args_text, char *id)
{
    const char *p = strstr(dir, "fixtures/rules/");

    id[0] = '\0';
    if (p == NULL || (args_text != NULL && strstr(args_text, "--select")))
        return;
    p += strlen("fixtures/rules/");
    if (strncmp(p, "AC", 2) == 0 && strspn(p + 2, "0123456789") == 3 &&
        (p[5] == '/' || p[5] == '\0'))
        memcpy(id, p, 5), id[5] = '\0';
}

/* argv for the run: "agentcore-lint" [--select RULE] [--disable for
 * what the rules file leaves out] [args file lines | "."] and the
 * format option, NULL-terminated. */
static void
build_argv(char *args_text, const char *rules_text, const char *rule,
           char **argv, int max)
{
    int argc = 0, have_path = 0;
    char *line, *save = NULL;

    argv[argc++] = "agentcore-lint";
    if (rule[0] != '\0') {
        argv[argc++] = "--select";
        argv[argc++] = (char *)rule;
    }
    argc = acl_test_rules_file_args(rules_text, argv, argc, max - 8);
    for (line = strtok_r(args_text, "\n", &save); line && argc < max - 6;
         line = strtok_r(NULL, "\n", &save)) {
        argv[argc++] = line;
        have_path = 1;
    }
    if (!have_path)
        argv[argc++] = ".";
    argv[argc++] = "--format";
    argv[argc++] = "json";
    argv[argc] = NULL;
}

/* Appends s with control and bidi characters escaped, so a hostile
 * fixture's expected file stays one line a finding and safe to cat. */
static void
put_field(struct acl_buf *b, const char *s)
{
    acl_escape_str(s != NULL ? s : "-", b);
}

static void
render(json_t *report, int rc, struct acl_buf *b)
{
    size_t i;
    json_t *f;

    acl_buf_printf(b, "exit %d\n", rc);
    json_array_foreach (json_object_get(report, "findings"), i, f) {
        put_field(b, json_string_value(json_object_get(f, "file")));
        acl_buf_printf(b, ":%lld:%lld-%lld:%lld %s %s ",
                       json_integer_value(json_object_get(f, "line")),
                       json_integer_value(json_object_get(f, "column")),
                       json_integer_value(json_object_get(f, "endLine")),
                       json_integer_value(json_object_get(f, "endColumn")),
                       json_string_value(json_object_get(f, "level")),
                       json_string_value(json_object_get(f, "rule")));
        put_field(b, json_string_value(json_object_get(f, "pointer")));
        acl_buf_putc(b, ' ');
        put_field(b, json_string_value(json_object_get(f, "message")));
        acl_buf_puts(b, json_is_true(json_object_get(f, "suppressed"))
                            ? " (suppressed)\n"
                            : "\n");
    }
}

START_TEST(golden)
{
    const char *dir = fixtures.dirs[_i];
    char *argv[256], *args_path = acl_xasprintf("%s/args", dir);
    char *exp_path = acl_xasprintf("%s/expected", dir);
    char *rules_path = acl_xasprintf("%s/rules", dir);
    char *args = acl_test_slurp(args_path), *text;
    char *rules = acl_test_slurp(rules_path);
    char rule[8];
    struct acl_buf got = {0};
    json_t *report;
    int rc;

    fixture_rule(dir, args, rule);
    build_argv(args, rules, rule, argv, 256);
    text = acl_test_run_cli(dir, argv, &rc);
    report = json_loads(text, 0, NULL);
    ck_assert_msg(report != NULL || rc == 2, "%s: no JSON report", dir);
    render(report, rc, &got);
    json_decref(report);
    acl_test_check_or_update(exp_path, got.data, dir);
    acl_buf_free(&got);
    free(text);
    free(args);
    free(rules);
    free(args_path);
    free(rules_path);
    free(exp_path);
}
END_TEST

static void
free_fixtures(void)
{
    size_t i;

    for (i = 0; i < fixtures.n; i++)
        free(fixtures.dirs[i]);
    free(fixtures.dirs);
}

Suite *
acl_suite_golden(void)
{
    Suite *s = suite_create("golden");
    TCase *tc = tcase_create("fixtures");

    if (fixtures.n == 0) {
        acl_test_walk_fixtures("fixtures/rules", 3, add_fixture, NULL);
        acl_test_walk_fixtures("fixtures/cases", 3, add_fixture, NULL);
        qsort(fixtures.dirs, fixtures.n, sizeof *fixtures.dirs, cmp_str);
        atexit(free_fixtures);
    }
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, golden, 0, (int)fixtures.n);
    suite_add_tcase(s, tc);
    return s;
}
