/*
 * AC016 unguarded-gateway-url - agent code that fails when a gateway
 * URL variable is unset, as it is under "agentcore dev" and before the
 * first deploy.
 *
 * Flags, in code (not comments or literals):
 * - Python os.environ["AGENTCORE_GATEWAY_..."] (or environ[...] after
 *   "from os import environ"), a read that raises KeyError;
 * - TypeScript/JavaScript process.env.AGENTCORE_GATEWAY_...! and
 *   process.env["AGENTCORE_GATEWAY_..."]!, a non-null assertion that
 *   hides undefined.
 * Does not flag: os.environ.get(...), os.getenv(...), process.env.X
 * without '!', process.env.X ?? ..., writes (os.environ["X"] = ...);
 * a read after a test of the same variable earlier in the file
 * ("X" in os.environ, if (!process.env.X)), or inside a Python try
 * block.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/codelex.h"
#include "acl/regex.h"
#include "acl/rule.h"

/* How many lines up a Python read looks for an enclosing try. */
#define MAX_BACK 2000

#define VAR "AGENTCORE_GATEWAY_[A-Za-z0-9_]*"

/* Reads that fail when the variable is unset; the variable is the
 * first group that is set after group 0. */
static const char *const read_patterns[] = {
    /* Python: group 2 (group 1 is the quote). */
    "(?<![A-Za-z0-9_.])(?:os\\.)?environ\\s*\\[\\s*([\"'])(" VAR ")\\1\\s*\\]"
    "(?!\\s*(?:=(?!=)|:=))",
    /* JavaScript: group 1, or group 3 (group 2 is the quote). */
    "(?<![A-Za-z0-9_.$])process\\.env(?:\\.(" VAR ")|\\s*\\[\\s*([\"'`])("
    VAR ")\\2\\s*\\])\\s*!(?!=)",
};

/* Tests of a variable's presence, which guard later reads. */
static const char *const guard_patterns[] = {
    "([\"'])(" VAR ")\\1\\s+(?:not\\s+)?in\\s+(?:os\\.)?environ\\b",
    /* A prefix '!' negates; a '!' after a name asserts (x!). */
    "(?:(?:(?<![A-Za-z0-9_$)\\]])!|\\btypeof)\\s*"
    "process\\.env(?:\\.(" VAR ")|\\s*\\[\\s*([\"'`])(" VAR ")\\2\\s*\\]))|"
    "(?:process\\.env(?:\\.(" VAR ")|\\s*\\[\\s*([\"'`])(" VAR ")\\5\\s*\\])"
    "\\s*(?:\\)|&&|\\|\\||\\?(?![.?])|[=!]==?))",
};

static struct acl_regex *reads[2], *guards[2];

static void
fini(void)
{
    size_t i;

    for (i = 0; i < 2; i++) {
        acl_regex_free(reads[i]);
        acl_regex_free(guards[i]);
        reads[i] = guards[i] = NULL;
    }
}

/* Idempotent: a check may have compiled them already. */
static int
init(struct acl_error *err)
{
    size_t i;

    if (reads[0] != NULL)
        return 0;
    for (i = 0; i < 2; i++) {
        reads[i] = acl_regex_new(read_patterns[i], err);
        guards[i] = reads[i] ? acl_regex_new(guard_patterns[i], err) : NULL;
        if (guards[i] == NULL) {
            fini();
            return -1;
        }
    }
    return 0;
}

/* The variable's range: the first group after 0 that is set, skipping
 * the quote groups (one character long). */
static void
var_range(const size_t *ov, size_t ngroups, size_t *s, size_t *e)
{
    size_t g;

    for (g = 1; g < ngroups; g++)
        if (ov[2 * g] != (size_t)-1 && ov[2 * g + 1] - ov[2 * g] > 1)
            break;
    *s = g < ngroups ? ov[2 * g] : ov[0];
    *e = g < ngroups ? ov[2 * g + 1] : ov[1];
}

/* The earliest presence test of each variable in a file. */
struct guard {
    const char *var;
    size_t len, at;
};

struct guards {
    struct guard *items;
    size_t n, cap;
};

static int
guard_cmp(const void *a, const void *b)
{
    const struct guard *x = a, *y = b;
    int r = memcmp(x->var, y->var, x->len < y->len ? x->len : y->len);

    if (r == 0)
        r = (x->len > y->len) - (x->len < y->len);
    return r != 0 ? r : (x->at > y->at) - (x->at < y->at);
}

/* Every presence test in t, sorted by variable then offset. */
static void
find_guards(struct acl_regex *re, const struct acl_text *t, struct guards *g)
{
    size_t ov[16], from = 0, s, e;

    while (acl_regex_find(re, t->data, t->len, from, ov, 16) > 0) {
        var_range(ov, 8, &s, &e);
        acl_xgrow((void **)&g->items, &g->cap, g->n + 1, sizeof *g->items);
        g->items[g->n].var = t->data + s;
        g->items[g->n].len = e - s;
        g->items[g->n].at = ov[0];
        g->n++;
        from = ov[1] > from ? ov[1] : from + 1;
    }
    if (g->n > 1)
        qsort(g->items, g->n, sizeof *g->items, guard_cmp);
}

