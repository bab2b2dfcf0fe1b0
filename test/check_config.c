/*
 * check_config.c - the config file: parsing and its errors, rule
 * settings, production options, ignore matching (resource, pointer,
 * path globs), unused-entry notes, and agreement with the JSON Schema.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acl/config.h"
#include "acl/engine.h"
#include "check_acl.h"

static void
noop(struct acl_check *c)
{
    (void)c;
}

static const struct acl_rule_option thr[] = {
    {"threshold", 1, 1000, 20, "tools"}, {NULL, 0, 0, 0, NULL}};
static const struct acl_rule r1 = {.id = "AC001",
                                   .name = "gateway-no-inbound-auth",
                                   .level = ACL_ERROR,
                                   .check = noop};
static const struct acl_rule r3 = {.id = "AC003",
                                   .name = "secret-in-env-var",
                                   .level = ACL_ERROR,
                                   .check = noop};
static const struct acl_rule r5 = {.id = "AC005",
                                   .name = "many-tools-without-semantic-search",
                                   .level = ACL_WARNING,
                                   .check = noop,
                                   .options = thr};
static const struct acl_rule r12 = {.id = "AC012",
                                    .name = "debug-errors-in-production",
                                    .level = ACL_WARNING,
                                    .check = noop};
static const struct acl_rule r17 = {.id = "AC017",
                                    .name = "secret-in-agent-code",
                                    .level = ACL_ERROR,
                                    .check = noop};
static const struct acl_rule *const table[] = {
    &r1, &r3, &r5, &r12, &r17, &acl_rule_unused_ignore};
#define NRULES ACL_ARRAY_LEN(table)

static struct acl_config *
parse(const char *text, struct acl_error *err)
{
    return acl_config_parse(acl_text_new("cfg.json", ".agentcore-lint.json",
                                         acl_xstrdup(text), strlen(text)),
                            table, NRULES, err);
}

START_TEST(example_of_cli_md)
{
    char *text = acl_test_read("test/data/config/cli-md-example.json");
    struct acl_error err;
    struct acl_config *c;

    ck_assert_ptr_nonnull(text);
    c = parse(text, &err);
    ck_assert_msg(c != NULL, "%s", err.text);
    ck_assert_int_eq(c->production, 0);
    ck_assert_uint_eq(c->ntargets, 2);
    ck_assert_str_eq(c->targets[1], "live-eu");
    ck_assert(c->settings[2].set && c->settings[2].enabled);
    ck_assert_int_eq(c->settings[2].level, ACL_ERROR);
    ck_assert_int_eq(json_integer_value(
                         json_object_get(c->settings[2].options, "threshold")),
                     15);
    ck_assert(c->settings[3].set && !c->settings[3].enabled);
    ck_assert(!c->settings[0].set);
    ck_assert_uint_eq(c->nignores, 3);
    ck_assert_str_eq(c->ignores[0].resource, "dev-gw");
    ck_assert_uint_eq(c->ignores[1].rule, 4);
    ck_assert_str_eq(c->ignores[1].path, "app/*/tests/**");
    ck_assert_str_eq(c->ignores[2].pointer, "/runtimes/0/envVars/2");
    ck_assert_str_eq(c->ignores[2].reason, "dummy key");
    ck_assert_str_eq(c->ignores[2].at, "/ignore/2");
    acl_config_free(c);
    free(text);
}
END_TEST

/* The copy in test/data is the example of the spec, byte for byte
 * (indentation aside). */
START_TEST(example_matches_spec)
{
    const char *shared = acl_test_shared_dir();
    char *path, *spec, *ours, *start, *end;
    json_t *a, *b;

    if (shared == NULL)
        return;
    path = acl_xasprintf("%s/spec/cli.md", shared);
    spec = acl_test_read(path);
    ours = acl_test_read("test/data/config/cli-md-example.json");
    ck_assert_ptr_nonnull(spec);
    start = strstr(spec, "## Config file");
    ck_assert_ptr_nonnull(start);
    start = strstr(start, "    {");
    end = strstr(start, "\n    }\n");
    ck_assert(start != NULL && end != NULL);
    a = json_loadb(start, (size_t)(end - start) + 6, 0, NULL);
    b = json_loads(ours, 0, NULL);
    ck_assert(a != NULL && b != NULL);
    ck_assert_msg(json_equal(a, b), "test/data/config/cli-md-example.json "
                                    "differs from the example of cli.md");
    json_decref(a);
    json_decref(b);
    free(path);
    free(spec);
    free(ours);
}
END_TEST

