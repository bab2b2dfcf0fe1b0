/*
 * fuzz_code.c - libFuzzer harness over the agent-code front end: the
 * tokenizer (strings, f-strings, templates, regex literals, JSX) and the
 * per-file analysis (aliases, constants, settings classes, guards, AWS
 * calls) that AC015-AC017, AC028 and AC029 read. A pull request's code
 * is a stranger's text. The input's first byte picks the language by
 * file name; the rest is the file.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acl/codeflow.h"
#include "acl/file.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {
    "app/a/main.py", "app/a/agent.ts",   "app/a/App.tsx", "app/a/index.js",
    "app/a/App.jsx", "app/a/server.mjs", "app/a/lib.cjs", "tests/test_a.py"};

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *name;
    struct acl_text *t;
    struct acl_code_file *f;
    char *text;

    if (size == 0)
        return 0;
    name = names[data[0] % (sizeof names / sizeof *names)];
    text = malloc(size);
    if (text == NULL)
        return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    t = acl_text_new(name, name, text, size - 1);
    f = acl_code_file_new(t);
    acl_code_file_free(f);
    acl_text_free(t);
    return 0;
}
