/*
 * check_formats.c - exact output of every format, and what the formats
 * promise about hostile input.
 *
 * A fixture folder below fixtures/cases/ or fixtures/rules/ may hold
 * expected.<kind> files (kind: human, human-color, gcc, github, json,
 * sarif): the command line's output of that format, run in-process in
 * the folder with its "args" file (default "."), must equal the file
 * byte for byte. A "rules" file (IDs, one a line) limits the rules that
 * run, so a new rule elsewhere does not change these outputs. In SARIF
 * the current folder's URI is written as file:///SRCROOT/.
 * ACL_GOLDEN_UPDATE=1 rewrites the expected files instead.
 */
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/engine.h"
#include "acl/rules_doc.h"
#include "report/sarif.h"
#include "acl/util.h"
#include "acl/version.h"
#include "check_acl.h"

#define MAX_ARGS 256

static const char *const kinds[] = {"human", "human-color", "gcc",  "gitlab",
                                    "junit", "github",      "json", "sarif"};

struct format_case {
    char *dir;
    const char *kind;
};

static struct {
    struct format_case *items;
    size_t n, cap;
} cases;

static void
replace_all(struct acl_buf *b, const char *from, const char *to)
{
    struct acl_buf out = {0};
    const char *p = b->data, *hit;
    size_t n = strlen(from);

    acl_buf_append(&out, "", 0);
    while ((hit = strstr(p, from)) != NULL) {
        acl_buf_append(&out, p, (size_t)(hit - p));
        acl_buf_puts(&out, to);
        p = hit + n;
    }
    acl_buf_puts(&out, p);
    acl_buf_free(b);
    *b = out;
}

/* Runs the command line in dir with args (argv without the program
 * name and the output option); the report goes to *out, with the
 * folder's URI made the same in every checkout. Returns the exit
 * status. */
static int
run_cli(const char *dir, char **args, int nargs, struct acl_buf *out)
{
    char here[PATH_MAX], *argv[MAX_ARGS + 2], *text, *uri, *base;
    int argc = 0, rc, i;

    argv[argc++] = "agentcore-lint";
    for (i = 0; i < nargs && argc < MAX_ARGS; i++)
        argv[argc++] = args[i];
    argv[argc] = NULL;
    ck_assert_ptr_nonnull(realpath(dir, here));
    text = acl_test_run_cli(dir, argv, &rc);
    acl_buf_reset(out);
    acl_buf_puts(out, text);
    uri = acl_sarif_uri(here);
    base = acl_xasprintf("\"%s/\"", uri);
    replace_all(out, base, "\"file:///SRCROOT/\"");
    free(base);
    free(uri);
    free(text);
    return rc;
}

/* Splits text into lines, in place, appended to args. */
static int
add_lines(char *text, char **args, int n)
{
    char *line, *save = NULL;

    for (line = strtok_r(text, "\n", &save); line && n < MAX_ARGS - 8;
         line = strtok_r(NULL, "\n", &save))
        args[n++] = line;
    return n;
}

START_TEST(format_golden)
{
    const struct format_case *c = &cases.items[_i];
    char *args_path = acl_xasprintf("%s/args", c->dir);
    char *rules_path = acl_xasprintf("%s/rules", c->dir);
    char *exp_path = acl_xasprintf("%s/expected.%s", c->dir, c->kind);
    char *args_text = acl_test_slurp(args_path);
    char *rules = acl_test_slurp(rules_path);
    char *args[MAX_ARGS];
    int n = acl_test_rules_file_args(rules, args, 0, MAX_ARGS - 8),
        color = strchr(c->kind, '-') != 0;
    int first = n;
    struct acl_buf got = {0};

    n = add_lines(args_text, args, n);
    if (n == first)
        args[n++] = ".";
    args[n++] = "--format";
    args[n++] = color ? "human" : (char *)c->kind;
    args[n++] = "--color";
    args[n++] = color ? "always" : "never";
    run_cli(c->dir, args, n, &got);
    acl_test_check_or_update(exp_path, got.data, exp_path);
    acl_buf_free(&got);
    free(args_text);
    free(rules);
    free(args_path);
    free(rules_path);
    free(exp_path);
}
END_TEST

