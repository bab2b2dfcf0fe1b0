#!/usr/bin/env node
/*
 * mutate-schema.js - writes mutated AgentCore files for the schema parity
 * check (tools/check-schema.sh): each one is a valid base document (our
 * fixtures and the real-CLI corpus) with one to three random edits.
 * The random generator has a fixed seed, so the output is reproducible.
 *
 * Usage: node tools/mutate-schema.js OUTDIR COUNT BASE...
 *   BASE is KIND:FILE[:TARGETS_FILE] (KIND project|targets|state|harness).
 * Writes OUTDIR/NNNN-KIND.json and OUTDIR/manifest.tsv, whose lines are
 * "KIND<TAB>FILE[<TAB>TARGETS_FILE]" (the bases themselves come first).
 *
 * The edits: delete a member; add an unknown member; change a value's
 * type; replace a string or number with an edge case (lengths around
 * the bounds, patterns just broken, URLs, reserved words); replace a
 * value with one seen under the same member name elsewhere (enum swaps,
 * which break and make cross-field rules); add a member seen elsewhere;
 * empty, shorten, duplicate or grow an array.
 */
'use strict';

const fs = require('fs');
const path = require('path');

// mulberry32: small, seedable, good enough to pick edits.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261127);
const pick = arr => arr[Math.floor(rand() * arr.length)];
const clone = v => JSON.parse(JSON.stringify(v));

const LONG = n => 'a'.repeat(n);
const STRINGS = [
  '', ' ', 'a', 'A', 'x y', '1abc', 'abc!', 'a-', '-a', 'a--b', 'a_b', 'a.b', 'aws:x', 'AWS:x',
  'ümlaut', 'Ünïcödé', '😀', 'tag😀', '\u00a0', '\ufeff', 'x\ny', 'tab\tx', 'x\u2028y',
  LONG(23), LONG(24), LONG(40), LONG(41), LONG(47), LONG(48), LONG(49), LONG(64), LONG(65), LONG(100),
  LONG(101), LONG(128), LONG(129), LONG(170), LONG(171), LONG(200), LONG(201), LONG(253), LONG(254),
  LONG(255), LONG(256), LONG(257), LONG(500), LONG(501), '😀'.repeat(24), '😀'.repeat(12),
  'http://x', 'https://x', 'https:x.com', 'x.com', 'https://', 'http://a b', 'http://[::1]:8080/',
  'http://1.2.3.256/', 'http://1.2.3.4/', 'http://host:65535/', 'http://host:65536/', 'ftp://x',
  'mailto:a@b', 'urn:isbn:1', 'javascript:alert(1)', 'file:///x', ' https://h.example.com/x ',
  'https://ex ample.com', 'https://user@host.com/x', 'https://a_b.example.com/x', 'http://ex%41mple.com/',
  'https://auth.example.com/.well-known/openid-configuration',
  'http://auth.example.com/.well-known/openid-configuration',
  'https://auth.example.com/.well-known/openid-configuration/',
  ' https://auth.example.com/.well-known/openid-configuration\n',
  'HTTPS://auth.example.com/.well-known/openid-configuration',
  's3://', 's3://b', 's3://my-bucket/key', 's3://My_Bucket/x', 's3://xn--bucket/x', 's3://a..b/x',
  's3://bucket-s3alias/x', 'arn:aws:lambda:us-east-1:123456789012:function:f',
  'arn:aws:iam::123456789012:role/R', 'arn:aws:iam::12345678901:role/R',
  'arn:aws:kms:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012',
  'arn:aws:kms:us-east-1:123456789012:alias/x', 'main.py', './main.py', 'main.PY', 'main.py:1h',
  'main.ts:handler', 'src/main.js', '/x.py', 'Dockerfile', 'docker/', 'a//b', '../Dockerfile',
  '.docker/Dockerfile', '/mnt/data', '/mnt/data/', '/mnt/a/b', 'mnt/x', '/mnt/', '/mnt/a b',
  'subnet-0123456789abcdef0', 'subnet-0123456', 'subnet-ABCDEF12', 'sg-01234567', 'sg-0123456G',
  'vpc-01234567', 'client_id', 'x-amz-date', 'x-amzn-trace', 'X-Amzn-Bedrock-AgentCore-Runtime-Custom-a',
  'CODEBUILD_X', 'AWS_REGION', 'PATH', 'prompt.txt', 'PROMPT.MD', './p', '../p', 'a.md b', 'Hello world',
  'DEFAULT', 'prod', '{{gateway:tools-gw}}', '{{gateway:nope}}', '{{gateway:}}', 'Builtin.X', 'ABCDEFGHIJ',
  'product-docs', 'strands', 'Strands', 'test', 'MyProject', 'rcfg-0123456789abcdefg', 'rcfg-short',
  '123456789012', '12345678901', 'us-east-1', 'us-east-9', 'default', 'prod-eu', 'Prod_EU', '*', '@a/b/c',
  '123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:tag', 'docker.io/library/x', 'public.ecr.aws/a/b',
];
const NUMBERS = [
  0, -1, 1, 2, 3, 4, 5, 6, 10, 11, 16, 17, 20, 21, 30, 31, 48, 49, 50, 51, 59, 60, 100, 101, 127, 128,
  200, 255, 256, 300, 301, 365, 366, 500, 501, 900, 901, 2048, 4096, 10240, 10241, 28800, 28801,
  65535, 65536, 65537, 86400, 86401, 1209600, 1209601, 0.5, 1.5, 0.005, 0.01, 2.5, 99.99, 1e20,
  9007199254740991, 9007199254740992, -0.5,
];
const VALUES = [null, true, false, 0, 1, 'x', '', [], {}, ['x'], { a: 1 }, 3.5];

