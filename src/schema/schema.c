/*
 * schema.c - the validator engine: walks a JSON value against the
 * descriptors of schema_int.h and reports one violation per problem, at
 * the RFC 6901 pointer of the offending value.
 *
 * The walk mirrors zod 4's semantics where they decide validity: null is
 * a value only for "any"; unions are first-match; an object's
 * cross-field rules run only when nothing inside it failed (zod skips
 * them after a structural error, and reporting them then would only
 * repeat the real problem).
 */
#include <math.h>
#include <string.h>
#include <stdlib.h>

#include "acl/suggest.h"
#include "schema_int.h"

/* Above the loader's own bound (and jansson's): the walk never goes
 * deeper than the input, and the input is already bounded, so this only
 * guards callers that built their JSON some other way. */
#define SX_MAX_DEPTH 2100

static void sx_object(struct acl_sx_ctx *cx, const struct acl_sx_object *o,
                      json_t *v);

/* Length, pattern and extra check of a string (s, len). */
static void
sx_string_body(struct acl_sx_ctx *cx, const struct acl_sx_type *t,
               const char *s, size_t len)
{
    size_t n;

    if (t->flags & ACL_SX_TRIM) {
        size_t a, e;

        acl_sx_trim(s, len, &a, &e);
        s += a;
        len = e - a;
    }
    n = acl_sx_utf16_len(s, len);
    if ((t->flags & ACL_SX_MIN) && n < t->min) {
        if (t->flags & ACL_SX_MAX)
            acl_sx_fail(cx, "must be %.0f-%.0f characters long", t->min,
                        t->max);
        else
            acl_sx_fail(cx, "must be at least %.0f character%s long", t->min,
                        t->min == 1 ? "" : "s");
        return;
    }
    if ((t->flags & ACL_SX_MAX) && n > t->max) {
        if (t->flags & ACL_SX_MIN)
            acl_sx_fail(cx, "must be %.0f-%.0f characters long", t->min,
                        t->max);
        else
            acl_sx_fail(cx, "must be at most %.0f characters long", t->max);
        return;
    }
    if (t->pattern != ACL_PAT_NONE &&
        !acl_sx_pattern_match(cx, t->pattern, s, len)) {
        const char *d = acl_sx_pattern_desc(t->pattern);

        acl_sx_fail(cx, "must match %s%s%s%s", acl_sx_pattern_js(t->pattern),
                    d ? " (" : "", d ? d : "", d ? ")" : "");
    }
}

static void
sx_string(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    size_t before = cx->count;

    if (!json_is_string(v)) {
        acl_sx_wrong_type(cx, "a string", v);
        return;
    }
    sx_string_body(cx, t, json_string_value(v), json_string_length(v));
    if (t->kind == ACL_SX_URL && cx->count == before) {
        size_t a, e;
        const char *s = json_string_value(v);

        acl_sx_trim(s, json_string_length(v), &a, &e);
        if (!acl_sx_url_ok(s + a, e - a))
            acl_sx_fail(cx, "must be a valid URL (scheme:..., e.g. "
                            "https://host/path)");
    }
    if (t->check != NULL && cx->count == before)
        t->check(cx, v);
}

static void
sx_bounds_num(struct acl_sx_ctx *cx, const struct acl_sx_type *t, double d)
{
    if (((t->flags & ACL_SX_MIN) && d < t->min) ||
        ((t->flags & ACL_SX_MAX) && d > t->max)) {
        if ((t->flags & ACL_SX_MIN) && (t->flags & ACL_SX_MAX))
            acl_sx_fail(cx, "must be between %g and %g", t->min, t->max);
        else if (t->flags & ACL_SX_MIN)
            acl_sx_fail(cx, "must be at least %g", t->min);
        else
            acl_sx_fail(cx, "must be at most %g", t->max);
    }
}

static void
sx_number(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    double d;

    if (!json_is_number(v)) {
        acl_sx_wrong_type(cx, t->kind == ACL_SX_INT ? "an integer" : "a number",
                          v);
        return;
    }
    d = json_number_value(v);
    if (!isfinite(d)) {
        acl_sx_fail(cx, "must be a finite number");
        return;
    }
    if (t->kind == ACL_SX_INT) {
        double a = d < 0 ? -d : d; /* every double >= 2^53 is integral */

        if (a < 9007199254740992.0 && d != (double)(long long)d) {
            acl_sx_fail(cx, "must be an integer (got %g)", d);
            return;
        }
        if (a > 9007199254740991.0) {
            acl_sx_fail(cx, "must be a safe integer (|x| <= 2^53-1)");
            return;
        }
    }
    sx_bounds_num(cx, t, d);
}

