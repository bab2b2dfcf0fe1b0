/*
 * fingerprint.c - a finding's stable identity, for baselines and SARIF
 * partialFingerprints.
 *
 * It hashes the rule, the file, the path to the finding with array
 * elements named by their "name" member where they have one (so adding
 * or reordering gateways and targets keeps every other fingerprint),
 * and the offending text. Line numbers are not part of it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/finding.h"
#include "acl/jptr.h"
#include "acl/model.h"
#include "acl/rule.h"

static uint64_t
fnv1a(uint64_t h, const void *data, size_t n)
{
    const unsigned char *s = data;
    size_t i;

    for (i = 0; i < n; i++) {
        h ^= s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static const struct acl_doc *
doc_of(const struct acl_finding *f)
{
    size_t i;

    if (f->project == NULL)
        return NULL;
    for (i = 0; i < f->project->files.ndocs; i++)
        if (f->project->files.docs[i].doc->text == f->file)
            return f->project->files.docs[i].doc;
    return NULL;
}

/* The pointer with each array index replaced by the element's name
 * when it has one: /agentCoreGateways/[my-gw]/targets/[search]. */
static void
stable_path(const struct acl_doc *doc, const char *ptr, struct acl_buf *out)
{
    struct acl_buf tok = {0};
    json_t *cur = doc != NULL ? doc->root : NULL;

    acl_buf_append(out, "", 0);
    while (acl_jptr_next(&ptr, &tok) == 0) {
        json_t *next = NULL;

        if (json_is_array(cur)) {
            next = json_array_get(cur, strtoul(tok.data, NULL, 10));
            if (json_is_string(json_object_get(next, "name"))) {
                acl_buf_puts(out, "/[");
                acl_buf_puts(out,
                             json_string_value(json_object_get(next, "name")));
                acl_buf_putc(out, ']');
                cur = next;
                continue;
            }
        } else if (json_is_object(cur)) {
            next = json_object_getn(cur, tok.data, tok.len);
        }
        acl_jptr_append(out, tok.data, tok.len);
        cur = next;
    }
    acl_buf_free(&tok);
}

void
acl_finding_fingerprint(struct acl_finding *f)
{
    struct acl_buf path = {0};
    uint64_t h = 14695981039346656037ULL;
    size_t n = f->span.end - f->span.start;

    h = fnv1a(h, f->rule->id, strlen(f->rule->id) + 1);
    h = fnv1a(h, f->file->path, strlen(f->file->path) + 1);
    if (f->pointer != NULL) {
        stable_path(doc_of(f), f->pointer, &path);
        h = fnv1a(h, path.data, path.len + 1);
    }
    if (f->span.end <= f->file->len)
        h = fnv1a(h, f->file->data + f->span.start, n);
    acl_buf_free(&path);
    free(f->fingerprint);
    f->fingerprint = acl_xasprintf("%016llx", (unsigned long long)h);
}
