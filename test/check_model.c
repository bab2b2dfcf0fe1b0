/*
 * check_model.c - production-name matching, project discovery and the
 * model built from a project.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/discover.h"
#include "acl/lookup.h"
#include "acl/model.h"
#include "check_acl.h"

static const struct {
    const char *name;
    int prod;
} prod_names[] = {
    {"prod", 1},
    {"Prod-EU", 1},
    {"eu-prod2", 1},
    {"live", 1},
    {"production", 1},
    {"prd", 1},
    {"us-east-PRD-1", 1},
    {"product", 0},
    {"preprod", 0},
    {"dev", 0},
    {"default", 0},
    {"product-demo", 0},
    {"prod-", 1},
    {"", 0},
    {"staging-live3", 1},
    {"prods", 0},
    {"x-production-y", 1},
    {"2prod", 0},
    /* lower->upper case changes split tokens */
    {"ProdUsEast1", 1},
    {"usEastProd", 1},
    {"euLive2", 1},
    {"PRODUCTION", 1},
    {"Production", 1},
    {"productDemo", 0},
    {"USProd", 1},
    {"eu1Prod", 1},
    {"Prod2Eu", 1},
    {"v2Production", 1},
    {"prod2eu", 0},
    {"PRODEU", 0},
    {"myPrd", 1},
    /* a pre, non or not token right before negates */
    {"pre-prod", 0},
    {"non-prod", 0},
    {"not_prod", 0},
    {"preProd", 0},
    {"NonProd2", 0},
    {"pre-prod-prod", 1},
    {"not-a-prod", 1},
    {"pre.production", 0},
    {"pre-dev-prod", 1},
};

START_TEST(production_names_default_rule)
{
    ck_assert_msg(acl_production_name(prod_names[_i].name, NULL, 0) ==
                      prod_names[_i].prod,
                  "\"%s\" should%s be a production name", prod_names[_i].name,
                  prod_names[_i].prod ? "" : " not");
}
END_TEST

START_TEST(production_names_config_list_replaces_default)
{
    const char *names[] = {"live-eu", "main"};

    ck_assert(acl_production_name("main", names, 2));
    ck_assert(!acl_production_name("prod", names, 2));
    ck_assert(!acl_production_name("live", names, 2));
}
END_TEST

START_TEST(discover_file_inside_project)
{
    struct acl_found_list l = {0};
    struct acl_error err;

    ck_assert_int_eq(
        acl_discover(
            "fixtures/rules/AC001/pass-aws-iam/agentcore/agentcore.json", &l,
            &err),
        0);
    ck_assert_int_eq(
        acl_discover("fixtures/rules/AC001/pass-aws-iam/agentcore", &l, &err),
        0);
    ck_assert_uint_eq(l.n, 1);
    ck_assert_str_eq(l.items[0].display, "fixtures/rules/AC001/pass-aws-iam");
    acl_found_list_free(&l);
}
END_TEST

START_TEST(discover_folder_of_projects)
{
    struct acl_found_list l = {0};
    struct acl_error err;
    size_t i;

    ck_assert_int_eq(acl_discover("fixtures/rules/AC000", &l, &err), 0);
    ck_assert_uint_ge(l.n, 5);
    for (i = 1; i < l.n; i++)
        ck_assert_int_lt(strcmp(l.items[i - 1].real, l.items[i].real), 0);
    acl_found_list_free(&l);
}
END_TEST

