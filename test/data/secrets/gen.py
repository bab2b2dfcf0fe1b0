#!/usr/bin/env python3
"""Writes the labelled precision set of the secret model.

  python3 test/data/secrets/gen.py        (from the repository root)

SECRETSET_SEED=N draws another set (to probe the model; commit only the
default one).

Two files, one case a line, `place<TAB>name<TAB>value` (escapes in the
value: \\n newline, \\t tab, \\\\ backslash):

  fake-secrets.tsv  every line must be reported: fake secrets in every
                    format and hiding place the model claims. All are
                    made here from a fixed seed with the right length and
                    alphabet; none is a real credential.
  not-secrets.tsv   no line may be reported: secret-looking values
                    written the way AgentCore, boto3, Strands, LangChain,
                    Docker and Kubernetes configs name things.

Places (test/check_secretset.c): env (a runtime envVars entry, AC003),
arg (a customDockerBuildArgs entry, AC003), param (an OAuth
customParameters entry, AC014), json (a string anywhere in
agentcore.json, AC014: known formats only), dotenv (a NAME=value line of
a .env file in the code folder, AC014), endpoint (an mcpServer target's
endpoint: AC002 reports a key in its query, AC014 stays silent), code
(the name+value model alone, as agent code uses it), testfile (the
model in a test file: known formats only).
"""
import os
import random
import string

HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(int(os.environ.get("SECRETSET_SEED", "20261203")))
B62 = string.ascii_letters + string.digits
LOWER_DIG = string.ascii_lowercase + string.digits
UPPER_DIG = string.ascii_uppercase + string.digits
HEX = "0123456789abcdef"
B64 = B62 + "+/"
MARKERS = ("fake", "dummy", "example", "sample", "test", "mock", "redact",
           "placeholder", "xxxx", "todo", "your", "here", "lorem", "tbd")


def clean(s):
    low = s.lower()
    if any(m in low for m in MARKERS):
        return False
    return not any(s[i] * 6 in s for i in range(len(s)))


def rnd(alphabet, n, need=None):
    """A random string of n characters with every class in need."""
    while True:
        s = "".join(R.choice(alphabet) for _ in range(n))
        if need and not all(any(c in cls for c in s) for cls in need):
            continue
        if clean(s):
            return s


def mixed(n):
    return rnd(B62, n, [string.ascii_lowercase, string.ascii_uppercase,
                        string.digits])


def b32(n):
    return rnd("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", n)


def hexs(n):
    return rnd(HEX, n, [string.digits, "abcdef"])


def letters(n):
    return rnd(string.ascii_letters, n, [string.ascii_lowercase,
                                         string.ascii_uppercase])


def password():
    """A human-made password: words, digits and a symbol."""
    words = ["Summer", "Tiger", "Ocean", "Falcon", "Maple", "Orbit", "River",
             "Quartz", "Copper", "Nimbus", "Harbor", "Cobalt"]
    sym = R.choice("!@#$%^&*?+=")
    return R.choice(words) + sym + str(R.randint(10, 9999)) + R.choice(words).lower()


def jwt():
    import base64
    import json

    def enc(o):
        return base64.urlsafe_b64encode(json.dumps(o).encode()).decode().rstrip("=")
    head = enc({"alg": "HS256", "typ": "JWT"})
    body = enc({"sub": "agent-" + rnd(LOWER_DIG, 6), "iat": R.randint(1.6e9, 1.8e9)})
    return head + "." + body + "." + rnd(B62 + "-_", 43, [string.digits])


def pem(kind):
    body = "\n".join(rnd(B64, 64) for _ in range(4))
    return "-----BEGIN %sPRIVATE KEY-----\n%s\n-----END %sPRIVATE KEY-----" % (
        kind, body, kind)


# ---- fake secrets: known formats ----

