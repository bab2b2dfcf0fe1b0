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
run device 2 'not a regular file' -- "$T/device"
mkdir -p "$T/targets-fifo/agentcore" && echo '{"name":"P","version":1}' >"$T/targets-fifo/agentcore/agentcore.json" &&
    mkfifo "$T/targets-fifo/agentcore/aws-targets.json"
run targets-fifo 2 'aws-targets.json: not a regular file' -- "$T/targets-fifo"
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
