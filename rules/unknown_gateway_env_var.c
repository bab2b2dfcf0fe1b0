/*
 * AC015 unknown-gateway-env-var - agent code reads a gateway URL
 * variable that the CLI never sets.
 *
 * Understands (through codeflow.h): reads by os.environ[...], .get,
 * os.getenv, process.env.X, process.env["X"], destructuring, under any
 * import alias; names given as literals, constants, f-strings and
 * templates of constants, and '+' chains of those; literals that hold
 * just such a name (a list of variables, a helper's argument); fields
 * of pydantic-settings classes, which read env_prefix + the field name
 * (the prefix from model_config, class Config, the class keywords or a
 * settings base class of the file; any case unless case_sensitive) or
 * their alias (a literal, like any other). A name
 * no gateway maps to is reported once per file and variable, at its
 * first use; so is a name with '-', '.' or lower-case letters, which
 * the CLI never writes (it upper-cases the gateway name and turns '-'
 * into '_'). A wrong name that only backs up a right one
 * (get(RIGHT) or get(WRONG)) is a note about a dead fallback.
 * Does not flag: mentions in comments, docstrings, messages and JSX
 * markup text (<code>AGENTCORE_GATEWAY_X_URL</code>); names
 * built at run time (f"..{name.upper()}.."); variables the runtime's
 * own environment variables set; other AGENTCORE_GATEWAY_* variables.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "acl/codeflow.h"
#include "acl/lookup.h"
#include "acl/rule.h"

#define PREFIX "AGENTCORE_GATEWAY_"
#define PLEN (sizeof PREFIX - 1)

/* Is name AGENTCORE_GATEWAY_<X>_URL? Fills X. */
static int
gateway_var(const char *name, const char **x, size_t *xn)
{
    size_t n = strlen(name);

    if (n <= PLEN + 4 || strncasecmp(name, PREFIX, PLEN) != 0 ||
        strcasecmp(name + n - 4, "_URL") != 0)
        return 0;
    *x = name + PLEN;
    *xn = n - PLEN - 4;
    return 1;
}

static int
plain_part(const char *x, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (!((x[i] >= 'A' && x[i] <= 'Z') || (x[i] >= '0' && x[i] <= '9') ||
              x[i] == '_'))
            return 0;
    return 1;
}

static int
known(const struct acl_project *p, const char *owner, const char *name)
{
    const char *x;
    size_t xn;

    if (!gateway_var(name, &x, &xn))
        return 1; /* not ours to judge */
    if (strncmp(name, PREFIX, PLEN) == 0 && plain_part(x, xn) &&
        strcmp(x + xn, "_URL") == 0 &&
        acl_find_gateway_by_var(p, x, xn) != NULL)
        return 1;
    return acl_owner_sets_env(p, owner, name);
}

/* Why, and the nearest gateway: " (gateway \"my-gw\" sets ...)". */
static char *
hint(const struct acl_project *p, const char *x, size_t n)
{
    char *raw = acl_xstrndup(x, n), *part = acl_env_var_part(raw);
    const struct acl_gateway *g =
        acl_find_gateway_by_var(p, part, strlen(part));
    char *h;

    if (g != NULL)
        h = acl_xasprintf(" (gateway \"%s\" sets " PREFIX "%s_URL: the CLI "
                          "upper-cases the name and writes '-' as '_')",
                          g->name, part);
    else if (!plain_part(x, n))
        h = acl_xstrdup(" (the CLI upper-cases gateway names and writes '-' "
                        "as '_', so no gateway can give this name)");
    else
        h = acl_xstrdup(
            p->model.ngateways == 0 ? " (the project has no gateway)" : "");
    free(raw);
    free(part);
    return h;
}

static void
report(struct acl_check *c, const struct acl_source *src,
       const struct acl_env_ref *r, size_t count, int dead)
{
    const char *x;
    size_t xn;
    char more[64] = "", *h;
    const char *owner = src->owner ? src->owner : "";

    gateway_var(r->name, &x, &xn);
    if (dead) {
        acl_report_span(c, ACL_NOTE, src->text, r->name_at, NULL,
                        "agent \"%s\" falls back to %s, which no gateway of "
                        "this project sets: the fallback is dead code, the "
                        "variable it backs up is the one the CLI sets",
                        owner, r->name);
        return;
    }
    if (count > 1)
        snprintf(more, sizeof more, " (used %zu times in this file)", count);
    h = hint(c->project, x, xn);
    acl_report_span(c, ACL_ERROR, src->text, r->name_at, NULL,
                    "agent \"%s\" reads %s%s, but no gateway of this project "
                    "maps to %.*s, so the variable is never set and the "
                    "agent runs without that gateway's tools%s",
                    owner, r->name, more, (int)xn, x, h);
    free(h);
}

