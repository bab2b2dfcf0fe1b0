#!/bin/sh
# check-sarif.sh - validates the SARIF log of every fixture project and
# of the example with the Microsoft SARIF Multitool, rule kinds Sarif
# and Gh (GitHub code scanning): it must report no error and no warning.
#
# The Multitool comes from npm and is kept in .cache/sarif-multitool.
# Its native Linux binary is called directly: the npm wrapper passes the
# arguments through a shell, which would split "Sarif;Gh" at the ';'.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${ACL_BIN:-$ROOT/agentcore-lint}
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac
VERSION=5.7.0
CACHE=$ROOT/.cache/sarif-multitool
TOOL=$CACHE/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
# The Multitool is a .NET program; without ICU it must be told to run
# with invariant globalization.
DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT

die() { echo "check-sarif: $*" >&2; exit 2; }

install_tool() {
    [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] ||
        die "the SARIF Multitool binary is for Linux x86_64 only"
    command -v npm >/dev/null 2>&1 ||
        die "npm is needed to install @microsoft/sarif-multitool $VERSION"
    mkdir -p "$CACHE"
    echo "check-sarif: installing @microsoft/sarif-multitool $VERSION into .cache/sarif-multitool"
    npm install --prefix "$CACHE" --no-audit --no-fund --loglevel=error \
        "@microsoft/sarif-multitool@$VERSION" \
        "@microsoft/sarif-multitool-linux@$VERSION" >/dev/null ||
        die "npm install failed"
}

[ -x "$BIN" ] || die "$BIN is not built (run make)"
[ -f "$TOOL" ] || install_tool
[ -f "$TOOL" ] || die "the Multitool is not at $TOOL after npm install"
chmod +x "$TOOL"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# sarif_of DIR OUT: the fixture's log, run in its folder with its args
# file (one argument a line, default "."), as the golden tests run it.
# Prints the exit status.
sarif_of() {
    dir=$1 out=$2
    (
        cd "$dir"
        set --
        if [ -f args ]; then
            while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done <args
        fi
        [ $# -gt 0 ] || set -- .
        "$BIN" "$@" --format sarif -o "$out" </dev/null >/dev/null 2>&1
    ) && echo 0 || echo $?
}

skipped=0
for d in fixtures/rules/*/*/ fixtures/cases/*/ fixtures/cases/*/*/ examples/demo/; do
    [ -d "$d/agentcore" ] || [ -f "$d/args" ] || continue
    out=$T/$(printf '%s' "$d" | tr '/' '_' | tr -c 'A-Za-z0-9_.-' '_').sarif
    rc=$(sarif_of "$d" "$out")
    if [ "$rc" -gt 1 ] || [ ! -s "$out" ]; then
        # A fixture of a run that cannot do its job (exit 2) has no log.
        skipped=$((skipped + 1))
        rm -f "$out"
    fi
done
# And one log of many projects in sub-folders, run from the root; one
# of a project outside the current folder (absolute file URIs); one
# with baseline states; one of a project whose folder name needs
# escaping in URIs.
"$BIN" --format sarif -o "$T/all-projects.sarif" fixtures/rules examples \
    </dev/null >/dev/null 2>&1 || true
(cd "$T" && "$BIN" --format sarif -o "$T/outside-cwd.sarif" \
    "$ROOT/examples/demo" </dev/null >/dev/null 2>&1) || true
"$BIN" --format sarif -o "$T/baseline.json" examples/demo </dev/null \
    >/dev/null 2>&1 || true
"$BIN" --format sarif --baseline "$T/baseline.json" -o "$T/with-baseline.sarif" \
    examples/demo </dev/null >/dev/null 2>&1 || true
odd="odd name #1 %41 ?x $(printf '\342\200\256 \303\251')"
mkdir -p "$T/$odd"
cp -R fixtures/cases/hostile-names/agentcore "$T/$odd/"
(cd "$T" && "$BIN" --format sarif -o "$T/odd-name.sarif" "$odd" \
    </dev/null >/dev/null 2>&1) || true

logs=$(ls "$T"/*.sarif | wc -l)
[ "$logs" -gt 0 ] || die "no SARIF log was written"
"$TOOL" validate --rule-kind "Sarif;Gh" "$T"/*.sarif >"$T/report.txt" 2>&1 ||
    { cat "$T/report.txt"; die "the Multitool failed"; }
if grep -E ': (error|warning) [A-Z]+[0-9.]*' "$T/report.txt" ||
    ! grep -q "Done. $logs files scanned" "$T/report.txt" ||
    ! grep -q 'Analysis completed successfully' "$T/report.txt"; then
    sed "s|$T/||g" "$T/report.txt"
    echo "check-sarif: FAILED" >&2
    exit 1
fi
echo "check-sarif: $logs SARIF logs valid (Sarif;Gh), $skipped fixtures without a log (exit 2)"