static void
sx_enum(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    struct acl_buf b = {0};
    const char *const *p;

    if (json_is_string(v)) {
        for (p = t->values; *p != NULL; p++)
            if (strlen(*p) == json_string_length(v) &&
                memcmp(*p, json_string_value(v), strlen(*p)) == 0)
                return;
    }
    for (p = t->values; *p != NULL; p++) {
        if (p != t->values)
            acl_buf_puts(&b, ", ");
        acl_buf_puts(&b, *p);
    }
    if (t->values[1] == NULL)
        acl_sx_fail(cx, "must be \"%s\"", t->values[0]);
    else
        acl_sx_fail(cx, "must be one of %s", b.data);
    acl_buf_free(&b);
}

/* Count bounds of arrays and maps. */
static void
sx_count(struct acl_sx_ctx *cx, const struct acl_sx_type *t, size_t n,
         const char *one, const char *many)
{
    if ((t->flags & ACL_SX_MIN) && (t->flags & ACL_SX_MAX) &&
        t->min == t->max && n != t->min) {
        acl_sx_fail(cx, "must have exactly %.0f %s", t->min,
                    t->min == 1 ? one : many);
    } else if ((t->flags & ACL_SX_MIN) && n < t->min) {
        acl_sx_fail(cx, "must have at least %.0f %s", t->min,
                    t->min == 1 ? one : many);
    } else if ((t->flags & ACL_SX_MAX) && n > t->max) {
        acl_sx_fail(cx, "must have at most %.0f %s", t->max,
                    t->max == 1 ? one : many);
    }
}

/* The name of the member sx_unique_key found (spec's first present),
 * written into name (64 bytes); "" when none. */
static const char *
sx_unique_member(json_t *item, const char *spec, char name[64])
{
    while (spec != NULL && *spec != '\0') {
        const char *e = strchr(spec, '|');
        size_t n = e ? (size_t)(e - spec) : strlen(spec);

        if (n < 64 && json_object_getn(item, spec, n) != NULL) {
            memcpy(name, spec, n);
            name[n] = '\0';
            return name;
        }
        spec += n + (e != NULL);
    }
    return "";
}

/* The member of an item that must be unique ("a|b": first present). */
static json_t *
sx_unique_key(json_t *item, const char *spec)
{
    while (json_is_object(item) && spec != NULL && *spec != '\0') {
        const char *e = strchr(spec, '|');
        size_t n = e ? (size_t)(e - spec) : strlen(spec);
        json_t *k = json_object_getn(item, spec, n);

        if (k != NULL)
            return json_is_string(k) ? k : NULL;
        spec += n + (e != NULL);
    }
    return NULL;
}

static void
sx_unique(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    json_t *seen = json_object();
    size_t i;
    json_t *item;

    json_array_foreach (v, i, item) {
        json_t *k = sx_unique_key(item, t->unique);
        const char *s;
        size_t n, old;

        if (k == NULL)
            continue;
        s = json_string_value(k);
        n = json_string_length(k);
        if (json_object_getn(seen, s, n) != NULL) {
            struct acl_buf b = {0};
            char name[64];
            const char *key = sx_unique_member(item, t->unique, name);

            acl_buf_append(&b, s, n);
            old = acl_sx_push_index(cx, i);
            acl_sx_push(cx, key, strlen(key));
            acl_sx_fail_at(cx, NULL, "%s: %s", t->unique_msg,
                           b.data ? b.data : "");
            acl_sx_pop(cx, old);
            acl_buf_free(&b);
        }
        json_object_setn(seen, s, n, json_true());
    }
    json_decref(seen);
}

static void
sx_array(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    size_t i, old, before = cx->count;
    json_t *item;

    if (!json_is_array(v)) {
        acl_sx_wrong_type(cx, "an array", v);
        return;
    }
    sx_count(cx, t, json_array_size(v), "item", "items");
    json_array_foreach (v, i, item) {
        old = acl_sx_push_index(cx, i);
        acl_sx_value(cx, t->item, item);
        acl_sx_pop(cx, old);
    }
    if (t->unique != NULL)
        sx_unique(cx, t, v);
    if (t->check != NULL && cx->count == before)
        t->check(cx, v);
}

