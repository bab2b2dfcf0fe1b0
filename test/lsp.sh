#!/bin/sh
# lsp.sh - the language server under a real LSP client: test/lsp-client.js
# with vscode-jsonrpc and vscode-languageserver-protocol from npm, kept
# in .cache/lsp-client (installed on first use); the README's Neovim
# set-up under nvim headless, when nvim is installed. Then the server's
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

# The README's Neovim set-up, as pasted into init.lua, under Neovim's
# own client (headless): the one for this version of nvim.
neovim() {
    v=$(nvim --version 2>/dev/null | sed -n '1s/^NVIM v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
    [ -n "$v" ] || { echo "SKIP: lsp: nvim is not installed; the README's Neovim set-up did not run"; return 0; }
    set -- $v
    if [ "$1" = 0 ] && [ "$2" -lt 7 ]; then
        echo "SKIP: lsp: nvim $1.$2 is older than any README set-up"; return 0
    fi
    if [ "$1" = 0 ] && [ "$2" -lt 10 ]; then marker='^- Neovim 0.7 to 0.9'; else marker='^- Neovim (0.10'; fi
    # From the marker to the next list item; the code is indented 6.
    sed -n "/$marker/,/^- [^N]/p" README | sed -n 's/^      //p' >"$T/init.lua"
    N=$T/nvim-proj
    mkdir -p "$N/agentcore"
    printf '%s\n' '{ "name": "P", "version": 1, "managedBy": "CDK", "runtimes": [], "credentials": [],' \
        '  "agentCoreGateways": [ { "name": "gw", "protocolType": "MCP", "targets": [],' \
        '    "authorizerType": "NONE" } ] }' >"$N/agentcore/agentcore.json"
    echo '[{"name": "prod", "account": "123456789012", "region": "us-east-1"}]' >"$N/agentcore/aws-targets.json"
    cat >"$T/probe.lua" <<'EOL'
vim.cmd("edit " .. vim.env.ACL_NVIM_FILE)
vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  out[#out + 1] = string.format("%s %d:%d-%d:%d %d", tostring(d.code), d.lnum, d.col, d.end_lnum, d.end_col, d.severity)
end
vim.fn.writefile(out, vim.env.ACL_NVIM_OUT)
vim.cmd("qa!")
EOL
    mkdir -p "$T/bin" && ln -sf "$BIN" "$T/bin/agentcore-lint"
    (cd "$T" && PATH="$T/bin:$PATH" HOME="$T" XDG_CONFIG_HOME="$T/xdg" XDG_DATA_HOME="$T/xdg" \
        XDG_STATE_HOME="$T/xdg" ACL_NVIM_FILE="$N/agentcore/agentcore.json" ACL_NVIM_OUT="$T/nvim.out" \
        timeout 60 nvim --headless -n -u "$T/init.lua" -c "luafile $T/probe.lua" >"$T/nvim.log" 2>&1)
    # AC001 at "NONE" (line 3, columns 22-28, 0-based), an error.
    if grep -qx 'AC001 2:22-2:28 1' "$T/nvim.out" 2>/dev/null; then
        echo "ok: the README's Neovim $1.$2 set-up shows AC001 at its range"
    else
        echo "FAIL: the README's Neovim $1.$2 set-up: $(cat "$T/nvim.out" "$T/nvim.log" 2>/dev/null | head -20)"
        fail=1
    fi
}
neovim

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
