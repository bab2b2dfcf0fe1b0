/*
 * AC014 hardcoded-secret - a credential written into a project file.
 *
 * Flags: a known-format secret (include/acl/secret.h; URL
 * passwords, connection strings and secret-named URL query parameters
 * included) in any string value of the project's JSON files
 * (agentcore.json, aws-targets.json, deployed-state.json, every
 * harness.json) or of a file a target references (toolSchemaFile,
 * schemaSource.inline.path; a file that is not JSON, such as an
 * OpenAPI YAML document, is scanned as text); a secret-named member of
 * an OAuth customParameters map with a literal secret value (the name
 * weighs as in AC003); and the assignments of .env files inside a
 * runtime's codeLocation, which ship with the agent (name and value,
 * as AC003; .env.example and other templates: known formats only).
 * One finding per string or line.
 * Does not flag: the values AC003 checks (runtime envVars values,
 * customDockerBuildArgs, harness environmentVariables, remote MCP
 * headers), and an mcpServer target's endpoint whose query holds a key
 * (AC002 reports that), so that one secret is reported once; member
 * names; secret-looking names with unknown-format values elsewhere in
 * the JSON; referenced files that cannot be read (AC009, or a notice).
 */
#include <stdlib.h>
#include <string.h>

#include "acl/dotenv.h"
#include "acl/lookup.h"
#include "acl/ref.h"
#include "acl/rule.h"
#include "acl/secret.h"
#include "acl/secret_msg.h"

/* More findings than this in one non-JSON file are not reported. */
#define MAX_TEXT_FINDINGS 100

struct scan {
    struct acl_check *c;
    json_t **skip; /* AC003's values, sorted by address */
    size_t nskip, cap;
    json_t *seen; /* paths of the files scanned so far: a set */
};

static void
add_skip(struct scan *s, json_t *v)
{
    if (v == NULL)
        return;
    acl_xgrow((void **)&s->skip, &s->cap, s->nskip + 1, sizeof *s->skip);
    s->skip[s->nskip++] = v;
}

static void
add_kv_skips(struct scan *s, const struct acl_kv *kv, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        add_skip(s, kv[i].node.json);
}

static int
cmp_ptr(const void *a, const void *b)
{
    const char *x = *(const char *const *)a, *y = *(const char *const *)b;

    return (x > y) - (x < y);
}

/* mcpServer endpoints with a key in their query: AC002's. */
static void
skip_endpoint(struct scan *s, const struct acl_target *t)
{
    json_t *ep;

    if (t->type != ACL_TT_MCP_SERVER || t->endpoint == NULL)
        return;
    ep = json_object_get(t->node.json, "endpoint");
    if (json_is_string(ep) &&
        acl_secret_url_query(json_string_value(ep), json_string_length(ep),
                             NULL))
        add_skip(s, ep);
}

static void
collect_endpoint_skips(struct scan *s, const struct acl_project *p)
{
    size_t i, n = acl_targets_count(p);

    for (i = 0; i < n; i++)
        skip_endpoint(s, acl_targets_at(p, i));
}

/* The values AC003 owns. */
static void
collect_skips(struct scan *s, const struct acl_project *p)
{
    size_t i, k;

    for (i = 0; i < p->model.nruntimes; i++) {
        const struct acl_runtime *r = &p->model.runtimes[i];

        for (k = 0; k < r->nenvvars; k++)
            add_skip(s, json_object_get(r->envvars[k].node.json, "value"));
        add_kv_skips(s, r->build_args, r->nbuild_args);
    }
    for (i = 0; i < p->model.nharnesses; i++) {
        const struct acl_harness *h = &p->model.harnesses[i];

        add_kv_skips(s, h->env, h->nenv);
        for (k = 0; k < h->ntools; k++)
            add_kv_skips(s, h->tools[k].headers, h->tools[k].nheaders);
    }
    collect_endpoint_skips(s, p);
    if (s->nskip > 1)
        qsort(s->skip, s->nskip, sizeof *s->skip, cmp_ptr);
}

/* The member name of a customParameters entry at pointer ptr (its
 * last segment, still escaped: "~0"/"~1" only change the name's
 * punctuation, which the name model ignores), or NULL. */
static const char *
custom_parameter(const char *ptr, size_t *len)
{
    const char *last = strrchr(ptr, '/');
    static const char parent[] = "/customParameters";
    size_t k = sizeof parent - 1;

    if (last == NULL || (size_t)(last - ptr) < k ||
        strncmp(last - k, parent, k) != 0)
        return NULL;
    *len = strlen(last + 1);
    return last + 1;
}

/* A string of the document's secret index (secret.h): a known-format
 * secret, a scan that gave up, or a customParameters entry. */
