/*
 * AC003 secret-in-env-var - a secret written into a runtime's or a
 * harness's environment, where it is neither encrypted nor
 * vault-backed.
 *
 * Flags: a known-format secret, or a value its name makes a secret (the
 * model of secret.h: strong names take any literal, weak names need a
 * generated-looking value), as the literal value of
 * runtimes[*].envVars[*].value, runtimes[*].customDockerBuildArgs (they
 * stay in the image metadata), a harness's environmentVariables, or a
 * harness tool's remoteMcp.headers. Region: the value. A scan cut short
 * by pcre2's match limit becomes a notice.
 * Does not flag: placeholders, references (${VAR}, $VAR, ARNs), values
 * that are never secrets (secret.h), values under ordinary names
 * (AWS_REGION=us-east-1); secrets elsewhere in the JSON (AC014).
 */
#include <stdlib.h>
#include <string.h>

#include "acl/rule.h"
#include "acl/secret.h"
#include "acl/secret_msg.h"

/* Reports value at node (a string value node) when it is a secret.
 * what names the place: "environment variable \"X\" of runtime \"R\"". */
static void
check_value(struct acl_check *c, const struct acl_node *node,
            const char *member, const char *name, size_t nlen,
            const char *value, const char *what, const char *why)
{
    struct acl_secret_match m;
    struct acl_finding *f;
    size_t vlen;
    char *phrase;

    if (value == NULL || node->json == NULL)
        return;
    vlen = member ? json_string_length(json_object_get(node->json, member))
                  : json_string_length(node->json);
    if (!acl_secret_check(name, nlen, value, vlen, &m)) {
        if (m.incomplete)
            acl_secret_incomplete(c->project, node->doc->text, node->ptr);
        return;
    }
    phrase = acl_secret_phrase(&m, value, vlen);
    f = acl_report(c, ACL_ERROR, node, member, "%s holds %s in plain text%s",
                   what, phrase, why);
    f->secret = 1;
    free(phrase);
}

static void
check_runtime(struct acl_check *c, const struct acl_runtime *r)
{
    const char *rn = r->name ? r->name : "";
    size_t i;

    for (i = 0; i < r->nenvvars; i++) {
        const struct acl_envvar *e = &r->envvars[i];
        const char *n = e->name ? e->name : "";
        char *what = acl_xasprintf("environment variable \"%s\" of runtime "
                                   "\"%s\"",
                                   n, rn);

        check_value(c, &e->node, "value", n, strlen(n), e->value, what,
                    ": runtime environment variables are not vault-backed");
        free(what);
    }
    for (i = 0; i < r->nbuild_args; i++) {
        const struct acl_kv *kv = &r->build_args[i];
        char *what = acl_xasprintf("Docker build argument \"%.*s\" of runtime "
                                   "\"%s\"",
                                   (int)kv->key_len, kv->key, rn);

        check_value(c, &kv->node, NULL, kv->key, kv->key_len, kv->value, what,
                    ": build arguments stay in the image metadata");
        free(what);
    }
}

static void
check_harness(struct acl_check *c, const struct acl_harness *h)
{
    const char *hn = h->name ? h->name : "";
    size_t i, k;

    for (i = 0; i < h->nenv; i++) {
        const struct acl_kv *kv = &h->env[i];
        char *what = acl_xasprintf("environment variable \"%.*s\" of harness "
                                   "\"%s\"",
                                   (int)kv->key_len, kv->key, hn);

        check_value(c, &kv->node, NULL, kv->key, kv->key_len, kv->value, what,
                    ": harness environment variables are not vault-backed");
        free(what);
    }
    for (i = 0; i < h->ntools; i++) {
        const struct acl_harness_tool *t = &h->tools[i];

        for (k = 0; k < t->nheaders; k++) {
            const struct acl_kv *kv = &t->headers[k];
            char *what = acl_xasprintf(
                "header \"%.*s\" of remote MCP tool \"%s\" of harness \"%s\"",
                (int)kv->key_len, kv->key, t->name ? t->name : "", hn);

            check_value(c, &kv->node, NULL, kv->key, kv->key_len, kv->value,
                        what, ": harness.json is committed with the code");
            free(what);
        }
    }
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i;

    for (i = 0; i < p->model.nruntimes; i++)
        check_runtime(c, &p->model.runtimes[i]);
    for (i = 0; i < p->model.nharnesses; i++)
        check_harness(c, &p->model.harnesses[i]);
}

