import * as vscode from 'vscode';
import { api, closeAll, codeOf, fixture, specDiagnostics, waitFor } from '../../integration/helpers';
import type { HostToPreview, PreviewToHost } from '../../../src/shared/protocol';
import { deepEqual, equal, match, ok } from './assert';

/** What `_specboard.preview.state` answers: the last render sent and the webview's report on it. */
interface PreviewState {
  readonly render?: HostToPreview & { type: 'render' };
  readonly report?: PreviewToHost & { type: 'rendered' };
}

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

  it('draws the board in its webview: a card for every requirement definition in the workspace', async () => {
    const specboard = await api();
    await vscode.commands.executeCommand('specboard.openBoard');
    await waitFor('the board tab', () => webviewTabs('specboard.board').length === 1);
    const state = await waitFor('the board webview to draw its cards', async () => {
      const s = await vscode.commands.executeCommand<{ renderedCards?: number } | undefined>('_specboard.board.state');
      return s?.renderedCards ? s : undefined;
    }, 30_000);
    // One card per definition in a document, copies of an ID included (so both are visible).
    equal(state.renderedCards, specboard.documents().reduce((n, d) => n + d.requirementCount, 0));
  });

  it('renders the review preview of a PRD in its webview, with badges and no script', async () => {
    const uri = fixture('docs/shop/prd-checkout.md');
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('specboard.showPreview', uri);
    await waitFor('the preview tab', () => webviewTabs('specboard.preview').length === 1);
    const state = await waitFor('the preview webview to report its render', async () => {
      const s = await vscode.commands.executeCommand<PreviewState | undefined>('_specboard.preview.state');
      return s?.render?.path === uri.toString() && s.report?.version === s.render.version ? s : undefined;
    }, 30_000);
    match(state.render!.html, /<h3 id="REQ-CHK-001" class="sb-req-heading/);
    ok(state.report!.badges > 0, 'the webview DOM holds the status and priority badges');
    deepEqual([state.report!.scripts, state.report!.handlers], [0, 0]);
  });
});
