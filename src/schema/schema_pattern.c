/*
 * schema_pattern.c - the schema's regular expressions, written exactly as
 * the CLI's JavaScript regexes (so they can be checked against the
 * reference), translated to PCRE2 and compiled once on first use. A
 * pattern that does not compile fails a unit test (which compiles them
 * all) and, should one slip through, makes the check incomplete, never
 * a pass. Matching goes through regex.h, with its match limit.
 *
 * JavaScript and PCRE2 differ in three places that matter here, so the
 * translation rewrites them: JS "\s" is its own whitespace set (with
 * U+FEFF, without U+0085); JS "." stops only at \n, \r, U+2028 and
 * U+2029; JS "$" (no m flag) matches only at the very end. \d and \w stay
 * ASCII because PCRE2_UCP is not set; \p{L} and \p{N} work in UTF mode.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/regex.h"
#include "schema_int.h"

struct sx_pattern {
    const char *js;   /* the JavaScript source, anchors included */
    const char *desc; /* what it means, for messages; may be NULL */
};

#define AWS_ID(p) "^" p "-(?:[0-9a-f]{8}|[0-9a-f]{17})$"

static const struct sx_pattern sx_patterns[ACL_PAT_COUNT] = {
    [ACL_PAT_PROJECT_NAME] =
        {"^[A-Za-z][A-Za-z0-9]{0,22}$",
         "1-23 letters and digits, starting with a letter"},
    [ACL_PAT_NAME48] =
        {"^[a-zA-Z][a-zA-Z0-9_]{0,47}$",
         "1-48 letters, digits and underscores, starting with a letter"},
    [ACL_PAT_NAME48_UPPER] =
        {"^[A-Za-z][A-Za-z0-9_]{0,47}$",
         "1-48 letters, digits and underscores, starting with a letter"},
    [ACL_PAT_HARNESS_NAME] =
        {"^[a-zA-Z][a-zA-Z0-9_]{0,39}$",
         "1-40 letters, digits and underscores, starting with a letter"},
    [ACL_PAT_BUNDLE_NAME] =
        {"^[a-zA-Z][a-zA-Z0-9_]{0,99}$",
         "1-100 letters, digits and underscores, starting with a letter"},
    [ACL_PAT_KB_NAME] =
        {"^[a-zA-Z][a-zA-Z0-9_-]{0,47}$",
         "1-48 letters, digits, '_' and '-', starting with a letter"},
    [ACL_PAT_PAYMENT_NAME] =
        {"^[a-zA-Z][a-zA-Z0-9]{0,47}$",
         "1-48 letters and digits, starting with a letter"},
    [ACL_PAT_GATEWAY_NAME] =
        {"^[0-9a-zA-Z](?:[0-9a-zA-Z-]*[0-9a-zA-Z])?$",
         "letters, digits and '-', not starting or ending with '-'"},
    [ACL_PAT_CREDENTIAL_NAME] = {"^[a-zA-Z0-9\\-_]+$",
                                 "letters, digits, '-' and '_'"},
    [ACL_PAT_TARGET_NAME] = {"^[a-zA-Z][a-zA-Z0-9-]*$",
                             "letters, digits and '-', starting with a letter"},
    [ACL_PAT_ENV_NAME] = {"^[A-Za-z_][A-Za-z0-9_]*$",
                          "letters, digits and '_', not starting with a digit"},
    [ACL_PAT_CONNECTION_ID] =
        {"^[a-zA-Z][a-zA-Z0-9_-]{0,63}$",
         "1-64 letters, digits, '_' and '-', starting with a letter"},
    [ACL_PAT_TOOL_NAME] = {"^[a-zA-Z0-9_-]+$", "letters, digits, '_' and '-'"},
    [ACL_PAT_TAG] = {"^[\\p{L}\\p{N}\\s_.:/=+\\-@]*$",
                     "letters, digits, spaces and _ . : / = + - @"},
    [ACL_PAT_VPC_ID] = {AWS_ID("vpc"),
                        "a VPC id: vpc- and 8 or 17 lower-case hex digits"},
    [ACL_PAT_SUBNET_ID] =
        {AWS_ID("subnet"),
         "a subnet id: subnet- and 8 or 17 lower-case hex digits"},
    [ACL_PAT_SG_ID] =
        {AWS_ID("sg"),
         "a security group id: sg- and 8 or 17 lower-case hex digits"},
    [ACL_PAT_KMS_ARN] =
        {"^arn:[^:]+:kms:[a-zA-Z0-9-]*:[0-9]{12}:key\\/[a-zA-Z0-9-]{36}$",
         "a KMS key ARN"},
    [ACL_PAT_DATASET_KMS_ARN] =
        {"^arn:aws(-[a-z]+)*:kms:[a-zA-Z0-9-]*:[0-9]{12}:key\\/[a-zA-Z0-9-]{36}$",
         "a KMS key ARN in an aws partition"},
    [ACL_PAT_ENTRYPOINT] =
        {"^[a-zA-Z0-9_][a-zA-Z0-9_/.-]*\\.(py|ts|js)(:[a-zA-Z_][a-zA-Z0-9_]*)?$",
         "a relative .py, .ts or .js file, optionally with :handler"},
    [ACL_PAT_PY_ENTRYPOINT] =
        {"^[a-zA-Z0-9_][a-zA-Z0-9_/.-]*\\.py(:[a-zA-Z_][a-zA-Z0-9_]*)?$",
         "a relative .py file, optionally with :handler"},
    [ACL_PAT_HEADER_NAME] = {"^[A-Za-z0-9\\-_]+$",
                             "letters, digits, '-' and '_'"},
    [ACL_PAT_MOUNT_PATH] = {"^\\/mnt\\/[a-zA-Z0-9._-]+\\/?$",
                            "one folder level under /mnt, e.g. /mnt/data"},
    [ACL_PAT_EFS_ARN] =
        {"^arn:aws[-a-z]*:elasticfilesystem:[a-z][a-z0-9-]*:[0-9]{12}:access-point\\/fsap-[0-9a-f]{8,40}$",
         "an EFS access point ARN"},
    [ACL_PAT_S3FILES_ARN] =
        {"^arn:aws[-a-z]*:s3files:[a-z][a-z0-9-]*:[0-9]{12}:file-system\\/fs-[0-9a-f]{17,40}\\/access-point\\/fsap-[0-9a-f]{17,40}$",
         "an S3 Files access point ARN"},
    [ACL_PAT_CP_ARN] =
        {"^arn:[^:]+:bedrock-agentcore:[a-z0-9-]+:\\d{12}:capacity-provider\\/[a-zA-Z][a-zA-Z0-9_]{0,47}-[a-zA-Z0-9]{10}$",
         "a capacity provider ARN"},
    [ACL_PAT_CP_ROLE_ARN] = {"^arn:[^:]+:iam::([0-9]{12})?:role\\/.+$",
                             "an IAM role ARN"},
    [ACL_PAT_CP_SUBNET] = {"^subnet-[0-9a-zA-Z]{8,17}$", "a subnet id"},
    [ACL_PAT_CP_SG] = {"^sg-[0-9a-zA-Z]{8,17}$", "a security group id"},
    [ACL_PAT_INSTANCE_PROFILE_ARN] =
        {"^arn:[^:]+:iam::[0-9]{12}:instance-profile\\/.+$",
         "an IAM instance profile ARN"},
    [ACL_PAT_EBS_KMS_ARN] =
        {"^arn:[^:]+:kms:[a-z0-9-]+:[0-9]{12}:key\\/[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}$",
         "a KMS key ARN"},
    [ACL_PAT_INDEXED_KEY] = {"^[a-zA-Z0-9\\s._:/=+@-]+$",
                             "letters, digits, whitespace and . _ : / = + @ -"},
    [ACL_PAT_MEMORY_ARN] =
        {"^arn:[^:]+:bedrock-agentcore:[a-z0-9-]+:\\d{12}:memory\\/.+$",
         "a bedrock-agentcore memory ARN"},
    [ACL_PAT_GATEWAY_ARN] =
        {"^arn:[^:]+:bedrock-agentcore:[a-z0-9-]+:\\d{12}:gateway\\/.+$",
         "a bedrock-agentcore gateway ARN"},
    [ACL_PAT_RUNTIME_ARN] =
        {"^arn:[^:]+:bedrock-agentcore:[a-z0-9-]+:\\d{12}:runtime\\/.+$",
         "a bedrock-agentcore runtime ARN"},
    [ACL_PAT_BROWSER_ARN] =
        {"^arn:[^:]+:bedrock-agentcore:[a-z0-9-]+:(\\d{12}|aws):browser(-custom)?\\/.+$",
         "a bedrock-agentcore browser ARN"},
    [ACL_PAT_CODE_INTERPRETER_ARN] =
        {"^arn:[^:]+:bedrock-agentcore:[a-z0-9-]+:(\\d{12}|aws):code-interpreter(-custom)?\\/.+$",
         "a bedrock-agentcore code-interpreter ARN"},
    [ACL_PAT_ROLE_ARN_PREFIX] = {"^arn:[^:]+:iam::\\d{12}:role\\/.+",
                                 "an IAM role ARN"},
    [ACL_PAT_PASSTHROUGH_URL] =
        {"^https:\\/\\/[a-zA-Z0-9\\-.]+(:[0-9]{1,5})?(\\/.*)?$",
         "an https:// URL"},
    [ACL_PAT_S3_PREFIX] = {"^s3:\\/\\/", "an S3 URI starting with s3://"},
    [ACL_PAT_HTTPS_PREFIX] = {"^https:\\/\\/", "an https:// URL"},
    [ACL_PAT_MATCH_VALUE] = {"^[A-Za-z0-9_.-]+$",
                             "letters, digits, '_', '.' and '-'"},
    [ACL_PAT_SCOPE] = {"^[\\x21\\x23-\\x5B\\x5D-\\x7E]+$",
                       "printable ASCII without space, '\"' or '\\'"},
    [ACL_PAT_CLAIM_NAME] = {"^[A-Za-z0-9_.:-]+$",
                            "letters, digits, '_', '.', ':' and '-'"},
    [ACL_PAT_LATTICE] =
        {"^((rcfg-[0-9a-z]{17})|(arn:[a-z0-9-]+:vpc-lattice:[a-zA-Z0-9-]+:\\d{12}:resourceconfiguration\\/rcfg-[0-9a-z]{17}))$",
         "a VPC Lattice resource configuration id or ARN"},
    [ACL_PAT_MODEL_ID] = {"^[\\x21-\\x7e]+$", "printable ASCII without spaces"},
    [ACL_PAT_LAMBDA_ARN] =
        {"^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:.+$",
         "a Lambda function ARN"},
    [ACL_PAT_ACCOUNT] = {"^[0-9]{12}$", "12 digits"},
    [ACL_PAT_CONTAINER_URI] =
        {"^(([0-9]{12})\\.dkr\\.ecr\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?|public\\.ecr\\.aws)\\/((?:[a-z0-9]+(?:[._-][a-z0-9]+)*\\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*)(?::([^:@]{1,300}))?(?:@(.+))?$",
         "an ECR image URI"},
    [ACL_PAT_ALLOWED_TOOL] = {"^(\\*|@?[^/]+(\\/[^/]+)?)$",
                              "\"*\" or a tool name pattern"},
    [ACL_PAT_S3_URI] = {"^s3:\\/\\/([^/]+)(?:\\/.*)?$",
                        "an s3://bucket/key URI"},
    [ACL_PAT_S3_BUCKET] =
        {"^(?!xn--)(?!sthree-)[a-z0-9](?!.*\\.\\.)[a-z0-9.-]{1,61}[a-z0-9](?<!-s3alias)$",
         "an S3 bucket name"},
    [ACL_PAT_KB_ID] = {"^[A-Z0-9]{10}$", "a 10-character knowledge base id"},
};

