/*
 * check_toolcount.c - tool counts of documents and of whole gateways.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/model.h"
#include "acl/toolcount.h"
#include "acl/util.h"
#include "check_acl.h"

static json_t *
js(const char *text)
{
    json_t *j = json_loads(text, 0, NULL);

    ck_assert_ptr_nonnull(j);
    return j;
}

START_TEST(tool_file_array_and_object)
{
    json_t *a = js("[{\"name\":\"a\"},{\"name\":\"b\"},3]");
    json_t *o = js("{\"tools\":[{\"name\":\"a\"}]}");
    json_t *bad = js("{\"tool\":[]}");
    /* the guide's own shape: the API's inline payload */
    json_t *inl = js("{\"inlinePayload\":[{\"name\":\"a\"},{\"name\":\"b\"}]}");
    const char *member = "x";

    ck_assert_int_eq(acl_tools_in_tool_file(a), 2);
    ck_assert_int_eq(acl_tools_in_tool_file(o), 1);
    ck_assert_int_eq(acl_tools_in_tool_file(inl), 2);
    ck_assert_int_eq(acl_tools_in_tool_file(bad), -1);
    ck_assert_int_eq(acl_tools_in_tool_file(NULL), -1);
    ck_assert_ptr_eq(acl_tool_file_list(inl, &member),
                     json_object_get(inl, "inlinePayload"));
    ck_assert_str_eq(member, "inlinePayload");
    ck_assert_ptr_eq(acl_tool_file_list(a, &member), a);
    ck_assert_ptr_null(member);
    json_decref(inl);
    json_decref(a);
    json_decref(o);
    json_decref(bad);
}
END_TEST

START_TEST(openapi_json_operations)
{
    json_t *doc = js("{\"openapi\":\"3.0.0\",\"paths\":{"
                     "\"/a\":{\"get\":{},\"post\":{},\"parameters\":[],"
                     "\"summary\":\"x\"},"
                     "\"/b\":{\"put\":{},\"delete\":{},\"options\":{},"
                     "\"head\":{},\"patch\":{},\"trace\":{},\"GET\":{}}}}");
    json_t *ref = js("{\"paths\":{\"/a\":{\"$ref\":\"#/x\"},"
                     "\"/b\":{\"get\":{}}}}");
    json_t *nopaths = js("{\"openapi\":\"3.1.0\",\"webhooks\":{}}");
    json_t *other = js("{\"hello\":1}");
    int partial = 0;

    ck_assert_int_eq(acl_tools_in_openapi_json(doc, &partial), 8);
    ck_assert_int_eq(partial, 0);
    ck_assert_int_eq(acl_tools_in_openapi_json(ref, &partial), 1);
    ck_assert_int_eq(partial, 1);
    partial = 0;
    ck_assert_int_eq(acl_tools_in_openapi_json(nopaths, &partial), 0);
    ck_assert_int_eq(acl_tools_in_openapi_json(other, &partial), -1);
    ck_assert_int_eq(partial, 0);
    json_decref(doc);
    json_decref(ref);
    json_decref(nopaths);
    json_decref(other);
}
END_TEST

/* OpenAPI 3.1 path items may live in components/pathItems. */
START_TEST(openapi_path_item_references)
{
    json_t *doc =
        js("{\"openapi\":\"3.1.0\",\"paths\":{"
           "\"/a\":{\"$ref\":\"#/components/pathItems/A\"},"
           "\"/b\":{\"$ref\":\"#/components/pathItems/b~1c\"},"
           "\"/c\":{\"get\":{}}},"
           "\"components\":{\"pathItems\":{"
           "\"A\":{\"get\":{},\"post\":{}},\"b/c\":{\"delete\":{}}}}}");
    json_t *missing = js("{\"openapi\":\"3.1.0\",\"paths\":{"
                         "\"/a\":{\"$ref\":\"#/components/pathItems/Nope\"},"
                         "\"/b\":{\"$ref\":\"other.json#/x\"}}}");
    int partial = 0;

    ck_assert_int_eq(acl_tools_in_openapi_json(doc, &partial), 4);
    ck_assert_int_eq(partial, 0);
    ck_assert_int_eq(acl_tools_in_openapi_json(missing, &partial), 0);
    ck_assert_int_eq(partial, 1);
    json_decref(doc);
    json_decref(missing);
}
END_TEST

