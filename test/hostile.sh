#!/bin/sh
# hostile.sh - hostile inputs: each case must end with a finding (exit
# 0/1) or a clear one-line error (exit 2) within the time limit, never a
# signal, a hang or unbounded memory.
set -u
BIN=${ACL_BIN:-./agentcore-lint}
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
pass=0 fail=0
LIMIT_KB=${HOSTILE_RSS_KB:-1048576}

# run NAME WANT(0|1|2|01) GREP -- ARGS...: runs the linter on project
# $T/NAME with a time and memory limit; GREP (may be empty) must appear
# in stdout+stderr.
run() {
    name=$1 want=$2 pat=$3; shift 4
    # ASan reserves terabytes of address space: no -v limit under it.
    ( [ -n "${HOSTILE_NO_VLIMIT:-}" ] || ulimit -v $((LIMIT_KB * 4)) 2>/dev/null
      timeout "${HOSTILE_TIMEOUT:-20}" "$BIN" --color never "$@" ) \
        >"$T/.out" 2>"$T/.err"
    rc=$?
    case "$want" in *"$rc"*) okrc=1 ;; *) okrc=0 ;; esac
    if [ "$okrc" = 1 ] && { [ -z "$pat" ] || grep -q -- "$pat" "$T/.out" "$T/.err"; }; then
        if [ "$rc" = 2 ] && [ "$(wc -l <"$T/.err")" != 1 ]; then
            fail=$((fail + 1)); echo "FAIL $name: exit 2 without exactly one line on stderr"; cat "$T/.err"
        else
            pass=$((pass + 1))
        fi
    else
        fail=$((fail + 1)); echo "FAIL $name: exit $rc (wanted $want), pattern '$pat'"; head -c 600 "$T/.err" "$T/.out"
    fi
}

proj() { mkdir -p "$T/$1/agentcore"; printf '%s' "$2" >"$T/$1/agentcore/agentcore.json"; }
projf() { mkdir -p "$T/$1/agentcore"; cat >"$T/$1/agentcore/agentcore.json"; }

proj empty ''
run empty 1 'AC000' -- "$T/empty"
printf '\357\273\277{"name":"P","version":1}' | projf bom
run bom 1 'byte order mark' -- "$T/bom"
printf '{"name":"P\000x","version":1}' | projf nul-raw
run nul-raw 1 'AC000' -- "$T/nul-raw"
proj nul-escaped '{"name":"P\u0000x","version":1,"agentCoreGateways":[{"name":"g\u0000w","targets":[]}]}'
run nul-escaped 01 '' -- "$T/nul-escaped"
printf '{"name":"P\377\376","version":1}' | projf bad-utf8
run bad-utf8 1 'invalid UTF-8' -- "$T/bad-utf8"
proj surrogates '{"name":"P\ud800\udc00\udfff\ud800","version":1,"agentCoreGateways":[{"name":"\ud83d","targets":[]}]}'
run surrogates 01 '' -- "$T/surrogates"
python3 -c "import sys; sys.stdout.write('['*100000 + ']'*100000)" | projf deep
run deep 1 'nesting deeper' -- "$T/deep"
python3 -c "import sys; sys.stdout.write('{\"a\":'*100000)" | projf deep-open
run deep-open 1 'nesting deeper' -- "$T/deep-open"
python3 -c "import sys; sys.stdout.write('{\"name\":\"P\",\"version\":1,\"description\":\"' + 'x'*40000000 + '\"}')" | projf big-string
run big-string 01 '' -- "$T/big-string"
proj huge-numbers '{"name":"P","version":1e400,"runtimes":[],"x":-1e999,"y":123456789012345678901234567890,"agentCoreGateways":[{"name":"g","targets":[],"enableSemanticSearch":false}]}'
run huge-numbers 01 '' -- "$T/huge-numbers"
proj top-array '[1,2,3]'
run top-array 01 '' -- "$T/top-array"
proj top-string '"agentcore"'
run top-string 01 '' -- "$T/top-string"
proj top-null 'null'
run top-null 01 '' -- "$T/top-null"
head -c 65536 /dev/urandom | projf random
run random 1 'AC000' -- "$T/random"
python3 -c "
import json,sys
gws=[{'name':'gw-%d'%i,'targets':[],'authorizerType':'NONE'} for i in range(50000)]
json.dump({'name':'P','version':1,'agentCoreGateways':gws},sys.stdout)" | projf many-gateways
run many-gateways 01 'gw-49999' -- --fail-on none "$T/many-gateways"
# Huge arrays that rules cross-reference by name: lookups must not be
# quadratic (each of these took minutes with linear scans).
python3 -c "
import json,sys
n=50000
cr=[{'authorizerType':'OAuthCredentialProvider','name':'c%d'%i} for i in range(n)]
pe=[{'name':'e%d'%i,'policies':[]} for i in range(n)]
rt=[{'name':'R%d'%i,'codeLocation':'app/R%d/'%i} for i in range(n)]
inv='https://bedrock-agentcore.us-east-1.amazonaws.com/runtimes/P_R%d-abc/invocations'
ts=[{'name':'t%d'%i,'targetType':'mcpServer','endpoint':inv%i,
     'outboundAuth':{'type':'OAUTH','credentialName':'x%d'%i}} for i in range(n)]
