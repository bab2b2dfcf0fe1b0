#!/bin/sh
# adoption.sh - what a team meets in its first hour with the linter, run
# against the built program: baselines, accepted findings in every
# format, -q, exit 2 with SARIF, -o -, --stdin-filename, monorepos
# (config lookup, --exclude, git-ignored folders), the gitlab and junit
# formats against their documented shapes, --statistics, "did you
# mean", FORCE_COLOR, --version.
set -u
BIN=${ACL_BIN:-./agentcore-lint}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
REPO=$(pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
# run CODE DESCRIPTION -- COMMAND...: output in $T/out, $T/err
run() {
    want=$1 desc=$2; shift 3
    "$@" >"$T/out" 2>"$T/err"; got=$?
    if [ "$got" = "$want" ]; then ok; else bad "$desc: exit $got, wanted $want"; cat "$T/err"; fi
}
has_python() { command -v python3 >/dev/null 2>&1; }

# A project with one open gateway (AC001: error in production).
project() { # DIR AUTH
    mkdir -p "$1/agentcore"
    cat >"$1/agentcore/agentcore.json" <<EOJ
{
  "name": "Proj",
  "version": 1,
  "managedBy": "CDK",
  "runtimes": [],
  "credentials": [],
  "agentCoreGateways": [
    { "name": "tools-gw", "protocolType": "MCP", "targets": [],
      "authorizerType": "$2", "enableSemanticSearch": true,
      "exceptionLevel": "NONE" }
  ]
}
EOJ
}

# --- Baseline -----------------------------------------------------------
P=$T/base
project "$P" NONE
cd "$T" || exit 1
run 1 "an open gateway fails in production" -- "$BIN" --production base
run 0 "--write-baseline" -- "$BIN" --production --write-baseline base/bl.json base
grep -q '"agentcoreLintBaseline": 1' base/bl.json && ok || bad "baseline file marker"
grep -q '"file": "agentcore/agentcore.json", "rule": "AC001"' base/bl.json && ok ||
    bad "baseline names the file relative to its folder: $(cat base/bl.json)"
grep -q 'file://\|/tmp/\|"level"\|"message"\|Date\|time' base/bl.json && bad "baseline holds machine or rule data" || ok
[ "$(wc -c <base/bl.json)" -lt 400 ] && ok || bad "baseline is small"
grep -q "no problems in 1 project; 1 baselined" "$T/out" && ok || bad "write run counts baselined: $(cat "$T/out")"
# The same file from another folder and another copy of the project.
cp -r base base2 && (cd base2 && "$BIN" --production --write-baseline bl.json . >/dev/null)
cmp -s base/bl.json base2/bl.json && ok || bad "baseline differs between folders"
run 0 "--baseline accepts the recorded finding" -- "$BIN" --production --baseline base/bl.json base
grep -q "AC001" "$T/out" && bad "baselined finding printed" || ok
grep -q "no problems in 1 project; 1 baselined" "$T/out" && ok || bad "summary counts baselined: $(cat "$T/out")"
run 0 "--show-suppressed" -- "$BIN" --production --show-suppressed --baseline base/bl.json base
grep -q "AC001 gateway-no-inbound-auth\] (baselined)" "$T/out" && ok || bad "--show-suppressed shows it"
for fmt in gcc github; do
    run 0 "$fmt hides baselined" -- "$BIN" --production -f "$fmt" --baseline base/bl.json base
    [ -s "$T/out" ] && bad "$fmt printed a baselined finding" || ok
done
# --show-suppressed lists them there too, marked as in the human format.
for fmt in gcc github gitlab; do
    run 0 "$fmt --show-suppressed" -- "$BIN" --production -f "$fmt" --show-suppressed --baseline base/bl.json base
    grep -q 'AC001.*(baselined)' "$T/out" && ok || bad "$fmt --show-suppressed does not mark it: $(cat "$T/out")"
done
run 0 "SARIF leaves baselined out" -- "$BIN" --production -f sarif --baseline base/bl.json base
grep -q '"ruleId"' "$T/out" && bad "baselined result in SARIF" || ok
run 0 "json keeps baselined, marked" -- "$BIN" --production -f json --baseline base/bl.json base
grep -q '"baselineState": "unchanged"' "$T/out" && grep -q '"baselined": 1' "$T/out" && ok || bad "json baseline marks"
# A SARIF log still works as a baseline.
"$BIN" --production -f sarif -o "$T/old.sarif" base
run 0 "a SARIF log as baseline" -- "$BIN" --production --baseline "$T/old.sarif" base
# Ignored and baselined together: "1 error; N baselined, M ignored".
project "$T/mixed" NONE
cat >"$T/mixed/agentcore/agentcore.json" <<'EOJ'
{
  "name": "Proj", "version": 1, "managedBy": "CDK", "runtimes": [], "credentials": [],
  "agentCoreGateways": [
    { "name": "a-gw", "protocolType": "MCP", "targets": [], "authorizerType": "NONE",
      "enableSemanticSearch": true, "exceptionLevel": "NONE" },
    { "name": "b-gw", "protocolType": "MCP", "targets": [], "authorizerType": "NONE",
      "enableSemanticSearch": true, "exceptionLevel": "NONE" }
  ]
}
EOJ
echo '{"ignore": [{"rule": "AC001", "resource": "a-gw", "reason": "demo"}]}' >"$T/mixed/.agentcore-lint.json"
"$BIN" --production --write-baseline "$T/mixed.bl" mixed >/dev/null
cat >"$T/mixed/agentcore/agentcore.json" <<'EOJ'
{
  "name": "Proj", "version": 1, "managedBy": "CDK", "runtimes": [], "credentials": [],
  "agentCoreGateways": [
    { "name": "a-gw", "protocolType": "MCP", "targets": [], "authorizerType": "NONE",
      "enableSemanticSearch": true, "exceptionLevel": "NONE" },
    { "name": "b-gw", "protocolType": "MCP", "targets": [], "authorizerType": "NONE",
      "enableSemanticSearch": true, "exceptionLevel": "NONE" },
    { "name": "c-gw", "protocolType": "MCP", "targets": [], "authorizerType": "NONE",
      "enableSemanticSearch": true, "exceptionLevel": "NONE" }
  ]
}
EOJ
run 1 "a new finding beside baselined and ignored ones" -- "$BIN" --production --baseline "$T/mixed.bl" mixed
grep -q "^1 error in 1 project; 1 baselined, 1 ignored$" "$T/out" && ok || bad "mixed summary: $(tail -1 "$T/out")"
[ "$(grep -c 'AC001' "$T/out")" = 1 ] && grep -q "c-gw" "$T/out" && ok || bad "only the new finding shown"

# -q: only findings at or above --fail-on.
project "$T/warn" NONE
run 0 "-q hides a warning below --fail-on" -- "$BIN" -q --no-production warn
[ -s "$T/out" ] && bad "-q printed a warning: $(cat "$T/out")" || ok
run 1 "-q --fail-on warning shows it" -- "$BIN" -q --fail-on warning --no-production warn
grep -q "AC001" "$T/out" && ok || bad "-q --fail-on warning"

# --- SARIF on exit 2, -o - ------------------------------------------------
run 2 "exit 2 still writes SARIF" -- "$BIN" -f sarif -o "$T/fail.sarif" "$T/nowhere"
if has_python; then
    python3 - "$T/fail.sarif" <<'EOP' && ok || bad "failed SARIF log"
import json, sys
log = json.load(open(sys.argv[1]))
inv = log["runs"][0]["invocations"][0]
assert log["version"] == "2.1.0" and log["runs"][0]["results"] == []
assert inv["executionSuccessful"] is False
assert "nowhere" in inv["toolExecutionNotifications"][0]["message"]["text"]
EOP
else
    echo "SKIP: python3 not found; failed SARIF log checked by grep only"
    grep -q '"executionSuccessful": false' "$T/fail.sarif" && ok || bad "failed SARIF log"
fi
run 2 "a mistyped option after -f sarif -o FILE" -- "$BIN" -f sarif -o "$T/usage.sarif" --fial-on error .
grep -q '"executionSuccessful": false' "$T/usage.sarif" && grep -q 'did you mean' "$T/usage.sarif" && ok ||
    bad "usage error: no failed SARIF log"
run 2 "exit 2 writes a JUnit report with the error" -- "$BIN" -f junit -o "$T/fail.xml" "$T/nowhere"
grep -q '<error type="exit status 2" message="[^"]*nowhere' "$T/fail.xml" &&
    grep -q 'errors="1"' "$T/fail.xml" && ok || bad "failed JUnit report"
run 2 "exit 2 writes no GitLab report (it has no way to say why)" -- "$BIN" -f gitlab -o "$T/fail.json" "$T/nowhere"
[ ! -e "$T/fail.json" ] && ok || bad "a GitLab report after exit 2"
run 0 "-o - is standard output" -- "$BIN" -f json -o - "$REPO/fixtures/rules/AC001/pass-aws-iam"
grep -q '"version": 1' "$T/out" && [ ! -e ./- ] && ok || bad "-o - wrote a file named -"

# --- --stdin-filename from elsewhere ------------------------------------
mkdir -p "$T/mono/app/x"
project "$T/mono/app/x" AWS_IAM
echo '[{"name": "dev", "account": "123456789012", "region": "us-east-1"}]' >"$T/mono/app/x/agentcore/aws-targets.json"
(cd "$T" && "$BIN" --stdin-filename mono/app/x/agentcore/agentcore.json - \
    <"$T/mono/app/x/agentcore/agentcore.json" >"$T/out" 2>"$T/err"); rc=$?
[ "$rc" = 0 ] && ! grep -q AC009 "$T/out" && ok || bad "stdin project found from its path: $rc $(cat "$T/out" "$T/err")"
(cd "$T" && "$BIN" --production --stdin-filename mono/app/x/agentcore/agentcore.json - \
    <"$T/base/agentcore/agentcore.json" >"$T/out" 2>&1)
grep -q '^mono/app/x/agentcore/agentcore.json:.*AC001' "$T/out" && ok || bad "stdin reported under its path: $(cat "$T/out")"
# Another file of the project on standard input overrides that file
# only: a production target typed into aws-targets.json makes the open
# gateway an error; a secret typed into agent code is AC017.
project "$T/mono/app/y" NONE
echo '[{"name": "dev", "account": "123456789012", "region": "us-east-1"}]' >"$T/mono/app/y/agentcore/aws-targets.json"
(cd "$T" && echo '[{"name": "prod", "account": "123456789012", "region": "us-east-1"}]' |
    "$BIN" -f gcc --stdin-filename mono/app/y/agentcore/aws-targets.json - >"$T/out" 2>&1); rc=$?
[ "$rc" = 1 ] && grep -q '^mono/app/y/agentcore/agentcore.json:.*error:.*AC001' "$T/out" &&
    ! grep -q 'AC020' "$T/out" && ok || bad "stdin as aws-targets.json: $rc $(cat "$T/out")"
mkdir -p "$T/mono/app/y/app/Agent"
printf 'import os\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n' >"$T/mono/app/y/app/Agent/main.py"
sed 's|"runtimes": \[\]|"runtimes": [{"name": "Agent", "build": "CodeZip", "entrypoint": "main.py", "codeLocation": "app/Agent/", "runtimeVersion": "PYTHON_3_12", "networkMode": "PUBLIC", "protocol": "HTTP"}]|' \
    "$T/mono/app/y/agentcore/agentcore.json" >"$T/spec" && mv "$T/spec" "$T/mono/app/y/agentcore/agentcore.json"
(cd "$T/mono/app" && printf 'DB_PASSWORD = "Tr0ub4dor&3x8T200D"\n' |
    "$BIN" -f gcc --no-production --stdin-filename y/app/Agent/main.py - >"$T/out" 2>&1); rc=$?
[ "$rc" = 1 ] && grep -q '^y/app/Agent/main.py:1:.*AC017' "$T/out" && ! grep -q 'AC000' "$T/out" &&
    ok || bad "stdin as agent code: $rc $(cat "$T/out")"

# --- Monorepos ------------------------------------------------------------
M=$T/repo
mkdir -p "$M" && git -C "$M" init -q
project "$M/services/a" NONE
project "$M/services/b" NONE
project "$M/vendor/c" NONE
project "$M/node_modules/d" NONE
project "$M/build/e" NONE
echo "build/" >"$M/.gitignore"
echo '{"rules": {"AC001": "off"}}' >"$M/.agentcore-lint.json"
run 0 "the work tree's config applies to projects below it" -- "$BIN" --production "$M/services/a"
echo '{"rules": {"AC001": "error"}}' >"$M/services/b/.agentcore-lint.json"
run 1 "the nearest config wins" -- "$BIN" --production "$M/services/b"
rm "$M/services/b/.agentcore-lint.json"
echo '{"ignore": [{"rule": "AC001", "resource": "old-gw", "reason": "gone"}]}' >"$M/.agentcore-lint.json"
run 0 "one config for many projects" -- "$BIN" -f json --no-production "$M/services"
[ "$(grep -c '"rule": "AC023"' "$T/out")" = 1 ] && ok || bad "a shared config's unused entry reported once"
rm "$M/.agentcore-lint.json"
run 1 "monorepo search" -- "$BIN" -f json --production "$M"
grep -q 'services/a/' "$T/out" && grep -q 'vendor/c/' "$T/out" && ok || bad "projects found"
grep -q 'node_modules\|build/e' "$T/out" && bad "node_modules or git-ignored folder linted" || ok
# A git-ignored folder named on the command line is searched all the same.
run 1 "a git-ignored folder named explicitly" -- "$BIN" -f json --production "$M/build"
grep -q 'build/e/' "$T/out" && ok || bad "named git-ignored folder: $(cat "$T/out" "$T/err")"
run 1 "--exclude by name" -- "$BIN" -f json --production --exclude vendor "$M"
grep -q 'vendor/c/' "$T/out" && bad "--exclude vendor" || ok
run 1 "--exclude by path" -- "$BIN" -f json --production --exclude 'services/b' --exclude 'vendor/*' "$M"
grep -q 'services/b/\|vendor/c/' "$T/out" && bad "--exclude by path" || ok
run 1 "--exclude ./path" -- "$BIN" -f json --production --exclude ./vendor "$M"
grep -q 'vendor/c/' "$T/out" && bad "--exclude ./vendor" || ok
printf '{"name": "x"}' >"$T/outside.json"
mkdir -p "$T/plain" && project "$T/plain/p" NONE
echo '{"rules": {"AC001": "off"}}' >"$T/.agentcore-lint.json"
run 1 "outside a work tree only the project's own config" -- "$BIN" --production "$T/plain/p"
rm "$T/.agentcore-lint.json"

# --- gitlab and junit, against their documented shapes -------------------
run 1 "-f gitlab" -- "$BIN" --production -f gitlab "$M/services"
if has_python; then
    python3 - "$T/out" <<'EOP' && ok || bad "GitLab Code Quality shape"
import json, sys
issues = json.load(open(sys.argv[1]))
assert isinstance(issues, list) and len(issues) == 2
fps = set()
for i in issues:
    for k in ("description", "check_name", "fingerprint", "severity"):
        assert isinstance(i[k], str) and i[k], k
    assert i["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert isinstance(i["location"]["path"], str)
    assert isinstance(i["location"]["lines"]["begin"], int)
    fps.add(i["fingerprint"])
assert len(fps) == len(issues), "fingerprints are unique"
EOP
    run 1 "-f junit" -- "$BIN" --production -f junit "$M/services"
    python3 - "$T/out" <<'EOP' && ok || bad "JUnit XML shape"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites"
suites = root.findall("testsuite")
assert len(suites) == 2
for s in suites:
    cases = s.findall("testcase")
    assert int(s.get("tests")) == len(cases)
    assert int(s.get("failures")) == len([c for c in cases if c.find("failure") is not None])
    for c in cases:
        assert c.get("classname") and c.get("name")
assert int(root.get("failures")) == 2
EOP
    run 0 "-f junit, clean" -- "$BIN" -f junit "$REPO/fixtures/rules/AC001/pass-aws-iam"
    python3 -c "import sys, xml.etree.ElementTree as ET; r = ET.parse(sys.argv[1]).getroot(); assert r.find('testsuite/testcase') is not None" "$T/out" && ok || bad "clean JUnit report"
else
    echo "SKIP: python3 not found; gitlab and junit shapes not checked"
fi

# --- --statistics ---------------------------------------------------------
run 1 "--statistics" -- "$BIN" --production --statistics "$M/services"
grep -Eq '^ +2  AC001 gateway-no-inbound-auth$' "$T/out" && ok || bad "--statistics: $(cat "$T/out")"
run 1 "--statistics json" -- "$BIN" --production --statistics -f json "$M/services"
grep -q '"AC001": 2' "$T/out" && ok || bad "--statistics in JSON"

# --- Did you mean, reasons, colour, version -------------------------------
run 2 "mistyped option" -- "$BIN" --fial-on error
grep -q 'did you mean "--fail-on"?' "$T/err" && ok || bad "option suggestion: $(cat "$T/err")"
run 2 "mistyped format" -- "$BIN" -f srif .
grep -q 'did you mean "sarif"?' "$T/err" && ok || bad "format suggestion: $(cat "$T/err")"
run 2 "mistyped --fail-on" -- "$BIN" --fail-on warnng .
grep -q 'did you mean "warning"?' "$T/err" && ok || bad "--fail-on suggestion"
run 2 "mistyped rule" -- "$BIN" --disable gateway-no-inbound-ath .
grep -q 'did you mean "gateway-no-inbound-auth"?' "$T/err" && ok || bad "rule suggestion: $(cat "$T/err")"
run 2 "mistyped rule in --explain" -- "$BIN" --explain unused-ignor
grep -q 'did you mean "unused-ignore"?' "$T/err" && ok || bad "--explain suggestion: $(cat "$T/err")"
printf '{"rules": {"gateway-no-inbound-ath": "off"}}' >"$T/typo.json"
run 2 "mistyped rule in the config" -- "$BIN" --config "$T/typo.json" "$REPO/fixtures/rules/AC001/pass-aws-iam"
grep -q 'unknown rule (did you mean "gateway-no-inbound-auth"?)' "$T/err" && ok || bad "config suggestion: $(cat "$T/err")"
printf '{"ignore": [{"rule": "AC01", "path": "x", "reason": "r"}]}' >"$T/typo.json"
run 2 "unknown rule in an ignore entry" -- "$BIN" --config "$T/typo.json" "$REPO/fixtures/rules/AC001/pass-aws-iam"
grep -q 'unknown rule "AC01" (see agentcore-lint --list-rules)' "$T/err" && ok || bad "no close rule: $(cat "$T/err")"
run 2 "unwritable report" -- "$BIN" -o "$T/nope/r.json" "$REPO/fixtures/rules/AC001/pass-aws-iam"
grep -q 'cannot write the report there (No such file or directory)' "$T/err" && ok || bad "reason: $(cat "$T/err")"
run 2 "unreadable standard input" -- sh -c "'$BIN' - </"
grep -q 'cannot read standard input: Is a directory' "$T/err" && ok || bad "stdin reason: $(cat "$T/err")"
ESC=$(printf '\033')
FORCE_COLOR=1 "$BIN" --production base >"$T/out" 2>&1
grep -q "$ESC" "$T/out" && ok || bad "FORCE_COLOR gives colour in a pipe"
FORCE_COLOR=1 NO_COLOR=1 "$BIN" --production base >"$T/out" 2>&1
grep -q "$ESC" "$T/out" && bad "NO_COLOR loses to FORCE_COLOR" || ok
FORCE_COLOR=0 "$BIN" --production base >"$T/out" 2>&1
grep -q "$ESC" "$T/out" && bad "FORCE_COLOR=0 gives colour" || ok
run 0 "--version" -- "$BIN" --version
grep -Eq '^agentcore-lint [0-9.]+ \(AgentCore CLI schema 0\.30\.0\)$' "$T/out" && ok || bad "--version: $(cat "$T/out")"

# --- Build: only the program's dependencies; -Werror for developers ---
# A make of its own: not the settings of the make running this test.
M_="env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u DEV -u SANITIZE -u O ${MAKE:-make}"
cat >"$T/pkg-config" <<'EOS'
#!/bin/sh
# pkg-config on a machine without the test library.
for a in "$@"; do [ "$a" = check ] && exit 1; done
exec pkg-config "$@"
EOS
chmod +x "$T/pkg-config"
(cd "$REPO" && $M_ -s -n deps-ok PKG_CONFIG="$T/pkg-config" >/dev/null 2>&1 &&
    $M_ -s deps-ok PKG_CONFIG="$T/pkg-config" >/dev/null 2>&1) && ok ||
    bad "make needs libcheck"
(cd "$REPO" && $M_ -s check-deps-ok PKG_CONFIG="$T/pkg-config" >/dev/null 2>"$T/err")
grep -q 'make check needs the test library check' "$T/err" && ok || bad "make check without libcheck: $(cat "$T/err")"
(cd "$REPO" && $M_ -n -B build/src/cli/cli.o) | grep -q -- '-Werror' && bad "-Werror in a user's build" || ok
(cd "$REPO" && $M_ -n -B DEV=1 build/src/cli/cli.o) | grep -q -- '-Werror' && ok || bad "no -Werror with DEV=1"
(cd "$REPO" && $M_ -n ci 2>/dev/null) | grep -q -- '-Werror' && ok || bad "no -Werror in make ci"
(cd "$REPO" && $M_ -n -B HOME_URL=https://example.test/acl build/src/cli/cli.o) |
    grep -q "ACL_HOME_URL='\"https://example.test/acl\"'" && ok || bad "HOME_URL is not passed to the compiler"

# --- The manual pages' header line is whole ----------------------------
if command -v groff >/dev/null 2>&1; then
    for page in man/agentcore-lint.1 man/agentcore-lint-rules.7; do
        head=$(groff -mandoc -Tutf8 "$REPO/$page" 2>/dev/null | sed -n '1p' | sed 's/\x1b\[[0-9;]*m//g')
        case $head in *...*|"") bad "$page header cut short: $head" ;; *) ok ;; esac
    done
else
    echo "SKIP: groff not found; manual page headers not rendered"
fi

# The config's $schema in the README is where the schema says it lives.
id=$(sed -n 's/^  "\$id": "\(.*\)",$/\1/p' "$REPO/schema/agentcore-lint.schema.json")
case $id in https://github.com/agentcore-lint/agentcore-lint/*) ok ;; *) bad "schema \$id: $id" ;; esac
grep -q "\"\$schema\": \"$id\"" "$REPO/README" && ok || bad "README's \$schema is not the schema's \$id"

# --- make dist ------------------------------------------------------------
if command -v git >/dev/null 2>&1 && git -C "$REPO" rev-parse HEAD >/dev/null 2>&1; then
    version=$(sed -n 's/^#define ACL_VERSION "\(.*\)"/\1/p' "$REPO/include/acl/version.h")
    (cd "$REPO" && $M_ -s dist >"$T/dist.log" 2>&1) && ok || bad "make dist: $(cat "$T/dist.log")"
    tarball=$REPO/agentcore-lint-$version.tar.gz
    tar tzf "$tarball" >"$T/dist.list" 2>/dev/null
    grep -qx "agentcore-lint-$version/Makefile" "$T/dist.list" &&
        grep -qx "agentcore-lint-$version/CHANGELOG" "$T/dist.list" &&
        ! grep -q '\.o$\|^agentcore-lint-[0-9.]*/build/' "$T/dist.list" && ok || bad "dist tarball contents"
    rm -f "$tarball"
else
    echo "SKIP: make dist needs git and a git checkout"
fi

echo "adoption: $pass passed, $fail failed"
[ "$fail" = 0 ]
