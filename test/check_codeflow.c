/*
 * check_codeflow.c - the light analysis of agent code: what each read
 * of an environment variable is, which presence tests dominate the
 * reads that fail, aliases and constants, and the literal arguments the
 * credential and AWS rules read.
 */
#include <stdlib.h>
#include <string.h>

#include "acl/codeflow.h"
#include "check_acl.h"

static const char *const uses[] = {"test",     "default", "plain",
                                   "required", "write",   "mention"};

/* "use name[!dominated][*local]" per ref, ";"-separated. */
static char *
refs(const char *path, const char *src)
{
    struct acl_text *t =
        acl_text_new(path, path, acl_xstrdup(src), strlen(src));
    struct acl_code_file *f = acl_code_file_new(t);
    struct acl_buf b = {0};
    size_t i;

    ck_assert_ptr_nonnull(f);
    acl_buf_append(&b, "", 0);
    for (i = 0; i < f->nrefs; i++) {
        const struct acl_env_ref *r = &f->refs[i];

        acl_buf_printf(&b, "%s%s %s%s%s%s", i ? ";" : "", uses[r->use], r->name,
                       r->use == ACL_ENV_REQUIRED && r->dominated ? "!" : "",
                       r->via_local ? "*" : "",
                       r->use == ACL_ENV_TEST && r->neg ? "-" : "");
    }
    acl_code_file_free(f);
    acl_text_free(t);
    return acl_buf_steal(&b);
}

#define REFS_EQ(path, src, want)                                              \
    do {                                                                      \
        char *got_ = refs(path, src);                                         \
        ck_assert_msg(strcmp(got_, want) == 0, "%s:\n%s\ngot:  %s\nwant: %s", \
                      path, src, got_, want);                                 \
        free(got_);                                                           \
    } while (0)

START_TEST(python_reads_classified)
{
    REFS_EQ("a.py",
            "import os\n"
            "a = os.environ['V']\n"
            "b = os.environ.get('V')\n"
            "c = os.getenv('V', 'd')\n"
            "os.environ['V'] = 'x'\n"
            "if 'V' not in os.environ: pass\n"
            "e = os.getenv('V') or 'd'\n",
            "required V;plain V;default V;write V;test V-;default V");
}
END_TEST

START_TEST(python_aliases_and_constants)
{
    REFS_EQ("a.py",
            "import os as _os\n"
            "from os import environ as ENV, getenv as ge\n"
            "env = _os.environ\n"
            "N = 'V'\n"
            "G = 'X'\n"
            "a = _os.environ['V']\n"
            "b = ENV[N]\n"
            "c = env[f'{G}_Y']\n"
            "d = ge('P' + G)\n"
            "e = os.environ['Q']\n"
            "f = other['Z']\n",
            "required V;required V;required X_Y;plain PX;required Q");
}
END_TEST

START_TEST(python_dominance)
{
    REFS_EQ("a.py",
            "import os\n"
            "def f():\n"
            "    if not os.getenv('V'):\n"
            "        return\n"
            "    return os.environ['V']\n"
            "def g():\n"
            "    print(os.getenv('V'))\n"
            "    return os.environ['V']\n"
            "def h():\n"
            "    try:\n"
            "        return os.environ['V']\n"
            "    except KeyError:\n"
            "        pass\n"
            "def k():\n"
            "    if os.getenv('V'):\n"
            "        pass\n"
            "    return os.environ['V']\n",
            "test V-;required V!;plain V;required V;required V!;test V;"
            "required V");
}
END_TEST

/* not (A and B): both ask "unset?", and the exit guards both. */
START_TEST(negated_groups)
{
    REFS_EQ("a.py",
            "import os\n"
            "def f():\n"
            "    if not (os.getenv('V') and os.getenv('W')):\n"
            "        return\n"
            "    return os.environ['V'] + os.environ['W']\n",
            "test V-;test W-;required V!;required W!");
    REFS_EQ("a.ts",
            "function f() {\n"
            "  if (!('V' in process.env)) return;\n"
            "  return process.env.V!;\n"
            "}\n",
            "test V-;required V!");
}
END_TEST

