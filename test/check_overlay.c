/*
 * check_overlay.c - the overlay of unsaved files: the loader reads it
 * before the disk, for agentcore.json and for files only the rules read
 * (.gitignore), and it holds a project that is not on disk yet.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acl/engine.h"
#include "acl/model.h"
#include "acl/overlay.h"
#include "check_acl.h"

static const char spec[] = "{\"name\": \"P\", \"version\": 1, "
                           "\"managedBy\": \"CDK\", \"runtimes\": [], "
                           "\"credentials\": []}";

/* The rule IDs p's findings name, space-separated. */
static char *
lint_ids(struct acl_project *p)
{
    struct acl_rule_conf *confs = calloc(acl_rules_count() + 1, sizeof *confs);
    struct acl_findings l = {0};
    struct acl_buf b = {0};
    size_t i;

    acl_rule_confs_default(confs);
    acl_engine_lint(p, confs, &l);
    acl_buf_puts(&b, "");
    for (i = 0; i < l.n; i++)
        acl_buf_printf(&b, "%s ", l.items[i]->rule->id);
    acl_findings_clear(&l);
    free(confs);
    return acl_buf_steal(&b);
}

START_TEST(overlay_before_disk)
{
    char dir[] = "/tmp/acl-ovl-XXXXXX", real[PATH_MAX], *key, *ids;
    struct acl_overlay *o = acl_overlay_new();
    struct acl_project *p;
    struct acl_error err;

    ck_assert_int_eq(acl_rules_init(&err), 0);
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_ptr_nonnull(realpath(dir, real));
    acl_test_mkdir(real, "agentcore");
    acl_test_put(real, "agentcore/agentcore.json", spec);
    acl_test_put(real, "agentcore/.env.local", "K=v\n");
    acl_test_put(real, "agentcore/.gitignore", ".env.local\n");
    /* On disk: clean. In the editor: a syntax error, and the
     * .gitignore line gone. */
    key = acl_xasprintf("%s/agentcore/agentcore.json", real);
    acl_overlay_set(o, key, "{\"name\": }", 10);
    free(key);
    key = acl_xasprintf("%s/agentcore/.gitignore", real);
    acl_overlay_set(o, key, "# nothing\n", 10);
    free(key);
    p = acl_project_load_overlay(real, real, NULL, 1 << 20, o, &err);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(p->model.spec.doc->text->data, "{\"name\": }");
    ids = lint_ids(p);
    ck_assert_msg(strstr(ids, "AC000") && strstr(ids, "AC011"), "got %s", ids);
    free(ids);
    acl_project_free(p);
    /* Without the overlay, the disk. */
    p = acl_project_load_overlay(real, real, NULL, 1 << 20, NULL, &err);
    ids = lint_ids(p);
    ck_assert_msg(!strstr(ids, "AC000") && !strstr(ids, "AC011"), "got %s",
                  ids);
    free(ids);
    acl_project_free(p);
    acl_overlay_remove(o, "nothing-there");
    ck_assert_uint_eq(o->n, 2);
    acl_overlay_free(o);
    key = acl_xasprintf("rm -rf %s", real);
    ck_assert_int_eq(system(key), 0);
    free(key);
}
END_TEST

Suite *
acl_suite_overlay(void)
{
    Suite *s = suite_create("overlay");
    TCase *tc = tcase_create("overlay");
    tcase_add_test(tc, overlay_before_disk);
    suite_add_tcase(s, tc);
    return s;
}
