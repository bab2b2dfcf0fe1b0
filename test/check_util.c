/*
 * check_util.c - buffers, strings and errors; and the helpers the other
 * suites share (files, scratch folders, in-process runs of the CLI).
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "acl/cli.h"
#include "acl/engine.h"
#include "acl/suggest.h"
#include "acl/util.h"
#include "check_acl.h"

static const char *
shared_dir(void)
{
    const char *env = getenv("ACL_SHARED_DIR");

    if (env != NULL && *env != '\0')
        return access(env, R_OK) == 0 ? env : NULL;
    return access("../shared/spec", R_OK) == 0 ? "../shared" : NULL;
}

const char *
acl_test_shared_for(const char *file, const char *test)
{
    const char *dir = shared_dir();

    if (dir == NULL) {
        /* libcheck names a test's function NAME_fn. */
        size_t n = strlen(test);

        if (n > 3 && strcmp(test + n - 3, "_fn") == 0)
            n -= 3;
        printf("SKIP: %s: %.*s: the shared corpus and spec (../shared, or "
               "$ACL_SHARED_DIR) are not there\n",
               file, (int)n, test);
        fflush(stdout);
    }
    return dir;
}

static void
walk_fixtures(const char *dir, int depth, int max_depth,
              void (*fn)(const char *dir, void *arg), void *arg)
{
    DIR *d;
    struct dirent *e;

    fn(dir, arg);
    if (depth >= max_depth || (d = opendir(dir)) == NULL)
        return;
    while ((e = readdir(d)) != NULL) {
        char *sub;
        struct stat st;

        if (e->d_name[0] == '.' || strcmp(e->d_name, "agentcore") == 0 ||
            strcmp(e->d_name, "app") == 0)
            continue;
        sub = acl_xasprintf("%s/%s", dir, e->d_name);
        if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
            walk_fixtures(sub, depth + 1, max_depth, fn, arg);
        free(sub);
    }
    closedir(d);
}

void
acl_test_walk_fixtures(const char *dir, int max_depth,
                       void (*fn)(const char *dir, void *arg), void *arg)
{
    walk_fixtures(dir, 0, max_depth, fn, arg);
}

char *
acl_test_read(const char *path)
{
    FILE *f = fopen(path, "rb");
    struct acl_buf b = {0};
    char chunk[4096];
    size_t n;

    if (f == NULL)
        return NULL;
    acl_buf_append(&b, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        acl_buf_append(&b, chunk, n);
    fclose(f);
    return acl_buf_steal(&b);
}

char *
acl_test_slurp(const char *path)
{
    char *text = acl_test_read(path);

    return text != NULL ? text : acl_xstrdup("");
}

/* Where the files of a failed comparison go: $ACL_GOLDEN_DIFF_DIR, or
 * build/golden-diff, then the label as a folder path. */
static char *
diff_dir(const char *label)
{
    const char *root = getenv("ACL_GOLDEN_DIFF_DIR");
    char *dir = acl_xasprintf(
             "%s/%s", root && *root ? root : "build/golden-diff", label),
         *p;

    for (p = dir; *p != '\0'; p++)
        if (p[0] == '.' && p[1] == '.')
            p[0] = p[1] = '_';
    for (p = dir + 1; *p != '\0'; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0755);
            *p = '/';
        }
    mkdir(dir, 0755);
    return dir;
}

static void
write_file(const char *dir, const char *name, const char *text)
{
    char *path = acl_xasprintf("%s/%s", dir, name);
    FILE *f = fopen(path, "wb");

    if (f != NULL) {
        fputs(text, f);
        fclose(f);
    }
    free(path);
}

