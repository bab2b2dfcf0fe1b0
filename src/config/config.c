/*
 * config.c - reading and checking .agentcore-lint.json.
 *
 * Every problem is an error that names the member and its line, the way
 * a compiler names a bad line: a config that is only half understood
 * would hide findings (a mistyped ignore) or show ones the team turned
 * off, and a CI gate must not guess.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "acl/config.h"
#include "acl/file.h"
#include "acl/jptr.h"
#include "acl/report_util.h"
#include "acl/suggest.h"

const char *const acl_config_members[] = {
    "$schema", "production", "productionTargets", "rules", "ignore", NULL};
const char *const acl_config_ignore_members[] = {"rule", "resource", "pointer",
                                                 "path", "reason",   NULL};
const char *const acl_config_levels[] = {"off", "note", "warning", "error",
                                         NULL};

/* The state of one check: the config being built and where errors go. */
struct cctx {
    struct acl_config *c;
    struct acl_error *err;
};

/* "rules.AC005.threshold" or "ignore[1]" for a pointer into the config:
 * how users see a member in error messages. */
static void
member_name(const struct acl_doc *doc, const char *ptr, struct acl_buf *out)
{
    struct acl_buf tok = {0};
    json_t *cur = doc->root;

    acl_buf_append(out, "", 0);
    while (acl_jptr_next(&ptr, &tok) == 0) {
        acl_buf_append(&tok, "", 0);
        if (json_is_array(cur)) {
            acl_buf_printf(out, "[%s]", tok.data);
            cur = json_array_get(cur, strtoul(tok.data, NULL, 10));
            continue;
        }
        if (out->len > 0)
            acl_buf_putc(out, '.');
        acl_escape_text(tok.data, tok.len, out);
        cur = json_object_getn(cur, tok.data, tok.len);
    }
    acl_buf_free(&tok);
}

/* Fills the error for the value at ptr (its member name when at_key)
 * and returns -1. An empty ptr is the whole file. */
static int fail(struct cctx *x, const char *ptr, int at_key, const char *fmt,
                ...) ACL_PRINTF(4, 5);

static int
fail(struct cctx *x, const char *ptr, int at_key, const char *fmt, ...)
{
    const struct acl_doc *doc = x->c->doc;
    long i = acl_doc_find(doc, ptr);
    struct acl_span sp = {0, 0};
    struct acl_pos pos;
    struct acl_buf name = {0};
    char *why;
    va_list ap;

    if (i >= 0) {
        struct acl_span key = acl_doc_key(doc, (size_t)i);

        sp =
            at_key && key.end > key.start ? key : acl_doc_value(doc, (size_t)i);
    }
    acl_text_pos(doc->text, sp.start, &pos);
    va_start(ap, fmt);
    why = acl_xvasprintf(fmt, ap);
    va_end(ap);
    member_name(doc, ptr, &name);
    if (name.len > 0)
        acl_error_set(x->err, "%s:%u: \"%s\": %s", doc->text->display, pos.line,
                      name.data, why);
    else
        acl_error_set(x->err, "%s:%u: %s", doc->text->display, pos.line, why);
    acl_buf_free(&name);
    free(why);
    return -1;
}

/* "a, b and c" */
static void
list_text(const char *const *names, struct acl_buf *out)
{
    size_t i;

    acl_buf_append(out, "", 0);
    for (i = 0; names[i] != NULL; i++) {
        if (i > 0)
            acl_buf_puts(out, names[i + 1] == NULL ? " and " : ", ");
        acl_buf_puts(out, names[i]);
    }
}

static int
in_list(const char *const *names, const char *key, size_t len)
{
    size_t i;

    for (i = 0; names[i] != NULL; i++)
        if (strlen(names[i]) == len && memcmp(names[i], key, len) == 0)
            return 1;
    return 0;
}

