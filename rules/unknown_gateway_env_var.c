/*
 * AC015 unknown-gateway-env-var - agent code reads a gateway URL
 * variable that the CLI never sets.
 *
 * Flags: AGENTCORE_GATEWAY_<X>_URL named in agent source (code or a
 * string literal) where no gateway of the project maps to X (its name
 * upper-cased, '-' as '_'). Reported once per file and variable, at its
 * first use. Does not flag: mentions in comments; names built at run
 * time ("AGENTCORE_GATEWAY_" + name + "_URL", f-string parts); other
 * AGENTCORE_GATEWAY_* variables (_AUTH_TYPE).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/codelex.h"
#include "acl/lookup.h"
#include "acl/regex.h"
#include "acl/rule.h"

#define PREFIX "AGENTCORE_GATEWAY_"

static struct acl_regex *var_re;

/* Idempotent: a check may have compiled it already. */
static int
init(struct acl_error *err)
{
    if (var_re != NULL)
        return 0;
    var_re = acl_regex_new("(?<![A-Za-z0-9_$])" PREFIX
                           "([A-Za-z0-9_]+)_URL(?![A-Za-z0-9_$])", err);
    return var_re != NULL ? 0 : -1;
}

static void
fini(void)
{
    acl_regex_free(var_re);
    var_re = NULL;
}

/* The gateway whose variable part is the n bytes of x; with
 * ignore_case, x may have lower-case letters too. */
static const struct acl_gateway *
find_gateway(const struct acl_project *p, const char *x, size_t n,
             int ignore_case)
{
    const struct acl_gateway *g;
    char *up;
    size_t i;

    if (!ignore_case)
        return acl_find_gateway_by_var(p, x, n);
    up = acl_xstrndup(x, n);
    for (i = 0; i < n; i++)
        if (up[i] >= 'a' && up[i] <= 'z')
            up[i] = (char)(up[i] - 'a' + 'A');
    g = acl_find_gateway_by_var(p, up, n);
    free(up);
    return g;
}

/* One use of a variable: where it is (the whole name) and its X. */
struct use {
    size_t start, end, xs, xe;
    const char *data;
};

static int
cmp_name(const struct use *x, const struct use *y)
{
    size_t lx = x->end - x->start, ly = y->end - y->start;
    int r = memcmp(x->data + x->start, y->data + y->start,
                   lx < ly ? lx : ly);

    return r != 0 ? r : (lx > ly) - (lx < ly);
}

static int
by_name(const void *a, const void *b)
{
    const struct use *x = a, *y = b;
    int r = cmp_name(x, y);

    return r != 0 ? r : (x->start > y->start) - (x->start < y->start);
}

/* " (gateway \"my-gw\" sets AGENTCORE_GATEWAY_MY_GW_URL)" when a gateway
 * differs only in letter case, " (the project has no gateway)", or "". */
static char *
hint(const struct acl_project *p, const char *x, size_t n)
{
    const struct acl_gateway *g = find_gateway(p, x, n, 1);
    char *var, *h;

    if (g == NULL)
        return acl_xstrdup(p->ngateways == 0 ? " (the project has no gateway)"
                                             : "");
    var = acl_env_var_part(g->name);
    h = acl_xasprintf(" (gateway \"%s\" sets " PREFIX "%s_URL: the name is "
                      "upper-cased)", g->name, var);
    free(var);
    return h;
}

static void
report(struct acl_check *c, const struct acl_source *src, const struct use *u,
       size_t count)
{
    const char *x = u->data + u->xs;
    int xn = (int)(u->xe - u->xs);
    char *h = hint(c->project, x, (size_t)xn);
    struct acl_span sp = {(uint32_t)u->start, (uint32_t)u->end};
    char more[64] = "";

    if (count > 1)
        snprintf(more, sizeof more, " (used %zu times in this file)", count);
    acl_report_span(c, ACL_ERROR, src->text, sp, NULL,
                    "agent \"%s\" reads " PREFIX "%.*s_URL%s, but no gateway "
                    "of this project maps to %.*s, so the variable is never "
                    "set and the agent runs without that gateway's tools%s",
                    src->owner ? src->owner : "", xn, x, more, xn, x, h);
    free(h);
}

/* Uses in code and literals of one file, sorted by name. */
static size_t
collect(const struct acl_source *src, struct use **out)
{
    const struct acl_text *t = src->text;
    struct acl_code_toks toks = {0};
    size_t ov[4], from = 0, n = 0, cap = 0;

    *out = NULL;
    acl_code_lex(t->data, t->len, acl_code_lang(t->path), &toks);
    while (acl_regex_find(var_re, t->data, t->len, from, ov, 4) > 0) {
        long k = acl_code_tok_at(&toks, ov[0]);

        from = ov[1];
        if (k >= 0 && toks.items[k].kind == ACL_TOK_COMMENT)
            continue;
        acl_xgrow((void **)out, &cap, n + 1, sizeof **out);
        (*out)[n].start = ov[0];
        (*out)[n].end = ov[1];
        (*out)[n].xs = ov[2];
        (*out)[n].xe = ov[3];
        (*out)[n].data = t->data;
        n++;
    }
    acl_code_toks_free(&toks);
    if (n > 1)
        qsort(*out, n, sizeof **out, by_name);
    return n;
}

static void
check_source(struct acl_check *c, const struct acl_source *src)
{
    struct use *uses;
    size_t n = collect(src, &uses), i = 0, j;

    while (i < n) {
        for (j = i + 1; j < n && cmp_name(&uses[i], &uses[j]) == 0; j++)
            ;
        if (find_gateway(c->project, uses[i].data + uses[i].xs,
                         uses[i].xe - uses[i].xs, 0) == NULL)
            report(c, src, &uses[i], j - i);
        i = j;
    }
    free(uses);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;

    for (i = 0; i < p->nsources; i++)
        if (acl_code_lang(p->sources[i].text->path) != ACL_LANG_NONE)
            check_source(c, &p->sources[i]);
}

const struct acl_rule acl_rule_unknown_gateway_env_var = {
    .id = "AC015",
    .name = "unknown-gateway-env-var",
    .level = ACL_ERROR,
    .flags = ACL_RULE_NEEDS_SOURCES,
    .summary = "agent code reads a gateway URL variable no gateway sets",
    .description =
        "The AgentCore CLI gives an agent one environment variable per "
        "gateway, AGENTCORE_GATEWAY_<NAME>_URL, where NAME is the gateway "
        "name upper-cased with '-' replaced by '_'. Agent code that reads "
        "such a variable for a gateway the project does not have (a typo, "
        "a renamed or removed gateway, a lower-case name) gets nothing: "
        "the generated clients then quietly skip the gateway and the "
        "agent runs without its tools.",
    .help = "use the variable of an existing gateway "
            "(AGENTCORE_GATEWAY_<NAME>_URL with the name upper-cased and "
            "'-' as '_'), or add the gateway with \"agentcore add gateway\"",
    .example = "Fails:  gateway \"my-tools-gw\"; code reads "
               "os.environ.get(\"AGENTCORE_GATEWAY_MY_TOOLS_URL\")\n"
               "Passes: os.environ.get(\"AGENTCORE_GATEWAY_MY_TOOLS_GW_URL\")",
    .precision = "high",
    .init = init,
    .fini = fini,
    .check = check,
};