START_TEST(python_locals)
{
    REFS_EQ("a.py",
            "import os\n"
            "url = os.getenv('V')\n"
            "def f():\n"
            "    if url is None:\n"
            "        raise SystemExit\n"
            "    return url.strip()\n"
            "def g():\n"
            "    return url.strip()\n",
            "plain V;test V*-;required V!*;required V*");
}
END_TEST

START_TEST(js_reads_and_guards)
{
    REFS_EQ("a.ts",
            "console.log(process.env.V);\n"
            "const a = process.env.V!;\n"
            "const b = process.env['V'] ?? '';\n"
            "const c = process.env.V as string;\n"
            "const { V } = process.env;\n"
            "const d = V!;\n"
            "function f() {\n"
            "  if (!process.env.V) return;\n"
            "  return new URL(process.env.V);\n"
            "}\n",
            "plain V;required V;default V;required V;plain V;required V*;"
            "test V-;required V!");
}
END_TEST

START_TEST(js_plain_reads_fail_in_sinks)
{
    REFS_EQ("a.mjs",
            "const env = process.env;\n"
            "export const u = new URL(env.V);\n"
            "export const w = env.W.trim();\n"
            "export const x = env.X?.trim();\n",
            "required V;required W;plain X");
}
END_TEST

/* A match on a read: arms that cannot take None run with it set;
 * after the match it is set when the arm that takes None leaves.
 * Captures hold the read. */
START_TEST(python_match)
{
    REFS_EQ("a.py",
            "import os\n"
            "def f():\n"
            "    match os.getenv('V'):\n"
            "        case None:\n"
            "            return\n"
            "        case str() as u:\n"
            "            g(u.strip())\n"
            "    return os.environ['V']\n"
            "def h():\n"
            "    match os.getenv('V'):\n"
            "        case u:\n"
            "            return u.strip()\n"
            "def k(mode):\n"
            "    match mode:\n"
            "        case 'prod':\n"
            "            return os.environ['V']\n"
            "    match = os.environ['V']\n",
            "test V;required V!*;required V!;test V;required V*;required V;"
            "required V");
    REFS_EQ("a.py",
            "import os\n"
            "def f():\n"
            "    u = os.getenv('V')\n"
            "    match u:\n"
            "        case '':\n"
            "            pass\n"
            "        case _:\n"
            "            return u.strip()\n"
            "def g():\n"
            "    u = os.getenv('V')\n"
            "    match u:\n"
            "        case None | '':\n"
            "            print('unset')\n"
            "        case _:\n"
            "            return u.strip()\n"
            "    return os.environ['V']\n",
            "plain V;test V*;required V*;plain V;test V*;required V!*;"
            "required V");
    /* A default makes the subject a value; a case guard is a test. */
    REFS_EQ("a.py",
            "import os\n"
            "def f(kind):\n"
            "    match os.environ.get('V', ''):\n"
            "        case '':\n"
            "            return os.environ['V']\n"
            "        case u:\n"
            "            return u.strip()\n"
            "    match kind:\n"
            "        case 'a' if 'V' in os.environ:\n"
            "            return os.environ['V']\n"
            "        case 'b':\n"
            "            return os.environ['V']\n",
            "test V;required V;test V;required V!;required V");
}
END_TEST

/* A switch on a read: labels that cannot take undefined, fall-through,
 * and break (which leaves only the switch). */
