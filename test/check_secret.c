/*
 * check_secret.c - the secret detector: each known format, the name
 * tokeniser, the value rules, the preview, and the precision data sets
 * in fixtures/secrets/.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/dotenv.h"
#include "acl/secret.h"
#include "acl/util.h"
#include "check_acl.h"

static void
setup(void)
{
    struct acl_error err;

    ck_assert_msg(acl_secret_init(&err) == 0, "%s", err.text);
}

static void
teardown(void)
{
    acl_secret_fini();
}

static int
known(const char *s)
{
    return acl_secret_known(s, strlen(s), NULL);
}

/* The kind found in s, or "" when nothing is. */
static const char *
kind_of(const char *s)
{
    struct acl_secret_match m;

    return acl_secret_known(s, strlen(s), &m) ? m.kind : "";
}

static int
named(const char *name)
{
    return acl_secret_name(name, strlen(name));
}

static int
real(const char *v)
{
    return acl_secret_value(v, strlen(v));
}

static int
strength(const char *name)
{
    return (int)acl_secret_name_strength(name, strlen(name));
}

static int
generated(const char *v)
{
    return acl_secret_generated(v, strlen(v));
}

static int
check(const char *name, const char *v)
{
    return acl_secret_check(name, strlen(name), v, strlen(v), NULL);
}

START_TEST(name_strength)
{
    ck_assert_int_eq(strength("DB_PASSWORD"), ACL_SECRET_NAME_STRONG);
    ck_assert_int_eq(strength("DB_PASS"), ACL_SECRET_NAME_STRONG);
    ck_assert_int_eq(strength("MYSQL_PWD"), ACL_SECRET_NAME_STRONG);
    ck_assert_int_eq(strength("GPG_PASSPHRASE"), ACL_SECRET_NAME_STRONG);
    ck_assert_int_eq(strength("clientSecret"), ACL_SECRET_NAME_STRONG);
    ck_assert_int_eq(strength("PRIVATE_KEY"), ACL_SECRET_NAME_STRONG);
    ck_assert_int_eq(strength("OPENAI_API_KEY"), ACL_SECRET_NAME_WEAK);
    ck_assert_int_eq(strength("authToken"), ACL_SECRET_NAME_WEAK);
    ck_assert_int_eq(strength("Authorization"), ACL_SECRET_NAME_WEAK);
    ck_assert_int_eq(strength("KEY"), ACL_SECRET_NAME_WEAK);
    /* "pass" is a password only as the last word. */
    ck_assert_int_eq(strength("PASS_THROUGH_HEADERS"), ACL_SECRET_NAME_NONE);
    /* Last words that describe the secret, data keys, public names. */
    ck_assert_int_eq(strength("API_KEY_HEADER"), ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("TOKEN_ENCODING"), ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("AUTH_PROVIDER"), ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("OPENAI_CREDENTIAL_PROVIDER"),
                     ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("PRIVATE_SUBNETS"), ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("secret_marker"), ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("EASEAPPLY_S3_KEY"), ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("source_pdf_key"), ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("partitionKey"), ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("KMS_KEY"), ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("publishableKey"), ACL_SECRET_NAME_NONE);
    ck_assert_int_eq(strength("csrf_token"), ACL_SECRET_NAME_NONE);
}
END_TEST

START_TEST(generated_values)
{
    ck_assert(generated("RaHEkcRrfjzxahn2kFazZkhr6XtVGAVs"));
    ck_assert(generated("619fd93b5e2b203272b7ed9663f69da1"));
    ck_assert(generated("key-5ce54eef64a4401aa08497d08b5e7fb1"));
    ck_assert(generated("Bearer UJl9J62R3vuhpl60Lhe93TYybHajue"));
    /* Words, identifiers, compounds, encodings of text. */
    ck_assert(!generated("MemCredEnvOpenAI"));
    ck_assert(!generated("cl100k_base"));
    ck_assert(!generated("gpt-4o-mini-2024-07-18"));
    ck_assert(!generated("UNIQUE_KB_CONTENT_MARKER_9g7h2j"));
    ck_assert(!generated("AgentCoreGatewayAuthorizer"));
    ck_assert(!generated("abcdefghijklmnop1234"));
    ck_assert(!generated("bm90X3ZhbGlkX2pzb25fYXRfYWxs"));
    ck_assert(!generated("sk-test-fakekeyvalue123"));
    ck_assert(!generated("short1A"));
}
END_TEST

START_TEST(check_by_strength)
{
    /* Strong names take any literal with a digit or symbol. */
    ck_assert(check("DB_PASSWORD", "$uperS3cret!2024"));
    ck_assert(check("DB_PASS", "Maple!2024river"));
    ck_assert(!check("DB_PASSWORD", "mysecretpassword"));
    /* Weak names need a generated-looking value. */
    ck_assert(check("API_KEY", "RaHEkcRrfjzxahn2kFazZkhr6XtVGAVs"));
    ck_assert(!check("API_KEY", "Maple!2024river"));
    ck_assert(!check("API_KEY_HEADER", "X-Api-Key"));
    /* A UUID is a key ID under KMS names, a credential under api_key. */
    ck_assert(!check("ENCRYPTION_KEY", "3f1c9a7e-0d4c-4b2d-9e11-806798e9aac2"));
    ck_assert(check("apiKey", "3f1c9a7e-0d4c-4b2d-9e11-806798e9aac2"));
    /* Never secrets, whatever the name. */
    ck_assert(!check("PRIVATE_KEY", "/run/secrets/private_key.pem"));
    ck_assert(!check("CLIENT_SECRET",
                     "arn:aws:secretsmanager:us-east-1:123456789012:secret:x"));
    ck_assert(!check("SECRET", "security@corp.io"));
    ck_assert(!check("TOKEN", "https://auth.corp.io/oauth2/token"));
    ck_assert(!check("PRIVATE", "subnet-0a1b2c3d4e5f67890"));
    /* Samples altered on purpose: a mangled OpenAI marker, a JWT-shaped
     * value whose header is plain words ("not_a_header_at_all"). */
    ck_assert(!check("API_KEY", "sk-proj-Qr7vKdMjHV6pmbBbwilTeT4BlbkFJ3Ud"
                                "npdEwNNm6wVBpYM0o"));
    ck_assert(check("API_KEY", "Qr7vKdMjHV6pmbBbwilTeT3BlbkFJ3UdnpdEwNNm6"));
    ck_assert(!check("API_KEY", "bm90X2FfaGVhZGVyX2F0X2FsbA.bm90X2FfaGVhZG"
                                "VyX2F0X2FsbA.Kx9wRJSMeKKF2QT4fwpMeJf36POk6"));
    /* A value that carries its own name is judged by it. */
    ck_assert(!check("SERVICE_API_KEY", "primaryKey=Z_kASdz6OfZ-5g856uhj1j"));
    ck_assert(check("SETTINGS", "password=Tq9-Kp2w-LG12"));
    /* Basic auth: the password inside the base64. */
    ck_assert(check("Authorization", "Basic YWdlbnQ6VHE5LUtwMnctTEcxMg=="));
    ck_assert(!check("Authorization", "Basic YWdlbnQ6"));
}
END_TEST