gws=[{'name':'g%d'%i,'authorizerType':'AWS_IAM','targets':[],
      'policyEngineConfiguration':{'policyEngineName':'e%d'%i,'mode':'LOG_ONLY'}} for i in range(n)]
gws.append({'name':'g','authorizerType':'AWS_IAM','targets':ts})
hs=[{'name':'h%d'%(i%100),'path':'app/h'} for i in range(n)]
json.dump({'name':'P','version':1,'runtimes':rt,'credentials':cr,'policyEngines':pe,
           'agentCoreGateways':gws,'harnesses':hs},sys.stdout)" | projf many-references
run many-references 1 'AC004' -- --production --fail-on error "$T/many-references"
# One object with 100,000 unknown members, one finding each, lines ended
# by CR alone: locating each finding by its pointer, and the SARIF line
# hashes, must not scan the object or the file once per finding.
python3 -c "
import sys
m=['\"x%d\": 1' % i for i in range(100000)]
sys.stdout.write('{\"name\": \"P\",\r\"version\": 1,\r' + ',\r'.join(m) + '\r}')" | projf wide-object
run wide-object 1 'x99999' -- -f sarif "$T/wide-object"
# The same with 50,000 ignore entries: each finding looks up the entries
# of its own pointer, not every entry.
mkdir -p "$T/wide-ignored/agentcore" && cp "$T/wide-object/agentcore/agentcore.json" "$T/wide-ignored/agentcore/"
python3 -c "
import json,sys
json.dump({'ignore':[{'rule':'AC020','pointer':'/x%d' % i,'reason':'old'} for i in range(0,100000,2)]},sys.stdout)" >"$T/wide-ignored/.agentcore-lint.json"
run wide-ignored 1 'x99999' -- -f json "$T/wide-ignored"
# 50,000 names, each repeated once: finding the first of each repeated
# name must not scan the object again.
python3 -c "
import sys
m=['\"k%d\": %d' % (i, i) for i in range(50000)]
sys.stdout.write('{\"name\": \"P\", \"version\": 1, \"x\": {' + ', '.join(m + m) + '}}')" | projf many-repeats
run many-repeats 1 'k49999' -- "$T/many-repeats"
mkdir -p "$T/spec-dir/agentcore/agentcore.json"
run spec-dir 2 'not a regular file' -- "$T/spec-dir"
mkdir -p "$T/fifo/agentcore" && mkfifo "$T/fifo/agentcore/agentcore.json"
run fifo 2 'not a regular file' -- "$T/fifo"
mkdir -p "$T/loop/agentcore" && ln -s agentcore.json "$T/loop/agentcore/agentcore.json"
run link-loop 2 'agentcore-lint:' -- "$T/loop"
mkdir -p "$T/device/agentcore" && ln -s /dev/zero "$T/device/agentcore/agentcore.json"
run device 2 'a link leading outside the project' -- "$T/device"
mkdir -p "$T/targets-fifo/agentcore" && echo '{"name":"P","version":1}' >"$T/targets-fifo/agentcore/agentcore.json" &&
    mkfifo "$T/targets-fifo/agentcore/aws-targets.json"