/* The compiled patterns: each on first use (compiling all of them up
 * front costs a tenth of a small project's run), or all at once by
 * acl_sx_pattern_init. */
static struct acl_regex *sx_re[ACL_PAT_COUNT];

#define JS_SPACE                                              \
    "\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}" \
    "\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}"
#define JS_DOT "[^\\n\\r\\x{2028}\\x{2029}]"

/* Rewrites a JavaScript regex source for PCRE2 (see the file comment). */
static char *
sx_translate(const char *js)
{
    struct acl_buf b = {0};
    int in_class = 0;
    const char *p;

    for (p = js; *p != '\0'; p++) {
        if (*p == '\\' && (p[1] == 's' || p[1] == 'S')) {
            if (in_class)
                acl_buf_puts(&b,
                             JS_SPACE); /* \S never occurs in a class here */
            else
                acl_buf_printf(&b, "[%s%s]", p[1] == 'S' ? "^" : "", JS_SPACE);
            p++;
        } else if (*p == '\\' && p[1] != '\0') {
            acl_buf_append(&b, p, 2);
            p++;
        } else if (*p == '.' && !in_class) {
            acl_buf_puts(&b, JS_DOT);
        } else {
            if (*p == '[' && !in_class)
                in_class = 1;
            else if (*p == ']' && in_class)
                in_class = 0;
            acl_buf_append(&b, p, 1);
        }
    }
    return acl_buf_steal(&b);
}