/* Checks a map key against the key type; messages name the key. */
static void
sx_map_key(struct acl_sx_ctx *cx, const struct acl_sx_type *kt, const char *key,
           size_t len)
{
    struct acl_buf label = {0};
    json_t *k = json_stringn_nocheck(key, len);

    acl_buf_puts(&label, "key ");
    acl_sx_quote(&label, key, len);
    cx->key_label = label.data;
    cx->at_name = 1;
    acl_sx_value(cx, kt, k);
    cx->at_name = 0;
    cx->key_label = NULL;
    json_decref(k);
    acl_buf_free(&label);
}

/* A scalar map value is named after its key in messages. */
static void
sx_map_value(struct acl_sx_ctx *cx, const struct acl_sx_type *vt,
             const char *key, size_t len, json_t *val)
{
    struct acl_buf label = {0};

    if (vt->kind >= ACL_SX_ARRAY) {
        acl_sx_value(cx, vt, val);
        return;
    }
    acl_buf_puts(&label, "the value of key ");
    acl_sx_quote(&label, key, len);
    cx->key_label = label.data;
    acl_sx_value(cx, vt, val);
    cx->key_label = NULL;
    acl_buf_free(&label);
}

static void
sx_map(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    const char *key;
    size_t len, old, before = cx->count;
    json_t *val;

    if (!json_is_object(v)) {
        acl_sx_wrong_type(cx, "an object", v);
        return;
    }
    json_object_keylen_foreach(v, key, len, val)
    {
        if (acl_sx_is_proto(key, len)) {
            /* zod's records skip it: never checked, never counted, and
             * gone from what the CLI loads */
            if (cx->drop != NULL)
                acl_sx_report_drop(cx, NULL, key, len);
            continue;
        }
        old = acl_sx_push(cx, key, len);
        if (t->key != NULL)
            sx_map_key(cx, t->key, key, len);
        sx_map_value(cx, t->item, key, len, val);
        acl_sx_pop(cx, old);
    }
    sx_count(cx, t,
             json_object_size(v) -
                 (json_object_getn(v, "__proto__", 9) != NULL),
             "entry", "entries");
    if (t->check != NULL && cx->count == before)
        t->check(cx, v);
}

/* An unknown member of a strict object: the message names a likely
 * meant member; the full list of allowed members goes to the help. */
static void
sx_unknown(struct acl_sx_ctx *cx, const struct acl_sx_object *o,
           const char *key, size_t len)
{
    struct acl_buf b = {0}, help = {0};
    const char *sug = acl_sx_member_suggest(o, key, len);
    size_t old;

    acl_buf_puts(&b, "unknown member ");
    acl_sx_quote(&b, key, len);
    if (o->nmembers == 0)
        acl_buf_puts(&b, " (this object must be empty)");
    else if (sug != NULL)
        acl_buf_printf(&b, " (did you mean \"%s\"?)", sug);
    else if (o->name != NULL && o->name[0] != '{')
        acl_buf_printf(&b,
                       " (%s does not define it: remove it, or move it "
                       "to the object that does)",
                       o->name);
    else
        acl_buf_puts(&b, " (this object does not define it: remove it, or "
                         "move it to the object that does)");
    acl_buf_puts(&help, "this object allows only: ");
    acl_sx_member_list(&help, o);
    old = acl_sx_push(cx, key, len);
    cx->at_name = 1;
    acl_sx_emit(cx, NULL, b.data);
    if (cx->sink != NULL && cx->sink->help != NULL && o->nmembers > 0)
        cx->sink->help(cx->sink->arg, help.data);
    cx->at_name = 0;
    /* The same likely meant member, for a rename fix when it is a close
     * spelling (a known confusion may want its value in another shape). */
    if (sug != NULL && cx->sink != NULL && cx->sink->rename != NULL &&
        memchr(key, '\0', len) == NULL &&
        acl_edit_distance(key, len, sug, strlen(sug), 1) <= 3)
        cx->sink->rename(cx->sink->arg, cx->ptr.data ? cx->ptr.data : "", sug);
    acl_sx_pop(cx, old);
    acl_buf_free(&b);
    acl_buf_free(&help);
}