run targets-fifo 1 'aws-targets.json was not read (not a regular file)' -- "$T/targets-fifo"
# A link at each fixed name that leads out of the project: refused
# (a finding, a notice), and nothing of the target in any output.
printf 'TOPSECRETLINE{"name":"leak"}\n' >"$T/secret-file"
for f in agentcore/aws-targets.json agentcore/.cli/deployed-state.json app/h/harness.json; do
    n=link-$(basename "$f" .json)
    mkdir -p "$T/$n/agentcore/.cli" "$T/$n/app/h"
    echo '{"name":"P","version":1,"harnesses":[{"name":"h","path":"app/h"}]}' >"$T/$n/agentcore/agentcore.json"
    ln -s "$T/secret-file" "$T/$n/$f"
    for fmt in human json sarif github gcc; do
        run "$n-$fmt" 1 'a link leading outside the project' -- -f "$fmt" "$T/$n"
        if grep -q TOPSECRETLINE "$T/.out" "$T/.err"; then
            fail=$((fail + 1)); echo "FAIL $n-$fmt: the link's target was printed"; fi
    done
done
mkdir -p "$T/link-etc/agentcore"
echo '{"name":"P","version":1}' >"$T/link-etc/agentcore/agentcore.json"
ln -s /etc/passwd "$T/link-etc/agentcore/aws-targets.json"
run link-etc-passwd 1 'aws-targets.json was not read' -- -f json "$T/link-etc"
if grep -q 'root:' "$T/.out" "$T/.err"; then fail=$((fail + 1)); echo "FAIL link-etc-passwd: /etc/passwd printed"; fi
mkdir -p "$T/link-spec/agentcore"
ln -s "$T/secret-file" "$T/link-spec/agentcore/agentcore.json"
run link-spec 2 'a link leading outside the project' -- "$T/link-spec"
if grep -q TOPSECRETLINE "$T/.out" "$T/.err"; then fail=$((fail + 1)); echo "FAIL link-spec: target printed"; fi
mkdir -p "$T/link-config/agentcore"
echo '{"name":"P","version":1}' >"$T/link-config/agentcore/agentcore.json"
ln -s "$T/secret-file" "$T/link-config/.agentcore-lint.json"
run link-config 2 'a link leading outside the project' -- "$T/link-config"
if grep -q TOPSECRETLINE "$T/.out" "$T/.err"; then fail=$((fail + 1)); echo "FAIL link-config: target printed"; fi
# A .gitignore that is a link (out of the project) is not followed, as
# git does not follow one: .env.local stays unignored, and nothing of
# the target is shown.
mkdir -p "$T/link-gitignore/agentcore" "$T/link-gitignore/.git"
echo '{"name":"P","version":1}' >"$T/link-gitignore/agentcore/agentcore.json"
echo 'X=1' >"$T/link-gitignore/agentcore/.env.local"
printf '.env.local\nTOPSECRETLINE\n' >"$T/outside-gitignore"
ln -s "$T/outside-gitignore" "$T/link-gitignore/agentcore/.gitignore"
run link-gitignore 1 'AC011' -- "$T/link-gitignore"
if grep -q TOPSECRETLINE "$T/.out" "$T/.err"; then fail=$((fail + 1)); echo "FAIL link-gitignore: target printed"; fi
# A link inside the project stays readable; a folder link leading out is
# refused like a file link.
mkdir -p "$T/link-inside/agentcore" "$T/link-inside/real"
echo '{"name":"P","version":1}' >"$T/link-inside/agentcore/agentcore.json"
echo '[' >"$T/link-inside/real/t.json"
ln -s ../real/t.json "$T/link-inside/agentcore/aws-targets.json"
run link-inside 1 'aws-targets.json is not valid JSON' -- "$T/link-inside"
mkdir -p "$T/link-dir/app" "$T/link-dir/agentcore" "$T/outdir/h"
cp "$T/secret-file" "$T/outdir/h/harness.json"
echo '{"name":"P","version":1,"harnesses":[{"name":"h","path":"app/h"}]}' >"$T/link-dir/agentcore/agentcore.json"
ln -s "$T/outdir/h" "$T/link-dir/app/h"
run link-dir 1 'harness.json was not read' -- "$T/link-dir"
if grep -q TOPSECRETLINE "$T/.out" "$T/.err"; then fail=$((fail + 1)); echo "FAIL link-dir: target printed"; fi
# An unreadable harness.json, and harness names that cannot be folder
# names: findings or notices, never an abort.
mkdir -p "$T/harness-bad/agentcore" "$T/harness-bad/app/h"
python3 -c "
import json
print(json.dumps({'name':'P','version':1,'harnesses':[{'name':'h','path':'app/h'},
  {'name':'x'*300,'path':'app/x'},{'name':'h\u0000junk','path':'app/h'}]}))" >"$T/harness-bad/agentcore/agentcore.json"