START_TEST(check_in_test_files)
{
    const char *k = "ghp_AHytekWjy9q4i23uSN3iHIbhsBBSoM2PIbCV";
    const char *v = "Tq9-Kp2w-pass-LG12Go";

    ck_assert(acl_secret_check_ctx("token", 5, k, strlen(k),
                                   ACL_SECRET_CTX_KNOWN_ONLY, NULL));
    ck_assert(!acl_secret_check_ctx("DB_PASSWORD", 11, v, strlen(v),
                                    ACL_SECRET_CTX_KNOWN_ONLY, NULL));
    ck_assert(acl_secret_check_ctx("DB_PASSWORD", 11, v, strlen(v),
                                   ACL_SECRET_CTX_CONFIG, NULL));
}
END_TEST

static const char *
kind_in(const char *s, const char **val, size_t *vlen)
{
    struct acl_secret_match m;

    if (!acl_secret_known(s, strlen(s), &m))
        return "";
    *val = s + m.start;
    *vlen = m.end - m.start;
    return m.kind;
}

START_TEST(connection_strings)
{
    const char *v;
    size_t n;

    ck_assert_str_eq(kind_in("jdbc:postgresql://db:5432/app?user=a&password="
                             "Tq9Kp2wLG12&ssl=true",
                             &v, &n),
                     "connection string with a password");
    ck_assert_uint_eq(n, 11);
    ck_assert(strncmp(v, "Tq9Kp2wLG12", n) == 0);
    ck_assert(known("Server=tcp:x.database.windows.net;Database=a;"
                    "User ID=svc;Password=Qz7!kLm2pW;"));
    ck_assert(known("host=db port=5432 dbname=app user=a password=Qz7kLm2pW"));
    ck_assert(
        known("mongodb+srv://svc:Qz7kLm2pWx9@cluster0.ab12c.mongodb.net/a"));
    ck_assert(known("rediss://default:Qz7kLm2pWx9@cache.internal:6379"));
    ck_assert(known("amqps://agent:Qz7kLm2pWx9@mq.internal:5671"));
    /* Templates, defaults and prose are not. */
    ck_assert(!known("jdbc:postgresql://db/app?user=a&password=${DB_PW}"));
    ck_assert(!known("Server=sql01;Database=a;Password={password};"));
    ck_assert(!known("password=hunter22 is what the docs say"));
    ck_assert(!known("amqp://guest:guest@localhost:5672/"));
}
END_TEST

START_TEST(url_query)
{
    const char *u = "https://mcp.exa.ai/mcp?exaApiKey=9b1f2c3d-4e5f-4071-8293-"
                    "a4b5c6d7e8f9&x=1";
    struct acl_secret_match m;

    ck_assert(acl_secret_url_query(u, strlen(u), &m));
    ck_assert_uint_eq(m.end - m.start, 36);
    ck_assert(known("https://t.io/mcp?key=Qz7kLm2pWx9RaHEkcRrf"));
    ck_assert(known("https://t.io/sse?token=Qz7kLm2pWx9RaHEkc"));
    ck_assert(!known("https://t.io/mcp?api_key=${EXA_API_KEY}"));
    ck_assert(!known("https://t.io/mcp?key=your-api-key"));
    ck_assert(!known("https://t.io/mcp?token_type=bearer&sort_key=a1b2c3d4e5"));
    ck_assert(!known("https://t.io/mcp?region=us-east-1&tools=search"));
    /* Only in a URL. */
    ck_assert(!known("see ?token=Qz7kLm2pWx9RaHEkc in the notes"));
}
END_TEST