/* With the real registry: the example parses once every rule it names
 * exists, and until then fails only for an unknown rule. */
START_TEST(example_with_registry)
{
    char *text = acl_test_read("test/data/config/cli-md-example.json");
    const char *named[] = {"AC001", "AC003", "AC005", "AC012", "AC017"};
    struct acl_error err;
    struct acl_config *c;
    size_t i;
    int all = 1;

    for (i = 0; i < ACL_ARRAY_LEN(named); i++)
        all &= acl_rules_find(named[i]) >= 0;
    c = acl_config_parse(acl_text_new("c", "c", text, strlen(text)),
                         acl_rules_all(), acl_rules_count(), &err);
    if (all)
        ck_assert_msg(c != NULL, "%s", err.text);
    else
        ck_assert_msg(c == NULL && strstr(err.text, "unknown rule"), "%s",
                      c ? "parsed" : err.text);
    acl_config_free(c);
}
END_TEST

static const struct {
    const char *text;
    const char *error;
} bad[] = {
    {"{\n  \"production\": 1\n}",
     ".agentcore-lint.json:2: \"production\": must be true or false"},
    {"{ \"prodution\": true }",
     ".agentcore-lint.json:1: \"prodution\": unknown member; did you mean "
     "\"production\"? the config takes $schema, production, productionTargets, rules and ignore"},
    {"[]", ".agentcore-lint.json:1: the config must be a JSON object"},
    {"{\n\"ignore\": [\n{\"rule\": \"AC001\", \"path\": \"x\", \"reason\": "
     "\"r\"},\n{\"rule\": \"AC001\",\n \"resource\": \"gw\"}]}",
     ".agentcore-lint.json:4: \"ignore[1]\": missing \"reason\" (say why the "
     "finding is accepted)"},
    {"{\"ignore\": [{\"rule\": \"AC001\", \"path\": \"x\", \"reason\": "
     "\" \\t\"}]}",
     ".agentcore-lint.json:1: \"ignore[0]\": missing \"reason\" (say why the "
     "finding is accepted)"},
    {"{\"ignore\": [{\"path\": \"x\", \"reason\": \"r\"}]}",
     ".agentcore-lint.json:1: \"ignore[0]\": missing \"rule\""},
    {"{\"ignore\": [{\"rule\": \"AC099\", \"path\": \"x\", \"reason\": "
     "\"r\"}]}",
     ".agentcore-lint.json:1: \"ignore[0]\": unknown rule \"AC099\" (see "
     "agentcore-lint --list-rules)"},
    {"{\"ignore\": [{\"rule\": \"AC001\", \"reason\": \"r\"}]}",
     ".agentcore-lint.json:1: \"ignore[0]\": needs \"resource\", \"pointer\" "
     "or \"path\" (to turn AC001 off everywhere, use \"rules\")"},
    {"{\"ignore\": [{\"rule\": \"AC001\", \"reason\": \"r\", \"pointer\": "
     "\"a/b\"}]}",
     ".agentcore-lint.json:1: \"ignore[0].pointer\": not a JSON pointer such "
     "as \"/runtimes/0/envVars/2\""},
    {"{\"ignore\": [{\"rule\": \"AC001\", \"reason\": \"r\", \"pointer\": "
     "\"/a~2\"}]}",
     ".agentcore-lint.json:1: \"ignore[0].pointer\": not a JSON pointer such "
     "as \"/runtimes/0/envVars/2\""},
    {"{\"ignore\": [{\"rule\": \"AC001\", \"reason\": \"r\", \"path\": "
     "\"/etc\"}]}",
     ".agentcore-lint.json:1: \"ignore[0].path\": must be relative to the "
     "project root"},
    {"{\"ignore\": [{\"rule\": \"AC001\", \"reason\": \"r\", \"path\": "
     "\"x\",\n \"reasn\": \"\"}]}",
     ".agentcore-lint.json:2: \"ignore[0].reasn\": unknown member; did you "
     "mean \"reason\"? ignore entries take rule, resource, pointer, path and reason"},
    {"{\"ignore\": [{\"rule\": \"AC001\", \"reason\": \"r\", \"path\": 3}]}",
     ".agentcore-lint.json:1: \"ignore[0].path\": must be a non-empty string"},
    {"{\"ignore\": [\"AC001\"]}",
     ".agentcore-lint.json:1: \"ignore[0]\": must be an object with \"rule\", "
     "\"reason\" and \"resource\", \"pointer\" or \"path\""},
    {"{\"ignore\": {}}",
     ".agentcore-lint.json:1: \"ignore\": must be an array of ignore entries"},
    {"{\n\"rules\": {\n\"AC999\": \"off\"}}",
     ".agentcore-lint.json:3: \"rules.AC999\": unknown rule (see "
     "agentcore-lint --list-rules)"},
    {"{\"rules\": {\"ac001\": \"off\"}}",
     ".agentcore-lint.json:1: \"rules.ac001\": unknown rule (did you mean "
     "\"AC001\"?)"},
    {"{\"rules\": {\"AC001\": \"off\", \"gateway-no-inbound-auth\": \"on\"}}",
     ".agentcore-lint.json:1: \"rules.gateway-no-inbound-auth\": AC001 is set "
     "twice (by ID and by name)"},
    {"{\"rules\": {\"AC001\": \"none\"}}",
     ".agentcore-lint.json:1: \"rules.AC001\": must be \"off\", \"note\", "
     "\"warning\", \"error\" or an object such as {\"level\": \"error\"}"},
    {"{\"rules\": {\"AC001\": {\"threshold\": 3}}}",
     ".agentcore-lint.json:1: \"rules.AC001.threshold\": unknown option; "
     "AC001 takes \"level\""},
    {"{\"rules\": {\"AC005\": {\"treshold\": 3}}}",
     ".agentcore-lint.json:1: \"rules.AC005.treshold\": unknown option; "
     "did you mean \"threshold\"? AC005 takes \"level\", \"threshold\""},
    {"{\"rules\": {\"AC005\": {\"threshold\": 0}}}",
     ".agentcore-lint.json:1: \"rules.AC005.threshold\": must be a whole "
     "number from 1 to 1000"},
    {"{\"rules\": {\"AC005\": {\"threshold\": 2.5}}}",
     ".agentcore-lint.json:1: \"rules.AC005.threshold\": must be a whole "
     "number from 1 to 1000"},
    {"{\"rules\": {\"AC005\": {\"level\": \"loud\"}}}",
     ".agentcore-lint.json:1: \"rules.AC005.level\": must be \"off\", "
     "\"note\", \"warning\" or \"error\""},
    {"{\"rules\": []}",
     ".agentcore-lint.json:1: \"rules\": must be an object of rule IDs or "
     "names"},
    {"{\"productionTargets\": \"prod\"}",
     ".agentcore-lint.json:1: \"productionTargets\": must be an array of "
     "deployment target names"},
    {"{\"productionTargets\": [\"prod\",\n 7]}",
     ".agentcore-lint.json:2: \"productionTargets[1]\": must be a deployment "
     "target name (a non-empty string)"},
    {"{\"$schema\": 1}",
     ".agentcore-lint.json:1: \"$schema\": must be a string (the schema's "
     "URI)"},
    {"{\n\"production\": true,\n\"production\": false}",
     ".agentcore-lint.json:3: \"production\": the member appears twice (also "
     "on line 2); only one would count"},
    {"{\n\"rules\": {\"AC001\": \"off\",,}}",
     ".agentcore-lint.json:2: not valid JSON: "},
    {"", ".agentcore-lint.json:1: not valid JSON: "},
    {"{\"bad\\u0001key\": 1}",
     ".agentcore-lint.json:1: \"bad\\x01key\": unknown member; the config "
     "takes $schema, production, productionTargets, rules and ignore"},
};