mkfifo "$T/harness-bad/app/h/harness.json"
run harness-bad 1 'harness.json was not read' -- "$T/harness-bad"
run harness-bad-name 1 'cannot be a folder name' -- "$T/harness-bad"
# The report file: a link (committed, say) at the -o target is refused
# and its target left alone; a folder there too; a plain file is replaced.
mkdir -p "$T/out-link/agentcore"
echo '{"name":"P","version":1}' >"$T/out-link/agentcore/agentcore.json"
echo keep >"$T/victim"
ln -s "$T/victim" "$T/out-link/report.sarif"
run out-link 2 'symbolic link' -- -f sarif -o "$T/out-link/report.sarif" "$T/out-link"
[ "$(cat "$T/victim")" = keep ] || { fail=$((fail + 1)); echo "FAIL out-link: wrote through the link"; }
ln -s "$T/nonexistent-victim" "$T/out-link/dangling.sarif"
run out-dangling 2 'symbolic link' -- -f sarif -o "$T/out-link/dangling.sarif" "$T/out-link"
[ ! -e "$T/nonexistent-victim" ] || { fail=$((fail + 1)); echo "FAIL out-dangling: created the link's target"; }
mkdir -p "$T/out-link/dir.sarif"
run out-dir 2 'not a regular file' -- -o "$T/out-link/dir.sarif" "$T/out-link"
echo old >"$T/out-link/plain.json"
run out-plain 0 '' -- -f json --fail-on none -o "$T/out-link/plain.json" "$T/out-link"
grep -q '"findings"' "$T/out-link/plain.json" || { fail=$((fail + 1)); echo "FAIL out-plain: report not written"; }
[ "$(ls -a "$T/out-link" | grep -c tmp)" = 0 ] || { fail=$((fail + 1)); echo "FAIL out-plain: temporary file left"; }
# A link in the folder part of -o below the current folder (a checkout
# whose "reports" is a committed link) is refused, relative or absolute;
# a real folder there is written into.
mkdir -p "$T/out-dir-link/real" "$T/elsewhere"
ln -s "$T/elsewhere" "$T/out-dir-link/reports"
cd "$T/out-dir-link" || exit 1
run out-dir-link 2 'symbolic link' -- -f sarif -o reports/r.sarif "$T/out-link"
run out-dir-link-abs 2 'folder "reports"' -- -f sarif -o "$(pwd -P)/reports/r.sarif" "$T/out-link"
[ -z "$(ls "$T/elsewhere")" ] || { fail=$((fail + 1)); echo "FAIL out-dir-link: wrote through the folder link"; }
run out-dir-real 01 '' -- -f sarif -o ./real/r.sarif "$T/out-link"
# Other spellings of the same folder: doubled slashes, "./", and the
# logical path through a link to the checkout (a shell's $PWD).
run out-dir-link-slashes 2 'symbolic link' -- -f sarif -o "/$(pwd -P)//./reports/r.sarif" "$T/out-link"
ln -s "$T/out-dir-link" "$T/logical"
cd "$T/logical" || exit 1
run out-dir-link-logical 2 'symbolic link' -- -f sarif -o "$T/logical/reports/r.sarif" "$T/out-link"
# The baseline file is written the same way.
run baseline-dir-link 2 'symbolic link' -- --write-baseline reports/b.json --fail-on none "$T/out-link"
[ -z "$(ls "$T/elsewhere")" ] || { fail=$((fail + 1)); echo "FAIL out-dir-link: wrote through the folder link"; }
cd - >/dev/null || exit 1
# --fix writes project files through a link that stays inside the
# project, as the reader reads them.
mkdir -p "$T/fix-link/cfg" "$T/fix-link/app/a"
ln -s cfg "$T/fix-link/agentcore"
echo '{"name":"P","version":1,"runtimes":[{"name":"a","build":"CodeZip","entrypont":"main.py","codeLocation":"app/a","runtimeVersion":"PYTHON_3_12"}]}' >"$T/fix-link/cfg/agentcore.json"
: >"$T/fix-link/app/a/main.py"
cd "$T/fix-link" || exit 1
run fix-through-inner-link 0 'applied 1 fix' -- --fix .
grep -q '"entrypoint"' "$T/fix-link/cfg/agentcore.json" || { fail=$((fail + 1)); echo "FAIL fix-through-inner-link: not fixed"; }
cd - >/dev/null || exit 1
[ -s "$T/out-dir-link/real/r.sarif" ] || { fail=$((fail + 1)); echo "FAIL out-dir-real: report not written"; }
# Referenced files that are devices, links out of the project, absolute.
mkdir -p "$T/refs/agentcore" "$T/refs/tools" "$T/outside"
echo '[{"name":"x","description":"y","inputSchema":{"type":"object"}}]' >"$T/outside/tools.json"
ln -s /dev/zero "$T/refs/tools/zero.json"
ln -s "$T/outside/tools.json" "$T/refs/tools/out.json"
ln -s loop.json "$T/refs/tools/loop.json"
cat >"$T/refs/agentcore/agentcore.json" <<EOT
{"name":"P","version":1,"runtimes":[{"name":"A","build":"CodeZip","entrypoint":"main.py","codeLocation":"/etc/"}],
 "agentCoreGateways":[{"name":"g","enableSemanticSearch":false,"authorizerType":"AWS_IAM","targets":[
  {"name":"a","targetType":"lambdaFunctionArn","lambdaFunctionArn":{"lambdaArn":"arn:aws:lambda:us-east-1:123456789012:function:f","toolSchemaFile":"tools/zero.json"}},
  {"name":"b","targetType":"lambdaFunctionArn","lambdaFunctionArn":{"lambdaArn":"arn:aws:lambda:us-east-1:123456789012:function:f","toolSchemaFile":"tools/out.json"}},
  {"name":"c","targetType":"lambdaFunctionArn","lambdaFunctionArn":{"lambdaArn":"arn:aws:lambda:us-east-1:123456789012:function:f","toolSchemaFile":"/etc/passwd"}},
  {"name":"d","targetType":"lambdaFunctionArn","lambdaFunctionArn":{"lambdaArn":"arn:aws:lambda:us-east-1:123456789012:function:f","toolSchemaFile":"tools/loop.json"}},
  {"name":"e","targetType":"openApiSchema","schemaSource":{"inline":{"path":"../outside/tools.json"}}}]}]}