/* `diff -u expected got > diff` in dir, without a shell. */
static void
write_diff(const char *dir)
{
    char *exp = acl_xasprintf("%s/expected", dir);
    char *got = acl_xasprintf("%s/got", dir);
    char *out = acl_xasprintf("%s/diff", dir);
    pid_t pid = fork();

    if (pid == 0) {
        int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);

        if (fd >= 0 && dup2(fd, STDOUT_FILENO) >= 0)
            execlp("diff", "diff", "-u", exp, got, (char *)NULL);
        _exit(127);
    }
    if (pid > 0)
        waitpid(pid, NULL, 0);
    free(exp);
    free(got);
    free(out);
}

/* The first line (1-based) where a and b differ; its text in each,
 * cut to 120 bytes, goes to ea and eb. */
static size_t
first_difference(const char *a, const char *b, char *ea, char *eb)
{
    size_t line = 1, i = 0, start = 0;

    while (a[i] != '\0' && a[i] == b[i]) {
        if (a[i++] == '\n') {
            line++;
            start = i;
        }
    }
    snprintf(ea, 121, "%.*s", (int)strcspn(a + start, "\n"), a + start);
    snprintf(eb, 121, "%.*s", (int)strcspn(b + start, "\n"), b + start);
    return line;
}

/* Writes expected, got and their diff under diff_dir(label) and fails
 * with a message short enough for libcheck, which drops long ones. */
static void
report_difference(const char *expected, const char *got, const char *label)
{
    char *dir = diff_dir(label), ea[121], eb[121];
    size_t line = first_difference(expected, got, ea, eb);

    write_file(dir, "expected", expected);
    write_file(dir, "got", got);
    write_diff(dir);
    ck_assert_msg(0,
                  "%s: output differs at line %zu (see %s/diff)\n"
                  "  expected: %s\n  got:      %s",
                  label, line, dir, ea, eb);
    free(dir);
}

void
acl_test_check_or_update(const char *path, const char *got, const char *label)
{
    char *expected = acl_test_slurp(path);

    if (getenv("ACL_GOLDEN_UPDATE") != NULL) {
        FILE *f = fopen(path, "wb");

        ck_assert_ptr_nonnull(f);
        fputs(got, f);
        fclose(f);
    } else if (strcmp(got, expected) != 0) {
        report_difference(expected, got, label);
    }
    free(expected);
}

int
acl_test_rules_file_args(const char *rules_text, char **args, int n, int max)
{
    size_t i;

    if (rules_text[0] == '\0')
        return n;
    for (i = 0; i < acl_rules_count(); i++) {
        const char *id = acl_rules_at(i)->id;
        const char *hit = strstr(rules_text, id);

        if (hit != NULL && (hit[strlen(id)] == '\n' || !hit[strlen(id)]))
            continue;
        ck_assert_int_lt(n + 2, max);
        args[n++] = "--disable";
        args[n++] = (char *)id;
    }
    return n;
}

void
acl_test_put(const char *dir, const char *rel, const char *text)
{
    char *path = acl_xasprintf("%s/%s", dir, rel);
    FILE *f = fopen(path, "w");

    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    free(path);
}

void
acl_test_mkdir(const char *dir, const char *rel)
{
    char *path = acl_xasprintf("%s/%s", dir, rel);

    ck_assert_int_eq(mkdir(path, 0755), 0);
    free(path);
}

char *
acl_test_run_cli(const char *dir, char **argv, int *rc)
{
    char cwd[PATH_MAX], out[] = "/tmp/acl-cli-XXXXXX", **all;
    int fd = mkstemp(out), argc = 0;
    char *text;

    ck_assert_int_ge(fd, 0);
    close(fd);
    while (argv[argc] != NULL)
        argc++;
    all = acl_xcalloc((size_t)argc + 3, sizeof *all);
    memcpy(all, argv, (size_t)argc * sizeof *all);
    all[argc++] = "-o";
    all[argc++] = out;
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    if (dir != NULL)
        ck_assert_int_eq(chdir(dir), 0);
    *rc = acl_cli_main(argc, all);
    ck_assert_int_eq(chdir(cwd), 0);
    text = acl_test_slurp(out);
    unlink(out);
    free(all);
    return text;
}

