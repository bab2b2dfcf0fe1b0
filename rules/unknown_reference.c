/*
 * AC009 unknown-reference - a name or path in agentcore.json that leads
 * nowhere, where the CLI does not check it.
 *
 * Flags:
 * - outboundAuth.credentialName of any target that is not the name of a
 *   credential (names are case-sensitive);
 * - a gateway's policyEngineConfiguration.policyEngineName that is not
 *   the name of a policy engine;
 * - a referenced file or folder that is missing, of the wrong kind, or
 *   outside the project root (absolute, "..", or a link leading out):
 *   lambdaFunctionArn.toolSchemaFile, schemaSource.inline.path, a
 *   policy's sourceFile (files); a harness path, a runtime codeLocation
 *   (folders).
 * Absolute paths inside the project root are accepted, as the CLI
 * accepts them. A missing codeLocation that a .gitignore ignores is a
 * note: build output (dist/, build/) that must exist at deploy time.
 * Does not flag: references the CLI itself checks (AC020 reports what
 * the schema checks, empty paths included), files that exist but cannot
 * be read here (permissions) or are too large to read, S3 schema
 * sources.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/gitwork.h"
#include "acl/lookup.h"
#include "acl/ref.h"
#include "acl/rule.h"

/* A name lower-cased with '-' read as '_': two names alike this way are
 * a likely typo of each other. New string. */
static char *
near_key(const char *name)
{
    char *s = acl_xstrdup(name), *q;

    for (q = s; *q != '\0'; q++)
        *q = *q == '-' ? '_' : (char)acl_ascii_lower((unsigned char)*q);
    return s;
}

/* near_key -> the first credential name with it; built on the first
 * unknown name, so that hints stay fast on huge projects. */
static json_t *
near_index(const struct acl_project *p)
{
    json_t *idx = json_object();
    size_t i;

    for (i = 0; i < p->model.ncredentials; i++) {
        char *k;

        if (p->model.credentials[i].name == NULL)
            continue;
        k = near_key(p->model.credentials[i].name);
        if (json_object_get(idx, k) == NULL)
            json_object_set_new_nocheck(
                idx, k, json_string_nocheck(p->model.credentials[i].name));
        free(k);
    }
    return idx;
}

static void
check_credential(struct acl_check *c, const struct acl_target *t, json_t **near)
{
    const struct acl_project *p = c->project;
    const char *hint;
    char *label, *key;
    struct acl_finding *f;

    if (t->credential_name == NULL || t->credential_name[0] == '\0' ||
        acl_find_credential_n(p, t->credential_name, t->credential_name_len) !=
            NULL)
        return;
    if (*near == NULL)
        *near = near_index(p);
    key = near_key(t->credential_name);
    hint = json_string_value(json_object_get(*near, key));
    free(key);
    label = acl_target_label(t);
    f = acl_report(
        c, ACL_ERROR, &t->node, "outboundAuth/credentialName",
        "%s names credential \"%s\", which is not in \"credentials\"%s"
        "%s%s",
        label, t->credential_name, hint ? " (did you mean \"" : "",
        hint ? hint : "", hint ? "\"?)" : "");
    free(label);
    if (hint != NULL) {
        /* Another credential is meant, most likely; but which one a
         * target uses is the project's call: only offered. */
        json_t *js = json_string(hint);
        char *text = js ? json_dumps(js, JSON_ENCODE_ANY) : NULL;
        char *title = acl_xasprintf("use credential \"%s\"", hint);

        if (text != NULL)
            acl_fix_set(f, ACL_SUGGESTION, &t->node,
                        "outboundAuth/credentialName", text, title);
        free(title);
        free(text);
        json_decref(js);
    }
}

static void
check_engine(struct acl_check *c, const struct acl_gateway *g)
{
    if (g->policy_engine_name == NULL || g->policy_engine_name[0] == '\0' ||
        acl_find_engine_n(c->project, g->policy_engine_name,
                          g->policy_engine_name_len) != NULL)
        return;
    acl_report(c, ACL_ERROR, &g->node,
               "policyEngineConfiguration/policyEngineName",
               "gateway \"%s\" attaches policy engine \"%s\", which is not "
               "in \"policyEngines\"",
               g->name ? g->name : "", g->policy_engine_name);
}

static const char *
status_text(enum acl_ref_status st, const char *path, int want_dir)
{
    if (st == ACL_REF_OUTSIDE)
        return path[0] == '/' ? "is an absolute path outside the project "
                                "root"
                              : "leads outside the project root";
    if (st == ACL_REF_WRONG_KIND)
        return want_dir ? "is not a folder" : "is not a regular file";
    return "does not exist";
}

/* path relative to the project root, as .gitignore patterns see it
 * ("./dist/agent/" -> "dist/agent"), or NULL when it climbs out or is
 * absolute elsewhere. New string. */
static char *
root_relative(const struct acl_project *p, const char *path)
{
    size_t n = strlen(p->files.real_root);
    char *rel, *e;

    if (path[0] == '/') {
        if (strncmp(path, p->files.real_root, n) != 0 || path[n] != '/')
            return NULL;
        path += n + 1;
    }
    while (path[0] == '.' && path[1] == '/')
        path += 2;
    rel = acl_xstrdup(path);
    for (e = rel + strlen(rel); e > rel && e[-1] == '/';)
        *--e = '\0';
    if (rel[0] == '\0' || strstr(rel, "..") != NULL) {
        free(rel);
        return NULL;
    }
    return rel;
}

/* Is the missing folder path git-ignored? Then it is build output
 * (dist/, build/) made before deploying, not a mistake. */
