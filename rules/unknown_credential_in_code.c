/*
 * AC028 unknown-credential-in-code - agent code asks AgentCore Identity
 * for a credential the project does not define, or for the wrong kind.
 *
 * Understands (codeflow.h): Python @requires_api_key(provider_name=...)
 * and @requires_access_token(provider_name=..., ...) from
 * bedrock_agentcore.identity (also called as functions, or as
 * attributes: @auth.requires_api_key), and the TypeScript SDK's
 * withApiKey({ providerName }) / withAccessToken({ providerName }) (and
 * requiresApiKey / requiresAccessToken); the name as a literal or a
 * constant of the file. The name must be one of agentcore.json's
 * credentials, exactly (the comparison is case-sensitive, as the
 * service's), and of the kind the call fetches: an API key
 * (ApiKeyCredentialProvider) or an OAuth token (OAuthCredentialProvider).
 * Does not flag: names computed at run time; credentials of a kind the
 * model does not know; IdentityClient calls made by hand; test files.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/codeflow.h"
#include "acl/lookup.h"
#include "acl/rule.h"
#include "acl/suggest.h"

static int
wants_api_key(const char *callee)
{
    return strstr(callee, "api_key") != NULL ||
           strstr(callee, "ApiKey") != NULL;
}

/* " (did you mean \"X\"?)" or "". */
static char *
did_you_mean(const struct acl_project *p, const char *name)
{
    const char **cands = acl_xcalloc(p->model.ncredentials + 1, sizeof *cands);
    const char *best;
    char *s;
    size_t i;

    for (i = 0; i < p->model.ncredentials; i++)
        cands[i] = p->model.credentials[i].name;
    best = acl_suggest(name, cands, p->model.ncredentials);
    s = best != NULL ? acl_xasprintf(" (did you mean \"%s\"?)", best)
                     : acl_xstrdup(p->model.ncredentials == 0
                                       ? " (the project has no credential)"
                                       : "");
    free(cands);
    return s;
}

static void
check_arg(struct acl_check *c, const struct acl_source *src,
          const struct acl_code_arg *a)
{
    const struct acl_project *p = c->project;
    const struct acl_credential *cr = acl_find_credential(p, a->value);
    int api = wants_api_key(a->callee);
    const char *owner = src->owner ? src->owner : "";

    if (cr == NULL) {
        char *h = did_you_mean(p, a->value);

        acl_report_span(c, ACL_ERROR, src->text, a->at, NULL,
                        "agent \"%s\" calls %s for credential \"%s\", which "
                        "agentcore.json does not define, so the call fails "
                        "the first time it runs%s",
                        owner, a->callee, a->value, h);
        free(h);
        return;
    }
    if ((api && cr->kind == ACL_CRED_OAUTH) ||
        (!api && cr->kind == ACL_CRED_API_KEY))
        acl_report_span(c, ACL_ERROR, src->text, a->at, NULL,
                        "agent \"%s\" calls %s for credential \"%s\", but "
                        "that credential is %s, so the call fails the first "
                        "time it runs; use %s",
                        owner, a->callee, a->value,
                        api ? "an OAuth credential" : "an API key",
                        api ? "@requires_access_token (withAccessToken)"
                            : "@requires_api_key (withApiKey)");
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, k;

    for (i = 0; i < p->files.nsources; i++) {
        const struct acl_code_file *f = p->files.sources[i].code;

        /* Tests mock the identity service or never reach it: their
         * made-up provider names fail nothing. */
        if (f != NULL && f->test_file)
            continue;
        for (k = 0; f != NULL && k < f->nargs; k++)
            if (strcmp(f->args[k].key, "provider_name") == 0 ||
                strcmp(f->args[k].key, "providerName") == 0)
                check_arg(c, &p->files.sources[i], &f->args[k]);
    }
}

const struct acl_rule acl_rule_unknown_credential_in_code = {
    .id = "AC028",
    .name = "unknown-credential-in-code",
    .level = ACL_ERROR,
    .flags = ACL_RULE_NEEDS_SOURCES,
    .summary = "agent code fetches a credential the project does not "
               "define, or of the wrong kind",
    .description =
        "@requires_api_key(provider_name=\"x\") and "
        "@requires_access_token(provider_name=\"x\", ...) from "
        "bedrock_agentcore.identity, and the TypeScript SDK's "
        "withApiKey({ providerName }) and withAccessToken({ providerName "
        "}), fetch a credential registered with \"agentcore add "
        "credential\". A name that is not among agentcore.json's "
        "credentials (the comparison is exact and case-sensitive), or an "
        "API-key call for an OAuth credential and the other way round, "
        "fails the first time the decorated function runs. Understood: "
        "the decorators and wrappers, called directly or as attributes, "
        "with the name as a literal or a constant of the file. Not "
        "flagged: names computed at run time, credentials of another "
        "kind (payment), IdentityClient calls made by hand, test files "
        "(tests/, test_*.py, *.test.ts, ...), which mock the service.",
    .help = "name a credential of agentcore.json's credentials exactly, "
            "of the kind the call fetches, or add it with \"agentcore add "
            "credential\"",
    .example = "Fails:  credentials: [{\"name\": \"OpenAI\", ...}]; "
               "@requires_api_key(provider_name=\"openai\")\n"
               "Passes: @requires_api_key(provider_name=\"OpenAI\")",
    .precision = "high",
    .check = check,
};
