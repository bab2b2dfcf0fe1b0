#!/bin/sh
# precommit.sh - the hook of .pre-commit-hooks.yaml, run by pre-commit
# itself as a user would: a throwaway project repository takes the
# README's .pre-commit-config.yaml snippet as written (only the
# repository URL points at a snapshot of this working tree, tagged with
# the README's rev), installs the hook, and commits. A project with an
# unauthenticated gateway and a production target must be refused; once
# the gateway is fixed, the commit must go through; a commit of agent
# code alone, or of a .gitignore, must run the hook too.
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
# The README's snippet: from "repos:" to the first blank line.
sed -n '/^    repos:$/,/^$/p' "$REPO/README" | sed 's/^    //' >"$T/snippet"
rev=$(sed -n 's/^ *rev: *\([^ ]*\).*/\1/p' "$T/snippet")
version=$(sed -n 's/^#define ACL_VERSION "\(.*\)"/\1/p' "$REPO/include/acl/version.h")
[ "$rev" = "v$version" ] && ok || bad "README rev: \"$rev\", not the version tag v$version"
grep -q "^## $version\b" "$REPO/CHANGELOG" && ok || bad "CHANGELOG has no entry for $version"
# The lead tags releases in the real repository; the snapshot gets the
# same tag so that the README's rev resolves as it does there.
(cd "$T/hook" && git init -q && git add -A && git commit -qm snapshot &&
    git tag "$rev") || exit 1

mkdir -p "$T/proj/svc/agentcore"
cd "$T/proj" || exit 1
git init -q
sed "s|^\( *- repo: \).*|\1$T/hook|" "$T/snippet" >.pre-commit-config.yaml
grep -q "rev: $rev" .pre-commit-config.yaml && grep -q 'id: agentcore-lint' .pre-commit-config.yaml &&
    ok || bad "snippet not taken from the README: $(cat .pre-commit-config.yaml)"
gateway() {
    cat >svc/agentcore/agentcore.json <<EOJ
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
    >svc/agentcore/aws-targets.json
echo "notes" >README
git add README .pre-commit-config.yaml && git commit -qm init >"$T/log" 2>&1 && ok ||
    bad "commit without project files"
pre-commit install >"$T/log" 2>&1 && ok || bad "pre-commit install"

gateway NONE
git add svc
if git commit -qm "open gateway" >"$T/log" 2>&1; then
    bad "a gateway without inbound auth was committed"
else
    grep -q 'AC001' "$T/log" && grep -q 'tools-gw' "$T/log" && ok ||
        bad "the refused commit names AC001 and the gateway"
fi

gateway AWS_IAM
git add svc
git commit -qm "IAM gateway" >"$T/log" 2>&1 && ok || bad "the fixed project was refused"
[ "$(git rev-list --count HEAD)" = 2 ] && ok || bad "two commits expected"

# A commit touching no project file lints nothing and passes, even
# with a broken project in the tree (its file is not staged).
gateway NONE
mkdir -p docs && echo notes >docs/notes.md && git add docs
git commit -qm "docs" >"$T/log" 2>&1 && ! grep -q AC001 "$T/log" && ok ||
    bad "a file outside any project ran the lint"
git checkout -q svc

# Agent code alone triggers its project: a secret in app/ is AC017.
mkdir -p svc/app/Agent
printf 'import os\nDB_PASSWORD = os.environ["DB_PASSWORD"]\n' >svc/app/Agent/main.py
sed 's|"runtimes": \[\]|"runtimes": [{"name": "Agent", "build": "CodeZip", "entrypoint": "main.py", "codeLocation": "app/Agent/", "runtimeVersion": "PYTHON_3_12", "networkMode": "PUBLIC", "protocol": "HTTP"}]|' \
    svc/agentcore/agentcore.json >"$T/spec" && mv "$T/spec" svc/agentcore/agentcore.json
git add svc && git commit -qm "agent" >"$T/log" 2>&1 && ok || bad "clean agent refused"
printf 'DB_PASSWORD = "Tr0ub4dor&3x8T200D"\n' >svc/app/Agent/main.py
git add svc/app
if git commit -qm "agent code" >"$T/log" 2>&1; then
    bad "a secret in agent code was committed (hook skipped non-JSON files)"
else
    grep -q 'AC017' "$T/log" && ok || bad "the refused commit names AC017"
fi
git checkout -q HEAD -- svc/app

# A .gitignore edit alone triggers its project: .env.local no longer
# ignored is AC011.
echo 'agentcore/.env.local' >svc/.gitignore
echo 'KEY=x' >svc/agentcore/.env.local
git add svc/.gitignore && git commit -qm "ignore env" >"$T/log" 2>&1 && ok || bad "ignored .env.local refused"
echo '# nothing ignored' >svc/.gitignore
git add svc/.gitignore
if git commit -qm "drop ignore" >"$T/log" 2>&1; then
    bad "a .gitignore that stops ignoring .env.local was committed"
else
    grep -q 'AC011' "$T/log" && ok || bad "the refused commit names AC011"
fi

git checkout -q HEAD -- svc/.gitignore

# The shared config at the top of the repository (outside every
# project) runs the projects below it: a mistake in it is refused.
echo '{"rules": {"AC012": "of"}}' >.agentcore-lint.json
git add .agentcore-lint.json
if git commit -qm "shared config" >"$T/log" 2>&1; then
    bad "a broken shared config was committed (the hook skipped it)"
else
    grep -q '.agentcore-lint.json' "$T/log" && ok || bad "the refused commit names the config"
fi
echo '{"rules": {"AC012": "off"}}' >.agentcore-lint.json
git add .agentcore-lint.json
git commit -qm "shared config" >"$T/log" 2>&1 && ok || bad "a good shared config was refused"

echo "precommit: $pass passed, $fail failed"
[ "$fail" = 0 ]