static int
ignored_output(const struct acl_project *p, const char *path)
{
    char *rel = root_relative(p, path), *top;
    int ignored;

    if (rel == NULL)
        return 0;
    top = acl_git_work_tree_top(p->files.real_root);
    ignored = acl_git_ignored(p, top != NULL ? top : p->files.real_root,
                              p->files.real_root, rel, 1);
    free(top);
    free(rel);
    return ignored;
}

/* Reports path (the value of member of node) when it leads nowhere.
 * what names the owner: "runtime \"x\"". */
static void
check_path(struct acl_check *c, const struct acl_node *node, const char *member,
           const char *field, const char *path, int want_dir, const char *what)
{
    enum acl_ref_status st;

    /* An empty path breaks the schema's minimum length: AC020's. */
    if (path == NULL || path[0] == '\0')
        return;
    st = acl_ref_check(c->project, path, want_dir);
    if (st == ACL_REF_OK || st == ACL_REF_UNREADABLE || st == ACL_REF_TOO_BIG)
        return;
    if (st == ACL_REF_MISSING && strcmp(field, "codeLocation") == 0 &&
        ignored_output(c->project, path)) {
        acl_report(c, ACL_NOTE, node, member,
                   "%s: codeLocation \"%s\" does not exist, and .gitignore "
                   "ignores it: it is build output, which must be built "
                   "before `agentcore deploy` packages it",
                   what, path);
        return;
    }
    acl_report(c, ACL_ERROR, node, member, "%s: %s \"%s\" %s", what, field,
               path, status_text(st, path, want_dir));
}

static void
check_target_files(struct acl_check *c, const struct acl_target *t)
{
    char *label;

    if (t->tool_schema_file == NULL && t->inline_schema_path == NULL)
        return;
    label = acl_target_label(t);
    check_path(c, &t->node, "lambdaFunctionArn/toolSchemaFile",
               "toolSchemaFile", t->tool_schema_file, 0, label);
    check_path(c, &t->node, "schemaSource/inline/path", "schema file",
               t->inline_schema_path, 0, label);
    free(label);
}

static void
check_resource_files(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, k;
    char *what;

    for (i = 0; i < p->model.nruntimes; i++) {
        const struct acl_runtime *r = &p->model.runtimes[i];

        what = acl_xasprintf("runtime \"%s\"", r->name ? r->name : "");
        check_path(c, &r->node, "codeLocation", "codeLocation",
                   r->code_location, 1, what);
        free(what);
    }
    for (i = 0; i < p->model.nharnesses; i++) {
        const struct acl_harness *h = &p->model.harnesses[i];

        what = acl_xasprintf("harness \"%s\"", h->name ? h->name : "");
        check_path(c, &h->node, "path", "path", h->path, 1, what);
        free(what);
    }
    for (i = 0; i < p->model.nengines; i++)
        for (k = 0; k < p->model.engines[i].npolicies; k++) {
            const struct acl_policy *pol = &p->model.engines[i].policies[k];

            what = acl_xasprintf(
                "policy \"%s\" of policy engine \"%s\"",
                pol->name ? pol->name : "",
                p->model.engines[i].name ? p->model.engines[i].name : "");
            check_path(c, &pol->node, "sourceFile", "sourceFile",
                       pol->source_file, 0, what);
            free(what);
        }
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, n = acl_targets_count(p);
    json_t *near = NULL;

    for (i = 0; i < n; i++) {
        check_credential(c, acl_targets_at(p, i), &near);
        check_target_files(c, acl_targets_at(p, i));
    }
    json_decref(near);
    for (i = 0; i < p->model.ngateways; i++)
        check_engine(c, &p->model.gateways[i]);
    check_resource_files(c);
}

const struct acl_rule acl_rule_unknown_reference = {
    .id = "AC009",
    .name = "unknown-reference",
    .level = ACL_ERROR,
    .summary = "a credential, policy engine, file or folder that is not "
               "there",
    .description =
        "The AgentCore CLI does not check that the names and paths in "
        "agentcore.json lead anywhere: `agentcore validate` passes a target "
        "whose outboundAuth.credentialName names no credential, a gateway "
        "whose policyEngineName names no policy engine, and paths to tool "
        "schemas, OpenAPI or Smithy documents, Cedar policy sources, harness "
        "folders and runtime code folders that do not exist. The mistake "
        "shows up only at deploy time, or as a gateway without its tools. "
        "A path that climbs out with \"..\", is absolute outside the "
        "project, or follows a link out of the project root also works "
        "only on the machine where it was written, and may read files that "
        "are not part of the project; an absolute path inside the project "
        "root is accepted, as the CLI accepts it. A runtime codeLocation "
        "that does not exist but is git-ignored (dist/, build/) is build "
        "output: a note that it must be built before deploying, not an "
        "error.",
    .help = "fix the name so that it matches a credential or policy engine "
            "(names are case-sensitive), or add the missing one; keep every "
            "referenced file and folder inside the project and name it "
            "relative to the project root",
    .example = "Fails:  \"credentials\": [{ \"authorizerType\": "
               "\"OAuthCredentialProvider\", \"name\": \"crm-oauth\" }],\n"
               "        ... \"outboundAuth\": { \"type\": \"OAUTH\", "
               "\"credentialName\": \"crm-oauth-cred\" }\n"
               "Passes: ... \"outboundAuth\": { \"type\": \"OAUTH\", "
               "\"credentialName\": \"crm-oauth\" }",
    .precision = "very-high",
    .check = check,
};
