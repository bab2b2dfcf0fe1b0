/*
 * lsp.c - the language server's messages: JSON-RPC requests and
 * notifications, the lifecycle (initialize, shutdown, exit), and the
 * documents the client opens, changes, saves and closes. Their unsaved
 * text goes into the overlay the project loader reads first.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "acl/version.h"
#include "lsp_int.h"

/* JSON-RPC and LSP error codes. */
#define E_PARSE (-32700)
#define E_INVALID (-32600)
#define E_METHOD (-32601)
#define E_PARAMS (-32602)
#define E_NOT_INIT (-32002)

void
lsp_send(struct acl_lsp *s, json_t *msg)
{
    char *text;

    json_object_set_new(msg, "jsonrpc", json_string("2.0"));
    text = json_dumps(msg, JSON_COMPACT);
    json_decref(msg);
    if (text == NULL)
        return;
    acl_lsp_write(s->out, text, strlen(text));
    free(text);
}

void
lsp_notify(struct acl_lsp *s, const char *method, json_t *params)
{
    lsp_send(s, json_pack("{s:s,s:o}", "method", method, "params", params));
}

static void
reply(struct acl_lsp *s, json_t *id, json_t *result)
{
    lsp_send(s, json_pack("{s:O,s:o}", "id", id, "result",
                          result ? result : json_null()));
}

static void
reply_error(struct acl_lsp *s, json_t *id, int code, const char *text)
{
    lsp_send(s, json_pack("{s:O,s:{s:i,s:s}}", "id", id ? id : json_null(),
                          "error", "code", code, "message", text));
}

void
acl_lsp_reject(struct acl_lsp *s, const char *why)
{
    reply_error(s, NULL, E_PARSE, why);
}

static int
hexval(int c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

char *
lsp_uri_path(const char *uri)
{
    struct acl_buf b = {0};
    const char *p;

    if (uri == NULL || strncmp(uri, "file://", 7) != 0)
        return NULL;
    p = uri + 7;
    if (strncmp(p, "localhost/", 10) == 0)
        p += 9;
    if (*p != '/')
        return NULL;
    acl_buf_append(&b, "", 0);
    for (; *p != '\0' && *p != '?' && *p != '#'; p++) {
        if (*p == '%' && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
            char c = (char)(hexval(p[1]) * 16 + hexval(p[2]));

            if (c == '\0') { /* no NUL in a path */
                acl_buf_free(&b);
                return NULL;
            }
            acl_buf_putc(&b, c);
            p += 2;
        } else {
            acl_buf_putc(&b, *p);
        }
    }
    return acl_buf_steal(&b);
}

char *
lsp_path_uri(const char *path)
{
    static const char safe[] = "-._~/!$&'()*+,;=:@";
    struct acl_buf b = {0};
    const unsigned char *p;

    acl_buf_puts(&b, "file://");
    for (p = (const unsigned char *)path; *p != '\0'; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr(safe, *p) != NULL)
            acl_buf_putc(&b, (char)*p);
        else
            acl_buf_printf(&b, "%%%02X", *p);
    }
    return acl_buf_steal(&b);
}

/* The absolute path of a document: its folder with links resolved, so
 * it names the file as the loader does. NULL when not a file: URI. */
static char *
doc_path(const char *uri)
{
    char *path = lsp_uri_path(uri), *slash, real[PATH_MAX], *out;

    if (path == NULL)
        return NULL;
    slash = strrchr(path, '/');
    *slash = '\0';
    if (realpath(path[0] ? path : "/", real) == NULL) {
        *slash = '/';
        return path;
    }
    out = acl_xasprintf("%s/%s", strcmp(real, "/") ? real : "", slash + 1);
    free(path);
    return out;
}

static long
find_doc(const struct acl_lsp *s, const char *uri)
{
    size_t i;

    for (i = 0; i < s->ndocs; i++)
        if (strcmp(s->docs[i].uri, uri) == 0)
            return (long)i;
    return -1;
}

/* Marks the project of path to be linted (creating it when asked). */
static void
touch(struct acl_lsp *s, const char *path, int create)
{
    struct lsp_project *lp = lsp_project_of(s, path, create);

    if (lp != NULL)
        lp->dirty = 1;
}

static void
did_open(struct acl_lsp *s, json_t *params)
{
    const char *uri = NULL, *text = NULL;
    size_t len = 0;
    char *path;

    if (json_unpack(params, "{s:{s:s,s:s%}}", "textDocument", "uri", &uri,
                    "text", &text, &len) != 0 ||
        (path = doc_path(uri)) == NULL)
        return;
    if (find_doc(s, uri) < 0) {
        acl_xgrow((void **)&s->docs, &s->docs_cap, s->ndocs + 1,
                  sizeof *s->docs);
        s->docs[s->ndocs].uri = acl_xstrdup(uri);
        s->docs[s->ndocs].path = acl_xstrdup(path);
        s->ndocs++;
    }
    acl_overlay_set(s->overlay, path, text, len);
    touch(s, path, 1);
    free(path);
}

