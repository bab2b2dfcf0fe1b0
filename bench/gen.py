#!/usr/bin/env python3
"""gen.py - writes a synthetic AgentCore project of a given size for
`make bench`: gateways with many targets and tool definitions, runtimes
with env vars, in the layout the AgentCore CLI writes (2-space JSON)."""
import json
import os
import sys


def tool(i):
    return {"name": f"tool_{i}", "description": f"Tool number {i} of the benchmark",
            "inputSchema": {"type": "object", "properties": {
                "q": {"type": "string", "description": "query"},
                "n": {"type": "integer"}}, "required": ["q"]}}


def project(ngw, ntargets, ntools):
    per_target = max(1, ntools // max(1, ntargets))
    gws, t = [], 0
    for g in range(ngw):
        targets = []
        for k in range(ntargets // ngw):
            targets.append({"name": f"t{g}-{k}", "targetType": "mcpServer",
                            "toolDefinitions": [tool(t * per_target + j) for j in range(per_target)],
                            "endpoint": f"https://tools{t}.example.com/mcp"})
            t += 1
        gws.append({"name": f"gw-{g}", "protocolType": "MCP", "description": f"Gateway {g}",
                    "targets": targets, "authorizerType": "AWS_IAM",
                    "enableSemanticSearch": g % 2 == 0, "exceptionLevel": "NONE"})
    runtimes = [{"name": f"Agent{r}", "build": "CodeZip", "entrypoint": "main.py",
                 "codeLocation": f"app/Agent{r}/", "runtimeVersion": "PYTHON_3_14",
                 "networkMode": "PUBLIC", "protocol": "HTTP",
                 "envVars": [{"name": f"VAR_{v}", "value": f"value-{v}"} for v in range(5)]}
                for r in range(max(1, ngw // 2))]
    return {"$schema": "https://schema.agentcore.aws.dev/v1/agentcore.json", "name": "Bench",
            "version": 1, "managedBy": "CDK", "runtimes": runtimes, "memories": [],
            "credentials": [], "agentCoreGateways": gws, "policyEngines": [], "harnesses": []}


def main():
    out, ngw, ntargets, ntools = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    os.makedirs(os.path.join(out, "agentcore", ".cli"), exist_ok=True)
    with open(os.path.join(out, "agentcore", "agentcore.json"), "w") as f:
        json.dump(project(ngw, ntargets, ntools), f, indent=2)
    with open(os.path.join(out, "agentcore", "aws-targets.json"), "w") as f:
        json.dump([{"name": "default", "account": "123456789012", "region": "us-east-1"}], f)
    with open(os.path.join(out, "agentcore", ".cli", "deployed-state.json"), "w") as f:
        json.dump({"targets": {}}, f)


main()
