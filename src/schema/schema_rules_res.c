/*
 * schema_rules_res.c - cross-field rules of memories, evaluators, online
 * eval configs, AB tests, payment managers and the harness spec's parts
 * (reference 4.1 and 5.3). Run only on objects whose members passed.
 */
#include <stdlib.h>
#include <string.h>

#include "schema_int.h"

static int
sx_is(json_t *obj, const char *key, const char *value)
{
    const char *s = acl_sx_str(obj, key);

    return s != NULL && strcmp(s, value) == 0;
}

/* ---- Memories --------------------------------------------------------- */

void
acl_sx_rule_memory(struct acl_sx_ctx *cx, json_t *v)
{
    if (acl_sx_len(v, "indexedKeys") > 0 && acl_sx_len(v, "strategies") == 0)
        acl_sx_fail_at(cx, "indexedKeys",
                       "indexedKeys requires at least one memory "
                       "strategy (long-term memory)");
}

/* Byte order of two JSON strings (the shorter first on a tie). */
static int
sx_cmp_strings(const void *a, const void *b)
{
    json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
    size_t nx = json_string_length(x), ny = json_string_length(y);
    int c =
        memcmp(json_string_value(x), json_string_value(y), nx < ny ? nx : ny);

    return c != 0 ? c : (nx > ny) - (nx < ny);
}

/* Is every reflection entry a prefix of some namespace entry? Sorted,
 * the entries that start with r follow r directly, so one binary search
 * per entry does (the lists may be long). */
