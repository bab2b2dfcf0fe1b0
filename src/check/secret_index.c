/*
 * secret_index.c - the secrets of a JSON document, found in one walk
 * when the document is loaded (see secret.h). Two consumers read it:
 * AC014 reports the string values, and the masking step hides every
 * secret wherever a finding shows text. Each string is scanned once
 * for them both, and a JSON pointer is built only for the strings that
 * AC014 will look at: most strings of a large project are neither.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/jptr.h"
#include "acl/secret.h"

/* A step of the path from the root to the current value. */
struct seg {
    const char *key; /* member name; NULL for an array index */
    size_t klen, index;
};

struct walk {
    struct acl_secret_index *ix;
    struct seg *segs;
    size_t depth, cap;
    json_t *names; /* member name -> its secret strength + 1, a cache */
};

static void
add_range(struct acl_secret_index *ix, const char *s, size_t n)
{
    acl_xgrow((void **)&ix->ranges, &ix->rcap, ix->nranges + 1,
              sizeof *ix->ranges);
    ix->ranges[ix->nranges].s = s;
    ix->ranges[ix->nranges].n = n;
    ix->nranges++;
}

/* Every known-format secret of s, as ranges; the first match (or its
 * absence, and whether the scan gave up) into *first. */
static int
add_known(struct acl_secret_index *ix, const char *s, size_t n,
          struct acl_secret_match *first)
{
    struct acl_secret_match sm;
    size_t at = 0;
    int hit = acl_secret_known(s, n, first);

    for (sm = *first; hit && sm.end > sm.start;) {
        add_range(ix, s + at + sm.start, sm.end - sm.start);
        at += sm.end;
        if (at >= n || !acl_secret_known(s + at, n - at, &sm))
            break;
    }
    return hit;
}

/* Can a member name make its value a secret? Names repeat across a
 * document (name, targetType, ...): each is weighed once. */
static int
secret_name(struct walk *w, const char *key, size_t klen)
{
    json_t *v;
    int strength;

    if (w->names == NULL)
        w->names = json_object();
    if ((v = json_object_getn(w->names, key, klen)) != NULL)
        return json_integer_value(v) > 1;
    strength = (int)acl_secret_name_strength(key, klen);
    json_object_setn_new_nocheck(w->names, key, klen,
                                 json_integer(strength + 1));
    return strength != ACL_SECRET_NAME_NONE;
}

static char *
pointer_of(const struct walk *w)
{
    struct acl_buf b = {0};
    size_t i;

    acl_buf_append(&b, "", 0);
    for (i = 0; i < w->depth; i++)
        if (w->segs[i].key != NULL)
            acl_jptr_append(&b, w->segs[i].key, w->segs[i].klen);
        else
            acl_jptr_append_index(&b, w->segs[i].index);
    return acl_buf_steal(&b);
}

/* Is the current value inside a member named customParameters (an
 * OAuth map whose member names weigh as variable names)? */
static int
under_custom_parameters(const struct walk *w)
{
    const struct seg *parent = w->depth >= 2 ? &w->segs[w->depth - 2] : NULL;

    return parent != NULL && parent->key != NULL && parent->klen == 16 &&
           memcmp(parent->key, "customParameters", 16) == 0;
}

/* The member the current value is under: an array's items are under
 * the array's member (a list of passwords is a list of secrets). NULL
 * at the root. */
static const struct seg *
member_of(const struct walk *w)
{
    size_t i = w->depth;

    while (i > 0 && w->segs[i - 1].key == NULL)
        i--;
    return i > 0 ? &w->segs[i - 1] : NULL;
}

static void
on_string(struct walk *w, json_t *v)
{
    struct acl_secret_index *ix = w->ix;
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);
    const struct seg *at = member_of(w);
    struct acl_secret_match first = {0};
    int hit = add_known(ix, s, n, &first);

    /* The known formats were looked for just above. Under a name that
     * says nothing, only a value that is itself NAME=value can be one. */
    if (at != NULL &&
        (secret_name(w, at->key, at->klen) || memchr(s, '=', n) != NULL)) {
        struct acl_secret_match sm;

        if (acl_secret_named(at->key, at->klen, s, n, &sm))
            add_range(ix, s + sm.start, sm.end - sm.start);
    }
    if (hit || first.incomplete || under_custom_parameters(w)) {
        struct acl_secret_string *e;

        acl_xgrow((void **)&ix->strings, &ix->scap, ix->nstrings + 1,
                  sizeof *ix->strings);
        e = &ix->strings[ix->nstrings++];
        e->value = v;
        e->pointer = pointer_of(w);
        e->known = hit;
        e->match = first;
    }
}

static struct seg *
push(struct walk *w)
{
    acl_xgrow((void **)&w->segs, &w->cap, w->depth + 1, sizeof *w->segs);
    return &w->segs[w->depth++];
}

/* The parser caps nesting, so the recursion is bounded. */
static void
walk_value(struct walk *w, json_t *v)
{
    const char *k;
    size_t kl, i;
    json_t *e;

    if (json_is_string(v)) {
        on_string(w, v);
    } else if (json_is_object(v)) {
        json_object_keylen_foreach(v, k, kl, e)
        {
            struct acl_secret_match ignored = {0};
            struct seg *sg;

            add_known(w->ix, k, kl, &ignored);
            sg = push(w);
            sg->key = k;
            sg->klen = kl;
            walk_value(w, e);
            w->depth--;
        }
    } else if (json_is_array(v)) {
        json_array_foreach (v, i, e) {
            struct seg *sg = push(w);

            sg->key = NULL;
            sg->index = i;
            walk_value(w, e);
            w->depth--;
        }
    }
}

struct acl_secret_index *
acl_secret_index_new(json_t *root)
{
    struct walk w = {0};

    w.ix = acl_xcalloc(1, sizeof *w.ix);
    if (root != NULL)
        walk_value(&w, root);
    free(w.segs);
    json_decref(w.names);
    return w.ix;
}

void
acl_secret_index_free(struct acl_secret_index *ix)
{
    size_t i;

    if (ix == NULL)
        return;
    for (i = 0; i < ix->nstrings; i++)
        free(ix->strings[i].pointer);
    free(ix->strings);
    free(ix->ranges);
    free(ix);
}
