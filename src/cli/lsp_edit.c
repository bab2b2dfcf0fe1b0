/*
 * lsp_edit.c - positions in the negotiated encoding, and what the
 * server offers at a place: code actions (the findings' fixes and
 * suggestions as workspace edits), hover (the rule's explanation) and
 * "fix all" through workspace/applyEdit.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "acl/rules_doc.h"
#include "acl/utf8.h"
#include "lsp_int.h"

/* The start of line ln (0-based) of t, or t->len past the end. */
static size_t
line_start(const struct acl_text *t, size_t ln)
{
    return acl_text_line_start(t, ln + 1);
}

static json_t *
position(const struct acl_lsp *s, const struct acl_text *t, size_t off)
{
    struct acl_pos p;
    size_t ch;

    acl_text_pos(t, off, &p);
    ch = s->enc == LSP_UTF8 ? p.offset - line_start(t, p.line - 1)
                            : (size_t)p.col16 - 1;
    return json_pack("{s:i,s:I}", "line", (int)p.line - 1, "character",
                     (json_int_t)ch);
}

json_t *
lsp_range(const struct acl_lsp *s, const struct acl_text *t, size_t start,
          size_t end)
{
    return json_pack("{s:o,s:o}", "start", position(s, t, start), "end",
                     position(s, t, end));
}

size_t
lsp_offset(const struct acl_lsp *s, const struct acl_text *t, json_t *pos)
{
    json_int_t ln = json_integer_value(json_object_get(pos, "line"));
    json_int_t ch = json_integer_value(json_object_get(pos, "character"));
    size_t i, end;

    if (ln < 0 || ch < 0)
        return 0;
    i = line_start(t, (size_t)ln);
    end = i;
    if (i < t->len && (size_t)ln < UINT_MAX) {
        size_t len;

        (void)acl_text_line(t, (unsigned)ln + 1, &len);
        end = i + len;
    }
    if (s->enc == LSP_UTF8)
        return (size_t)ch < end - i ? i + (size_t)ch : end;
    return i + acl_utf16_skip(t->data + i, end - i, (size_t)ch);
}

struct lsp_project *
lsp_doc_project(struct acl_lsp *s, const char *uri,
                const struct acl_text **text)
{
    char *path = lsp_uri_path(uri);
    struct lsp_project *lp = path ? lsp_project_of(s, path, 1) : NULL;
    size_t i;

    free(path);
    *text = NULL;
    if (lp == NULL)
        return NULL;
    if (lp->dirty || lp->p == NULL)
        lsp_lint(s, lp); /* the request needs the text as it is now */
    for (i = 0; i < lp->findings.n && *text == NULL; i++) {
        char *u = lsp_text_uri(lp, lp->findings.items[i]->file);

        if (strcmp(u, uri) == 0)
            *text = lp->findings.items[i]->file;
        free(u);
    }
    return *text != NULL ? lp : NULL;
}

/* Adds edits [0, n) of one file to a workspace edit's documentChanges
 * as one text document edit (their ranges all refer to the text before
 * any of them), creating the file first when it does not exist. */
static void
add_edits(struct acl_lsp *s, const struct lsp_project *lp, json_t *changes,
          const struct acl_edit *const *e, size_t n)
{
    char *uri =
        e[0]->file ? lsp_text_uri(lp, e[0]->file) : lsp_rel_uri(lp, e[0]->path);
    json_t *edits = json_array();
    size_t k;

    if (e[0]->file == NULL)
        json_array_append_new(
            changes, json_pack("{s:s,s:s,s:{s:b}}", "kind", "create", "uri",
                               uri, "options", "ignoreIfExists", 1));
    for (k = 0; k < n; k++) {
        json_t *range =
            e[k]->file
                ? lsp_range(s, e[k]->file, e[k]->start, e[k]->end)
                : json_pack("{s:{s:i,s:i},s:{s:i,s:i}}", "start", "line", 0,
                            "character", 0, "end", "line", 0, "character", 0);

        json_array_append_new(edits, json_pack("{s:o,s:s}", "range", range,
                                               "newText", e[k]->text));
    }
    json_array_append_new(changes,
                          json_pack("{s:{s:s,s:n},s:o}", "textDocument", "uri",
                                    uri, "version", "edits", edits));
    free(uri);
}

/* Has an edit before k the same file? */
static int
seen_file(const struct acl_fix *x, size_t k)
{
    size_t j;

    for (j = 0; j < k; j++)
        if (strcmp(x->edits[j].path, x->edits[k].path) == 0)
            return 1;
    return 0;
}

/* A fix as a workspace edit: its edits grouped by file. */
static json_t *
workspace_edit(struct acl_lsp *s, const struct lsp_project *lp,
               const struct acl_fix *x)
{
    json_t *changes = json_array();
    const struct acl_edit **e = acl_xcalloc(x->nedits + 1, sizeof *e);
    size_t k, j, n;

    for (k = 0; k < x->nedits; k++) {
        if (seen_file(x, k))
            continue;
        for (n = 0, j = k; j < x->nedits; j++)
            if (strcmp(x->edits[j].path, x->edits[k].path) == 0)
                e[n++] = &x->edits[j];
        add_edits(s, lp, changes, e, n);
    }
    free(e);
    return json_pack("{s:o}", "documentChanges", changes);
}

/* Does the finding's span meet the requested range [a, b]? */
static int
meets(const struct acl_finding *f, size_t a, size_t b)
{
    return f->span.start <= b && a <= f->span.end;
}

