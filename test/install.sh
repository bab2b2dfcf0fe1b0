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

# A user's build: make and make install need nothing of the test
# library and stop on no warning; make check says that the library is
# missing before it compiles a suite; DEV=1 turns warnings into errors.
mkdir -p "$T/pc"
printf '#!/bin/sh\nfor a in "$@"; do [ "$a" = check ] && exit 1; done\nexec pkg-config "$@"\n' >"$T/pc/pkg-config"
chmod +x "$T/pc/pkg-config"
$MAKE -n DEV= O="$T/o" PKG_CONFIG="$T/pc/pkg-config" all install DESTDIR="$T/d" >"$T/log" 2>&1
grep -q 'exists check' "$T/log" && bad "make or make install asks for the test library" || ok
grep -q -- '-Werror' "$T/log" && bad "a user's build has -Werror" || ok
$MAKE -n DEV=1 O="$T/o" all 2>&1 | grep -q -- '-Werror' && ok || bad "make DEV=1 has no -Werror"
first=$($MAKE -n DEV= O="$T/o" PKG_CONFIG="$T/pc/pkg-config" check 2>&1 | grep 'exists check\|test/check_' | head -n 1)
case $first in *"exists check"*) ok ;; *) bad "make check compiles a suite before it checks for the test library: $first" ;; esac

check_prefix /usr/local 1
check_prefix /opt/agentcore-lint 2
echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