static long
yaml(const char *text, int *partial)
{
    *partial = 0;
    return acl_tools_in_openapi_yaml(text, strlen(text), partial);
}

START_TEST(openapi_yaml_scan)
{
    int partial;

    ck_assert_int_eq(yaml("openapi: 3.0.0\n"
                          "info:\n  title: x\n"
                          "paths:\n"
                          "  /orders:\n"
                          "    get:\n      summary: list\n"
                          "      responses:\n        '200':\n"
                          "          description: ok\n"
                          "    post:\n      description: |\n"
                          "        get: not a key here\n"
                          "    parameters: []\n"
                          "  # a comment\n"
                          "  \"/orders/{id}\":\n"
                          "    'delete': {}\n"
                          "\n"
                          "    patch:\n"
                          "components:\n  schemas: {}\n",
                          &partial),
                     4);
    ck_assert_int_eq(partial, 0);
    ck_assert_int_eq(yaml("openapi: 3.0.0\r\npaths:\r\n  /a:\r\n"
                          "    get:\r\n    put:\r\n",
                          &partial),
                     2);
    ck_assert_int_eq(yaml("openapi: 3.0.0\npaths: {}\n", &partial), 0);
    ck_assert_int_eq(yaml("openapi: 3.0.0\n", &partial), 0);
    ck_assert_int_eq(yaml("paths:\n  /a:\n    $ref: x.yaml\n  /b:\n"
                          "    get: {}\n",
                          &partial),
                     1);
    ck_assert_int_eq(partial, 1);
}
END_TEST

START_TEST(openapi_yaml_unknown)
{
    int partial;

    ck_assert_int_eq(yaml("just text\n", &partial), -1);
    ck_assert_int_eq(yaml("paths: {/a: {get: {}}}\n", &partial), -1);
    ck_assert_int_eq(yaml("paths:\n  /a: *item\n", &partial), -1);
    ck_assert_int_eq(yaml("paths:\n\t/a:\n", &partial), -1);
    ck_assert_int_eq(yaml("paths:\n    /a:\n      get: {}\n  /b:\n", &partial),
                     -1);
    ck_assert_int_eq(yaml("paths:\n  - /a\n", &partial), -1);
}
END_TEST

START_TEST(smithy_operations)
{
    /* only what the service binds: Op1 directly, Op2 and Op3 through a
     * resource (a list and a lifecycle member), Op5 through a nested
     * resource; Op4 is bound to nothing; Op1 twice counts once */
    json_t *m =
        js("{\"smithy\":\"2.0\",\"shapes\":{"
           "\"a#S\":{\"type\":\"service\",\"operations\":["
           "{\"target\":\"a#Op1\"}],\"resources\":[{\"target\":\"a#R\"}]},"
           "\"a#R\":{\"type\":\"resource\",\"operations\":["
           "{\"target\":\"a#Op2\"},{\"target\":\"a#Op1\"}],"
           "\"read\":{\"target\":\"a#Op3\"},"
           "\"resources\":[{\"target\":\"a#R2\"},{\"target\":\"a#Missing\"}]},"
           "\"a#R2\":{\"type\":\"resource\",\"list\":{\"target\":\"a#Op5\"},"
           "\"resources\":[{\"target\":\"a#R\"}]},"
           "\"a#Op1\":{\"type\":\"operation\"},"
           "\"a#Op2\":{\"type\":\"operation\"},"
           "\"a#Op3\":{\"type\":\"operation\"},"
           "\"a#Op4\":{\"type\":\"operation\"},"
           "\"a#Op5\":{\"type\":\"operation\"},"
           "\"a#Out\":{\"type\":\"structure\"}}}");
    /* without a service shape every operation counts */
    json_t *loose = js("{\"smithy\":\"2.0\",\"shapes\":{"
                       "\"a#Op1\":{\"type\":\"operation\"},"
                       "\"a#Op2\":{\"type\":\"operation\"}}}");
    json_t *empty = js("{\"smithy\":\"2.0\"}");
    json_t *other = js("[1]");

    ck_assert_int_eq(acl_tools_in_smithy_json(m), 4);
    ck_assert_int_eq(acl_tools_in_smithy_json(loose), 2);
    json_decref(loose);
    ck_assert_int_eq(acl_tools_in_smithy_json(empty), 0);
    ck_assert_int_eq(acl_tools_in_smithy_json(other), -1);
    json_decref(m);
    json_decref(empty);
    json_decref(other);
}
END_TEST