// Every [path, value] in doc, root excluded.
function walk(v, p, out) {
  if (Array.isArray(v)) v.forEach((e, i) => { out.push([p.concat(i), e]); walk(e, p.concat(i), out); });
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) { out.push([p.concat(k), v[k]]); walk(v[k], p.concat(k), out); }
  return out;
}

// The values seen under each member name, per kind of file, across all
// bases of that kind.
const pools = new Map();
function learn(kind, doc) {
  if (!pools.has(kind)) pools.set(kind, new Map());
  const pool = pools.get(kind);
  for (const [p, v] of walk(doc, [], [])) {
    const k = p[p.length - 1];
    if (typeof k !== 'string') continue;
    if (!pool.has(k)) pool.set(k, []);
    const s = JSON.stringify(v);
    if (!pool.get(k).some(x => JSON.stringify(x) === s)) pool.get(k).push(clone(v));
  }
}

function parentOf(doc, p) {
  let o = doc;
  for (const k of p.slice(0, -1)) o = o[k];
  return o;
}

function set(doc, p, v) {
  if (p.length === 0) return v;
  parentOf(doc, p)[p[p.length - 1]] = v;
  return doc;
}

function mutateOnce(doc, pool) {
  const nodes = walk(doc, [], []);
  const objects = [[[], doc]].concat(nodes.filter(([, v]) => v && typeof v === 'object' && !Array.isArray(v)));
  const arrays = nodes.filter(([, v]) => Array.isArray(v));
  const op = pick(['delete', 'delete', 'unknown', 'type', 'string', 'string', 'string', 'number', 'swap', 'swap',
    'swap', 'swap', 'addknown', 'addknown', 'addknown', 'array']);
  if (op === 'delete' && nodes.length) {
    const [p] = pick(nodes);
    const par = parentOf(doc, p);
    if (Array.isArray(par)) par.splice(p[p.length - 1], 1);
    else delete par[p[p.length - 1]];
    return doc;
  }
  if (op === 'unknown') {
    const [, o] = pick(objects);
    o[pick(['fooBar', 'extra', 'Name', 'nam', 'type2'])] = pick(VALUES);
    return doc;
  }
  if (op === 'addknown') {
    const [, o] = pick(objects);
    const k = pick([...pool.keys()]);
    o[k] = clone(pick(pool.get(k)));
    return doc;
  }
  if (op === 'array' && arrays.length) {
    const [p, a] = pick(arrays);
    const how = pick(['empty', 'dup', 'drop', 'grow']);
    if (how === 'empty') return set(doc, p, []);
    if (how === 'drop' && a.length) a.splice(Math.floor(rand() * a.length), 1);
    if (how === 'dup' && a.length) a.push(clone(pick(a)));
    if (how === 'grow' && a.length) {
      const n = pick([3, 6, 11, 17, 21, 31, 51]);
      for (let i = a.length; i < n; i++) a.push(clone(a[i % a.length]));
    }
    return doc;
  }
  if (!nodes.length) return doc;
  const strs = nodes.filter(([, v]) => typeof v === 'string');
  const nums = nodes.filter(([, v]) => typeof v === 'number');
  if (op === 'string' && strs.length) return set(doc, pick(strs)[0], pick(STRINGS));
  if (op === 'number' && nums.length) return set(doc, pick(nums)[0], pick(NUMBERS));
  if (op === 'swap') {
    const keyed = nodes.filter(([p]) => typeof p[p.length - 1] === 'string');
    const [p] = pick(keyed);
    return set(doc, p, clone(pick(pool.get(p[p.length - 1]))));
  }
  const [p] = pick(nodes);
  return set(doc, p, clone(pick(VALUES)));
}

function main() {
  const [outdir, countArg, ...bases] = process.argv.slice(2);
  const count = parseInt(countArg, 10);
  if (!outdir || !(count >= 0) || bases.length === 0) {
    process.stderr.write('usage: node mutate-schema.js OUTDIR COUNT KIND:FILE[:TARGETS]...\n');
    process.exit(2);
  }
  const parsed = bases.map(b => {
    const [kind, file, targets] = b.split(':');
    return { kind, file, targets, doc: JSON.parse(fs.readFileSync(file, 'utf8')) };
  });
  parsed.forEach(b => learn(b.kind, b.doc));
  fs.mkdirSync(outdir, { recursive: true });
  const lines = parsed.map(b => [b.kind, b.file].concat(b.targets ? [b.targets] : []).join('\t'));
  // Weight the bases by size: the rich fixtures carry most of the schema.
  const weighted = parsed.flatMap(b => Array(Math.min(40, Math.ceil(JSON.stringify(b.doc).length / 400))).fill(b));
  for (let i = 0; i < count; i++) {
    const b = pick(weighted);
    let doc = clone(b.doc);
    const edits = 1 + Math.floor(rand() * rand() * 3);
    for (let e = 0; e < edits; e++) doc = mutateOnce(doc, pools.get(b.kind));
    const file = path.join(outdir, `${String(i).padStart(4, '0')}-${b.kind}.json`);
    fs.writeFileSync(file, JSON.stringify(doc, null, 1) + '\n');
    lines.push([b.kind, file].concat(b.targets ? [b.targets] : []).join('\t'));
  }
  fs.writeFileSync(path.join(outdir, 'manifest.tsv'), lines.join('\n') + '\n');
}

main();