/* One golden case per expected.<format> file in dir. */
static void
add_cases(const char *dir, void *arg)
{
    size_t k;

    (void)arg;
    for (k = 0; k < ACL_ARRAY_LEN(kinds); k++) {
        char *p = acl_xasprintf("%s/expected.%s", dir, kinds[k]);

        if (access(p, R_OK) == 0) {
            acl_xgrow((void **)&cases.items, &cases.cap, cases.n + 1,
                      sizeof *cases.items);
            cases.items[cases.n].dir = acl_xstrdup(dir);
            cases.items[cases.n++].kind = kinds[k];
        }
        free(p);
    }
}

static int
cmp_case(const void *a, const void *b)
{
    const struct format_case *x = a, *y = b;
    int r = strcmp(x->dir, y->dir);

    return r != 0 ? r : strcmp(x->kind, y->kind);
}

static void
free_cases(void)
{
    size_t i;

    for (i = 0; i < cases.n; i++)
        free(cases.items[i].dir);
    free(cases.items);
}

/* The first character of s that could steer a terminal or reorder the
 * text shown: controls other than LF, DEL, C1 controls, bidi controls
 * and the byte order mark. NULL when there is none. */
static const unsigned char *
dangerous_char(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    for (; *p != '\0'; p++) {
        if ((*p < 0x20 && *p != '\n') || *p == 0x7F)
            return p;
        if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
            return p;
        if (p[0] == 0xE2 && p[1] == 0x80 &&
            ((p[2] >= 0xAA && p[2] <= 0xAE) || p[2] == 0x8E || p[2] == 0x8F))
            return p;
        if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
            return p;
        if ((p[0] == 0xD8 && p[1] == 0x9C) ||
            (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF))
            return p;
    }
    return NULL;
}

static void
assert_clean(const char *out, const char *what)
{
    const unsigned char *bad = dangerous_char(out);

    ck_assert_msg(bad == NULL, "%s: raw byte 0x%02X at offset %zu", what,
                  bad ? *bad : 0, bad ? (size_t)((const char *)bad - out) : 0);
}

/* One workflow command a line, ours: a known command, properties
 * without ':' or ',' in their values, no CR. Returns the line count. */
static size_t
assert_github_safe(const char *out)
{
    static const char *const keys[] = {
        "file=", "line=", "col=", "endLine=", "endColumn=", "title="};
    char *copy = acl_xstrdup(out), *line, *save = NULL;
    size_t n = 0;

    for (line = strtok_r(copy, "\n", &save); line != NULL;
         line = strtok_r(NULL, "\n", &save), n++) {
        char *props = strchr(line, ' '), *end, *prop, *psave = NULL;
        size_t k;

        ck_assert_msg(strchr(line, '\r') == NULL, "CR in: %s", line);
        ck_assert_msg(acl_starts_with(line, "::error ") ||
                          acl_starts_with(line, "::warning ") ||
                          acl_starts_with(line, "::notice "),
                      "not our command: %s", line);
        ck_assert_ptr_nonnull(end = strstr(props, "::"));
        *end = '\0';
        /* GitHub reads the properties up to the first "::": all of
         * ours must be there, in order, each once. */
        prop = strtok_r(props + 1, ",", &psave);
        for (k = 0; k < ACL_ARRAY_LEN(keys); k++) {
            ck_assert_msg(prop != NULL && acl_starts_with(prop, keys[k]),
                          "property %s missing in: %s", keys[k], line);
            prop = strtok_r(NULL, ",", &psave);
        }
        ck_assert_msg(prop == NULL, "extra property %s", prop);
    }
    free(copy);
    return n;
}

