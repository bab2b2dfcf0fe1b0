#!/bin/sh
# lsp.sh - the language server under a real LSP client: test/lsp-client.js
# with vscode-jsonrpc and vscode-languageserver-protocol from npm, kept
# in .cache/lsp-client (installed on first use). Then the server's
# message reader against hostile input. Prints SKIP, visibly, when node
# or the client modules are not to be had.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${ACL_BIN:-$ROOT/agentcore-lint}
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
CACHE=$ROOT/.cache/lsp-client
MODULES=$CACHE/node_modules
EDITS=${LSP_EDITS:-10000}
fail=0

# Hostile bytes: every answer is a JSON-RPC error and the server lives
# on to answer the next request. Needs no node.
msg() { printf 'Content-Length: %s\r\n\r\n%s' "${#1}" "$1"; }
hostile() {
    {
        msg '{"jsonrpc":"2.0","id":'
        printf 'Content-Type: x\r\n\r\n'
        msg '[]'
        msg '"string"'
        msg '{"jsonrpc":"2.0","id":{},"method":"x"}'
        msg '{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}'
        msg '{"jsonrpc":"2.0","id":7,"method":"initialize","params":{}}'
        msg '{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":7}}'
        msg '{"jsonrpc":"2.0","method":"no/such/notification","params":[]}'
        msg '{"jsonrpc":"2.0","id":8,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///nowhere/x.json"},"range":7}}'
        msg '{"jsonrpc":"2.0","id":9,"method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///%00/x","text":1}}}'
        # Last: the rest of the input is its body, skipped unread.
        printf 'Content-Length: 99999999999\r\n\r\nxx'
    } | "$BIN" --lsp >"$1" 2>&1
    echo $?
}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
rc=$(hostile "$T/out")
errors=$(grep -o '"code":-32[0-9]*' "$T/out" | wc -l)
if [ "$rc" = 1 ] && [ "$errors" -ge 7 ] && grep -q '"id":7,"result"' "$T/out" &&
    grep -q '"id":8,"result":\[\]' "$T/out"; then
    echo "ok: malformed messages get JSON-RPC errors ($errors), the server still answers"
else
    echo "FAIL: malformed messages (exit $rc, $errors errors):"
    head -c 2000 "$T/out"
    fail=1
fi

if ! command -v node >/dev/null 2>&1; then
    echo "SKIP: lsp: node is not installed; the real-client test did not run"
    exit $fail
fi
if [ ! -d "$MODULES/vscode-languageserver-protocol" ] ||
   [ ! -d "$MODULES/vscode-jsonrpc" ]; then
    if command -v npm >/dev/null 2>&1; then
        echo "lsp: installing vscode-jsonrpc and vscode-languageserver-protocol into .cache/lsp-client"
        mkdir -p "$CACHE"
        npm install --prefix "$CACHE" --no-audit --no-fund --loglevel=error \
            vscode-jsonrpc@8 vscode-languageserver-protocol@3.17 >/dev/null 2>&1
    fi
fi
if [ ! -d "$MODULES/vscode-languageserver-protocol" ]; then
    echo "SKIP: lsp: the LSP client modules could not be installed (npm); the real-client test did not run"
    exit $fail
fi
node test/lsp-client.js "$BIN" "$MODULES" "$EDITS" || fail=1
exit $fail