/* Every member of obj (at ptr) must be one of allowed. */
static int
check_members(struct cctx *x, const char *ptr, json_t *obj,
              const char *const *allowed, const char *what)
{
    const char *key;
    size_t len;
    json_t *v;

    json_object_keylen_foreach(obj, key, len, v)
    {
        struct acl_buf names = {0};
        char *at, *word;
        const char *near;
        size_t n = 0;
        int rc;

        if (in_list(allowed, key, len))
            continue;
        list_text(allowed, &names);
        at = acl_jptr_join(ptr, key, len);
        word = acl_xstrndup(key, len);
        while (allowed[n] != NULL)
            n++;
        near = acl_suggest(word, allowed, n);
        free(word);
        if (near != NULL)
            rc = fail(x, at, 1, "unknown member; did you mean \"%s\"? %s %s",
                      near, what, names.data);
        else
            rc = fail(x, at, 1, "unknown member; %s %s", what, names.data);
        free(at);
        acl_buf_free(&names);
        return rc;
    }
    return 0;
}

/* The index of a rule named by ID or name; -1 when unknown. The case
 * must be exact, as in the JSON Schema that editors check against. */
static long
find_rule(const struct acl_config *c, const char *s)
{
    size_t i;

    for (i = 0; i < c->nrules; i++)
        if (strcmp(c->rules[i]->id, s) == 0 ||
            strcmp(c->rules[i]->name, s) == 0)
            return (long)i;
    return -1;
}

/* "off" or a level; -1 when neither. Sets *enabled and *level. */
static int
parse_level(const char *s, int *enabled, enum acl_level *level)
{
    int v;

    if (strcmp(s, "off") == 0) {
        *enabled = 0;
        return 0;
    }
    if ((v = acl_level_parse(s)) <= 0)
        return -1;
    *enabled = 1;
    *level = (enum acl_level)v;
    return 0;
}

static int
check_production(struct cctx *x, json_t *root)
{
    json_t *v = json_object_get(root, "production"), *t;
    size_t i;

    if (v != NULL && !json_is_boolean(v))
        return fail(x, "/production", 0, "must be true or false");
    x->c->production = json_is_true(v);
    if ((v = json_object_get(root, "productionTargets")) == NULL)
        return 0;
    if (!json_is_array(v))
        return fail(x, "/productionTargets", 0,
                    "must be an array of deployment target names");
    x->c->targets = acl_xcalloc(json_array_size(v) + 1, sizeof(char *));
    json_array_foreach (v, i, t) {
        if (!json_is_string(t) || json_string_length(t) == 0) {
            char *at = acl_xasprintf("/productionTargets/%zu", i);
            int rc = fail(x, at, 0,
                          "must be a deployment target name "
                          "(a non-empty string)");

            free(at);
            return rc;
        }
        x->c->targets[x->c->ntargets++] = json_string_value(t);
    }
    return 0;
}

/* The option declared by rule r under name (len bytes), or NULL. */
static const struct acl_rule_option *
find_option(const struct acl_rule *r, const char *name, size_t len)
{
    const struct acl_rule_option *o;

    for (o = r->options; o != NULL && o->name != NULL; o++)
        if (strlen(o->name) == len && memcmp(o->name, name, len) == 0)
            return o;
    return NULL;
}

static int
unknown_option(struct cctx *x, const char *at, const struct acl_rule *r,
               const char *key, size_t len)
{
    struct acl_buf names = {0}, hint = {0};
    const struct acl_rule_option *o;
    const char *cands[16], *near;
    size_t n = 0;
    char *word = acl_xstrndup(key, len);
    int rc;

    acl_buf_append(&names, "", 0);
    acl_buf_append(&hint, "", 0);
    cands[n++] = "level";
    for (o = r->options; o != NULL && o->name != NULL; o++) {
        acl_buf_printf(&names, ", \"%s\"", o->name);
        if (n < ACL_ARRAY_LEN(cands))
            cands[n++] = o->name;
    }
    if ((near = acl_suggest(word, cands, n)) != NULL)
        acl_buf_printf(&hint, "did you mean \"%s\"? ", near);
    rc = fail(x, at, 1, "unknown option; %s%s takes \"level\"%s", hint.data,
              r->id, names.data);
    free(word);
    acl_buf_free(&hint);
    acl_buf_free(&names);
    return rc;
}