START_TEST(js_switch)
{
    REFS_EQ("a.ts",
            "function f() {\n"
            "  const u = process.env.V;\n"
            "  switch (u) {\n"
            "    case undefined:\n"
            "    case '':\n"
            "      return null;\n"
            "    default:\n"
            "      return new URL(u);\n"
            "  }\n"
            "}\n"
            "function g() {\n"
            "  switch (typeof process.env.V) {\n"
            "    case 'string': return new URL(process.env.V!);\n"
            "    default: return null;\n"
            "  }\n"
            "}\n"
            "function h() {\n"
            "  switch (process.env.V) {\n"
            "    case undefined: console.log('unset');\n"
            "    default: new URL(process.env.V!);\n"
            "  }\n"
            "  switch (process.env.V) { case undefined: break; }\n"
            "  return new URL(process.env.V!);\n"
            "}\n",
            "plain V;test V*;required V!*;test V;required V!;test V;"
            "required V;test V;required V");
    /* A brace-less "if (x)\n return;" leaves only sometimes. */
    REFS_EQ("a.ts",
            "function f() {\n"
            "  if (!process.env.V) {\n"
            "    if (late())\n"
            "      return;\n"
            "  }\n"
            "  return new URL(process.env.V!);\n"
            "}\n"
            "function g(k) {\n"
            "  switch (process.env.V) {\n"
            "    case undefined:\n"
            "      if (k)\n"
            "        return null;\n"
            "    default:\n"
            "      return new URL(process.env.V!);\n"
            "  }\n"
            "}\n",
            "test V-;required V;test V;required V");
    /* In a switch arm, "if (!V) break" guards the rest of that arm. */
    REFS_EQ("a.ts",
            "function f(k) {\n"
            "  switch (k) {\n"
            "    case 'a':\n"
            "      if (!process.env.V) break;\n"
            "      return new URL(process.env.V);\n"
            "    case 'b':\n"
            "      return new URL(process.env.V);\n"
            "  }\n"
            "}\n",
            "test V-;required V!;required V");
}
END_TEST

/* A "while True" loop whose one break is taken when the variable is
 * set ends with it set. */
START_TEST(wait_until_set)
{
    REFS_EQ("a.py",
            "import os\n"
            "def f():\n"
            "    while True:\n"
            "        if os.getenv('V'):\n"
            "            break\n"
            "        sleep(1)\n"
            "    return os.environ['V']\n"
            "def g():\n"
            "    while True:\n"
            "        if os.getenv('V') or late():\n"
            "            break\n"
            "    return os.environ['V']\n",
            "test V;required V!;test V;required V");
    REFS_EQ("a.ts",
            "async function f() {\n"
            "  for (;;) {\n"
            "    if (process.env.V) break;\n"
            "    await sleep(1);\n"
            "  }\n"
            "  return new URL(process.env.V!);\n"
            "}\n"
            "async function g() {\n"
            "  while (true) {\n"
            "    if (process.env.V) break;\n"
            "    if (late()) break;\n"
            "  }\n"
            "  return new URL(process.env.V!);\n"
            "}\n",
            "test V;required V!;test V;required V");
}
END_TEST

/* A pydantic-settings field reads the variable of its name after the
 * class's env_prefix, in any case unless case_sensitive. */
START_TEST(settings_prefixes)
{
    REFS_EQ("a.py",
            "P = 'gw_'\n"
            "class A(BaseSettings):\n"
            "    model_config = SettingsConfigDict(env_prefix='app_')\n"
            "    x_url: str\n"
            "    y: int = 1\n"
            "    _z: str\n"
            "    w: ClassVar[str] = 'k'\n"
            "    v: str = Field(alias='ALIAS')\n"
            "class B(A):\n"
            "    b: str | None = None\n"
            "class C(BaseSettings, env_prefix=P, case_sensitive=True):\n"
            "    c: str = Field(default='d')\n"
            "class D(BaseSettings):\n"
            "    class Config:\n"
            "        env_prefix = 'D_'\n"
            "        env_file = '.env'\n"
            "    d: str = Field(..., min_length=1)\n"
            "class E(BaseSettings):\n"
            "    model_config = {'env_prefix': f()}\n"
            "    e: str\n"
            "class F(BaseModel):\n"
            "    f: str\n",
            "required APP_X_URL;mention APP_Y;mention APP_B;mention gw_c;"
            "required D_D");
}
END_TEST