START_TEST(errors_name_member_and_line)
{
    struct acl_error err;
    struct acl_config *c = parse(bad[_i].text, &err);
    size_t n = strlen(bad[_i].error);

    ck_assert_msg(c == NULL, "accepted: %s", bad[_i].text);
    /* Syntax errors: the prefix is ours, the rest the parser's. */
    if (bad[_i].error[n - 1] == ' ')
        ck_assert_msg(strncmp(err.text, bad[_i].error, n) == 0, "got %s",
                      err.text);
    else
        ck_assert_str_eq(err.text, bad[_i].error);
}
END_TEST

START_TEST(rule_settings_apply)
{
    struct acl_error err;
    struct acl_config *c = parse(
        "{\"rules\": {\"AC001\": \"note\", \"secret-in-env-var\": \"off\", "
        "\"AC005\": {\"threshold\": 9}}}",
        &err);
    struct acl_rule_conf confs[NRULES];

    ck_assert_msg(c != NULL, "%s", err.text);
    memset(confs, 0, sizeof confs);
    confs[3].enabled = 1;
    acl_config_rules(c, confs);
    ck_assert(confs[0].enabled && confs[0].level == ACL_NOTE);
    ck_assert(!confs[1].enabled);
    ck_assert(confs[2].enabled && confs[2].level == ACL_LEVEL_NONE);
    ck_assert_ptr_nonnull(confs[2].options);
    ck_assert(confs[3].enabled); /* untouched */
    acl_config_rules(NULL, confs);
    acl_config_free(c);
}
END_TEST

