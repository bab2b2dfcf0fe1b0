#!/bin/sh
# check-schema.sh - does agentcore-lint's schema validator reach the same
# valid/invalid verdict as the AgentCore CLI 0.30.0's own zod schema?
#
# 1. installs the CLI's schema (npm zod + @aws/agentcore 0.30.0, schema
#    only) into .cache/agentcore-schema when it is missing;
# 2. writes mutated files from the fixtures and the real-CLI corpus
#    (tools/mutate-schema.js, fixed seed);
# 3. runs our validator (build/schema_verdict) and the zod schema
#    (tools/zod-check.js) on every file and compares the verdicts;
# 4. compares the members dropped by zod's parse (strip objects) with
#    what AC024 reports, in every file zod accepts;
# 5. compares the URL check alone on a few thousand URL-like strings,
#    and on every non-ASCII code point in a host (tools/gen-idna.js).
# Prints the mismatches and "N files, M agree"; exits non-zero unless all
# agree. Environment: O (build dir, default build), SCHEMA_MUTANTS
# (count, default 1000), ACL_SHARED_DIR (corpus location, default
# ../shared or /work/shared).
set -eu

cd "$(dirname "$0")/.."
O=${O:-build}
COUNT=${SCHEMA_MUTANTS:-1000}
CACHE=.cache/agentcore-schema
PKG=$CACHE/node_modules/@aws/agentcore
VERDICT=$O/schema_verdict
WORK=$O/schema-parity

sh tools/install-schema.sh
[ -x "$VERDICT" ] || { echo "check-schema: $VERDICT missing (make $VERDICT)" >&2; exit 2; }

SHARED=${ACL_SHARED_DIR:-}
[ -n "$SHARED" ] || for d in ../shared /work/shared; do
    [ -d "$d/corpus" ] && { SHARED=$d; break; }
done

F=test/schema-fixtures
set -- project:$F/project-full.json harness:$F/harness-full.json \
    harness:$F/harness-openai.json harness:$F/harness-lite.json \
    targets:$F/targets.json state:$F/state-full.json:$F/targets.json
if [ -n "$SHARED" ]; then
    for p in "$SHARED"/corpus/real-cli/*/; do
        a=${p}agentcore
        [ -f "$a/agentcore.json" ] && set -- "$@" "project:$a/agentcore.json"
        [ -f "$a/aws-targets.json" ] && set -- "$@" "targets:$a/aws-targets.json"
        [ -f "$a/.cli/deployed-state.json" ] &&
            set -- "$@" "state:$a/.cli/deployed-state.json:$a/aws-targets.json"
        for h in "$p"app/*/harness.json; do
            [ -f "$h" ] && set -- "$@" "harness:$h"
        done
    done
else
    echo "SKIP: check-schema: no shared corpus (../shared, /work/shared or \$ACL_SHARED_DIR); fixtures only"
fi

rm -rf "$WORK"
node tools/mutate-schema.js "$WORK" "$COUNT" "$@"
node tools/zod-check.js --pkg "$PKG" "$WORK/manifest.tsv" >"$WORK/zod.tsv"

total=0 agree=0 valid=0
: >"$WORK/ours.tsv"
while IFS="$(printf '\t')" read -r kind file targets; do
    if out=$("$VERDICT" "$file" "$kind" ${targets:+"$targets"} 2>&1); then v=VALID; else v=INVALID; fi
    printf '%s\t%s\t%s\n' "$file" "$v" "$(printf '%s' "$out" | head -n 1)" >>"$WORK/ours.tsv"
done <"$WORK/manifest.tsv"

# Compare file by file.
while IFS="$(printf '\t')" read -r file zv zmsg; do
    line=$(grep -F "$file	" "$WORK/ours.tsv" | head -n 1)
    ov=$(printf '%s' "$line" | cut -f2)
    omsg=$(printf '%s' "$line" | cut -f3)
    total=$((total + 1))
    [ "$zv" = VALID ] && valid=$((valid + 1))
    if [ "$zv" = "$ov" ]; then
        agree=$((agree + 1))
    else
        echo "MISMATCH $file: zod $zv${zmsg:+ ($zmsg)}; ours $ov${omsg:+ ($omsg)}"
    fi
done <"$WORK/zod.tsv"