/* JSX text is no read; a container's braces do not end the expression
 * a ternary tests in. */
START_TEST(jsx_text_and_containers)
{
    REFS_EQ("a.tsx",
            "export const A = () => <p>Set process.env.V! first; it's "
            "'AGENTCORE_GATEWAY_T_URL'</p>;\n"
            "export const B = () => (process.env.V ? "
            "<a href={new URL(process.env.V).host}>x</a> : null);\n"
            "export const C = () => <b>{new URL(process.env.W!).host}</b>;\n",
            "test V;required V!;required W");
    /* .ts has no JSX: the same text is code there. */
    REFS_EQ("a.ts", "const a = <p>process.env.V!</p>;\n", "required V");
}
END_TEST

START_TEST(mentions_and_docstrings)
{
    REFS_EQ("a.py",
            "'''Reads AGENTCORE_GATEWAY_A_URL.'''\n"
            "# AGENTCORE_GATEWAY_B_URL\n"
            "L = ['AGENTCORE_GATEWAY_C_URL']\n"
            "M = 'set AGENTCORE_GATEWAY_D_URL first'\n",
            "mention AGENTCORE_GATEWAY_C_URL");
}
END_TEST

/* Reads inside f-string replacement fields and template substitutions
 * count, at the string's place (guards included). */
START_TEST(reads_inside_strings)
{
    REFS_EQ("a.py",
            "import os\n"
            "a = f\"{os.environ['V']}/x\"\n"
            "b = f\"{os.environ[\"W\"]}/x\"\n"
            "if 'V' in os.environ:\n"
            "    c = f\"{os.environ['V']}\"\n",
            "required V;required W;test V;required V!");
    REFS_EQ("a.ts", "const a = `${process.env.V!}/x ${process.env.W ?? ''}`;\n",
            "required V;default W");
}
END_TEST

/* Reads joined as fallbacks share a chain. */
START_TEST(fallback_chains)
{
    struct acl_text *t;
    struct acl_code_file *f;
    const char *src = "import os\n"
                      "a = os.getenv('A') or os.getenv('B')\n"
                      "c = os.getenv('C')\n";

    t = acl_text_new("a.py", "a.py", acl_xstrdup(src), strlen(src));
    f = acl_code_file_new(t);
    ck_assert_uint_eq(f->nrefs, 3);
    ck_assert_uint_gt(f->refs[0].chain, 0);
    ck_assert_uint_eq(f->refs[0].chain, f->refs[1].chain);
    ck_assert_uint_eq(f->refs[2].chain, 0);
    acl_code_file_free(f);
    acl_text_free(t);
}
END_TEST

/* The literal arguments of credential calls and AWS clients. */
START_TEST(literal_arguments)
{
    const char *src =
        "from bedrock_agentcore.identity.auth import requires_api_key as k\n"
        "P = 'Prov'\n"
        "@k(provider_name=P)\n"
        "def f(*, api_key): pass\n"
        "s3 = boto3.client('s3', aws_access_key_id='AKIA1')\n"
        "r = get(u, auth=('user', 'pw1'))\n";
    struct acl_text *t =
        acl_text_new("a.py", "a.py", acl_xstrdup(src), strlen(src));
    struct acl_code_file *f = acl_code_file_new(t);

    ck_assert_uint_eq(f->nargs, 3);
    ck_assert_str_eq(f->args[0].callee, "requires_api_key");
    ck_assert_str_eq(f->args[0].value, "Prov");
    ck_assert_int_eq(f->args[0].literal, 0);
    ck_assert_str_eq(f->args[1].key, "aws_access_key_id");
    ck_assert_str_eq(f->args[1].value, "AKIA1");
    ck_assert_int_eq(f->args[1].literal, 1);
    ck_assert_str_eq(f->args[2].callee, "auth");
    ck_assert_str_eq(f->args[2].value, "pw1");
    acl_code_file_free(f);
    acl_text_free(t);
}
END_TEST

