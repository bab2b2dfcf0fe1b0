#!/bin/sh
# action.sh - the GitHub Action (action.yml) and the README's CI
# examples, run as their runners run them: the Action's steps by
# test/action_runner.py (bash -eo pipefail, the runner's environment,
# step conditions), the README's workflows checked against action.yml
# and GitHub's documented permissions and run step by step, GitLab's
# script lines under set -eo pipefail, the plain shell example under
# bash -e. Needs python3 with PyYAML and bash; says SKIP without them.
set -u
BIN=${ACL_BIN:-./agentcore-lint}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
REPO=$(pwd)
if ! command -v bash >/dev/null 2>&1 || ! python3 -c 'import yaml' >/dev/null 2>&1; then
    echo "SKIP: action.sh needs bash and python3 with PyYAML (apt-get install python3-yaml)"
    exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

project() { # DIR AUTH
    mkdir -p "$1/agentcore"
    cat >"$1/agentcore/agentcore.json" <<EOJ
{ "name": "Proj", "version": 1, "managedBy": "CDK", "runtimes": [], "credentials": [],
  "agentCoreGateways": [ { "name": "tools-gw", "protocolType": "MCP", "targets": [],
    "authorizerType": "$2", "enableSemanticSearch": true, "exceptionLevel": "NONE" } ] }
EOJ
}
# The program the Action builds is this build.
[ -x "$REPO/agentcore-lint" ] || cp "$BIN" "$REPO/agentcore-lint"

# check SUMMARY PYTHON-ASSERTIONS: s is the runner's summary.
check() {
    python3 - "$1" "$2" <<'EOP'
import json, sys
s = json.load(open(sys.argv[1]))
step = {x["name"]: x for x in s["steps"]}
try:
    exec(sys.argv[2])
except AssertionError:
    print(json.dumps(s, indent=1)[:3000])
    raise
EOP
}
action() { # WORKSPACE INPUT=VALUE...
    ws=$1; shift
    python3 "$REPO/test/action_runner.py" "$REPO" "$ws" "$@" >"$T/summary" 2>"$T/err" ||
        { cat "$T/err"; return 1; }
}

# --- The Action -----------------------------------------------------------
mkdir -p "$T/ws1" && project "$T/ws1/p" NONE
action "$T/ws1" production=true upload-sarif=true && check "$T/summary" '
assert s["failed"] and s["outputs"]["exit-code"] == "1"
assert step["Lint"]["rc"] == 0 and "::error file=p/agentcore/agentcore.json" in step["Lint"]["stdout"]
up = step["Upload to code scanning"]
assert up["ran"] and up["uses"] == "github/codeql-action/upload-sarif@v4"
log = json.load(open(sys.argv[1].rsplit("/", 1)[0] + "/ws1/" + up["with"]["sarif_file"]))
r = log["runs"][0]["results"]
assert len(r) == 1 and r[0]["ruleId"] == "AC001"
assert step["Fail on findings"]["rc"] == 1
' && ok || bad "findings: SARIF uploaded, then the job fails"

mkdir -p "$T/ws2" && project "$T/ws2/p" NONE
action "$T/ws2" production=false && check "$T/summary" '
assert not s["failed"] and s["outputs"]["exit-code"] == "0"
assert "::warning file=p/agentcore/agentcore.json" in step["Lint"]["stdout"]
assert not step["Upload to code scanning"]["ran"]
' && ok || bad "a non-production warning passes, no upload by default"

mkdir -p "$T/ws3"
action "$T/ws3" paths="missing-folder" upload-sarif=true && check "$T/summary" '
assert s["failed"] and s["outputs"]["exit-code"] == "2"
assert step["Fail on findings"]["rc"] == 2
log = json.load(open(sys.argv[1].rsplit("/", 1)[0] + "/ws3/agentcore-lint.sarif"))
assert log["runs"][0]["invocations"][0]["executionSuccessful"] is False
assert step["Upload to code scanning"]["ran"]
' && ok || bad "exit 2: a valid SARIF log is still uploaded, then the job fails"

mkdir -p "$T/ws4" && project "$T/ws4/a b" NONE && project "$T/ws4/c" AWS_IAM
action "$T/ws4" paths='c
$(touch pwned)' fail-on=warning && check "$T/summary" '
assert s["outputs"]["exit-code"] == "2"
' && [ ! -e "$T/ws4/pwned" ] && ok || bad "inputs are not run as shell code"
action "$T/ws4" paths="c" args="--statistics" format=human && check "$T/summary" '
assert s["outputs"]["exit-code"] == "0" and "no problems in 1 project" in step["Lint"]["stdout"]
' && ok || bad "paths, args and format inputs"
grep -q 'actions/cache' "$REPO/action.yml" && bad "the Action caches" || ok