START_TEST(buf_grows)
{
    struct acl_buf b = {0};
    int i;

    for (i = 0; i < 1000; i++)
        acl_buf_printf(&b, "%d,", i % 10);
    ck_assert_uint_eq(b.len, 2000);
    ck_assert_int_eq(b.data[1998], '9');
    ck_assert_int_eq(b.data[2000], '\0');
    acl_buf_free(&b);
    ck_assert_ptr_null(b.data);
    /* One piece larger than the spare room: formatted again, whole. */
    acl_buf_puts(&b, "ab");
    acl_buf_printf(&b, "%0300d|%s", 7, "end");
    ck_assert_uint_eq(b.len, 2 + 300 + 4);
    ck_assert_int_eq(b.data[301], '7');
    ck_assert_str_eq(b.data + 302, "|end");
    acl_buf_free(&b);
}
END_TEST

START_TEST(error_set_returns_minus_one)
{
    struct acl_error err;

    ck_assert_int_eq(acl_error_set(&err, "%s: %d", "x", 3), -1);
    ck_assert_str_eq(err.text, "x: 3");
    ck_assert_int_eq(acl_error_set(NULL, "ignored"), -1);
}
END_TEST

START_TEST(path_join_adds_one_slash)
{
    static const char *const cases[][3] = {
        {".", "a/b", "a/b"}, {"", "a", "a"},        {"dir/", "a", "dir/a"},
        {"/", "a", "/a"},    {"x/y", "a", "x/y/a"},
    };
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(cases); i++) {
        char *s = acl_path_join(cases[i][0], cases[i][1]);

        ck_assert_str_eq(s, cases[i][2]);
        free(s);
    }
}
END_TEST

START_TEST(ascii_helpers)
{
    ck_assert(acl_strieq("Prod-EU", "prod-eu"));
    ck_assert(!acl_strieq("prod", "prod2"));
    ck_assert(acl_starts_with("sk-proj-x", "sk-"));
    ck_assert(acl_ends_with("a/.well-known/openid-configuration",
                            "/.well-known/openid-configuration"));
    ck_assert(!acl_ends_with("x", "xx"));
}
END_TEST

START_TEST(edit_distance_counts_edits)
{
    ck_assert_uint_eq(acl_edit_distance("prod", 4, "prdo", 4, 0), 1);
    ck_assert_uint_eq(acl_edit_distance("kitten", 6, "sitting", 7, 0), 3);
    ck_assert_uint_eq(acl_edit_distance("", 0, "abc", 3, 0), 3);
    ck_assert_uint_eq(acl_edit_distance("SARIF", 5, "sarif", 5, 1), 0);
    ck_assert_uint_eq(acl_edit_distance("SARIF", 5, "sarif", 5, 0), 5);
}
END_TEST

START_TEST(suggest_picks_one_close_word)
{
    static const char *const fmts[] = {"human", "sarif",  "json",
                                       "gcc",   "github", NULL};
    static const char *const tie[] = {"cat", "bat"};

    ck_assert_str_eq(acl_suggest("srif", fmts, 6), "sarif");
    ck_assert_str_eq(acl_suggest("JSON", fmts, 6), "json");
    ck_assert_ptr_null(acl_suggest("json", fmts, 6)); /* exact: no hint */
    ck_assert_ptr_null(acl_suggest("xml", fmts, 6));
    ck_assert_ptr_null(acl_suggest("hat", tie, 2));
}
END_TEST

Suite *
acl_suite_util(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("util");

    tcase_add_test(tc, buf_grows);
    tcase_add_test(tc, error_set_returns_minus_one);
    tcase_add_test(tc, ascii_helpers);
    tcase_add_test(tc, path_join_adds_one_slash);
    tcase_add_test(tc, edit_distance_counts_edits);
    tcase_add_test(tc, suggest_picks_one_close_word);
    suite_add_tcase(s, tc);
    return s;
}