static void
add_actions(struct acl_lsp *s, const struct lsp_project *lp,
            const struct acl_finding *f, json_t *out)
{
    json_t *diag = NULL;
    size_t i;
    char *href = acl_md_rule_uri(f->rule);

    diag = json_pack("{s:o,s:s,s:s,s:{s:s},s:s}", "range",
                     lsp_range(s, f->file, f->span.start, f->span.end), "code",
                     f->rule->id, "message", f->message, "codeDescription",
                     "href", href, "source", "agentcore-lint");
    free(href);
    for (i = 0; i < f->fixes.n; i++) {
        const struct acl_fix *x = &f->fixes.items[i];
        char *title =
            acl_xasprintf("%s: %s%s", f->rule->id, x->title,
                          x->kind == ACL_FIX ? "" : " (changes behaviour)");

        json_array_append_new(out, json_pack("{s:s,s:s,s:[O],s:b,s:o}", "title",
                                             title, "kind", "quickfix",
                                             "diagnostics", diag, "isPreferred",
                                             x->kind == ACL_FIX && i == 0,
                                             "edit", workspace_edit(s, lp, x)));
        free(title);
    }
    json_decref(diag);
}

/* Is there a safe fix anywhere in the project? */
static int
any_fix(const struct lsp_project *lp)
{
    size_t i, k;

    for (i = 0; i < lp->findings.n; i++)
        for (k = 0; k < lp->findings.items[i]->fixes.n; k++)
            if (!lp->findings.items[i]->suppressed &&
                lp->findings.items[i]->fixes.items[k].kind == ACL_FIX)
                return 1;
    return 0;
}

json_t *
lsp_code_actions(struct acl_lsp *s, json_t *params)
{
    const char *uri = json_string_value(
        json_object_get(json_object_get(params, "textDocument"), "uri"));
    json_t *range = json_object_get(params, "range"), *out = json_array();
    const struct acl_text *t;
    struct lsp_project *lp = uri ? lsp_doc_project(s, uri, &t) : NULL;
    size_t i, a, b;

    if (lp == NULL)
        return out;
    a = lsp_offset(s, t, json_object_get(range, "start"));
    b = lsp_offset(s, t, json_object_get(range, "end"));
    for (i = 0; i < lp->findings.n; i++) {
        const struct acl_finding *f = lp->findings.items[i];

        if (f->file == t && !f->suppressed && meets(f, a, b))
            add_actions(s, lp, f, out);
    }
    if (any_fix(lp))
        json_array_append_new(
            out,
            json_pack("{s:s,s:s,s:{s:s,s:s,s:[s]}}", "title",
                      "agentcore-lint: apply every safe fix of the project",
                      "kind", "source.fixAll.agentcore-lint", "command",
                      "title", "Fix all agentcore-lint problems", "command",
                      "agentcore-lint.fixAll", "arguments", uri));
    return out;
}

json_t *
lsp_hover(struct acl_lsp *s, json_t *params)
{
    const char *uri = json_string_value(
        json_object_get(json_object_get(params, "textDocument"), "uri"));
    const struct acl_text *t;
    struct lsp_project *lp = uri ? lsp_doc_project(s, uri, &t) : NULL;
    struct acl_buf b = {0};
    json_t *range = NULL, *res;
    size_t i, at;

    if (lp == NULL)
        return NULL;
    at = lsp_offset(s, t, json_object_get(params, "position"));
    for (i = 0; i < lp->findings.n; i++) {
        const struct acl_finding *f = lp->findings.items[i];
        const struct acl_rule *r = f->rule;

        if (f->file != t || f->suppressed || !meets(f, at, at))
            continue;
        acl_buf_printf(&b, "%s**%s %s** (%s)\n\n%s\n\n%s\n\n**Fix:** %s\n",
                       b.len ? "\n---\n\n" : "", r->id, r->name,
                       acl_level_name(f->level), f->message, r->description,
                       f->help ? f->help : r->help);
        if (range == NULL)
            range = lsp_range(s, t, f->span.start, f->span.end);
    }
    if (b.len == 0)
        return NULL;
    res = json_pack("{s:{s:s,s:s},s:o}", "contents", "kind", "markdown",
                    "value", b.data, "range", range);
    acl_buf_free(&b);
    return res;
}

/* Every safe fix of the project that does not overlap another, as one
 * workspace edit the client is asked to apply. */
json_t *
lsp_execute(struct acl_lsp *s, json_t *params, const char **error)
{
    const char *cmd = json_string_value(json_object_get(params, "command"));
    const char *uri = json_string_value(
        json_array_get(json_object_get(params, "arguments"), 0));
    struct acl_fix_plan plan;
    const struct acl_text *t;
    struct lsp_project *lp;
    json_t *changes;
    size_t i;

    if (cmd == NULL || strcmp(cmd, "agentcore-lint.fixAll") != 0 || uri == NULL)
        return *error = "unknown command, or no document URI argument", NULL;
    if ((lp = lsp_doc_project(s, uri, &t)) == NULL)
        return json_null();
    memset(&plan, 0, sizeof plan);
    acl_fix_plan_build(&plan, &lp->findings, NULL);
    changes = json_array();
    for (i = 0; i < plan.nfiles; i++)
        if (plan.files[i].nedits > 0)
            add_edits(s, lp, changes, plan.files[i].edits,
                      plan.files[i].nedits);
    acl_fix_plan_free(&plan);
    lsp_send(s, json_pack("{s:I,s:s,s:{s:s,s:{s:o}}}", "id",
                          (json_int_t)++s->next_id, "method",
                          "workspace/applyEdit", "params", "label",
                          "agentcore-lint: fix all", "edit", "documentChanges",
                          changes));
    return json_null();
}