static int
sx_known(const struct acl_sx_object *o, const char *key, size_t len)
{
    size_t i;

    for (i = 0; i < o->nmembers; i++)
        if (strlen(o->members[i].name) == len &&
            memcmp(o->members[i].name, key, len) == 0)
            return 1;
    return 0;
}

static void
sx_object(struct acl_sx_ctx *cx, const struct acl_sx_object *o, json_t *v)
{
    size_t i, old, before = cx->count;
    const char *key;
    size_t len;
    json_t *val;

    if (!json_is_object(v)) {
        acl_sx_wrong_type(cx, "an object", v);
        return;
    }
    for (i = 0; i < o->nmembers; i++) {
        const struct acl_sx_member *m = &o->members[i];
        json_t *c = json_object_get(v, m->name);

        if (c == NULL) {
            if (m->presence == ACL_SX_REQ) {
                char *msg =
                    acl_xasprintf("missing required member \"%s\"", m->name);
                acl_sx_emit(cx, m->name, msg);
                free(msg);
            }
            continue;
        }
        old = acl_sx_push(cx, m->name, strlen(m->name));
        acl_sx_value(cx, m->type, c);
        acl_sx_pop(cx, old);
    }
    if (o->mode == ACL_SX_STRICT) {
        json_object_keylen_foreach(v, key, len, val)
        {
            if (!sx_known(o, key, len))
                sx_unknown(cx, o, key, len);
        }
    } else if (o->mode == ACL_SX_STRIP && cx->drop != NULL) {
        json_object_keylen_foreach(v, key, len, val)
        {
            if (!sx_known(o, key, len))
                acl_sx_report_drop(cx, o, key, len);
        }
    }
    if (cx->drop != NULL)
        acl_sx_report_deprecated(cx, o, v);
    if (o->rule != NULL && cx->count == before)
        o->rule(cx, v);
}

/* Runs t on v without reporting; returns the number of violations. */
static size_t
sx_try(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    const struct acl_schema_sink *sink = cx->sink;
    const struct acl_schema_drop_sink *drop = cx->drop;
    size_t before = cx->count, n;

    cx->sink = NULL;
    cx->drop = NULL;
    acl_sx_value(cx, t, v);
    n = cx->count - before;
    cx->count = before;
    cx->sink = sink;
    cx->drop = drop;
    return n;
}

/* Walks the union option t that v matched again, for the members it
 * drops only: its values were counted as not checked (a pattern gave
 * up) while it was tried, and are not counted twice. */
static void
sx_winner_drops(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    const struct acl_schema_sink *sink = cx->sink;
    size_t incomplete = cx->incomplete;
    char *at = cx->incomplete_at;

    cx->sink = NULL;
    cx->incomplete_at = NULL;
    acl_sx_value(cx, t, v);
    free(cx->incomplete_at);
    cx->incomplete_at = at;
    cx->incomplete = incomplete;
    cx->sink = sink;
}

int
acl_sx_valid(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    return sx_try(cx, t, v) == 0;
}

int
acl_sx_first_match(struct acl_sx_ctx *cx, const struct acl_sx_type *t,
                   json_t *v)
{
    size_t i;

    for (i = 0; i < t->noptions; i++)
        if (sx_try(cx, t->options[i], v) == 0)
            return (int)i;
    return -1;
}

/* First-match union. When no option fits, the one that comes closest
 * (fewest violations, if it alone does) explains the problem; otherwise
 * the message lists the accepted forms. */
static void
sx_union(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    size_t i, n, best = (size_t)-1, best_i = 0, ties = 0;

    for (i = 0; i < t->noptions; i++) {
        n = sx_try(cx, t->options[i], v);
        if (n == 0) {
            if (cx->drop != NULL) /* what the winner drops */
                sx_winner_drops(cx, t->options[i], v);
            return;
        }
        if (n < best) {
            best = n;
            best_i = i;
            ties = 0;
        } else if (n == best) {
            ties++;
        }
    }
    if (ties == 0 && json_is_object(v))
        acl_sx_value(cx, t->options[best_i], v);
    else
        acl_sx_fail(cx, "must be %s", t->desc ? t->desc : "valid");
}