EOT
run refs 01 '' -- --fail-on none "$T/refs"
# Link loops and links out of the project in agent code folders.
mkdir -p "$T/code/agentcore" "$T/code/app/A/sub"
echo '{"name":"P","version":1,"runtimes":[{"name":"A","build":"CodeZip","entrypoint":"main.py","codeLocation":"app/A/"}]}' >"$T/code/agentcore/agentcore.json"
ln -s .. "$T/code/app/A/sub/up"
ln -s / "$T/code/app/A/root"
ln -s "$T/code/app/A/self.py" "$T/code/app/A/self.py" 2>/dev/null
echo 'import os' >"$T/code/app/A/main.py"
run code-links 01 '' -- "$T/code"
# Unreadable files (meaningful only when not root).
mkdir -p "$T/unreadable/agentcore"
echo '{"name":"P","version":1}' >"$T/unreadable/agentcore/agentcore.json"
chmod 000 "$T/unreadable/agentcore/agentcore.json"
if [ "$(id -u)" = 0 ]; then run unreadable-root 0 '' -- "$T/unreadable"
else run unreadable 2 'cannot be read' -- "$T/unreadable"; fi
chmod 644 "$T/unreadable/agentcore/agentcore.json"
# Names full of control characters, escapes and bidi controls.
proj control-names '{"name":"P","version":1,"agentCoreGateways":[{"name":"a\n::error::x\r\u001b[31mred\u202e\u0007%0A","targets":[{"name":"t\u0000\t","targetType":"mcpServer","endpoint":"http://\u001b]0;x\u0007"}]}]}'
for fmt in human gcc github json sarif; do run "control-names-$fmt" 01 '' -- -f "$fmt" "$T/control-names"; done
# A BOM-only and whitespace-only file, a lone quote, a huge exponent.
printf '\357\273\277' | projf bom-only
run bom-only 1 'AC000' -- "$T/bom-only"
proj spaces '   \n\t  '
run spaces 1 'AC000' -- "$T/spaces"
proj quote '"'
run quote 1 'AC000' -- "$T/quote"
proj dup-storm '{"a":1,"a":2,"a":3,"a":4,"a":5,"a":6,"a":7,"a":8,"a":9,"a":10}'
run dup-storm 1 'AC019' -- "$T/dup-storm"
# stdin that is not JSON, and a --stdin-filename with control characters.
printf '\001\002\003' >"$T/junk"
run stdin-junk 1 'AC000' -- --stdin-filename "$(printf 'a\nb')" - <"$T/junk"

