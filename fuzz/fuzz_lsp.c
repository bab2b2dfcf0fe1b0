/*
 * fuzz_lsp.c - libFuzzer harness over the language server: the input is
 * the byte stream a client sends, after an initialize and the opening
 * of a small project's agentcore.json (so that later messages reach
 * linting, code actions and hover). It goes through the message reader
 * in two pieces, every message is handled, pending lints run; the
 * server's output goes to memory and is dropped.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "acl/engine.h"
#include "load/jalloc.h"
#include "cli/lsp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* A fixed place, so that the seeds can name its files. */
static const char root[] = "/tmp/acl-fuzz-lsp";
static char *prelude;

static const char spec[] =
    "{\"name\": \"Proj\", \"version\": 1, \"managedBy\": \"CDK\",\n"
    " \"runtimes\": [], \"credentials\": [],\n"
    " \"agentCoreGateways\": [{\"name\": \"gw\", \"protocolType\": \"MCP\",\n"
    "   \"targets\": [], \"exceptionLevel\": \"DEBUG\", \"exceptionLevel\": \"NONE\",\n"
    "   \"enableSemanticSearch\": false}]}\n";

static void
add_msg(struct acl_buf *b, const char *json)
{
    acl_buf_printf(b, "Content-Length: %zu\r\n\r\n%s", strlen(json), json);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
    struct acl_error err;
    struct acl_buf b = {0};
    char *dir, *file, *open;
    FILE *f;

    (void)argc;
    (void)argv;
    acl_jalloc_init();
    if (acl_rules_init(&err) != 0)
        abort();
    dir = acl_xasprintf("%s/agentcore", root);
    file = acl_xasprintf("%s/agentcore.json", dir);
    mkdir(root, 0755);
    mkdir(dir, 0755);
    if ((f = fopen(file, "w")) == NULL)
        abort();
    fputs(spec, f);
    fclose(f);
    add_msg(&b, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                "\"params\":{\"capabilities\":{}}}");
    open = acl_xasprintf("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/"
                         "didOpen\",\"params\":{\"textDocument\":{\"uri\":"
                         "\"file://%s\",\"text\":\"{}\"}}}",
                         file);
    add_msg(&b, open);
    prelude = acl_buf_steal(&b);
    free(open);
    free(file);
    free(dir);
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = NULL, *body;
    size_t len = 0, blen, half = size / 2;
    FILE *out = open_memstream(&buf, &len);
    struct acl_lsp *s = acl_lsp_new(out);
    struct acl_lsp_reader *r = acl_lsp_reader_new(1 << 20);
    struct acl_error err;
    int rc, code, piece;

    acl_lsp_reader_feed(r, prelude, strlen(prelude));
    for (piece = 0; piece < 2; piece++) {
        acl_lsp_reader_feed(r, (const char *)data + (piece ? half : 0),
                            piece ? size - half : half);
        while (!acl_lsp_exited(s, &code) &&
               (rc = acl_lsp_reader_next(r, &body, &blen, &err)) != 0) {
            if (rc < 0) {
                acl_lsp_reject(s, err.text);
                continue;
            }
            acl_lsp_handle(s, body, blen);
            free(body);
        }
    }
    acl_lsp_flush(s);
    acl_lsp_reader_free(r);
    acl_lsp_free(s);
    fclose(out);
    free(buf);
    return 0;
}