# --- The README's workflows ---------------------------------------------
# readme_block FIRST-LINE: the indented block of the README that starts
# with that line, unindented.
readme_block() {
    python3 - "$REPO/README" "$1" <<'EOP'
import sys
lines = open(sys.argv[1]).read().split("\n")
start = lines.index("    " + sys.argv[2])
out = []
for line in lines[start:]:
    if line and not line.startswith("    "):
        break
    out.append(line[4:])
print("\n".join(out).rstrip())
EOP
}
readme_block "# .github/workflows/agentcore-lint.yml" >"$T/wf1.yml"
readme_block "# .github/workflows/agentcore-lint.yml, building it yourself" >"$T/wf2.yml"
python3 - "$T/wf1.yml" "$T/wf2.yml" "$REPO/action.yml" "$REPO/CHANGELOG" <<'EOP' && ok || bad "README workflows"
import re, sys, yaml
action = yaml.safe_load(open(sys.argv[3]))
version = re.search(r"^## (\d+\.\d+\.\d+)", open(sys.argv[4]).read(), re.M).group(1)
for path in sys.argv[1:3]:
    wf = yaml.safe_load(open(path))
    job = wf["jobs"]["lint"]
    # GitHub documents these for uploading SARIF from a workflow.
    assert job["permissions"] == {"contents": "read", "security-events": "write",
                                  "actions": "read"}, job["permissions"]
    uses = [s["uses"] for s in job["steps"] if "uses" in s]
    # Current majors: checkout v4 runs on Node 20, which the runners
    # have retired; CodeQL Action v3 is deprecated from December 2026.
    assert "actions/checkout@v6" in uses
    for u in uses:
        name, ref = u.split("@")
        if name == "github/codeql-action/upload-sarif":
            assert ref == "v4", u
        if name == "agentcore-lint/agentcore-lint":
            assert ref == "v" + version, u
    for s in job["steps"]:
        if s.get("uses", "").startswith("agentcore-lint/agentcore-lint@"):
            assert set(s["with"]) <= set(action["inputs"]), s["with"]
EOP
# The second workflow's Lint step under bash -eo pipefail, as the runner
# runs it, on a failing project and on no project: the SARIF file is
# there for the always() upload either way.
wf_run() { python3 -c 'import sys, yaml
for s in yaml.safe_load(open(sys.argv[1]))["jobs"]["lint"]["steps"]:
    if s.get("name") == sys.argv[2]: print(s["run"])' "$T/wf2.yml" "$1"; }
wf_run Lint >"$T/lint-step.sh"
mkdir -p "$T/gh1" && project "$T/gh1/p" NONE
(cd "$T/gh1" && PATH="$(dirname "$BIN"):$PATH" bash --noprofile --norc -eo pipefail -c \
    "$(sed 's/agentcore-lint /agentcore-lint --production /' "$T/lint-step.sh")" >/dev/null 2>&1)
[ $? = 1 ] && python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["runs"][0]["results"]' \
    "$T/gh1/agentcore-lint.sarif" && ok || bad "Lint step: exit 1 with the SARIF file"
mkdir -p "$T/gh2"
(cd "$T/gh2" && PATH="$(dirname "$BIN"):$PATH" bash --noprofile --norc -eo pipefail "$T/lint-step.sh" >/dev/null 2>&1)
[ $? = 2 ] && grep -q '"executionSuccessful": false' "$T/gh2/agentcore-lint.sarif" && ok ||
    bad "Lint step on no project: exit 2 and still a SARIF file"

# --- GitLab CI: the script lines, as GitLab runs them ---------------------
readme_block "# .gitlab-ci.yml" >"$T/gitlab.yml"
python3 -c 'import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))["agentcore-lint"]
assert job["artifacts"]["when"] == "always"
assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
print("\n".join(job["script"]))' "$T/gitlab.yml" >"$T/gitlab.sh" && ok || bad "GitLab example"
gl() { # DIR: runs the script there; exit status
    (cd "$1" && PATH="$(dirname "$BIN"):$PATH" bash --noprofile --norc -eo pipefail "$T/gitlab.sh" >"$T/gl.out" 2>&1)
}
mkdir -p "$T/gl1" && project "$T/gl1/p" NONE
gl "$T/gl1"; rc=$?
[ "$rc" = 1 ] && python3 -c 'import json,sys; r = json.load(open(sys.argv[1])); assert r and r[0]["check_name"] == "AC001"' \
    "$T/gl1/gl-code-quality-report.json" && ok || bad "GitLab job on findings: exit $rc, report"
mkdir -p "$T/gl2" && project "$T/gl2/p" AWS_IAM
gl "$T/gl2" && ok || bad "GitLab job on a clean project: $(cat "$T/gl.out")"

# --- The plain shell example under bash -e -------------------------------
readme_block "status=0" >"$T/plain.sh"
grep -q 'case \$status in' "$T/plain.sh" && ok || bad "shell example not found"
sh_ex() { (cd "$1" && PATH="$(dirname "$BIN"):$PATH" bash -e "$T/plain.sh" >"$T/sh.out" 2>&1); }
mkdir -p "$T/sh1" && project "$T/sh1/p" AWS_IAM
sh_ex "$T/sh1" && grep -q 'agentcore-lint: clean' "$T/sh.out" && ok || bad "shell example, clean"
mkdir -p "$T/sh2" && project "$T/sh2/p" NONE
sh_ex "$T/sh2"; rc=$?
[ "$rc" = 1 ] && grep -q 'findings above' "$T/sh.out" && ok || bad "shell example, findings: exit $rc"
mkdir -p "$T/sh3"
sh_ex "$T/sh3"; rc=$?
[ "$rc" = 2 ] && grep -q 'could not run' "$T/sh.out" && ok || bad "shell example, no project: exit $rc"

echo "action: $pass passed, $fail failed"
[ "$fail" = 0 ]
