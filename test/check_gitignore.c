/*
 * check_gitignore.c - gitignore(5) matching: a table of cases, the same
 * table checked against real `git check-ignore`, and bounds on time.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "acl/gitignore.h"
#include "acl/util.h"
#include "check_acl.h"

/* The agentcore/.gitignore that `agentcore create` writes. */
#define CLI_IGNORE                                              \
    "# Secrets (local environment files are never committed)\n" \
    ".env.local\n"                                              \
    "\n"                                                        \
    "# CDK Build Artifacts\n"                                   \
    "cdk/cdk.out/\n"                                            \
    "cdk/node_modules/\n"                                       \
    "\n"                                                        \
    "# CLI Internals\n"                                         \
    ".cli/*\n"                                                  \
    "\n"                                                        \
    "# Ephemeral Staging\n"                                     \
    ".cache/*\n"                                                \
    "\n"                                                        \
    "# Exception: Commit the State\n"                           \
    "!.cli/deployed-state.json\n"

#define ENV "agentcore/.env.local"

struct gi_file {
    const char *dir;
    const char *text;
};

struct gi_case {
    struct gi_file files[3]; /* root first; dir NULL ends the list */
    const char *path;
    int is_dir;
    int ignored;
};

#define ROOT(t)   \
    {             \
        {         \
            "", t \
        }         \
    }
#define AC(t)              \
    {                      \
        {                  \
            "agentcore", t \
        }                  \
    }
#define BOTH(r, a)         \
    {                      \
        {"", r},           \
        {                  \
            "agentcore", a \
        }                  \
    }

