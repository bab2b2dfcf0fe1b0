/*
 * check_env_local.c - AC011 reads the .gitignore files of the enclosing
 * git work tree, found by the nearest ".git" entry above the project,
 * and nothing above a project outside git.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/engine.h"
#include "acl/model.h"
#include "check_acl.h"

static char base[] = "/tmp/acl-envlocal-XXXXXX";

static void
rm(const char *rel)
{
    char *path = acl_xasprintf("%s/%s", base, rel);

    if (unlink(path) != 0)
        rmdir(path);
    free(path);
}

/* outer/ holds a .gitignore naming the file; the project is outer/proj. */
static void
setup(void)
{
    ck_assert_ptr_nonnull(mkdtemp(base));
    acl_test_mkdir(base, "outer");
    acl_test_mkdir(base, "outer/proj");
    acl_test_mkdir(base, "outer/proj/agentcore");
    acl_test_put(base, "outer/proj/agentcore/agentcore.json",
        "{\"name\": \"Proj\", \"version\": 1}\n");
    acl_test_put(base, "outer/proj/agentcore/.env.local", "");
    acl_test_put(base, "outer/.gitignore", "proj/agentcore/.env.local\n");
}

static void
teardown(void)
{
    static const char *const paths[] = {
        "outer/proj/agentcore/agentcore.json",
        "outer/proj/agentcore/.env.local", "outer/proj/agentcore/.gitignore",
        "outer/proj/agentcore", "outer/proj", "outer/.gitignore",
        "outer/ignore-list", "outer/.git", "outer", ""};
    size_t i;

    for (i = 0; i < sizeof paths / sizeof paths[0]; i++)
        rm(paths[i]);
    strcpy(base + strlen(base) - 6, "XXXXXX");
}

/* The number of AC011 findings on outer/proj. */
static size_t
ac011_count(void)
{
    char *root = acl_xasprintf("%s/outer/proj", base);
    struct acl_error err;
    struct acl_project *p = acl_project_load(root, root, NULL, 1u << 20,
                                             &err);
    struct acl_rule_conf *confs =
        acl_xcalloc(acl_rules_count(), sizeof *confs);
    struct acl_findings out = {0};
    size_t i, n = 0;

    ck_assert_ptr_nonnull(p);
    acl_rule_confs_default(confs);
    for (i = 0; i < acl_rules_count(); i++)
        confs[i].enabled = strcmp(acl_rules_at(i)->id, "AC011") == 0;
    acl_engine_lint(p, confs, &out);
    for (i = 0; i < out.n; i++)
        n += strcmp(out.items[i]->rule->id, "AC011") == 0;
    acl_findings_clear(&out);
    free(confs);
    acl_project_free(p);
    free(root);
    return n;
}

START_TEST(git_dir_above)
{
    acl_test_mkdir(base, "outer/.git");
    ck_assert_uint_eq(ac011_count(), 0);
}
END_TEST

/* A linked work tree or submodule has a .git file, not a folder. */
START_TEST(git_file_above)
{
    acl_test_put(base, "outer/.git", "gitdir: /elsewhere\n");
    ck_assert_uint_eq(ac011_count(), 0);
}
END_TEST

/* Outside git, only the project's own .gitignore files count. */
START_TEST(outside_git)
{
    if (access("/.git", F_OK) == 0 || access("/tmp/.git", F_OK) == 0)
        return;
    ck_assert_uint_eq(ac011_count(), 1);
    acl_test_put(base, "outer/proj/agentcore/.gitignore", ".env.local\n");
    ck_assert_uint_eq(ac011_count(), 0);
}
END_TEST

/* Git does not follow a .gitignore that is a symbolic link. */
START_TEST(linked_gitignore)
{
    char *link = acl_xasprintf("%s/outer/.gitignore", base);

    acl_test_mkdir(base, "outer/.git");
    rm("outer/.gitignore");
    acl_test_put(base, "outer/ignore-list", "proj/agentcore/.env.local\n");
    ck_assert_int_eq(symlink("ignore-list", link), 0);
    ck_assert_uint_eq(ac011_count(), 1);
    free(link);
}
END_TEST

/* The project's own .gitignore may re-include what the outer one
 * ignores: the deeper file wins. */
START_TEST(deeper_negation)
{
    acl_test_mkdir(base, "outer/.git");
    acl_test_put(base, "outer/proj/agentcore/.gitignore", "!.env.local\n");
    ck_assert_uint_eq(ac011_count(), 1);
}
END_TEST

START_TEST(no_env_local)
{
    rm("outer/proj/agentcore/.env.local");
    ck_assert_uint_eq(ac011_count(), 0);
}
END_TEST

Suite *
acl_suite_env_local(void)
{
    Suite *s = suite_create("env_local");
    TCase *tc;

#define ADD(name)                                                           \
    tc = tcase_create(#name);                                               \
    tcase_add_checked_fixture(tc, setup, teardown);                         \
    tcase_add_test(tc, name);                                               \
    suite_add_tcase(s, tc)
    ADD(git_dir_above);
    ADD(git_file_above);
    ADD(outside_git);
    ADD(linked_gitignore);
    ADD(deeper_negation);
    ADD(no_env_local);
#undef ADD
    return s;
}