START_TEST(production_options)
{
    struct acl_error err;
    struct acl_config *c =
        parse("{\"production\": true, \"productionTargets\": []}", &err);
    struct acl_prod_opts cli = {0}, out;

    ck_assert_ptr_nonnull(c);
    acl_config_prod(c, &cli, &out);
    ck_assert_int_eq(out.force, 1);
    ck_assert_ptr_nonnull(out.names);
    ck_assert_uint_eq(out.nnames, 0);
    cli.never = 1;
    acl_config_prod(c, &cli, &out);
    ck_assert_int_eq(out.force, 0);
    ck_assert_int_eq(out.never, 1);
    acl_config_free(c);
    c = parse("{\"production\": false}", &err);
    cli.never = 0;
    cli.target = "prod";
    acl_config_prod(c, &cli, &out);
    ck_assert(!out.force && out.names == NULL &&
              strcmp(out.target, "prod") == 0);
    acl_config_prod(NULL, &cli, &out);
    ck_assert_ptr_null(out.names);
    acl_config_free(c);
}
END_TEST

static const struct {
    const char *pattern, *path;
    int match;
} globs[] = {
    {"app/*/tests/**", "app/agent/tests/test_x.py", 1},
    {"app/*/tests/**", "app/agent/tests/deep/er/x.py", 1},
    {"app/*/tests/**", "app/agent/src/x.py", 0},
    {"app/*/tests/**", "app/a/b/tests/x.py", 0},
    {"**/harness.json", "app/h/harness.json", 1},
    {"**/harness.json", "harness.json", 1},
    {"agentcore/*.json", "agentcore/agentcore.json", 1},
    {"agentcore/*.json", "agentcore/.cli/deployed-state.json", 0},
    {"agentcore/**/*.json", "agentcore/.cli/deployed-state.json", 1},
    {"a/**/b/**/c", "a/x/b/y/z/c", 1},
    {"a/**/b/**/c", "a/b/c", 1},
    {"a/**/b/**/c", "a/x/c", 0},
    {"*.py", "app/x.py", 0},
    {"app/?.py", "app/x.py", 1},
    {"app/?.py", "app/xy.py", 0},
    {"app/?.py", "app/\xc3\xa9.py", 1},
    /* a byte that is not UTF-8 is one character, as everywhere else */
    {"app/?.py", "app/\xff.py", 1},
    {"app/?.py", "app/\xff\xfe.py", 0},
    {"app/??.py", "app/\xc3\x80\x80.py", 1},
    {"app/x*y*z", "app/xaaybbz", 1},
    {"app/x*y*z", "app/xaaybb", 0},
    {"app/a**b", "app/aXXb", 1},
    {"app/a**b", "app/a/b", 0},
    {"**", "anything/at/all", 1},
    {"exact/path.json", "exact/path.json", 1},
    {"exact/path.json", "exact/path.json5", 0},
    {"app/", "app/x", 0},
};

START_TEST(glob_matching)
{
    ck_assert_msg(acl_glob_match(globs[_i].pattern, globs[_i].path) ==
                      globs[_i].match,
                  "%s vs %s", globs[_i].pattern, globs[_i].path);
}
END_TEST