# Hostile names in every error path: ESC sequences, a new line that
# GitHub Actions would read as a workflow command, a bidi override and
# bytes that are not UTF-8 must reach stderr (and stdout) escaped.
# clean NAME: fails NAME when the last run printed any of them raw.
clean() {
    if ! python3 - "$T/.out" "$T/.err" <<'PY'
import sys
for f in sys.argv[1:]:
    b = open(f, 'rb').read()
    bad = [c for c in (b'\x1b', b'\xe2\x80\xae', b'\x07', b'\r') if c in b]
    lines = b.split(b'\n')
    if any(l.startswith(b'::') and b'file=' not in l for l in lines):
        bad.append(b'line starting with ::')
    try:
        b.decode('utf-8')
    except UnicodeDecodeError:
        bad.append(b'invalid UTF-8')
    if bad:
        print(f, bad)
        sys.exit(1)
PY
    then fail=$((fail + 1)); echo "FAIL $1: raw control text in the output"; fi
}
EVIL=$(printf 'e\033[31mvil\n::error::pwned\342\200\256\377\007')
EVILJ='e\u001b[31mvil\n::error::pwned\u202e\u0007'
mkdir -p "$T/evil-cfg/agentcore"
echo '{"name":"P","version":1}' >"$T/evil-cfg/agentcore/agentcore.json"
printf '{"ignore":[{"rule":"%s","path":"x","reason":"r"}]}' "$EVILJ" >"$T/evil-cfg/.agentcore-lint.json"
run evil-ignore-rule 2 'unknown rule' -- "$T/evil-cfg"; clean evil-ignore-rule
printf '{"rules":{"%s":"off"}}' "$EVILJ" >"$T/evil-cfg/.agentcore-lint.json"
run evil-rules-key 2 'agentcore-lint:' -- "$T/evil-cfg"; clean evil-rules-key
printf '{"%s":1}' "$EVILJ" >"$T/evil-cfg/.agentcore-lint.json"
run evil-member 2 'agentcore-lint:' -- "$T/evil-cfg"; clean evil-member
rm "$T/evil-cfg/.agentcore-lint.json"
run evil-select 2 'unknown rule' -- --select "$EVIL" "$T/evil-cfg"; clean evil-select
run evil-explain 2 'unknown rule' -- --explain "$EVIL"; clean evil-explain
run evil-path 2 'agentcore-lint:' -- "$T/$EVIL"; clean evil-path
run evil-config 2 'agentcore-lint:' -- --config "$T/$EVIL" "$T/evil-cfg"; clean evil-config
run evil-baseline 2 'agentcore-lint:' -- --baseline "$T/$EVIL" "$T/evil-cfg"; clean evil-baseline
run evil-output 2 'agentcore-lint:' -- -o "$T/$EVIL/x" "$T/evil-cfg"; clean evil-output
run evil-format 2 'agentcore-lint:' -- -f "$EVIL" "$T/evil-cfg"; clean evil-format
# A monorepo whose project folder has such a name, with a broken config.
mkdir -p "$T/evil-mono/$EVIL/agentcore"
echo '{"name":"P","version":1}' >"$T/evil-mono/$EVIL/agentcore/agentcore.json"
echo '{' >"$T/evil-mono/$EVIL/.agentcore-lint.json"
run evil-folder 2 'not valid JSON' -- "$T/evil-mono"; clean evil-folder
rm "$T/evil-mono/$EVIL/.agentcore-lint.json"
for fmt in human gcc github json sarif; do
    run "evil-folder-$fmt" 01 '' -- -f "$fmt" "$T/evil-mono"; clean "evil-folder-$fmt"
done
# A project folder named "::error::x" linted from its parent: file paths
# start the lines of the human and gcc formats, and must not start with
# "::" there (GitHub Actions would run the rest as a command).
mkdir -p "$T/cmd/::error::x/agentcore"
echo '{"name":"P","version":1,"x":1}' >"$T/cmd/::error::x/agentcore/agentcore.json"
for fmt in human gcc; do
    ( cd "$T/cmd" && "$BIN" --color never -f "$fmt" '::error::x' ) >"$T/.out" 2>"$T/.err"
    if grep -q '^::' "$T/.out" "$T/.err" || ! grep -q 'AC020' "$T/.out"; then
        fail=$((fail + 1)); echo "FAIL cmd-path-$fmt: a line starts with ::"; head -3 "$T/.out"
    else pass=$((pass + 1)); fi
done
# Harness names: too long for a file name, hostile, with a NUL inside.
python3 -c "
import json
print(json.dumps({'name':'P','version':1,'harnesses':[{'name':'h'*5000,'path':'app/x'},
  {'name':'\x1b[2J\n::error::x\u202e','path':'app/y'},{'name':'a\x00b','path':'app/z'}]}))" |
    projf evil-harness