static const struct gi_case cases[] = {
    /* the file the CLI writes */
    {AC(CLI_IGNORE), ENV, 0, 1},
    {AC(CLI_IGNORE), "agentcore/.cli/deployed-state.json", 0, 0},
    {AC(CLI_IGNORE), "agentcore/.cli/logs", 1, 1},
    {AC(CLI_IGNORE), "agentcore/.cli/logs/deploy.log", 0, 1},
    {AC(CLI_IGNORE), "agentcore/cdk/cdk.out", 1, 1},
    {AC(CLI_IGNORE), "agentcore/cdk/cdk.out/tree.json", 0, 1},
    {AC(CLI_IGNORE), "agentcore/cdk/cdk.out", 0, 0},
    {AC(CLI_IGNORE), "agentcore/cdk/bin/app.ts", 0, 0},
    {AC(CLI_IGNORE), "agentcore/agentcore.json", 0, 0},
    {AC(CLI_IGNORE), "agentcore/.cache/x", 0, 1},
    {AC(CLI_IGNORE), "agentcore/sub/.env.local", 0, 1},
    {AC(CLI_IGNORE), ".env.local", 0, 0},
    {BOTH(".cli\n", CLI_IGNORE), "agentcore/.cli/deployed-state.json", 0, 1},
    /* root patterns */
    {ROOT(".env.local\n"), ENV, 0, 1},
    {ROOT("*.local\n"), ENV, 0, 1},
    {ROOT("*.LOCAL\n"), ENV, 0, 0},
    {ROOT(".env*\n"), ENV, 0, 1},
    {ROOT(".env*\n!.env.local\n"), ENV, 0, 0},
    {ROOT("!.env.local\n.env*\n"), ENV, 0, 1},
    {ROOT("agentcore/\n"), ENV, 0, 1},
    {ROOT("agentcore/\n!agentcore/.env.local\n"), ENV, 0, 1},
    {ROOT("agentcore\n"), ENV, 0, 1},
    {ROOT("agentcore\n"), "app/agentcore/x", 0, 1},
    {ROOT("/agentcore/\n"), "app/agentcore/.env.local", 0, 0},
    {ROOT("/agentcore/.env.local\n"), ENV, 0, 1},
    {ROOT("/agentcore/.env.local\n"), "app/agentcore/.env.local", 0, 0},
    {ROOT("agentcore/.env.local\n"), "app/agentcore/.env.local", 0, 0},
    {ROOT("**/.env.local\n"), "app/agentcore/.env.local", 0, 1},
    {ROOT("**/.env.local\n"), ".env.local", 0, 1},
    {ROOT("**/agentcore/.env.local\n"), ENV, 0, 1},
    {ROOT("agentcore/*\n"), ENV, 0, 1},
    {ROOT("agentcore/*\n!agentcore/.env.local\n"), ENV, 0, 0},
    {ROOT("agentcore/*\n!agentcore/.cli/x\n"), "agentcore/.cli/x", 0, 1},
    {ROOT("agentcore/**\n"), ENV, 0, 1},
    {ROOT("agentcore/**\n!agentcore/.env.local\n"), ENV, 0, 0},
    {ROOT("agentcore/**/\n"), "agentcore/a/b", 1, 1},
    {ROOT("agentcore/**/\n"), ENV, 0, 0},
    {ROOT("a/**/b\n"), "a/b", 0, 1},
    {ROOT("a/**/b\n"), "a/x/y/b", 0, 1},
    {ROOT("a/**/b\n"), "a/xb", 0, 0},
    {ROOT("a**/b\n"), "ax/y/b", 0, 1},
    {ROOT("**\n"), ENV, 0, 1},
    {ROOT("*\n!.env.local\n"), ENV, 0, 1},
    {ROOT("*\n!agentcore/\n!.env.local\n"), ENV, 0, 0},
    {ROOT(".env.local/\n"), ENV, 0, 0},
    {ROOT(".env.local/\n"), "x/.env.local", 1, 1},
    {ROOT(".cli/*\n!.cli/deployed-state.json\n"),
     "agentcore/.cli/deployed-state.json", 0, 0},
    {ROOT("agentcore/.cli/*\n!agentcore/.cli/deployed-state.json\n"),
     "agentcore/.cli/deployed-state.json", 0, 0},
    {ROOT("agentcore/.cli/*\n!agentcore/.cli/deployed-state.json\n"),
     "agentcore/.cli/logs/a.log", 0, 1},
    /* several files: the deepest decides */
    {BOTH(".env.local\n", "!.env.local\n"), ENV, 0, 0},
    {BOTH("!.env.local\n", ".env.local\n"), ENV, 0, 1},
    {BOTH("*.local\n", "!*.local\n.env.local\n"), ENV, 0, 1},
    {BOTH("*.local\n", "# nothing\n"), ENV, 0, 1},
    {BOTH("", "/.env.local\n"), ENV, 0, 1},
    {BOTH("", "/.env.local\n"), "agentcore/x/.env.local", 0, 0},
    {{{"", ".env.local\n"},
      {"agentcore", "!.env.local\n"},
      {"agentcore/sub", ".env.local\n"}},
     "agentcore/sub/.env.local",
     0,
     1},
    /* escapes, spaces, line ends */
    {ROOT("\\#file\n"), "#file", 0, 1},
    {ROOT("#file\n"), "#file", 0, 0},
    {ROOT("\\!important\n"), "!important", 0, 1},
    {ROOT("!important\n"), "!important", 0, 0},
    {ROOT(".env.local   \n"), ENV, 0, 1},
    {ROOT(".env.local\t\n"), ENV, 0, 0},
    {ROOT(".env.local\\ \n"), "agentcore/.env.local ", 0, 1},
    {ROOT(".env.local\\ \n"), ENV, 0, 0},
    {ROOT(".env.local\\  \n"), "agentcore/.env.local ", 0, 1},
    {ROOT(".env.local\r\n"), ENV, 0, 1},
    {ROOT("\\.env\\.local\n"), ENV, 0, 1},
    {ROOT("agentcore\\/.env.local\n"), ENV, 0, 1},
    {ROOT(".env.local\\\n"), ENV, 0, 0},
    {ROOT(".env.local"), ENV, 0, 1},
    /* wildcards and classes */
    {ROOT("?env.local\n"), ENV, 0, 1},
    {ROOT("agentcore?.env.local\n"), ENV, 0, 0},
    {ROOT(".env.[lL]ocal\n"), ENV, 0, 1},
    {ROOT(".env.[!l]ocal\n"), ENV, 0, 0},
    {ROOT(".env.[!l]ocal\n"), "agentcore/.env.xocal", 0, 1},
    {ROOT(".env.[^l]ocal\n"), "agentcore/.env.xocal", 0, 1},
    {ROOT(".env.[a-m]ocal\n"), ENV, 0, 1},
    {ROOT(".env.[n-z]ocal\n"), ENV, 0, 0},
    {ROOT(".env.[]l]ocal\n"), ENV, 0, 1},
    {ROOT(".env.[-]ocal\n"), "x/.env.-ocal", 0, 1},
    {ROOT(".env.[a-]ocal\n"), "x/.env.-ocal", 0, 1},
    {ROOT("[.]env[.]local\n"), ENV, 0, 1},
    {ROOT(".env.[[:lower:]]ocal\n"), ENV, 0, 1},
    {ROOT(".env.[[:digit:]]ocal\n"), ENV, 0, 0},
    {ROOT(".env.[[:nope:]]ocal\n"), ENV, 0, 0},
    {ROOT(".env.[local\n"), "x/.env.[local", 0, 0},
    {ROOT("agentcore[/].env.local\n"), ENV, 0, 0},
    {ROOT("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n"), "x/aaaaaaaaaaaaaaaaaaaaaaaaaa",
     0, 0},
    {ROOT("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n"), "x/aaaaaaaaaaaaaaaaaaaaaaaaab",
     0, 1},
};