echo "check-schema: $total files, $agree agree ($valid valid by zod)"

# The members the CLI drops (AC024): in each file zod accepts, the
# members its parsed output lacks must be the ones we report.
node tools/zod-check.js --pkg "$PKG" --stripped "$WORK/manifest.tsv" |
    sort >"$WORK/stripped-zod.tsv"
: >"$WORK/stripped-ours.tsv"
while IFS="$(printf '\t')" read -r file v rest; do
    [ "$v" = VALID ] || continue
    kind=$(grep -F "	$file" "$WORK/manifest.tsv" | head -n 1 | cut -f1)
    "$VERDICT" --dropped "$file" "$kind" >>"$WORK/stripped-ours.tsv"
done <"$WORK/zod.tsv"
sort -o "$WORK/stripped-ours.tsv" "$WORK/stripped-ours.tsv"
sdiff=$(diff "$WORK/stripped-zod.tsv" "$WORK/stripped-ours.tsv" | grep -c '^[<>]' || true)
diff "$WORK/stripped-zod.tsv" "$WORK/stripped-ours.tsv" | grep '^[<>]' |
    sed 's/^</DROP MISMATCH zod only:/; s/^>/DROP MISMATCH ours only:/' | head -n 20
echo "check-schema: $(wc -l <"$WORK/stripped-zod.tsv") dropped members by zod, $sdiff differ"

# The URL check on its own, on many more strings than the files hold.
node tools/zod-check.js --urls "$WORK/urls.txt" >"$WORK/urls-zod.txt"
"$VERDICT" --urls "$WORK/urls.txt" >"$WORK/urls-ours.txt"
nurl=$(wc -l <"$WORK/urls.txt")
paste -d '|' "$WORK/urls-zod.txt" "$WORK/urls-ours.txt" "$WORK/urls.txt" |
    awk -F'|' '$1 != $2 { print "URL MISMATCH: zod " $1 ", ours " $2 ": " substr($0, 5) }' |
    head -n 20
udiff=$(paste -d '|' "$WORK/urls-zod.txt" "$WORK/urls-ours.txt" | awk -F'|' '$1 != $2' | wc -l)
echo "check-schema: $nurl URLs, $((nurl - udiff)) agree"

# Every non-ASCII code point in a host, raw and as Punycode, inside a
# label and at its start; and src/schema/schema_idna.c regenerated must be the
# committed one. Both only on the Node version the table was made with:
# another Node may know another Unicode version.
idiff=0
tnode=$(sed -n "s/.*how Node \(v[0-9.]*\)'s URL parser.*/\1/p" src/schema/schema_idna.c)
if [ "$(node --version)" = "$tnode" ]; then
    node tools/gen-idna.js --urls >"$WORK/idna.txt"
    node tools/zod-check.js --urls "$WORK/idna.txt" >"$WORK/idna-zod.txt"
    "$VERDICT" --urls "$WORK/idna.txt" >"$WORK/idna-ours.txt"
    paste -d '|' "$WORK/idna-zod.txt" "$WORK/idna-ours.txt" "$WORK/idna.txt" |
        awk -F'|' '$1 != $2 { print "IDNA MISMATCH: zod " $1 ", ours " $2 ": " substr($0, 5) }' |
        head -n 20
    idiff=$(paste -d '|' "$WORK/idna-zod.txt" "$WORK/idna-ours.txt" | awk -F'|' '$1 != $2' | wc -l)
    echo "check-schema: $(wc -l <"$WORK/idna.txt") code point URLs, $(( $(wc -l <"$WORK/idna.txt") - idiff )) agree"
    node tools/gen-idna.js --table >"$WORK/schema_idna.c"
    if ! cmp -s "$WORK/schema_idna.c" src/schema/schema_idna.c; then
        echo "check-schema: src/schema/schema_idna.c is out of date: node tools/gen-idna.js --table >src/schema/schema_idna.c"
        idiff=$((idiff + 1))
    fi
else
    echo "check-schema: code point sweep skipped: src/schema/schema_idna.c comes from Node $tnode, this is $(node --version)"
fi
[ "$total" -gt 0 ] && [ "$agree" -eq "$total" ] && [ "$udiff" -eq 0 ] &&
    [ "$idiff" -eq 0 ] && [ "$sdiff" -eq 0 ]