static int
sx_prefixes_ok(json_t *refl, json_t *ns)
{
    size_t n = json_array_size(ns), i, lo, hi;
    json_t **v = acl_xmalloc((n ? n : 1) * sizeof *v), *r;
    int ok = 1;

    for (i = 0; i < n; i++)
        v[i] = json_array_get(ns, i);
    qsort(v, n, sizeof *v, sx_cmp_strings);
    json_array_foreach (refl, i, r) {
        size_t rl = json_string_length(r);

        for (lo = 0, hi = n; lo < hi;) { /* the first entry >= r */
            size_t mid = lo + (hi - lo) / 2;

            if (sx_cmp_strings(&v[mid], &r) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo == n || json_string_length(v[lo]) < rl ||
            memcmp(json_string_value(v[lo]), json_string_value(r), rl) != 0)
            ok = 0;
    }
    free(v);
    return ok;
}

void
acl_sx_rule_strategy(struct acl_sx_ctx *cx, json_t *v)
{
    json_t *rt = json_object_get(v, "reflectionNamespaceTemplates");
    json_t *rn = json_object_get(v, "reflectionNamespaces");
    json_t *nt = json_object_get(v, "namespaceTemplates");
    json_t *nn = json_object_get(v, "namespaces");
    json_t *refl = rt ? rt : rn, *ns = nt ? nt : nn;
    const char *where = "reflectionNamespaceTemplates";
    int episodic = sx_is(v, "type", "EPISODIC");

    if (json_array_size(nn) > 0 && json_array_size(nt) > 0)
        acl_sx_fail_at(cx, "namespaceTemplates",
                       "'namespaces' and "
                       "'namespaceTemplates' are mutually exclusive (prefer "
                       "'namespaceTemplates'; 'namespaces' is deprecated)");
    if (json_array_size(rn) > 0 && json_array_size(rt) > 0)
        acl_sx_fail_at(cx, where,
                       "'reflectionNamespaces' and "
                       "'reflectionNamespaceTemplates' are mutually exclusive");
    if (!episodic && (rt != NULL || rn != NULL))
        acl_sx_fail_at(cx, where,
                       "'reflectionNamespaceTemplates' is only allowed "
                       "on EPISODIC strategies");
    if (episodic && json_array_size(refl) == 0)
        acl_sx_fail_at(cx, where,
                       "EPISODIC strategy requires "
                       "reflectionNamespaceTemplates");
    if (episodic && refl != NULL && ns != NULL && !sx_prefixes_ok(refl, ns))
        acl_sx_fail_at(cx, where,
                       "Each reflectionNamespaceTemplate must be a "
                       "prefix of at least one namespaceTemplate");
}

/* ---- Evaluators ------------------------------------------------------- */

void
acl_sx_rule_evaluator_config(struct acl_sx_ctx *cx, json_t *v)
{
    acl_sx_exactly_one(cx, v, "llmAsAJudge", "codeBased",
                       "Config must have either llmAsAJudge or codeBased, "
                       "not both");
}

void
acl_sx_rule_rating_scale(struct acl_sx_ctx *cx, json_t *v)
{
    acl_sx_exactly_one(cx, v, "numerical", "categorical",
                       "Rating scale must have either numerical or "
                       "categorical, not both");
}

void
acl_sx_rule_code_based(struct acl_sx_ctx *cx, json_t *v)
{
    acl_sx_exactly_one(cx, v, "managed", "external",
                       "Code-based config must have either managed or "
                       "external, not both");
}

void
acl_sx_rule_online_eval(struct acl_sx_ctx *cx, json_t *v)
{
    int agent = acl_sx_has(v, "agent"), logs = acl_sx_has(v, "logGroupNames");
    int evals = acl_sx_len(v, "evaluators") > 0,
        ins = acl_sx_len(v, "insights") > 0;

    if (!agent && !logs)
        acl_sx_fail_at(cx, NULL,
                       "Either \"agent\" or \"logGroupNames\" must be "
                       "provided");
    if (agent && logs)
        acl_sx_fail_at(cx, NULL,
                       "\"agent\" and \"logGroupNames\" are mutually "
                       "exclusive");
    if (acl_sx_has(v, "endpoint") && !agent)
        acl_sx_fail_at(cx, "endpoint", "\"endpoint\" requires \"agent\"");
    if (acl_sx_has(v, "serviceNames") && !logs)
        acl_sx_fail_at(cx, "serviceNames",
                       "\"serviceNames\" requires "
                       "\"logGroupNames\"");
    if (!evals && !ins)
        acl_sx_fail_at(cx, NULL,
                       "At least one of evaluators or insights must be "
                       "provided");
    if (evals && ins)
        acl_sx_fail_at(cx, NULL,
                       "Cannot have both evaluators and insights "
                       "(preview constraint)");
    if (acl_sx_has(v, "clusteringConfig") && !ins)
        acl_sx_fail_at(cx, "clusteringConfig",
                       "clusteringConfig requires insights "
                       "to be set");
}

/* ---- AB tests and payments -------------------------------------------- */

void
acl_sx_rule_ab_test(struct acl_sx_ctx *cx, json_t *v)
{
    json_t *vars = json_object_get(v, "variants"), *var;
    int has_c = 0, has_t = 0, all_ok = 1;
    int target_based = sx_is(v, "mode", "target-based");
    double sum = 0;
    size_t i;

    json_array_foreach (vars, i, var) {
        json_t *vc = json_object_get(var, "variantConfiguration");

        has_c |= sx_is(var, "name", "C");
        has_t |= sx_is(var, "name", "T1");
        sum += json_number_value(json_object_get(var, "weight"));
        if (!acl_sx_has(vc, target_based ? "target" : "configurationBundle"))
            all_ok = 0;
    }
    if (!has_c || !has_t)
        acl_sx_fail_at(cx, "variants",
                       "Variants must include exactly one control "
                       "(C) and one treatment (T1)");
    if (sum != 100)
        acl_sx_fail_at(cx, "variants", "Variant weights must sum to 100");
    if (!all_ok)
        acl_sx_fail_at(cx, "variants",
                       "Target-based mode requires target on each "
                       "variant; config-bundle mode requires "
                       "configurationBundle");
}

void
acl_sx_rule_payment(struct acl_sx_ctx *cx, json_t *v)
{
    if (sx_is(v, "authorizerType", "CUSTOM_JWT") &&
        !acl_sx_has(json_object_get(v, "authorizerConfiguration"),
                    "customJWTAuthorizer"))
        acl_sx_fail_at(
            cx, "authorizerConfiguration",
            "authorizerConfiguration with customJWTAuthorizer is required "
            "when authorizerType is CUSTOM_JWT");
}

/* ---- Harness parts ---------------------------------------------------- */

void
acl_sx_rule_harness_model(struct acl_sx_ctx *cx, json_t *v)
{
    const char *p = acl_sx_str(v, "provider");
    int bedrock = strcmp(p, "bedrock") == 0, openai = strcmp(p, "open_ai") == 0;
    int gemini = strcmp(p, "gemini") == 0, lite = strcmp(p, "lite_llm") == 0;

    if (acl_sx_has(v, "topK") && !gemini)
        acl_sx_fail_at(cx, "topK",
                       "topK is only supported for the \"gemini\" "
                       "provider");
    if (acl_sx_has(v, "apiFormat") && !bedrock && !openai)
        acl_sx_fail_at(cx, "apiFormat",
                       "apiFormat is only supported for the "
                       "bedrock and open_ai providers");
    else if (openai && sx_is(v, "apiFormat", "converse_stream"))
        acl_sx_fail_at(cx, "apiFormat",
                       "Invalid API format for open_ai: "
                       "converse_stream. Use responses, "
                       "chat_completions");
    if (!acl_sx_has(v, "apiKeyArn") && (openai || gemini))
        acl_sx_fail_at(cx, "apiKeyArn",
                       "apiKeyArn is required for the \"%s\" "
                       "provider",
                       p);
    if (acl_sx_has(v, "apiBase") && !lite)
        acl_sx_fail_at(cx, "apiBase",
                       "apiBase is only supported for the "
                       "\"lite_llm\" provider");
    if (acl_sx_has(v, "additionalParams") && !lite)
        acl_sx_fail_at(cx, "additionalParams",
                       "additionalParams is only supported "
                       "for the \"lite_llm\" provider");
}

/* Tool types and the config key each needs (the union's option order). */
static const char *const sx_tool_keys[][2] = {
    {"remote_mcp", "remoteMcp"},
    {"agentcore_browser", "agentCoreBrowser"},
    {"agentcore_code_interpreter", "agentCoreCodeInterpreter"},
    {"agentcore_gateway", "agentCoreGateway"},
    {"inline_function", "inlineFunction"},
};

void
acl_sx_rule_harness_tool(struct acl_sx_ctx *cx, json_t *v)
{
    const char *type = acl_sx_str(v, "type"), *want = "";
    json_t *config = json_object_get(v, "config");
    size_t i;
    int won;

    for (i = 0; i < ACL_ARRAY_LEN(sx_tool_keys); i++)
        if (strcmp(type, sx_tool_keys[i][0]) == 0)
            want = sx_tool_keys[i][1];
    if (config == NULL) {
        if (strcmp(type, "agentcore_browser") != 0 &&
            strcmp(type, "agentcore_code_interpreter") != 0)
            acl_sx_fail_at(cx, "config",
                           "Tool type \"%s\" requires a \"%s\" config", type,
                           want);
        return;
    }
    /* The first option that fits wins and strips the other keys. */
    won = acl_sx_first_match(cx, &acl_sx_harness_tool_config, config);
    if (won >= 0 && strcmp(sx_tool_keys[won][1], want) != 0)
        acl_sx_fail_at(cx, "config",
                       "Tool type \"%s\" requires \"%s\" config, got "
                       "\"%s\"",
                       type, want, sx_tool_keys[won][1]);
}

void
acl_sx_rule_harness_gateway(struct acl_sx_ctx *cx, json_t *v)
{
    if (acl_sx_has(v, "credentialProviderName"))
        acl_sx_fail_at(cx, "credentialProviderName",
                       "credentialProviderName is no "
                       "longer supported; use outboundAuth instead, e.g. "
                       "{\"awsIam\": {}} or {\"oauth\": {\"providerArn\": ..., "
                       "\"scopes\": [...]}}");
}

void
acl_sx_rule_existing_memory(struct acl_sx_ctx *cx, json_t *v)
{
    if (!acl_sx_has(v, "arn") && !acl_sx_has(v, "name"))
        acl_sx_fail_at(cx, NULL, "existing memory requires `arn` or `name`");
    if (acl_sx_has(v, "arn") && acl_sx_has(v, "retrievalConfig"))
        acl_sx_fail_at(
            cx, "retrievalConfig",
            "retrievalConfig is not supported "
            "when memory is referenced by `arn`; reference it by `name` "
            "only, or drop retrievalConfig");
}

void
acl_sx_rule_retrieval(struct acl_sx_ctx *cx, json_t *v)
{
    if (!acl_sx_has(v, "topK") && !acl_sx_has(v, "relevanceScore"))
        acl_sx_fail_at(cx, NULL,
                       "retrievalConfig must specify at least one of topK "
                       "or relevanceScore");
}

void
acl_sx_rule_truncation(struct acl_sx_ctx *cx, json_t *v)
{
    const char *s = acl_sx_str(v, "strategy");
    json_t *config = json_object_get(v, "config");
    const char *got, *want;

    if (config == NULL)
        return;
    got =
        acl_sx_has(config, "slidingWindow") ? "slidingWindow" : "summarization";
    want = strcmp(s, "sliding_window") == 0  ? "slidingWindow"
           : strcmp(s, "summarization") == 0 ? "summarization"
                                             : NULL;
    if (want == NULL)
        acl_sx_fail_at(cx, "config",
                       "Truncation strategy \"%s\" does not take a "
                       "config",
                       s);
    else if (strcmp(want, got) != 0)
        acl_sx_fail_at(cx, "config",
                       "Truncation strategy \"%s\" requires a \"%s\" "
                       "config, got \"%s\"",
                       s, want, got);
}