/* The object form of a rule setting: {"level": ..., option: N, ...}. */
static int
check_rule_object(struct cctx *x, const char *ptr, size_t k, json_t *obj)
{
    const struct acl_rule *r = x->c->rules[k];
    struct acl_rule_setting *s = &x->c->settings[k];
    const char *key;
    size_t len;
    json_t *v;

    s->options = obj;
    json_object_keylen_foreach(obj, key, len, v)
    {
        char *at = acl_jptr_join(ptr, key, len);
        const struct acl_rule_option *o = find_option(r, key, len);
        int rc = 0;

        if (strcmp(key, "level") == 0 && len == 5) {
            if (!json_is_string(v) ||
                parse_level(json_string_value(v), &s->enabled, &s->level))
                rc = fail(x, at, 0,
                          "must be \"off\", \"note\", \"warning\" "
                          "or \"error\"");
        } else if (o == NULL) {
            rc = unknown_option(x, at, r, key, len);
        } else if (!json_is_integer(v) || json_integer_value(v) < o->min ||
                   json_integer_value(v) > o->max) {
            rc = fail(x, at, 0, "must be a whole number from %ld to %ld",
                      o->min, o->max);
        }
        free(at);
        if (rc != 0)
            return rc;
    }
    return 0;
}

/* The rule ID or name of c's table closest to a mistyped one, as
 * " (did you mean \"X\"?)", or the hint to list the rules. Points into
 * buf (of size n). */
static const char *
rule_hint(const struct acl_config *c, const char *word, char *buf, size_t n)
{
    const char **cands = acl_xcalloc(2 * c->nrules + 1, sizeof *cands);
    const char *near;
    size_t i;

    for (i = 0; i < c->nrules; i++) {
        cands[2 * i] = c->rules[i]->id;
        cands[2 * i + 1] = c->rules[i]->name;
    }
    near = acl_suggest(word, cands, 2 * c->nrules);
    if (near != NULL)
        snprintf(buf, n, "did you mean \"%s\"?", near);
    else
        snprintf(buf, n, "see agentcore-lint --list-rules");
    free(cands);
    return buf;
}

/* One member of "rules": the rule (ID or name) and its setting. */
static int
check_rule(struct cctx *x, const char *key, size_t len, json_t *v)
{
    char *at = acl_jptr_join("/rules", key, len);
    long k = strlen(key) == len ? find_rule(x->c, key) : -1;
    struct acl_rule_setting *s;
    int rc = 0;

    if (k < 0) {
        char hint[160], *word = acl_xasprintf("%.*s", (int)len, key);

        rc = fail(x, at, 1, "unknown rule (%s)",
                  rule_hint(x->c, word, hint, sizeof hint));
        free(word);
    } else if ((s = &x->c->settings[k])->set) {
        rc = fail(x, at, 1, "%s is set twice (by ID and by name)",
                  x->c->rules[k]->id);
    } else {
        s->set = 1;
        s->enabled = 1;
        if (json_is_object(v))
            rc = check_rule_object(x, at, (size_t)k, v);
        else if (!json_is_string(v) ||
                 parse_level(json_string_value(v), &s->enabled, &s->level))
            rc = fail(x, at, 0,
                      "must be \"off\", \"note\", \"warning\", "
                      "\"error\" or an object such as "
                      "{\"level\": \"error\"}");
    }
    free(at);
    return rc;
}

static int
check_rules(struct cctx *x, json_t *root)
{
    json_t *rules = json_object_get(root, "rules"), *v;
    const char *key;
    size_t len;

    if (rules == NULL)
        return 0;
    if (!json_is_object(rules))
        return fail(x, "/rules", 0, "must be an object of rule IDs or names");
    json_object_keylen_foreach(rules, key, len, v)
    {
        if (check_rule(x, key, len, v) != 0)
            return -1;
    }
    return 0;
}

