// lsp-client.js - drives `agentcore-lint --lsp` with a real LSP client:
// the client side of vscode-jsonrpc / vscode-languageserver-protocol
// (npm, installed by test/lsp.sh into .cache/lsp-client).
//
// Opens a project whose gateway has no inbound auth and deploys to a
// production target, sees AC001 at the exact range (UTF-16, and UTF-8
// when negotiated), applies the AC005 quick fix from codeAction, edits
// the file and sees the diagnostics update and clear, runs "fix all"
// through workspace/applyEdit, reads a hover, gets JSON-RPC errors for
// unknown methods, and measures the server's memory over many edits.
//
// usage: node lsp-client.js BIN MODULES_DIR EDITS
'use strict';
const cp = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const [BIN, MODULES, EDITS] = process.argv.slice(2);
// The protocol package re-exports its own vscode-jsonrpc: one copy only.
const proto = require(path.join(MODULES, 'vscode-languageserver-protocol/node'));
const rpc = proto;

let failures = 0;
function check(ok, what) {
    console.log((ok ? 'ok: ' : 'FAIL: ') + what);
    if (!ok) failures++;
}

// A project: 20 tool definitions with semantic search off (AC005, a
// safe fix), a gateway on one line with a non-ASCII name before its
// authorizerType NONE (AC001: error, the target is "prod").
function makeProject() {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'acl-lsp-'));
    fs.mkdirSync(path.join(root, 'agentcore'));
    const tools = [];
    for (let i = 0; i < 20; i++)
        tools.push(`            { "name": "t${i}", "description": "tool ${i}", "inputSchema": { "type": "object" } }`);
    const text = `{
  "name": "Proj",
  "version": 1,
  "managedBy": "CDK",
  "runtimes": [],
  "credentials": [],
  "agentCoreGateways": [
    {
      "name": "tools-gw", "description": "outils é", "authorizerType": "NONE",
      "protocolType": "MCP",
      "targets": [
        {
          "name": "fn",
          "targetType": "lambda",
          "toolDefinitions": [
${tools.join(',\n')}
          ],
          "compute": {
            "host": "Lambda",
            "implementation": { "language": "Python", "path": "app/fn", "handler": "handler.main" },
            "pythonVersion": "PYTHON_3_14"
          }
        }
      ],
      "enableSemanticSearch": false,
      "exceptionLevel": "NONE"
    }
  ],
  "policyEngines": []
}
`;
    fs.writeFileSync(path.join(root, 'agentcore', 'agentcore.json'), text);
    fs.mkdirSync(path.join(root, 'app', 'fn'), { recursive: true });
    fs.writeFileSync(path.join(root, 'app', 'fn', 'handler.py'), 'def main(event, context):\n    return {}\n');
    fs.writeFileSync(path.join(root, 'agentcore', 'aws-targets.json'),
        '[{"name":"prod","account":"123456789012","region":"us-east-1"}]\n');
    return { root: fs.realpathSync(root), text };
}

function start() {
    const child = cp.spawn(BIN, ['--lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const conn = rpc.createMessageConnection(
        new rpc.StreamMessageReader(child.stdout),
        new rpc.StreamMessageWriter(child.stdin));
    const waiters = [];
    const latest = new Map();
    const counts = { published: 0 };
    conn.onNotification(proto.PublishDiagnosticsNotification.type, (p) => {
        counts.published++;
        latest.set(p.uri, p.diagnostics);
        for (const w of waiters.splice(0)) w(p);
    });
    conn.listen();
    return { child, conn, latest, waiters, counts };
}

// The next publishDiagnostics for uri that satisfies pred.
function diagnostics(s, uri, pred, what) {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timeout: ' + what +
            '; last diagnostics: ' + JSON.stringify(s.latest.get(uri)))), 10000);
        const listen = (p) => {
            if (p.uri === uri && pred(p.diagnostics)) {
                clearTimeout(timer);
                resolve(p.diagnostics);
            } else {
                s.waiters.push(listen);
            }
        };
        s.waiters.push(listen);
    });
}

// Applies LSP text edits (ranges in UTF-16 units) to a string.
function offsetOf(text, pos) {
    const lines = text.split('\n');
    let off = 0;
    for (let i = 0; i < pos.line; i++) off += lines[i].length + 1;
    return off + pos.character;
}
function applyEdits(text, edits) {
    const sorted = edits.slice().sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
    for (const e of sorted)
        text = text.slice(0, offsetOf(text, e.range.start)) + e.newText + text.slice(offsetOf(text, e.range.end));
    return text;
}

