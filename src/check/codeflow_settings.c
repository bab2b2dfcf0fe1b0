/*
 * codeflow_settings.c - pydantic-settings classes: each field of a
 * BaseSettings class reads the environment variable of its name, after
 * the class's env_prefix.
 *
 *     class Gateways(BaseSettings):
 *         model_config = SettingsConfigDict(env_prefix="AGENTCORE_GATEWAY_")
 *         my_gw_url: str            # reads AGENTCORE_GATEWAY_MY_GW_URL
 *
 * The prefix comes from model_config (SettingsConfigDict(...) or a
 * dict), a nested "class Config:" (pydantic v1 and the older
 * pydantic-settings), the class keywords (class S(BaseSettings,
 * env_prefix=...)), or a settings class of the same file it derives
 * from; a literal or a constant of the file. Names are matched in any
 * case unless case_sensitive=True, so they are upper-cased. A field
 * with an alias (Field(alias=...), validation_alias=, env=) reads the
 * alias instead, which the literal itself says; private fields (_x) and
 * ClassVar are no fields. A field with neither a default (= value,
 * Field(value), Field(default=...)) nor None in its type is required:
 * the class fails to validate while it is unset.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "codeflow_int.h"

/* What a settings class of the file says, by class name. */
struct settings {
    char *prefix; /* NULL: not set here */
    int unknown;  /* a prefix the file does not spell out (f(), an import) */
    int cs;       /* case_sensitive: 1 true, 0 false, -1 not set here */
};

/* The last position of a value starting at a: before the ',' or the
 * closing bracket at its depth (a closing bracket has the depth of what
 * it closes), within e. */
static long
value_end(const struct cf *cf, long a, long e)
{
    unsigned d = cf_tok(cf, a)->depth;
    long k;

    for (k = a; k <= e; k++) {
        if (cf_tok(cf, k)->depth < d ||
            (cf_tok(cf, k)->depth == d &&
             (cf_is(cf, k, ",") || cf_is(cf, k, ")") || cf_is(cf, k, "}") ||
              cf_is(cf, k, "]"))))
            break;
        if (cf->match[k] > k)
            k = cf->match[k];
    }
    return k - 1;
}

/* Where the value of the option key starts in [from, to] (key=value,
 * "key": value), or -1. */
static long
option_at(const struct cf *cf, long from, long to, const char *key)
{
    long k;

    for (k = from; k < to; k++) {
        const struct acl_code_tok *t = cf_tok(cf, k);

        if ((t->kind == ACL_TOK_IDENT && cf_is(cf, k, key) &&
             cf_is(cf, k + 1, "=")) ||
            (t->kind == ACL_TOK_STRING && !t->interp &&
             t->content.end - t->content.start == strlen(key) &&
             memcmp(cf->s + t->content.start, key, strlen(key)) == 0 &&
             cf_is(cf, k + 1, ":")))
            return k + 2;
    }
    return -1;
}

/* Reads env_prefix and case_sensitive among [from, to] into st (what
 * is already set stays). */
static void
read_options(struct cf *cf, long from, long to, struct settings *st)
{
    long v = option_at(cf, from, to, "env_prefix"), lit;

    if (v >= 0 && st->prefix == NULL && !st->unknown) {
        long e = cf_py_line_end(cf, v) < to ? cf_py_line_end(cf, v) : to;

        st->prefix = cf_name_value(cf, v, value_end(cf, v, e), &lit);
        st->unknown = st->prefix == NULL;
    }
    v = option_at(cf, from, to, "case_sensitive");
    if (v >= 0 && st->cs < 0)
        st->cs = cf_is(cf, v, "True");
}

/* The options of the class at line s: its keywords, model_config, a
 * nested class Config. */
static void
class_options(struct cf *cf, long s, struct settings *st)
{
    long colon = cf_py_colon(cf, s), end = cf_py_block_end(cf, s), k;

    if (colon < 0)
        return;
    read_options(cf, s + 2, colon, st);
    if (colon == cf_py_line_end(cf, s))
        for (k = colon + 1; k <= end; k = cf_py_block_end(cf, k) + 1) {
            if (cf_is(cf, k, "model_config"))
                read_options(cf, k + 1, cf_py_line_end(cf, k), st);
            else if (cf_is(cf, k, "class") && cf_is(cf, k + 1, "Config"))
                read_options(cf, k + 2, cf_py_block_end(cf, k), st);
        }
}

/* Is the class at line s a settings class (a base is BaseSettings or a
 * settings class of the file)? Fills in what it inherits. */
static int
settings_bases(struct cf *cf, json_t *classes, long s, struct settings *st)
{
    long colon = cf_py_colon(cf, s), k;
    int yes = 0;

    for (k = s + 3; k < colon && k < s + 64; k++) {
        json_t *base;
        char *name;

        if (!cf_kind(cf, k, ACL_TOK_IDENT) || cf_is(cf, k + 1, ".") ||
            cf_is(cf, k + 1, "=") || cf_tok(cf, k)->depth != 1)
            continue;
        if (cf_is(cf, k, "BaseSettings")) {
            yes = 1;
            continue;
        }
        name = cf_text(cf, k);
        base = json_object_get(classes, name);
        free(name);
        if (base == NULL)
            continue;
        yes = 1;
        if (st->prefix == NULL && !st->unknown) {
            json_t *p = json_object_get(base, "p");

            st->unknown = json_is_true(json_object_get(base, "u"));
            st->prefix =
                json_is_string(p) ? acl_xstrdup(json_string_value(p)) : NULL;
        }
        if (st->cs < 0)
            st->cs = json_is_true(json_object_get(base, "cs"));
    }
    return yes;
}