def known_formats():
    out = []
    out += [("AWS access key ID", p + b32(16)) for p in ("AKIA", "ASIA", "AKIA", "ABIA", "ACCA")]
    out += [("Bedrock long-term", "ABSK" + rnd(B64, 120, [string.digits]))]
    out += [("Bedrock short-term", "bedrock-api-key-" + rnd(B64, 180, [string.digits]))]
    out += [("OpenAI", "sk-" + mixed(48)),
            ("OpenAI project", "sk-proj-" + rnd(B62 + "-_", 120, [string.digits, string.ascii_uppercase, string.ascii_lowercase])),
            ("OpenAI service", "sk-svcacct-" + mixed(60)),
            ("OpenAI admin", "sk-admin-" + mixed(60))]
    out += [("Anthropic", "sk-ant-api03-" + rnd(B62 + "-_", 93, [string.digits, string.ascii_uppercase, string.ascii_lowercase]) + "AA"),
            ("Anthropic admin", "sk-ant-admin01-" + mixed(93) + "AA")]
    out += [("GitHub", p + mixed(36)) for p in ("ghp_", "gho_", "ghu_", "ghs_", "ghr_")]
    out += [("GitHub fine-grained", "github_pat_" + mixed(22) + "_" + mixed(59))]
    out += [("Slack bot", "xoxb-" + rnd(string.digits, 12) + "-" + rnd(string.digits, 13) + "-" + mixed(24)),
            ("Slack user", "xoxp-" + rnd(string.digits, 12) + "-" + rnd(string.digits, 12) + "-" + rnd(string.digits, 13) + "-" + hexs(32)),
            ("Slack legacy workspace", "xoxa-2-" + rnd(LOWER_DIG, 12, [string.digits])),
            ("Slack legacy refresh", "xoxr-" + rnd(LOWER_DIG, 14, [string.digits])),
            ("Slack app", "xapp-1-A" + rnd(UPPER_DIG, 10) + "-" + rnd(string.digits, 13) + "-" + hexs(64)),
            ("Slack app", "xapp-1-A" + rnd(UPPER_DIG, 8) + "-" + rnd(string.digits, 12) + "-" + hexs(64)),
            ("Slack config", "xoxe.xoxp-1-" + rnd(UPPER_DIG, 163)),
            ("Slack refresh", "xoxe-1-" + rnd(UPPER_DIG, 146))]
    out += [("Slack webhook", "https://hooks.slack.com/services/T" + rnd(UPPER_DIG, 8) + "/B" + rnd(UPPER_DIG, 10) + "/" + mixed(24)),
            ("Slack webhook", "https://hooks.slack.com/services/T" + rnd(UPPER_DIG, 10) + "/B" + rnd(UPPER_DIG, 10) + "/" + mixed(24)),
            ("Slack workflow", "https://hooks.slack.com/workflows/T" + rnd(UPPER_DIG, 10) + "/A" + rnd(UPPER_DIG, 10) + "/" + rnd(string.digits, 18) + "/" + mixed(24)),
            ("Slack trigger", "https://hooks.slack.com/triggers/T" + rnd(UPPER_DIG, 10) + "/" + rnd(string.digits, 13) + "/" + hexs(32))]
    out += [("Stripe", "sk_live_" + mixed(99)), ("Stripe restricted", "rk_live_" + mixed(99)),
            ("Google", "AIza" + rnd(B62 + "-_", 35, [string.digits, string.ascii_uppercase, string.ascii_lowercase]))]
    out += [("Langfuse", "sk-lf-" + hexs(8) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(12)),
            ("LangSmith", "lsv2_pt_" + hexs(32) + "_" + hexs(10)),
            ("LangSmith service", "lsv2_sk_" + hexs(32) + "_" + hexs(10)),
            ("Tavily", "tvly-" + mixed(32)), ("Tavily dev", "tvly-dev-" + mixed(32)),
            ("Groq", "gsk_" + mixed(52)),
            ("Pinecone", "pcsk_" + mixed(6) + "_" + mixed(62)),
            ("Perplexity", "pplx-" + mixed(48)), ("xAI", "xai-" + mixed(80)),
            ("Replicate", "r8_" + mixed(37)), ("npm", "npm_" + mixed(36)),
            ("GitLab", "glpat-" + rnd(B62 + "_-", 20, [string.digits, string.ascii_uppercase, string.ascii_lowercase])),
            ("SendGrid", "SG." + mixed(22) + "." + rnd(B62 + "_-", 43, [string.digits]))]
    out += [("Hugging Face", "hf_" + letters(34)) for _ in range(3)]
    out += [("Hugging Face org", "api_org_" + letters(34))]
    out += [("PEM RSA", pem("RSA ")), ("PEM", pem("")), ("PEM EC", pem("EC ")),
            ("PEM OpenSSH", pem("OPENSSH "))]
    out += [("JWT", jwt()) for _ in range(3)]
    out += [("JWT bearer", "Bearer " + jwt())]
    pw = lambda: mixed(R.randint(12, 20))
    out += [("postgres URL", "postgresql://app:%s@db.prod.internal:5432/orders" % pw()),
            ("postgres URL", "postgres://agent_rw:%s@orders.cluster-c1x2y3.us-east-1.rds.amazonaws.com/app" % password()),
            ("mysql URL", "mysql://root:%s@mysql:3306/shop" % pw()),
            ("mongo srv", "mongodb+srv://svc-agent:%s@cluster0.ab12c.mongodb.net/agents?retryWrites=true" % pw()),
            ("mongo", "mongodb://admin:%s@mongo-0.mongo:27017,mongo-1.mongo:27017/admin?replicaSet=rs0" % pw()),
            ("redis", "redis://:%s@redis.cache.internal:6379/0" % pw()),
            ("rediss", "rediss://default:%s@clustercfg.agent-cache.abc123.use1.cache.amazonaws.com:6379" % pw()),
            ("amqp", "amqp://worker:%s@rabbitmq:5672/%%2F" % pw()),
            ("amqps", "amqps://agent:%s@b-1234abcd.mq.us-east-1.amazonaws.com:5671" % pw()),
            ("https basic", "https://deploy:%s@git.corp.io/agents/tools.git" % pw()),
            ("neo4j", "neo4j+s://neo4j:%s@abcd1234.databases.neo4j.io" % pw())]
    out += [("JDBC query", "jdbc:postgresql://db.internal:5432/app?user=agent&password=%s&ssl=true" % pw()),
            ("JDBC sqlserver", "jdbc:sqlserver://sql.corp.io:1433;databaseName=agents;user=svc;password=%s;encrypt=true" % pw()),
            ("JDBC mysql", "jdbc:mysql://mysql.internal:3306/shop?useSSL=true&user=shop&password=%s" % password()),
            ("ADO.NET", "Server=tcp:agents.database.windows.net,1433;Initial Catalog=agents;User ID=svc_agent;Password=%s;Encrypt=True;" % pw()),
            ("ADO.NET", "Data Source=sql01;Initial Catalog=Orders;User Id=orders;Password=%s;" % password()),
            ("libpq", "host=db.internal port=5432 dbname=app user=agent password=%s sslmode=require" % pw()),
            ("libpq", "dbname=orders user=reporting password=%s host=10.0.3.12" % password()),
            ("Azure storage", "DefaultEndpointsProtocol=https;AccountName=agentdocs;AccountKey=%s==;EndpointSuffix=core.windows.net" % rnd(B64, 86, [string.digits])),
            ("Azure service bus", "Endpoint=sb://agents.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=%s=" % rnd(B64, 43, [string.digits]))]
    return out


def query_urls():
    q = []
    q.append("https://mcp.exa.ai/mcp?exaApiKey=" + hexs(8) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(12))
    q.append("https://api.tavily.com/mcp?api_key=tvly-" + mixed(32))
    q.append("https://mcp.firecrawl.dev/mcp?apiKey=fc-" + hexs(32))
    q.append("https://tools.corp.io/mcp?key=" + mixed(40))
    q.append("https://server.smithery.ai/@acme/weather/mcp?api_key=" + hexs(8) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(12) + "&profile=prod")
    q.append("https://mcp.corp.io/sse?token=" + mixed(32))
    q.append("https://mcp.vendor.io/v1/mcp?region=us&access_token=" + mixed(48))
    q.append("https://search.vendor.com/mcp?apikey=" + hexs(32))
    q.append("https://mcp.weather.io/mcp?units=metric&appid=" + hexs(32) + "&api-key=" + mixed(28))
    q.append("https://gateway.partner.net/mcp?client_secret=" + mixed(40) + "&client_id=agent")
    q.append("https://mcp.notion.io/mcp?auth=" + mixed(36))
    q.append("https://mcp.internal.io/mcp?x-api-key=" + mixed(30))
    q.append("https://mcp.acme.dev/mcp?password=" + password().replace("&", "!").replace("#", "@").replace("?", "*").replace("+", "-").replace("=", "^"))
    q.append("https://api.stocks.io/mcp?apiToken=" + mixed(26))
    return q


