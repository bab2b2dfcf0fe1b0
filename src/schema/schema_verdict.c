/*
 * schema_verdict.c - the schema's verdict on a document, recorded from
 * one walk and replayed to each rule that reports a part of it (see
 * schema.h): AC020 the violations, AC024 the dropped members. One walk
 * instead of two is a third of the lint of a large project.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/schema.h"
#include "acl/util.h"

enum event_kind { EV_EMIT, EV_HELP, EV_RENAME, EV_DROP };

/* One call the walk made to a sink, with its strings copied. */
struct event {
    enum event_kind kind;
    char *pointer;
    char *missing; /* EV_EMIT: the absent member, or NULL */
    int at_name;   /* EV_EMIT */
    char *text;    /* EV_EMIT: message; EV_HELP: text; EV_RENAME: name */
    struct acl_schema_drop drop; /* EV_DROP: its strings owned */
    /* text (EV_HELP) or drop.allowed is the previous event's, not a
     * copy: every unknown member of one object has the same list. */
    int shared;
};

struct acl_schema_verdict {
    struct event *ev;
    size_t n, cap;
    char *last_list;     /* the last help text or allowed list kept */
    char *incomplete_at; /* pointer of the first value not checked */
    size_t incomplete;
};

static char *
dup_or_null(const char *s)
{
    return s != NULL ? acl_xstrdup(s) : NULL;
}

static struct event *
push(struct acl_schema_verdict *v, enum event_kind kind, const char *pointer)
{
    struct event *e;

    acl_xgrow((void **)&v->ev, &v->cap, v->n + 1, sizeof *v->ev);
    e = &v->ev[v->n++];
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->pointer = dup_or_null(pointer);
    return e;
}

static void
rec_emit(void *arg, const char *pointer, const char *missing, int at_name,
         const char *message)
{
    struct event *e = push(arg, EV_EMIT, pointer);

    e->missing = dup_or_null(missing);
    e->at_name = at_name;
    e->text = dup_or_null(message);
}

/* A member list (help text, allowed members): shared with the last one
 * kept when it is the same, so that an object with 100,000 unknown
 * members holds its list once. */
static char *
keep_list(struct acl_schema_verdict *v, const char *s, int *shared)
{
    *shared = s != NULL && v->last_list != NULL && strcmp(s, v->last_list) == 0;
    if (*shared)
        return v->last_list;
    if (s == NULL)
        return NULL;
    return v->last_list = acl_xstrdup(s);
}

static void
rec_help(void *arg, const char *text)
{
    struct acl_schema_verdict *v = arg;
    struct event *e = push(v, EV_HELP, NULL);

    e->text = keep_list(v, text, &e->shared);
}

static void
rec_rename(void *arg, const char *pointer, const char *name)
{
    push(arg, EV_RENAME, pointer)->text = dup_or_null(name);
}

static void
rec_incomplete(void *arg, const char *pointer, size_t n)
{
    struct acl_schema_verdict *v = arg;

    v->incomplete_at = dup_or_null(pointer);
    v->incomplete = n;
}

static void
rec_drop(void *arg, const struct acl_schema_drop *d)
{
    struct event *e = push(arg, EV_DROP, d->pointer);
    char *member = acl_xmalloc(d->member_len + 1);

    memcpy(member, d->member, d->member_len);
    member[d->member_len] = '\0';
    e->drop = *d;
    e->drop.pointer = e->pointer;
    e->drop.member = member;
    e->drop.object = dup_or_null(d->object);
    e->drop.suggestion = dup_or_null(d->suggestion);
    e->drop.allowed = keep_list(arg, d->allowed, &e->shared);
}

struct acl_schema_verdict *
acl_schema_verdict_new(enum acl_doc_kind kind, json_t *root,
                       const char *const *target_names, size_t ntargets)
{
    struct acl_schema_verdict *v = acl_xcalloc(1, sizeof *v);
    struct acl_schema_sink sink = {.emit = rec_emit,
                                   .arg = v,
                                   .incomplete = rec_incomplete,
                                   .help = rec_help,
                                   .rename = rec_rename};
    struct acl_schema_drop_sink drops = {rec_drop, v};

    /* The CLI writes deployed state itself: what it would drop there
     * is not the user's to fix. */
    acl_schema_check(kind, root, target_names, ntargets, &sink,
                     kind == ACL_DOC_STATE ? NULL : &drops);
    return v;
}

void
acl_schema_verdict_free(struct acl_schema_verdict *v)
{
    size_t i;

    if (v == NULL)
        return;
    for (i = 0; i < v->n; i++) {
        free(v->ev[i].pointer);
        free(v->ev[i].missing);
        free((char *)v->ev[i].drop.member);
        free((char *)v->ev[i].drop.object);
        free((char *)v->ev[i].drop.suggestion);
        if (!v->ev[i].shared) {
            free(v->ev[i].text);
            free((char *)v->ev[i].drop.allowed);
        }
    }
    free(v->ev);
    free(v->incomplete_at);
    free(v);
}

/* The violations, in the order the walk found them. */
static void
replay_violations(const struct acl_schema_verdict *v,
                  const struct acl_schema_sink *sink)
{
    size_t i;

    for (i = 0; i < v->n; i++) {
        const struct event *e = &v->ev[i];

        if (e->kind == EV_EMIT)
            sink->emit(sink->arg, e->pointer, e->missing, e->at_name, e->text);
        else if (e->kind == EV_HELP && sink->help != NULL)
            sink->help(sink->arg, e->text);
        else if (e->kind == EV_RENAME && sink->rename != NULL)
            sink->rename(sink->arg, e->pointer, e->text);
    }
    if (v->incomplete > 0 && sink->incomplete != NULL)
        sink->incomplete(sink->arg, v->incomplete_at, v->incomplete);
}

void
acl_schema_verdict_replay(const struct acl_schema_verdict *v,
                          const struct acl_schema_sink *sink,
                          const struct acl_schema_drop_sink *drops)
{
    size_t i;

    if (v == NULL)
        return;
    if (sink != NULL)
        replay_violations(v, sink);
    for (i = 0; drops != NULL && i < v->n; i++)
        if (v->ev[i].kind == EV_DROP)
            drops->dropped(drops->arg, &v->ev[i].drop);
}