static void
on_string(struct scan *s, const struct acl_doc *doc,
          const struct acl_secret_string *e)
{
    struct acl_secret_match m = e->match;
    struct acl_node n = {doc, e->pointer, e->value, NULL};
    const char *str = json_string_value(e->value), *pname;
    size_t len = json_string_length(e->value), plen = 0;
    struct acl_finding *f;
    char *phrase;
    int hit = e->known;

    if (s->nskip > 0 &&
        bsearch(&e->value, s->skip, s->nskip, sizeof *s->skip, cmp_ptr) != NULL)
        return;
    pname = custom_parameter(e->pointer, &plen);
    if (pname != NULL)
        hit = acl_secret_check(pname, plen, str, len, &m);
    if (!hit) {
        if (m.incomplete)
            acl_secret_incomplete(s->c->project, doc->text, e->pointer);
        return;
    }
    phrase = acl_secret_phrase(&m, str, len);
    if (pname != NULL)
        f = acl_report(s->c, ACL_ERROR, &n, NULL,
                       "OAuth custom parameter \"%.*s\" holds %s in plain "
                       "text, readable by anyone who can read the project",
                       (int)plen, pname, phrase);
    else
        f = acl_report(s->c, ACL_ERROR, &n, NULL,
                       "this string holds %s in plain text, readable by "
                       "anyone who can read the project",
                       phrase);
    f->secret = 1;
    free(phrase);
}

/* The strings of a JSON document worth a look, from its secret index
 * (built when it was loaded). */
static void
scan_doc(struct scan *s, const struct acl_doc *doc)
{
    size_t i;

    for (i = 0; doc->secrets != NULL && i < doc->secrets->nstrings; i++)
        on_string(s, doc, &doc->secrets->strings[i]);
}

/* A referenced file that is not JSON: every match in its text. */
static void
scan_text(struct acl_check *c, const struct acl_text *t)
{
    struct acl_secret_match m;
    size_t off = 0, found = 0;

    while (off < t->len && found < MAX_TEXT_FINDINGS &&
           acl_secret_known(t->data + off, t->len - off, &m)) {
        size_t s = off + m.start, e = off + m.end;
        char *phrase = acl_secret_phrase(&m, t->data + off, t->len - off);
        struct acl_span sp;
        struct acl_finding *f;

        acl_secret_widen(t->data, t->len, &s, &e);
        sp.start = (uint32_t)s;
        sp.end = (uint32_t)e;
        f = acl_report_span(c, ACL_ERROR, t, sp, NULL,
                            "this file holds %s in plain text, readable by "
                            "anyone who can read the project",
                            phrase);
        f->secret = 1;
        free(phrase);
        off = e > off ? e : off + 1;
        found++;
    }
    if (off < t->len && found < MAX_TEXT_FINDINGS && m.incomplete)
        acl_secret_incomplete(c->project, t, "this file");
}

/* Was this file already scanned, as a project file, another target's
 * reference or another runtime's .env file? Marks it scanned. A set, so
 * that 32,000 tool files are not each compared with all the others. */
static int
seen_path(struct scan *s, const char *path)
{
    if (json_object_get(s->seen, path) != NULL)
        return 1;
    json_object_set_new_nocheck(s->seen, path, json_true());
    return 0;
}

static void
scan_ref(struct scan *s, const char *rel)
{
    const struct acl_project *p = s->c->project;
    const struct acl_doc *doc;

    if (rel == NULL || acl_ref_json(p, rel, &doc) != ACL_REF_OK ||
        doc == NULL || seen_path(s, doc->text->path))
        return;
    if (doc->root != NULL)
        scan_doc(s, doc);
    else
        scan_text(s->c, doc->text);
}

/* One NAME=value line of a .env file. */
static void
check_dotenv_line(struct scan *s, const struct acl_text *t,
                  const struct acl_dotenv_line *l, int template_file)
{
    const char *name = t->data + l->name_start, *v = t->data + l->value_start;
    size_t nlen = l->name_end - l->name_start;
    size_t vlen = l->value_end - l->value_start;
    struct acl_secret_match m;
    struct acl_span sp;
    struct acl_finding *f;
    char *phrase;

    if (!acl_secret_check_ctx(name, nlen, v, vlen,
                              template_file ? ACL_SECRET_CTX_KNOWN_ONLY
                                            : ACL_SECRET_CTX_CONFIG,
                              &m)) {
        if (m.incomplete)
            acl_secret_incomplete(s->c->project, t, "a .env line");
        return;
    }
    phrase = acl_secret_phrase(&m, v, vlen);
    sp.start = (uint32_t)l->value_start;
    sp.end = (uint32_t)l->value_end;
    f = acl_report_span(s->c, ACL_ERROR, t, sp, NULL,
                        "variable \"%.*s\" of this .env file holds %s in "
                        "plain text; a .env file in a code folder is "
                        "packaged and shipped with the agent",
                        (int)nlen, name, phrase);
    f->secret = 1;
    free(phrase);
}

