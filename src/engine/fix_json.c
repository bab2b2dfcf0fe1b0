/*
 * fix_json.c - the fixes rules attach at model nodes (rule.h): setting,
 * dropping and renaming JSON members, changing a string's prefix, and
 * appending a line to a project text file. Each works on the source
 * map, so the edit covers exactly the member's bytes and copies the
 * indentation and line ends of its neighbours; each does nothing when
 * the edit cannot be made safely (the member or object is not there, a
 * duplicate name would make the result mean something else).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "acl/fix.h"
#include "acl/jptr.h"
#include "acl/ref.h"
#include "acl/rule.h"

/* A member of an object in a document: the object's node, the
 * member's position among its children and their count. */
struct member {
    const struct acl_doc *doc;
    size_t obj;
    size_t k, n;
};

/* The position of node among obj's children (document order), or -1. */
static long
kid_index(const struct acl_doc *doc, size_t obj, size_t node)
{
    size_t lo = 0, hi = acl_doc_nkids(doc, obj);

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (acl_doc_kid(doc, obj, mid) < node)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < acl_doc_nkids(doc, obj) && acl_doc_kid(doc, obj, lo) == node
               ? (long)lo
               : -1;
}

/* Does the object at ptr (a pointer) hold a repeated name? Then
 * dropping or setting one of the two changes which one wins. */
static int
has_dup(const struct acl_doc *doc, const char *ptr)
{
    size_t i;

    for (i = 0; i < doc->ndups; i++)
        if (strcmp(doc->dups[i].pointer, ptr) == 0)
            return 1;
    return 0;
}

/* Finds node (the value of a member) and its object, given the
 * member's pointer. Returns 0, or -1 when it is not an object member. */
static int
member_at(const struct acl_doc *doc, const char *ptr, long node,
          struct member *m)
{
    char *parent = acl_xstrdup(ptr), *slash = strrchr(parent, '/');
    long obj, k;

    if (slash != NULL)
        *slash = '\0';
    obj = slash != NULL ? acl_doc_find(doc, parent) : -1;
    free(parent);
    if (obj < 0 || node < 0 || acl_doc_type(doc, (size_t)obj) != JSON_OBJECT ||
        (k = kid_index(doc, (size_t)obj, (size_t)node)) < 0)
        return -1;
    m->doc = doc;
    m->obj = (size_t)obj;
    m->k = (size_t)k;
    m->n = acl_doc_nkids(doc, (size_t)obj);
    return 0;
}

static struct acl_span
kid_key(const struct member *m, size_t k)
{
    return acl_doc_key(m->doc, acl_doc_kid(m->doc, m->obj, k));
}

static struct acl_span
kid_value(const struct member *m, size_t k)
{
    return acl_doc_value(m->doc, acl_doc_kid(m->doc, m->obj, k));
}

/* The bytes that remove member k with its comma: up to the next
 * member's name (the indentation before it stays), or for the last
 * member from the end of the one before; an only member leaves {}. */
static struct acl_span
drop_span(const struct member *m)
{
    struct acl_span o = acl_doc_value(m->doc, m->obj), s;

    if (m->n == 1) {
        s.start = o.start + 1;
        s.end = o.end - 1;
    } else if (m->k + 1 < m->n) {
        s.start = kid_key(m, m->k).start;
        s.end = kid_key(m, m->k + 1).start;
    } else {
        s.start = kid_value(m, m->k - 1).end;
        s.end = kid_value(m, m->k).end;
    }
    return s;
}

static void
edit_one(struct acl_finding *f, enum acl_fix_kind kind, const char *title,
         const struct acl_text *t, struct acl_span sp, const char *text)
{
    acl_fix_edit(acl_fix_begin(f, kind, title), t, sp.start, sp.end, text);
}

static char *
member_ptr(const struct acl_node *at, const char *member)
{
    return member ? acl_xasprintf("%s/%s", at->ptr, member)
                  : acl_xstrdup(at->ptr);
}

void
acl_fix_drop(struct acl_finding *f, enum acl_fix_kind kind,
             const struct acl_node *at, const char *member, const char *title)
{
    char *ptr = member_ptr(at, member);
    struct member m;

    if (member_at(at->doc, ptr, acl_doc_find(at->doc, ptr), &m) == 0 &&
        !has_dup(at->doc, ptr))
        edit_one(f, kind, title, at->doc->text, drop_span(&m), "");
    free(ptr);
}

/* The first node whose value starts at or after off (nodes are in
 * document order). */