for fmt in human gcc github json sarif; do
    run "evil-harness-$fmt" 1 '' -- -f "$fmt" "$T/evil-harness"; clean "evil-harness-$fmt"
done
# Folder names that are not UTF-8: the json report keeps "file" (bad
# bytes as U+FFFD), SARIF its uri, and an invalid escape's AC000
# message is kept whole.
mkdir -p "$T/nonutf8/bad$(printf '\377\376')dir/agentcore"
printf '{"name":"P","version":1,"x":"\\uZZZZ"}' >"$T/nonutf8/bad$(printf '\377\376')dir/agentcore/agentcore.json"
run nonutf8-json 1 '"file": "' -- -f json "$T/nonutf8"; clean nonutf8-json
python3 - "$T/.out" <<'PY' || { fail=$((fail + 1)); echo "FAIL nonutf8-json: member dropped"; }
import json, sys
r = json.load(open(sys.argv[1]))
f = r["findings"]
assert f and all("file" in x and "message" in x for x in f), f
assert any("\ufffd" in x["file"] for x in f), f
PY
run nonutf8-sarif 1 '"uri"' -- -f sarif "$T/nonutf8"; clean nonutf8-sarif
python3 - "$T/.out" <<'PY' || { fail=$((fail + 1)); echo "FAIL nonutf8-sarif: member dropped"; }
import json, sys
r = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert r and all("text" in x["message"] and x["locations"][0]["physicalLocation"]["artifactLocation"].get("uri") for x in r), r
PY
for fmt in human gcc github; do
    run "nonutf8-$fmt" 1 'AC000' -- -f "$fmt" "$T/nonutf8"; clean "nonutf8-$fmt"
done
# An invalid escape followed by a byte that is not UTF-8: the AC000
# message quotes it, and the json and SARIF reports keep the message.
printf '{"name":"P\\\377x","version":1}' | projf bad-escape
run bad-escape-json 1 'invalid escape' -- -f json "$T/bad-escape"; clean bad-escape-json
run bad-escape-sarif 1 'invalid escape' -- -f sarif "$T/bad-escape"; clean bad-escape-sarif

# Secrets used as names (a gateway name, a credentialName, a member
# name, a harness name, a target name): no output format quotes one
# whole - not in messages, pointers, logical locations or snippets.
AKID=AKIAZ7Q3RTX5LWPM4JKD
GHT=ghp_Zq8xV2mN5bT7kL1pR4sW9yC3dF6gH0jK2aQe
SLK=xoxb-204812345678-409612345678-Zq8xV2mN5bT7kL1pR4sW9yC3
cat >"$T/secret-names.json" <<EOT
{"name":"P","version":1,
 "credentials":[{"name":"c","authorizerType":"ApiKeyCredentialProvider"}],
 "harnesses":[{"name":"$SLK","path":"app/h"}],
 "agentCoreGateways":[{"name":"$AKID","authorizerType":"NONE","targets":[
   {"name":"$SLK","targetType":"mcpServer","endpoint":"https://example.com/mcp",
    "outboundAuth":{"type":"API_KEY","credentialName":"$GHT"}}]},
  {"name":"$AKID","authorizerType":"NONE","targets":[]}],
 "$GHT":{"$AKID":1}}
EOT
projf secret-names <"$T/secret-names.json"
for fmt in human gcc github json sarif; do
    run "secret-names-$fmt" 1 'AC001' -- --production -f "$fmt" "$T/secret-names"
    if grep -q -e "$AKID" -e "$GHT" -e "$SLK" -e "Z7Q3RTX5LW" -e "Zq8xV2mN5b" "$T/.out" "$T/.err"; then
        fail=$((fail + 1)); echo "FAIL secret-names-$fmt: a secret printed whole"
        grep -e "$AKID" -e "$GHT" -e "$SLK" -e "Z7Q3RTX5LW" -e "Zq8xV2mN5b" "$T/.out" | head -5; fi
done

# The shapes that were slow, at four times the size that took seconds:
# apiGateway method filters (1.4 MB of them), a 1 MiB "**/" .gitignore
# pattern against a deep path, path-only ignore entries (100,000
# findings x 20,000 globs), and 32,000 distinct referenced tool files.
python3 -c "
import json,sys
n=20000
f=[{'filterPath':'/p%d'%i,'methods':['GET','POST','PUT']} for i in range(n)]
f.append({'filterPath':'/many','methods':['M%d'%i for i in range(n)]})
t={'name':'api','targetType':'apiGateway','apiGateway':{'restApiId':'a1b2c3d4e5','stage':'prod',
   'apiGatewayToolConfiguration':{'toolFilters':f}}}