/* "callee key=value" per argument, ";"-separated. */
static char *
args(const char *path, const char *src)
{
    struct acl_text *t =
        acl_text_new(path, path, acl_xstrdup(src), strlen(src));
    struct acl_code_file *f = acl_code_file_new(t);
    struct acl_buf b = {0};
    size_t i;

    acl_buf_append(&b, "", 0);
    for (i = 0; i < f->nargs; i++)
        acl_buf_printf(&b, "%s%s %s=%s", i ? ";" : "", f->args[i].callee,
                       f->args[i].key, f->args[i].value);
    acl_code_file_free(f);
    acl_text_free(t);
    return acl_buf_steal(&b);
}

#define ARGS_EQ(path, src, want)                                              \
    do {                                                                      \
        char *got_ = args(path, src);                                         \
        ck_assert_msg(strcmp(got_, want) == 0, "%s:\n%s\ngot:  %s\nwant: %s", \
                      path, src, got_, want);                                 \
        free(got_);                                                           \
    } while (0)

/* AWS credentials given by position, told by the imports; and the
 * kwargs dict of a boto3 call. */
START_TEST(aws_positional_arguments)
{
    ARGS_EQ("a.py",
            "import boto3 as b3\n"
            "from boto3.session import Session as S\n"
            "from botocore.credentials import ReadOnlyCredentials as R\n"
            "import botocore.credentials\n"
            "K = 'k2'\n"
            "a = b3.Session('k1', K, region_name='r')\n"
            "b = S(*keys)\n"
            "c = R('k3', 's3', None)\n"
            "d = botocore.credentials.Credentials(access_key='k4', "
            "secret_key='s4')\n"
            "e = b3.client('s3', 'r', None, True, None, None, 'k5', 's5')\n"
            "s.set_credentials('k6', 's6')\n"
            "f = {'aws_access_key_id': 'k7', 'region_name': 'r'}\n"
            "g = Credentials('u', 'p')\n"
            "h = google.credentials.Credentials('t')\n"
            "i = botocore.session.Session(None, 'x')\n",
            "boto3 aws_access_key_id=k1;boto3 aws_secret_access_key=k2;"
            "boto3 access_key=k3;boto3 secret_key=s3;boto3 access_key=k4;"
            "boto3 secret_key=s4;boto3 aws_access_key_id=k5;"
            "boto3 aws_secret_access_key=s5;boto3 access_key=k6;"
            "boto3 secret_key=s6;boto3 aws_access_key_id=k7");
    ARGS_EQ("a.js",
            "const aws = require('aws-sdk');\n"
            "a = new aws.Credentials('k1', 's1');\n"
            "b = new AWS.Credentials('k2');\n"
            "c = new Other.Credentials('k3', 's3');\n",
            "credentials accessKeyId=k1;credentials secretAccessKey=s1;"
            "credentials accessKeyId=k2");
}
END_TEST

START_TEST(test_paths)
{
    ck_assert_int_eq(acl_code_test_path("tests/a.py"), 1);
    ck_assert_int_eq(acl_code_test_path("app/A/tests/a.py"), 1);
    ck_assert_int_eq(acl_code_test_path("app/A/__tests__/a.ts"), 1);
    ck_assert_int_eq(acl_code_test_path("app/A/test_agent.py"), 1);
    ck_assert_int_eq(acl_code_test_path("app/A/agent_test.py"), 1);
    ck_assert_int_eq(acl_code_test_path("app/A/conftest.py"), 1);
    ck_assert_int_eq(acl_code_test_path("app/A/agent.test.ts"), 1);
    ck_assert_int_eq(acl_code_test_path("app/A/agent.spec.js"), 1);
    ck_assert_int_eq(acl_code_test_path("app/A/contest.py"), 0);
    ck_assert_int_eq(acl_code_test_path("app/A/latest/a.py"), 0);
    ck_assert_int_eq(acl_code_test_path("app/A/testing.py"), 0);
    ck_assert_int_eq(acl_code_test_path("app/A/main.py"), 0);
}
END_TEST