START_TEST(new_token_formats)
{
    ck_assert_str_eq(kind_of("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"),
                     "Hugging Face token");
    ck_assert(!known("hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
    ck_assert(!known("hf_requiredCharacteristicTypesForDisplayMetadata"));
    ck_assert_str_eq(
        kind_of("xapp-1-A052FGTS2DL-5171572773297-610b6a11f4b7eb819"
                "e87b767d80e6575a3634791acb9a9ead051da879eb5b55e"),
        "Slack app token");
    ck_assert_str_eq(kind_of("https://hooks.slack.com/services/T0DCUJB1Q/"
                             "B0DD08H5G/bJtrpFi1fO1JMCcwLx8uZyAg"),
                     "Slack webhook URL");
    ck_assert(!known("https://hooks.slack.com/services"));
    /* Stripe publishable keys are public. */
    ck_assert(!check("STRIPE_KEY", "pk_live_j5krY8XTgIcDaHDb3YrsAfCl"));
}
END_TEST

/* The NAME=value lines of a .env text, as "NAME=[value]" joined by
 * spaces. */
static char *
dotenv_lines(const char *text)
{
    struct acl_dotenv_line l;
    struct acl_buf b = {0};
    size_t pos = 0, n = strlen(text);

    acl_buf_append(&b, "", 0);
    while (acl_dotenv_next(text, n, &pos, &l))
        acl_buf_printf(&b, "%.*s=[%.*s] ", (int)(l.name_end - l.name_start),
                       text + l.name_start, (int)(l.value_end - l.value_start),
                       text + l.value_start);
    return acl_buf_steal(&b);
}

START_TEST(dotenv_parsing)
{
    char *got = dotenv_lines("# comment\nA=1\r\nexport B = \"two # x\"\n"
                             "  C='3'\nD=4 # note\nnot a line\nE=\n#F=6\n"
                             "G=a#b");
    int tmpl = 0;

    ck_assert_str_eq(got, "A=[1] B=[two # x] C=[3] D=[4] E=[] G=[a#b] ");
    free(got);
    ck_assert(acl_dotenv_name(".env", &tmpl) && !tmpl);
    ck_assert(acl_dotenv_name(".env.production", &tmpl) && !tmpl);
    ck_assert(acl_dotenv_name(".env.example", &tmpl) && tmpl);
    ck_assert(!acl_dotenv_name("env", &tmpl));
    ck_assert(!acl_dotenv_name(".envrc", &tmpl));
}
END_TEST

START_TEST(init_is_idempotent)
{
    struct acl_error err;

    ck_assert_int_eq(acl_secret_init(&err), 0);
    ck_assert_int_eq(acl_secret_init(&err), 0);
    acl_secret_fini();
    acl_secret_fini();
    /* Used without init, the detector compiles its table itself. */
    ck_assert(known("AKIAFAKETEST2Q7ZW3XM"));
    acl_secret_fini();
    ck_assert_int_eq(acl_secret_init(&err), 0);
    ck_assert(known("AKIAFAKETEST2Q7ZW3XM"));
}
END_TEST

START_TEST(aws_access_key)
{
    ck_assert_str_eq(kind_of("AKIAFAKETEST2Q7ZW3XM"), "AWS access key ID");
    ck_assert(known("id=ASIAFAKETEST5LNB4K2J;"));
    ck_assert(known("ABIATESTFAKE6RDQ3HVW"));
    ck_assert(known("ACCAFAKETEST6RDQ3HVW"));
    ck_assert(known("A3TBFAKETEST6RDQ3HVW"));
    /* A run of a key letter is a key shape; X and 0 runs are blanks. */
    ck_assert(known("AKIAZZZZZZZZZZZZZZZZ"));
    ck_assert(!known("AKIAXXXXXXXXXXXXXXXX"));
    ck_assert(!known("AKIAFAKE000000000000"));
    /* Documentation sample, wrong alphabet, not word-bounded, too short. */
    ck_assert(!known("AKIAIOSFODNN7EXAMPLE"));
    ck_assert(!known("AKIAFAKETEST2Q7ZW3X1"));
    ck_assert(!known("XAKIAFAKETEST2Q7ZW3XM"));
    ck_assert(!known("AKIAFAKETEST2Q7ZW3XMQ"));
    ck_assert(!known("AKIAFAKETEST2Q7ZW3X"));
    ck_assert(!known("AKIAXXXXXXXXXXXXXXXX"));
    ck_assert(!known("AIDAFAKETEST2Q7ZW3XM"));
}
END_TEST

START_TEST(bedrock_key)
{
    const char *absk = "ABSKQmVkcm9ja0FQSUtleS1GQUtFLWF0LTAwMDAxMTExMjIyMjpU"
                       "RVNUcThacjJMdzVYbjdWYjNLbTlQajRIczZRdDFXeQ==";

    ck_assert_str_eq(kind_of(absk), "Amazon Bedrock API key");
    /* Too short to be a key; glued to a longer base64 run. */
    ck_assert(!acl_secret_known(absk, 60, NULL));
    ck_assert(!known("QmVkABSKQmVkcm9ja0FQSUtleS1GQUtFLWF0LTAwMDAxMTExMjIyMj"
                     "pURVNUcThacjJMdzVYbjdWYjNLbTlQajRIczZRdDFXeQ=="));
    ck_assert_str_eq(
        kind_of("bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249"
                "RkFLRVRFU1Q="),
        "Amazon Bedrock API key");
    ck_assert(!known("bedrock-api-key-secret-name"));
    /* AWS's documentation shape is a key shape: reported. Longer than any
     * issued key: not. */
    {
        char k[400] = "ABSKQmVkcm9ja0FQSUtleS1";
        int i;

        for (i = 0; i < 13; i++)
            strcat(k, "EXAMPLE");
        strcat(k, "EXM=");
        ck_assert(known(k));
        for (i = 0; i < 30; i++)
            strcat(k, "EXAMPLE");
        ck_assert(!known(k));
    }
    ck_assert(!known("arn:aws:bedrock:us-east-1::foundation-model/x"));
}
END_TEST

START_TEST(openai_key)
{
    ck_assert_str_eq(kind_of("sk-FAKEJIwceOBUzRNZVhANT3BlbkFJWOiFXFxvbfJ"),
                     "OpenAI API key");
    ck_assert(known("sk-proj-FAKEwvbdR4XLug_MzuiAQS-mcNfiaQdVKAU"));
    ck_assert(known("sk-svcacct-TEST9t7V4O27o6aFFzUCm9VAO1a5"));
    ck_assert(known("sk-admin-FAKEsnHLuvBmwzC7BS6XKoe0zo"));
    ck_assert(known("Authorization: Bearer sk-FAKE9t7V4O27o6aFFzUCm9"));
    /* Too short, inside words, slugs without mixed case, samples. */
    ck_assert(!known("sk-FAKE9t7V4O27o6aFF"));
    ck_assert(!known("task-definition-prod-web-2024-11-05-abcdef"));
    ck_assert(!known("disk-usage-alerts-for-the-primary-cluster"));
    ck_assert(!known("ask-FAKEJIwceOBUzRNZVhANT3BlbkFJ"));
    ck_assert(!known("sk-learn-pipeline-for-churn-model-v2"));
    ck_assert(!known("sk-proj-EXAMPLEkey1234567890abcdefGHIJ"));
    ck_assert(!known("sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
}
END_TEST

START_TEST(anthropic_key)
{
    ck_assert_str_eq(
        kind_of("sk-ant-api03-Zq7KZKbz3g3bt1wgCDITshVaiPDV7zVEwEsdg3n40bi3mR3"
                "KnQ-TyJph8xAJ7Cpc66dt_xUQvzPlUgPCbbWzbNlXN1OycAA"),
        "Anthropic API key");
    ck_assert_str_eq(
        kind_of(
            "sk-ant-admin01-Tz3WnQh5NF-3XcYwOkprmk_Xc"
            "Th1l97HWoi4_aBLJQACrOP-q_9LzPkH-zN8z0JiHObQo3ZkByxvvBJBiBMJq7Lp2Wx9yAA"),
        "Anthropic API key");
    /* The issued shape: 93 characters and "AA"; shorter or other
     * endings are samples (and not OpenAI keys either). */
    ck_assert(!known("sk-ant-api03-Zq7KZKbz3g3bt1wgCDITshVaiPDV7zVEwEsdg3n40"));
    ck_assert(!known("sk-ant-api03-Zq7KZKbz3g3bt1wgCDITshVaiPDV7zVEwEsdg3n40bi"
                     "3mR3KnQ-TyJph8xAJ7Cpc66dt_xUQvzPlUgPCbbWzbNlXN1OycBB"));
    ck_assert(!known("sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
    ck_assert(!known("sk-ant-api03-your-key-goes-here-please"));
}
END_TEST

START_TEST(github_token)
{
    ck_assert_str_eq(kind_of("ghp_FAKEY2qPeqJGL75Dd4BuHeMLbUn7EF6hsMzm"),
                     "GitHub token");
    ck_assert(known("gho_FAKEeBXIRYBt4cqIuG4LVPD2Uk3RPPdHkUeU"));
    ck_assert(known("ghu_FAKEW0DLaVgViPY2pQESdDoV2MyecaEZNEQN"));
    ck_assert(known("ghs_FAKEJKEGRGvXXEDGpcNQ1ssWf7wUzSv22yom"));
    ck_assert(known("ghr_FAKEng745v45HumwgFXFhVmVhANPtpkiw5Sk"));
    ck_assert(known("github_pat_11FAKETESTa7TMpZ6VPGn9f_N0FvheGRS3xvMA9Wi"));
    ck_assert(!known("ghp_FAKEY2qPeqJGL75Dd4BuHeMLbUn7EF6hsMz"));
    ck_assert(!known("ghx_FAKEY2qPeqJGL75Dd4BuHeMLbUn7EF6hsMzm"));
    ck_assert(!known("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
    ck_assert(!known("github_pat_for_the_release_workflow_in_prod"));
}
END_TEST

START_TEST(slack_token)
{
    ck_assert_str_eq(kind_of("xoxb-684179390104-3542673875974-FAKEti1fB9QY"),
                     "Slack token");
    ck_assert(known("xoxp-14654912441-408131922033-3469609599452-4c13dab9"));
    ck_assert(known("xoxa-2-f4ketest0aejmp7gqj"));
    /* Runs and sequences in the numeric IDs are not the secret part. */
    ck_assert(known("xoxa-2-711111111-41111111111-4111111111111-0d9e7a3b2c"));
    ck_assert(known("xoxb-123456789012-Qm48sLzR2vTnXw7pKd"));
    ck_assert(known("t=xoxe-5126837507825-4948681849303-4756614048758-a1b0f3d"
                    "4cb371f92260edb0d9444d2e7"));
    ck_assert(!known("xoxb-123456789012-xxxxxxxxxxxxxxxxxxxx"));
    /* Team numbers of four digits, redacted tails: samples. */
    ck_assert(!known("xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d"));
    ck_assert(!known("xoxp-572370529330-573807301142-572331691188-######"));
    ck_assert(!known("xoxb-your-bot-token-here"));
    ck_assert(!known("xoxz-684179390104-3542673875974-FAKEti1fB9QY"));
}
END_TEST

START_TEST(stripe_key)
{
    ck_assert_str_eq(kind_of("sk_live_51FAKEXMnYDdce7p9lno7MK5Oh4"),
                     "Stripe secret key");
    ck_assert(known("rk_live_51TESTYpVU8FmawBHepTW392Y"));
    ck_assert(!known("sk_live_XXXXXXXXXXXXXXXXXXXXXXXX"));
    ck_assert(!known("pk_live_51FAKEXMnYDdce7p9lno7MK5Oh4"));
    ck_assert(!known("sk_live_short"));
    /* One case and digits, random: a key; a slug is not. */
    ck_assert(known("sk_test_q8wuazsc4czvocgnzut9ih90pk5ifh2"));
    ck_assert(!known("sk_test_stripe_checkout_session_2024"));
}
END_TEST

START_TEST(google_key)
{
    ck_assert_str_eq(kind_of("AIzaSyFAKEm0NT-vos67JNf37VrdqNhPXZ-yr2p"),
                     "Google API key");
    ck_assert(known("key=AIzaSyTESTaS0cB9tbRfOzigpjYkBIwMQvB7SCm&x=1"));
    ck_assert(!known("AIzaSyFAKEm0NT-vos67JNf37VrdqNhPXZ-yr2"));
    ck_assert(!known("AIzaSyFAKEm0NT-vos67JNf37VrdqNhPXZ-yr2pq"));
    ck_assert(!known("AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"));
}
END_TEST

START_TEST(private_key)
{
    ck_assert_str_eq(
        kind_of("-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAFAKETEST+"
                "5FiZMW9aDKB4rOsGe7biQ8qq\n-----END RSA PRIVATE KEY-----"),
        "private key");
    ck_assert(known("-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0B"
                    "AQEFAASCFAKETEST"));
    ck_assert(known("-----BEGIN OPENSSH PRIVATE KEY-----\r\nb3BlbnNzaC1rZX"
                    "ktdjEAAAAABG5vbmUAAAAEbm9uZQFAKE"));
    ck_assert(known("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGFAKETE"
                    "STQmVkcm9ja0FQSUtleS1GQUtFLVRFU1Q6"));
    ck_assert(known("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPT"
                    "ED\nDEK-Info: AES-128-CBC,FAKE01\n\nMIIEpAIBAAKCAQEAFAK"
                    "ETEST+5FiZMW9aDKB4rOs"));
    /* Header without key material, and certificates. */
    ck_assert(!known("see -----BEGIN PRIVATE KEY----- in docs; the blob is "
                     "QmVkcm9ja0FQSUtleS1GQUtFLVRFU1Q6Zm9vYmFy"));
    ck_assert(!known("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE "
                     "KEY-----"));
    ck_assert(!known("must start with -----BEGIN RSA PRIVATE KEY-----"));
    /* A header on its own line with a body line is a key block, whatever
     * the body says; a one-word or placeholder body is not. */
    ck_assert(known("-----BEGIN RSA PRIVATE KEY-----\nnot base64 at all, "
                    "still pasted\n-----END RSA PRIVATE KEY-----"));
    ck_assert(known("notes\n-----BEGIN PRIVATE KEY-----\nsome body text"));
    ck_assert(known("\"-----BEGIN PRIVATE KEY-----\\nsome body text\\n"));
    ck_assert(!known("-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE"
                     " KEY-----"));
    ck_assert(!known("-----BEGIN PRIVATE KEY-----\n<your key goes here>\n"));
    ck_assert(!known("-----BEGIN PRIVATE KEY-----\nxxxxxxxxxxxxxxxxxxxx\n"));
    ck_assert(!known("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY---"
                     "--"));
    ck_assert(!known("-----BEGIN PRIVATE KEY----------END PRIVATE KEY-----"));
    ck_assert(!known("x = \"-----BEGIN PRIVATE KEY-----\\n\" + body"));
    ck_assert(!known("-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgA"
                     "AuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ"));
}
END_TEST

START_TEST(json_web_token)
{
    const char *jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJGQUt"
                      "FLVRFU1QtMDAwMSJ9.JlZmXVH87_y0gIwuCFAKE";

    ck_assert_str_eq(kind_of(jwt), "JSON Web Token");
    ck_assert(known("Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOi"
                    "JmYWtlIn0.2AO6pVMcSJWAD3vnGehw"));
    /* Unsigned ("alg":"none") and cut-off tokens still carry claims. */
    ck_assert(known("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ0ZXN0"
                    "LXVzZXIifQ."));
    ck_assert(known("eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2Vu"
                    "dC0wMDEifQ"));
    /* A single base64 JSON document; a header without "alg" or "typ". */
    ck_assert(!known("eyJuYW1lIjoiYWdlbnQiLCJyZWdpb24iOiJ1cy1lYXN0LTEifQ=="));
    ck_assert(!known("eyJuYW1lIjoiYWdlbnQifQ.eyJzdWIiOiJhZ2VudC0wMDEifQ.c2ln"
                     "bmF0dXJl"));
    ck_assert(!known("eyJhbGciOiJIUzI1NiJ9.abc.def"));
}
END_TEST

START_TEST(url_with_password)
{
    ck_assert_str_eq(kind_of("postgres://app:Tq9FAKExkMFIObop@db:5432/app"),
                     "URL with a password");
    ck_assert(known("redis://:FAKEpw0aeJMp7GqJ@cache.internal:6379/0"));
    ck_assert(known("mongodb+srv://svc:TESTpw1CRg@cluster0.mongodb.net"));
    ck_assert(known("jdbc:mysql://root:h4rd-TEST-pass@db/app"));
    /* Placeholders, no password, default credentials, documentation. */
    ck_assert(!known("postgres://app:${DB_PASSWORD}@db:5432/app"));
    ck_assert(!known("postgres://app:<password>@db:5432/app"));
    ck_assert(!known("postgres://app:$DB_PASSWORD@db:5432/app"));
    ck_assert(!known("postgres://app:%7BDB_PASSWORD%7D@db:5432/app"));
    ck_assert(!known("https://deploy@git.corp.internal/team/repo.git"));
    ck_assert(!known("https://host.internal:8443/path@v2"));
    ck_assert(!known("ssh://git@github.com:org/repo.git"));
    ck_assert(!known("postgres://postgres:postgres@localhost/postgres"));
    ck_assert(!known("mongodb://user:password@localhost:27017/db"));
    ck_assert(!known("postgres://app:password@db:5432/app"));
    /* The word "password" sent to a real host is what it accepts. */
    ck_assert(known("https://deploy:password@git.corp.io/agents.git"));
    ck_assert(known("https://bot:secret@api.partner.net/v1"));
    ck_assert(!known("postgres://admin:s3cretPw9@db.example.com/app"));
}
END_TEST

START_TEST(known_uses_length_and_range)
{
    const char s[] = "head\0 AKIAFAKETEST2Q7ZW3XM tail";
    struct acl_secret_match m;

    ck_assert(acl_secret_known(s, sizeof s - 1, &m));
    ck_assert_uint_eq(m.start, 6);
    ck_assert_uint_eq(m.end, 26);
    /* The length bounds the search, NUL or not. */
    ck_assert(!acl_secret_known(s, 20, &m));
    ck_assert(!acl_secret_known(NULL, 0, &m));
    /* The earliest match wins; at the same place, the specific kind. */
    ck_assert(known("x ghp_FAKEY2qPeqJGL75Dd4BuHeMLbUn7EF6hsMzm"));
    ck_assert_str_eq(kind_of("a AKIAFAKETEST2Q7ZW3XM sk-FAKEJIwceOBUzRNZVh"
                             "ANT3BlbkFJW"),
                     "AWS access key ID");
    ck_assert_str_eq(
        kind_of(
            "x sk-ant-api03-Zq7KZKbz3g3bt1wgCDITshVaiPD"
            "V7zVEwEsdg3n40bi3mR3KnQ-TyJph8xAJ7Cpc66dt_xUQvzPlUgPCbbWzbNlXN1OycAA"),
        "Anthropic API key");
    ck_assert(acl_secret_known("a AKIAFAKETEST2Q7ZW3XM", 22, &m));
    ck_assert_uint_eq(m.start, 2);
    /* A rejected sample does not hide a real key after it. */
    ck_assert(known("AKIAIOSFODNN7EXAMPLE then AKIAFAKETEST2Q7ZW3XM"));
}
END_TEST

START_TEST(name_tokens)
{
    ck_assert(named("apiKey"));
    ck_assert(named("OPENAI_API_KEY"));
    ck_assert(named("x-api-key"));
    ck_assert(named("X-Api-Key"));
    ck_assert(named("APIKey"));
    ck_assert(named("APIKEY"));
    ck_assert(named("authToken"));
    ck_assert(named("DB_PASSWORD"));
    ck_assert(named("db.passwd"));
    ck_assert(named("MY_PWD"));
    ck_assert(named("GOOGLE_CREDENTIALS"));
    ck_assert(named("serviceCredential"));
    ck_assert(named("PRIVATE_KEY_PASSPHRASE"));
    ck_assert(named("Authorization"));
    ck_assert(named("Proxy-Authorization"));
    ck_assert(named("bearer"));
    ck_assert(named("clientSecret"));
    /* Tokens are whole: no "key" in "keyboard", no "auth" in "author". */
    ck_assert(!named("KEYBOARD_LAYOUT"));
    ck_assert(!named("AUTHOR"));
    ck_assert(!named("monkey"));
    ck_assert(!named("OAUTH_SCOPES"));
    ck_assert(!named("TOKENIZER_PATH"));
    ck_assert(!named(""));
    ck_assert(!acl_secret_name(NULL, 0));
}
END_TEST

START_TEST(name_excluded_last_token)
{
    ck_assert(!named("API_KEY_NAME"));
    ck_assert(!named("SECRET_ARN"));
    ck_assert(!named("TOKEN_URL"));
    ck_assert(!named("accessKeyId"));
    ck_assert(!named("SECRET_ID"));
    ck_assert(!named("KEY_PATH"));
    ck_assert(!named("CREDENTIAL_FILE"));
    ck_assert(!named("TOKEN_URI"));
    ck_assert(!named("KMS_KEY_REGION"));
    ck_assert(!named("SECRET_REF"));
    ck_assert(!named("TOKEN_PARAM"));
    ck_assert(!named("tokenParameter"));
    ck_assert(!named("PASSWORD_LENGTH"));
    ck_assert(!named("TOKEN_LIMIT"));
    ck_assert(!named("KEY_COUNT"));
    ck_assert(!named("TOKEN_MAX"));
    ck_assert(!named("PASSWORD_MIN"));
    ck_assert(!named("TOKEN_TTL"));
    ck_assert(!named("AUTH_TYPE"));
    ck_assert(!named("AUTH_MODE"));
    /* Plurals of excluded words exclude too (lists of references). */
    ck_assert(!named("SECRET_ARNS"));
    ck_assert(!named("PRIVATE_SUBNET_IDS"));
    /* Only the last token excludes. */
    ck_assert(named("API_KEY_NAME_VALUE"));
    ck_assert(named("ID_TOKEN"));
}
END_TEST

/* "tokens" is not "token": MAX_TOKENS, TOKENS_PER_MINUTE are model
 * limits in LLM configs, never credentials. "credentials" is listed. */
START_TEST(name_plural_tokens)
{
    ck_assert(!named("MAX_TOKENS"));
    ck_assert(!named("maxTokens"));
    ck_assert(!named("TOKENS_PER_MINUTE"));
    ck_assert(named("AWS_CREDENTIALS"));
}
END_TEST

START_TEST(value_basic_rules)
{
    ck_assert(real("Tq9-Kp-pass"));
    /* A literal under a strong name has a letter and a digit or symbol:
     * "mysecretpassword" is a word, not a password anyone could use. */
    ck_assert(!real("abcdefgh"));
    ck_assert(real("abcdefg1"));
    ck_assert(!real("abc12"));
    ck_assert(!real("abcdefg"));
    ck_assert(!real("  abcdefg  "));
    ck_assert(real("\xc3\xa9t\xc3\xa9-Qz9!"));
    ck_assert(!real("\xc3\xa9t\xc3\xa9\xc3\xa9\xc3\xa9"));
    ck_assert(!real("12345678901234"));
    ck_assert(!real("1234-5678-9012"));
    ck_assert(!real("true"));
    ck_assert(!real("FALSE"));
    ck_assert(!real("aaaaaaaaaaaa"));
    ck_assert(!real("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3"
                    "\xa9\xc3\xa9"));
    ck_assert(!real(""));
    ck_assert(!acl_secret_value(NULL, 0));
}
END_TEST

START_TEST(value_placeholders)
{
    ck_assert(!real("${API_KEY}"));
    ck_assert(!real("${OPENAI_API_KEY:-}"));
    ck_assert(!real("Bearer ${TOKEN}"));
    ck_assert(!real("$OPENAI_API_KEY"));
    ck_assert(!real("Bearer $ACCESS_TOKEN"));
    ck_assert(!real("$(aws ssm get-parameter --name x)"));
    ck_assert(!real("%API_KEY%"));
    ck_assert(!real("{{ secrets.GITHUB_TOKEN }}"));
    ck_assert(!real("<YOUR_API_KEY>"));
    ck_assert(!real("Bearer <token>"));
    ck_assert(!real("changeme123"));
    ck_assert(!real("please-change-me"));
    ck_assert(!real("my-Example-key-1"));
    ck_assert(!real("dummy-secret-value"));
    ck_assert(!real("placeholder-key"));
    ck_assert(!real("your-api-key-here"));
    ck_assert(!real("YOUR_API_KEY_HERE"));
    ck_assert(!real("Bearer your_token"));
    ck_assert(!real("xxxxxxxxxxxx"));
    ck_assert(!real("XXXX-XXXX-XXXX"));
    ck_assert(!real("sk-xxxxxxxxxxxxxxxx"));
    ck_assert(!real("************"));
    ck_assert(!real("TODO set in vault"));
    ck_assert(!real("value-TODO-later"));
    /* Near misses stay real. */
    ck_assert(real("p4$$w0rd-Qz"));
    ck_assert(real("tour-Kq-9x"));
    ck_assert(real("a<bQz!pw9"));
    /* Only whole-value forms are placeholders: '$' opening a literal
     * ("$uperS3cret") is a character of the password. */
    ck_assert(real("$uperS3cret!2024"));
    ck_assert(real("sk-${KEY}Zq8LmW3vR5tY"));
    /* Test-fixture markers make a value no secret by name alone. */
    ck_assert(!real("Tq9-FAKE-pass"));
    ck_assert(!real("test-password-123"));
    ck_assert(!real("mockPassw0rd!"));
    ck_assert(!real("TestPassw0rd!"));
    /* "test" inside a word is no marker. */
    ck_assert(real("Contest2024!"));
}
END_TEST

START_TEST(value_references)
{
    ck_assert(!real("arn:aws:secretsmanager:us-east-1:123456789012:secret:x"));
    ck_assert(!real("ARN:aws:ssm:us-east-1:123456789012:parameter/x"));
    /* The name of the variable that holds the secret. */
    ck_assert(!real("OPENAI_API_KEY"));
    ck_assert(real("KPLMVALUEZ9"));
    /* Addresses without credentials. */
    ck_assert(!real("https://cognito-idp.us-east-1.amazonaws.com/pool_1"));
    ck_assert(!real("https://deploy@git.corp.internal/repo.git"));
    /* A URL is never a secret by its name; a key in its query is a
     * known format (see url_query). */
    ck_assert(!real("https://hooks.internal/x?token=Zq9x8y7zW2"));
    ck_assert(real("https://u:Kq7pw99@git.corp.internal/repo.git"));
}
END_TEST

START_TEST(check_combines)
{
    struct acl_secret_match m;
    const char *v = "Tq9-Kp2w-pass-LG12Go";
    const char *k = "x AKIAFAKETEST2Q7ZW3XM";

    ck_assert(acl_secret_check("DB_PASSWORD", 11, v, strlen(v), &m));
    ck_assert_str_eq(m.kind, "value of a secret-named variable");
    ck_assert_uint_eq(m.start, 0);
    ck_assert_uint_eq(m.end, strlen(v));
    ck_assert(!acl_secret_check("GREETING", 8, v, strlen(v), &m));
    ck_assert(!acl_secret_check("DB_PASSWORD", 11, "${DB}", 5, &m));
    /* Known formats need no name, and win over the name rule. */
    ck_assert(acl_secret_check(NULL, 0, k, strlen(k), &m));
    ck_assert_str_eq(m.kind, "AWS access key ID");
    ck_assert(acl_secret_check("API_KEY", 7, k, strlen(k), &m));
    ck_assert_uint_eq(m.start, 2);
    ck_assert(acl_secret_check("SECRET_ARN", 10, k, strlen(k), NULL));
}
END_TEST

static void
preview(const char *s, size_t len, const char *want)
{
    char out[32];

    memset(out, 'Z', sizeof out);
    acl_secret_preview(s, len, out);
    ck_assert_str_eq(out, want);
}

START_TEST(preview_shows_four)
{
    preview("AKIAFAKETEST2Q7ZW3XM", 20, "AKIA\xe2\x80\xa6");
    preview("sk-proj-FAKE", 12, "sk-p\xe2\x80\xa6");
    /* Whole UTF-8 sequences: 4 characters, not 4 bytes. */
    preview("\xc3\xa9\xe2\x82\xac\xf0\x9f\x94\x91z-FAKE-TEST", 21,
            "\xc3\xa9\xe2\x82\xac\xf0\x9f\x94\x91z\xe2\x80\xa6");
    /* Short values show at most half of themselves. */
    preview("abcdef", 6, "abc\xe2\x80\xa6");
    preview("ab", 2, "a\xe2\x80\xa6");
    preview("a", 1, "\xe2\x80\xa6");
    preview("", 0, "\xe2\x80\xa6");
    preview(NULL, 0, "\xe2\x80\xa6");
}
END_TEST

START_TEST(preview_is_safe)
{
    /* Controls, NUL, bidi overrides and broken sequences become '?'. */
    preview("\x1b[2J-FAKE-TEST", 14, "?[2J\xe2\x80\xa6");
    preview("a\0b\nc-FAKE-TEST", 15, "a?b?\xe2\x80\xa6");
    preview("\xe2\x80\xae"
            "abc-FAKE-TEST",
            16, "?abc\xe2\x80\xa6");
    preview("\xc2\x9b"
            "abc-FAKE-TEST",
            15, "?abc\xe2\x80\xa6");
    preview("\xff\xc3"
            "a\xe2\x82-FAKE-TEST",
            15, "??a?\xe2\x80\xa6");
    preview("\xc0\xaf"
            "abc-FAKE-TEST",
            15, "??ab\xe2\x80\xa6");
    /* A sequence cut by the length is not copied. */
    preview("abcdefg\xe2\x82\xac", 9, "abcd\xe2\x80\xa6");
    preview("ab\xe2\x82\xac"
            "defgh",
            4, "a\xe2\x80\xa6");
    preview("\xe2\x82\xac\xe2\x82\xac\xe2\x82", 8, "\xe2\x82\xac\xe2\x80\xa6");
}
END_TEST

/* ---- precision data sets ---- */

/* Decodes \n \t \r \0 \\ in place; returns the new length. */
static size_t
unescape(char *s, size_t n)
{
    size_t i, o = 0;

    for (i = 0; i < n; i++) {
        char c = s[i];

        if (c == '\\' && i + 1 < n) {
            char e = s[++i];

            c = e == 'n'   ? '\n'
                : e == 't' ? '\t'
                : e == 'r' ? '\r'
                : e == '0' ? '\0'
                           : e;
        }
        s[o++] = c;
    }
    return o;
}

/* Runs every name<TAB>value line of path through acl_secret_check and
 * appends the lines whose verdict is not want to bad; returns the
 * number of lines checked. */
static int
check_file(const char *path, int want, struct acl_buf *bad, int *nbad)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    int lineno = 0, checked = 0;

    ck_assert_msg(f != NULL, "cannot open %s (run from the repo root)", path);
    while (fgets(line, sizeof line, f) != NULL) {
        size_t n = strcspn(line, "\r\n");
        char *tab = memchr(line, '\t', n);

        lineno++;
        if (n == 0 || line[0] == '#')
            continue;
        ck_assert_msg(tab != NULL, "%s:%d: no TAB", path, lineno);
        line[n] = '\0';
        if (acl_secret_check(line, (size_t)(tab - line), tab + 1,
                             unescape(tab + 1, n - (size_t)(tab + 1 - line)),
                             NULL) != want) {
            acl_buf_printf(bad, "%s:%d: %s\n", path, lineno, line);
            (*nbad)++;
        }
        checked++;
    }
    fclose(f);
    return checked;
}

START_TEST(fixtures_precision_and_recall)
{
    struct acl_buf bad = {0};
    int nbad = 0, fakes, nots;

    fakes = check_file("fixtures/secrets/fake-secrets.txt", 1, &bad, &nbad);
    nots = check_file("fixtures/secrets/not-secrets.txt", 0, &bad, &nbad);
    ck_assert_int_ge(fakes, 40);
    ck_assert_int_ge(nots, 40);
    if (nbad > 0)
        fprintf(stderr, "misjudged lines:\n%s", bad.data);
    ck_assert_msg(nbad == 0, "%d misjudged lines:\n%s", nbad,
                  bad.data != NULL ? bad.data : "");
    acl_buf_free(&bad);
}
END_TEST

/* The index of a document: every known-format secret in a value or a
 * member name, and every value its name makes a secret (an array's
 * items under the array's name), as ranges; the strings AC014 reads,
 * with their pointers, and only those. */
START_TEST(document_index)
{
    static const char doc[] =
        "{\"ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\":1,"
        "\"plain\":\"nothing here at all\","
        "\"a/b\":[{\"k\":\"ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zB6\"}],"
        "\"passwords\":[\"Zq8#vLm2!pR7wX4k\"],"
        "\"customParameters\":{\"audience\":\"api\"}}";
    json_error_t e;
    json_t *root = json_loads(doc, 0, &e);
    struct acl_secret_index *ix;

    ck_assert_ptr_nonnull(root);
    ix = acl_secret_index_new(root);
    ck_assert_uint_eq(ix->nranges, 3);
    ck_assert_int_eq(strncmp(ix->ranges[0].s, "ghp_aB3", 7), 0);
    ck_assert_uint_eq(ix->ranges[0].n, 40);
    ck_assert_int_eq(strncmp(ix->ranges[2].s, "Zq8#", 4), 0);
    ck_assert_uint_eq(ix->nstrings, 2);
    ck_assert_str_eq(ix->strings[0].pointer, "/a~1b/0/k");
    ck_assert_int_eq(ix->strings[0].known, 1);
    ck_assert_str_eq(ix->strings[0].match.kind, "GitHub token");
    ck_assert_str_eq(ix->strings[1].pointer, "/customParameters/audience");
    ck_assert_int_eq(ix->strings[1].known, 0);
    acl_secret_index_free(ix);
    json_decref(root);
    ix = acl_secret_index_new(NULL);
    ck_assert_uint_eq(ix->nranges + ix->nstrings, 0);
    acl_secret_index_free(ix);
    acl_secret_index_free(NULL);
}
END_TEST

static void
add(Suite *s, const char *name, const TTest *t)
{
    TCase *tc = tcase_create(name);

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, t);
    suite_add_tcase(s, tc);
}

Suite *
acl_suite_secret(void)
{
    Suite *s = suite_create("secret");

    add(s, "init", init_is_idempotent);
    add(s, "document_index", document_index);
    add(s, "aws", aws_access_key);
    add(s, "bedrock", bedrock_key);
    add(s, "openai", openai_key);
    add(s, "anthropic", anthropic_key);
    add(s, "github", github_token);
    add(s, "slack", slack_token);
    add(s, "stripe", stripe_key);
    add(s, "google", google_key);
    add(s, "private_key", private_key);
    add(s, "jwt", json_web_token);
    add(s, "url_password", url_with_password);
    add(s, "known_range", known_uses_length_and_range);
    add(s, "name_tokens", name_tokens);
    add(s, "name_excluded", name_excluded_last_token);
    add(s, "name_plural", name_plural_tokens);
    add(s, "value_basic", value_basic_rules);
    add(s, "value_placeholders", value_placeholders);
    add(s, "value_references", value_references);
    add(s, "check", check_combines);
    add(s, "preview_four", preview_shows_four);
    add(s, "preview_safe", preview_is_safe);
    add(s, "fixtures", fixtures_precision_and_recall);
    add(s, "name_strength", name_strength);
    add(s, "generated", generated_values);
    add(s, "check_strength", check_by_strength);
    add(s, "check_test_files", check_in_test_files);
    add(s, "connection_strings", connection_strings);
    add(s, "url_query", url_query);
    add(s, "new_formats", new_token_formats);
    add(s, "dotenv", dotenv_parsing);
    return s;
}