/* Is the line k of a class body a field (name: T [= ...])? Its alias
 * (alias=, validation_alias=, env=) is read instead of the name. */
static int
is_field(const struct cf *cf, long k)
{
    long e = cf_py_line_end(cf, k), j;

    if (!cf_kind(cf, k, ACL_TOK_IDENT) || !cf_is(cf, k + 1, ":") ||
        e <= k + 1 || cf->s[cf_tok(cf, k)->content.start] == '_' ||
        cf_is(cf, k, "else") || cf_is(cf, k, "try") || cf_is(cf, k, "finally"))
        return 0;
    for (j = k + 2; j <= e && j < k + 256; j++)
        if (cf_is(cf, j, "ClassVar") ||
            ((cf_is(cf, j, "alias") || cf_is(cf, j, "validation_alias") ||
              cf_is(cf, j, "env")) &&
             cf_is(cf, j + 1, "=")))
            return 0;
    return 1;
}

/* Does Field(...) opened at o give a default: a first argument other
 * than ..., or default= / default_factory=? */
static int
field_default(const struct cf *cf, long o)
{
    long c = cf->match[o], k;

    if (c < 0)
        return 1;
    if (c > o + 1 && !cf_is(cf, o + 1, "...") &&
        !(cf_kind(cf, o + 1, ACL_TOK_IDENT) && cf_is(cf, o + 2, "=")))
        return 1;
    for (k = o + 1; k < c && k < o + 256; k++)
        if ((cf_is(cf, k, "default") || cf_is(cf, k, "default_factory")) &&
            cf_is(cf, k + 1, "=") &&
            cf_tok(cf, k)->depth == cf_tok(cf, o)->depth + 1)
            return 1;
    return k < c; /* too long to tell: taken to have one */
}

/* A field with neither a default (= value, Field(value),
 * Field(default=...)) nor None in its type fails validation when the
 * variable is unset. */
static int
required(const struct cf *cf, long k)
{
    long e = cf_py_line_end(cf, k), j;

    for (j = k + 2; j <= e && !cf_is(cf, j, "="); j++)
        if (cf_is(cf, j, "None") || cf_is(cf, j, "Optional"))
            return 0;
    if (j > e)
        return 1;
    return cf_is(cf, j + 1, "Field") && cf_is(cf, j + 2, "(") && j + 3 <= e &&
           !field_default(cf, j + 2);
}

/* The read of the field at k of a class with st. */
static void
field_read(struct cf *cf, long k, const struct settings *st)
{
    const struct acl_code_tok *t = cf_tok(cf, k);
    struct acl_env_ref *r;
    char *name = acl_xasprintf("%s%.*s", st->prefix ? st->prefix : "",
                               (int)(t->content.end - t->content.start),
                               cf->s + t->content.start);
    size_t j;

    if (st->cs <= 0)
        for (j = 0; name[j] != '\0'; j++)
            name[j] = (char)toupper((unsigned char)name[j]);
    cf->used[k] = 1; /* not also a mention of its bare name */
    r = cf_add_ref(cf, ACL_ENV_MENTION, name, k, k);
    r->name_at = t->content;
    if (required(cf, k)) {
        r->use = ACL_ENV_REQUIRED;
        r->how = "declares it a required field of a settings class "
                 "(a ValidationError at start-up when it is unset)";
    }
}

/* The class at line s: its options and, for a settings class, its
 * fields' reads; recorded for the classes deriving from it. */
static void
one_class(struct cf *cf, json_t *classes, long s)
{
    struct settings st = {NULL, 0, -1};
    long colon = cf_py_colon(cf, s), end = cf_py_block_end(cf, s), k;
    json_t *rec;
    char *name;

    if (colon < 0 || !cf_kind(cf, s + 1, ACL_TOK_IDENT))
        return;
    class_options(cf, s, &st);
    if (!settings_bases(cf, classes, s, &st)) {
        free(st.prefix);
        return;
    }
    if (!st.unknown && colon == cf_py_line_end(cf, s))
        for (k = colon + 1; k <= end; k = cf_py_block_end(cf, k) + 1)
            if (is_field(cf, k))
                field_read(cf, k, &st);
    rec = json_pack("{s:b, s:b}", "cs", st.cs > 0, "u", st.unknown);
    if (st.prefix != NULL)
        json_object_set_new(rec, "p", json_string(st.prefix));
    name = cf_text(cf, s + 1);
    json_object_set_new(classes, name, rec);
    free(name);
    free(st.prefix);
}

void
cf_settings_reads(struct cf *cf)
{
    json_t *classes;
    size_t i;

    if (cf->lang != ACL_LANG_PYTHON || cf->lines == NULL)
        return;
    classes = json_object();
    for (i = 0; i < cf->n; i++)
        if (cf_py_line_start(cf, (long)i) && cf_is(cf, (long)i, "class"))
            one_class(cf, classes, (long)i);
    json_decref(classes);
}