START_TEST(api_gateway_overrides_and_filters)
{
    json_t *ov = js("{\"apiGatewayToolConfiguration\":{\"toolFilters\":"
                    "[{\"filterPath\":\"/*\",\"methods\":[\"GET\"]}],"
                    "\"toolOverrides\":[{\"name\":\"a\"},{\"name\":\"b\"}]}}");
    json_t *fl = js("{\"apiGatewayToolConfiguration\":{\"toolFilters\":["
                    "{\"filterPath\":\"/pets\",\"methods\":[\"GET\",\"POST\","
                    "\"GET\"]},"
                    "{\"filterPath\":\"/pets\",\"methods\":[\"GET\","
                    "\"DELETE\"]},"
                    "{\"filterPath\":\"/owners\",\"methods\":[\"GET\"]}]}}");
    json_t *wild = js("{\"apiGatewayToolConfiguration\":{\"toolFilters\":["
                      "{\"filterPath\":\"/pets/*\",\"methods\":[\"GET\","
                      "\"POST\"]},"
                      "{\"filterPath\":\"/owners\",\"methods\":[\"GET\"]}]}}");
    int partial = 0;

    ck_assert_int_eq(acl_tools_in_api_gateway(ov, &partial), 2);
    ck_assert_int_eq(partial, 0);
    ck_assert_int_eq(acl_tools_in_api_gateway(fl, &partial), 4);
    ck_assert_int_eq(partial, 0);
    ck_assert_int_eq(acl_tools_in_api_gateway(wild, &partial), 2);
    ck_assert_int_eq(partial, 1);
    ck_assert_int_eq(acl_tools_in_api_gateway(NULL, &partial), -1);
    json_decref(ov);
    json_decref(fl);
    json_decref(wild);
}
END_TEST

/* A throw-away project folder. */
static char tmp_root[64];

static void
write_file(const char *rel, const char *text)
{
    char *path = acl_xasprintf("%s/%s", tmp_root, rel);
    char *slash = path + strlen(tmp_root);
    FILE *f;

    while ((slash = strchr(slash + 1, '/')) != NULL) {
        *slash = '\0';
        (void)mkdir(path, 0755);
        *slash = '/';
    }
    f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    free(path);
}

static struct acl_project *
load(const char *root)
{
    struct acl_prod_opts prod = {0};
    struct acl_error err;
    struct acl_project *p = acl_project_load(root, root, &prod, 1 << 20, &err);

    ck_assert_msg(p != NULL, "%s", err.text);
    return p;
}

static void
rm_tree(void)
{
    char *cmd = acl_xasprintf("rm -rf '%s'", tmp_root);

    ck_assert_int_eq(system(cmd), 0);
    free(cmd);
}

