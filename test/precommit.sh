#!/bin/sh
# precommit.sh - the hook of .pre-commit-hooks.yaml, run by pre-commit
# itself as a user would: a throwaway project repository lists a
# snapshot of this repository as a hook repository, installs the hook,
# and commits. A project with an unauthenticated gateway and a
# production target must be refused; once the gateway is fixed, the
# commit must go through.
set -u
REPO=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v pre-commit >/dev/null 2>&1 || ! command -v git >/dev/null 2>&1; then
    echo "precommit: pre-commit and git are needed (apt-get install pre-commit git)" >&2
    exit 1
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export PRE_COMMIT_HOME="$T/cache" GIT_CONFIG_GLOBAL="$T/gitconfig"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com
export GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
git config --file "$T/gitconfig" init.defaultBranch main
git config --file "$T/gitconfig" advice.detachedHead false
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; cat "$T/log"; }

# The hook repository: this working tree as it is (tracked and new
# files, no build products), committed, since pre-commit clones a rev.
mkdir "$T/hook"
(cd "$REPO" && git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$T/hook")
(cd "$T/hook" && git init -q && git add -A && git commit -qm snapshot) || exit 1
rev=$(git -C "$T/hook" rev-parse HEAD)

mkdir -p "$T/proj/agentcore"
cd "$T/proj" || exit 1
git init -q
cat >.pre-commit-config.yaml <<EOC
repos:
  - repo: $T/hook
    rev: $rev
    hooks:
      - id: agentcore-lint
EOC
gateway() {
    cat >agentcore/agentcore.json <<EOJ
{
  "name": "Shop",
  "version": 1,
  "managedBy": "CDK",
  "runtimes": [],
  "credentials": [],
  "agentCoreGateways": [
    { "name": "tools-gw", "protocolType": "MCP", "targets": [],
      "authorizerType": "$1" }
  ]
}
EOJ
}
echo '[{"name": "prod", "account": "123456789012", "region": "us-east-1"}]' \
    >agentcore/aws-targets.json
echo "notes" >README
git add README .pre-commit-config.yaml && git commit -qm init >"$T/log" 2>&1 && ok ||
    bad "commit without project files"
pre-commit install >"$T/log" 2>&1 && ok || bad "pre-commit install"

gateway NONE
git add agentcore
if git commit -qm "open gateway" >"$T/log" 2>&1; then
    bad "a gateway without inbound auth was committed"
else
    grep -q 'AC001' "$T/log" && grep -q 'tools-gw' "$T/log" && ok ||
        bad "the refused commit names AC001 and the gateway"
fi

gateway AWS_IAM
git add agentcore
git commit -qm "IAM gateway" >"$T/log" 2>&1 && ok || bad "the fixed project was refused"
[ "$(git rev-list --count HEAD)" = 2 ] && ok || bad "two commits expected"

# A commit touching no project file does not run the linter.
echo more >>README
git commit -qam "readme" >"$T/log" 2>&1 && grep -q 'no files to check' "$T/log" && ok ||
    bad "hook skipped for other files"

echo "precommit: $pass passed, $fail failed"
[ "$fail" = 0 ]