/* One content change: the whole text, or (from a client that sends
 * ranges all the same) a range of the current text replaced. */
static void
apply_change(struct acl_lsp *s, const char *path, json_t *change)
{
    const struct acl_overlay_file *cur = acl_overlay_get(s->overlay, path);
    json_t *range = json_object_get(change, "range");
    const char *text = NULL;
    size_t len = 0, a, b;
    struct acl_text *t;
    struct acl_buf out = {0};

    if (json_unpack(change, "{s:s%}", "text", &text, &len) != 0)
        return;
    if (!json_is_object(range) || cur == NULL) {
        acl_overlay_set(s->overlay, path, text, len);
        return;
    }
    t = acl_text_new("", "", acl_xstrndup(cur->data, cur->len), cur->len);
    a = lsp_offset(s, t, json_object_get(range, "start"));
    b = lsp_offset(s, t, json_object_get(range, "end"));
    if (b < a)
        b = a;
    acl_buf_append(&out, t->data, a);
    acl_buf_append(&out, text, len);
    acl_buf_append(&out, t->data + b, t->len - b);
    acl_overlay_set(s->overlay, path, out.data, out.len);
    acl_buf_free(&out);
    acl_text_free(t);
}

static void
did_change(struct acl_lsp *s, json_t *params)
{
    const char *uri = NULL;
    json_t *changes = NULL, *c;
    size_t i;
    long k;

    if (json_unpack(params, "{s:{s:s},s:o}", "textDocument", "uri", &uri,
                    "contentChanges", &changes) != 0 ||
        (k = find_doc(s, uri)) < 0 || !json_is_array(changes))
        return;
    json_array_foreach (changes, i, c)
        apply_change(s, s->docs[k].path, c);
    touch(s, s->docs[k].path, 1);
}

static void
did_close(struct acl_lsp *s, json_t *params)
{
    const char *uri = NULL;
    long k;

    if (json_unpack(params, "{s:{s:s}}", "textDocument", "uri", &uri) != 0 ||
        (k = find_doc(s, uri)) < 0)
        return;
    acl_overlay_remove(s->overlay, s->docs[k].path);
    touch(s, s->docs[k].path, 0);
    free(s->docs[k].uri);
    free(s->docs[k].path);
    s->docs[k] = s->docs[--s->ndocs];
}

/* didSave (text, when sent, is the saved text) and file changes on
 * disk: the project reads them again. */
static void
did_save(struct acl_lsp *s, json_t *params)
{
    const char *uri = NULL;
    long k;

    if (json_unpack(params, "{s:{s:s}}", "textDocument", "uri", &uri) != 0 ||
        (k = find_doc(s, uri)) < 0)
        return;
    touch(s, s->docs[k].path, 1);
}

static void
watched_files(struct acl_lsp *s, json_t *params)
{
    json_t *changes = json_object_get(params, "changes"), *c;
    size_t i;

    json_array_foreach (changes, i, c) {
        char *path = doc_path(json_string_value(json_object_get(c, "uri")));

        if (path != NULL)
            touch(s, path, 0);
        free(path);
    }
}

/* UTF-8 when the client offers it (fewer conversions), else UTF-16,
 * which every client understands. */
static json_t *
initialize(struct acl_lsp *s, json_t *params)
{
    json_t *caps = json_object_get(params, "capabilities");
    json_t *encs =
        json_object_get(json_object_get(caps, "general"), "positionEncodings");
    json_t *e;
    size_t i;

    s->can_watch = json_is_true(
        json_object_get(json_object_get(json_object_get(caps, "workspace"),
                                        "didChangeWatchedFiles"),
                        "dynamicRegistration"));
    s->enc = LSP_UTF16;
    json_array_foreach (encs, i, e)
        if (json_is_string(e) && strcmp(json_string_value(e), "utf-8") == 0)
            s->enc = LSP_UTF8;
    s->initialized = 1;
    return json_pack("{s:{s:s,s:{s:b,s:i,s:{s:b}},s:{s:[s,s]},s:b,s:{s:[s]}},"
                     "s:{s:s,s:s}}",
                     "capabilities", "positionEncoding",
                     s->enc == LSP_UTF8 ? "utf-8" : "utf-16",
                     "textDocumentSync", "openClose", 1, "change", 1, "save",
                     "includeText", 0, "codeActionProvider", "codeActionKinds",
                     "quickfix", "source.fixAll.agentcore-lint",
                     "hoverProvider", 1, "executeCommandProvider", "commands",
                     "agentcore-lint.fixAll", "serverInfo", "name", ACL_NAME,
                     "version", ACL_VERSION);
}