/* Runs github, human, gcc and junit on PATH from dir and checks them. */
static void
check_hostile_run(const char *dir, const char *path, size_t want_lines)
{
    static const char *const fmts[] = {"github", "human", "gcc", "junit"};
    struct acl_buf out = {0};
    size_t k;

    for (k = 0; k < ACL_ARRAY_LEN(fmts); k++) {
        char *args[] = {(char *)path, "--color", "never", "-f",
                        (char *)fmts[k]};

        run_cli(dir, args, 5, &out);
        if (k == 0)
            ck_assert_uint_eq(assert_github_safe(out.data), want_lines);
        else
            assert_clean(out.data, fmts[k]);
    }
    acl_buf_free(&out);
}

START_TEST(hostile_fixture)
{
    check_hostile_run("fixtures/cases/hostile-names", ".", 16);
}
END_TEST

static void
copy_file(const char *from, const char *to)
{
    char *text = acl_test_slurp(from);
    FILE *f = fopen(to, "wb");

    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    free(text);
}

json_t *
acl_test_jget(json_t *v, const char *path)
{
    char *copy = acl_xstrdup(path), *tok, *save = NULL, *p;

    for (tok = strtok_r(copy, "/", &save); tok != NULL && v != NULL;
         tok = strtok_r(NULL, "/", &save)) {
        /* "~1" stands for a '/' inside a member name. */
        while ((p = strstr(tok, "~1")) != NULL) {
            *p = '/';
            memmove(p + 1, p + 2, strlen(p + 2) + 1);
        }
        v = json_is_array(v) ? json_array_get(v, strtoul(tok, NULL, 10))
                             : json_object_get(v, tok);
    }
    free(copy);
    return v;
}

const char *
acl_test_jstr(json_t *v, const char *path)
{
    const char *s = json_string_value(acl_test_jget(v, path));

    return s != NULL ? s : "(none)";
}

/* A project folder whose own name tries every trick: the path shows
 * up in every format. */
START_TEST(hostile_path)
{
    char base[] = "/tmp/acl-hostile-XXXXXX", *proj, *ac, *spec;
    const char *name = "evil\n::error file=x,line=1::pwned %0A,:\x1b[31m"
                       "\xe2\x80\xae\r::notice::y";
    struct acl_buf out = {0};
    char *args[] = {(char *)name, "-f", "sarif"};
    json_t *log;

    ck_assert_ptr_nonnull(mkdtemp(base));
    proj = acl_xasprintf("%s/%s", base, name);
    ac = acl_xasprintf("%s/agentcore", proj);
    spec = acl_xasprintf("%s/agentcore.json", ac);
    ck_assert_int_eq(mkdir(proj, 0700), 0);
    ck_assert_int_eq(mkdir(ac, 0700), 0);
    copy_file("fixtures/cases/hostile-names/agentcore/agentcore.json", spec);
    check_hostile_run(base, name, 16);
    run_cli(base, args, 3, &out);
    log = json_loads(out.data, 0, NULL);
    ck_assert_ptr_nonnull(log);
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/artifacts/0/location/uri"),
                     "evil%0A%3A%3Aerror%20file%3Dx%2Cline%3D1%3A%3Apwned%20"
                     "%250A%2C%3A%1B%5B31m%E2%80%AE%0D%3A%3Anotice%3A%3Ay/"
                     "agentcore/agentcore.json");
    json_decref(log);
    acl_buf_free(&out);
    unlink(spec);
    rmdir(ac);
    rmdir(proj);
    rmdir(base);
    free(spec);
    free(ac);
    free(proj);
}
END_TEST

static json_t *
sarif_of(const char *dir, char **args, int nargs)
{
    struct acl_buf out = {0};
    json_error_t jerr;
    json_t *log;

    run_cli(dir, args, nargs, &out);
    log = json_loads(out.data, 0, &jerr);
    ck_assert_msg(log != NULL, "SARIF is not JSON: %s", jerr.text);
    acl_buf_free(&out);
    return log;
}

/* Run from the repository root on a project in a sub-folder, the URI
 * is what GitHub code scanning resolves from the root. */
