import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'specboard.specboard';

describe('extension activation', () => {
  it('is installed under the id specboard.specboard', () => {
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID), `${EXTENSION_ID} is not loaded in this host`);
  });

  it('activates on a workspace that contains product docs', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('sees the Markdown files of the opened workspace folder', async () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1, 'expected exactly one workspace folder');
    const docs = await vscode.workspace.findFiles('**/*.md');
    assert.ok(docs.length > 0, 'no Markdown files found: the activation event could never fire');
  });
});