/* Hostile text never fails and stays linear: unterminated literals,
 * unbalanced brackets, deep nesting. */
/* A module name with a NUL in a token ("import botocore.credentials\0x"
 * as bytes) is not the name, and reading it stays inside the name. */
START_TEST(nul_in_dotted_name)
{
    static const char src[] = "from botocore.credentials\0x import A\n"
                              "A('AKIAZ3MSJV4WWDN5R2OB', 'k')\n";
    char *data = acl_xmalloc(sizeof src);
    struct acl_text *t;
    struct acl_code_file *f;

    memcpy(data, src, sizeof src);
    t = acl_text_new("a.py", "a.py", data, sizeof src - 1);
    f = acl_code_file_new(t);
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_eq(f->nargs, 0);
    acl_code_file_free(f);
    acl_text_free(t);
}
END_TEST

START_TEST(hostile_text)
{
    static const char *const srcs[] = {
        "os.environ[",
        "os.environ.get(",
        "if not os.getenv('V'",
        ")))]]]}}}",
        "`${`${`${",
        "f'{",
        "process.env.",
        "const { = process.env",
        "try:\n",
        "if x:\n  if y:\n    if z:\n",
        "\\\n\\\n",
        "match",
        "match x:\n",
        "match os.getenv('V'):\n    case",
        "match os.getenv('V'):\n    case None",
        "switch (",
        "switch (process.env.V) {",
        "switch (process.env.V) { case",
        "switch (typeof process.env.V) { default: case undefined",
        "<",
        "<a",
        "<a b=",
        "<a>{",
        "x = <a>{<b c={",
        "class A(BaseSettings",
        "class A(BaseSettings):\n  model_config = SettingsConfigDict(",
        "class A(BaseSettings, env_prefix=):\n  x: str = Field(",
        "Credentials(",
        "boto3.client(",
        "new AWS.Credentials(",
        "{'aws_access_key_id':",
        /* found by fuzz_code: a lambda's parameter as the last token */
        "lambda os",
        "lambda os\n# a comment",
        "x = [lambda a, b",
        "f = lambda *",
    };
    size_t i;

    for (i = 0; i < ACL_ARRAY_LEN(srcs); i++) {
        char *a = refs("a.py", srcs[i]), *b = refs("a.ts", srcs[i]);
        char *c = refs("a.tsx", srcs[i]);

        free(a);
        free(b);
        free(c);
    }
}
END_TEST

Suite *
acl_suite_codeflow(void)
{
    Suite *s = suite_create("codeflow");
    TCase *tc = tcase_create("reads");

    tcase_add_test(tc, python_reads_classified);
    tcase_add_test(tc, python_aliases_and_constants);
    tcase_add_test(tc, python_dominance);
    tcase_add_test(tc, python_locals);
    tcase_add_test(tc, negated_groups);
    tcase_add_test(tc, js_reads_and_guards);
    tcase_add_test(tc, js_plain_reads_fail_in_sinks);
    tcase_add_test(tc, python_match);
    tcase_add_test(tc, js_switch);
    tcase_add_test(tc, wait_until_set);
    tcase_add_test(tc, settings_prefixes);
    tcase_add_test(tc, jsx_text_and_containers);
    tcase_add_test(tc, mentions_and_docstrings);
    tcase_add_test(tc, reads_inside_strings);
    tcase_add_test(tc, fallback_chains);
    tcase_add_test(tc, literal_arguments);
    tcase_add_test(tc, aws_positional_arguments);
    tcase_add_test(tc, test_paths);
    tcase_add_test(tc, hostile_text);
    tcase_add_test(tc, nul_in_dotted_name);
    suite_add_tcase(s, tc);
    return s;
}