/* The option whose tag member accepts tag, or NULL. */
static const struct acl_sx_type *
sx_dunion_option(const struct acl_sx_type *t, json_t *tag)
{
    size_t i, j;

    for (i = 0; i < t->noptions; i++) {
        const struct acl_sx_object *o = t->options[i]->obj;

        for (j = 0; j < o->nmembers; j++) {
            const char *const *p;

            if (strcmp(o->members[j].name, t->tag) != 0)
                continue;
            for (p = o->members[j].type->values; p && *p; p++)
                if (json_is_string(tag) &&
                    strlen(*p) == json_string_length(tag) &&
                    strcmp(*p, json_string_value(tag)) == 0)
                    return t->options[i];
        }
    }
    return NULL;
}

static void
sx_dunion_bad_tag(struct acl_sx_ctx *cx, const struct acl_sx_type *t)
{
    struct acl_buf b = {0};
    size_t i, j, old;

    for (i = 0; i < t->noptions; i++) {
        const struct acl_sx_object *o = t->options[i]->obj;

        for (j = 0; j < o->nmembers; j++)
            if (strcmp(o->members[j].name, t->tag) == 0)
                acl_buf_printf(&b, "%s%s", b.len ? ", " : "",
                               o->members[j].type->values[0]);
    }
    old = acl_sx_push(cx, t->tag, strlen(t->tag));
    acl_sx_fail(cx, "must be one of %s", b.data ? b.data : "");
    acl_sx_pop(cx, old);
    acl_buf_free(&b);
}

static void
sx_dunion(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    const struct acl_sx_type *opt;
    json_t *tag, *copy;

    if (!json_is_object(v)) {
        acl_sx_wrong_type(cx, "an object", v);
        return;
    }
    tag = json_object_get(v, t->tag);
    if (tag == NULL && t->tag_default == NULL) {
        char *msg = acl_xasprintf("missing required member \"%s\"", t->tag);
        acl_sx_emit(cx, t->tag, msg);
        free(msg);
        return;
    }
    if (tag == NULL) { /* the legacy form: the default tag is implied */
        json_t *def = json_string(t->tag_default);

        opt = sx_dunion_option(t, def);
        copy = json_copy(v);
        json_object_set_new(copy, t->tag, def);
        acl_sx_value(cx, opt, copy);
        json_decref(copy);
        return;
    }
    opt = sx_dunion_option(t, tag);
    if (opt == NULL)
        sx_dunion_bad_tag(cx, t);
    else
        acl_sx_value(cx, opt, v);
}

void
acl_sx_value(struct acl_sx_ctx *cx, const struct acl_sx_type *t, json_t *v)
{
    size_t before = cx->count;

    if (cx->depth >= SX_MAX_DEPTH) {
        acl_sx_fail(cx, "is nested too deeply");
        return;
    }
    cx->depth++;
    switch (t->kind) {
    case ACL_SX_ANY:
        break;
    case ACL_SX_STRING:
    case ACL_SX_URL:
        sx_string(cx, t, v);
        break;
    case ACL_SX_INT:
    case ACL_SX_NUMBER:
        sx_number(cx, t, v);
        break;
    case ACL_SX_BOOL:
        if (!json_is_boolean(v))
            acl_sx_wrong_type(cx, "true or false", v);
        break;
    case ACL_SX_ENUM:
        sx_enum(cx, t, v);
        break;
    case ACL_SX_ARRAY:
        sx_array(cx, t, v);
        break;
    case ACL_SX_OBJECT:
        sx_object(cx, t->obj, v);
        break;
    case ACL_SX_MAP:
        sx_map(cx, t, v);
        break;
    case ACL_SX_UNION:
        sx_union(cx, t, v);
        break;
    case ACL_SX_DUNION:
        sx_dunion(cx, t, v);
        break;
    case ACL_SX_NEVER:
        acl_sx_fail(cx, "is not allowed here");
        break;
    }
    if (t->check != NULL && cx->count == before &&
        (t->kind == ACL_SX_OBJECT || t->kind == ACL_SX_UNION ||
         t->kind == ACL_SX_DUNION))
        t->check(cx, v); /* strings, arrays and maps ran theirs */
    cx->depth--;
}

