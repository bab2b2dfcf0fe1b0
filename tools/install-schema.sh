#!/bin/sh
# install-schema.sh - installs the AgentCore CLI 0.30.0's schema (npm zod
# and @aws/agentcore 0.30.0, the schema modules only) into
# .cache/agentcore-schema when it is not there yet. Used by
# `make check-schema` and `make bench`. Needs node and npm.
set -eu
cd "$(dirname "$0")/.."
CACHE=.cache/agentcore-schema
PKG=$CACHE/node_modules/@aws/agentcore
if [ ! -f "$PKG/dist/schema/schemas/agentcore-project.js" ] ||
   [ ! -d "$CACHE/node_modules/zod" ]; then
    echo "installing the AgentCore CLI 0.30.0 schema into $CACHE"
    mkdir -p "$CACHE"
    (
        cd "$CACHE"
        [ -f package.json ] || npm init -y >/dev/null
        npm install --no-audit --no-fund --silent zod@^4.3.5
        rm -f aws-agentcore-0.30.0.tgz
        npm pack --silent @aws/agentcore@0.30.0 >/dev/null
        mkdir -p node_modules/@aws/agentcore
        tar -xzf aws-agentcore-0.30.0.tgz -C node_modules/@aws/agentcore --strip-components=1
    )
fi
