import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, fixture, open, positionOf, specDiagnostics, waitFor } from './helpers';

describe('live diagnostics', () => {
  before(api);
  afterEach(closeAll);

  it('publishes the broken PRD\'s problems with their stable codes', async () => {
    const uri = fixture('docs/refunds.prd.md');
    const list = await waitFor('refunds diagnostics', () => {
      const d = specDiagnostics(uri);
      return d.length >= 4 ? d : undefined;
    });
    const codes = list.map(codeOf).sort();
    assert.deepEqual(codes, ['invalid-value', 'missing-field', 'missing-field', 'missing-section']);
    const status = list.find((d) => codeOf(d) === 'invalid-value')!;
    assert.equal(status.range.start.line, 5, 'points at the status value in the front matter');
    assert.match(status.message, /status 'doing' is not one of draft, review, approved, obsolete/);
    assert.equal(status.severity, vscode.DiagnosticSeverity.Error);
  });

  it('updates as you type on unsaved text and clears when fixed', async () => {
    const editor = await open('docs/refunds.prd.md');
    const doc = editor.document;
    const start = positionOf(doc, 'status: doing', 'status: '.length);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(start, start.translate(0, 'doing'.length)), 'review');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(doc.isDirty, 'the fix is unsaved');
    await waitFor('invalid-value to clear', () => !specDiagnostics(doc.uri).some((d) => codeOf(d) === 'invalid-value'));
    await vscode.commands.executeCommand('undo');
    await waitFor('invalid-value to come back after undo', () => specDiagnostics(doc.uri).some((d) => codeOf(d) === 'invalid-value'));
  });

  it('reports an unknown ID in code when its definition disappears, workspace-wide', async () => {
    const editor = await open('editor/links.prd.md');
    const doc = editor.document;
    const code = fixture('editor/deeplink.ts');
    assert.equal(specDiagnostics(code).length, 0, 'the code reference resolves at first');
    const at = positionOf(doc, 'REQ-LNK-001: Deep links');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(at, at.translate(0, 'REQ-LNK-001'.length)), 'REQ-LNK-009');
    await vscode.workspace.applyEdit(edit);
    const unknown = await waitFor('unknown-id in deeplink.ts', () => specDiagnostics(code).find((d) => codeOf(d) === 'unknown-id'));
    assert.equal(unknown.severity, vscode.DiagnosticSeverity.Warning, 'unknown IDs in code are warnings');
    assert.match(unknown.message, /REQ-LNK-001 is not defined/);
    await vscode.commands.executeCommand('undo');
    await waitFor('the code reference to resolve again', () => specDiagnostics(code).length === 0);
  });

  it('clears a file\'s diagnostics when it is deleted, and reports new files', async () => {
    const uri = fixture('docs/tmp-broken.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('---\ntype: prd\nid: PRD-TMP\n---\n# Tmp\n'));
    await waitFor('diagnostics for the new file', () => specDiagnostics(uri).some((d) => codeOf(d) === 'missing-field'));
    await vscode.workspace.fs.delete(uri);
    await waitFor('diagnostics to clear after delete', () => specDiagnostics(uri).length === 0);
  });

  it('shows a precise error for malformed YAML front matter', async () => {
    const uri = fixture('docs/tmp-yaml.md');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('---\ntype: prd\ntitle: [unclosed\n---\n# Tmp\n'));
    try {
      const d = await waitFor('frontmatter-syntax', () => specDiagnostics(uri).find((x) => codeOf(x) === 'frontmatter-syntax'));
      assert.ok(d.range.start.line >= 1 && d.range.start.line <= 3, `points into the front matter, got line ${d.range.start.line}`);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });
});

describe('configuration changes', () => {
  before(api);

  it('clears diagnostics of files the config excludes, and restores them', async () => {
    const config = fixture('.specboard/config.json');
    const original = await vscode.workspace.fs.readFile(config);
    const refunds = fixture('docs/refunds.prd.md');
    await waitFor('refunds diagnostics', () => specDiagnostics(refunds).length > 0);
    const excluded = JSON.parse(Buffer.from(original).toString()) as Record<string, unknown>;
    excluded.exclude = ['docs/refunds.prd.md'];
    try {
      await vscode.workspace.fs.writeFile(config, Buffer.from(JSON.stringify(excluded, null, 2)));
      await waitFor('excluded file to lose its diagnostics', () => specDiagnostics(refunds).length === 0);
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
    }
    await waitFor('diagnostics to come back', () => specDiagnostics(refunds).length > 0);
  });

  it('reports an invalid config file as one config-error on that file', async () => {
    const config = fixture('.specboard/config.json');
    const original = await vscode.workspace.fs.readFile(config);
    try {
      await vscode.workspace.fs.writeFile(config, Buffer.from('{ "prefixes": ["REQ", }'));
      const d = await waitFor('config-error', () => specDiagnostics(config).find((x) => codeOf(x) === 'config-error'));
      assert.match(d.message, /\.specboard\/config\.json: not valid JSON/);
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
    }
    await waitFor('config-error to clear', () => specDiagnostics(config).length === 0);
  });

  it('shows a bad glob saved in the config as one config-error and keeps the folder indexed, with no unhandled rejection', async () => {
    const config = fixture('.specboard/config.json');
    const original = await vscode.workspace.fs.readFile(config);
    const refunds = fixture('docs/refunds.prd.md');
    const problems = await waitFor('refunds diagnostics', () => specDiagnostics(refunds).length);
    const specboard = await api();
    const requirements = specboard.listRequirements().length;
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on('unhandledRejection', onRejection);
    const broken = JSON.parse(Buffer.from(original).toString()) as Record<string, unknown>;
    broken.include = ['docs/{a,b', '**/*.md'];
    try {
      await vscode.workspace.fs.writeFile(config, Buffer.from(JSON.stringify(broken, null, 2)));
      const d = await waitFor('config-error', () => specDiagnostics(config).find((x) => codeOf(x) === 'config-error'));
      assert.match(d.message, /'include' pattern 'docs\/\{a,b' opens '\{' and never closes it/);
      assert.equal(specDiagnostics(config).length, 1);
      assert.equal(specDiagnostics(refunds).length, problems, 'the other pattern still checks the documents');
      assert.equal(specboard.listRequirements().length, requirements);
    } finally {
      await vscode.workspace.fs.writeFile(config, original);
    }
    await waitFor('config-error to clear', () => specDiagnostics(config).length === 0);
    process.off('unhandledRejection', onRejection);
    assert.deepEqual(rejections, []);
  });
});
