/*
 * AC016 unguarded-gateway-url - agent code that fails when a gateway
 * URL variable is unset, as it is under "agentcore dev" and before the
 * first deploy.
 *
 * Flags a required read of AGENTCORE_GATEWAY_..._URL (codeflow.h) that
 * no presence test of the same variable dominates in its function:
 * - Python os.environ["..."] (any alias), which raises KeyError; a
 *   None from .get()/getenv() used as a value (.rstrip(), [0]) or
 *   passed to streamablehttp_client / sse_client;
 * - TypeScript/JavaScript process.env.X! and process.env.X as string,
 *   which hide undefined; in any of them, and so in plain .js/.mjs, a
 *   member of the value (process.env.X.trim()) and undefined passed to
 *   new URL(), fetch() or an MCP client transport;
 * - a field of a pydantic-settings class that reads the variable
 *   (env_prefix + its name, codeflow_settings.c) with neither a default
 *   (= value, Field(value), Field(default=...)) nor None in its type:
 *   the class fails to validate at start-up;
 * - the same through a local variable that holds the read ("url =
 *   os.getenv(V)", "const { V } = process.env" then V!).
 * Does not flag: JSX markup text that shows such code (<p>set
 * process.env.X!</p>: text, not a read; the {...} containers are
 * code); test files (they set their own environment); a read
 * after the code sets the variable itself (os.environ[V] = ...,
 * setdefault, monkeypatch.setenv); variables the runtime's own envVars
 * set; reads with a default (.get(V, d), getenv(V, d), ?? d,
 * || d, or d); plain reads passed along (console.log(process.env.X));
 * writes; reads inside "if <set?>", after "if <unset?>: return/raise"
 * (after "if <unset?>: break/continue" only in the rest of the loop
 * body, and in a switch arm only in the rest of that arm), in the else
 * of "if <unset?>", after "assert", after a wait loop ("while not V:
 * sleep", or "while True" whose one break is "if V: break"), in a try
 * whose handler catches KeyError (any catch in JavaScript), next to a
 * test in the same statement (x if test else y, test and x, test ? x :
 * y, also across JSX containers), in the arms of a match or switch on
 * the variable that cannot take None / undefined (case str() as url:,
 * default: after case undefined:, unless an arm that can falls into
 * it), after one whose None / undefined arm returns or raises, or in
 * an arm whose guard tests it (case "x" if V in os.environ:). A match
 * on a read with a default (.get(V, "")) tests nothing. An
 * earlier use that is not a test (console.log(V)) guards nothing.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/codeflow.h"
#include "acl/lookup.h"
#include "acl/rule.h"

#define PREFIX "AGENTCORE_GATEWAY_"

static int
gateway_url(const char *name)
{
    size_t n = strlen(name);

    return n > sizeof PREFIX + 3 &&
           strncmp(name, PREFIX, sizeof PREFIX - 1) == 0 &&
           strcmp(name + n - 4, "_URL") == 0;
}

static void
report(struct acl_check *c, const struct acl_source *src,
       const struct acl_env_ref *r)
{
    const char *owner = src->owner ? src->owner : "";
    const char *how = r->how != NULL ? r->how : "";

    if (strcmp(how, "os.environ[...]") == 0 ||
        strcmp(how, "os.environ.pop(...)") == 0)
        acl_report_span(c, ACL_WARNING, src->text, r->at, NULL,
                        "agent \"%s\" reads %s with %s, which raises "
                        "KeyError when the variable is unset: it is set only "
                        "after deploy, never under \"agentcore dev\"",
                        owner, r->name, how);
    else if (strcmp(how, "asserts with '!' that it is set") == 0)
        acl_report_span(c, ACL_WARNING, src->text, r->at, NULL,
                        "agent \"%s\" asserts with '!' that %s is set, but it "
                        "is undefined until the project is deployed, and "
                        "always under \"agentcore dev\"",
                        owner, r->name);
    else if (strchr(how, ' ') == NULL)
        acl_report_span(c, ACL_WARNING, src->text, r->at, NULL,
                        "agent \"%s\" passes %s to %s%s() without a test, "
                        "but it is unset until the project is deployed, and "
                        "always under \"agentcore dev\"",
                        owner, r->name, strcmp(how, "URL") == 0 ? "new " : "",
                        how);
    else
        acl_report_span(c, ACL_WARNING, src->text, r->at, NULL,
                        "agent \"%s\" reads %s and %s; the variable is unset "
                        "until the project is deployed, and always under "
                        "\"agentcore dev\"",
                        owner, r->name, how);
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, k;

    for (i = 0; i < p->files.nsources; i++) {
        const struct acl_code_file *f = p->files.sources[i].code;

        /* Tests set their environment themselves (fixtures, pytest-env,
         * monkeypatch in conftest.py). */
        if (f != NULL && f->test_file)
            continue;
        for (k = 0; f != NULL && k < f->nrefs; k++)
            if (f->refs[k].use == ACL_ENV_REQUIRED && !f->refs[k].dominated &&
                gateway_url(f->refs[k].name) &&
                !acl_owner_sets_env(p, p->files.sources[i].owner,
                                    f->refs[k].name))
                report(c, &p->files.sources[i], &f->refs[k]);
    }
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
        "non-null assertion (process.env.X!) or cast (as string) passes "
        "undefined on to the MCP client. Understood: required reads "
        "(os.environ[...] under any alias, a None or undefined used as a "
        "value or passed to new URL(), fetch(), streamablehttp_client() "
        "or an MCP transport, or at the start of an f-string or template "
        "given to them, '!', 'as string', a field of a pydantic-settings "
        "class without a default (its variable is env_prefix + its name; "
        "Field() without a default counts), a zod schema member without "
        ".optional()/.default()), also through a local "
        "variable or a destructured name, and the presence tests that "
        "guard them in the same function: an enclosing if, an earlier "
        "'if not V: return/raise' (with break/continue: the rest of the "
        "loop body; in a switch: the rest of the arm), an else branch, a "
        "wait loop (while not V: sleep, or while True left only by 'if V: "
        "break'), assert, try/except KeyError, a test in the same "
        "expression, a match or switch on V (the arms that cannot take "
        "None or undefined, and what follows when the arm that takes it "
        "returns or raises; a case guard). Not flagged: reads "
        "with a default (.get(V, d), ?? d, || d, or d), plain reads "
        "passed along, writes, reads after the code sets the variable "
        "itself, JSX markup text that shows such code, test files. Guards "
        "in another function, or values passed through containers, are "
        "not followed.",
    .help = "read it with os.environ.get(\"...\") (Python) or without '!' "
            "(TypeScript), and skip the gateway's tools when it is unset",
    .example = "Fails:  url = os.environ[\"AGENTCORE_GATEWAY_MY_GW_URL\"]\n"
               "Passes: url = os.environ.get(\"AGENTCORE_GATEWAY_MY_GW_URL\")\n"
               "        if not url: return None",
    .precision = "high",
    .check = check,
};
