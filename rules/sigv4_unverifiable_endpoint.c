/*
 * AC008 sigv4-unverifiable-endpoint - IAM outbound auth to a host that
 * does not check the signature.
 *
 * Flags: a target with outboundAuth.type "GATEWAY_IAM_ROLE" whose
 * endpoint ("endpoint", or "passthrough.endpoint") has a host other than
 * AgentCore Runtime (bedrock-agentcore.<region>.amazonaws.com), an
 * AgentCore gateway (*.gateway.bedrock-agentcore.*, under an AWS
 * domain: a look-alike such as x.gateway.bedrock-agentcore.evil.com is
 * not one), API Gateway (*.execute-api.*.amazonaws.com) or a Lambda
 * function URL (*.lambda-url.*.on.aws). An ALB, EC2 instance or any
 * other server receives the SigV4 signature and serves the request
 * without checking it, so the tool is open to anyone who can reach it.
 * This holds whatever the target type: where the CLI also forbids
 * GATEWAY_IAM_ROLE (an mcpServer target, say), AC007 reports that too.
 * Does not flag: targets without an endpoint or without a host in it.
 */
#include <stdlib.h>

#include "acl/lookup.h"
#include "acl/rule.h"
#include "acl/url.h"

/* Hosts of AWS services that verify a SigV4 signature themselves. */
static const char *const verifying_hosts[] = {
    "bedrock-agentcore.*.amazonaws.com",
    "bedrock-agentcore.*.amazonaws.com.cn",
    "*.gateway.bedrock-agentcore.*.amazonaws.com",
    "*.gateway.bedrock-agentcore.*.amazonaws.com.cn",
    "*.execute-api.*.amazonaws.com",
    "*.execute-api.*.amazonaws.com.cn",
    "*.lambda-url.*.on.aws",
};

static int
verifies_sigv4(const char *host)
{
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(verifying_hosts); i++)
        if (acl_url_host_matches(host, verifying_hosts[i]))
            return 1;
    return 0;
}

static void
check_endpoint(struct acl_check *c, const struct acl_target *t, const char *url,
               const char *member)
{
    struct acl_url u;
    char *label;

    if (url == NULL || acl_url_parse(url, &u) != 0)
        return;
    if (u.host[0] == '\0' || verifies_sigv4(u.host)) {
        acl_url_clear(&u);
        return;
    }
    label = acl_target_label(t);
    acl_report(c, ACL_WARNING, &t->node, member,
               "%s signs its requests with the gateway's IAM role (SigV4), "
               "but its endpoint host \"%.*s\" is not an AWS service that "
               "verifies the signature (AgentCore Runtime or Gateway, API "
               "Gateway, Lambda function URL): the tool behind it may accept "
               "any caller",
               label, 200, u.host);
    free(label);
    acl_url_clear(&u);
}

static void
check(struct acl_check *c)
{
    size_t i, n = acl_targets_count(c->project);

    for (i = 0; i < n; i++) {
        const struct acl_target *t = acl_targets_at(c->project, i);

        if (t->auth_type != ACL_AUTH_GATEWAY_IAM_ROLE)
            continue;
        check_endpoint(c, t, t->endpoint, "endpoint");
        check_endpoint(c, t, t->passthrough_endpoint, "passthrough/endpoint");
    }
}

const struct acl_rule acl_rule_sigv4_unverifiable_endpoint = {
    .id = "AC008",
    .name = "sigv4-unverifiable-endpoint",
    .level = ACL_WARNING,
    .flags = ACL_RULE_SECURITY,
    .summary = "IAM (SigV4) outbound auth to an endpoint that cannot verify "
               "it",
    .description =
        "With GATEWAY_IAM_ROLE outbound auth the gateway signs each request "
        "with its IAM role (AWS SigV4). Only AWS services check such a "
        "signature: AgentCore Runtime, AgentCore Gateway, API Gateway with "
        "IAM authorization and Lambda function URLs with AWS_IAM auth. An "
        "Application Load Balancer, an EC2 instance or any other server "
        "accepts the request whatever the signature says, so the tool "
        "behind it is open to anyone who can reach it, and the IAM role "
        "gives a false sense of protection. An API Gateway custom domain "
        "does verify SigV4 but cannot be told apart from other hosts; "
        "suppress the finding for it.",
    .help = "use OAUTH outbound auth for endpoints that are not AWS services, "
            "or put the tool behind API Gateway with IAM authorization or a "
            "Lambda function URL with AWS_IAM auth",
    .example =
        "Fails:  \"passthrough\": { \"endpoint\": "
        "\"https://tools.internal.example.com/v1\" },\n"
        "        \"outboundAuth\": { \"type\": \"GATEWAY_IAM_ROLE\", "
        "\"service\": \"execute-api\" }\n"
        "Passes: \"passthrough\": { \"endpoint\": "
        "\"https://a1b2c3.execute-api.us-east-1.amazonaws.com/prod\" },\n"
        "        \"outboundAuth\": { \"type\": \"GATEWAY_IAM_ROLE\", "
        "\"service\": \"execute-api\" }",
    .precision = "medium",
    .security_severity = "6.5",
    .check = check,
};