/* Is there a presence test of var before offset? */
static int
guarded(const struct guards *g, const char *var, size_t len, size_t offset)
{
    struct guard key = {var, len, 0};
    size_t lo = 0, hi = g->n;

    /* The first entry not below (var, 0): the variable's earliest test. */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (guard_cmp(&g->items[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < g->n && g->items[lo].len == len &&
           memcmp(g->items[lo].var, var, len) == 0 &&
           g->items[lo].at < offset;
}

static size_t
indent_of(const char *line, size_t len)
{
    size_t i = 0;

    while (i < len && (line[i] == ' ' || line[i] == '\t'))
        i++;
    return i;
}

/* Is the Python line at offset inside a try: block (of any enclosing
 * block level)? Read by indentation: each earlier line indented less
 * than everything since is an enclosing block's header. */
static int
in_python_try(struct acl_text *t, size_t offset)
{
    struct acl_pos pos;
    size_t len, depth;
    const char *line;
    unsigned n;

    acl_text_pos(t, offset, &pos);
    line = acl_text_line(t, pos.line, &len);
    depth = indent_of(line, len);
    for (n = pos.line - 1; n > 0 && depth > 0 && pos.line - n <= MAX_BACK;
         n--) {
        size_t in;

        line = acl_text_line(t, n, &len);
        in = indent_of(line, len);
        if (in == len || line[in] == '#' || in >= depth)
            continue;
        depth = in;
        if (len - in >= 4 && memcmp(line + in, "try", 3) == 0 &&
            (line[in + 3] == ':' || line[in + 3] == ' '))
            return 1;
    }
    return 0;
}

/* The edit the help names, offered only (the code must then handle
 * the unset variable): os.environ["X"] -> os.environ.get("X") in
 * Python; the '!' dropped in TypeScript. */
static void
suggest(struct acl_finding *f, const struct acl_text *t, size_t s, size_t e,
        size_t vs, size_t ve, int python)
{
    char *text;

    if (!python) {
        acl_fix_replace(f, ACL_SUGGESTION, t,
                        (struct acl_span){(uint32_t)e - 1, (uint32_t)e}, "",
                        "drop the '!' and handle an unset variable");
        return;
    }
    text = acl_xasprintf("%senviron.get(%c%.*s%c)",
                         strncmp(t->data + s, "os.", 3) == 0 ? "os." : "",
                         t->data[vs - 1], (int)(ve - vs), t->data + vs,
                         t->data[vs - 1]);
    acl_fix_replace(f, ACL_SUGGESTION, t,
                    (struct acl_span){(uint32_t)s, (uint32_t)e}, text,
                    "read it with environ.get(...) and handle None");
    free(text);
}

static void
report(struct acl_check *c, const struct acl_source *src, size_t s, size_t e,
       size_t vs, size_t ve, int python)
{
    struct acl_span sp = {(uint32_t)s, (uint32_t)e};
    int vn = (int)(ve - vs);
    const char *v = src->text->data + vs;

    struct acl_finding *f = acl_report_span(
        c, ACL_WARNING, src->text, sp, NULL,
        python ? "agent \"%s\" reads %.*s with os.environ[...], which raises "
                 "KeyError when the variable is unset: it is set only after "
                 "deploy, never under \"agentcore dev\""
               : "agent \"%s\" asserts with '!' that %.*s is set, but it is "
                 "undefined until the project is deployed, and always under "
                 "\"agentcore dev\"",
        src->owner ? src->owner : "", vn, v);
    suggest(f, src->text, s, e, vs, ve, python);
}

static void
check_source(struct acl_check *c, const struct acl_source *src)
{
    struct acl_text *t = src->text;
    enum acl_code_lang lang = acl_code_lang(t->path);
    int py = lang == ACL_LANG_PYTHON;
    struct acl_code_toks toks = {0};
    struct guards g = {0};
    size_t ov[8], from = 0, vs, ve;

    acl_code_lex(t->data, t->len, lang, &toks);
    find_guards(guards[py ? 0 : 1], t, &g);
    while (acl_regex_find(reads[py ? 0 : 1], t->data, t->len, from, ov, 8) > 0) {
        from = ov[1];
        if (acl_code_tok_at(&toks, ov[0]) >= 0)
            continue; /* in a comment or a literal */
        var_range(ov, 4, &vs, &ve);
        if (guarded(&g, t->data + vs, ve - vs, ov[0]) ||
            (py && in_python_try(t, ov[0])))
            continue;
        report(c, src, ov[0], ov[1], vs, ve, py);
    }
    free(g.items);
    acl_code_toks_free(&toks);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;

    /* Library callers may lint without acl_rules_init(). */
    if (reads[0] == NULL && init(NULL) != 0)
        return;
    for (i = 0; i < p->nsources; i++)
        if (acl_code_lang(p->sources[i].text->path) != ACL_LANG_NONE)
            check_source(c, &p->sources[i]);
}

const struct acl_rule acl_rule_unguarded_gateway_url = {
    .id = "AC016",
    .name = "unguarded-gateway-url",
    .level = ACL_WARNING,
    .flags = ACL_RULE_NEEDS_SOURCES,
    .summary = "agent code fails when a gateway URL variable is unset",
    .description =
        "The AGENTCORE_GATEWAY_<NAME>_URL variables exist only once the "
        "gateway is deployed; \"agentcore dev\" and a runtime deployed "
        "before its gateway have none. Python os.environ[\"...\"] then "
        "raises KeyError when the agent starts, and a TypeScript "
        "non-null assertion (process.env.X!) passes undefined on to the "
        "MCP client. Read the variable so that a missing gateway means "
        "\"no tools from it\", as the CLI's generated clients do.",
    .help = "read it with os.environ.get(\"...\") (Python) or without '!' "
            "(TypeScript), and skip the gateway's tools when it is unset",
    .example = "Fails:  url = os.environ[\"AGENTCORE_GATEWAY_MY_GW_URL\"]\n"
               "Passes: url = os.environ.get(\"AGENTCORE_GATEWAY_MY_GW_URL\")\n"
               "        if not url: return None",
    .precision = "high",
    .init = init,
    .fini = fini,
    .check = check,
};