static const struct acl_sx_type *
sx_doc_type(enum acl_doc_kind kind)
{
    switch (kind) {
    case ACL_DOC_PROJECT:
        return &acl_sx_project;
    case ACL_DOC_TARGETS:
        return &acl_sx_aws_targets;
    case ACL_DOC_STATE:
        return &acl_sx_deployed_state;
    case ACL_DOC_HARNESS:
        return &acl_sx_harness_spec;
    default:
        return NULL;
    }
}

/* The CLI's extra deployed-state rule: every target key is a name in
 * aws-targets.json. */
static void
sx_state_targets(struct acl_sx_ctx *cx, json_t *root, const char *const *names,
                 size_t n)
{
    json_t *targets = json_object_get(root, "targets"), *val;
    const char *key;
    size_t len, i, old;

    if (!json_is_object(targets))
        return;
    json_object_keylen_foreach(targets, key, len, val)
    {
        struct acl_buf q = {0};

        if (acl_sx_is_proto(key, len))
            continue;
        for (i = 0; i < n; i++)
            if (strlen(names[i]) == len && memcmp(names[i], key, len) == 0)
                break;
        if (i < n)
            continue;
        acl_sx_quote(&q, key, len);
        old = acl_sx_push(cx, "targets", 7);
        acl_sx_push(cx, key, len);
        acl_sx_fail_at(cx, NULL,
                       "deployment target %s is not a name in "
                       "aws-targets.json (deployed state may only "
                       "hold targets that aws-targets.json lists)",
                       q.data);
        acl_sx_pop(cx, old);
        acl_buf_free(&q);
        (void)val;
    }
}

void
acl_schema_check(enum acl_doc_kind kind, json_t *root,
                 const char *const *target_names, size_t ntargets,
                 const struct acl_schema_sink *sink,
                 const struct acl_schema_drop_sink *drops)
{
    struct acl_sx_ctx cx = {0};
    const struct acl_sx_type *t = sx_doc_type(kind);

    if (t == NULL || root == NULL)
        return;
    cx.sink = sink;
    cx.drop = drops;
    acl_buf_puts(&cx.ptr, "");
    acl_sx_value(&cx, t, root);
    if (kind == ACL_DOC_STATE && target_names != NULL)
        sx_state_targets(&cx, root, target_names, ntargets);
    if (cx.incomplete > 0 && sink != NULL && sink->incomplete != NULL)
        sink->incomplete(sink->arg, cx.incomplete_at, cx.incomplete);
    free(cx.incomplete_at);
    acl_buf_free(&cx.ptr);
}

void
acl_schema_validate(enum acl_doc_kind kind, json_t *root,
                    const char *const *target_names, size_t ntargets,
                    const struct acl_schema_sink *sink)
{
    acl_schema_check(kind, root, target_names, ntargets, sink, NULL);
}

void
acl_sx_incomplete(struct acl_sx_ctx *cx)
{
    if (cx->incomplete++ == 0)
        cx->incomplete_at = acl_xstrdup(cx->ptr.data ? cx->ptr.data : "");
}

int
acl_schema_init(struct acl_error *err)
{
    return acl_sx_pattern_init(err);
}

void
acl_schema_dropped(enum acl_doc_kind kind, json_t *root,
                   const struct acl_schema_drop_sink *sink)
{
    /* Violations are counted (unions and rules depend on them) but not
     * reported: they are AC020's. */
    if (sink != NULL)
        acl_schema_check(kind, root, NULL, 0, NULL, sink);
}

static void
sx_count_only(void *arg, const char *pointer, const char *missing, int at_name,
              const char *message)
{
    (void)pointer;
    (void)missing;
    (void)at_name;
    (void)message;
    ++*(size_t *)arg;
}

const char **
acl_schema_target_names(json_t *root, size_t *n)
{
    size_t bad = 0, i;
    struct acl_schema_sink sink = {.emit = sx_count_only, .arg = &bad};
    const char **names;
    json_t *e;

    *n = 0;
    if (root == NULL)
        return NULL;
    acl_schema_validate(ACL_DOC_TARGETS, root, NULL, 0, &sink);
    if (bad > 0)
        return NULL;
    names = acl_xcalloc(json_array_size(root) + 1, sizeof *names);
    json_array_foreach (root, i, e)
        names[i] = json_string_value(json_object_get(e, "name"));
    *n = json_array_size(root);
    return names;
}

void
acl_schema_fini(void)
{
    acl_sx_pattern_fini();
}