/* A string member of an ignore entry, or NULL when absent. */
static int
entry_string(struct cctx *x, const char *at, json_t *e, const char *name,
             const char **out)
{
    json_t *v = json_object_get(e, name);
    char *ptr;
    int rc = 0;

    *out = NULL;
    if (v == NULL)
        return 0;
    ptr = acl_xasprintf("%s/%s", at, name);
    if (!json_is_string(v) || json_string_length(v) == 0 ||
        strlen(json_string_value(v)) != json_string_length(v))
        rc = fail(x, ptr, 0, "must be a non-empty string");
    else
        *out = json_string_value(v);
    free(ptr);
    return rc;
}

static int
blank(const char *s)
{
    return s[strspn(s, " \t\r\n")] == '\0';
}

/* The shape of what an entry matches: a pointer must be RFC 6901, a
 * path relative to the project root. */
static int
check_match_syntax(struct cctx *x, const char *at, const struct acl_ignore *ig)
{
    struct acl_buf tok = {0};
    const char *p = ig->pointer;
    char *ptr;
    int r = 1, rc = 0;

    if (p != NULL && p[0] != '/')
        r = -1;
    while (p != NULL && (r = acl_jptr_next(&p, &tok)) == 0)
        ;
    acl_buf_free(&tok);
    if (r < 0) {
        ptr = acl_xasprintf("%s/pointer", at);
        rc = fail(x, ptr, 0,
                  "not a JSON pointer such as "
                  "\"/runtimes/0/envVars/2\"");
        free(ptr);
    } else if (ig->path != NULL && ig->path[0] == '/') {
        ptr = acl_xasprintf("%s/path", at);
        rc = fail(x, ptr, 0, "must be relative to the project root");
        free(ptr);
    }
    return rc;
}

static int
check_entry(struct cctx *x, size_t i, json_t *e, struct acl_ignore *ig)
{
    char *at = acl_xasprintf("/ignore/%zu", i), hint[160];
    const char *rule = NULL;
    long k = -1;
    int rc = -1;

    ig->at = at;
    if (!json_is_object(e))
        return fail(x, at, 0,
                    "must be an object with \"rule\", \"reason\" "
                    "and \"resource\", \"pointer\" or \"path\"");
    if (check_members(x, at, e, acl_config_ignore_members,
                      "ignore entries take") != 0 ||
        entry_string(x, at, e, "rule", &rule) != 0 ||
        entry_string(x, at, e, "resource", &ig->resource) != 0 ||
        entry_string(x, at, e, "pointer", &ig->pointer) != 0 ||
        entry_string(x, at, e, "path", &ig->path) != 0 ||
        entry_string(x, at, e, "reason", &ig->reason) != 0)
        return -1;
    if (rule == NULL)
        fail(x, at, 0, "missing \"rule\"");
    else if ((k = find_rule(x->c, rule)) < 0)
        fail(x, at, 0, "unknown rule \"%s\" (%s)", rule,
             rule_hint(x->c, rule, hint, sizeof hint));
    else if (ig->reason == NULL || blank(ig->reason))
        fail(x, at, 0,
             "missing \"reason\" (say why the finding is "
             "accepted)");
    else if (!ig->resource && !ig->pointer && !ig->path)
        fail(x, at, 0,
             "needs \"resource\", \"pointer\" or \"path\" (to "
             "turn %s off everywhere, use \"rules\")",
             rule);
    else
        rc = check_match_syntax(x, at, ig);
    ig->rule = (size_t)(k < 0 ? 0 : k);
    return rc;
}

