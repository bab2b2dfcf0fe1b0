#!/bin/sh
# run.sh - `make bench`: generate projects of growing size, time the full
# lint beside jansson's bare parse, and, when node and the AgentCore CLI
# schema are installed, the CLI's own schema check on the typical project;
# then the linearity table of bench/shapes.py.
set -eu
BIN=${1:-./agentcore-lint}
BENCH=${2:-build/bench}
D=${BENCH_DIR:-build/bench-projects}
mkdir -p "$D"
[ -f "$D/typical/agentcore/agentcore.json" ] || python3 bench/gen.py "$D/typical" 2 16 160
[ -f "$D/1mb/agentcore/agentcore.json" ] || python3 bench/gen.py "$D/1mb" 10 200 2000
[ -f "$D/27mb/agentcore/agentcore.json" ] || python3 bench/gen.py "$D/27mb" 50 5000 50000
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)"
PKG=.cache/agentcore-schema/node_modules/@aws/agentcore
f="$D/typical/agentcore/agentcore.json"
# The CLI side of the comparison, installed on first use when npm can.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    sh tools/install-schema.sh || echo "bench: could not install the AgentCore CLI schema" >&2
fi
if command -v node >/dev/null 2>&1 && [ -f tools/zod-check.js ] && [ -d "$PKG" ]; then
    # The CLI's own zod schema check of the typical project's agentcore.json,
    # a whole node process as the CLI runs it; it must really judge the file.
    printf 'project\t%s\n' "$f" >"$D/typical.manifest"
    verdict=$(node tools/zod-check.js --pkg "$PKG" "$D/typical.manifest")
    case $verdict in
    *"	VALID") ;;
    *) echo "bench: the CLI schema check did not pass the typical project: $verdict" >&2; exit 1 ;;
    esac
    "$BENCH" "$BIN" 5 "$D/typical" "$D/1mb" "$D/27mb" -- \
        node tools/zod-check.js --pkg "$PKG" "$D/typical.manifest"
else
    "$BENCH" "$BIN" 5 "$D/typical" "$D/1mb" "$D/27mb"
    echo "node, npm or the AgentCore CLI schema missing: CLI comparison skipped"
fi

# Shapes that were quadratic once, at N and 4N: a linear lint takes about
# four times as long at 4N (best of 4 each, SARIF output).
for n in 10000 40000; do
    [ -f "$D/shapes/many-sources-$n/agentcore/agentcore.json" ] ||
        python3 bench/shapes.py "$D/shapes" "$n" >/dev/null
done
echo
echo "shapes at N = 10000 and 4N = 40000 (linear: about 4x the time at 4N)"
"$BENCH" "$BIN" 1 $(ls -d "$D"/shapes/*-10000 "$D"/shapes/*-40000 | sort)
