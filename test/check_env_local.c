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

/* The shared index a split index test names. */
#define SHARED "outer/.git/sharedindex.1111111111111111111111111111111111111111"

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
    static const char *const paths[] = {"outer/proj/agentcore/agentcore.json",
                                        "outer/proj/agentcore/.env.local",
                                        "outer/proj/agentcore/.gitignore",
                                        "outer/proj/agentcore",
                                        "outer/proj",
                                        "outer/.gitignore",
                                        "outer/ignore-list",
                                        "outer/.git/index",
                                        SHARED,
                                        "outer/.git",
                                        "outer/gitdir/index",
                                        "outer/gitdir/wt/index",
                                        "outer/gitdir/wt/commondir",
                                        "outer/gitdir/wt",
                                        "outer/gitdir/config",
                                        "outer/gitdir",
                                        "outer",
                                        ""};
    size_t i;

    for (i = 0; i < sizeof paths / sizeof paths[0]; i++)
        rm(paths[i]);
    strcpy(base + strlen(base) - 6, "XXXXXX");
}

static size_t notices; /* of the last ac011_count() */

/* The number of AC011 findings on outer/proj. */
static size_t
ac011_count(void)
{
    char *root = acl_xasprintf("%s/outer/proj", base);
    struct acl_error err;
    struct acl_project *p = acl_project_load(root, root, NULL, 1u << 20, &err);
    struct acl_rule_conf *confs = acl_xcalloc(acl_rules_count(), sizeof *confs);
    struct acl_findings out = {0};
    size_t i, n = 0;

    ck_assert_ptr_nonnull(p);
    acl_rule_confs_default(confs);
    for (i = 0; i < acl_rules_count(); i++)
        confs[i].enabled = strcmp(acl_rules_at(i)->id, "AC011") == 0;
    acl_engine_lint(p, confs, &out);
    for (i = 0; i < out.n; i++)
        n += strcmp(out.items[i]->rule->id, "AC011") == 0;
    notices = p->notices->n;
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

/* A version 2 index holding the one path given, with object names of
 * hash_len bytes (20: SHA-1, 32: SHA-256). */
static void
put_index_hash(const char *rel, const char *path, size_t hash_len)
{
    unsigned char buf[512] = {'D', 'I', 'R', 'C', 0, 0, 0, 2, 0, 0, 0, 1};
    size_t len = 12, n = strlen(path), begin;
    char *file = acl_xasprintf("%s/%s", base, rel);
    FILE *f = fopen(file, "wb");

    begin = len;
    len += 40 + hash_len;
    buf[len++] = (unsigned char)(n >> 8);
    buf[len++] = (unsigned char)n;
    memcpy(buf + len, path, n);
    len += n;
    do
        buf[len++] = 0;
    while ((len - begin) % 8 != 0);
    len += hash_len; /* checksum */
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(buf, 1, len, f), len);
    fclose(f);
    free(file);
}

static void
put_index(const char *rel, const char *path)
{
    put_index_hash(rel, path, 20);
}

static void
put_be32(unsigned char *b, size_t *len, unsigned long v)
{
    b[(*len)++] = (unsigned char)(v >> 24);
    b[(*len)++] = (unsigned char)(v >> 16);
    b[(*len)++] = (unsigned char)(v >> 8);
    b[(*len)++] = (unsigned char)v;
}

/* A split index with no entries of its own whose "link" extension names
 * the shared index 1111...; deleted: its bitmap deletes shared entry 0. */
static void
put_split_index(int deleted)
{
    unsigned char buf[128] = {'D', 'I', 'R', 'C', 0, 0, 0, 2, 0, 0, 0, 0};
    size_t len = 12, i;
    char *file = acl_xasprintf("%s/outer/.git/index", base);
    FILE *f = fopen(file, "wb");

    memcpy(buf + len, "link", 4);
    len += 4;
    put_be32(buf, &len, deleted ? 20 + 28 : 20);
    for (i = 0; i < 20; i++)
        buf[len++] = 0x11;
    if (deleted) { /* 1 bit; a marker of one literal word; the word */
        put_be32(buf, &len, 1);
        put_be32(buf, &len, 2);
        put_be32(buf, &len, 2); /* literal count 1, at bit 33 */
        put_be32(buf, &len, 0);
        put_be32(buf, &len, 0);
        put_be32(buf, &len, 1);
        put_be32(buf, &len, 0);
    }
    len += 20; /* checksum */
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(fwrite(buf, 1, len, f), len);
    fclose(f);
    free(file);
}

