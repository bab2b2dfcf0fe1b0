/*
 * schema_checks.c - refinements on single values (the schema's .refine()
 * calls on one string or array): reserved names, tag keys, Dockerfile
 * paths, build-arg values, header names, OIDC URLs, S3 URIs, prompts.
 */
#include <string.h>

#include "schema_int.h"

static const char *const sx_reserved_projects[] = {"anthropic",
                                                   "autogen",
                                                   "autogenagentchat",
                                                   "autogenext",
                                                   "bedrock",
                                                   "bedrockagentcore",
                                                   "googleadk",
                                                   "googlegenerativeai",
                                                   "langchain",
                                                   "langchainanthropic",
                                                   "langchainaws",
                                                   "langchaingooglegenai",
                                                   "langchainmcpadapters",
                                                   "langchainopenai",
                                                   "langgraph",
                                                   "mcp",
                                                   "openai",
                                                   "openaiagents",
                                                   "strands",
                                                   "strandsagents",
                                                   "strandsagentstools",
                                                   "agui",
                                                   "aguistrands",
                                                   "aguilanggraph",
                                                   "aguiadk",
                                                   "aguiprotocol",
                                                   "vercelai",
                                                   "aisdk",
                                                   "httpx",
                                                   "pytest",
                                                   "pytestasyncio",
                                                   "pythondotenv",
                                                   "hatchling",
                                                   "setuptools",
                                                   "wheel",
                                                   "awsopentelemetrydistro",
                                                   "boto3",
                                                   "botocore",
                                                   "test",
                                                   "tests",
                                                   "src",
                                                   "lib",
                                                   "dist",
                                                   "build",
                                                   "env",
                                                   "venv",
                                                   "site",
                                                   "pip",
                                                   "uv"};

/* Does s (n bytes) start with prefix, ignoring ASCII case? */
static int
sx_iprefix(const char *s, size_t n, const char *prefix)
{
    size_t i, k = strlen(prefix);

    if (n < k)
        return 0;
    for (i = 0; i < k; i++)
        if (acl_ascii_lower((unsigned char)s[i]) != prefix[i])
            return 0;
    return 1;
}

void
acl_sx_check_project_name(struct acl_sx_ctx *cx, json_t *v)
{
    size_t i;

    /* The pattern already limits the name to ASCII letters and digits,
     * so ASCII lower-casing is JavaScript's toLowerCase here. */
    for (i = 0; i < ACL_ARRAY_LEN(sx_reserved_projects); i++)
        if (acl_strieq(json_string_value(v), sx_reserved_projects[i]))
            acl_sx_fail(cx,
                        "is a reserved name (it conflicts with the package "
                        "dependency \"%s\"); choose another project name",
                        sx_reserved_projects[i]);
}

void
acl_sx_check_not_blank(struct acl_sx_ctx *cx, json_t *v)
{
    size_t a, e;

    acl_sx_trim(json_string_value(v), json_string_length(v), &a, &e);
    if (a == e)
        acl_sx_fail(cx, "must contain at least one non-whitespace character");
}

void
acl_sx_check_tag_key(struct acl_sx_ctx *cx, json_t *v)
{
    acl_sx_check_not_blank(cx, v);
    if (acl_starts_with(json_string_value(v), "aws:"))
        acl_sx_fail(cx, "must not start with \"aws:\" (reserved for AWS tags)");
}

void
acl_sx_check_dockerfile(struct acl_sx_ctx *cx, json_t *v)
{
    const char *s = json_string_value(v), *seg = s;
    size_t i, n = json_string_length(v);
    int ok = n > 0 && s[0] != '/';

    for (i = 0; ok && i <= n; i++) {
        if (i == n || s[i] == '/') {
            size_t len = (size_t)(s + i - seg);

            if (len == 0 || (len == 2 && seg[0] == '.' && seg[1] == '.'))
                ok = 0;
            seg = s + i + 1;
        } else if (!((s[i] >= 'A' && s[i] <= 'Z') ||
                     (s[i] >= 'a' && s[i] <= 'z') ||
                     (s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
                     s[i] == '_' || s[i] == '-')) {
            ok = 0;
        }
    }
    if (!ok)
        acl_sx_fail(
            cx, "must be a relative path inside the build context: letters, "
                "digits, '.', '_', '-' and '/', no leading '/', no empty or "
                "'..' segment");
}

void
acl_sx_check_build_arg(struct acl_sx_ctx *cx, json_t *v)
{
    const char *s = json_string_value(v);
    size_t i, n = json_string_length(v);

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];

        if (c < 0x20 || c == 0x7f) {
            acl_sx_fail(cx, "must not contain control characters (newlines and "
                            "tabs included)");
            return;
        }
    }
}

