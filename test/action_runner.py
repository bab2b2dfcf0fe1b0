"""action_runner.py - runs the steps of a composite action.yml as the
GitHub Actions runner does, for test/action.sh: inputs with their
defaults, ${{ }} expressions over inputs, steps.<id>.outputs and
github.*, step conditions (success() by default, always()), each run:
step with bash --noprofile --norc -eo pipefail and the runner's
environment (GITHUB_ACTION_PATH, GITHUB_OUTPUT, GITHUB_WORKSPACE,
RUNNER_TEMP, CI, GITHUB_ACTIONS). A uses: step is not run: it is
recorded with its evaluated inputs, for the test to check.

usage: python3 action_runner.py ACTION_DIR WORKSPACE NAME=VALUE... ;
prints a JSON summary: {"failed": bool, "steps": [...], "outputs": {}}.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml


def tokens(expr):
    spec = r"\s*(?:('(?:[^']|'')*')|(&&|\|\||==|!=|!|\(|\))|([A-Za-z_][\w.-]*\(\))|([A-Za-z_][\w.-]*)|(\d+))"
    pos, out = 0, []
    expr = expr.strip()
    while pos < len(expr):
        m = re.compile(spec).match(expr, pos)
        if not m or m.end() == pos:
            raise ValueError("cannot parse expression: " + expr)
        out.append(m.groups())
        pos = m.end()
    return out


def evaluate(expr, ctx):
    """A small subset of the expression language: enough for action.yml."""
    py = []
    for lit, op, call, name, num in tokens(expr):
        if lit is not None:
            py.append(repr(lit[1:-1].replace("''", "'")))
        elif op is not None:
            py.append({"&&": " and ", "||": " or ", "!": " not "}.get(op, op))
        elif call is not None:
            py.append({"always()": "True", "success()": repr(not ctx["failed"]),
                       "failure()": repr(ctx["failed"])}[call])
        elif num is not None:
            py.append(num)
        else:
            py.append(repr(lookup(name, ctx)))
    return eval("".join(py), {"__builtins__": {}})


def lookup(name, ctx):
    parts = name.split(".")
    if parts[0] == "inputs":
        return ctx["inputs"].get(parts[1], "")
    if parts[0] == "steps":
        return ctx["steps"].get(parts[1], {}).get("outputs", {}).get(parts[3], "")
    if parts[0] == "github":
        return ctx["github"].get(parts[1], "")
    if parts[0] == "runner":
        return ctx["runner"].get(parts[1], "")
    raise ValueError("unknown context: " + name)


def substitute(text, ctx):
    def one(m):
        v = evaluate(m.group(1), ctx)
        return "true" if v is True else "false" if v is False else str(v)
    return re.sub(r"\$\{\{(.*?)\}\}", one, str(text))


def run_step(step, ctx, env_base, workspace):
    env = dict(env_base)
    for k, v in (step.get("env") or {}).items():
        env[k] = substitute(v, ctx)
    fd, out = tempfile.mkstemp(dir=env["RUNNER_TEMP"])
    os.close(fd)
    env["GITHUB_OUTPUT"] = out
    with tempfile.NamedTemporaryFile("w", suffix=".sh", dir=env["RUNNER_TEMP"], delete=False) as f:
        f.write(substitute(step["run"], ctx))
        script = f.name
    shell = step.get("shell")
    if shell != "bash":
        raise ValueError("a run step without shell: bash: " + str(step.get("name")))
    p = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                       cwd=workspace, env=env, capture_output=True, text=True)
    outputs = {}
    with open(out) as f:
        for line in f:
            if "=" in line:
                k, v = line.rstrip("\n").split("=", 1)
                outputs[k] = v
    return p.returncode, p.stdout, p.stderr, outputs


def main():
    action_dir, workspace = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    given = dict(a.split("=", 1) for a in sys.argv[3:])
    action = yaml.safe_load(open(os.path.join(action_dir, "action.yml")))
    assert action["runs"]["using"] == "composite"
    inputs = {k: str(v.get("default", "")) for k, v in action["inputs"].items()}
    unknown = set(given) - set(inputs)
    assert not unknown, "unknown inputs: %s" % unknown
    inputs.update(given)
    temp = tempfile.mkdtemp()
    ctx = {"inputs": inputs, "steps": {}, "failed": False,
           "github": {"action_path": action_dir, "workspace": workspace},
           "runner": {"temp": temp}}
    env_base = dict(os.environ, GITHUB_ACTION_PATH=action_dir, GITHUB_WORKSPACE=workspace,
                    RUNNER_TEMP=temp, CI="true", GITHUB_ACTIONS="true")
    summary = {"steps": []}
    for step in action["runs"]["steps"]:
        cond = step.get("if", "success()")
        if not evaluate(str(cond).replace("${{", "").replace("}}", ""), ctx):
            summary["steps"].append({"name": step["name"], "ran": False})
            continue
        rec = {"name": step["name"], "ran": True}
        if "uses" in step:
            rec["uses"] = step["uses"]
            rec["with"] = {k: substitute(v, ctx) for k, v in (step.get("with") or {}).items()}
        else:
            rc, out, err, outputs = run_step(step, ctx, env_base, workspace)
            rec.update(rc=rc, stdout=out, stderr=err)
            if "id" in step:
                ctx["steps"][step["id"]] = {"outputs": outputs}
            if rc != 0:
                ctx["failed"] = True
        summary["steps"].append(rec)
    summary["failed"] = ctx["failed"]
    summary["outputs"] = {k: substitute(v["value"], ctx) for k, v in action.get("outputs", {}).items()}
    json.dump(summary, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