START_TEST(discover_errors)
{
    struct acl_found_list l = {0};
    struct acl_error err;
    char dir[] = "/tmp/acl-disc-XXXXXX";

    ck_assert_int_eq(acl_discover("/nonexistent/x", &l, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "/nonexistent/x"));
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(acl_discover(dir, &l, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "no AgentCore project found"));
    ck_assert_int_eq(acl_discover("Makefile", &l, &err), -1);
    ck_assert_ptr_nonnull(strstr(err.text, "not inside an AgentCore project"));
    rmdir(dir);
    ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(model_of_kitchen_sink)
{
    const char *shared = acl_test_shared_dir();
    char *root;
    struct acl_project *p;
    struct acl_error err;
    struct acl_prod_opts prod = {0};

    if (shared == NULL)
        return;
    root = acl_xasprintf("%s/corpus/real-cli/k-kitchen-sink", shared);
    p = acl_project_load(root, "ks", &prod, 1 << 20, &err);
    ck_assert_ptr_nonnull(p);
    ck_assert_str_eq(p->model.name, "KitchenSink");
    ck_assert_uint_eq(p->model.nruntimes, 4);
    ck_assert_str_eq(p->model.runtimes[3].protocol, "MCP");
    ck_assert_uint_eq(p->model.ngateways, 4);
    ck_assert_uint_eq(p->model.gateways[0].ntargets, 3);
    ck_assert_int_eq(p->model.gateways[0].targets[1].type, ACL_TT_CONNECTOR);
    ck_assert_str_eq(p->model.gateways[0].targets[1].node.ptr,
                     "/agentCoreGateways/0/targets/1");
    ck_assert_str_eq(p->model.gateways[0].targets[1].node.resource,
                     "my-tools-gw/websearch");
    ck_assert_int_eq(p->model.gateways[1].targets[1].auth_type,
                     ACL_AUTH_GATEWAY_IAM_ROLE);
    ck_assert_int_eq(p->model.credentials[1].kind, ACL_CRED_API_KEY);
    ck_assert_int_eq(p->model.gateways[2].semantic_search, ACL_TRUE);
    ck_assert_int_eq(p->model.production.on, 0);
    ck_assert(p->files.env_local_exists);
    acl_project_free(p);
    free(root);
}
END_TEST

/* Name lookups go through the model's indexes: the first resource of a
 * name wins, as a linear scan would give; every target in order. */
START_TEST(lookups_by_name_and_target_order)
{
    static const char spec[] =
        "{\"name\":\"P\",\"version\":1,"
        "\"runtimes\":[{\"name\":\"A\"},{\"name\":\"B\"},{\"name\":\"A\"}],"
        "\"credentials\":[{\"name\":\"k\",\"authorizerType\":"
        "\"ApiKeyCredentialProvider\"},{\"name\":\"k\",\"authorizerType\":"
        "\"OAuthCredentialProvider\"},{\"name\":7}],"
        "\"policyEngines\":[{\"name\":\"E\"}],"
        "\"agentCoreGateways\":[{\"name\":\"g1\",\"targets\":[{\"name\":\"a\"},"
        "{\"name\":\"b\"}]},{\"name\":\"g2\",\"targets\":[]},{\"name\":\"g3\","
        "\"targets\":[{\"name\":\"c\"}]}],"
        "\"unassignedTargets\":[{\"name\":\"u\"}]}";
    struct acl_prod_opts prod = {0};
    struct acl_error err;
    struct acl_project *p = acl_project_load_text(
        "/nonexistent", "x", "agentcore/agentcore.json", acl_xstrdup(spec),
        strlen(spec), &prod, 1 << 20, &err);
    static const char *const order[] = {"a", "b", "c", "u"};
    size_t i;

    ck_assert_ptr_nonnull(p);
    ck_assert_ptr_eq(acl_find_runtime(p, "A"), &p->model.runtimes[0]);
    ck_assert_ptr_eq(acl_find_runtime(p, "B"), &p->model.runtimes[1]);
    ck_assert_ptr_null(acl_find_runtime(p, "a"));
    ck_assert_ptr_eq(acl_find_credential(p, "k"), &p->model.credentials[0]);
    ck_assert_ptr_null(acl_find_credential(p, "7"));
    ck_assert_ptr_null(acl_find_credential(p, NULL));
    ck_assert_ptr_eq(acl_find_engine(p, "E"), &p->model.engines[0]);
    ck_assert_ptr_null(acl_find_engine(p, "e"));
    ck_assert_uint_eq(acl_targets_count(p), 4);
    for (i = 0; i < 4; i++)
        ck_assert_str_eq(acl_targets_at(p, i)->name, order[i]);
    ck_assert_ptr_null(acl_targets_at(p, 4));
    ck_assert_ptr_eq(acl_targets_at(p, 2)->gateway, &p->model.gateways[2]);
    ck_assert_ptr_null(acl_targets_at(p, 3)->gateway);
    acl_project_free(p);
}
END_TEST

Suite *
acl_suite_model(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("production names");

    tcase_add_loop_test(tc, production_names_default_rule, 0,
                        (int)ACL_ARRAY_LEN(prod_names));
    tcase_add_test(tc, production_names_config_list_replaces_default);
    suite_add_tcase(s, tc);
    tc = tcase_create("discovery");
    tcase_add_test(tc, discover_file_inside_project);
    tcase_add_test(tc, discover_folder_of_projects);
    tcase_add_test(tc, discover_errors);
    suite_add_tcase(s, tc);
    tc = tcase_create("model");
    tcase_add_test(tc, model_of_kitchen_sink);
    tcase_add_test(tc, lookups_by_name_and_target_order);
    suite_add_tcase(s, tc);
    return s;
}
