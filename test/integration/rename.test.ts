import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, fixture, positionOf } from './helpers';

describe('rename', () => {
  before(api);
  afterEach(closeAll);

  it('renames an ID across docs and code as one undoable edit', async () => {
    const specboard = await api();
    const ts = await vscode.workspace.openTextDocument(fixture('editor/deeplink.ts'));
    const prd = await vscode.workspace.openTextDocument(fixture('editor/links.prd.md'));
    const py = await vscode.workspace.openTextDocument(fixture('editor/share.py'));
    const before = [ts.getText(), prd.getText(), py.getText()];
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', py.uri, positionOf(py, 'REQ-LNK-002', 2), 'REQ-LNK-020');
    const files = edit.entries().map(([uri]) => uri.path.slice(uri.path.lastIndexOf('/') + 1)).sort();
    assert.deepEqual(files, ['deeplink.ts', 'links.prd.md', 'share.py']);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(prd.getText(), /\| REQ-LNK-020 \| 分享链接/);
    assert.match(ts.getText(), /"REQ-LNK-020"/);
    assert.match(py.getText(), /# REQ-LNK-020 share link/);
    await specboard.whenReady();
    await vscode.window.showTextDocument(py);
    await vscode.commands.executeCommand('undo');
    assert.deepEqual([ts.getText(), prd.getText(), py.getText()], before, 'one undo restores every file');
  });

  it('refuses a malformed new ID with a clear message', async () => {
    const ts = await vscode.workspace.openTextDocument(fixture('editor/deeplink.ts'));
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', ts.uri, positionOf(ts, 'REQ-LNK-001', 1), 'req lnk')),
      /not a valid requirement ID/,
    );
  });

  it('refuses an ID that is already defined', async () => {
    const ts = await vscode.workspace.openTextDocument(fixture('editor/deeplink.ts'));
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', ts.uri, positionOf(ts, 'REQ-LNK-001', 1), 'REQ-LNK-002')),
      /REQ-LNK-002 is already defined/,
    );
  });
});
