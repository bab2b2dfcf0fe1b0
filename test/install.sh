#!/bin/sh
# install.sh - "make install" and "make uninstall" into a temporary
# DESTDIR, with the default and another PREFIX: every file lands where
# the Makefile says, the installed program runs and reads its manual
# pages, and uninstall removes exactly what install put there.
set -u
MAKE=${MAKE:-make}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

check_prefix() {
    prefix=$1 d="$T/dest$2"
    $MAKE -s install DESTDIR="$d" PREFIX="$prefix" >"$T/log" 2>&1 || { bad "make install PREFIX=$prefix"; cat "$T/log"; return; }
    for f in bin/agentcore-lint share/man/man1/agentcore-lint.1 \
             share/man/man7/agentcore-lint-rules.7 \
             share/bash-completion/completions/agentcore-lint; do
        [ -f "$d$prefix/$f" ] && ok || bad "PREFIX=$prefix: $f not installed"
    done
    [ -x "$d$prefix/bin/agentcore-lint" ] && "$d$prefix/bin/agentcore-lint" --version >/dev/null && ok ||
        bad "PREFIX=$prefix: installed program does not run"
    if command -v mandoc >/dev/null 2>&1; then
        mandoc -Tascii "$d$prefix/share/man/man7/agentcore-lint-rules.7" | grep -q 'AC001' && ok ||
            bad "PREFIX=$prefix: installed rules page unreadable"
    fi
    $MAKE -s uninstall DESTDIR="$d" PREFIX="$prefix" >"$T/log" 2>&1 || { bad "make uninstall"; cat "$T/log"; }
    [ -z "$(find "$d" -type f)" ] && ok || bad "PREFIX=$prefix: uninstall left $(find "$d" -type f)"
}

check_prefix /usr/local 1
check_prefix /opt/agentcore-lint 2
echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