static size_t
node_from(const struct acl_doc *doc, uint32_t off)
{
    size_t lo = 0, hi = doc->nnodes;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (doc->nodes[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void
acl_fix_drop_first(struct acl_finding *f, enum acl_fix_kind kind,
                   const struct acl_doc *doc, const struct acl_dupkey *dk,
                   const char *title)
{
    size_t node = node_from(doc, dk->first.end);
    struct member m;

    if (node >= doc->nnodes || doc->nodes[node].key != dk->first.start ||
        member_at(doc, dk->pointer, (long)node, &m) != 0)
        return;
    edit_one(f, kind, title, doc->text, drop_span(&m), "");
}

/* Inserts "name": json as the last member of object obj, separated as
 * its last member is from the one before (or from the brace). */
static void
insert_member(struct acl_finding *f, enum acl_fix_kind kind, const char *title,
              const struct acl_doc *doc, size_t obj, const char *name,
              const char *json)
{
    struct member m = {doc, obj, 0, acl_doc_nkids(doc, obj)};
    struct acl_span o = acl_doc_value(doc, obj), key, val;
    const char *t = doc->text->data;
    struct acl_buf b = {0};
    uint32_t sep;

    if (m.n == 0) {
        acl_buf_printf(&b, "\"%s\": %s", name, json);
        edit_one(f, kind, title, doc->text,
                 (struct acl_span){o.start + 1, o.start + 1}, b.data);
        acl_buf_free(&b);
        return;
    }
    key = kid_key(&m, m.n - 1);
    val = kid_value(&m, m.n - 1);
    sep = m.n == 1 ? o.start + 1 : kid_value(&m, m.n - 2).end;
    while (m.n > 1 && sep < key.start && t[sep] != ',')
        sep++;
    sep += m.n > 1;
    acl_buf_putc(&b, ',');
    acl_buf_append(&b, t + sep, key.start - sep);
    acl_buf_printf(&b, "\"%s\"", name);
    acl_buf_append(&b, t + key.end, val.start - key.end);
    acl_buf_puts(&b, json);
    edit_one(f, kind, title, doc->text, (struct acl_span){val.end, val.end},
             b.data);
    acl_buf_free(&b);
}

void
acl_fix_set(struct acl_finding *f, enum acl_fix_kind kind,
            const struct acl_node *at, const char *member, const char *json,
            const char *title)
{
    char *ptr = member_ptr(at, member), *slash = strrchr(ptr, '/');
    long node = acl_doc_find(at->doc, ptr), obj;

    if (node >= 0) {
        if (!has_dup(at->doc, ptr))
            edit_one(f, kind, title, at->doc->text,
                     acl_doc_value(at->doc, (size_t)node), json);
    } else if (slash != NULL) {
        *slash = '\0';
        obj = acl_doc_find(at->doc, ptr);
        if (obj >= 0 && acl_doc_type(at->doc, (size_t)obj) == JSON_OBJECT)
            insert_member(f, kind, title, at->doc, (size_t)obj, slash + 1,
                          json);
    }
    free(ptr);
}

static int
plain_name(const char *s)
{
    for (; *s != '\0'; s++)
        if ((unsigned char)*s < 0x20 || (unsigned char)*s >= 0x7f ||
            *s == '"' || *s == '\\')
            return 0;
    return 1;
}

void
acl_fix_rename(struct acl_finding *f, enum acl_fix_kind kind,
               const struct acl_node *at, const char *name, const char *title)
{
    char *sibling, *parent = acl_xstrdup(at->ptr), *slash;
    long node = acl_doc_find(at->doc, at->ptr);
    struct acl_buf b = {0};

    slash = strrchr(parent, '/');
    if (slash == NULL || node < 0 ||
        acl_doc_key(at->doc, (size_t)node).end == 0) {
        free(parent);
        return;
    }
    *slash = '\0';
    sibling = acl_jptr_join(parent, name, strlen(name));
    /* Schema names are plain ASCII; anything else is not renamed to. */
    if (acl_doc_find(at->doc, sibling) < 0 && plain_name(name)) {
        acl_buf_printf(&b, "\"%s\"", name);
        edit_one(f, kind, title, at->doc->text,
                 acl_doc_key(at->doc, (size_t)node), b.data);
        acl_buf_free(&b);
    }
    free(sibling);
    free(parent);
}

void
acl_fix_prefix(struct acl_finding *f, enum acl_fix_kind kind,
               const struct acl_node *at, const char *member, const char *from,
               const char *to, const char *title)
{
    char *ptr = member_ptr(at, member);
    long node = acl_doc_find(at->doc, ptr);
    size_t n = strlen(from);

    if (node >= 0 && acl_doc_type(at->doc, (size_t)node) == JSON_STRING) {
        struct acl_span v = acl_doc_value(at->doc, (size_t)node);
        const char *s = at->doc->text->data + v.start + 1;

        if (v.end - v.start >= n + 2 && strncasecmp(s, from, n) == 0)
            edit_one(f, kind, title, at->doc->text,
                     (struct acl_span){v.start + 1, v.start + 1 + (uint32_t)n},
                     to);
    }
    free(ptr);
}

void
acl_fix_replace(struct acl_finding *f, enum acl_fix_kind kind,
                const struct acl_text *file, struct acl_span sp,
                const char *text, const char *title)
{
    if (sp.start <= sp.end && sp.end <= file->len)
        edit_one(f, kind, title, file, sp, text);
}

/* Does the text end its lines with CR LF? */
static int
crlf(const struct acl_text *t)
{
    const char *cr = memchr(t->data, '\r', t->len);

    return cr != NULL && (size_t)(cr - t->data) + 1 < t->len && cr[1] == '\n';
}

void
acl_fix_append_line(struct acl_finding *f, enum acl_fix_kind kind,
                    const struct acl_project *p, const char *rel,
                    const char *line, const char *title)
{
    const struct acl_text *t = NULL;
    enum acl_ref_status st = acl_ref_text(p, rel, &t);
    struct acl_buf b = {0};
    char *disp;

    if (st == ACL_REF_OK && t != NULL) {
        const char *nl = crlf(t) ? "\r\n" : "\n";

        if (t->len > 0 && t->data[t->len - 1] != '\n')
            acl_buf_puts(&b, nl);
        acl_buf_printf(&b, "%s%s", line, nl);
        edit_one(f, kind, title, t,
                 (struct acl_span){(uint32_t)t->len, (uint32_t)t->len}, b.data);
    } else if (st == ACL_REF_MISSING) {
        disp = p->files.display[0] && strcmp(p->files.display, ".") != 0
                   ? acl_xasprintf("%s/%s", p->files.display, rel)
                   : acl_xstrdup(rel);
        acl_buf_printf(&b, "%s\n", line);
        acl_fix_create(acl_fix_begin(f, kind, title), rel, disp, b.data);
        free(disp);
    }
    acl_buf_free(&b);
}
