import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToPreview, PreviewToHost } from '../../src/shared/protocol';
import { api, closeAll, fixture, waitFor } from './helpers';

const DOC = 'board/roadmap.prd.md';
const HOSTILE = 'board/hostile.prd.md';

interface PreviewState {
  readonly document: string;
  readonly render?: HostToPreview & { type: 'render' };
  readonly report?: PreviewToHost & { type: 'rendered' };
}

function state(render = false): Thenable<PreviewState | undefined> {
  return vscode.commands.executeCommand<PreviewState | undefined>('_specboard.preview.state', render);
}

/** Opens a doc, opens the preview beside it, and waits until the webview reports the render of that doc. */
async function preview(rel: string): Promise<PreviewState> {
  const doc = await vscode.workspace.openTextDocument(fixture(rel));
  await vscode.window.showTextDocument(doc, vscode.ViewColumn.One);
  await vscode.commands.executeCommand('specboard.showPreview', doc.uri);
  return waitFor(`the preview webview to render ${rel}`, async () => {
    const s = await state();
    return s?.render?.path === doc.uri.toString() && s.report?.version === s.render.version ? s : undefined;
  }, 30_000);
}

describe('document preview', function () {
  this.timeout(60_000);

  before(async () => {
    await api();
  });

  after(async () => {
    await closeAll();
  });

  it('opens beside the editor and renders the header card, badges and ID links', async () => {
    const s = await preview(DOC);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('specboard.preview'));
    assert.ok(tab, 'no preview tab');
    const html = s.render!.html;
    assert.match(html, /<header class="sb-header"/);
    assert.ok(html.includes('Board fixture') && html.includes('Boardwalk') && html.includes('Dana'));
    assert.match(html, /<h3 id="REQ-BOARD-001" class="sb-req-heading/);
    assert.match(html, /sb-status sb-tone-approved" data-status="approved"/);
    assert.match(html, /sb-priority sb-rank-1"[^>]*>P1</);
    assert.match(html, /<a href="#REQ-BOARD-002" class="sb-id" data-sb-id="REQ-BOARD-002">REQ-BOARD-002<\/a>/);
    assert.match(s.render!.aside, /moveCard\.ts/, 'the side panel lists the code reference of REQ-BOARD-001');
    assert.ok(s.report!.badges > 0, 'the webview DOM holds the badges');
    assert.equal(s.report!.scripts, 0);
    assert.equal(s.report!.handlers, 0);
  });

  it('reveals a requirement definition when an ID link is clicked', async () => {
    await preview(DOC);
    await vscode.commands.executeCommand('_specboard.preview.message', { type: 'reveal', id: 'REQ-BOARD-002' });
    const editor = await waitFor('the definition to be revealed', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.toString() === fixture(DOC).toString() && e.document.lineAt(e.selection.start.line).text.startsWith('### REQ-BOARD-002') ? e : undefined;
    });
    assert.equal(editor.document.getText(editor.selection), 'REQ-BOARD-002');
  });

  it('updates while the user types, before saving', async () => {
    await preview(DOC);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture(DOC)), vscode.ViewColumn.One);
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Freshly typed paragraph.\n'));
    await waitFor('the preview to show the new paragraph', async () => (await state())?.render?.html.includes('Freshly typed paragraph.'));
    await closeAll();
  });

  it('renders script tags, event handlers, javascript: links and crafted front matter as inert text', async () => {
    const s = await preview(HOSTILE);
    const html = s.render!.html;
    assert.ok(!/<script/i.test(html), 'a script element');
    assert.ok(!/<(img|iframe|svg)[^>]*\son\w+=/i.test(html) && !/<[a-z]+[^>]*\son\w+\s*=/i.test(html), 'an event handler attribute');
    assert.ok(!/href="\s*(javascript|data|vbscript):/i.test(html), 'a dangerous link');
    assert.ok(!/<iframe/i.test(html), 'an iframe');
    assert.ok(html.includes("&lt;script&gt;window.__pwned = 'block'&lt;/script&gt;"), 'the payload is shown as text');
    assert.ok(!html.includes('tracker.example/pixel.png"'), 'a remote image would be requested');
    // And in the real webview DOM, after the host's HTML was inserted:
    assert.equal(s.report!.scripts, 0, 'script elements in the webview');
    assert.equal(s.report!.handlers, 0, 'inline handlers or javascript: URLs in the webview');
  });

  it('puts badges and ID links into the HTML of VS Code\'s own Markdown preview engine', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument(fixture(DOC));
    // The built-in Markdown extension's own render of a document: its engine with every
    // contributed plugin, parsing with an empty env and naming the document only when rendering.
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc);
    assert.match(html, /sb-status sb-tone-approved/);
    assert.match(html, /<a href="roadmap\.prd\.md#L\d+" class="sb-id" data-sb-id="REQ-BOARD-002"[^>]*>REQ-BOARD-002<\/a>/);
    // Rendering again from the engine's token cache neither loses nor doubles the decorations.
    const again = await vscode.commands.executeCommand<string>('markdown.api.render', doc);
    assert.equal(again, html);
    const plain = await vscode.commands.executeCommand<string>('markdown.api.render', 'See REQ-BOARD-001.');
    assert.ok(!plain.includes('sb-id'), 'Markdown that is not an indexed product doc is left alone');
  });
});