struct occ {
    const struct acl_env_ref *r;
    int backed; /* in a fallback chain with a variable that is set */
};

static int
by_name(const void *a, const void *b)
{
    const struct occ *x = a, *y = b;
    int k = strcmp(x->r->name, y->r->name);

    if (k != 0)
        return k;
    return (x->r->name_at.start > y->r->name_at.start) -
           (x->r->name_at.start < y->r->name_at.start);
}

/* Chains (by id) that hold a variable the CLI sets. */
static unsigned char *
backed_chains(const struct acl_project *p, const struct acl_source *src)
{
    const struct acl_code_file *f = src->code;
    unsigned char *ok = acl_xcalloc(f->nrefs + 2, 1);
    size_t i;

    for (i = 0; i < f->nrefs; i++)
        if (f->refs[i].chain > 0 && f->refs[i].chain <= f->nrefs + 1 &&
            known(p, src->owner, f->refs[i].name) &&
            strncmp(f->refs[i].name, PREFIX, PLEN) == 0)
            ok[f->refs[i].chain] = 1;
    return ok;
}

static void
check_source(struct acl_check *c, const struct acl_source *src)
{
    const struct acl_code_file *f = src->code;
    unsigned char *ok = backed_chains(c->project, src);
    struct occ *o = acl_xcalloc(f->nrefs + 1, sizeof *o);
    size_t n = 0, i = 0, j, k;
    const char *x;
    size_t xn;

    for (k = 0; k < f->nrefs; k++)
        if (!f->refs[k].via_local && gateway_var(f->refs[k].name, &x, &xn)) {
            o[n].r = &f->refs[k];
            o[n++].backed = f->refs[k].chain > 0 &&
                            f->refs[k].chain <= f->nrefs + 1 &&
                            ok[f->refs[k].chain];
        }
    if (n > 1)
        qsort(o, n, sizeof *o, by_name);
    while (i < n) {
        int dead = 1;

        for (j = i; j < n && strcmp(o[j].r->name, o[i].r->name) == 0; j++)
            dead &= o[j].backed;
        if (!known(c->project, src->owner, o[i].r->name))
            report(c, src, o[i].r, j - i, dead);
        i = j;
    }
    free(o);
    free(ok);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;

    for (i = 0; i < p->files.nsources; i++)
        if (p->files.sources[i].code != NULL)
            check_source(c, &p->files.sources[i]);
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
        "a renamed or removed gateway, a lower-case name, a name with "
        "'-') gets nothing: the generated clients then quietly skip the "
        "gateway and the agent runs without its tools. Understood: reads "
        "through os.environ[...], os.environ.get, os.getenv, "
        "process.env.X, process.env[\"X\"] and destructuring, under import "
        "aliases (import os as _os, from os import environ as ENV, env = "
        "os.environ); names written as literals, constants, f-strings or "
        "templates of constants, and '+' chains; literals holding just the "
        "name; fields of a pydantic-settings class (BaseSettings, or a "
        "class of the file derived from one), which read env_prefix + "
        "their name (the prefix from model_config = "
        "SettingsConfigDict(...) or a dict, class Config, the class "
        "keywords or the base class, a literal or a constant), in any case "
        "unless case_sensitive=True, or their alias. A wrong name that only backs up a right one (get(A) or "
        "get(B)) is a note about a dead fallback. Not flagged: mentions in "
        "comments, docstrings, messages and JSX markup text; names built "
        "at run time; variables the runtime's own envVars set.",
    .help = "use the variable of an existing gateway "
            "(AGENTCORE_GATEWAY_<NAME>_URL with the name upper-cased and "
            "'-' as '_'), or add the gateway with \"agentcore add gateway\"",
    .example = "Fails:  gateway \"my-tools-gw\"; code reads "
               "os.environ.get(\"AGENTCORE_GATEWAY_MY_TOOLS_URL\")\n"
               "Passes: os.environ.get(\"AGENTCORE_GATEWAY_MY_TOOLS_GW_URL\")",
    .precision = "high",
    .check = check,
};
