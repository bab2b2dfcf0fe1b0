/*
 * AC029 hardcoded-aws-credentials - agent code gives an AWS SDK client
 * literal access keys.
 *
 * Understands (codeflow.h): Python keyword arguments
 * aws_access_key_id=, aws_secret_access_key=, aws_session_token= of
 * any call (boto3.client, boto3.resource, boto3.Session,
 * session.client ...) and the same keys in a dict (kwargs for boto3);
 * credentials given by position to the calls that take them, told by
 * their imports under any alias: botocore's Credentials /
 * ReadOnlyCredentials(access_key, secret_key, token) (and its
 * access_key= / secret_key= / token=), session.set_credentials(...),
 * boto3's and aioboto3's Session(...), boto3.client / resource(...)'s
 * seventh to ninth arguments, the JavaScript v2 SDK's new
 * AWS.Credentials(...); JavaScript object members accessKeyId,
 * secretAccessKey, sessionToken (the v3 SDK's credentials: {...}); each
 * given a string literal or a constant of the file that looks like a
 * value. Not another library's Credentials (google.oauth2) nor
 * botocore's Session, whose arguments are no keys. In test files (tests/, test_*.py, conftest.py, *.test.ts ...)
 * only values in the format of a real AWS key are reported: tests
 * often give moto or LocalStack made-up keys.
 * Does not flag: values read from the environment or a parameter,
 * placeholders, empty strings.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/codeflow.h"
#include "acl/rule.h"
#include "acl/secret.h"

static int
aws_key(const struct acl_code_arg *a)
{
    return strcmp(a->callee, "boto3") == 0 ||
           strcmp(a->callee, "credentials") == 0;
}

static void
check_arg(struct acl_check *c, const struct acl_source *src,
          const struct acl_code_arg *a)
{
    size_t n = strlen(a->value);
    struct acl_finding *f;
    char preview[32];

    if (n == 0 || !acl_secret_value(a->value, n) ||
        (src->code->test_file && !acl_secret_known(a->value, n, NULL)))
        return;
    acl_secret_preview(a->value, n, preview);
    f = acl_report_span(c, ACL_ERROR, src->text, a->at, NULL,
                        "agent \"%s\" gives an AWS SDK client a hard-coded "
                        "%s (%s): the key is in the code and its artifact, "
                        "and it overrides the runtime's execution role",
                        src->owner ? src->owner : "", a->key, preview);
    f->secret = 1;
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    size_t i, k;

    for (i = 0; i < p->files.nsources; i++) {
        const struct acl_code_file *f = p->files.sources[i].code;

        for (k = 0; f != NULL && k < f->nargs; k++)
            if (aws_key(&f->args[k]))
                check_arg(c, &p->files.sources[i], &f->args[k]);
    }
}

const struct acl_rule acl_rule_hardcoded_aws_credentials = {
    .id = "AC029",
    .name = "hardcoded-aws-credentials",
    .level = ACL_ERROR,
    .flags = ACL_RULE_SECURITY | ACL_RULE_NEEDS_SOURCES,
    .summary = "agent code gives an AWS SDK client literal access keys",
    .description =
        "An agent on AgentCore Runtime calls AWS with its execution role; "
        "boto3.client/resource/Session(aws_access_key_id=\"...\", "
        "aws_secret_access_key=\"...\") or the JavaScript v3 SDK's "
        "credentials: { accessKeyId: \"...\", secretAccessKey: \"...\" } "
        "with literal values puts a long-lived key into the code and its "
        "artifact and bypasses the role. Understood: those keyword "
        "arguments and members in any call, object or dict, given a "
        "literal or a constant of the file (also the shorthand { "
        "accessKeyId }); keys given by position to botocore's "
        "Credentials / ReadOnlyCredentials(access_key, secret_key, token) "
        "(and their keywords), session.set_credentials(), boto3.Session(), "
        "boto3.client()/resource() and the v2 SDK's new "
        "AWS.Credentials(), under any import alias. Not flagged: another "
        "library's Credentials; values from the "
        "environment or parameters, placeholders, empty strings; in test "
        "files, made-up keys not in the format of a real AWS key.",
    .help = "remove the keys and let the SDK use the runtime's execution "
            "role (grant it the permissions the call needs); revoke the "
            "key",
    .example = "Fails:  boto3.client(\"s3\", aws_access_key_id=\"AKIA...\", "
               "aws_secret_access_key=\"...\")\n"
               "Passes: boto3.client(\"s3\")",
    .precision = "high",
    .security_severity = "9.0",
    .init = acl_secret_init,
    .fini = acl_secret_fini,
    .check = check,
};