/* Compiles pattern p as PCRE2 with JavaScript's '$'. */
static struct acl_regex *
sx_compile(int p, struct acl_error *err)
{
    char *src = sx_translate(sx_patterns[p].js);
    struct acl_regex *re = acl_regex_compile(
        src, ACL_RE_UTF | ACL_RE_DOLLAR_ENDONLY | ACL_RE_PAD_SUBJECT, err);

    free(src);
    return re;
}

int
acl_sx_pattern_init(struct acl_error *err)
{
    int p;

    for (p = ACL_PAT_NONE + 1; p < ACL_PAT_COUNT; p++) {
        if (sx_re[p] == NULL && (sx_re[p] = sx_compile(p, err)) == NULL) {
            acl_sx_pattern_fini();
            return -1;
        }
    }
    return 0;
}

int
acl_sx_pattern_match(struct acl_sx_ctx *cx, int p, const char *s, size_t len)
{
    int rc;

    if (p <= ACL_PAT_NONE || p >= ACL_PAT_COUNT)
        return 1;
    if (sx_re[p] == NULL)
        sx_re[p] = sx_compile(p, NULL);
    /* A pattern that does not compile (a table bug the unit tests
     * catch) judges nothing: the check is incomplete, not passed. */
    rc = sx_re[p] != NULL ? acl_regex_find(sx_re[p], s, len, 0, NULL, 0) : -1;
    if (rc < 0) {
        /* pcre2 gave up: the value is not judged, and the run says so. */
        if (cx != NULL)
            acl_sx_incomplete(cx);
        return 1;
    }
    return rc;
}

const char *
acl_sx_pattern_js(int p)
{
    return p > ACL_PAT_NONE && p < ACL_PAT_COUNT ? sx_patterns[p].js : "";
}

const char *
acl_sx_pattern_desc(int p)
{
    return p > ACL_PAT_NONE && p < ACL_PAT_COUNT ? sx_patterns[p].desc : NULL;
}

void
acl_sx_pattern_fini(void)
{
    int p;

    for (p = 0; p < ACL_PAT_COUNT; p++) {
        acl_regex_free(sx_re[p]);
        sx_re[p] = NULL;
    }
}
