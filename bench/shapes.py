#!/usr/bin/env python3
"""shapes.py - projects of one shape each, for the linearity table of
`make bench`: the inputs that were quadratic once (every finding in one
wide object, repeated names, thousands of ignore entries, agent code
reading many gateway variables, many cross references, apiGateway method
filters, .gitignore patterns, path-only ignore entries, many referenced
tool files). Each is written
at N and 4N; a linear lint takes about four times as long at 4N.

usage: shapes.py DIR N"""
import json
import os
import sys


def write(root, spec, files=None):
    os.makedirs(os.path.join(root, "agentcore"), exist_ok=True)
    with open(os.path.join(root, "agentcore", "agentcore.json"), "w") as f:
        json.dump(spec, f, indent=2)
    for rel, text in (files or {}).items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)


def shapes(n):
    wide = {"name": "P", "version": 1}
    wide.update({f"x{i}": i for i in range(n)})
    yield "wide-object", wide, None
    yield "wide-ignored", wide, {".agentcore-lint.json": json.dumps(
        {"ignore": [{"rule": "AC020", "pointer": f"/x{i}", "reason": "old"}
                    for i in range(0, n, 2)]})}
    members = ", ".join(f'"k{i}": {i}' for i in range(n))
    yield "repeated-names", None, {"agentcore/agentcore.json":
        '{"name": "P", "version": 1, "x": {' + members + ", " + members + "}}"}
    gws = [{"name": f"g{i}", "authorizerType": "AWS_IAM", "targets": []}
           for i in range(n // 10)]
    runtime = {"name": "R", "codeLocation": "app/R/", "build": "CodeZip",
               "entrypoint": "main.py", "runtimeVersion": "PYTHON_3_12"}
    code = "URLS = [\n" + "\n".join(f'    "AGENTCORE_GATEWAY_G{i}_URL",'
                                     for i in range(n)) + "\n]\n"
    yield "gateway-variables", {"name": "P", "version": 1, "runtimes": [runtime],
                                "agentCoreGateways": gws}, {"app/R/main.py": code}
    creds = [{"authorizerType": "OAuthCredentialProvider", "name": f"c{i}"}
             for i in range(n)]
    targets = [{"name": f"t{i}", "targetType": "mcpServer",
                "endpoint": f"https://t{i}.example.com/mcp",
                "outboundAuth": {"type": "OAUTH", "credentialName": f"c{(i * 7) % n}"}}
               for i in range(n)]
    yield "cross-references", {"name": "P", "version": 1, "credentials": creds,
                               "agentCoreGateways": [{"name": "g", "authorizerType": "AWS_IAM",
                                                      "targets": targets}]}, None
    # Agent code: one source file of n * 52 bytes (2 MiB, the most read,
    # at 4N = 40000) and n / 4 files (10,000, the most read, at 4N).
    code_spec = {"name": "P", "version": 1, "runtimes": [runtime],
                 "agentCoreGateways": [{"name": "my-gw", "authorizerType": "AWS_IAM",
                                        "targets": []}]}
    yield "big-source", code_spec, {"app/R/main.py": agent_code(n * 52)}
    yield "many-sources", code_spec, {
        f"app/R/pkg{i // 100}/mod{i}.py": agent_code(600) for i in range(n // 4)}
    filters = [{"filterPath": f"/p{i}", "methods": ["GET", "POST"]}
               for i in range(n)]
    filters.append({"filterPath": "/many", "methods": [f"M{i}" for i in range(n)]})
    api = {"name": "api", "targetType": "apiGateway", "apiGateway": {
        "restApiId": "a1b2c3d4e5", "stage": "prod",
        "apiGatewayToolConfiguration": {"toolFilters": filters}}}
    yield "tool-filters", {"name": "P", "version": 1, "agentCoreGateways": [
        {"name": "g", "authorizerType": "AWS_IAM", "enableSemanticSearch": False,
         "targets": [api]}]}, None
    # Under the 1 MiB a .gitignore may have at 4N too.
    ignore = "".join(f"**/x{i}/**/y\n" for i in range(n))
    ignore += "**/" + "a" * (n * 8) + "\n"
    yield "gitignore-patterns", {"name": "P", "version": 1}, {
        ".git/HEAD": "ref: refs/heads/main\n", ".gitignore": ignore,
        "agentcore/.env.local": "X=1\n"}
    yield "path-ignores", wide, {".agentcore-lint.json": json.dumps(
        {"ignore": [{"rule": "AC020", "path": f"app/x{i}/**", "reason": "old"}
                    for i in range(n // 5)]})}
    lam = "arn:aws:lambda:us-east-1:123456789012:function:f"
    tools = [{"name": f"t{i}", "targetType": "lambdaFunctionArn",
              "lambdaFunctionArn": {"lambdaArn": lam,
                                    "toolSchemaFile": f"tools/t{i}.json"}}
             for i in range(n)]
    schema = json.dumps([{"name": "x", "description": "y",
                          "inputSchema": {"type": "object"}}])
    yield "tool-files", {"name": "P", "version": 1, "agentCoreGateways": [
        {"name": "g", "authorizerType": "AWS_IAM", "targets": tools}]}, {
        f"tools/t{i}.json": schema for i in range(n)}


# One function of agent code: aliases, constants, guarded and unguarded
# reads, fallbacks, a decorator, a literal default.
FUNCTION = """
def tool_{i}(payload):
    \"\"\"Calls the gateway; reads AGENTCORE_GATEWAY_MY_GW_URL.\"\"\"
    url = _os.getenv(NAME) or ENV.get("AGENTCORE_GATEWAY_OLD_{i}_URL")
    if not url:
        return None
    try:
        return ENV[NAME] + str(payload)
    except KeyError:
        return os.environ["AGENTCORE_GATEWAY_MY_GW_URL"]
"""
HEAD = """import os
import os as _os
from os import environ as ENV
from bedrock_agentcore.identity.auth import requires_api_key

NAME = "AGENTCORE_GATEWAY_MY_GW_URL"


@requires_api_key(provider_name="OpenAI")
def key(*, api_key: str):
    return os.environ.get("DB_PASSWORD", "changeme")
"""


def agent_code(size):
    parts, total, i = [HEAD], len(HEAD), 0
    while True:
        f = FUNCTION.format(i=i)
        if total + len(f) > size:
            return "".join(parts)
        parts.append(f)
        total += len(f)
        i += 1


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    for name, spec, files in shapes(n):
        root = os.path.join(out, f"{name}-{n}")
        if spec is not None:
            write(root, spec, files)
        else:
            write(root, {}, files)
        print(root)


if __name__ == "__main__":
    main()
