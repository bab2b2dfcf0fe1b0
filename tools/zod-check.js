#!/usr/bin/env node
/*
 * zod-check.js - the reference verdicts for the schema parity check: runs
 * the AgentCore CLI's own zod schemas (npm @aws/agentcore, loaded from
 * an installed copy; no schema code lives here) on a list of files.
 *
 * Usage: node tools/zod-check.js --pkg DIR MANIFEST
 *   DIR       the unpacked package (…/node_modules/@aws/agentcore)
 *   MANIFEST  lines "KIND<TAB>FILE[<TAB>TARGETS_FILE]", KIND one of
 *             project, targets, state, harness. For state, TARGETS_FILE
 *             (aws-targets.json) adds the CLI's rule that every target key
 *             is a deployment target name, when that file is valid.
 * Prints one line per file: "FILE<TAB>VALID" or
 * "FILE<TAB>INVALID<TAB>path: message" (the first issue). Exit status 0,
 * or 2 when the package cannot be loaded.
 *
 * node tools/zod-check.js --pkg DIR --stripped MANIFEST: for each file
 * zod accepts, one line "FILE<TAB>POINTER" per member of the input that
 * the parsed output lacks (what the CLI drops: AC024), and nothing for
 * files zod refuses.
 *
 * node tools/zod-check.js --urls FILE: FILE holds one JSON string per
 * line; prints 1 or 0 per line, the verdict of the same URL check zod's
 * .url() makes (trim, then the WHATWG URL parser).
 */
'use strict';

const fs = require('fs');
const path = require('path');

function die(msg) {
  process.stderr.write(`zod-check: ${msg}\n`);
  process.exit(2);
}

// Node 20's optimized URL.canParse starts to reject some valid non-ASCII
// URLs (an IDN host such as https://bücher.example/) once it has run a few
// thousand times, so a long batch would judge them differently from the
// CLI, which validates each file once. Pin the slow, correct path.
URL.canParse = input => {
  try {
    new URL(input);
    return true;
  } catch (_) {
    return false;
  }
};

function loadSchemas(pkg) {
  const dir = path.join(pkg, 'dist', 'schema', 'schemas');
  if (!fs.existsSync(path.join(dir, 'agentcore-project.js'))) die(`${pkg}: not an @aws/agentcore package`);
  return {
    project: require(path.join(dir, 'agentcore-project.js')).AgentCoreProjectSpecSchema,
    targets: require(path.join(dir, 'aws-targets.js')).AwsDeploymentTargetsSchema,
    stateModule: require(path.join(dir, 'deployed-state.js')),
    harness: require(path.join(dir, 'primitives', 'harness.js')).HarnessSpecSchema,
  };
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

// The deployed-state schema the CLI would use for this file.
function stateSchema(s, targetsFile) {
  if (targetsFile) {
    try {
      const r = s.targets.safeParse(readJson(targetsFile));
      if (r.success) return s.stateModule.createValidatedDeployedStateSchema(r.data.map(t => t.name));
    } catch (_) {
      /* unreadable targets: the plain schema */
    }
  }
  return s.stateModule.DeployedStateSchema;
}

function formatPath(p) {
  if (!p || p.length === 0) return 'root';
  return p.map((seg, i) => (typeof seg === 'number' ? `[${seg}]` : i === 0 ? String(seg) : `.${String(seg)}`)).join('');
}

function verdict(s, kind, file, targetsFile) {
  let data;
  try {
    data = readJson(file);
  } catch (e) {
    return `INVALID\troot: not JSON: ${e.message}`;
  }
  const schema = kind === 'state' ? stateSchema(s, targetsFile) : s[kind];
  if (!schema) return `INVALID\troot: unknown kind ${kind}`;
  const r = schema.safeParse(data);
  if (r.success) return 'VALID';
  const i = r.error.issues[0];
  return `INVALID\t${formatPath(i.path)}: ${i.message}`.replace(/\n/g, ' ');
}

// Pointers of the members of input a that the parsed output b lacks.
function stripped(a, b, ptr, out) {
  const esc = k => k.replace(/~/g, '~0').replace(/\//g, '~1');
  if (Array.isArray(a)) {
    if (Array.isArray(b)) a.forEach((x, i) => stripped(x, b[i], `${ptr}/${i}`, out));
  } else if (a && typeof a === 'object' && b && typeof b === 'object') {
    for (const k of Object.keys(a)) {
      if (!Object.prototype.hasOwnProperty.call(b, k)) out.push(`${ptr}/${esc(k)}`);
      else stripped(a[k], b[k], `${ptr}/${esc(k)}`, out);
    }
  }
}

function strippedLines(s, kind, file, targetsFile) {
  let data;
  try {
    data = readJson(file);
  } catch (_) {
    return [];
  }
  const schema = kind === 'state' ? stateSchema(s, targetsFile) : s[kind];
  const r = schema ? schema.safeParse(data) : { success: false };
  if (!r.success) return [];
  const out = [];
  stripped(data, r.data, '', out);
  return out.map(p => `${file}\t${p}`);
}

function main() {
  const args = process.argv.slice(2);
  let pkg = process.env.AGENTCORE_PKG_DIR || '';
  const rest = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--pkg') pkg = args[++i] || '';
    else rest.push(args[i]);
  }
  if (rest.length === 2 && rest[0] === '--urls') {
    const lines = fs.readFileSync(rest[1], 'utf8').split('\n').filter(l => l);
    process.stdout.write(lines.map(l => (URL.canParse(JSON.parse(l).trim()) ? 1 : 0)).join('\n') + '\n');
    return;
  }
  const strip = rest[0] === '--stripped';
  if (strip) rest.shift();
  if (!pkg || rest.length !== 1) die('usage: node zod-check.js --pkg DIR [--stripped] MANIFEST');
  const s = loadSchemas(path.resolve(pkg));
  const out = [];
  for (const line of fs.readFileSync(rest[0], 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const [kind, file, targets] = line.split('\t');
    if (strip) out.push(...strippedLines(s, kind, file, targets));
    else out.push(`${file}\t${verdict(s, kind, file, targets)}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();