def named_fakes():
    """(name, value): literal secrets that only their name gives away."""
    strong = [
        ("DB_PASSWORD", "$uperS3cret!2024"), ("DB_PASS", password()),
        ("GPG_PASSPHRASE", password()), ("MYSQL_ROOT_PASSWORD", mixed(16)),
        ("POSTGRES_PASSWORD", password()), ("REDIS_PASSWORD", mixed(24)),
        ("ADMIN_PWD", password()), ("SMTP_PASSWD", mixed(14)),
        ("CLIENT_SECRET", mixed(40)), ("GATEWAY_CLIENT_SECRET", rnd(LOWER_DIG, 52, [string.digits])),
        ("COGNITO_CLIENT_SECRET", rnd(LOWER_DIG, 51, [string.digits])),
        ("OAUTH_CLIENT_SECRET", mixed(34)), ("clientSecret", mixed(40)),
        ("client_secret", mixed(32)), ("JWT_SECRET", mixed(48)),
        ("SECRET_KEY", "django-insecure-" + rnd(LOWER_DIG + "!@#$%^&*(-_=+)", 50, [string.digits])),
        ("FLASK_SECRET_KEY", hexs(64)), ("APP_SECRET", mixed(32)),
        ("WEBHOOK_SECRET", "whsec_" + mixed(32)), ("SIGNING_SECRET", hexs(32)),
        ("PRIVATE_KEY", rnd(B64, 88, [string.digits]) + "=="),
        ("KEYSTORE_PASSWORD", password()), ("LDAP_BIND_PASSWORD", password()),
        ("RABBITMQ_DEFAULT_PASS", mixed(18)), ("ES_PASSWORD", password()),
        ("NEO4J_PASSWORD", mixed(20)), ("SNOWFLAKE_PASSWORD", password()),
        ("password", password()), ("dbPassword", password()),
        ("AZURE_CLIENT_SECRET", rnd(B62 + "~._-", 40, [string.digits, "~"])),
        ("SESSION_SECRET", mixed(64)), ("NEXTAUTH_SECRET", rnd(B64, 43, [string.digits]) + "="),
        ("SLACK_SIGNING_SECRET", hexs(32)), ("ENCRYPTION_PASSPHRASE", password()),
        ("BASIC_AUTH_PASSWORD", password()), ("AWS_SECRET_ACCESS_KEY", rnd(B64, 40, [string.digits, "/"])),
        ("DB_PASSWORD", "Contest" + str(R.randint(1000, 9999)) + "!"), ("ADMIN_PASSWORD", "latest#" + str(R.randint(100, 999)) + "Harbor"),
    ]
    weak = [
        ("API_KEY", mixed(32)), ("OPENWEATHER_API_KEY", hexs(32)),
        ("TAVILY_API_KEY", "tvly-" + mixed(32)), ("EXA_API_KEY", hexs(8) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(12)),
        ("SERPAPI_KEY", hexs(64)), ("PINECONE_API_KEY", "pcsk_" + mixed(6) + "_" + mixed(60)),
        ("FIRECRAWL_API_KEY", "fc-" + hexs(32)), ("MISTRAL_API_KEY", mixed(32)),
        ("COHERE_API_KEY", mixed(40)), ("LANGSMITH_API_KEY", "lsv2_pt_" + hexs(32) + "_" + hexs(10)),
        ("LANGFUSE_SECRET_KEY", "sk-lf-" + hexs(8) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(12)),
        ("GROQ_API_KEY", "gsk_" + mixed(52)), ("PERPLEXITY_API_KEY", "pplx-" + mixed(48)),
        ("AUTH_TOKEN", mixed(40)), ("ACCESS_TOKEN", mixed(64)),
        ("GITHUB_TOKEN", hexs(40)), ("DISCORD_BOT_TOKEN", mixed(24) + "." + mixed(6) + "." + mixed(38)),
        ("TELEGRAM_BOT_TOKEN", rnd(string.digits, 10) + ":" + rnd(B62 + "_-", 35, [string.digits, string.ascii_uppercase])),
        ("NOTION_TOKEN", "secret_" + mixed(43)), ("X_API_KEY", mixed(40)),
        ("x-api-key", mixed(40)), ("Authorization", "Bearer " + mixed(40)),
        ("Authorization", "Basic " + rnd(B64, 32, [string.digits]) + "=="),
        ("bearer", mixed(32)), ("apiKey", mixed(36)), ("apikey", hexs(32)),
        ("SERVICE_CREDENTIALS", mixed(44)), ("CREDENTIAL", rnd(B64, 48, [string.digits])),
        ("AUTH", mixed(30)), ("PRIVATE_TOKEN", "glpat-" + mixed(20)),
        ("SENDGRID_API_KEY", "SG." + mixed(22) + "." + mixed(43)),
        ("MAILGUN_API_KEY", "key-" + hexs(32)), ("DATADOG_API_KEY", hexs(32)),
        ("NEW_RELIC_LICENSE_KEY", hexs(36) + "NRAL"), ("ALGOLIA_API_KEY", hexs(32)),
        ("SPLUNK_HEC_TOKEN", hexs(8) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(4) + "-" + hexs(12)),
        ("HF_TOKEN", "hf_" + letters(34)), ("REPLICATE_API_TOKEN", "r8_" + mixed(37)),
        ("TWILIO_AUTH_TOKEN", hexs(32)), ("AWS_SESSION_TOKEN", "IQoJb3JpZ2luX2Vj" + rnd(B64, 300, [string.digits])),
        ("ENCRYPTION_KEY", rnd(B64, 43, [string.digits]) + "="), ("MASTER_KEY", mixed(32)),
        ("accessToken", mixed(48)), ("refresh_token", mixed(64)),
        ("authToken", rnd(B62 + "-_", 40, [string.digits, string.ascii_uppercase])),
    ]
    return strong, weak


