/*
 * check_guide_corpus.c - the rules from the connect guide (AC006-AC013,
 * AC018, AC021, AC022) on the projects the real AgentCore CLI wrote:
 * exactly the findings below, each checked by hand, and nothing else.
 * Skipped, with a SKIP line, without the shared corpus.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/engine.h"
#include "acl/model.h"
#include "check_acl.h"

static const char *const guide_rules[] = {"AC006", "AC007", "AC008", "AC009",
                                          "AC010", "AC011", "AC012", "AC013",
                                          "AC018", "AC021", "AC022"};

static const char *const cases[] = {"a1-create-default",  "a2-create-strands",
                                    "b-gateway-noauth",   "d-mcp-targets",
                                    "e-lambda-arn-tools", "i-aws-targets",
                                    "k-kitchen-sink"};

/* "case rule pointer level" of every finding expected; production
 * changes only AC021's level. */
static const char *const expected_dev[] = {
    "d-mcp-targets AC021 /agentCoreGateways/0/targets/3/endpoint warning",
    "k-kitchen-sink AC008 /agentCoreGateways/1/targets/1/passthrough/endpoint "
    "warning"};
static const char *const expected_prod[] = {
    "d-mcp-targets AC021 /agentCoreGateways/0/targets/3/endpoint error",
    "k-kitchen-sink AC008 /agentCoreGateways/1/targets/1/passthrough/endpoint "
    "warning"};

static int
is_guide_rule(const char *id)
{
    size_t i;

    for (i = 0; i < sizeof guide_rules / sizeof guide_rules[0]; i++)
        if (strcmp(guide_rules[i], id) == 0)
            return 1;
    return 0;
}

/* Lints one case with the guide rules only, appending one line per
 * finding to got. */
static void
lint_case(const char *shared, const char *name, int production,
          struct acl_buf *got)
{
    char *root = acl_xasprintf("%s/corpus/real-cli/%s", shared, name);
    struct acl_prod_opts prod = {0};
    struct acl_error err;
    struct acl_project *p;
    struct acl_rule_conf *confs = acl_xcalloc(acl_rules_count(), sizeof *confs);
    struct acl_findings out = {0};
    size_t i;

    prod.force = production;
    p = acl_project_load(root, name, &prod, 1u << 20, &err);
    ck_assert_ptr_nonnull(p);
    acl_rule_confs_default(confs);
    for (i = 0; i < acl_rules_count(); i++)
        confs[i].enabled = is_guide_rule(acl_rules_at(i)->id);
    acl_engine_lint(p, confs, &out);
    for (i = 0; i < out.n; i++)
        acl_buf_printf(got, "%s %s %s %s\n", name, out.items[i]->rule->id,
                       out.items[i]->pointer ? out.items[i]->pointer : "-",
                       acl_level_name(out.items[i]->level));
    acl_findings_clear(&out);
    free(confs);
    acl_project_free(p);
    free(root);
}

static void
run(int production, const char *const *want, size_t nwant)
{
    const char *shared = acl_test_shared_dir();
    struct acl_buf got = {0}, exp = {0};
    size_t i;

    if (shared == NULL)
        return;
    acl_buf_append(&got, "", 0);
    acl_buf_append(&exp, "", 0);
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
        lint_case(shared, cases[i], production, &got);
    for (i = 0; i < nwant; i++)
        acl_buf_printf(&exp, "%s\n", want[i]);
    ck_assert_str_eq(got.data, exp.data);
    acl_buf_free(&got);
    acl_buf_free(&exp);
}

START_TEST(corpus_dev)
{
    run(0, expected_dev, sizeof expected_dev / sizeof expected_dev[0]);
}
END_TEST

START_TEST(corpus_production)
{
    run(1, expected_prod, sizeof expected_prod / sizeof expected_prod[0]);
}
END_TEST

Suite *
acl_suite_guide_corpus(void)
{
    Suite *s = suite_create("guide_corpus");
    TCase *tc;

    tc = tcase_create("corpus_dev");
    tcase_add_test(tc, corpus_dev);
    suite_add_tcase(s, tc);
    tc = tcase_create("corpus_production");
    tcase_add_test(tc, corpus_production);
    suite_add_tcase(s, tc);
    return s;
}