void
acl_sx_check_header(struct acl_sx_ctx *cx, json_t *v)
{
    const char *s = json_string_value(v);
    size_t n = json_string_length(v);

    if (sx_iprefix(s, n, "x-amz-"))
        acl_sx_fail(cx,
                    "is reserved: headers starting with x-amz- are used for "
                    "AWS request signing");
    else if (sx_iprefix(s, n, "x-amzn-") &&
             !sx_iprefix(s, n, "x-amzn-bedrock-agentcore-runtime-custom-"))
        acl_sx_fail(cx, "is reserved: x-amzn- headers are allowed only as "
                        "X-Amzn-Bedrock-AgentCore-Runtime-Custom-*");
}

void
acl_sx_check_oidc_url(struct acl_sx_ctx *cx, json_t *v)
{
    static const char suffix[] = "/.well-known/openid-configuration";
    size_t n;
    char *u = acl_sx_url_clean(json_string_value(v), json_string_length(v), &n);

    if (n < 8 || memcmp(u, "https://", 8) != 0)
        acl_sx_fail(cx, "must use HTTPS (an OIDC discovery URL starting with "
                        "https://)");
    if (n < sizeof suffix - 1 ||
        memcmp(u + n - (sizeof suffix - 1), suffix, sizeof suffix - 1) != 0)
        acl_sx_fail(cx, "must end with '%s'", suffix);
    free(u);
}

void
acl_sx_check_claim_name(struct acl_sx_ctx *cx, json_t *v)
{
    if (strcmp(json_string_value(v), "client_id") == 0 &&
        json_string_length(v) == 9)
        acl_sx_fail(cx, "cannot be a reserved claim name (client_id)");
}

void
acl_sx_check_s3_uri(struct acl_sx_ctx *cx, json_t *v)
{
    const char *s = json_string_value(v), *slash;
    size_t n = json_string_length(v);
    int ok = acl_sx_pattern_match(cx, ACL_PAT_S3_URI, s, n);

    if (ok) { /* the bucket: between s3:// and the next '/' */
        slash = memchr(s + 5, '/', n - 5);
        ok = acl_sx_pattern_match(cx, ACL_PAT_S3_BUCKET, s + 5,
                                  slash ? (size_t)(slash - s - 5) : n - 5);
    }
    if (!ok)
        acl_sx_fail(cx, "must be an s3:// URI with a valid S3 bucket name "
                        "(3-63 lower-case letters, digits, '.' and '-')");
}

/* Is the trimmed prompt a legacy file path: no whitespace, and "./" or
 * "../" in front or ".md" or ".txt" (any case) at the end? */
static int
sx_legacy_prompt_path(const char *s, size_t n)
{
    if (acl_sx_has_space(s, n))
        return 0;
    if (sx_iprefix(s, n, "./") || sx_iprefix(s, n, "../"))
        return 1;
    return (n >= 3 && sx_iprefix(s + n - 3, 3, ".md")) ||
           (n >= 4 && sx_iprefix(s + n - 4, 4, ".txt"));
}

void
acl_sx_check_system_prompt(struct acl_sx_ctx *cx, json_t *v)
{
    const char *s = json_string_value(v);
    size_t a, e;

    acl_sx_trim(s, json_string_length(v), &a, &e);
    if (a == e) {
        acl_sx_fail(cx, "must not be empty or whitespace-only");
        return;
    }
    if (sx_legacy_prompt_path(s + a, e - a))
        acl_sx_fail(cx, "looks like a file path; it is always literal text now "
                        "(put a file-backed prompt in system-prompt.md next to "
                        "harness.json, or inline the text)");
}

void
acl_sx_check_no_http_gateways(struct acl_sx_ctx *cx, json_t *v)
{
    if (json_array_size(v) > 0)
        acl_sx_fail(cx, "is deprecated and must be empty: migrate to "
                        "agentCoreGateways with protocolType \"None\", or use "
                        "\"agentcore import gateway\"");
}

void
acl_sx_check_container_uri(struct acl_sx_ctx *cx, json_t *v)
{
    const char *s = json_string_value(v), *tag = strchr(s, ':'), *at;

    /* The pattern's tag part, [^:@]{1,300}, counts UTF-16 code units in
     * JavaScript (no u flag) but code points in PCRE2: recount it. The
     * first ':' starts the tag (host and path hold none). */
    if (tag == NULL)
        return;
    tag++;
    at = strchr(tag, '@');
    if (acl_sx_utf16_len(tag, at ? (size_t)(at - tag) : strlen(tag)) > 300)
        acl_sx_fail(cx, "must match %s (%s)",
                    acl_sx_pattern_js(ACL_PAT_CONTAINER_URI),
                    acl_sx_pattern_desc(ACL_PAT_CONTAINER_URI));
}