json.dump({'name':'P','version':1,'agentCoreGateways':[{'name':'g','authorizerType':'AWS_IAM',
   'enableSemanticSearch':False,'targets':[t]}]},sys.stdout)" | projf slow-filters
run slow-filters 01 '' -- --fail-on none "$T/slow-filters"
deep=$(python3 -c "print('/'.join(['d'] * 1000))")
mkdir -p "$T/slow-gitignore/.git" "$T/slow-gitignore/$deep/p/agentcore"
echo '{"name":"P","version":1}' >"$T/slow-gitignore/$deep/p/agentcore/agentcore.json"
echo 'X=1' >"$T/slow-gitignore/$deep/p/agentcore/.env.local"
python3 -c "
import sys
sys.stdout.write('**/' + 'a' * (1048576 - 100) + '\\n')" >"$T/slow-gitignore/.gitignore"
python3 -c "
import sys
sys.stdout.write(''.join('**/?%s/**/x%d\\n' % ('*?' * 50, i) for i in range(2000)))
sys.stdout.write('**/' + 'd/' * 1500 + '\\n')" >"$T/slow-gitignore/$deep/p/agentcore/.gitignore"
run slow-gitignore 1 'AC011' -- "$T/slow-gitignore/$deep/p"
mkdir -p "$T/slow-globs/agentcore"
python3 -c "
import sys
m=['\"x%d\": 1' % i for i in range(100000)]
sys.stdout.write('{\"name\": \"P\",\n\"version\": 1,\n' + ',\n'.join(m) + '\n}')" >"$T/slow-globs/agentcore/agentcore.json"
python3 -c "
import json,sys
json.dump({'ignore':[{'rule':'AC020','path':'app/x%d/**' % i,'reason':'old'} for i in range(20000)]
          +[{'rule':'AC020','path':'**/*.json','reason':'all'}]},sys.stdout)" >"$T/slow-globs/.agentcore-lint.json"
run slow-globs 01 '"suppressed": 100000' -- -f json "$T/slow-globs"
python3 - "$T/slow-tools" <<'PY'
import json, os, sys
root, n = sys.argv[1], 32000
os.makedirs(root + "/agentcore"); os.makedirs(root + "/tools")
lam = "arn:aws:lambda:us-east-1:123456789012:function:f"
ts = [{"name": "t%d" % i, "targetType": "lambdaFunctionArn", "lambdaFunctionArn":
       {"lambdaArn": lam, "toolSchemaFile": "tools/t%d.json" % i}} for i in range(n)]
json.dump({"name": "P", "version": 1, "agentCoreGateways": [
    {"name": "g", "authorizerType": "AWS_IAM", "targets": ts}]},
    open(root + "/agentcore/agentcore.json", "w"))
body = json.dumps([{"name": "x", "description": "y", "inputSchema": {"type": "object"}}])
for i in range(n):
    with open("%s/tools/t%d.json" % (root, i), "w") as f:
        f.write(body)
PY
run slow-tools 01 '' -- --fail-on none -q "$T/slow-tools"
rm -rf "$T/slow-tools"
# Agent code built to make the binders and schema scans quadratic:
# nested lambdas, comprehension heads, nested zod schemas.
projf code-binders <<'JSON'
{"name":"P","version":1,"runtimes":[{"name":"A","build":"CodeZip","entrypoint":"main.py","codeLocation":"app/A/","runtimeVersion":"PYTHON_3_12","networkMode":"PUBLIC","protocol":"HTTP"}]}
JSON
mkdir -p "$T/code-binders/app/A"
python3 -c "
n=200000
open('$T/code-binders/app/A/lam.py','w').write('x = (' + 'lambda a: ' * n + '1)\n')
open('$T/code-binders/app/A/heads.py','w').write('x = [' + 'for lambda ' * 150000 + ']\n')
open('$T/code-binders/app/A/zod.ts','w').write('const E = ' + 'z.object({ AGENTCORE_GATEWAY_A_URL: ' * 20000 + 'z.string()' + ' })' * 20000 + ';\n')"
run code-binders 01 '' -- "$T/code-binders"

echo "hostile: $pass passed, $fail failed"
[ "$fail" = 0 ]