START_TEST(sarif_subfolder_uri)
{
    char *args[] = {"fixtures/rules/AC001/fail-none-dev", "-f", "sarif"};
    json_t *log = sarif_of(".", args, 3);
    json_t *loc =
        acl_test_jget(log, "runs/0/results/0/locations/0/physicalLocation");
    json_int_t idx =
        json_integer_value(acl_test_jget(loc, "artifactLocation/index"));
    char *art =
        acl_xasprintf("runs/0/artifacts/%lld/location/uri", (long long)idx);

    ck_assert_str_eq(acl_test_jstr(loc, "artifactLocation/uri"),
                     "fixtures/rules/AC001/fail-none-dev/agentcore/"
                     "agentcore.json");
    ck_assert_str_eq(acl_test_jstr(loc, "artifactLocation/uriBaseId"),
                     "SRCROOT");
    ck_assert_str_eq(acl_test_jstr(log, art),
                     acl_test_jstr(loc, "artifactLocation/uri"));
    ck_assert_str_eq(
        acl_test_jstr(log, "runs/0/originalUriBaseIds/SRCROOT/uri"),
        "file:///SRCROOT/");
    ck_assert_str_eq(acl_test_jstr(log, "runs/0/columnKind"), "utf16CodeUnits");
    free(art);
    json_decref(log);
}
END_TEST

/* helpUri names the rule's section of docs/rules.md, whose heading
 * "## AC001 gateway-no-inbound-auth" GitHub turns into that anchor. */
static void
check_help_uri(json_t *rule)
{
    const char *id = acl_test_jstr(rule, "id"),
               *name = acl_test_jstr(rule, "name");
    char *want = acl_xasprintf("%s/blob/main/docs/rules.md#ac%s-%s", ACL_URI,
                               id + 2, name);
    char *heading = acl_xasprintf("\n## %s %s\n", id, name);
    char *doc = acl_test_slurp("docs/rules.md");

    ck_assert_str_eq(acl_test_jstr(rule, "helpUri"), want);
    ck_assert_msg(strstr(doc, heading) != NULL, "docs/rules.md lacks %s", id);
    free(want);
    free(heading);
    free(doc);
}

static void
check_rule_entry(json_t *rule)
{
    static const char *const texts[] = {"id",
                                        "name",
                                        "shortDescription/text",
                                        "fullDescription/text",
                                        "help/text",
                                        "help/markdown",
                                        "helpUri",
                                        "defaultConfiguration/level",
                                        "properties/precision"};
    size_t k;
    int sec =
        acl_rules_at((size_t)acl_rules_find(acl_test_jstr(rule, "id")))->flags &
        ACL_RULE_SECURITY;

    for (k = 0; k < ACL_ARRAY_LEN(texts); k++)
        ck_assert_msg(acl_test_jstr(rule, texts[k])[0] != '\0' &&
                          strcmp(acl_test_jstr(rule, texts[k]), "(none)") != 0,
                      "%s: no %s", acl_test_jstr(rule, "id"), texts[k]);
    ck_assert_str_eq(acl_test_jstr(rule, "properties/tags/0"),
                     sec ? "security" : "correctness");
    ck_assert_int_eq(
        acl_test_jget(rule, "properties/security-severity") != NULL, sec != 0);
    check_help_uri(rule);
}

/* Rule texts in Markdown: a name pattern stays text, not an HTML tag;
 * code spans stay as written; intraword underscores stay. */
START_TEST(markdown_escapes)
{
    struct acl_buf b = {0};

    acl_md_text(&b, "AGENTCORE_GATEWAY_<NAME>_URL, a*b, x|y, _ID, "
                    "`run <cmd> a_b *` then \\");
    ck_assert_str_eq(b.data, "AGENTCORE_GATEWAY_\\<NAME>\\_URL, a\\*b, "
                             "x\\|y, \\_ID, `run <cmd> a_b *` then \\\\");
    acl_buf_free(&b);
}
END_TEST

/* Every rule that ran is in driver.rules once, a disabled one is not,
 * and each ruleIndex names its rule. */
