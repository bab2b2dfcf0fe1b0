#!/bin/sh
# run.sh - `make bench`: generate projects of growing size, time the full
# lint beside jansson's bare parse, and, when node and the AgentCore CLI
# schema are installed, the CLI's own schema check on the typical project.
set -eu
BIN=${1:-./agentcore-lint}
BENCH=${2:-build/bench}
D=${BENCH_DIR:-build/bench-projects}
mkdir -p "$D"
[ -f "$D/typical/agentcore/agentcore.json" ] || python3 bench/gen.py "$D/typical" 2 16 160
[ -f "$D/1mb/agentcore/agentcore.json" ] || python3 bench/gen.py "$D/1mb" 10 200 2000
[ -f "$D/27mb/agentcore/agentcore.json" ] || python3 bench/gen.py "$D/27mb" 50 5000 50000
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(sed -n 's/^model name\t*: //p' /proc/cpuinfo | head -1)"
"$BENCH" "$BIN" 5 "$D/typical" "$D/1mb" "$D/27mb"
if command -v node >/dev/null 2>&1 && [ -f tools/zod-check.js ] &&
   [ -d .cache/agentcore-schema/node_modules/@aws/agentcore ]; then
    f="$D/typical/agentcore/agentcore.json"
    best_cli=999999 best_lint=999999
    for i in 1 2 3; do
        t0=$(date +%s%N); node tools/zod-check.js "$f" >/dev/null 2>&1 || true; t1=$(date +%s%N)
        "$BIN" -f sarif -o /dev/null --fail-on none "$D/typical"; t2=$(date +%s%N)
        c=$(( (t1 - t0) / 1000 )); l=$(( (t2 - t1) / 1000 ))
        [ "$c" -lt "$best_cli" ] && best_cli=$c
        [ "$l" -lt "$best_lint" ] && best_lint=$l
    done
    echo "typical project: AgentCore CLI schema check ${best_cli} us, agentcore-lint ${best_lint} us, $(( best_cli / (best_lint > 0 ? best_lint : 1) ))x faster"
else
    echo "AgentCore CLI schema not installed (make check-schema installs it): CLI comparison skipped"
fi
