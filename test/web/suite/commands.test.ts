import * as vscode from 'vscode';
import { api, closeAll, codeOf, fixture, specDiagnostics, waitFor } from '../../integration/helpers';
import { deepEqual, equal, match, ok } from './assert';

/** Webview tabs by their panel's view type (VS Code may prefix it, e.g. `mainThreadWebview-`). */
function webviewTabs(viewType: string): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

describe('commands in the web host', () => {
  before(api);
  afterEach(closeAll);

  it('New Document writes a PRD from its template (owner TBD: the web has no Git) and indexes it', async () => {
    const specboard = await api();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('specboard.newDocument', { type: 'prd', title: 'Wish list', product: 'Shop', directory: 'docs/shop' });
    ok(uri, 'the command returns the new file');
    try {
      equal(uri.toString(), fixture('docs/shop/prd-wish-list.md').toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      match(text, /^---\ntype: prd\nid: PRD-\S+\ntitle: Wish list\n/);
      match(text, /^owner: TBD$/m);
      await waitFor('the new PRD in the index', async () => {
        await specboard.whenReady();
        return specboard.documents().some((d) => d.uri === uri.toString());
      });
      deepEqual(specboard.diagnostics(uri.toString()).map((d) => d.message), [], 'the template is valid');
    } finally {
      await closeAll();
      await vscode.workspace.fs.delete(uri);
    }
  });

  it('sees files written through vscode.workspace.fs, and their deletion, through the file watcher', async () => {
    const uri = fixture('docs/tmp-broken.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntype: prd\nid: PRD-TMP\n---\n# Tmp\n'));
    await waitFor('diagnostics for the new file', () => specDiagnostics(uri).some((d) => codeOf(d) === 'missing-field'));
    await vscode.workspace.fs.delete(uri);
    await waitFor('its diagnostics to clear after the delete', () => specDiagnostics(uri).length === 0);
  });

  it('opens the board in a webview panel without an error', async () => {
    await vscode.commands.executeCommand('specboard.openBoard');
    await waitFor('the board tab', () => webviewTabs('specboard.board').length === 1);
  });

  it('opens the review preview of a PRD in a webview panel without an error', async () => {
    const uri = fixture('docs/shop/prd-checkout.md');
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('specboard.showPreview', uri);
    await waitFor('the preview tab', () => webviewTabs('specboard.preview').length === 1);
  });
});