/* A pattern built to make naive backtracking explode ends at once. */
START_TEST(glob_is_not_exponential)
{
    struct acl_buf p = {0}, s = {0};
    int i;

    for (i = 0; i < 30; i++)
        acl_buf_puts(&p, "**/a*a*a*a*a*a/");
    acl_buf_puts(&p, "b");
    for (i = 0; i < 200; i++)
        acl_buf_puts(&s, "aaaaaaaaaaaaaaaaaaaa/");
    acl_buf_puts(&s, "c");
    ck_assert(!acl_glob_match(p.data, s.data));
    acl_buf_free(&p);
    acl_buf_free(&s);
}
END_TEST

START_TEST(pointer_boundaries)
{
    ck_assert(acl_pointer_covers("/runtimes/0", "/runtimes/0"));
    ck_assert(acl_pointer_covers("/runtimes/0", "/runtimes/0/envVars/2"));
    ck_assert(!acl_pointer_covers("/runtimes/1", "/runtimes/10/envVars/2"));
    ck_assert(!acl_pointer_covers("/a", "/a~1b"));
    ck_assert(acl_pointer_covers("", "/anything"));
    ck_assert(!acl_pointer_covers("/a", NULL));
}
END_TEST

struct fx {
    struct acl_text *t1, *t2;
    struct acl_findings l;
};

static struct acl_finding *
add(struct fx *x, const struct acl_rule *r, struct acl_text *t, const char *ptr,
    const char *res)
{
    struct acl_finding *f = acl_findings_add(&x->l);

    f->rule = r;
    f->level = r->level;
    f->file = t;
    f->pointer = ptr ? acl_xstrdup(ptr) : NULL;
    f->resource = res ? acl_xstrdup(res) : NULL;
    f->message = acl_xstrdup("m");
    return f;
}

static void
fx_init(struct fx *x)
{
    memset(x, 0, sizeof *x);
    x->t1 = acl_text_new("agentcore/agentcore.json", "a.json",
                         acl_xstrdup("{}"), 2);
    x->t2 = acl_text_new("app/agent/tests/t.py", "t.py", acl_xstrdup(""), 0);
    add(x, &r1, x->t1, "/agentCoreGateways/0/authorizerType", "dev-gw");
    add(x, &r1, x->t1, "/agentCoreGateways/1/authorizerType", "prod-gw");
    add(x, &r3, x->t1, "/runtimes/0/envVars/2/value", "rt");
    add(x, &r3, x->t1, "/runtimes/0/envVars/20/value", "rt");
    add(x, &r17, x->t2, NULL, "rt");
}

static void
fx_free(struct fx *x)
{
    acl_findings_clear(&x->l);
    acl_text_free(x->t1);
    acl_text_free(x->t2);
}

static void
all_on(struct acl_rule_conf *confs)
{
    size_t i;

    for (i = 0; i < NRULES; i++)
        confs[i] = (struct acl_rule_conf){1, ACL_LEVEL_NONE, NULL};
}

START_TEST(suppress_by_resource_pointer_path)
{
    char *text = acl_test_read("test/data/config/cli-md-example.json");
    struct acl_error err;
    struct acl_config *c = parse(text, &err);
    struct acl_rule_conf confs[NRULES];
    struct fx x;

    all_on(confs);
    fx_init(&x);
    acl_config_suppress(c, confs, &x.l, 0);
    ck_assert(x.l.items[0]->suppressed);
    ck_assert_str_eq(x.l.items[0]->justification, "local demo gateway");
    ck_assert(!x.l.items[1]->suppressed);
    ck_assert(x.l.items[2]->suppressed); /* below /runtimes/0/envVars/2 */
    ck_assert_str_eq(x.l.items[2]->justification, "dummy key");
    ck_assert(!x.l.items[3]->suppressed); /* envVars/20 is not below /2 */
    ck_assert(x.l.items[4]->suppressed);
    ck_assert_uint_eq(c->ignores[0].hits, 1);
    ck_assert_uint_eq(c->ignores[1].hits, 1);
    ck_assert_uint_eq(c->ignores[2].hits, 1);
    fx_free(&x);
    acl_config_free(c);
    free(text);
}
END_TEST