START_TEST(sarif_rules_and_indexes)
{
    char *args[] = {"--production", "--disable", "AC000", ".", "-f", "sarif"};
    json_t *log = sarif_of("fixtures/cases/formats-basic", args, 6);
    json_t *rules = acl_test_jget(log, "runs/0/tool/driver/rules"), *r;
    size_t i;

    ck_assert_uint_eq(json_array_size(rules), acl_rules_count() - 1);
    json_array_foreach (rules, i, r) {
        ck_assert_str_ne(acl_test_jstr(r, "id"), "AC000");
        check_rule_entry(r);
    }
    ck_assert_uint_eq(json_array_size(acl_test_jget(log, "runs/0/results")), 5);
    json_array_foreach (acl_test_jget(log, "runs/0/results"), i, r) {
        json_int_t k = json_integer_value(json_object_get(r, "ruleIndex"));

        ck_assert_str_eq(acl_test_jstr(json_array_get(rules, (size_t)k), "id"),
                         acl_test_jstr(r, "ruleId"));
        ck_assert_str_eq(acl_test_jstr(r, "level"), "error");
    }
    json_decref(log);
}
END_TEST

/* A character outside the BMP before the span counts twice in SARIF,
 * once in the other formats. */
START_TEST(sarif_utf16_columns)
{
    char *args[] = {"--production", "--disable", "AC020", ".", "-f", "sarif"};
    json_t *log = sarif_of("fixtures/cases/formats-basic", args, 6), *r;
    size_t i, seen = 0;

    json_array_foreach (acl_test_jget(log, "runs/0/results"), i, r) {
        json_t *reg = acl_test_jget(r, "locations/0/physicalLocation/region");

        if (json_integer_value(json_object_get(reg, "startLine")) != 14)
            continue;
        ck_assert_int_eq(
            json_integer_value(json_object_get(reg, "startColumn")), 60);
        ck_assert_int_eq(json_integer_value(json_object_get(reg, "endColumn")),
                         66);
        ck_assert_str_eq(acl_test_jstr(reg, "snippet/text"), "\"NONE\"");
        seen++;
    }
    ck_assert_uint_eq(seen, 1);
    json_decref(log);
}
END_TEST

START_TEST(sarif_same_bytes)
{
    char *args[] = {"--production", ".", "-f", "sarif"};
    struct acl_buf a = {0}, b = {0};

    run_cli("fixtures/cases/hostile-names", args, 4, &a);
    run_cli("fixtures/cases/hostile-names", args, 4, &b);
    ck_assert_uint_gt(a.len, 1000);
    ck_assert_str_eq(a.data, b.data);
    acl_buf_free(&a);
    acl_buf_free(&b);
}
END_TEST

Suite *
acl_suite_formats(void)
{
    Suite *s = suite_create("formats");
    TCase *golden = tcase_create("golden");
    TCase *hostile = tcase_create("hostile");
    TCase *sarif = tcase_create("sarif");

    if (cases.n == 0) {
        acl_test_walk_fixtures("fixtures/cases", 2, add_cases, NULL);
        acl_test_walk_fixtures("fixtures/rules", 2, add_cases, NULL);
        qsort(cases.items, cases.n, sizeof *cases.items, cmp_case);
        atexit(free_cases);
    }
    tcase_set_timeout(golden, 60);
    tcase_add_loop_test(golden, format_golden, 0, (int)cases.n);
    tcase_add_test(hostile, hostile_fixture);
    tcase_add_test(hostile, hostile_path);
    tcase_add_test(sarif, sarif_subfolder_uri);
    tcase_add_test(sarif, sarif_rules_and_indexes);
    tcase_add_test(sarif, markdown_escapes);
    tcase_add_test(sarif, sarif_utf16_columns);
    tcase_add_test(sarif, sarif_same_bytes);
    suite_add_tcase(s, golden);
    suite_add_tcase(s, hostile);
    suite_add_tcase(s, sarif);
    return s;
}