static int
check_ignore(struct cctx *x, json_t *root)
{
    json_t *arr = json_object_get(root, "ignore"), *e;
    struct acl_config *c = x->c;
    size_t i;

    if (arr == NULL)
        return 0;
    if (!json_is_array(arr))
        return fail(x, "/ignore", 0, "must be an array of ignore entries");
    c->ignores = acl_xcalloc(json_array_size(arr) + 1, sizeof *c->ignores);
    json_array_foreach (arr, i, e) {
        c->nignores++;
        if (check_entry(x, i, e, &c->ignores[i]) != 0)
            return -1;
    }
    return 0;
}

static int
check_all(struct cctx *x)
{
    json_t *root = x->c->doc->root;
    json_t *schema = json_object_get(root, "$schema");

    if (!json_is_object(root))
        return fail(x, "", 0, "the config must be a JSON object");
    if (check_members(x, "", root, acl_config_members, "the config takes") != 0)
        return -1;
    if (schema != NULL && !json_is_string(schema))
        return fail(x, "/$schema", 0, "must be a string (the schema's URI)");
    if (check_production(x, root) != 0 || check_rules(x, root) != 0 ||
        check_ignore(x, root) != 0)
        return -1;
    return 0;
}

struct acl_config *
acl_config_parse(struct acl_text *text, const struct acl_rule *const *rules,
                 size_t nrules, struct acl_error *err)
{
    struct acl_config *c = acl_xcalloc(1, sizeof *c);
    struct cctx x = {c, err};
    const struct acl_doc *doc;
    struct acl_pos pos;

    c->doc = acl_doc_parse(text);
    c->rules = rules;
    c->nrules = nrules;
    c->settings = acl_xcalloc(nrules ? nrules : 1, sizeof *c->settings);
    doc = c->doc;
    if (doc->root == NULL) {
        acl_text_pos(doc->text, doc->error_at.start, &pos);
        acl_error_set(err, "%s:%u: not valid JSON: %s", doc->text->display,
                      pos.line, doc->error_text);
    } else if (doc->ndups > 0) {
        acl_text_pos(doc->text, doc->dups[0].first.start, &pos);
        fail(&x, doc->dups[0].pointer, 1,
             "the member appears twice (also "
             "on line %u); only one would count",
             pos.line);
    } else if (check_all(&x) == 0) {
        return c;
    }
    acl_config_free(c);
    return NULL;
}

/* Parses what a read of path gave (st), taking data. */
static int
load_read(enum acl_read_status st, const struct acl_error *rerr, char *data,
          size_t len, const char *display, int required,
          struct acl_config **out, struct acl_error *err)
{
    *out = NULL;
    if (st == ACL_READ_MISSING && !required)
        return 0;
    if (st != ACL_READ_OK)
        return acl_error_set(err, "%s: cannot read the config file (%s)",
                             display, acl_read_status_text(st, rerr));
    *out = acl_config_parse(acl_text_new(display, display, data, len),
                            acl_rules_all(), acl_rules_count(), err);
    return *out != NULL ? 0 : -1;
}

int
acl_config_load(const char *path, const char *display, int required, size_t max,
                struct acl_config **out, struct acl_error *err)
{
    char *data = NULL;
    size_t len = 0;
    struct acl_error rerr;
    enum acl_read_status st = acl_read_file(path, max, &data, &len, &rerr);

    return load_read(st, &rerr, data, len, display, required, out, err);
}

int
acl_config_load_in(const char *root, const char *path, const char *display,
                   size_t max, struct acl_config **out, struct acl_error *err)
{
    char *data = NULL;
    size_t len = 0;
    struct acl_error rerr;
    enum acl_read_status st =
        acl_read_file_in(root, path, max, &data, &len, &rerr);

    return load_read(st, &rerr, data, len, display, 0, out, err);
}

void
acl_config_free(struct acl_config *c)
{
    size_t i;

    if (c == NULL)
        return;
    for (i = 0; i < c->nignores; i++)
        free(c->ignores[i].at);
    free(c->ignores);
    free(c->settings);
    free(c->targets);
    acl_doc_free(c->doc);
    free(c);
}