static struct acl_gitignore *
build(const struct gi_case *c)
{
    struct acl_gitignore *g = acl_gitignore_new();
    size_t i;

    for (i = 0; i < 3 && c->files[i].dir != NULL; i++)
        acl_gitignore_add(g, c->files[i].dir, c->files[i].text,
                          strlen(c->files[i].text));
    return g;
}

START_TEST(table)
{
    const struct gi_case *c = &cases[_i];
    struct acl_gitignore *g = build(c);

    ck_assert_msg(acl_gitignore_ignored(g, c->path, c->is_dir) == c->ignored,
                  "row %d: %s (dir %d) should be %s", _i, c->path, c->is_dir,
                  c->ignored ? "ignored" : "kept");
    acl_gitignore_free(g);
}
END_TEST

/* ---- the same table against git ---- */

static int
git_on_path(void)
{
    const char *path = getenv("PATH");
    char *copy, *dir, *save = NULL, *exe;
    int found = 0;

    if (path == NULL)
        return 0;
    copy = acl_xstrdup(path);
    for (dir = strtok_r(copy, ":", &save); dir && !found;
         dir = strtok_r(NULL, ":", &save)) {
        exe = acl_xasprintf("%s/git", *dir ? dir : ".");
        found = access(exe, X_OK) == 0;
        free(exe);
    }
    free(copy);
    return found;
}

/* Runs argv with no user or system git configuration, output
 * discarded; returns the exit status or -1. */
