/*
 * fuzz_lint.c - libFuzzer harness over the whole pipeline: the input is
 * an agentcore.json; it is loaded, modelled, checked by every rule and
 * written in every output format (to memory).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "acl/engine.h"
#include "acl/model.h"
#include "acl/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static char root[] = "/tmp/acl-fuzz-XXXXXX";
static struct acl_rule_conf *confs;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct acl_error err;

    (void)argc;
    (void)argv;
    if (mkdtemp(root) == NULL || acl_rules_init(&err) != 0)
        abort();
    confs = calloc(acl_rules_count(), sizeof *confs);
    acl_rule_confs_default(confs);
    return 0;
}

static void
report_all(struct acl_project *p, struct acl_findings *fl)
{
    int fmt;

    for (fmt = ACL_FMT_HUMAN; fmt <= ACL_FMT_GITHUB; fmt++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *out = open_memstream(&buf, &len);
        struct acl_report_ctx ctx;

        memset(&ctx, 0, sizeof ctx);
        ctx.format = (enum acl_format)fmt;
        ctx.out = out;
        ctx.findings = fl;
        ctx.projects = &p;
        ctx.nprojects = 1;
        ctx.confs = confs;
        acl_report_write(&ctx, NULL);
        fclose(out);
        free(buf);
    }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct acl_prod_opts prod = {0};
    struct acl_findings fl = {0};
    struct acl_error err;
    struct acl_project *p;
    char *text = malloc(size + 1);

    memcpy(text, data, size);
    text[size] = '\0';
    prod.force = size > 0 && (data[0] & 1);
    p = acl_project_load_text(root, "", "agentcore/agentcore.json", text, size,
                              &prod, (size_t)64 << 20, &err);
    if (p == NULL)
        return 0;
    acl_engine_lint(p, confs, &fl);
    acl_findings_sort(&fl);
    report_all(p, &fl);
    acl_findings_clear(&fl);
    acl_project_free(p);
    return 0;
}