async function initialize(s, encodings) {
    return s.conn.sendRequest(proto.InitializeRequest.type, {
        processId: process.pid, rootUri: null, workspaceFolders: null,
        capabilities: { general: { positionEncodings: encodings },
                        workspace: { applyEdit: true, workspaceEdit: { documentChanges: true },
                                     didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
}

async function main() {
    const { root, text: original } = makeProject();
    const uri = 'file://' + path.join(root, 'agentcore', 'agentcore.json');
    const s = start();
    let text = original, version = 1;

    const registered = new Promise((resolve) => s.conn.onRequest(proto.RegistrationRequest.type, (p) => {
        resolve(p.registrations);
        return null;
    }));
    const init = await initialize(s, ['utf-16']);
    check(init.capabilities.positionEncoding === 'utf-16', 'UTF-16 positions by default');
    s.conn.sendNotification(proto.InitializedNotification.type, {});

    // The document as an editor holds it; edits go through didChange.
    const change = (t) => {
        text = t;
        s.conn.sendNotification(proto.DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    };
    s.conn.onRequest(proto.ApplyWorkspaceEditRequest.type, (p) => {
        for (const dc of p.edit.documentChanges)
            if (dc.textDocument && dc.textDocument.uri === uri) change(applyEdits(text, dc.edits));
        return { applied: true };
    });

    let diags = diagnostics(s, uri, (d) => d.some((x) => x.code === 'AC001'), 'AC001 after open');
    s.conn.sendNotification(proto.DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'json', version, text } });
    let d = await diags;
    const ac001 = d.find((x) => x.code === 'AC001');
    const line = original.split('\n').findIndex((l) => l.includes('"authorizerType": "NONE"'));
    const col = original.split('\n')[line].indexOf('"NONE"');
    check(ac001.range.start.line === line && ac001.range.start.character === col &&
          ac001.range.end.line === line && ac001.range.end.character === col + 6,
          `AC001 at ${line}:${col}-${col + 6} (got ${JSON.stringify(ac001.range)})`);
    check(ac001.severity === proto.DiagnosticSeverity.Error, 'AC001 is an error for a production target');
    check(/AC001|gateway-no-inbound-auth/.test(ac001.codeDescription.href), 'codeDescription links the rule');

    const hover = await s.conn.sendRequest(proto.HoverRequest.type, {
        textDocument: { uri }, position: ac001.range.start });
    check(hover && /gateway-no-inbound-auth/.test(hover.contents.value), 'hover explains AC001');

    // The AC005 quick fix, as the editor applies it.
    const ac005 = d.find((x) => x.code === 'AC005');
    check(ac005 !== undefined, 'AC005 reported');
    const actions = await s.conn.sendRequest(proto.CodeActionRequest.type, {
        textDocument: { uri }, range: ac005.range, context: { diagnostics: [ac005] } });
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred && /AC005/.test(a.title));
    check(fix !== undefined, 'codeAction offers the AC005 fix, preferred');
    const suggestion = (await s.conn.sendRequest(proto.CodeActionRequest.type, {
        textDocument: { uri }, range: ac001.range, context: { diagnostics: [ac001] } }))
        .find((a) => /AWS_IAM/.test(a.title));
    check(suggestion && !suggestion.isPreferred, 'codeAction offers AC001 AWS_IAM as a suggestion, not preferred');
    diags = diagnostics(s, uri, (x) => !x.some((y) => y.code === 'AC005'), 'AC005 gone');
    const r = await new Promise((resolve) => {
        // The client applies the action's edit, as workspace/applyEdit would.
        const dc = fix.edit.documentChanges[0];
        change(applyEdits(text, dc.edits));
        resolve(true);
    });
    d = await diags;
    check(r && /"enableSemanticSearch": true/.test(text), 'the fix set enableSemanticSearch to true');
    check(d.some((x) => x.code === 'AC001') && !d.some((x) => x.code === 'AC005'),
          'after the fix: AC001 stays, AC005 is gone');

    // Editing: the finding goes, the file's diagnostics clear.
    diags = diagnostics(s, uri, (x) => x.length === 0, 'diagnostics cleared');
    change(text.replace('"authorizerType": "NONE"', '"authorizerType": "AWS_IAM"'));
    d = await diags;
    check(d.length === 0, 'after the edit no diagnostic is left');

    // Fix all, through the server's workspace/applyEdit request.
    diags = diagnostics(s, uri, (x) => x.some((y) => y.code === 'AC005'), 'AC005 back');
    change(text.replace('"enableSemanticSearch": true', '"enableSemanticSearch": false'));
    await diags;
    diags = diagnostics(s, uri, (x) => x.length === 0, 'cleared by fix all');
    await s.conn.sendRequest(proto.ExecuteCommandRequest.type, {
        command: 'agentcore-lint.fixAll', arguments: [uri] });
    d = await diags;
    check(d.length === 0 && /"enableSemanticSearch": true/.test(text), 'fix all went through workspace/applyEdit');

    // A file the lint reads changes on disk: the server asked to hear of
    // it, and lints again. No production target: AC001 is a warning.
    const regs = await registered;
    check(regs.some((g) => g.method === 'workspace/didChangeWatchedFiles' &&
                           g.registerOptions.watchers.some((w) => /agentcore/.test(w.globPattern))),
          'the server registers file watchers');
    change(text.replace('"authorizerType": "AWS_IAM"', '"authorizerType": "NONE"'));
    await diagnostics(s, uri, (x) => x.some((y) => y.code === 'AC001' && y.severity === 1), 'AC001 error again');
    const targets = path.join(root, 'agentcore', 'aws-targets.json');
    fs.writeFileSync(targets, '[{"name":"dev","account":"123456789012","region":"us-east-1"}]\n');
    diags = diagnostics(s, uri, (x) => x.some((y) => y.code === 'AC001' && y.severity === 2), 'AC001 warning');
    s.conn.sendNotification(proto.DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: 'file://' + targets, type: proto.FileChangeType.Changed }] });
    d = await diags;
    check(d.find((x) => x.code === 'AC001').severity === proto.DiagnosticSeverity.Warning,
          'a watched file changed on disk: relinted (AC001 now a warning, no production target)');

    // The config, open and unsaved: a mistake in it is shown where it
    // is; its rule levels apply at once.
    const cfgUri = 'file://' + path.join(root, '.agentcore-lint.json');
    diags = diagnostics(s, cfgUri, (x) => x.length === 1, 'config error');
    s.conn.sendNotification(proto.DidOpenTextDocumentNotification.type, {
        textDocument: { uri: cfgUri, languageId: 'json', version: 1,
                        text: '{\n  "rules": {"AC001": "note"},\n  "bogus": 1\n}\n' } });
    d = await diags;
    check(d[0].range.start.line === 2, `config mistake on its line (${d[0].range.start.line}): ${d[0].message}`);
    diags = diagnostics(s, uri, (x) => x.some((y) => y.code === 'AC001' && y.severity === 3), 'AC001 as a note');
    s.conn.sendNotification(proto.DidChangeTextDocumentNotification.type, {
        textDocument: { uri: cfgUri, version: 2 },
        contentChanges: [{ text: '{\n  "rules": {"AC001": "note"}\n}\n' }] });
    await diags;
    check(s.latest.get(cfgUri).length === 0, 'the unsaved config applies (AC001 a note), its diagnostic cleared');

    // Typing: a burst of edits is linted once the client is quiet.
    const published = s.counts.published;
    for (let i = 0; i < 50; i++)
        change(text.replace(/"description": "tool 1[^"]*"/, `"description": "tool 1 typed ${i}"`));
    await new Promise((resolve) => setTimeout(resolve, 800));
    const lints = s.counts.published - published;
    check(lints >= 1 && lints <= 2, `debounced: 50 quick edits, ${lints} publish`);

    // Errors, not crashes.
    let code = 0;
    try { await s.conn.sendRequest('no/such/method', {}); } catch (e) { code = e.code; }
    check(code === -32601, 'an unknown method gets MethodNotFound');

    // Memory over many edits: each edit followed by a request that
    // needs it linted, so every edit is linted.
    const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${s.child.pid}/status`, 'utf8'))[1]);
    const n = Number(EDITS);
    let early = 0;
    for (let i = 1; i <= n; i++) {
        change(text.replace(/"description": "tool 0[^"]*"/, `"description": "tool 0 v${i}"`));
        await s.conn.sendRequest(proto.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
        if (i === Math.min(1000, n)) early = rss();
    }
    const late = rss();
    console.log(`memory: VmRSS ${early} KiB after ${Math.min(1000, n)} edits and lints, ${late} KiB after ${n}`);
    // Under ASan the quarantine keeps freed memory: leaks show at exit.
    if (process.env.LSP_RSS_CHECK !== '0')
        check(late - early < 8192, `memory stays flat over ${n} edits (+${late - early} KiB)`);

    await s.conn.sendRequest(proto.ShutdownRequest.type);
    const exited = new Promise((resolve) => s.child.on('exit', (c) => resolve(c)));
    s.conn.sendNotification(proto.ExitNotification.type);
    check((await exited) === 0, 'exit after shutdown: status 0');
    s.conn.dispose();

    // UTF-8 when offered: the column counts bytes ("é" is two).
    const s8 = start();
    const init8 = await initialize(s8, ['utf-8', 'utf-16']);
    check(init8.capabilities.positionEncoding === 'utf-8', 'UTF-8 positions when the client offers them');
    s8.conn.sendNotification(proto.InitializedNotification.type, {});
    diags = diagnostics(s8, uri, (x) => x.some((y) => y.code === 'AC001'), 'AC001 in UTF-8');
    s8.conn.sendNotification(proto.DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'json', version: 1, text: original } });
    d = await diags;
    const a8 = d.find((x) => x.code === 'AC001');
    check(a8.range.start.character === col + 1, `UTF-8 column ${col + 1} (got ${a8.range.start.character})`);
    await s8.conn.sendRequest(proto.ShutdownRequest.type);
    s8.conn.sendNotification(proto.ExitNotification.type);
    s8.conn.dispose();

    fs.rmSync(root, { recursive: true, force: true });
    console.log(failures ? `lsp-client: ${failures} failed` : 'lsp-client: all passed');
    process.exit(failures ? 1 : 0);
}

main().catch((e) => { console.log('FAIL: ' + e.message); process.exit(1); });
