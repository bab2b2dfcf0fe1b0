#!/usr/bin/env node
/*
 * mutate-schema.js - writes mutated AgentCore files for the schema parity
 * check (tools/check-schema.sh): each one is a valid base document (our
 * fixtures and the real-CLI corpus) with one to three random edits.
 * The random generator has a fixed seed, so the output is reproducible
 * (SCHEMA_SEED=N picks another one, to explore).
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
// SCHEMA_SEED explores other sequences; the check itself uses the default.
const rand = rng(parseInt(process.env.SCHEMA_SEED || '20261127', 10));
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
    o[pick(['fooBar', 'extra', 'Name', 'nam', 'type2'])] = clone(pick(VALUES));
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
  const keyed = nodes.filter(([p]) => pool.has(p[p.length - 1]));
  if (op === 'swap' && keyed.length) {
    const [p] = pick(keyed);
    return set(doc, p, clone(pick(pool.get(p[p.length - 1]))));
  }
  const [p] = pick(nodes);
  return set(doc, p, clone(pick(VALUES)));
}

// Targeted edits: each hits one rule of the reference (or stays just
// inside it). [base file name, [path, value]...]; value DEL deletes.
const DEL = Symbol('delete');
const SG = n => Array.from({ length: n }, (_, i) => `sg-0123456${i}`);
const SCENARIOS = [
  ['project-full', ['runtimes/1/networkConfig/securityGroups', SG(6)]],
  ['project-full', ['runtimes/1/networkConfig/securityGroups', SG(5)]],
  ['project-full', ['runtimes/1/build', 'CodeZip'], ['runtimes/1/dockerfile', DEL], ['runtimes/1/buildContextPath', DEL], ['runtimes/1/customDockerBuildArgs', DEL], ['runtimes/1/networkConfig/securityGroups', SG(6)]],
  ['project-full', ['runtimes/1/build', 'CodeZip'], ['runtimes/1/buildContextPath', DEL], ['runtimes/1/customDockerBuildArgs', DEL]],
  ['project-full', ['runtimes/1/build', 'CodeZip'], ['runtimes/1/dockerfile', DEL], ['runtimes/1/buildContextPath', DEL], ['runtimes/1/customDockerBuildArgs', {}]],
  ['project-full', ['runtimes/1/networkMode', DEL]],
  ['project-full', ['runtimes/1/networkConfig', DEL]],
  ['project-full', ['runtimes/0/networkMode', 'VPC']],
  ['project-full', ['runtimes/0/networkMode', DEL], ['runtimes/0/networkConfig', { subnets: ['subnet-01234567'], securityGroups: ['sg-01234567'] }]],
  ['project-full', ['runtimes/2/networkMode', 'PUBLIC']],
  ['project-full', ['runtimes/2/capacityProviderConfiguration', DEL]],
  ['project-full', ['runtimes/2/capacityProviderConfiguration', {}]],
  ['project-full', ['runtimes/2/capacityProviderConfiguration/capacityProviderArn', 'arn:aws:bedrock-agentcore:us-east-1:123456789012:capacity-provider/GpuPool-abcde12345']],
  ['project-full', ['runtimes/2/capacityProviderConfiguration/capacityProviderName', 'Nope']],
  ['project-full', ['runtimes/2/filesystemConfigurations/0/capacityProviderVolume/volumeName', 'other-vol']],
  ['project-full', ['runtimes/3/filesystemConfigurations', [{ capacityProviderVolume: { volumeName: 'not-checked', mountPath: '/mnt/m' } }]]],
  ['project-full', ['runtimes/0/authorizerType', 'AWS_IAM']],
  ['project-full', ['runtimes/0/authorizerType', DEL]],
  ['project-full', ['runtimes/0/authorizerType', 'NONE']],
  ['project-full', ['runtimes/0/authorizerConfiguration', {}]],
  ['project-full', ['runtimes/1/authorizerConfiguration', {}]],
  ['project-full', ['runtimes/0/customDockerBuildArgs', { A: 'b' }]],
  ['project-full', ['runtimes/1/customDockerBuildArgs/AWS_REGION', 'x']],
  ['project-full', ['runtimes/1/customDockerBuildArgs/CODEBUILD_X', 'x']],
  ['project-full', ['runtimes/1/customDockerBuildArgs/PATH', 'x']],
  ['project-full', ['runtimes/1/customDockerBuildArgs/aws_region', 'x']],
  ['project-full', ['runtimes/1/customDockerBuildArgs/X', 'a\tb']],
  ['project-full', ['runtimes/1/customDockerBuildArgs/X', 'a'.repeat(4097)]],
  ['project-full', ['runtimes/1/customDockerBuildArgs/1X', 'x']],
  ['project-full', ['runtimes/1/dockerfile', 'docker/']],
  ['project-full', ['runtimes/1/dockerfile', './Dockerfile']],
  ['project-full', ['runtimes/1/dockerfile', 'a/../Dockerfile']],
  ['project-full', ['runtimes/1/dockerfile', '/Dockerfile']],
  ['project-full', ['runtimes/1/dockerfile', 'Docker file']],
  ['project-full', ['runtimes/1/filesystemConfigurations/1/efsAccessPoint/mountPath', '/mnt/data/']],
  ['project-full', ['runtimes/1/filesystemConfigurations/3', { sessionStorage: { mountPath: '/mnt/other' } }]],
  ['project-full', ['runtimes/1/filesystemConfigurations/3', { efsAccessPoint: { accessPointArn: 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-01234567', mountPath: '/mnt/e2' } }], ['runtimes/1/filesystemConfigurations/4', { efsAccessPoint: { accessPointArn: 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-01234567', mountPath: '/mnt/e3' } }]],
  ['project-full', ['runtimes/1/filesystemConfigurations/3', { efsAccessPoint: { accessPointArn: 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-01234567', mountPath: '/mnt/e2' } }], ['runtimes/1/filesystemConfigurations/4', { s3FilesAccessPoint: { accessPointArn: 'arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0/access-point/fsap-0123456789abcdef0', mountPath: '/mnt/s2' } }], ['runtimes/1/filesystemConfigurations/5', { s3FilesAccessPoint: { accessPointArn: 'arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0/access-point/fsap-0123456789abcdef0', mountPath: '/mnt/s3' } }]],
  ['project-full', ['runtimes/1/filesystemConfigurations/0', { sessionStorage: { mountPath: '/mnt/x' }, efsAccessPoint: { accessPointArn: 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-01234567', mountPath: '/mnt/y' } }]],
  ['project-full', ['runtimes/1/filesystemConfigurations/0', {}]],
  ['project-full', ['runtimes/1/networkMode', 'PUBLIC'], ['runtimes/1/networkConfig', DEL]],
  ['project-full', ['runtimes/1/networkMode', 'PUBLIC'], ['runtimes/1/networkConfig', DEL], ['runtimes/1/filesystemConfigurations', [{ sessionStorage: { mountPath: '/mnt/data' } }]]],
  ['project-full', ['runtimes/0/lifecycleConfiguration/idleRuntimeSessionTimeout', 28800], ['runtimes/0/lifecycleConfiguration/maxLifetime', 600]],
  ['project-full', ['runtimes/0/lifecycleConfiguration/maxLifetime', DEL], ['runtimes/0/lifecycleConfiguration/idleRuntimeSessionTimeout', 28800]],
  ['project-full', ['runtimes/0/requestHeaderAllowlist', ['x-amz-date']]],
  ['project-full', ['runtimes/0/requestHeaderAllowlist', ['X-Amzn-Trace-Id']]],
  ['project-full', ['runtimes/0/requestHeaderAllowlist', ['x-amzn-bedrock-agentcore-runtime-custom-a', 'x-amzN']]],
  ['project-full', ['runtimes/0/requestHeaderAllowlist', Array(21).fill('a')]],
  ['project-full', ['runtimes/0/requestHeaderAllowlist', Array(20).fill('a')]],
  ['project-full', ['runtimes/0/endpoints/bad-name', { version: 1 }]],
  ['project-full', ['runtimes/0/endpoints/prod/version', 0]],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/allowedClients', []], ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/allowedScopes', []], ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/customClaims', DEL]],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/customClaims', []]],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/allowedScopes', ['has space']]],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/discoveryUrl', 'http://auth.example.com/.well-known/openid-configuration']],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/discoveryUrl', ' https://auth.example.com/.well-known/openid-configuration\t']],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/discoveryUrl', 'https://auth.example.com/.well-known/openid-configuration/']],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/discoveryUrl', 'https://auth example.com/.well-known/openid-configuration']],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/privateEndpoint', DEL]],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/privateEndpoint', { managedVpcResource: { vpcIdentifier: 'vpc-01234567', subnetIds: ['subnet-01234567'], endpointIpAddressType: 'IPV6' } }]],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/privateEndpoint', {}]],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/privateEndpointOverrides/1', { domain: 'login.example.com', privateEndpoint: { selfManagedLatticeResource: { resourceConfigurationIdentifier: 'rcfg-abcdefghij0123456' } } }]],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/customClaims/0/inboundTokenClaimName', 'client_id']],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/customClaims/0/authorizingClaimMatchValue/claimMatchValue', {}]],
  ['project-full', ['runtimes/0/authorizerConfiguration/customJwtAuthorizer/customClaims/0/authorizingClaimMatchValue/claimMatchValue/matchValueStringList', ['a']]],
  ['project-full', ['runtimes/0/connections/0/to/type', 'gateway']],
  ['project-full', ['runtimes/0/connections/1/to/outboundAuth', { awsIam: {}, none: {} }]],
  ['project-full', ['runtimes/0/connections/1/to/outboundAuth', { awsIam: { x: 1 } }]],
  ['project-full', ['runtimes/0/connections/1/to/outboundAuth/oauth/grantType', 'USER_FEDERATION']],
  ['project-full', ['runtimes/0/connections/3/to/arn', 'arn:aws:bedrock-agentcore:us-east-1:aws:browser/aws.browser.v1']],
  ['project-full', ['runtimes/0/connections/0/id', '1bad']],
  ['project-full', ['name', 'Strands']],
  ['project-full', ['name', 'StrandsX']],
  ['project-full', ['version', 1.0]],
  ['project-full', ['version', 0]],
  ['project-full', ['managedBy', 'CFN']],
  ['project-full', ['httpGateways', []]],
  ['project-full', ['httpGateways', [{}]]],
  ['project-full', ['tags/aws:x', 'y']],
  ['project-full', ['tags/AWS:x', 'y']],
  ['project-full', ['tags/ ', 'y']],
  ['project-full', ['tags/k', 'emoji😀']],
  ['project-full', ['tags/k', 'ünïcödé letters 123']],
  ['project-full', ['memories/0/strategies/3', { type: 'SEMANTIC' }]],
  ['project-full', ['memories/0/strategies/0/reflectionNamespaces', []]],
  ['project-full', ['memories/0/strategies/1/reflectionNamespaceTemplates', []]],
  ['project-full', ['memories/0/strategies/1/reflectionNamespaceTemplates', ['/other']]],
  ['project-full', ['memories/0/strategies/1/namespaceTemplates', DEL]],
  ['project-full', ['memories/0/strategies/1/namespaceTemplates', []]],
  ['project-full', ['memories/0/strategies/1/namespaceTemplates', DEL], ['memories/0/strategies/1/namespaces', ['/x']]],
  ['project-full', ['memories/0/strategies/1/reflectionNamespaceTemplates', DEL], ['memories/0/strategies/1/reflectionNamespaces', ['/episodes/']]],
  ['project-full', ['memories/0/strategies/2/namespaceTemplates', ['/a']]],
  ['project-full', ['memories/0/strategies/2/namespaceTemplates', []]],
  ['project-full', ['memories/1/indexedKeys', [{ key: 'k', type: 'NUMBER' }]]],
  ['project-full', ['memories/1/indexedKeys', []]],
  ['project-full', ['memories/0/indexedKeys/1/key', 'tenant id']],
  ['project-full', ['memories/0/indexedKeys/1/key', '   ']],
  ['project-full', ['memories/0/strategies/0/type', 'CUSTOM']],
  ['project-full', ['knowledgeBases/0/dataSources/1', { type: 'S3', uri: 's3://my-docs-bucket/products/' }]],
  ['project-full', ['knowledgeBases/0/dataSources/1', { type: 'S3', uri: 's3://ab/x' }]],
  ['project-full', ['knowledgeBases/0/dataSources/0/uri', 's3://bucket-s3alias']],
  ['project-full', ['knowledgeBases/0/dataSources/0/uri', 's3://my.bucket.name']],
  ['project-full', ['knowledgeBases/0/dataSources', []]],
  ['project-full', ['knowledgeBases/0/dataSources/1/type', 'S3']],
  ['project-full', ['knowledgeBases/0/type', 'Other']],
  ['project-full', ['credentials/1/name', 'petstore-api-key']],
  ['project-full', ['credentials/1/discoveryUrl', 'not a url']],
  ['project-full', ['credentials/1/discoveryUrl', 'http://localhost:8080/x']],
  ['project-full', ['credentials/2/provider', 'Stripe']],
  ['project-full', ['evaluators/0/config/codeBased', { external: { lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' } }]],
  ['project-full', ['evaluators/0/config/llmAsAJudge', DEL]],
  ['project-full', ['evaluators/0/config/llmAsAJudge/ratingScale/categorical', []]],
  ['project-full', ['evaluators/0/config/llmAsAJudge/ratingScale/numerical', []]],
  ['project-full', ['evaluators/0/config/llmAsAJudge/model', '  model-x  ']],
  ['project-full', ['evaluators/0/config/llmAsAJudge/model', '   ']],
  ['project-full', ['evaluators/0/config/llmAsAJudge/model', 'model x']],
  ['project-full', ['evaluators/1/config/codeBased/external', { lambdaArn: 'arn:aws:lambda:us-east-1:123456789012:function:f' }]],
  ['project-full', ['evaluators/1/config/codeBased/managed/timeoutSeconds', 301]],
  ['project-full', ['onlineEvalConfigs/0/agent', 'Builder']],
  ['project-full', ['onlineEvalConfigs/0/agent', 'Helper']],
  ['project-full', ['onlineEvalConfigs/0/agent', DEL]],
  ['project-full', ['onlineEvalConfigs/0/evaluators/3', 'CodeCheck']],
  ['project-full', ['onlineEvalConfigs/0/evaluators/3', 'NotAnEvaluator']],
  ['project-full', ['onlineEvalConfigs/0/evaluators/3', 'builtin.x']],
  ['project-full', ['onlineEvalConfigs/0/insights', ['x']]],
  ['project-full', ['onlineEvalConfigs/0/evaluators', []]],
  ['project-full', ['onlineEvalConfigs/1/logGroupNames', DEL]],
  ['project-full', ['onlineEvalConfigs/1/serviceNames', DEL]],
  ['project-full', ['onlineEvalConfigs/1/insights', []], ['onlineEvalConfigs/1/evaluators', ['Helpfulness']]],
  ['project-full', ['onlineEvalConfigs/1/clusteringConfig', DEL], ['onlineEvalConfigs/1/insights', DEL], ['onlineEvalConfigs/1/evaluators', ['Tone']]],
  ['project-full', ['onlineEvalConfigs/1/samplingRate', 0.001]],
  ['project-full', ['onlineEvalConfigs/1/logGroupNames', ['a', 'b', 'c', 'd', 'e', 'f']]],
  ['project-full', ['agentCoreGateways/1/protocolType', 'MCP']],
  ['project-full', ['agentCoreGateways/1/protocolType', DEL]],
  ['project-full', ['agentCoreGateways/0/protocolType', 'None']],
  ['project-full', ['agentCoreGateways/0/authorizerConfiguration', DEL]],
  ['project-full', ['agentCoreGateways/0/authorizerType', 'NONE']],
  ['project-full', ['agentCoreGateways/1/authorizerType', 'CUSTOM_JWT']],
  ['project-full', ['agentCoreGateways/0/exceptionLevel', 'ALL']],
  ['project-full', ['agentCoreGateways/0/executionRoleArn', 'arn:aws:iam::123456789012:role/R with spaces']],
  ['project-full', ['agentCoreGateways/0/executionRoleArn', 'arn:aws:iam::123456789012:user/R']],
  ['project-full', ['agentCoreGateways/0/name', 'tools--gw']],
  ['project-full', ['agentCoreGateways/0/name', '1gw']],
  ['project-full', ['agentCoreGateways/1/name', 'tools-gw']],
  ['project-full', ['agentCoreGateways/1/name', 'TOOLS-GW']],
  ['project-full', ['agentCoreGateways/0/targets/0/outboundAuth/type', 'API_KEY']],
  ['project-full', ['agentCoreGateways/0/targets/0/outboundAuth/credentialName', DEL]],
  ['project-full', ['agentCoreGateways/0/targets/0/outboundAuth', {}]],
  ['project-full', ['agentCoreGateways/0/targets/0/outboundAuth', { type: 'NONE', credentialName: 'x' }]],
  ['project-full', ['agentCoreGateways/0/targets/0/outboundAuth/type', 'JWT_PASSTHROUGH']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', DEL]],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'http://weather.example.com/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'weather.example.com/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https://weather.example.com:99999/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https:weather.example.com']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'custom-scheme://a b']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https://[::1]:443/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https://[::1/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https://999.1.1.1/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https://0x7f.1/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https://a.b.1/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https://a.1b/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https://bücher.example/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https://a%20b/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'https://u:p@/mcp']],
  ['project-full', ['agentCoreGateways/0/targets/0/endpoint', 'http://h/path with space']],
  ['project-full', ['agentCoreGateways/0/targets/0/apiGateway', { restApiId: 'a', stage: 'b', apiGatewayToolConfiguration: { toolFilters: [{ filterPath: '/', methods: ['GET'] }] } }]],
  ['project-full', ['agentCoreGateways/0/targets/0/configurations', []]],
  ['project-full', ['agentCoreGateways/0/targets/0/configurations', [{ name: '' }]]],
  ['project-full', ['agentCoreGateways/0/targets/0/connectorId', 'web-search']],
  ['project-full', ['agentCoreGateways/0/targets/0/schemaSource', { inline: { path: 'x' } }]],
  ['project-full', ['agentCoreGateways/0/targets/1/toolDefinitions', []]],
  ['project-full', ['agentCoreGateways/0/targets/1/compute/pythonVersion', DEL]],
  ['project-full', ['agentCoreGateways/0/targets/1/compute/implementation/language', 'TypeScript']],
  ['project-full', ['agentCoreGateways/0/targets/1/compute/implementation/language', 'TypeScript'], ['agentCoreGateways/0/targets/1/compute/nodeVersion', 'NODE_20']],
  ['project-full', ['agentCoreGateways/0/targets/1/compute/host', 'AgentCoreRuntime']],
  ['project-full', ['agentCoreGateways/0/targets/1/compute/iamPolicy/Statement', [null, 1]]],
  ['project-full', ['agentCoreGateways/0/targets/1/compute/iamPolicy/Version', DEL]],
  ['project-full', ['agentCoreGateways/0/targets/1/toolDefinitions/0/inputSchema/type', 'null']],
  ['project-full', ['agentCoreGateways/0/targets/0/toolDefinitions/0/inputSchema/properties/opts/items/properties/k/type', 'date']],
  ['project-full', ['agentCoreGateways/0/targets/0/toolDefinitions/0/inputSchema/properties/opts/items', [{ type: 'string' }]]],
  ['project-full', ['agentCoreGateways/0/targets/0/toolDefinitions/0/name', 'x'.repeat(129)]],
  ['project-full', ['agentCoreGateways/0/targets/0/toolDefinitions/0/extra', 1]],
  ['project-full', ['agentCoreGateways/0/targets/2/outboundAuth', DEL]],
  ['project-full', ['agentCoreGateways/0/targets/2/outboundAuth/type', 'OAUTH']],
  ['project-full', ['agentCoreGateways/0/targets/2/toolDefinitions', []]],
  ['project-full', ['agentCoreGateways/0/targets/2/schemaSource', DEL]],
  ['project-full', ['agentCoreGateways/0/targets/2/schemaSource', { inline: { path: 'a' }, s3: { uri: 's3://a' } }]],
  ['project-full', ['agentCoreGateways/0/targets/3/schemaSource/s3/uri', 's3://']],
  ['project-full', ['agentCoreGateways/0/targets/3/schemaSource/s3/uri', 'S3://x']],
  ['project-full', ['agentCoreGateways/0/targets/3/outboundAuth', { type: 'NONE' }]],
  ['project-full', ['agentCoreGateways/0/targets/3/outboundAuth', { type: 'API_KEY', credentialName: 'x' }]],
  ['project-full', ['agentCoreGateways/0/targets/4/outboundAuth/type', 'API_KEY']],
  ['project-full', ['agentCoreGateways/0/targets/4/outboundAuth/type', 'OAUTH'], ['agentCoreGateways/0/targets/4/outboundAuth/credentialName', 'c']],
  ['project-full', ['agentCoreGateways/0/targets/4/apiGateway/apiGatewayToolConfiguration/toolFilters', []]],
  ['project-full', ['agentCoreGateways/0/targets/4/apiGateway/apiGatewayToolConfiguration/toolFilters/0/methods', ['FETCH']]],
  ['project-full', ['agentCoreGateways/0/targets/5/outboundAuth', {}]],
  ['project-full', ['agentCoreGateways/0/targets/5/lambdaFunctionArn/lambdaArn', 'x'.repeat(171)]],
  ['project-full', ['agentCoreGateways/0/targets/5/toolDefinitions', []]],
  ['project-full', ['agentCoreGateways/0/targets/6/configurations/0/parameterValues/knowledgeBaseId', 'ABCDEFGHIJ']],
  ['project-full', ['agentCoreGateways/0/targets/6/configurations/0/parameterValues/knowledgeBaseId', 'missing-kb']],
  ['project-full', ['agentCoreGateways/0/targets/6/configurations/0/parameterValues/knowledgeBaseId', 12]],
  ['project-full', ['knowledgeBases/0/name', 'ABCDEFGH12']],
  ['project-full', ['agentCoreGateways/0/targets/6/configurations/1/parameterValues/retrievers/0/configuration/knowledgeBase/knowledgeBaseId', 1234567890]],
  ['project-full', ['agentCoreGateways/0/targets/6/configurations/1/parameterValues/retrievers/0/configuration/knowledgeBase/knowledgeBaseId', 123]],
  ['project-full', ['agentCoreGateways/0/targets/6/configurations/1/parameterValues/retrievers/0/configuration/knowledgeBase/knowledgeBaseId', ['ABCDEFGHIJ']]],
  ['project-full', ['agentCoreGateways/0/targets/6/configurations/1/parameterValues/retrievers/0/configuration/knowledgeBase/knowledgeBaseId', 0]],
  ['project-full', ['agentCoreGateways/0/targets/6/configurations/1/parameterValues/retrievers/1', null]],
  ['project-full', ['agentCoreGateways/0/targets/6/connectorId', 'web-search'], ['agentCoreGateways/0/targets/6/configurations/0/parameterValues/knowledgeBaseId', 'missing-kb']],
  ['project-full', ['agentCoreGateways/0/targets/6/connectorId', DEL]],
  ['project-full', ['agentCoreGateways/0/targets/6/schemaSource', { inline: { path: 'x' } }]],
  ['project-full', ['agentCoreGateways/0/targets/6/outboundAuth', { type: 'NONE' }]],
  ['project-full', ['agentCoreGateways/0/targets/7/compute/implementation/language', 'TypeScript']],
  ['project-full', ['agentCoreGateways/0/targets/7/compute/timeout', 10]],
  ['project-full', ['agentCoreGateways/0/targets/7/compute/runtime/entrypoint', 'main.ts']],
  ['project-full', ['agentCoreGateways/0/targets/7/compute/runtime/networkMode', 'VPC']],
  ['project-full', ['agentCoreGateways/1/targets/0/httpRuntime/runtime', 'Missing']],
  ['project-full', ['agentCoreGateways/1/targets/0/httpRuntime/runtimeEndpoint', 'staging']],
  ['project-full', ['agentCoreGateways/1/targets/0/httpRuntime/runtimeEndpoint', 'DEFAULT']],
  ['project-full', ['agentCoreGateways/1/targets/0/httpRuntime/runtime', 'Builder'], ['agentCoreGateways/1/targets/0/httpRuntime/runtimeEndpoint', 'DEFAULT']],
  ['project-full', ['agentCoreGateways/1/targets/0/httpRuntime/runtime', 'Builder']],
  ['project-full', ['agentCoreGateways/1/targets/0/endpoint', 'https://x.example.com']],
  ['project-full', ['agentCoreGateways/1/targets/0/outboundAuth/type', 'API_KEY']],
  ['project-full', ['agentCoreGateways/1/targets/1/outboundAuth/service', DEL]],
  ['project-full', ['agentCoreGateways/1/targets/1/outboundAuth', DEL]],
  ['project-full', ['agentCoreGateways/1/targets/1/outboundAuth', { type: 'OAUTH' }]],
  ['project-full', ['agentCoreGateways/1/targets/1/outboundAuth', { type: 'API_KEY', credentialName: 'x' }]],
  ['project-full', ['agentCoreGateways/1/targets/1/passthrough/endpoint', 'http://api.partner.example.com']],
  ['project-full', ['agentCoreGateways/1/targets/1/passthrough/endpoint', 'https://api_partner.example.com']],
  ['project-full', ['agentCoreGateways/1/targets/1/passthrough/endpoint', 'https://a.example.com:123456']],
  ['project-full', ['agentCoreGateways/1/targets/1/passthrough/endpoint', 'https://a.example.com?x=1']],
  ['project-full', ['agentCoreGateways/1/targets/1/passthrough/protocolType', 'HTTP']],
  ['project-full', ['agentCoreGateways/1/targets/1/passthrough/stickinessConfiguration/timeout', 86401]],
  ['project-full', ['agentCoreGateways/1/targets/1/httpRuntime', { runtime: 'Assistant' }]],
  ['project-full', ['agentCoreGateways/1/targets/2/passthrough', DEL]],
  ['project-full', ['agentCoreGateways/1/targets/2/toolDefinitions', []]],
  ['project-full', ['agentCoreGateways/1/targets/2/toolDefinitions', [{ name: 'a', description: 'b', inputSchema: { type: 'object' } }]]],
  ['project-full', ['unassignedTargets/1/httpRuntime/runtimeEndpoint', 'nope']],
  ['project-full', ['agentCoreGateways/1/targets/0/httpRuntime/runtimeEndpoint', 'toString']],
  ['project-full', ['agentCoreGateways/1/targets/0/httpRuntime/runtimeEndpoint', '__proto__']],
  ['project-full', ['agentCoreGateways/1/targets/0/httpRuntime/runtime', 'Builder'], ['agentCoreGateways/1/targets/0/httpRuntime/runtimeEndpoint', 'constructor']],
  ['project-full', ['tags', Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']))]],
  ['project-full', ['tags', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))]],
  ['harness-full', ['environmentVariables', Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`K${i}`, 'v']))]],
  ['harness-full', ['environmentVariables', Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`K${i}`, 'v']))]],
  ['project-full', ['unassignedTargets/2', { name: 'spare', targetType: 'mcpServer', endpoint: 'https://x' }]],
  ['project-full', ['unassignedTargets/2', { name: 'p', targetType: 'passthrough', outboundAuth: { type: 'OAUTH', credentialName: 'c' }, passthrough: { endpoint: 'https://x' } }]],
  ['project-full', ['mcpRuntimeTools/0/compute/host', 'Lambda']],
  ['project-full', ['mcpRuntimeTools/0/compute/pythonVersion', 'PYTHON_3_12']],
  ['project-full', ['mcpRuntimeTools/0/bindings/0/envVarName', '1X']],
  ['project-full', ['mcpRuntimeTools/0/bindings/0/runtimeName', 'Missing']],
  ['project-full', ['mcpRuntimeTools/1', { name: 'lookup', toolDefinition: { name: 'l', description: 'd', inputSchema: { type: 'object' } }, compute: { host: 'AgentCoreRuntime', implementation: { language: 'Python', path: 'p', handler: 'h' } } }]],
  ['project-full', ['policyEngines/0/policies/1/name', 'AllowRead']],
  ['project-full', ['policyEngines/0/description', '']],
  ['project-full', ['policyEngines/0/policies/0/enforcementMode', 'ENFORCE']],
  ['project-full', ['policyEngines/0/policies/0/statement', '']],
  ['project-full', ['agentCoreGateways/0/policyEngineConfiguration/policyEngineName', 'Missing']],
  ['project-full', ['agentCoreGateways/0/policyEngineConfiguration/mode', 'ACTIVE']],
  ['project-full', ['configBundles/0/components/x', { configuration: [] }]],
  ['project-full', ['configBundles/0/description', '']],
  ['project-full', ['configBundles/0/branchName', 'b'.repeat(129)]],
  ['project-full', ['abTests/0/variants/1/name', 'C']],
  ['project-full', ['abTests/0/variants/1/weight', 51]],
  ['project-full', ['abTests/0/variants/2', { name: 'T1', weight: 1, variantConfiguration: { target: { targetName: 'x' } } }]],
  ['project-full', ['abTests/0/variants/1/variantConfiguration', { target: { targetName: 'x' } }]],
  ['project-full', ['abTests/0/variants/1/variantConfiguration', { target: { targetName: 'x' }, configurationBundle: { bundleArn: 'a', bundleVersion: '1' } }]],
  ['project-full', ['abTests/0/mode', 'target-based']],
  ['project-full', ['abTests/1/mode', DEL]],
  ['project-full', ['abTests/1/gatewayRef', '{{gateway:http-gw}}']],
  ['project-full', ['abTests/1/gatewayRef', '{{gateway:missing}}']],
  ['project-full', ['abTests/1/gatewayRef', '{{gateway:}}']],
  ['project-full', ['abTests/1/gatewayRef', 'gateway:missing']],
  ['project-full', ['abTests/1/variants/0/variantConfiguration/target/targetName', 'missing']],
  ['project-full', ['abTests/0/evaluationConfig', {}]],
  ['project-full', ['abTests/0/evaluationConfig', { onlineEvaluationConfigArn: 'a', perVariantOnlineEvaluationConfig: 5 }]],
  ['project-full', ['abTests/0/evaluationConfig', { onlineEvaluationConfigArn: '', perVariantOnlineEvaluationConfig: [{ treatmentName: 'C', onlineEvaluationConfigArn: 'a' }, { treatmentName: 'T1', onlineEvaluationConfigArn: 'b' }] }]],
  ['project-full', ['abTests/1/evaluationConfig/perVariantOnlineEvaluationConfig/1', DEL]],
  ['project-full', ['abTests/0/gatewayFilter/targetPaths', ['a', 'b']]],
  ['project-full', ['datasets/0/kmsKeyArn', 'arn:aws-cn:kms:cn-north-1:123456789012:key/12345678-1234-1234-1234-123456789012']],
  ['project-full', ['datasets/0/kmsKeyArn', 'arn:aws1:kms:us-east-1:123456789012:key/12345678-1234-1234-1234-123456789012']],
  ['project-full', ['datasets/1', { name: 'GoldenSet', schemaType: 'AGENTCORE_EVALUATION_SIMULATED_V1', config: { managed: { location: 'x' } } }]],
  ['project-full', ['datasets/0/config/managed/location', '']],
  ['project-full', ['capacityProviders/0/operatorRoleArn', 'arn:aws:iam:::role/Operator']],
  ['project-full', ['capacityProviders/0/operatorRoleArn', 'arn:aws:iam::1234:role/Operator']],
  ['project-full', ['capacityProviders/0/computeConfiguration/ec2Configuration/vpcConfiguration/subnets', ['subnet-1234567']]],
  ['project-full', ['capacityProviders/0/computeConfiguration/ec2Configuration/volumes/0/ebsConfiguration/sizeGiB', 65537]],
  ['project-full', ['capacityProviders/0/computeConfiguration/ec2Configuration/volumes/0/ebsConfiguration/kmsKeyId', 'arn:aws:kms:us-east-1:123456789012:key/ABCDEF12-1234-1234-1234-123456789012']],
  ['project-full', ['capacityProviders/0/computeConfiguration/ec2Configuration/lifecycleConfiguration/idleInstanceTimeout', 1209601]],
  ['project-full', ['capacityProviders/0/computeConfiguration/ec2Configuration/launchTemplateSource/launchParameters/operatingSystem', 'WINDOWS']],
  ['project-full', ['capacityProviders/0/computeConfiguration/ec2Configuration/launchTemplateSource/extra', 1]],
  ['project-full', ['capacityProviders/1', { name: 'GpuPool', computeConfiguration: { ec2Configuration: { launchTemplateSource: { launchParameters: { operatingSystem: 'LINUX_ARM64', instanceRequirements: { allowedInstanceTypes: ['a'] } } }, vpcConfiguration: { subnets: ['subnet-abcdefgh'], securityGroups: ['sg-abcdefgh'] } } } }]],
  ['project-full', ['payments/0/connectors/0/provider', 'StripePrivy']],
  ['project-full', ['payments/0/connectors/0/credentialName', 'coinbase-cred']],
  ['project-full', ['payments/0/connectors/1/credentialName', DEL]],
  ['project-full', ['payments/0/connectors/1/provisionMode', DEL]],
  ['project-full', ['payments/0/connectors/1/provider', DEL], ['payments/0/connectors/1/provisionMode', DEL]],
  ['project-full', ['payments/0/connectors/1/credentialName', 'petstore-api-key']],
  ['project-full', ['payments/0/connectors/1/credentialName', 'missing']],
  ['project-full', ['payments/0/connectors/2', { name: 'c3', provider: 'StripePrivy', credentialName: 'coinbase-cred' }]],
  ['project-full', ['payments/0/name', 'Pay_1']],
  ['project-full', ['payments/0/defaultSpendLimit', 10]],
  ['project-full', ['payments/1/authorizerConfiguration', DEL]],
  ['project-full', ['payments/0/authorizerConfiguration', { customJWTAuthorizer: { discoveryUrl: 'https://x' } }]],
  ['project-full', ['payments/1/authorizerConfiguration/customJWTAuthorizer/discoveryUrl', 'nope']],
  ['project-full', ['harnesses/1/name', 'Helper']],
  ['project-full', ['harnesses/1/name', 'x'.repeat(41)]],
  ['project-full', ['harnesses/0/path', '']],
  ['harness-full', ['model/topK', 5]],
  ['harness-full', ['model/provider', 'gemini']],
  ['harness-full', ['model/provider', 'gemini'], ['model/apiFormat', DEL], ['model/apiKeyArn', 'k'], ['model/topK', 500]],
  ['harness-full', ['model/provider', 'open_ai'], ['model/apiKeyArn', 'k']],
  ['harness-full', ['model/provider', 'open_ai'], ['model/apiKeyArn', 'k'], ['model/apiFormat', 'chat_completions']],
  ['harness-full', ['model/apiBase', 'https://x']],
  ['harness-full', ['model/temperature', 2.1]],
  ['harness-full', ['model/provider', 'Bedrock']],
  ['harness-full', ['systemPrompt', '   ']],
  ['harness-full', ['systemPrompt', 'prompts/system.md']],
  ['harness-full', ['systemPrompt', ' ./prompt ']],
  ['harness-full', ['systemPrompt', 'read ./prompt.md']],
  ['harness-full', ['systemPrompt', 'SYSTEM.TXT']],
  ['harness-full', ['systemPrompt', 'Be brief.']],
  ['harness-full', ['tools/5', { type: 'remote_mcp', name: 'docs', config: { remoteMcp: { url: 'x' } } }]],
  ['harness-full', ['tools/0/type', 'agentcore_browser']],
  ['harness-full', ['tools/0/config/remoteMcp/url', '']],
  ['harness-full', ['tools/0/config/remoteMcp/url', ''], ['tools/0/config/agentCoreBrowser', {}]],
  ['harness-full', ['tools/1/config', {}]],
  ['harness-full', ['tools/1/config', { agentCoreBrowser: {}, remoteMcp: { url: 'x' } }]],
  ['harness-full', ['tools/1/type', 'remote_mcp']],
  ['harness-full', ['tools/2/config', DEL]],
  ['harness-full', ['tools/3/config', DEL]],
  ['harness-full', ['tools/3/config/agentCoreGateway/credentialProviderName', 'x']],
  ['harness-full', ['tools/3/config/agentCoreGateway/outboundAuth', { oauth: { providerArn: 'p', scopes: [], grantType: 'TOKEN_EXCHANGE' } }]],
  ['harness-full', ['tools/3/config/agentCoreGateway/outboundAuth', { awsIam: { extra: 1 } }]],
  ['harness-full', ['tools/3/config/agentCoreGateway/outboundAuth', { none: {}, awsIam: {} }]],
  ['harness-full', ['tools/3/config/agentCoreGateway/outboundAuth', {}]],
  ['harness-full', ['tools/4/config/inlineFunction/inputSchema', []]],
  ['harness-full', ['tools/4/name', 'fn.1']],
  ['harness-full', ['skills/5', '']],
  ['harness-full', ['skills/5', { s3Uri: 's3:/' }]],
  ['harness-full', ['skills/5', { gitUrl: 'http://github.com/x' }]],
  ['harness-full', ['skills/5', { path: 'x', gitUrl: 'https://github.com/x' }]],
  ['harness-full', ['skills/5', { path: 'x', extra: 1 }]],
  ['harness-full', ['skills/5', { awsSkills: {} }]],
  ['harness-full', ['skills/5', { awsSkills: { paths: [''] } }]],
  ['harness-full', ['skills/5', 5]],
  ['harness-full', ['allowedTools/3', 'a/b/c']],
  ['harness-full', ['allowedTools/3', '**']],
  ['harness-full', ['allowedTools/3', 'x'.repeat(65)]],
  ['harness-full', ['memory', { mode: 'disabled', name: 'x' }]],
  ['harness-full', ['memory', { mode: 'existing' }]],
  ['harness-full', ['memory', {}]],
  ['harness-full', ['memory', []]],
  ['harness-full', ['memory', null]],
  ['harness-full', ['memory', { arn: 'a', retrievalConfig: { topK: 1 } }]],
  ['harness-full', ['memory', { name: 'a', retrievalConfig: {} }]],
  ['harness-full', ['memory', { name: 'a', mode: 'Existing' }]],
  ['harness-full', ['memory/strategies', []]],
  ['harness-full', ['memory/strategies', ['SEMANTIC', 'SEMANTIC', 'SEMANTIC', 'SEMANTIC', 'SEMANTIC']]],
  ['harness-full', ['truncation/strategy', 'none']],
  ['harness-full', ['truncation/strategy', 'sliding_window']],
  ['harness-full', ['truncation/config', { slidingWindow: {}, summarization: {} }]],
  ['harness-full', ['truncation/config', {}]],
  ['harness-full', ['containerUri', '123456789012.dkr.ecr.us-east-1.amazonaws.com/repo']],
  ['harness-full', ['dockerfile', DEL], ['containerUri', '123456789012.dkr.ecr.us-east-1.amazonaws.com/repo'], ['networkConfig/securityGroups', SG(6)]],
  ['harness-full', ['dockerfile', DEL], ['networkConfig/securityGroups', SG(6)]],
  ['harness-full', ['networkConfig/securityGroups', SG(6)]],
  ['harness-full', ['networkMode', 'PUBLIC']],
  ['harness-full', ['networkMode', 'PUBLIC'], ['networkConfig', DEL]],
  ['harness-full', ['networkMode', 'PUBLIC'], ['networkConfig', DEL], ['efsAccessPoints', []]],
  ['harness-full', ['sessionStoragePath', '/mnt/efs/']],
  ['harness-full', ['sessionStoragePath', '/mnt/x'], ['s3AccessPoints', [{ accessPointArn: 'arn:aws:s3files:us-east-1:123456789012:file-system/fs-0123456789abcdef0/access-point/fsap-0123456789abcdef0', mountPath: '/mnt/x/' }]]],
  ['harness-full', ['efsAccessPoints/1', { accessPointArn: 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-01234567', mountPath: '/mnt/e2' }], ['efsAccessPoints/2', { accessPointArn: 'arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-01234567', mountPath: '/mnt/e3' }]],
  ['harness-full', ['environmentVariables/' + 'k'.repeat(101), 'v']],
  ['harness-full', ['environmentVariables/K', 'v'.repeat(5001)]],
  ['harness-full', ['authorizerType', 'NONE']],
  ['harness-full', ['authorizerType', DEL]],
  ['harness-full', ['authorizerConfiguration', {}]],
  ['harness-full', ['authorizerConfiguration/customJwtAuthorizer/privateEndpoint/managedVpcResource/securityGroupIds', SG(6)]],
  ['harness-full', ['authorizerConfiguration/customJwtAuthorizer/privateEndpoint/managedVpcResource/routingDomain', 'ab']],
  ['harness-full', ['lifecycleConfig/idleRuntimeSessionTimeout', 7200]],
  ['harness-full', ['name', 'Bad-Name']],
  ['harness-openai', ['model/apiKeyArn', DEL]],
  ['harness-openai', ['model/apiFormat', 'converse_stream']],
  ['harness-openai', ['tools/0/type', 'agentcore_browser']],
  ['harness-openai', ['memory/arn', 'arn:m']],
  ['harness-openai', ['memory/retrievalConfig/relevanceScore', 1.5]],
  ['harness-openai', ['containerUri', 'docker.io/library/python:3']],
  ['harness-openai', ['containerUri', 'public.ecr.aws/a/b:tag@sha256:abc']],
  ['harness-openai', ['dockerfile', 'Dockerfile']],
  ['harness-openai', ['containerUri', `123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:${'\u{1F600}'.repeat(150)}`]],
  ['harness-openai', ['containerUri', `123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:${'\u{1F600}'.repeat(151)}`]],
  ['harness-openai', ['containerUri', `123456789012.dkr.ecr.us-east-1.amazonaws.com/repo:${'\u{1F600}'.repeat(151)}@sha256:x`]],
  ['harness-openai', ['containerUri', `public.ecr.aws/a/b:${'t'.repeat(300)}`]],
  ['harness-openai', ['containerUri', `public.ecr.aws/a/b:${'t'.repeat(301)}`]],
  ['harness-lite', ['truncation/config', { slidingWindow: {} }]],
  ['harness-lite', ['model/provider', 'bedrock']],
  ['harness-lite', ['memory', { mode: 'existing', arn: 'a', name: 'n' }]],
  ['harness-lite', ['memory', { mode: 'existing', arn: 'a', name: 'n', retrievalConfig: { topK: 2 } }]],
  ['targets', ['0/account', 123456789012]],
  ['targets', ['0/region', 'us-east-9']],
  ['targets', ['1/name', 'default']],
  ['targets', ['1/name', 'prod-']],
  ['targets', ['1/name', 'x'.repeat(65)]],
  ['targets', ['1/description', 'd'.repeat(257)]],
  ['targets', ['2', { name: 'extra', account: '000000000000', region: 'us-gov-west-1', note: 'kept?' }]],
  ['state-full', ['targets/staging', {}]],
  ['state-full', ['targets/prod-eu', DEL]],
  ['state-full', ['targets/1bad', {}]],
  ['state-full', ['targets/default/resources/runtimes/Assistant/runtimeVersion', 0]],
  ['state-full', ['targets/default/resources/payments/Payments1/connectors/quick/credentialProviderArn', 'arn:x']],
  ['state-full', ['targets/default/resources/payments/Payments1/connectors/manual_1/credentialProviderArn', DEL]],
  ['state-full', ['targets/default/resources/payments/Payments1/connectors/manual_1/provisionMode', 'MANUAL']],
  ['state-full', ['targets/default/resources/harnesses/Helper/provisioner', 'cdk']],
  ['state-full', ['targets/default/resources/externallyManaged/customJwtAuthorizer/customClaims/0/extra', 1]],
  ['state-full', ['targets/default/resources/knowledgeBases/product-docs/dataSources', DEL]],
  ['state-full', ['targets/default/resources/knowledgeBases/product-docs/sourcesHash', '']],
  ['state-full', ['targets/default/resources/mcp/gateways/tools-gw/targets/weather/targetId', '']],
];

// Edits of the text itself, for what only a JSON parser decides:
// number forms, duplicate members (the later wins), escapes, NUL.
// [base file name, text to find, replacement].
const RAW = [
  ['project-full', '"version": 1', '"version": 1e400'],
  ['project-full', '"version": 1', '"version": 1.0'],
  ['project-full', '"version": 1', '"version": 10e-1'],
  ['project-full', '"version": 1', '"version": 1, "version": 2'],
  ['project-full', '"version": 1', '"version": "x", "version": 1'],
  ['project-full', '"version": 1', '"version": 1, "version": "x"'],
  ['project-full', '"version": 1', '"version": 123456789012345678901234567890'],
  ['project-full', '"version": 1', '"version": -0'],
  ['project-full', '"name": "FixtureProj"', '"name": "Fixture\\u0000Proj"'],
  ['project-full', '"name": "FixtureProj"', '"name": "\\u0046ixtureProj"'],
  ['project-full', '"name": "FixtureProj"', '"name": "FixtureProj\\n"'],
  ['project-full', '"eventExpiryDuration": 30', '"eventExpiryDuration": 3.0000000000000001'],
  ['project-full', '"eventExpiryDuration": 30', '"eventExpiryDuration": 2.9999999999999999'],
  ['project-full', '"eventExpiryDuration": 30', '"eventExpiryDuration": 2.999999999999999'],
  ['project-full', '"eventExpiryDuration": 30', '"eventExpiryDuration": 365.00000000000001'],
  ['project-full', '"samplingRate": 10', '"samplingRate": 1e-400'],
  ['project-full', '"samplingRate": 10', '"samplingRate": 1E2'],
  ['project-full', '"tier": "gold"', '"tier": "\\ud83d"'],
  ['project-full', '"tier": "gold"', '"\\u0061ws:tier": "gold"'],
  ['project-full', '"tier": "gold"', '"tier": "gold", "tier": "\\ud83d\\ude00"'],
  ['project-full', '"entrypoint": "main.py:app"', '"entrypoint": "main.py:app", "entrypoint": 5'],
  ['project-full', '"name": "Assistant"', '"name": "Assistant\\u2028"'],
  ['project-full', '"tier": "gold"', '"tier": "gold", "__proto__": {"x": 1}'],
  ['project-full', '"tier": "gold"', '"__proto__": 5'],
  ['project-full', '"env": "dev"', '"env": "dev", "__proto__": "a", "k1": "v", "k2": "v", "k3": "v", "k4": "v", "k5": "v", "k6": "v", "k7": "v", "k8": "v", "k9": "v", "k10": "v", "k11": "v", "k12": "v", "k13": "v", "k14": "v", "k15": "v", "k16": "v", "k17": "v", "k18": "v", "k19": "v", "k20": "v", "k21": "v", "k22": "v", "k23": "v", "k24": "v", "k25": "v", "k26": "v", "k27": "v", "k28": "v", "k29": "v", "k30": "v", "k31": "v", "k32": "v", "k33": "v", "k34": "v", "k35": "v", "k36": "v", "k37": "v", "k38": "v", "k39": "v", "k40": "v", "k41": "v", "k42": "v", "k43": "v", "k44": "v", "k45": "v", "k46": "v", "k47": "v", "k48": "v", "k49": "v"'],
  ['project-full', '"AGENT_NAME": "builder"', '"AGENT_NAME": "builder", "__proto__": 7'],
  ['project-full', '"name": "FixtureProj"', '"name": "FixtureProj", "__proto__": {}'],
  ['project-full', '"idleRuntimeSessionTimeout": 900', '"idleRuntimeSessionTimeout": 900, "__proto__": {}'],
  ['state-full', '"prod-eu": {}', '"prod-eu": {}, "__proto__": {"resources": 5}'],
  ['harness-full', '"maxIterations": 10', '"maxIterations": 1e1'],
  ['harness-full', '"maxIterations": 10', '"maxIterations": 0.1e2'],
  ['harness-full', '"systemPrompt": "You are a helpful assistant."', '"systemPrompt": "\\ufeff\\u3000 "'],
  ['harness-full', '"systemPrompt": "You are a helpful assistant."', '"systemPrompt": "\\u0085"'],
  ['harness-full', '"systemPrompt": "You are a helpful assistant."', '"systemPrompt": "a.md\\u0085"'],
  ['targets', '"account": "123456789012"', '"account": "12345678901\\u0032"'],
];

function setPath(doc, p, v) {
  const parts = p.split('/').map(s => (/^\d+$/.test(s) ? Number(s) : s));
  let o = doc;
  for (const k of parts.slice(0, -1)) o = o[k];
  const last = parts[parts.length - 1];
  if (v === DEL) {
    if (Array.isArray(o)) o.splice(last, 1);
    else delete o[last];
  } else {
    o[last] = clone(v);
  }
}

// URL-ish strings for the URL parser check: every combination the WHATWG
// parser treats differently (schemes, slashes, userinfo, hosts, ports).
function urlStrings(count) {
  const schemes = ['http', 'https', 'HTTP', 'ws', 'wss', 'ftp', 'file', 'foo', 'mailto', 'urn', 'a+b', 'x.y', '1x', '', 'h ttp', 'javascript', 's3'];
  const seps = [':', '://', ':/', ':///', ':\\\\', '://\\', ':////', ''];
  const hosts = ['example.com', 'a', '', 'a b', 'a%20b', '%41', 'a%zz', 'a%2', '1.2.3.4', '1.2.3.256', '0x7f.1',
    '999999999999', '1.2.3', '1.2.3.4.5', '0x', '0x1g', '08', '09.1', 'a.1', 'a.1b', 'a..b', '.a', 'a.', '[::1]', '[::1',
    '[1:2:3:4:5:6:7:8]', '[1:2:3:4:5:6:7:8:9]', '[::ffff:1.2.3.4]', '[::1.2.3]', '[x]', 'b\u00fccher.de', 'xn--bcher-kva.de',
    'xn--', 'xn--abc', 'a_b', 'a~b', 'a!b', 'a<b', 'a^b', 'a|b', 'a{b', 'A.COM', '\u00e9', '\ud83d\ude00.com', 'a\u0000b',
    'a\u007fb', 'a\u0001b', '0', '4294967295', '4294967296', '1.256', '1.65536', '\uff41\uff42', 'a\u3002b',
    'a\u00adb', '\u0301a', '\u05d0', '%C3%A9', '%FF', 'a\uff0fb', '\ue000', '1.2.3.4.', '0x.1', '.'];
  const users = ['', 'u@', 'u:p@', '@', 'u@v@', ':@', 'a b@'];
  const ports = ['', ':', ':80', ':65535', ':65536', ':0', ':-1', ':8a', ':00080'];
  const paths = ['', '/', '/a b', '/x?y#z', '?q', '#f', '\\x', '/\u00e9'];
  const out = [];
  for (let i = 0; i < count; i++) {
    let u = pick(schemes) + pick(seps) + pick(users) + pick(hosts) + pick(ports) + pick(paths);
    if (rand() < 0.1) u = ' ' + u + '\t';
    out.push(u);
  }
  return out;
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
  SCENARIOS.forEach(([base, ...edits], i) => {
    const b = parsed.find(x => path.basename(x.file) === `${base}.json`);
    if (!b) return;
    const doc = clone(b.doc);
    edits.forEach(([p, v]) => setPath(doc, p, v));
    const file = path.join(outdir, `s${String(i).padStart(3, '0')}-${b.kind}.json`);
    fs.writeFileSync(file, JSON.stringify(doc, null, 1) + '\n');
    lines.push([b.kind, file].concat(b.targets ? [b.targets] : []).join('\t'));
  });
  RAW.forEach(([base, from, to], i) => {
    const b = parsed.find(x => path.basename(x.file) === `${base}.json`);
    const text = b && JSON.stringify(b.doc, null, 1);
    if (!text || !text.includes(from)) throw new Error(`raw edit ${i}: "${from}" not in ${base}`);
    const file = path.join(outdir, `r${String(i).padStart(3, '0')}-${b.kind}.json`);
    fs.writeFileSync(file, text.replace(from, to) + '\n');
    lines.push([b.kind, file].concat(b.targets ? [b.targets] : []).join('\t'));
  });
  fs.writeFileSync(path.join(outdir, 'manifest.tsv'), lines.join('\n') + '\n');
  // One JSON string per line, so any character survives.
  const urls = urlStrings(Math.max(2000, count * 4));
  fs.writeFileSync(path.join(outdir, 'urls.txt'), urls.map(u => JSON.stringify(u)).join('\n') + '\n');
}

main();
