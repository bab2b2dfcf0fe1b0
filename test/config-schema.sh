#!/bin/sh
# config-schema.sh - schema/agentcore-lint.schema.json checked by an
# independent JSON Schema validator (python3-jsonschema): the schema is
# itself valid draft-07, and for every sample config in test/data/config
# the schema and the program agree - both accept valid-*, both refuse
# invalid-*. The documented example config (cli-md-example.json, the one
# of agentcore-lint(1), CONFIG FILE) must be accepted by both once every
# rule it names exists.
set -u
BIN=${ACL_BIN:-./agentcore-lint}
SCHEMA=schema/agentcore-lint.schema.json
PROJECT=fixtures/rules/AC001/pass-aws-iam
# The first Python that has jsonschema: a python3 earlier in PATH may
# not be the system one that python3-jsonschema installs into.
PY=
for p in ${PYTHON:-} python3 /usr/bin/python3; do
    if "$p" -c 'import jsonschema' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
    echo "config-schema: python3 with jsonschema is needed (apt-get install python3-jsonschema)" >&2
    exit 1
fi
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

verdicts=$("$PY" - "$SCHEMA" test/data/config/*.json <<'EOP'
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft7Validator.check_schema(schema)
v = jsonschema.Draft7Validator(schema)
for path in sys.argv[2:]:
    try:
        doc = json.load(open(path))
    except ValueError:
        print(path, "reject")
        continue
    print(path, "accept" if v.is_valid(doc) else "reject")
EOP
) || { echo "FAIL: the schema is not valid draft-07"; exit 1; }
ok

all_rules=1
for id in $(grep -o '"AC[0-9]*"' test/data/config/cli-md-example.json | tr -d '"' | sort -u); do
    "$BIN" --list-rules | grep -q "^$id " || all_rules=0
done

echo "$verdicts" | while read -r path schema_says; do
    "$BIN" --config "$path" "$PROJECT" >/dev/null 2>&1
    [ $? = 2 ] && program_says=reject || program_says=accept
    case $path in
    */valid-*) want=accept ;;
    */invalid-*) want=reject ;;
    */cli-md-example.json) [ $all_rules = 1 ] && want=accept || want=$program_says ;;
    *) want=$program_says ;;
    esac
    if [ "$schema_says" = "$program_says" ] && [ "$program_says" = "$want" ]; then
        echo ok
    else
        echo "FAIL: $path: schema ${schema_says}s, program ${program_says}s, wanted $want"
    fi
done >"${TMPDIR:-/tmp}/acl-config-schema.$$"
pass=$((pass + $(grep -c '^ok$' "${TMPDIR:-/tmp}/acl-config-schema.$$")))
fail=$((fail + $(grep -c '^FAIL' "${TMPDIR:-/tmp}/acl-config-schema.$$")))
grep '^FAIL' "${TMPDIR:-/tmp}/acl-config-schema.$$"
rm -f "${TMPDIR:-/tmp}/acl-config-schema.$$"
[ $all_rules = 1 ] || echo "config-schema: note: the documented example config names rules not built yet; checked for agreement only"
echo "config-schema: $pass passed, $fail failed"
[ "$fail" = 0 ]