/* A split index (core.splitIndex) keeps most entries in a shared index:
 * a path found there is tracked unless the split index deletes it. */
START_TEST(tracked_in_shared_index)
{
    acl_test_mkdir(base, "outer/.git");
    put_index(SHARED, "proj/agentcore/.env.local");
    put_split_index(0);
    ck_assert_uint_eq(ac011_count(), 1);
    put_split_index(1);
    ck_assert_uint_eq(ac011_count(), 0);
    ck_assert_uint_eq(notices, 0);
    rm(SHARED);
    ck_assert_uint_eq(ac011_count(), 0);
    ck_assert_uint_eq(notices, 1);
}
END_TEST

/* Ignore rules do not untrack: a tracked .env.local is reported even
 * though outer/.gitignore ignores it. */
START_TEST(tracked_though_ignored)
{
    acl_test_mkdir(base, "outer/.git");
    put_index("outer/.git/index", "proj/agentcore/.env.local");
    ck_assert_uint_eq(ac011_count(), 1);
    put_index("outer/.git/index", "proj/agentcore/agentcore.json");
    ck_assert_uint_eq(ac011_count(), 0);
}
END_TEST

/* A linked work tree's .git file names the folder holding its index. */
START_TEST(tracked_through_git_file)
{
    char *gd = acl_xasprintf("gitdir: %s/outer/gitdir\n", base);

    acl_test_mkdir(base, "outer/gitdir");
    acl_test_put(base, "outer/.git", gd);
    put_index("outer/gitdir/index", "proj/agentcore/.env.local");
    ck_assert_uint_eq(ac011_count(), 1);
    free(gd);
}
END_TEST

/* A linked work tree of a SHA-256 repository: its git folder has no
 * config; the "commondir" file leads to the main one, which says
 * sha256, so the index is read with 32-byte object names. */
START_TEST(tracked_linked_sha256)
{
    char *gd = acl_xasprintf("gitdir: %s/outer/gitdir/wt\n", base);

    acl_test_mkdir(base, "outer/gitdir");
    acl_test_mkdir(base, "outer/gitdir/wt");
    acl_test_put(base, "outer/gitdir/config",
                 "[core]\n\trepositoryformatversion = 1\n"
                 "[extensions]\n\tobjectformat = sha256\n");
    acl_test_put(base, "outer/gitdir/wt/commondir", "..\n");
    acl_test_put(base, "outer/.git", gd);
    put_index_hash("outer/gitdir/wt/index", "proj/agentcore/.env.local", 32);
    ck_assert_uint_eq(ac011_count(), 1);
    ck_assert_uint_eq(notices, 0);
    free(gd);
}
END_TEST

/* A malformed index is a notice; the lint goes on without it. */
START_TEST(malformed_index_is_a_notice)
{
    acl_test_mkdir(base, "outer/.git");
    acl_test_put(base, "outer/.git/index", "DIRC but not really an index");
    ck_assert_uint_eq(ac011_count(), 0);
    ck_assert_uint_eq(notices, 1);
}
END_TEST

Suite *
acl_suite_env_local(void)
{
    Suite *s = suite_create("env_local");
    TCase *tc;

#define ADD(name)                                   \
    tc = tcase_create(#name);                       \
    tcase_add_checked_fixture(tc, setup, teardown); \
    tcase_add_test(tc, name);                       \
    suite_add_tcase(s, tc)
    ADD(git_dir_above);
    ADD(git_file_above);
    ADD(outside_git);
    ADD(linked_gitignore);
    ADD(deeper_negation);
    ADD(no_env_local);
    ADD(tracked_though_ignored);
    ADD(tracked_through_git_file);
    ADD(tracked_linked_sha256);
    ADD(tracked_in_shared_index);
    ADD(malformed_index_is_a_notice);
#undef ADD
    return s;
}
