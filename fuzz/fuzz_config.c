/*
 * fuzz_config.c - libFuzzer harness over the readers of files a user
 * hands the linter besides the project: the config file
 * (.agentcore-lint.json) and the baseline (a SARIF log). Each input is
 * parsed as both; a config that parses is applied to the findings of a
 * small fixed project (rule settings, production options, ignore
 * entries, unused-entry notes), a baseline that parses marks them.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/baseline.h"
#include "acl/config.h"
#include "acl/engine.h"
#include "load/jalloc.h"
#include "acl/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A project with findings of several rules, at pointers and resources
 * that ignore entries can name. */
static const char project_json[] =
    "{\"name\":\"P\",\"version\":1,\"x\":1,\"runtimes\":[{\"name\":\"R\"}],"
    "\"credentials\":[{\"name\":\"c\",\"authorizerType\":\"ApiKeyCredential"
    "Provider\"}],\"agentCoreGateways\":[{\"name\":\"g\",\"authorizerType\":"
    "\"NONE\",\"targets\":[{\"name\":\"t\",\"targetType\":\"mcpServer\","
    "\"endpoint\":\"http://example.com/mcp\",\"outboundAuth\":{\"type\":"
    "\"OAUTH\",\"credentialName\":\"missing\"}}]}]}";

static char root[] = "/tmp/acl-fuzz-config-XXXXXX";
static struct acl_project *project;
static size_t nrules;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct acl_prod_opts prod = {0};
    struct acl_error err;

    (void)argc;
    (void)argv;
    acl_jalloc_init();
    if (mkdtemp(root) == NULL || acl_rules_init(&err) != 0)
        abort();
    nrules = acl_rules_count();
    prod.force = 1;
    project = acl_project_load_text(
        root, "", "agentcore/agentcore.json", strdup(project_json),
        sizeof project_json - 1, &prod, (size_t)1 << 20, &err);
    if (project == NULL)
        abort();
    return 0;
}

/* Lints the fixed project with c's settings and ignore entries. */
static void
apply_config(struct acl_config *c)
{
    struct acl_rule_conf *confs = calloc(nrules + 1, sizeof *confs);
    struct acl_prod_opts cli = {0}, prod;
    struct acl_findings fl = {0};

    acl_rule_confs_default(confs);
    acl_config_rules(c, confs);
    acl_config_prod(c, &cli, &prod);
    (void)acl_production_name("prod-1", prod.names, prod.nnames);
    acl_engine_lint(project, confs, &fl);
    acl_config_suppress(c, confs, &fl, 0);
    acl_config_unused(c, project, confs, &fl);
    acl_findings_clear(&fl);
    free(confs);
}

static void
apply_baseline(const struct acl_baseline *b)
{
    struct acl_rule_conf *confs = calloc(nrules + 1, sizeof *confs);
    struct acl_findings fl = {0};

    acl_rule_confs_default(confs);
    acl_engine_lint(project, confs, &fl);
    acl_baseline_mark(b, &fl);
    (void)acl_baseline_size(b);
    acl_findings_clear(&fl);
    free(confs);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct acl_error err;
    struct acl_config *c;
    struct acl_baseline *b;
    char *text = malloc(size + 1);

    memcpy(text, data, size);
    text[size] = '\0';
    b = acl_baseline_parse("baseline.sarif", text, size, &err);
    if (b != NULL)
        apply_baseline(b);
    acl_baseline_free(b);
    c = acl_config_parse(acl_text_new(".agentcore-lint.json",
                                      ".agentcore-lint.json", text, size),
                         acl_rules_all(), nrules, &err);
    if (c != NULL)
        apply_config(c);
    acl_config_free(c);
    return 0;
}