static void
on_dotenv(const struct acl_text *t, int template_file, void *arg)
{
    struct scan *s = arg;
    struct acl_dotenv_line l;
    size_t pos = 0, found = 0;

    if (seen_path(s, t->path))
        return;
    while (found < MAX_TEXT_FINDINGS &&
           acl_dotenv_next(t->data, t->len, &pos, &l)) {
        size_t before = s->c->out->n;

        check_dotenv_line(s, t, &l, template_file);
        found += s->c->out->n > before;
    }
}

static void
check(struct acl_check *c)
{
    const struct acl_project *p = c->project;
    struct scan s;
    size_t i, n = acl_targets_count(p);

    memset(&s, 0, sizeof s);
    s.c = c;
    s.seen = json_object();
    collect_skips(&s, p);
    for (i = 0; i < p->files.ndocs; i++) {
        scan_doc(&s, p->files.docs[i].doc);
        (void)seen_path(&s, p->files.docs[i].doc->text->path);
    }
    for (i = 0; i < n; i++) {
        const struct acl_target *t = acl_targets_at(p, i);

        scan_ref(&s, t->tool_schema_file);
        scan_ref(&s, t->inline_schema_path);
    }
    for (i = 0; i < p->model.nruntimes; i++)
        acl_dotenv_each(p, p->model.runtimes[i].code_location, on_dotenv, &s);
    json_decref(s.seen);
    free(s.skip);
}

const struct acl_rule acl_rule_hardcoded_secret = {
    .id = "AC014",
    .name = "hardcoded-secret",
    .level = ACL_ERROR,
    .flags = ACL_RULE_SECURITY,
    .summary = "a credential is written into a project file",
    .description =
        "A string in agentcore.json, aws-targets.json, deployed-state.json, "
        "a harness.json or a tool or schema file that a target references "
        "has the format of a real credential: an AWS access key ID; an "
        "Amazon Bedrock, OpenAI, Anthropic, Google, Stripe, GitHub, "
        "GitLab, Slack, Hugging Face, LangSmith, Langfuse, Tavily, Groq, "
        "Pinecone, Perplexity, xAI, Replicate, npm or SendGrid key or "
        "token; a Slack webhook; a private key (a BEGIN ... PRIVATE KEY "
        "line followed by a body line); a JWT whose header names \"alg\" "
        "or \"typ\", signed or not; a URL with a password (Postgres, MySQL, Mongo, Redis, "
        "AMQP...); a JDBC, ADO.NET or libpq connection string with a "
        "password; or a URL whose query has a secret-named parameter with "
        "a real-looking value (?api_key=, ?token=, ?key=), as in a "
        "harness's remoteMcp.url. The customParameters of an OAuth "
        "connection are judged by name as well (a client_secret there is "
        "reported). .env files inside a runtime's codeLocation are "
        "packaged and shipped with the agent: their NAME=value lines are "
        "judged like environment variables (AC003), and templates "
        "(.env.example, .env.sample, .env.template) by known formats only. "
        "These files are committed and shared; anyone who can read the "
        "repository or the artifact can use the credential. Deliberately "
        "not flagged: environment variables, build arguments and headers "
        "(AC003's); an mcpServer target's endpoint with a key in its query "
        "(AC002 reports it); secret-looking names with unknown-format "
        "values elsewhere in the JSON; documentation samples (EXAMPLE), "
        "placeholder runs (xxxx, 0000, ****), templated passwords "
        "(user:${DB_PW}@), user == password and the word password on a "
        "local host (user:password@localhost; sent to a real host it is "
        "reported), published sample keys and samples altered on purpose; "
        "a PEM header in prose or with a one-word body; .env files outside code folders, and "
        "the project's agentcore/ folder even under a codeLocation of "
        "\".\" (agentcore/.env.local is git-ignored and never deployed).",
    .help = "revoke the credential, then keep it out of the project: "
            "register it with \"agentcore add credential\" and reference it "
            "by name (outboundAuth.credentialName)",
    .example = "Fails:  \"description\": \"jdbc:postgresql://db:5432/app?"
               "user=app&password=Tq9-Kp2w-LG12\"\n"
               "Fails:  \"customParameters\": { \"client_secret\": "
               "\"q3Qw6I03jKQREz9jDJrCaEfeLKyN\" }\n"
               "Passes: the client secret registered with \"agentcore add "
               "credential\" and named by the OAuth provider (providerArn); "
               "\"customParameters\": { \"audience\": "
               "\"https://api.corp.io\" }",
    .precision = "high",
    .security_severity = "9.0",
    .init = acl_secret_init,
    .fini = acl_secret_fini,
    .check = check,
};
