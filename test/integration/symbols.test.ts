import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, fixture } from './helpers';

describe('symbols, CodeLens and new documents', () => {
  before(api);
  afterEach(closeAll);

  it('outlines a doc with sections and both forms of requirement', async () => {
    const uri = fixture('editor/links.prd.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const specboard = symbols.filter((s) => s.name === 'Links PRD');
    assert.equal(specboard.length >= 1, true, symbols.map((s) => s.name).join(', '));
    const features = specboard[specboard.length - 1].children.find((c) => c.name === 'Features');
    assert.ok(features, 'Features section nests under the title');
    assert.deepEqual(features.children.map((c) => `${c.name}:${c.detail}`), ['REQ-LNK-001:Deep links', 'REQ-LNK-002:分享链接']);
  });

  it('finds requirements by ID or title with Ctrl+T', async () => {
    const byId = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'REQ-LNK-00');
    assert.ok(byId.some((s) => s.name.startsWith('REQ-LNK-001')));
    const byTitle = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '分享');
    assert.ok(byTitle.some((s) => s.name === 'REQ-LNK-002 分享链接'), byTitle.map((s) => s.name).join(', '));
  });

  it('shows reference counts above each requirement', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fixture('editor/links.prd.md'));
    const titles = lenses.map((l) => l.command?.title);
    assert.ok(titles.includes('References: 1 in code · 0 in docs'), titles.join(' | '));
    assert.ok(titles.includes('References: 2 in code · 0 in docs'), titles.join(' | '));
    assert.equal(lenses[0].command?.command, 'specboard.showReferences');
  });

  it('creates a new PRD from its template that passes its own schema', async () => {
    const specboard = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specboard.newDocument', { type: 'prd', title: 'Wish list', path: 'docs/tmp-wishlist.prd.md' });
    assert.ok(uri, 'the command returns the new file');
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.match(doc.getText(), /^---\ntype: prd\nid: PRD-WISH-LIST\n/);
      assert.match(doc.getText(), /## Competitive analysis/);
      await specboard.whenReady();
      const problems = specboard.diagnostics(uri.toString());
      assert.deepEqual(problems.map((p) => p.message), [], 'the template is valid');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
  });
});