START_TEST(all_named_parts_must_match)
{
    struct acl_error err;
    struct acl_config *c =
        parse("{\"ignore\": [{\"rule\": \"AC001\", \"resource\": \"dev-gw\", "
              "\"path\": \"app/**\", \"reason\": \"r\"}, {\"rule\": \"AC003\", "
              "\"resource\": \"dev-gw\", \"reason\": \"r\"}]}",
              &err);
    struct acl_rule_conf confs[NRULES];
    struct fx x;
    size_t i;

    ck_assert_msg(c != NULL, "%s", err.text);
    all_on(confs);
    fx_init(&x);
    acl_config_suppress(c, confs, &x.l, 0);
    for (i = 0; i < x.l.n; i++)
        ck_assert(!x.l.items[i]->suppressed);
    fx_free(&x);
    acl_config_free(c);
}
END_TEST

/* Path-only entries are tried once per file and rule: every matching
 * entry still counts every finding it covers, entries of other rules
 * none, and the first matching entry in the file gives the reason. */
START_TEST(path_entries_count_every_finding)
{
    struct acl_error err;
    struct acl_config *c = parse(
        "{\"ignore\": [{\"rule\": \"AC003\", \"path\": \"app/**\", "
        "\"reason\": \"other\"}, {\"rule\": \"AC001\", \"path\": "
        "\"agentcore/*.json\", \"reason\": \"first\"}, {\"rule\": "
        "\"AC001\", \"path\": \"**\", \"reason\": \"second\"}, "
        "{\"rule\": \"AC001\", \"path\": \"app/**\", \"reason\": \"none\"}]}",
        &err);
    struct acl_rule_conf confs[NRULES];
    struct fx x;

    ck_assert_msg(c != NULL, "%s", err.text);
    all_on(confs);
    fx_init(&x);
    acl_config_suppress(c, confs, &x.l, 0);
    ck_assert(x.l.items[0]->suppressed && x.l.items[1]->suppressed);
    ck_assert_str_eq(x.l.items[0]->justification, "first");
    ck_assert(!x.l.items[2]->suppressed && !x.l.items[4]->suppressed);
    ck_assert_uint_eq(c->ignores[0].hits, 0);
    ck_assert_uint_eq(c->ignores[1].hits, 2);
    ck_assert_uint_eq(c->ignores[2].hits, 2);
    ck_assert_uint_eq(c->ignores[3].hits, 0);
    fx_free(&x);
    acl_config_free(c);
}
END_TEST

START_TEST(unused_entries_are_notes)
{
    struct acl_error err;
    const char *text =
        "{\"ignore\": [\n"
        "  {\"rule\": \"AC001\", \"resource\": \"dev-gw\", \"reason\": \"a\"},\n"
        "  {\"rule\": \"AC001\", \"resource\": \"old-gw\", \"reason\": \"b\"},\n"
        "  {\"rule\": \"AC012\", \"path\": \"x\", \"reason\": \"c\"}\n"
        "]}";
    struct acl_config *c = parse(text, &err);
    struct acl_rule_conf confs[NRULES];
    struct acl_finding *f;
    struct fx x;

    ck_assert_msg(c != NULL, "%s", err.text);
    all_on(confs);
    confs[3].enabled = 0; /* AC012 did not run: its entry is not stale */
    fx_init(&x);
    acl_config_suppress(c, confs, &x.l, 0);
    acl_config_unused(c, NULL, confs, &x.l);
    ck_assert_uint_eq(x.l.n, 6);
    f = x.l.items[5];
    ck_assert_ptr_eq(f->rule, &acl_rule_unused_ignore);
    ck_assert_int_eq(f->level, ACL_NOTE);
    ck_assert_str_eq(f->pointer, "/ignore/1");
    ck_assert_ptr_eq(f->file, c->doc->text);
    ck_assert_uint_eq(f->start.line, 3);
    ck_assert_uint_eq(f->start.col, 3);
    ck_assert_uint_eq(f->end.line, 3);
    ck_assert_uint_eq(f->end.col, 57);
    ck_assert_ptr_nonnull(strstr(f->message, "AC001, resource \"old-gw\""));
    ck_assert_ptr_nonnull(f->fingerprint);
    /* Re-levelled, then turned off, like any rule. */
    confs[5].level = ACL_WARNING;
    acl_config_unused(c, NULL, confs, &x.l);
    ck_assert_int_eq(x.l.items[6]->level, ACL_WARNING);
    confs[5].enabled = 0;
    acl_config_unused(c, NULL, confs, &x.l);
    ck_assert_uint_eq(x.l.n, 7);
    fx_free(&x);
    acl_config_free(c);
}
END_TEST