const struct acl_rule acl_rule_secret_in_env_var = {
    .id = "AC003",
    .name = "secret-in-env-var",
    .level = ACL_ERROR,
    .flags = ACL_RULE_SECURITY,
    .summary = "a secret is written into an environment variable, build "
               "argument or header in the project files",
    .description =
        "Runtime environment variables (envVars), Docker build arguments "
        "(customDockerBuildArgs), harness environment variables and the "
        "headers of a harness's remote MCP tools are plain text: they are "
        "committed with the project, shown by the AWS console and APIs, "
        "and build arguments stay in the container image's metadata. None "
        "of them is backed by a vault. A value is reported when it holds "
        "a known credential format (AWS access key IDs; Amazon Bedrock, "
        "OpenAI, Anthropic, GitHub, GitLab, Slack, Stripe, Google, Hugging "
        "Face, LangSmith, Langfuse, Tavily, Groq, Pinecone, Perplexity, "
        "xAI, Replicate, npm and SendGrid keys and tokens; Slack "
        "webhooks; private keys (a BEGIN ... PRIVATE KEY line followed "
        "by a body line, whatever the body says); JWTs whose header names "
        "\"alg\" or \"typ\", signed or not; URLs "
        "with a password, Mongo, Redis and AMQP ones included; JDBC, "
        "ADO.NET and libpq connection strings with a password; URLs with "
        "a secret-named query parameter), or when its name says secret. "
        "Strong names (password, passwd, pwd, pass, passphrase, secret, "
        "client_secret, private_key) make any literal with a letter and a "
        "digit or symbol a secret, one that merely starts with '$' "
        "included (values are never shell-expanded); weak names (key, "
        "token, auth, "
        "credential, apikey, bearer, private) need a value that looks "
        "machine-generated: long, mixed character classes, high entropy, "
        "not made of words. Deliberately not flagged: placeholders and "
        "references as whole values (${VAR}, $VAR, {{...}}, <...>, ARNs, "
        "variable names); paths and file names, URLs and hosts without "
        "credentials, e-mail addresses, header names, AWS resource IDs and "
        "aliases (subnet-, sg-, vpc-, alias/), UUIDs under a key-ID name "
        "(KMS_KEY), model IDs, regular expressions, versions, "
        "dictionary-word compounds and CamelCase identifiers such as a "
        "credential provider's name (MemCredEnvOpenAI); values with a "
        "test-fixture marker (fake, dummy, example, sample, test, mock, "
        "redacted) unless they hold a known format; names whose last word "
        "describes the secret (API_KEY_NAME, TOKEN_ENCODING, AUTH_PROVIDER, "
        "API_KEY_HEADER, SECRET_ARN, PRIVATE_SUBNETS) and data keys "
        "(S3_KEY, sort_key, cache_key, primary_key); published sample keys "
        "(AKIA...EXAMPLE; an Amazon Bedrock ABSK key is reported even so) "
        "and samples altered on purpose (a mangled OpenAI T3BlbkFJ "
        "marker, a JWT-shaped value whose header is plain words); "
        "placeholder runs of X, 0, * or # inside a key shape (a run of a "
        "key letter, AKIAZZZZ..., is reported); a PEM header in a "
        "sentence or with a one-word or placeholder body; the word "
        "password as a URL's password on a local host (localhost, or a "
        "single-label compose host such as db); secrets elsewhere in the JSON "
        "(AC014 reports those).",
    .help = "register the secret with \"agentcore add credential\" and use "
            "it by name from a gateway target or from code "
            "(@requires_api_key / @requires_access_token); for local "
            "development put it in agentcore/.env.local, which is "
            "git-ignored and never deployed",
    .example = "Fails:  \"envVars\": [{ \"name\": \"OPENAI_API_KEY\", "
               "\"value\": \"sk-proj-...\" }]\n"
               "Passes: agentcore add credential --name openai --type "
               "api-key, and @requires_api_key(provider_name=\"openai\") "
               "in the agent",
    .precision = "high",
    .security_severity = "9.0",
    .init = acl_secret_init,
    .fini = acl_secret_fini,
    .check = check,
};
