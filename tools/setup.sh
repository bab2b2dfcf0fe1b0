#!/bin/sh
# setup.sh - installs with apt-get (Debian 12) what this machine lacks:
# the build dependencies, and with "test" also everything `make ci` runs:
# valgrind, clang and libFuzzer's runtime, mandoc, git, pre-commit,
# python3 with jsonschema, npm (for the SARIF Multitool, the AgentCore
# CLI schema and the LSP client of test/lsp.sh, which the make targets
# fetch themselves).
set -eu
need=""
pkg-config --exists jansson libpcre2-8 check 2>/dev/null ||
    need="libjansson-dev libpcre2-dev check pkg-config"
command -v make >/dev/null 2>&1 || need="$need make"
command -v cc >/dev/null 2>&1 || need="$need gcc"
if [ "${1:-}" = test ]; then
    command -v valgrind >/dev/null 2>&1 || need="$need valgrind"
    command -v clang >/dev/null 2>&1 || need="$need clang"
    dpkg -s libclang-rt-14-dev >/dev/null 2>&1 || need="$need libclang-rt-14-dev"
    command -v mandoc >/dev/null 2>&1 || need="$need mandoc"
    command -v clang-format >/dev/null 2>&1 || need="$need clang-format"
    command -v git >/dev/null 2>&1 || need="$need git"
    command -v pre-commit >/dev/null 2>&1 || need="$need pre-commit"
    command -v python3 >/dev/null 2>&1 || need="$need python3"
    python3 -c 'import jsonschema' 2>/dev/null ||
        /usr/bin/python3 -c 'import jsonschema' 2>/dev/null ||
        need="$need python3-jsonschema"
    command -v npm >/dev/null 2>&1 || need="$need npm"
fi
if [ -z "$need" ]; then
    echo "setup: everything needed is installed"
    exit 0
fi
SUDO=
[ "$(id -u)" = 0 ] || SUDO=sudo
echo "setup: installing$need"
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq $need >/dev/null
