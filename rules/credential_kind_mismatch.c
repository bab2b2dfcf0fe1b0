/*
 * AC010 credential-kind-mismatch - outbound auth that names a credential
 * of the wrong kind.
 *
 * Flags, for a target whose outboundAuth.credentialName names an
 * existing credential:
 * - type OAUTH and a credential that is not an OAuthCredentialProvider
 *   (an API-key or payment credential);
 * - type API_KEY and a credential that is not an
 *   ApiKeyCredentialProvider (an OAuth or payment credential);
 * - type OAUTH or API_KEY and a credential with "usage": "inbound" (the
 *   client a gateway or harness uses to check callers, not to call
 *   tools).
 * Does not flag: mcpServer targets naming an API-key credential or using
 *   API_KEY (AC002); credentials that do not exist (AC009); other auth
 *   types, which do not use the credential.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/lookup.h"
#include "acl/rule.h"

static const char *
kind_text(enum acl_cred_kind k)
{
    return k == ACL_CRED_API_KEY   ? "an API-key credential"
           : k == ACL_CRED_OAUTH   ? "an OAuth credential"
           : k == ACL_CRED_PAYMENT ? "a payment credential"
                                   : "a credential of unknown kind";
}

/* The kind the auth type needs. */
static enum acl_cred_kind
wanted_kind(enum acl_auth_type a)
{
    return a == ACL_AUTH_OAUTH ? ACL_CRED_OAUTH : ACL_CRED_API_KEY;
}

static void
check_target(struct acl_check *c, const struct acl_target *t)
{
    const struct acl_credential *cr;
    char *label;

    if (t->auth_type != ACL_AUTH_OAUTH && t->auth_type != ACL_AUTH_API_KEY)
        return;
    cr = acl_find_credential_n(c->project, t->credential_name,
                               t->credential_name_len);
    if (cr == NULL || cr->kind == ACL_CRED_OTHER)
        return;
    if (t->type == ACL_TT_MCP_SERVER &&
        (t->auth_type == ACL_AUTH_API_KEY || cr->kind == ACL_CRED_API_KEY))
        return; /* AC002 */
    label = acl_target_label(t);
    if (cr->kind != wanted_kind(t->auth_type))
        acl_report(c, ACL_ERROR, &t->node, "outboundAuth/credentialName",
                   "%s uses %s outbound auth with credential \"%s\", which "
                   "is %s (%s)",
                   label, t->auth_type_text, t->credential_name,
                   kind_text(cr->kind),
                   t->auth_type == ACL_AUTH_OAUTH
                       ? "OAUTH needs an OAuthCredentialProvider"
                       : "API_KEY needs an ApiKeyCredentialProvider");
    else if (cr->usage != NULL && strcmp(cr->usage, "inbound") == 0)
        acl_report(c, ACL_ERROR, &t->node, "outboundAuth/credentialName",
                   "%s uses credential \"%s\" for outbound auth, but that "
                   "credential has \"usage\": \"inbound\": it checks callers "
                   "of a gateway or harness and cannot call tools",
                   label, t->credential_name);
    free(label);
}

static void
check(struct acl_check *c)
{
    acl_each_target(c, check_target);
}

const struct acl_rule acl_rule_credential_kind_mismatch = {
    .id = "AC010",
    .name = "credential-kind-mismatch",
    .level = ACL_ERROR,
    .summary = "outbound auth names a credential of the wrong kind",
    .description =
        "A target's outbound auth type decides what the gateway does with "
        "the credential it names: OAUTH fetches a token with an OAuth "
        "client (OAuthCredentialProvider), API_KEY sends a stored key "
        "(ApiKeyCredentialProvider). Naming a credential of the other kind "
        "cannot work, and the CLI does not notice. OAuth credentials with "
        "\"usage\": \"inbound\" are the clients a CUSTOM_JWT gateway or "
        "harness uses to check its own callers; they are not meant to call "
        "tools.",
    .help = "name a credential of the kind the auth type needs (OAUTH: "
            "`agentcore add credential --type oauth`; API_KEY: an API-key "
            "credential), or change the auth type to match the credential",
    .example = "Fails:  \"credentials\": [{ \"authorizerType\": "
               "\"ApiKeyCredentialProvider\", \"name\": \"orders-key\" }],\n"
               "        ... \"outboundAuth\": { \"type\": \"OAUTH\", "
               "\"credentialName\": \"orders-key\" }\n"
               "Passes: ... \"outboundAuth\": { \"type\": \"API_KEY\", "
               "\"credentialName\": \"orders-key\" }",
    .precision = "very-high",
    .check = check,
};
