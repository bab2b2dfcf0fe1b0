#!/bin/sh
# cli.sh - command-line contract tests against the built program:
# exit codes, messages on standard error, stdin, output files, and that
# a lint never writes into the project it reads.
set -u
BIN=${ACL_BIN:-./agentcore-lint}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect_exit CODE DESCRIPTION -- COMMAND...
expect_exit() {
    want=$1 desc=$2; shift 3
    "$@" >"$T/out" 2>"$T/err"; got=$?
    if [ "$got" = "$want" ]; then ok; else bad "$desc: exit $got, wanted $want"; cat "$T/err"; fi
}

F=fixtures/rules
expect_exit 0 "clean project" -- "$BIN" "$F/AC001/pass-aws-iam"
expect_exit 0 "warnings do not fail by default" -- "$BIN" "$F/AC001/fail-none-dev"
expect_exit 1 "--fail-on warning" -- "$BIN" --fail-on warning "$F/AC001/fail-none-dev"
expect_exit 0 "--fail-on none" -- "$BIN" --fail-on none "$F/AC001/fail-production-flag" --production
expect_exit 1 "--production makes AC001 an error" -- "$BIN" --production "$F/AC001/fail-none-dev"
expect_exit 1 "truncated agentcore.json is AC000, exit 1" -- "$BIN" "$F/AC000/fail-truncated"
grep -q 'agentcore/agentcore.json:5:1: error: .*AC000' "$T/out" && ok || bad "AC000 position in human output"
expect_exit 2 "missing path" -- "$BIN" "$T/does-not-exist"
[ "$(wc -l <"$T/err")" = 1 ] && grep -q '^agentcore-lint: ' "$T/err" && ok || bad "missing path: one line on stderr"
mkdir -p "$T/empty"
expect_exit 2 "folder with no project" -- "$BIN" "$T/empty"
[ "$(wc -l <"$T/err")" = 1 ] && grep -q 'no AgentCore project found' "$T/err" && ok || bad "no project: message"
expect_exit 2 "unknown option" -- "$BIN" --no-such-option
expect_exit 2 "bad --format" -- "$BIN" --format xml .
expect_exit 2 "bad --fail-on" -- "$BIN" --fail-on fatal .
expect_exit 2 "unknown rule" -- "$BIN" --disable AC999 "$F/AC001/pass-aws-iam"
expect_exit 0 "--disable by name" -- "$BIN" --disable gateway-no-inbound-auth --production "$F/AC001/fail-none-dev"
expect_exit 0 "--version" -- "$BIN" --version
expect_exit 0 "--help" -- "$BIN" --help
expect_exit 0 "--list-rules" -- "$BIN" --list-rules
grep -q '^AC001 ' "$T/out" && ok || bad "--list-rules lists AC001"
expect_exit 0 "--explain" -- "$BIN" --explain AC001
expect_exit 2 "--explain unknown" -- "$BIN" --explain AC999

# A file inside a project lints that project once.
expect_exit 1 "file inside a project" -- "$BIN" --production "$F/AC001/fail-none-dev/agentcore/agentcore.json" "$F/AC001/fail-none-dev"
[ "$(grep -c 'AC001' "$T/out")" = 1 ] && ok || bad "project linted once"
# A folder of projects is searched.
expect_exit 1 "folder of projects" -- "$BIN" "$F/AC000"
# Standard input.
expect_exit 1 "stdin with syntax error" -- sh -c "printf '{' | '$BIN' --stdin-filename x/agentcore.json -"
grep -q '^x/agentcore.json:1:2: error' "$T/out" && ok || bad "stdin file name"
# -o writes the report to a file.
expect_exit 0 "-o" -- "$BIN" -f json -o "$T/report.json" "$F/AC001/pass-aws-iam"
grep -q '"version": 1' "$T/report.json" && ok || bad "-o wrote the JSON report"
expect_exit 2 "-o into a missing folder" -- "$BIN" -o "$T/nope/r.json" "$F/AC001/pass-aws-iam"
# Too-big file.
mkdir -p "$T/big/agentcore"
head -c 2000000 /dev/zero | tr '\0' ' ' >"$T/big/agentcore/agentcore.json"
expect_exit 2 "--max-file-size" -- "$BIN" --max-file-size 1 "$T/big"
grep -q 'larger than the limit' "$T/err" && ok || bad "size message"
# agentcore.json that is a folder.
mkdir -p "$T/dir/agentcore/agentcore.json"
expect_exit 2 "agentcore.json is a folder" -- "$BIN" "$T/dir"

# Colour only when asked for, or on a terminal without NO_COLOR.
ESC=$(printf '\033')
"$BIN" --production "$F/AC001/fail-none-dev" >"$T/out" 2>&1
grep -q "$ESC" "$T/out" && bad "colour sent to a pipe" || ok
"$BIN" --color always --production "$F/AC001/fail-none-dev" >"$T/out" 2>&1
grep -q "$ESC" "$T/out" && ok || bad "--color always gives no colour"
NO_COLOR=1 "$BIN" --color always --production "$F/AC001/fail-none-dev" >"$T/out" 2>&1
grep -q "$ESC" "$T/out" && ok || bad "--color always loses to NO_COLOR"
# SARIF from the repository root names files from the root.
"$BIN" -f sarif "$F/AC001/fail-none-dev" >"$T/out" 2>&1
grep -q '"uri": "fixtures/rules/AC001/fail-none-dev/agentcore/agentcore.json"' "$T/out" && ok || bad "SARIF sub-folder URI"

# The lint never writes into the project.
cp -r "$F/AC001" "$T/ro"
before=$(cd "$T/ro" && find . -exec stat -c '%n %s %Y' {} + | sort | md5sum)
for fmt in human json gcc github sarif; do "$BIN" -f "$fmt" "$T/ro" >/dev/null 2>&1; done
after=$(cd "$T/ro" && find . -exec stat -c '%n %s %Y' {} + | sort | md5sum)
[ "$before" = "$after" ] && ok || bad "lint wrote into the project"

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