static json_t *
request(struct acl_lsp *s, const char *method, json_t *params, int *code,
        const char **error)
{
    if (strcmp(method, "initialize") == 0)
        return initialize(s, params);
    if (!s->initialized)
        return *code = E_NOT_INIT, *error = "initialize first", NULL;
    if (s->shutdown)
        return *code = E_INVALID, *error = "the server is shutting down", NULL;
    if (strcmp(method, "shutdown") == 0) {
        s->shutdown = 1;
        return json_null();
    }
    if (strcmp(method, "textDocument/codeAction") == 0)
        return lsp_code_actions(s, params);
    if (strcmp(method, "textDocument/hover") == 0)
        return lsp_hover(s, params);
    if (strcmp(method, "workspace/executeCommand") == 0) {
        json_t *r = lsp_execute(s, params, error);

        if (*error != NULL)
            *code = E_PARAMS;
        return r;
    }
    *code = E_METHOD;
    *error = "unknown method";
    return NULL;
}

/* Asks the client to report changes on disk to the files a lint reads
 * (another program, git, the CLI itself may change them). */
static void
register_watchers(struct acl_lsp *s)
{
    static const char *const globs[] = {
        "**/agentcore/**",
        "**/app/**",
        "**/.agentcore-lint.json",
        "**/.gitignore",
        "**/*.{py,ts,js,mjs,cjs,tsx,jsx,json,yaml,yml}",
    };
    json_t *watchers = json_array();
    size_t i;

    if (!s->can_watch)
        return;
    for (i = 0; i < ACL_ARRAY_LEN(globs); i++)
        json_array_append_new(watchers,
                              json_pack("{s:s}", "globPattern", globs[i]));
    lsp_send(s, json_pack("{s:I,s:s,s:{s:[{s:s,s:s,s:{s:o}}]}}", "id",
                          (json_int_t)++s->next_id, "method",
                          "client/registerCapability", "params",
                          "registrations", "id", "agentcore-lint-files",
                          "method", "workspace/didChangeWatchedFiles",
                          "registerOptions", "watchers", watchers));
}

static void
notification(struct acl_lsp *s, const char *method, json_t *params)
{
    if (strcmp(method, "exit") == 0) {
        s->exited = 1;
        return;
    }
    if (!s->initialized || s->shutdown)
        return;
    if (strcmp(method, "initialized") == 0)
        register_watchers(s);
    else if (strcmp(method, "textDocument/didOpen") == 0)
        did_open(s, params);
    else if (strcmp(method, "textDocument/didChange") == 0)
        did_change(s, params);
    else if (strcmp(method, "textDocument/didSave") == 0)
        did_save(s, params);
    else if (strcmp(method, "textDocument/didClose") == 0)
        did_close(s, params);
    else if (strcmp(method, "workspace/didChangeWatchedFiles") == 0)
        watched_files(s, params);
    /* $/cancelRequest: requests are answered as they come, so there is
     * never one to cancel. Other notifications need nothing. */
}

void
acl_lsp_handle(struct acl_lsp *s, const char *body, size_t len)
{
    json_error_t jerr;
    json_t *msg = json_loadb(body, len, 0, &jerr), *id, *params, *result;
    const char *method, *error = NULL;
    int code = 0;

    if (msg == NULL) {
        reply_error(s, NULL, E_PARSE, jerr.text);
        return;
    }
    id = json_object_get(msg, "id");
    method = json_string_value(json_object_get(msg, "method"));
    params = json_object_get(msg, "params");
    if (!json_is_object(msg) ||
        (id != NULL && !json_is_string(id) && !json_is_integer(id))) {
        reply_error(s, NULL, E_INVALID, "not a JSON-RPC message");
    } else if (method == NULL) {
        if (id == NULL)
            reply_error(s, NULL, E_INVALID, "a message needs a method");
        /* else: the client's answer to our request; nothing to do. */
    } else if (id == NULL) {
        notification(s, method, params);
    } else if ((result = request(s, method, params, &code, &error)) != NULL ||
               error == NULL) {
        reply(s, id, result);
    } else {
        reply_error(s, id, code, error);
    }
    json_decref(msg);
}

struct acl_lsp *
acl_lsp_new(FILE *out)
{
    struct acl_lsp *s = acl_xcalloc(1, sizeof *s);

    s->out = out;
    s->overlay = acl_overlay_new();
    return s;
}

void
acl_lsp_free(struct acl_lsp *s)
{
    size_t i;

    if (s == NULL)
        return;
    lsp_projects_free(s);
    for (i = 0; i < s->ndocs; i++) {
        free(s->docs[i].uri);
        free(s->docs[i].path);
    }
    free(s->docs);
    acl_overlay_free(s->overlay);
    free(s);
}

int
acl_lsp_pending(const struct acl_lsp *s)
{
    size_t i;

    for (i = 0; i < s->nprojects; i++)
        if (s->projects[i].dirty)
            return 1;
    return 0;
}

void
acl_lsp_flush(struct acl_lsp *s)
{
    size_t i;

    for (i = 0; i < s->nprojects; i++)
        if (s->projects[i].dirty)
            lsp_lint(s, &s->projects[i]);
}

int
acl_lsp_exited(const struct acl_lsp *s, int *code)
{
    *code = s->shutdown ? 0 : 1;
    return s->exited;
}