# Shapes the peer scanners count as secrets that the random generators
# above do not produce: fixed literals, so the seeded stream is unchanged.
def key_shapes():
    return [("AWS key ID, letter run", "AKIAZZZZZZZZZZZZZZZZ"),
            ("AWS key ID, A3T prefix", "A3TBQ7ZK4MW2RTXNEP5D"),
            ("Bedrock, documentation shape", "ABSKQmVkcm9ja0FQSUtleS1" + "EXAMPLE" * 13 + "EXM="),
            ("Slack legacy, repeated digits", "xoxa-2-711111111-41111111111-4111111111111-0d9e7a3b2c1f4e5d6a"),
            ("Slack bot, typed team number", "xoxb-123456789012-Qm48sLzR2vTnXw7pKd"),
            ("Slack refresh", "xoxe-5126837507825-4948681849303-4756614048758-a1b0f3d4cb371f92260edb0d9444d2e7"),
            ("Stripe, one case", "sk_test_q8wuazsc4czvocgnzut9ih90pk5ifh2"),
            # alg "none": unsigned, still claims a server may trust
            ("JWT unsigned", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ0ZXN0LXVzZXIifQ."),
            ("JWT without signature", "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhZ2VudC0wMDEifQ"),
            ("PEM, text body", "-----BEGIN RSA PRIVATE KEY-----\nnot base64 at all, still pasted\n-----END RSA PRIVATE KEY-----"),
            ("basic auth, word password", "https://deploy:password@git.corp.io/agents/tools.git")]


def fakes():
    rows = []
    kf = known_formats() + key_shapes()
    places = ["env", "json", "dotenv", "arg", "param", "code", "testfile"]
    neutral = ["CONFIG_VALUE", "UPSTREAM", "SETTING", "NOTES", "TOOL_CONFIG",
               "BACKEND", "connection", "target"]
    for i, (kind, v) in enumerate(kf):
        # every known format in every place whose value it can be
        for p in places:
            if "\n" in v and p in ("dotenv", "arg"):
                continue
            name = neutral[(i + len(p)) % len(neutral)]
            rows.append((p, name, v))
    for i, u in enumerate(query_urls()):
        rows.append(("endpoint", "endpoint", u))
        rows.append(("json", "url", u))
        rows.append(("env", ["MCP_URL", "SEARCH_ENDPOINT", "TOOLS_MCP"][i % 3], u))
        rows.append(("dotenv", "MCP_SERVER", u))
    strong, weak = named_fakes()
    for i, (n, v) in enumerate(strong + weak):
        rows.append((["env", "dotenv", "param", "code", "arg"][i % 5], n, v))
        rows.append(("code", n, v))
    return rows


# ---- not secrets ----

def uuid():
    return "%s-%s-4%s-%s%s-%s" % (hexs(8), hexs(4), hexs(3), R.choice("89ab"), hexs(3), hexs(12))


def not_secrets():
    acct = "123456789012"
    rows = []

    def add(place, name, *values):
        for v in values:
            rows.append((place, name, v))

    # object and database keys
    add("env", "EASEAPPLY_S3_KEY", "easeapply.db")
    add("code", "Key", "uploads/aaa111/paper.pdf", "reports/2024/q3/summary.csv",
        "agents/session-7f3a/transcript.json", "models/v2/model.tar.gz")
    add("code", "source_pdf_key", "uploads/aaa111/paper.pdf")
    add("env", "S3_KEY", "data/train-00001-of-00010.parquet")
    add("env", "S3_OBJECT_KEY", "kb/documents/faq.md")
    add("code", "object_key", "raw/2024/06/01/events-0001.jsonl.gz")
    add("code", "cache_key", "user:42:profile", "embeddings:v3:9f2c1a")
    add("code", "sort_key", "CREATED_AT#2024-06-01T10:00:00Z", "ORDER#000123")
    add("code", "partition_key", "TENANT#acme", "USER#u-7781")
    add("code", "primary_key", "customer_id")
    add("code", "model_key", "claude-3-5-sonnet")
    add("code", "hash_key", "session_id")
    add("code", "range_key", "timestamp")
    add("code", "idempotency_key", "order-2024-06-01-0001")
    add("code", "redis_key", "agent:memory:short_term")
    add("code", "KEY", "conversation_history")
    add("code", "key", "user_preferences", "AWS_REGION")
    add("code", "lookup_key", "country_code")
    add("code", "dedup_key", "event-id-123")
    add("code", "memory_key", "chat_history")
    add("code", "namespace_key", "/users/{actorId}/facts")
    add("code", "output_key", "final_answer")
    add("code", "input_key", "question")
    add("code", "state_key", "agent_state")
    add("code", "sortKey", "createdAt")
    add("code", "partitionKey", "tenantId")
    add("code", "cacheKey", "session:abc123")
    add("code", "hotkey", "ctrl+shift+k")
    add("code", "metric_key", "latency_p99_ms")
    add("code", "routing_key", "orders.created")
    add("code", "event_key", "OrderPlaced")
    add("code", "config_key", "agent.model.temperature")
    add("code", "result_key", "tool_output")
    add("code", "response_key", "answer")
    # KMS and other key IDs
    for name in ("KMS_KEY", "KMS_KEY_ID", "ENCRYPTION_KEY_ID", "kmsKeyId",
                 "SSE_KMS_KEY", "CMK_ID", "DATA_KEY_ID", "KMS_MASTER_KEY"):
        add("env", name, uuid())
    add("env", "KMS_KEY", "alias/agentcore-memory", "alias/aws/s3",
        "mrk-" + hexs(32))
    add("env", "KMS_KEY_ARN", "arn:aws:kms:us-east-1:%s:key/%s" % (acct, uuid()))
    add("env", "ENCRYPTION_KEY", "arn:aws:kms:eu-west-1:%s:alias/app-data" % acct)
    add("code", "KeyId", "alias/prod-secrets")
    add("code", "SSEKMSKeyId", uuid())
    add("env", "PUBLIC_KEY", "ssh-ed25519.pub")
    add("code", "kms_key", uuid())
    # header names
    add("env", "API_KEY_HEADER", "X-Api-Key")
    add("code", "API_KEY_HEADER", "x-api-key")
    add("code", "AUTH_HEADER", "Authorization")
    add("code", "TOKEN_HEADER", "X-Amz-Security-Token")
    add("code", "auth_header_name", "Proxy-Authorization")
    add("env", "SECRET_HEADER", "X-Webhook-Signature")
    add("code", "api_key_header", "Ocp-Apim-Subscription-Key")
    add("env", "GATEWAY_API_KEY_HEADER_NAME", "x-gateway-key")
    add("code", "headerName", "X-Api-Key")
    add("code", "token", "Authorization")
    add("code", "API_KEY", "X-API-KEY")
    add("code", "apiKey", "x-api-key")
    add("code", "authorization", "Authorization")
    # token encodings, tokenizers, token types
    add("env", "TOKEN_ENCODING", "cl100k_base", "o200k_base", "p50k_base")
    add("code", "TOKENIZER", "cl100k_base")
    add("code", "token_encoding", "o200k_base")
    add("code", "TOKEN_TYPE", "Bearer", "urn:ietf:params:oauth:token-type:jwt")
    add("code", "token_type", "access_token")
    add("code", "AUTH_TYPE", "CUSTOM_JWT", "AWS_IAM")
    add("env", "AUTH_MODE", "client_credentials")
    add("code", "grant_type", "client_credentials")
    add("env", "TOKEN", "refresh_token")
    add("env", "AUTH", "cognito")
    add("env", "AUTH", "AWS_IAM")
    add("env", "BEARER", "Authorization")
    add("env", "CREDENTIALS", "default")
    add("env", "AUTH_PROVIDER", "cognito-user-pool")
    add("env", "AUTH_STRATEGY", "oauth2-client-credentials")
    add("env", "TOKEN_AUDIENCE", "api://agentcore-gateway")
    add("env", "TOKEN_ISSUER", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123")
    add("env", "AUTH_DOMAIN", "agents-prod.auth.us-east-1.amazoncognito.com")
    add("env", "AUTH_SCOPE", "gateway/invoke tools/read")
    add("env", "AUTH_SCOPES", "openid email profile")
    add("env", "TOKEN_SCOPE", "agentcore-gateway/invoke")
    add("env", "TOKEN_ALGORITHM", "RS256")
    add("env", "JWT_ALGORITHM", "HS256")
    add("env", "PASSWORD_HASHER", "argon2id")
    add("env", "PASSWORD_POLICY", "min-length-12-upper-lower-digit")
    add("env", "PASSWORD_PATTERN", "^(?=.*[A-Z])(?=.*\\d).{12,}$")
    add("env", "TOKEN_FORMAT", "jwt")
    add("env", "SECRET_MARKER", "UNIQUE_KB_CONTENT_MARKER_9g7h2j")
    add("code", "secret_marker", "UNIQUE_KB_CONTENT_MARKER_9g7h2j")
    add("env", "API_KEY_PREFIX", "sk-proj-")
    add("env", "TOKEN_PREFIX", "Bearer ")
    add("env", "SECRET_PREFIX", "agentcore/prod/")
    add("env", "SECRET_SUFFIX", "-credentials")
    add("env", "API_KEY_FIELD", "apiKey")
    add("env", "TOKEN_FIELD", "access_token")
    add("env", "SECRET_FIELD", "SecretString")
    add("env", "KEY_ALIAS", "alias/agentcore")
    add("env", "SECRETS_BUCKET", "acme-agent-secrets-" + acct)
    add("env", "TOKEN_BUCKET", "rate-limit-bucket")
    add("env", "AUTH_ISSUER", "https://login.microsoftonline.com/%s/v2.0" % uuid())
    # credential-provider names and by-name references
    add("env", "OPENAI_CREDENTIAL_PROVIDER", "MemCredEnvOpenAI")
    add("env", "OPENAI_CREDENTIAL", "MemCredEnvOpenAI")
    add("env", "API_KEY_PROVIDER_NAME", "openai-api-key")
    add("env", "CREDENTIAL_NAME", "github-oauth")
    add("env", "CREDENTIAL_PROVIDER", "GoogleOAuth2Provider")
    add("env", "API_KEY_CREDENTIAL", "TavilyApiKeyCredential")
    add("env", "TOKEN_VAULT", "default")
    add("env", "AGENTCORE_CREDENTIAL", "SlackBotToken")
    add("env", "OAUTH_CREDENTIAL", "GatewayCognitoOAuth")
    add("env", "CREDENTIALS_PROVIDER", "ContainerCredentialsProvider")
    add("code", "provider_name", "openai-key")
    add("code", "credential", "ExaSearchApiKey")
    add("code", "auth", "OAuth2ClientCredentials")
    add("code", "api_key", "OpenAIApiKeyProvider")
    add("code", "token", "AccessTokenProvider")
    add("env", "SECRET", "AgentCoreGatewaySecret")
    add("env", "SECRET_NAME", "prod/agent/openai")
    add("env", "SECRET_ID", "prod/agent/db-credentials")
    add("env", "DB_SECRET", "prod/orders/db")
    add("env", "API_KEY_SECRET", "agentcore/tavily-api-key")
    add("env", "SECRETS_MANAGER_SECRET", "arn:aws:secretsmanager:us-east-1:%s:secret:prod/api-key-AbCdEf" % acct)
    add("env", "CLIENT_SECRET", "arn:aws:secretsmanager:us-east-1:%s:secret:cognito-client-secret-x1Y2z3" % acct)
    add("env", "DB_PASSWORD", "arn:aws:ssm:us-east-1:%s:parameter/prod/db/password" % acct)
    add("env", "OPENAI_API_KEY", "ssm:/prod/openai/api-key")
    add("env", "TOKEN_SECRET_ARN", "arn:aws:secretsmanager:eu-central-1:%s:secret:token-9xYz12" % acct)
    add("env", "PASSWORD", "/run/secrets/db_password")
    add("env", "DB_PASSWORD", "{{resolve:secretsmanager:prod/db:SecretString:password}}")
    add("env", "API_KEY", "{{resolve:ssm-secure:/agent/api-key:1}}")
    # references to variables and placeholders
    for name in ("API_KEY", "OPENAI_API_KEY", "DB_PASSWORD", "CLIENT_SECRET", "GITHUB_TOKEN"):
        add("env", name, "${%s}" % name, "$" + name, "%" + name + "%", name,
            "${%s:-}" % name)
    add("env", "API_KEY", "${env:API_KEY}", "${ssm:/agent/api-key}", "$(cat /run/secrets/api_key)")
    add("env", "Authorization", "Bearer ${ACCESS_TOKEN}", "Bearer $TOKEN", "Bearer <token>", "Bearer {{token}}")
    add("env", "DB_PASSWORD", "<db-password>", "<YOUR_DB_PASSWORD>", "your-db-password", "your_password_here", "changeme", "CHANGE_ME", "REPLACE_ME", "********", "xxxxxxxxxxxx", "TODO", "TBD")
    add("env", "OPENAI_API_KEY", "sk-...", "sk-xxxxxxxxxxxxxxxxxxxxxxxx", "sk-your-key-here", "<your-openai-key>", "YOUR_OPENAI_API_KEY", "insert-key-here")
    add("env", "ANTHROPIC_API_KEY", "sk-ant-xxxxxxxx", "sk-ant-api03-...")
    add("env", "SLACK_BOT_TOKEN", "xoxb-your-token", "xoxb-xxxxxxxxxxxx-xxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxx")
    add("env", "HF_TOKEN", "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "hf_...")
    add("env", "GITHUB_TOKEN", "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "ghp_your_token")
    add("env", "API_KEY", "{api_key}", "{{ .Values.apiKey }}", "{{ secrets.API_KEY }}", "<%= ENV['API_KEY'] %>")
    add("env", "CLIENT_SECRET", "${COGNITO_CLIENT_SECRET}", "${{ secrets.CLIENT_SECRET }}")
    add("env", "PASSWORD", "none", "null", "", "false", "true", "0", "12345")
    # vault and environment references written as values
    add("env", "DB_PASSWORD", "vault:secret/data/app#password",
        "@Microsoft.KeyVault(SecretUri=https://kv-agents.vault.azure.net/secrets/db/)",
        "secretsmanager:prod/db:password", "ref+awsssm://prod/db/password",
        "op://agents/db/password", "[hidden]", "<masked>", "(omitted)")
    add("code", "api_key", "os.environ['OPENAI_API_KEY']", "process.env.OPENAI_API_KEY",
        "os.getenv('TAVILY_API_KEY')")
    add("env", "CLIENT_SECRET", "projects/agents-prod/secrets/client-secret/versions/latest")
    add("env", "LANGSMITH_API_KEY", "lsv2_pt_0123456789abcdef0123456789abcdef_0123456789")
    add("env", "TAVILY_API_KEY", "tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "tvly-YOUR_API_KEY")
    add("env", "GROQ_API_KEY", "gsk_...", "gsk_your_groq_api_key")
    add("env", "NPM_TOKEN", "npm_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
    # test-fixture markers
    add("testfile", "api_key", "sk-test-fakekeyvalue123")
    add("code", "api_key", "sk-test-fakekeyvalue123")
    add("code", "OPENAI_API_KEY", "fake-openai-key-123")
    add("code", "password", "test-password-123", "dummy_password_1", "Test1234!", "mockPassword99", "fakePassw0rd!")
    add("code", "token", "fake-token-abc123XYZ987", "dummy-token-9f8e7d6c5b4a", "mock_token_A1b2C3d4E5f6G7h8")
    add("code", "client_secret", "test-client-secret-42", "example-client-secret-9", "sample_secret_value_1")
    add("code", "api_key", "test_api_key_0123456789abcdef", "TEST-KEY-A1B2C3D4E5F6", "redacted-key-1a2b3c", "REDACTED")
    add("code", "secret", "mocksecret123", "placeholder-secret-1")
    add("testfile", "api_key", "Zk3mQ9vL2xW8pR5tY7uA1sD4fG6hJ0kL")
    add("testfile", "password", "S3cr3t!Passw0rd")
    add("testfile", "client_secret", "q1w2e3r4t5y6u7i8o9p0asdfghjklzxc")
    add("testfile", "DB_PASSWORD", "$uperS3cret!2024")
    add("env", "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE")
    add("env", "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")
    add("json", "description", "use AKIAI44QH8DHBEXAMPLE in the walkthrough")
    # samples altered on purpose: a mangled OpenAI marker, a made-up JWT
    add("env", "OPENAI_API_KEY", "sk-proj-Qr7vKdMjHV6pmbBbwilTeT4BlbkFJ3UdnpdEwNNm6wVBpYM0o")
    add("env", "SERVICE_TOKEN", "bm90X2FfaGVhZGVyX2F0X2FsbA.bm90X2FfaGVhZGVyX2F0X2FsbA.Kx9wRJSMeKKF2QT4fwpMeJf36POk6")
    # a JWT-looking pair whose header names neither "alg" nor "typ"
    add("env", "SESSION_CONTEXT", "eyJuYW1lIjoiYWdlbnQifQ.eyJzdWIiOiJhZ2VudC0wMDEifQ")
    # PEM headers without a key block: prose, a one-word or placeholder body
    add("json", "description", "paste the key that starts with -----BEGIN PRIVATE KEY----- here")
    add("env", "PEM_HINT", "-----BEGIN PRIVATE KEY-----\nanything\n-----END PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\n<your private key here>\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----")
    # placeholder runs in key shapes; a local development default URL
    add("env", "AWS_ACCESS_KEY_ID", "AKIAXXXXXXXXXXXXXXXX")
    add("env", "SLACK_BOT_TOKEN", "xoxb-123456789012-xxxxxxxxxxxxxxxxxxxxxxxx")
    add("env", "DATABASE_URL", "postgres://app:password@localhost:5432/app",
        "postgresql://agent:password@db:5432/agents")
    # model IDs
    for m in ("anthropic.claude-3-5-sonnet-20240620-v1:0", "us.anthropic.claude-sonnet-4-20250514-v1:0",
              "global.anthropic.claude-sonnet-4-5-20250929-v1:0", "amazon.titan-embed-text-v2:0",
              "amazon.nova-pro-v1:0", "us.amazon.nova-lite-v1:0", "meta.llama3-1-70b-instruct-v1:0",
              "mistral.mistral-large-2407-v1:0", "cohere.embed-english-v3", "eu.anthropic.claude-3-7-sonnet-20250219-v1:0"):
        add("env", "MODEL_KEY", m)
        add("code", "model_key", m)
    add("env", "TOKEN_MODEL", "gpt-4o-mini-2024-07-18")
    add("env", "EMBEDDING_KEY", "text-embedding-3-small")
    add("env", "AUTH_MODEL", "claude-3-haiku-20240307")
    add("code", "token_counter_model", "gpt-4o")
    # ARNs
    for a in ("arn:aws:bedrock-agentcore:us-east-1:%s:runtime/agent-AbC123xYz9" % acct,
              "arn:aws:bedrock-agentcore:us-east-1:%s:token-vault/default/apikeycredentialprovider/openai" % acct,
              "arn:aws:iam::%s:role/AgentCoreRuntimeRole" % acct,
              "arn:aws:lambda:us-east-1:%s:function:tool-handler" % acct,
              "arn:aws:secretsmanager:us-east-1:%s:secret:bedrock-agentcore-identity!default/oauth2/github-AbC123" % acct):
        add("env", "TOKEN_VAULT_ARN", a)
        add("env", "CREDENTIAL", a)
        add("code", "secret", a)
    # AWS resource IDs
    add("env", "PRIVATE_SUBNETS", "subnet-0a1b2c3d4e5f67890,subnet-0f9e8d7c6b5a43210")
    add("env", "PRIVATE_SUBNET", "subnet-0a1b2c3d4e5f67890")
    add("env", "PRIVATE_SUBNET_IDS", "subnet-0123abcd,subnet-4567efab")
    add("env", "PRIVATE_VPC", "vpc-0abc123def4567890")
    add("env", "PRIVATE_SG", "sg-0123456789abcdef0")
    add("env", "PRIVATE_ROUTE_TABLE", "rtb-0a1b2c3d4e5f60718")
    add("env", "PRIVATE_ENDPOINT", "vpce-0123456789abcdef0")
    add("env", "AUTH_SECURITY_GROUP", "sg-0fedcba9876543210")
    add("env", "PRIVATE_AMI", "ami-0abcdef1234567890")
    add("env", "PRIVATE_HOSTED_ZONE", "Z0123456789ABCDEFGHIJ")
    add("env", "KEY_PAIR", "agent-bastion-key")
    add("env", "SSH_KEY_NAME", "prod-ec2-keypair")
    add("env", "PRIVATE_LINK", "com.amazonaws.us-east-1.bedrock-agentcore")
    # paths and file names
    add("env", "PRIVATE_KEY_PATH", "/etc/ssl/private/server.key")
    add("env", "PRIVATE_KEY", "/run/secrets/private_key.pem")
    add("env", "SSL_KEY", "./certs/client.key")
    add("env", "TOKEN_CACHE", "/tmp/token-cache.json")
    add("env", "CREDENTIALS", "~/.aws/credentials")
    add("env", "GOOGLE_APPLICATION_CREDENTIALS", "/app/service-account.json")
    add("env", "API_KEY", "secrets/api_key.txt")
    add("env", "SECRETS_DIR", "/var/run/secrets/kubernetes.io/serviceaccount")
    add("env", "PASSWORD_FILE", "/run/secrets/postgres-passwd")
    add("env", "POSTGRES_PASSWORD_FILE", "/run/secrets/db_password")
    add("env", "KEYSTORE", "config/keystore.jks")
    add("env", "TOKEN", "/var/run/secrets/eks.amazonaws.com/serviceaccount/token")
    add("env", "AUTH_CONFIG", "config/auth.yaml")
    add("env", "SECRET", "app/secret.env")
    add("env", "CREDENTIALS", "prod/agent/credentials")
    add("env", "API_KEYS", "config/keys/api-keys.json")
    add("env", "PRIVATE_KEY", "C:\\keys\\agent.pem")
    add("code", "key", "agentcore/.env.local")
    add("code", "password_file", ".secrets/db.txt")
    # URLs without credentials
    for u in ("https://auth.corp.io/oauth2/token", "https://api.openai.com/v1",
              "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123/.well-known/openid-configuration",
              "https://bedrock-agentcore.us-east-1.amazonaws.com", "https://mcp.exa.ai/mcp",
              "https://api.tavily.com/search?max_results=5", "https://api.weather.gov/points?lat=47.6&lon=-122.3",
              "https://mcp.corp.io/mcp?region=us-east-1&tools=search", "http://localhost:8080/mcp",
              "redis://redis.cache.internal:6379/0", "postgresql://db.internal:5432/app",
              "mongodb://mongo:27017/agents", "amqp://rabbitmq:5672", "s3://agent-artifacts/prompts/v2/",
              "https://hooks.slack.com/services", "https://example.com/?token_type=bearer&response_type=token",
              "https://login.corp.io/authorize?response_type=code&client_id=agent&scope=openid",
              "https://api.github.com/repos/acme/agents", "wss://realtime.corp.io/socket"):
        add("env", "AUTH_TOKEN_ENDPOINT" if "oauth2" in u else "TOKEN_SERVICE", u)
        add("json", "url", u)
    add("env", "API_KEY_URL", "https://console.corp.io/settings/api-keys")
    add("env", "TOKEN", "https://auth.corp.io/oauth2/token")
    add("env", "AUTH", "https://auth.corp.io")
    add("env", "SECRET", "https://vault.corp.io:8200/v1/secret/data/agent")
    add("env", "CREDENTIALS", "https://sts.amazonaws.com")
    add("env", "API_KEY", "api.openai.com")
    add("env", "TOKEN", "auth.internal:8443")
    add("env", "DATABASE_URL", "postgres://postgres:postgres@localhost:5432/dev")
    add("env", "DATABASE_URL", "postgresql://user:${DB_PASSWORD}@db:5432/app")
    add("env", "REDIS_URL", "redis://:${REDIS_PASSWORD}@redis:6379")
    add("env", "AMQP_URL", "amqp://guest:guest@localhost:5672/")
    add("env", "MONGO_URI", "mongodb+srv://<user>:<password>@cluster0.mongodb.net/app")
    add("env", "JDBC_URL", "jdbc:postgresql://db:5432/app?user=app&password=${DB_PASSWORD}")
    add("env", "JDBC_URL", "jdbc:mysql://mysql:3306/shop?useSSL=false&serverTimezone=UTC")
    add("env", "SQL_CONNECTION", "Server=tcp:agents.database.windows.net,1433;Initial Catalog=agents;Authentication=Active Directory Default;")
    add("env", "SQL_CONNECTION", "Server=sql01;Database=Orders;Trusted_Connection=True;")
    add("env", "SQL_CONNECTION", "Server=sql01;Database=Orders;User Id=orders;Password={password};")
    add("env", "PG_DSN", "host=db.internal port=5432 dbname=app user=agent sslmode=require")
    add("env", "PG_DSN", "host=db port=5432 dbname=app user=agent password=%s" % "$PGPASSWORD")
    add("env", "STORAGE", "DefaultEndpointsProtocol=https;AccountName=agentdocs;EndpointSuffix=core.windows.net")
    add("env", "SETTINGS", "password=changeme")
    # e-mails
    add("env", "AUTH_CONTACT", "security@corp.io")
    add("env", "SECRET_OWNER", "platform-team@corp.io")
    add("env", "TOKEN_ADMIN", "agent.admin+tokens@acme-corp.com")
    add("env", "CREDENTIALS", "svc-agentcore@acme.iam.gserviceaccount.com")
    add("code", "auth", "oncall@corp.io")
    # regexes
    add("env", "SECRET_DETECT", "(?i)api[_-]?key\\s*[:=]\\s*['\\\"]?[A-Za-z0-9]{32}")
    add("code", "TOKEN_RE", "^[A-Za-z0-9-_]+\\.[A-Za-z0-9-_]+\\.[A-Za-z0-9-_]*$")
    add("code", "API_KEY", "^sk-[A-Za-z0-9]{20,}$")
    add("code", "password", "^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)[A-Za-z\\d@$!%*?&]{8,}$")
    add("code", "secret", "[A-Za-z0-9+/]{40}")
    add("code", "token", "\\b[0-9a-f]{32}\\b|\\bghp_\\w+")
    # dictionary compounds and CamelCase identifiers
    for v in ("openai-production-key", "slack-bot-token-prod", "github-app-private-key",
              "customer_support_agent_key", "MemoryStrategyKey", "UserPreferenceToken",
              "ToolAuthorizationContext", "AgentCoreGatewayAuthorizer", "SemanticMemoryStrategy",
              "BedrockAgentCoreApp", "StrandsAgentCredentials", "LangChainOpenAIKey",
              "customer-support-runtime", "session_summary_token", "DefaultCredentialsProvider",
              "OAuth2CredentialProvider", "ApiKeyCredentialProvider", "tool-use-token-budget",
              "refresh_access_token", "inboundTokenValidator", "PrivateLinkEndpoint",
              "KnowledgeBaseRetrieverTool", "passwordless-login", "secretsmanager-read-only"):
        add("env", R.choice(["API_KEY", "AUTH_TOKEN", "SECRET_KEY_REF", "CREDENTIAL", "PRIVATE", "TOKEN", "AUTH", "BEARER"]), v)
        add("code", R.choice(["api_key", "token", "auth", "credential", "private_key_ref", "bearer"]), v)
    add("env", "DB_PASSWORD", "mysecretpassword", "supersecret", "postgres", "password")
    add("code", "password", "hunter", "correcthorse")
    add("env", "SECRET", "AgentCoreSecret")
    add("env", "CLIENT_SECRET", "ClientSecretFromVault")
    # versions, numbers, durations, booleans
    add("env", "TOKEN_TTL", "3600")
    add("env", "TOKEN_EXPIRY", "24h")
    add("env", "TOKEN_LIFETIME", "PT1H")
    add("env", "AUTH_ENABLED", "true")
    add("env", "API_KEY_VERSION", "v2.1.0")
    add("env", "MAX_TOKENS", "4096")
    add("env", "TOKEN_LIMIT", "200000")
    add("env", "PASSWORD_MIN_LENGTH", "12")
    add("env", "KEY_ROTATION_DAYS", "90")
    add("env", "SECRET_VERSION", "AWSCURRENT")
    add("env", "TOKEN", "2024-06-01T10:00:00Z")
    add("env", "API_KEY", "v1.4.2-beta")
    add("env", "AUTH", "1.0")
    add("env", "SECRET", "12345678901234")
    add("code", "token_budget", "8000")
    add("code", "max_tokens_to_sample", "1024")
    add("code", "tokens", "a8Kd93LmQz0pX7vR2sTy")
    add("code", "num_tokens", "X7vR2sTya8Kd93LmQz0p")
    # names that say the value is about the secret
    add("env", "API_KEY_NAME", "Zk3mQ9vL2xW8pR5tY7uA1sD4")
    add("env", "SECRET_ARN", "prod-db-8f3a9c1d")
    add("env", "TOKEN_URL", "tok_9Fq2LmX8vR3pZ7wK")
    add("env", "API_KEY_ID", "a1b2c3d4e5f6a7b8c9d0e1f2")
    add("env", "KEY_ID", "kid-7Hq2Pz9Xm4Lw")
    add("env", "ACCESS_KEY_ID_PARAM", "/prod/agent/access-key-id")
    add("env", "SECRET_PATH", "secret/data/agent/openai")
    add("env", "TOKEN_ENDPOINT", "https://oauth2.googleapis.com/token")
    add("env", "CREDENTIAL_TYPE", "API_KEY")
    add("env", "KEY_TYPE", "RSA_2048")
    add("env", "SECRET_REGION", "us-west-2")
    add("env", "TOKEN_COUNT", "15000")
    add("env", "API_KEY_LENGTH", "32")
    add("env", "AUTH_PROVIDER_ID", "cognito-idp.us-east-1.amazonaws.com/us-east-1_AbCdEf123")
    add("env", "SECRET_KEY_REF", "django-secret")
    add("env", "TOKEN_ISSUERS", "https://a.corp.io,https://b.corp.io")
    add("env", "KEY_FINGERPRINT", "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8")
    add("env", "PASSWORD_HASH", "$2b$12$KIXQJ9yS3mGfE7l6kWq6aO1uVZp8n0mW9bT4cR2dE5fG7hJ1kL3mN")
    add("env", "TOKEN_SIGNING_ALG", "ES256")
    add("env", "CLIENT_SECRET_PARAMETER", "/cognito/agent/client-secret")
    add("env", "SECRET_TEMPLATE", "{\"username\":\"admin\"}")
    add("env", "DB_PASSWORD_SECRET_NAME", "rds!db-8f3a9c1d-1234-4b5c-9d0e-112233445566")
    # Docker and Kubernetes
    add("env", "secretKeyRef", "db-credentials")
    add("env", "secretName", "agent-tls")
    add("env", "imagePullSecrets", "regcred")
    add("env", "SECRET_MOUNT", "/mnt/secrets-store")
    add("env", "serviceAccountToken", "projected")
    add("arg", "NPM_TOKEN", "${NPM_TOKEN}")
    add("arg", "PIP_INDEX_URL", "https://pypi.corp.io/simple")
    add("arg", "GIT_AUTH", "ssh")
    add("arg", "BUILD_SECRET", "id=npmrc,src=.npmrc")
    add("arg", "API_KEY", "$API_KEY")
    add("arg", "PYTHON_VERSION", "3.12")
    # LangChain, Strands, AgentCore settings
    add("env", "LANGCHAIN_TRACING_V2", "true")
    add("env", "LANGSMITH_ENDPOINT", "https://api.smith.langchain.com")
    add("env", "OPENAI_API_BASE", "https://api.openai.com/v1")
    add("env", "STRANDS_MODEL_PROVIDER", "bedrock")
    add("env", "BEDROCK_AGENTCORE_MEMORY_ID", "agent_memory-AbC123xYz9")
    add("env", "AGENTCORE_GATEWAY_TOOLS_URL", "https://tools-gw-abc123.gateway.bedrock-agentcore.us-east-1.amazonaws.com/mcp")
    add("env", "OTEL_EXPORTER_OTLP_HEADERS", "x-aws-log-group=agents,x-aws-log-stream=default")
    add("env", "AWS_PROFILE", "agent-dev")
    add("env", "AUTH_MECHANISM", "SCRAM-SHA-256")
    add("env", "TOKEN_STORE", "dynamodb")
    add("env", "SECRET_BACKEND", "aws-secrets-manager")
    add("env", "KEY_STRATEGY", "round-robin")
    add("env", "AUTH_FLOW", "USER_PASSWORD_AUTH")
    add("env", "PASS_THROUGH_HEADERS", "x-request-id")
    add("env", "BYPASS_AUTH", "false")
    add("env", "TOKEN_USAGE_LOG", "enabled")
    # customParameters that are not secrets
    add("param", "audience", "https://api.corp.io")
    add("param", "resource", "api://agents")
    add("param", "prompt", "consent")
    add("param", "access_type", "offline")
    add("param", "token_endpoint_auth_method", "client_secret_post")
    add("param", "client_secret", "${CLIENT_SECRET}")
    add("param", "api_key", "<api-key>")
    add("param", "key", "tenant-region")
    add("param", "organization", "acme-corp")
    add("param", "response_mode", "form_post")
    # mcpServer endpoints without keys
    for u in ("https://mcp.exa.ai/mcp", "https://mcp.exa.ai/mcp?tools=web_search_exa",
              "https://mcp.corp.io/mcp?region=us-east-1", "https://mcp.vendor.io/mcp?apiKey=<KEY>",
              "https://mcp.vendor.io/mcp?api_key=${EXA_API_KEY}", "https://mcp.vendor.io/mcp?token={{token}}",
              "https://mcp.vendor.io/mcp?key=your-api-key", "https://mcp.vendor.io/mcp?token_type=bearer",
              "https://mcp.vendor.io/mcp?auth=oauth", "https://mcp.vendor.io/mcp?key=value",
              "https://mcp.vendor.io/mcp?api_key=", "https://mcp.vendor.io/mcp?sort_key=created_at",
              "https://mcp.vendor.io/mcp?tokenizer=cl100k_base", "https://mcp.vendor.io/mcp?auth_mode=iam",
              "https://mcp.vendor.io/mcp?key=test-key-123456"):
        add("endpoint", "endpoint", u)
        add("json", "url", u)
    # .env lines that are not secrets
    add("dotenv", "AWS_REGION", "us-east-1")
    add("dotenv", "OPENAI_API_KEY", "your-openai-api-key")
    add("dotenv", "OPENAI_API_KEY", "")
    add("dotenv", "API_KEY", "${API_KEY}")
    add("dotenv", "LOG_LEVEL", "INFO")
    add("dotenv", "MODEL_ID", "us.anthropic.claude-sonnet-4-20250514-v1:0")
    add("dotenv", "KMS_KEY_ID", uuid())
    add("dotenv", "AUTH_PROVIDER", "cognito-user-pool")
    add("dotenv", "TOKEN_ENCODING", "cl100k_base")
    add("dotenv", "API_KEY_HEADER", "X-Api-Key")
    add("dotenv", "S3_KEY", "prompts/system.txt")
    add("dotenv", "DB_PASSWORD", "changeme")
    add("dotenv", "SECRET_ARN", "arn:aws:secretsmanager:us-east-1:%s:secret:agent-AbC123" % acct)
    add("dotenv", "PRIVATE_SUBNETS", "subnet-0a1b2c3d4e5f67890,subnet-0f9e8d7c6b5a43210")
    add("dotenv", "GATEWAY_URL", "https://gw.corp.io/mcp")
    return rows


def esc(v):
    return (v.replace("\\", "\\\\").replace("\t", "\\t")
            .replace("\n", "\\n").replace("\r", "\\r"))


def write(path, head, rows):
    with open(path, "w") as f:
        f.write(head)
        for place, name, value in rows:
            f.write("%s\t%s\t%s\n" % (place, name, esc(value)))


HEAD = ("# Generated by test/data/secrets/gen.py: do not edit by hand.\n"
        "# place<TAB>name<TAB>value; escapes in the value: \\n, \\t, \\\\.\n")

if __name__ == "__main__":
    f = fakes()
    n = not_secrets()
    write(os.path.join(HERE, "fake-secrets.tsv"),
          HEAD + "# Fake secrets (synthetic, seeded): every line must be reported.\n", f)
    write(os.path.join(HERE, "not-secrets.tsv"),
          HEAD + "# Secret-looking values that are not secrets: no line may be reported.\n", n)
    print("fake secrets: %d, not secrets: %d" % (len(f), len(n)))