static int
run(char *const argv[], const char *home)
{
    pid_t pid = fork();
    int status, fd;

    if (pid < 0)
        return -1;
    if (pid == 0) {
        fd = open("/dev/null", O_RDWR);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        setenv("HOME", home, 1);
        setenv("XDG_CONFIG_HOME", home, 1);
        setenv("GIT_CONFIG_NOSYSTEM", "1", 1);
        setenv("GIT_CONFIG_GLOBAL", "/dev/null", 1);
        unsetenv("GIT_DIR");
        unsetenv("GIT_WORK_TREE");
        unsetenv("GIT_INDEX_FILE");
        execvp(argv[0], argv);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* mkdir -p of the first len bytes of rel below base. */
static void
make_dirs(const char *base, const char *rel, size_t len)
{
    size_t i;
    char *p;

    for (i = 1; i <= len; i++) {
        if (i < len && rel[i] != '/')
            continue;
        p = acl_xasprintf("%s/%.*s", base, (int)i, rel);
        ck_assert_msg(mkdir(p, 0700) == 0 || errno == EEXIST, "mkdir %s", p);
        free(p);
    }
}

static void
write_file(const char *base, const char *rel, const char *text)
{
    const char *slash = strrchr(rel, '/');
    char *p = acl_xasprintf("%s/%s", base, rel);
    FILE *f;

    if (slash != NULL)
        make_dirs(base, rel, (size_t)(slash - rel));
    f = fopen(p, "w");
    ck_assert_msg(f != NULL, "cannot write %s", p);
    fputs(text, f);
    ck_assert_int_eq(fclose(f), 0);
    free(p);
}

/* Lays out row i in its own folder of the repository, asks git. */
static int
git_says(const char *repo, int i, const char *home)
{
    const struct gi_case *c = &cases[i];
    char *row = acl_xasprintf("%s/r%d", repo, i), *rel;
    char *argv[] = {"git",           "-C", row,
                    "check-ignore",  "-q", "--no-index",
                    (char *)c->path, NULL};
    size_t k;
    int rc;

    ck_assert_int_eq(mkdir(row, 0700), 0);
    for (k = 0; k < 3 && c->files[k].dir != NULL; k++) {
        rel = acl_xasprintf("%s%s.gitignore", c->files[k].dir,
                            *c->files[k].dir ? "/" : "");
        write_file(row, rel, c->files[k].text);
        free(rel);
    }
    if (c->is_dir)
        make_dirs(row, c->path, strlen(c->path));
    else
        write_file(row, c->path, "");
    rc = run(argv, home);
    ck_assert_msg(rc == 0 || rc == 1, "row %d: git check-ignore exit %d", i,
                  rc);
    free(row);
    return rc == 0;
}

/* The throwaway repository's parent. The fixture runs in the parent
 * process, so the folder goes even when an assertion ends the test. */
static char tmp_dir[64];

static void
tmp_setup(void)
{
    snprintf(tmp_dir, sizeof(tmp_dir), "/tmp/acl-gitignore-XXXXXX");
    if (!git_on_path() || mkdtemp(tmp_dir) == NULL)
        tmp_dir[0] = '\0';
}

static void
tmp_teardown(void)
{
    char *rm[] = {"rm", "-rf", tmp_dir, NULL};

    if (tmp_dir[0] != '\0')
        run(rm, tmp_dir);
    tmp_dir[0] = '\0';
}

START_TEST(same_as_git)
{
    char *repo, *init[] = {"git", "init", "-q", NULL, NULL};
    int i, git, ours;
    struct acl_gitignore *g;

    if (!git_on_path())
        return;
    ck_assert_msg(tmp_dir[0] != '\0', "cannot make a folder under /tmp");
    repo = acl_xasprintf("%s/repo", tmp_dir);
    init[3] = repo;
    ck_assert_int_eq(run(init, tmp_dir), 0);
    for (i = 0; i < (int)ACL_ARRAY_LEN(cases); i++) {
        git = git_says(repo, i, tmp_dir);
        g = build(&cases[i]);
        ours = acl_gitignore_ignored(g, cases[i].path, cases[i].is_dir);
        acl_gitignore_free(g);
        ck_assert_msg(git == cases[i].ignored && ours == git,
                      "row %d (%s): git %d, ours %d, table %d", i,
                      cases[i].path, git, ours, cases[i].ignored);
    }
    free(repo);
}
END_TEST

/* ---- the interface ---- */

static int
ignored1(const char *dir, const char *text, const char *path, int is_dir)
{
    struct acl_gitignore *g = acl_gitignore_new();
    int r;

    acl_gitignore_add(g, dir, text, strlen(text));
    r = acl_gitignore_ignored(g, path, is_dir);
    acl_gitignore_free(g);
    return r;
}

START_TEST(paths_are_normalised)
{
    ck_assert(ignored1("", "agentcore/\n", "./agentcore//.env.local", 0));
    ck_assert(ignored1("", "/.env.local/\n", ".env.local/", 0));
    ck_assert(!ignored1("", "/.env.local/\n", ".env.local", 0));
    ck_assert(ignored1("agentcore/", "/.env.local\n", ENV, 0));
    ck_assert(ignored1(".", "/agentcore/.env.local\n", ENV, 0));
    ck_assert(!ignored1("", "*\n", "", 0));
    ck_assert(!ignored1("", "*\n", "/", 1));
}
END_TEST

START_TEST(deepest_wins_in_any_order)
{
    struct acl_gitignore *g = acl_gitignore_new();

    acl_gitignore_add(g, "agentcore", "!.env.local\n", 12);
    acl_gitignore_add(g, "", ".env.local\n", 11);
    ck_assert(!acl_gitignore_ignored(g, ENV, 0));
    ck_assert(acl_gitignore_ignored(g, ".env.local", 0));
    acl_gitignore_free(g);
    acl_gitignore_free(NULL);
}
END_TEST

START_TEST(odd_bytes)
{
    struct acl_gitignore *g = acl_gitignore_new();
    static const char text[] = "\xef\xbb\xbf.env.local\nfoo\0bar\n";

    acl_gitignore_add(g, "", text, sizeof(text) - 1);
    acl_gitignore_add(g, "x", NULL, 0);
    ck_assert(acl_gitignore_ignored(g, ENV, 0));
    ck_assert(acl_gitignore_ignored(g, "foo", 0));
    ck_assert(!acl_gitignore_ignored(g, "foobar", 0));
    acl_gitignore_free(g);
    /* lines that are no pattern at all */
    ck_assert(!ignored1("", "   \n#\n!\n/\n//\n[\n\\\n", ENV, 0));
    ck_assert(!ignored1("", "   \n#\n!\n/\n//\n[\n\\\n", "a", 1));
}
END_TEST

/* ---- bounded time ---- */

static double
now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

START_TEST(pathological_patterns)
{
    struct acl_buf pat = {0}, path = {0};
    double t0 = now();
    int i;

    for (i = 0; i < 2000; i++)
        acl_buf_puts(&pat, "*a");
    acl_buf_puts(&pat, "b\n**/**/**/**/**/**/**/**/**/**/**/**/**/c/**/d\n");
    for (i = 0; i < 5000; i++)
        acl_buf_putc(&path, 'a');
    ck_assert(!ignored1("", pat.data, path.data, 0));
    acl_buf_putc(&path, 'b');
    ck_assert(ignored1("", pat.data, path.data, 0));
    acl_buf_reset(&path);
    for (i = 0; i < 200; i++)
        acl_buf_puts(&path, "c/");
    acl_buf_putc(&path, 'e');
    ck_assert(!ignored1("", pat.data, path.data, 0));
    path.data[path.len - 1] = 'd';
    ck_assert(ignored1("", pat.data, path.data, 0));
    ck_assert_msg(now() - t0 < 10.0, "took %.1f s", now() - t0);
    acl_buf_free(&pat);
    acl_buf_free(&path);
}
END_TEST

/* A pattern longer than any path is never matched (and costs nothing
 * per path); just under the cap it still works. Repeated "**" + "/"
 * segments, and a pattern needing more bytes than the path has, are
 * decided without stepping through the whole path. */
START_TEST(long_patterns_capped)
{
    struct acl_buf pat = {0}, path = {0};
    double t0 = now();
    int i;

    for (i = 0; i < 1365; i++)
        acl_buf_puts(&pat, "**/");
    acl_buf_puts(&pat, "x\n");
    for (i = 0; i < 2000; i++)
        acl_buf_puts(&path, "d/");
    acl_buf_putc(&path, 'x');
    ck_assert(ignored1("", pat.data, path.data, 0)); /* 4096 bytes */
    acl_buf_reset(&pat);
    acl_buf_puts(&pat, "**/");
    for (i = 0; i < 1 << 20; i++)
        acl_buf_putc(&pat, 'x');
    acl_buf_putc(&pat, '\n');
    ck_assert(!ignored1("", pat.data, path.data, 0)); /* 1 MiB: refused */
    acl_buf_reset(&pat);
    acl_buf_puts(&pat, "**/");
    for (i = 0; i < 4000; i++)
        acl_buf_putc(&pat, '?');
    acl_buf_putc(&pat, '\n');
    ck_assert(!ignored1("", pat.data, path.data, 0));
    ck_assert_msg(now() - t0 < 10.0, "took %.1f s", now() - t0);
    acl_buf_free(&pat);
    acl_buf_free(&path);
}
END_TEST

Suite *
acl_suite_gitignore(void)
{
    Suite *s = suite_create("gitignore");
    TCase *tc;

    tc = tcase_create("table");
    tcase_add_loop_test(tc, table, 0, (int)ACL_ARRAY_LEN(cases));
    suite_add_tcase(s, tc);
    tc = tcase_create("same_as_git");
    tcase_set_timeout(tc, 120);
    tcase_add_unchecked_fixture(tc, tmp_setup, tmp_teardown);
    tcase_add_test(tc, same_as_git);
    suite_add_tcase(s, tc);
    tc = tcase_create("interface");
    tcase_add_test(tc, paths_are_normalised);
    tcase_add_test(tc, deepest_wins_in_any_order);
    tcase_add_test(tc, odd_bytes);
    suite_add_tcase(s, tc);
    tc = tcase_create("bounded_time");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, long_patterns_capped);
    tcase_add_test(tc, pathological_patterns);
    suite_add_tcase(s, tc);
    return s;
}
