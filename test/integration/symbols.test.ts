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

  it('puts one lens on a table of requirements and one on a list, and one per row when asked', async () => {
    // The provider command needs the document loaded; an earlier test's copy may be gone by now.
    const lensesOf = async (rel: string) => {
      const doc = await vscode.workspace.openTextDocument(fixture(rel));
      return (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri))
        .map((l) => `${l.range.start.line}:${l.command?.title}`);
    };
    const table = await lensesOf('board/payments.prd.md');
    assert.ok(table.some((t) => /^23:2 requirements in this table · \d referenced in code$/.test(t)), table.join(' | '));
    assert.ok(!table.some((t) => /^2[56]:/.test(t)), `no lens between the rows: ${table.join(' | ')}`);
    assert.ok(table.some((t) => /^30:References: /.test(t)), 'a one-row table keeps the row\'s own lens');
    const list = await lensesOf('specs/001-upload/spec.md');
    assert.ok(list.some((t) => /^12:\d+ requirements in this list · \d+ referenced in code$/.test(t)), list.join(' | '));

    const settings = vscode.workspace.getConfiguration('specboard');
    await settings.update('codeLens.rows', 'each', vscode.ConfigurationTarget.Global);
    try {
      const each = await lensesOf('board/payments.prd.md');
      assert.ok(each.some((t) => /^25:References: /.test(t)) && each.some((t) => /^26:References: /.test(t)), each.join(' | '));
      await settings.update('codeLens.rows', 'off', vscode.ConfigurationTarget.Global);
      const off = await lensesOf('board/payments.prd.md');
      assert.ok(!off.some((t) => /^2[356]:/.test(t)), off.join(' | '));
    } finally {
      await settings.update('codeLens.rows', undefined, vscode.ConfigurationTarget.Global);
    }
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

  it('keeps a Chinese title in the file name, derives a readable ID and writes Chinese headings', async () => {
    const specboard = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specboard.newDocument', { type: 'prd', title: '会员积分 PRD', directory: 'docs/tmp-new' });
    assert.ok(uri, 'the command returns the new file');
    try {
      assert.equal(decodeURIComponent(uri.path.split('/').pop()!), 'prd-会员积分.md');
      const text = (await vscode.workspace.openTextDocument(uri)).getText();
      assert.match(text, /^---\ntype: prd\nid: PRD-HYJF\ntitle: 会员积分 PRD\n/);
      assert.match(text, /^## .*愿景/m);
      assert.match(text, /^- 状态：已提出$/m, 'values in Chinese too');
      await specboard.whenReady();
      assert.deepEqual(specboard.diagnostics(uri.toString()).map((p) => p.message), [], 'the template is valid, 已提出 included');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    }
  });
});