START_TEST(gateway_sum_and_description)
{
    struct acl_project *p;
    struct acl_tool_count *tc;
    char *d, *root;

    strcpy(tmp_root, "/tmp/acl-toolcount-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(tmp_root));
    write_file(
        "proj/agentcore/agentcore.json",
        "{\"name\":\"P\",\"version\":1,\"agentCoreGateways\":[{\"name\":\"g\","
        "\"targets\":[{\"name\":\"l\",\"targetType\":\"lambdaFunctionArn\","
        "\"lambdaFunctionArn\":{\"lambdaArn\":\"x\",\"toolSchemaFile\":"
        "\"tools/t.json\"}},{\"name\":\"m\",\"targetType\":\"mcpServer\","
        "\"endpoint\":\"https://m.example.com\"},{\"name\":\"c\","
        "\"targetType\":\"connector\",\"connectorId\":\"web-search\"},"
        "{\"name\":\"h\",\"targetType\":\"httpRuntime\",\"toolDefinitions\":"
        "[{}]},{\"name\":\"o\",\"targetType\":\"openApiSchema\","
        "\"schemaSource\":{\"inline\":{\"path\":\"../outside.json\"}}},"
        "{\"name\":\"l2\",\"targetType\":\"lambda\",\"toolDefinitions\":"
        "[{},{}]}]}]}");
    write_file("proj/tools/t.json", "[{},{},{}]");
    write_file("outside.json", "[{},{},{}]");
    root = acl_xasprintf("%s/proj", tmp_root);
    p = load(root);
    free(root);
    tc = acl_tool_count_gateway(p, &p->model.gateways[0]);
    ck_assert_uint_eq(tc->total, 6);
    ck_assert_int_eq(tc->lower_bound, 1);
    d = acl_tool_count_describe(tc);
    ck_assert_str_eq(d, "3 in tools/t.json, 1 connector tools, "
                        "2 toolDefinitions; not counted: mcpServer target "
                        "\"m\" (its server lists its tools), ../outside.json "
                        "(is outside the project root)");
    free(d);
    acl_tool_count_free(tc);
    acl_project_free(p);
    rm_tree();
}
END_TEST

START_TEST(corpus_counts)
{
    const char *shared = acl_test_shared_dir();
    struct acl_project *p;
    struct acl_tool_count *tc;
    char *root;

    if (shared == NULL)
        return;
    root = acl_xasprintf("%s/corpus/real-cli/e-lambda-arn-tools", shared);
    p = load(root);
    tc = acl_tool_count_gateway(p, &p->model.gateways[0]);
    ck_assert_uint_eq(tc->total, 5);
    ck_assert_int_eq(tc->lower_bound, 0);
    acl_tool_count_free(tc);
    acl_project_free(p);
    free(root);
    root = acl_xasprintf("%s/corpus/real-cli/k-kitchen-sink", shared);
    p = load(root);
    tc = acl_tool_count_gateway(p, &p->model.gateways[0]);
    ck_assert_uint_eq(tc->total, 3); /* 1 toolDefinition, 1 connector, 1 op */
    ck_assert_int_eq(tc->lower_bound, 0);
    acl_tool_count_free(tc);
    tc = acl_tool_count_gateway(p,
                                &p->model.gateways[1]); /* http + passthrough */
    ck_assert_uint_eq(tc->total, 0);
    ck_assert_int_eq(tc->lower_bound, 0);
    acl_tool_count_free(tc);
    acl_project_free(p);
    free(root);
}
END_TEST

Suite *
acl_suite_toolcount(void)
{
    Suite *s = suite_create("toolcount");
    TCase *tc;

    tc = tcase_create("tool_file");
    tcase_add_test(tc, tool_file_array_and_object);
    tcase_add_test(tc, openapi_path_item_references);
    suite_add_tcase(s, tc);
    tc = tcase_create("openapi");
    tcase_add_test(tc, openapi_json_operations);
    tcase_add_test(tc, openapi_yaml_scan);
    tcase_add_test(tc, openapi_yaml_unknown);
    suite_add_tcase(s, tc);
    tc = tcase_create("smithy");
    tcase_add_test(tc, smithy_operations);
    suite_add_tcase(s, tc);
    tc = tcase_create("api_gateway");
    tcase_add_test(tc, api_gateway_overrides_and_filters);
    suite_add_tcase(s, tc);
    tc = tcase_create("gateway");
    tcase_add_test(tc, gateway_sum_and_description);
    tcase_add_test(tc, corpus_counts);
    suite_add_tcase(s, tc);
    return s;
}