static int
list_has(const char *const *list, const char *name)
{
    size_t i;

    for (i = 0; list[i] != NULL; i++)
        if (strcmp(list[i], name) == 0)
            return 1;
    return 0;
}

/* Every member the code accepts is offered by the schema, and nothing
 * more. */
static void
same_members(json_t *props, const char *const *list, const char *what)
{
    const char *key;
    json_t *v;
    size_t i;

    ck_assert_msg(json_is_object(props), "%s: no properties", what);
    for (i = 0; list[i] != NULL; i++)
        ck_assert_msg(json_object_get(props, list[i]) != NULL,
                      "%s: schema lacks %s", what, list[i]);
    json_object_foreach (props, key, v)
        ck_assert_msg(list_has(list, key), "%s: code lacks %s", what, key);
}

START_TEST(schema_offers_what_code_accepts)
{
    json_t *s = json_load_file("schema/agentcore-lint.schema.json", 0, NULL);
    json_t *rules, *levels, *v;
    size_t i;

    ck_assert_msg(s != NULL, "schema/agentcore-lint.schema.json unreadable");
    same_members(json_object_get(s, "properties"), acl_config_members, "top");
    same_members(
        json_object_get(
            json_object_get(json_object_get(s, "definitions"), "ignore"),
            "properties"),
        acl_config_ignore_members, "ignore entry");
    levels = json_object_get(
        json_object_get(json_object_get(s, "definitions"), "level"), "enum");
    ck_assert_uint_eq(json_array_size(levels), 4);
    json_array_foreach (levels, i, v)
        ck_assert(list_has(acl_config_levels, json_string_value(v)));
    rules = json_object_get(
        json_object_get(json_object_get(s, "properties"), "rules"),
        "properties");
    for (i = 0; i < acl_rules_count(); i++) {
        const struct acl_rule *r = acl_rules_at(i);

        ck_assert_msg(json_object_get(rules, r->id) &&
                          json_object_get(rules, r->name),
                      "schema lacks rule %s (run make generate)", r->id);
    }
    ck_assert_uint_eq(json_object_size(rules), 2 * acl_rules_count());
    json_decref(s);
}
END_TEST

/* The schema generated now is the committed one. */
START_TEST(schema_is_generated)
{
    json_t *s = json_load_file("schema/agentcore-lint.schema.json", 0, NULL);
    json_t *g = acl_config_schema();

    ck_assert_msg(json_equal(s, g), "schema/agentcore-lint.schema.json is "
                                    "out of date: run make generate");
    json_decref(s);
    json_decref(g);
}
END_TEST

Suite *
acl_suite_config(void)
{
    Suite *s = suite_create("config");
    TCase *tc;

    tc = tcase_create("example");
    tcase_add_test(tc, example_of_cli_md);
    tcase_add_test(tc, example_matches_spec);
    tcase_add_test(tc, example_with_registry);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_loop_test(tc, errors_name_member_and_line, 0,
                        (int)ACL_ARRAY_LEN(bad));
    suite_add_tcase(s, tc);
    tc = tcase_create("settings");
    tcase_add_test(tc, rule_settings_apply);
    tcase_add_test(tc, production_options);
    suite_add_tcase(s, tc);
    tc = tcase_create("glob");
    tcase_add_loop_test(tc, glob_matching, 0, (int)ACL_ARRAY_LEN(globs));
    tcase_add_test(tc, glob_is_not_exponential);
    suite_add_tcase(s, tc);
    tc = tcase_create("pointer");
    tcase_add_test(tc, pointer_boundaries);
    suite_add_tcase(s, tc);
    tc = tcase_create("suppress");
    tcase_add_test(tc, suppress_by_resource_pointer_path);
    tcase_add_test(tc, all_named_parts_must_match);
    tcase_add_test(tc, path_entries_count_every_finding);
    tcase_add_test(tc, unused_entries_are_notes);
    suite_add_tcase(s, tc);
    tc = tcase_create("schema");
    tcase_add_test(tc, schema_offers_what_code_accepts);
    tcase_add_test(tc, schema_is_generated);
    suite_add_tcase(s, tc);
    return s;
}
