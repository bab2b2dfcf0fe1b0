#!/bin/sh
# fix.sh - properties of --fix over every fixture project (fixtures/rules
# linted with --select RULE, fixtures/cases with every rule), each in a
# copy under a temporary folder:
#  - the result is what the safe fixes of the SARIF log say, byte for
#    byte: the file with exactly those spans replaced, every other file
#    untouched (when one pass applies them all);
#  - every JSON file that was valid JSON still is;
#  - no finding with a safe fix is left, and the fixed rules' findings
#    went down;
#  - a second --fix changes nothing, and --fix-dry-run then has nothing.
# Needs python3 (to read SARIF and JSON); prints SKIP without it.
set -u
cd "$(dirname "$0")/.."
ROOT=$(pwd)
BIN=${ACL_BIN:-$ROOT/agentcore-lint}
case $BIN in /*) ;; *) BIN=$ROOT/$BIN ;; esac

if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: fix.sh: python3 is not installed"
    exit 0
fi

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0 fail=0 fixed=0

# The checker: before.sarif, the pristine tree, the fixed tree, the log
# after the fix. Prints "fixes N" or FAIL lines.
cat >"$T/check.py" <<'EOF'
import json, os, sys

before, orig, done, after = sys.argv[1:5]

def offset(data, line, col16):
    """Byte offset of a 1-based line and UTF-16 column (LF, CRLF, CR)."""
    i, ln = 0, 1
    while ln < line:
        j = i
        while j < len(data) and data[j] not in b'\r\n':
            j += 1
        if j < len(data) and data[j:j + 2] == b'\r\n':
            j += 1
        i, ln = j + 1, ln + 1
    c = 1
    while c < col16 and i < len(data):
        b = data[i]
        n = 1 if b < 0x80 else 2 if b < 0xE0 else 3 if b < 0xF0 else 4
        c += 2 if n == 4 else 1
        i += n
    return i

def read(p):
    try:
        with open(p, 'rb') as f:
            return f.read()
    except FileNotFoundError:
        return None

log = json.load(open(before))
plan, files, conflicts, rules = {}, {}, 0, {}
for r in log['runs'][0]['results']:
    if r.get('suppressions'):
        continue
    for fx in r.get('fixes', []):
        if not fx.get('properties', {}).get('safe'):
            continue
        edits = []
        for ch in fx['artifactChanges']:
            uri = ch['artifactLocation']['uri']
            data = files.setdefault(uri, read(os.path.join(orig, uri)))
            for rep in ch['replacements']:
                d = rep['deletedRegion']
                if data is None or 'charOffset' in d:
                    s = e = 0
                else:
                    s = offset(data, d['startLine'], d['startColumn'])
                    e = offset(data, d['endLine'], d['endColumn'])
                edits.append((uri, s, e, rep['insertedContent']['text']))
        taken = plan
        if any(s == s2 or (s < e2 and s2 < e) or (s2 < s < e2)
               for (u, s, e, _) in edits for (s2, e2, _) in taken.get(u, [])):
            conflicts += 1
            continue
        for (u, s, e, t) in edits:
            taken.setdefault(u, []).append((s, e, t))
        rules[r['ruleId']] = rules.get(r['ruleId'], 0) + 1
        break

bad = []
for uri, edits in plan.items():
    old = files[uri] or b''
    new, at = b'', 0
    for (s, e, t) in sorted(edits):
        new += old[at:s] + t.encode()
        at = e
    new += old[at:]
    got = read(os.path.join(done, uri))
    if conflicts == 0 and got != new:
        bad.append('%s: not the original with the fixes\' spans replaced' % uri)
    if uri.endswith('.json') and got is not None:
        try:
            json.loads(old.decode('utf-8'))
            was_valid = True
        except Exception:
            was_valid = False
        if was_valid:
            try:
                json.loads(got.decode('utf-8'))
            except Exception as ex:
                bad.append('%s: no longer valid JSON (%s)' % (uri, ex))

# Files no fix names are untouched.
for d, _, names in os.walk(orig):
    for n in names:
        rel = os.path.relpath(os.path.join(d, n), orig)
        if rel not in plan and read(os.path.join(orig, rel)) != read(os.path.join(done, rel)):
            bad.append('%s: changed, but no fix edits it' % rel)

left = json.load(open(after))['runs'][0]['results']
for r in left:
    if not r.get('suppressions') and any(
            fx.get('properties', {}).get('safe') for fx in r.get('fixes', [])):
        bad.append('%s at %s still has a safe fix after --fix' % (
            r['ruleId'], r['locations'][0]['physicalLocation']['region']['startLine']))
for rule, n in rules.items():
    b = sum(1 for r in log['runs'][0]['results'] if r['ruleId'] == rule)
    a = sum(1 for r in left if r['ruleId'] == rule)
    if a >= b:
        bad.append('%s: %d findings before --fix, %d after' % (rule, b, a))
for b in bad:
    print('FAIL: ' + b)
print('fixes %d' % sum(rules.values()))
EOF

# run DIR ARGS...: the fixture's arguments (args file, default "."), as
# the golden tests use them.
fixture_args() {
    dir=$1 rule=$2
    set --
    [ -n "$rule" ] && set -- --select "$rule"
    if [ -f "$dir/args" ]; then
        while IFS= read -r a || [ -n "$a" ]; do set -- "$@" "$a"; done <"$dir/args"
    fi
    [ $# -eq 0 ] || printf '%s\n' "$@"
}

check_one() {
    dir=$1 rule=$2
    rm -rf "$T/orig" "$T/work" "$T/again"
    cp -a "$dir" "$T/orig"
    cp -a "$dir" "$T/work"
    fixture_args "$dir" "$rule" >"$T/args"
    grep -qx -- '-' "$T/args" && return
    (
        cd "$T/work" || exit 2
        set --
        while IFS= read -r a; do set -- "$@" "$a"; done <"$T/args"
        [ -f "$dir/args" ] || set -- "$@" .
        "$BIN" "$@" --format sarif -o "$T/before.sarif" </dev/null >/dev/null 2>&1
        "$BIN" "$@" --fix-dry-run </dev/null >"$T/patch" 2>"$T/dry.err"
        "$BIN" "$@" --fix -q --format sarif -o "$T/after.sarif" </dev/null >/dev/null 2>"$T/fix.err"
        cp -a "$T/work" "$T/again"
        "$BIN" "$@" --fix -q -o /dev/null </dev/null >/dev/null 2>&1
        "$BIN" "$@" --fix-dry-run -q </dev/null >"$T/dry" 2>&1
    )
    if [ ! -s "$T/before.sarif" ]; then
        return
    fi
    out=$(python3 "$T/check.py" "$T/before.sarif" "$T/orig" "$T/again" "$T/after.sarif" 2>&1)
    n=$(printf '%s\n' "$out" | sed -n 's/^fixes //p')
    fixed=$((fixed + ${n:-0}))
    problems=$(printf '%s\n' "$out" | grep -v '^fixes ')
    if ! diff -r --no-dereference "$T/again" "$T/work" >/dev/null 2>&1; then
        problems="$problems
FAIL: a second --fix changed files"
    fi
    # The dry run's diff is the same change, when one pass does it all.
    if command -v patch >/dev/null 2>&1 && [ -s "$T/patch" ] &&
        ! grep -q 'more after' "$T/dry.err"; then
        rm -rf "$T/patched"
        cp -a "$T/orig" "$T/patched"
        if ! (cd "$T/patched" && patch -s -p1 <"$T/patch" >/dev/null 2>&1) ||
            ! diff -r --no-dereference "$T/patched" "$T/again" >/dev/null 2>&1; then
            problems="$problems
FAIL: the --fix-dry-run diff, applied with patch, differs from --fix"
        fi
    fi
    if [ -s "$T/dry" ]; then
        problems="$problems
FAIL: --fix-dry-run after --fix still has a diff: $(head -c 300 "$T/dry")"
    fi
    if printf '%s' "$problems" | grep -q FAIL; then
        echo "FAIL: $dir"
        printf '%s\n' "$problems" | grep FAIL | sed 's/^/  /'
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
}

for dir in "$ROOT"/fixtures/rules/AC*/*/ "$ROOT"/fixtures/cases/*/; do
    dir=${dir%/}
    [ -d "$dir/agentcore" ] || continue
    case $dir in
    */fixtures/rules/*)
        rule=$(basename "$(dirname "$dir")")
        grep -q -- '--select' "$dir/args" 2>/dev/null && rule= ;;
    *) rule= ;;
    esac
    check_one "$dir" "$rule"
done
# Writing never follows a link out of the project: agentcore.json is a
# link to a file elsewhere; it stays as it was, and the run says so (the
# reader already refuses such a link, so nothing is even read).
mkdir -p "$T/link/agentcore" "$T/elsewhere"
cp "$ROOT/fixtures/rules/AC005/fail-20-tool-definitions/agentcore/agentcore.json" "$T/elsewhere/spec.json"
cp -a "$ROOT/fixtures/rules/AC005/fail-20-tool-definitions/app" "$T/link/"
ln -s "$T/elsewhere/spec.json" "$T/link/agentcore/agentcore.json"
cp "$T/elsewhere/spec.json" "$T/spec.before"
if "$BIN" --fix -q "$T/link" >/dev/null 2>"$T/link.err"; then :; fi
if cmp -s "$T/spec.before" "$T/elsewhere/spec.json" && [ -L "$T/link/agentcore/agentcore.json" ] &&
    grep -q 'not written\|a link leading outside the project' "$T/link.err"; then
    pass=$((pass + 1))
else
    echo "FAIL: --fix wrote through a symbolic link: $(cat "$T/link.err")"
    fail=$((fail + 1))
fi
# Standard input cannot be fixed in place.
if "$BIN" --fix - </dev/null >/dev/null 2>"$T/stdin.err" || ! grep -q 'fix-dry-run' "$T/stdin.err"; then
    echo "FAIL: --fix on standard input: $(cat "$T/stdin.err")"
    fail=$((fail + 1))
else
    pass=$((pass + 1))
fi
# --fix-only names rules, and goes with a fix mode.
for args in "--fix-dry-run --fix-only AC005,NOPE" "--fix-only AC005"; do
    # shellcheck disable=SC2086
    "$BIN" $args "$ROOT/fixtures/rules/AC005/fail-20-tool-definitions" >/dev/null 2>"$T/only.err"
    if [ $? -ne 2 ] || ! grep -q 'usage: --fix-only' "$T/only.err"; then
        echo "FAIL: $args: $(cat "$T/only.err")"
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
done
# A mistyped rule gets a "did you mean", as --enable's does.
"$BIN" --fix-dry-run --fix-only AC005,duplicate-kye "$ROOT/fixtures/rules/AC005/fail-20-tool-definitions" >/dev/null 2>"$T/only.err"
if [ $? -eq 2 ] && grep -q 'unknown rule "duplicate-kye" (did you mean "duplicate-key"?)' "$T/only.err"; then
    pass=$((pass + 1))
else
    echo "FAIL: --fix-only did you mean: $(cat "$T/only.err")"
    fail=$((fail + 1))
fi
# --fix-only leaves the other rules' fixes.
rm -rf "$T/only" && cp -a "$ROOT/fixtures/rules/AC019/fail-dup-first-and-last" "$T/only"
out=$("$BIN" --fix-dry-run -q --fix-only duplicate-key "$T/only" | grep -c '^-')
out12=$("$BIN" --fix-dry-run -q --fix-only AC012 "$T/only" | wc -c)
if [ "$out" -ge 1 ] && [ "$out12" -eq 0 ]; then
    pass=$((pass + 1))
else
    echo "FAIL: --fix-only: $out lines for duplicate-key, $out12 bytes for AC012"
    fail=$((fail + 1))
fi
echo "fix: $pass checks passed (fixtures and options), $fail failed, $fixed fixes applied and checked"
[ "$fail" -eq 0 ]
