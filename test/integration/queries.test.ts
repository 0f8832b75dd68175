import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SpecboardApi } from '../../src/extension/api';
import { api, closeAll, codeOf, fixture, positionOf, specDiagnostics, waitFor } from './helpers';

/**
 * Issue 12, one-way data flow: hover, links, code actions, symbols and rename read the document's
 * current text; only the debounced update writes the index (and so the Problems panel, trees and
 * board). A debounce long enough that every query below runs while the update still waits.
 */
const DEBOUNCE_MS = 15_000;

const TEXT = [
  '---', 'type: prd', 'id: PRD-QRY', 'title: Queries', '---', '# Queries', '', '## Features', '',
  '### REQ-QRY-1: First', '- Priority: P1', '', 'See REQ-QRY-1 and REQ-QRY-3.', '',
  '### REQ-QRY-3: Third', '- Priority: P2', '',
].join('\n');

describe('queries read the document and leave the index to the debounced update', () => {
  let specboard: SpecboardApi;
  let folder: vscode.Uri;
  const settings = () => vscode.workspace.getConfiguration('specboard');

  before(async () => {
    specboard = await api();
    await settings().update('validation.debounce', DEBOUNCE_MS, vscode.ConfigurationTarget.Global);
    folder = fixture(`tmp-queries-${Date.now()}`);
  });
  after(async () => {
    await closeAll();
    await settings().update('validation.debounce', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
  });

  it('answers from text typed a moment ago while the index, the Problems panel and every view wait', async function () {
    this.timeout(DEBOUNCE_MS * 4);
    const uri = vscode.Uri.joinPath(folder, 'typed.prd.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(TEXT));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the document indexed from disk', () => specboard.getRequirement('REQ-QRY-3'));
    await waitFor('the saved state in the Problems panel', () => specDiagnostics(uri).length === specboard.diagnostics(uri.toString()).length || undefined);
    // Other extensions (Markdown's link checks) may publish for the file too: watch Specboard's own.
    const shown = () => JSON.stringify(specDiagnostics(uri).map((d) => [codeOf(d), d.range.start.line, d.message]));
    const saved = shown();
    const changes: string[] = [];
    const listening = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString()) && shown() !== saved) changes.push(shown());
    });
    try {
      // Two lines above everything (so every old position is stale) and a new requirement with a bad priority.
      assert.ok(await editor.edit((e) => {
        e.insert(new vscode.Position(6, 0), 'Intro typed just now.\nAnother line.\n');
        e.insert(editor.document.lineAt(editor.document.lineCount - 1).range.end, '\n### REQ-QRY-2: Typed\n- Priority: P9\n');
      }));
      const doc = editor.document;
      // After each query: nothing reached the index or the Problems panel, the update still waits.
      const untouched = (after: string) => {
        assert.equal(specboard.getRequirement('REQ-QRY-2'), undefined, `${after}: the index does not have the typed requirement yet`);
        assert.deepEqual(changes, [], `${after}: no Specboard diagnostics were published`);
      };
      const cite = positionOf(doc, 'REQ-QRY-1', 1, 1);

      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
      const citeLink = links.find((l) => l.range.contains(cite));
      assert.ok(citeLink, `a link at the cited ID's new place (line ${cite.line + 1}); links on lines ${links.map((l) => l.range.start.line + 1).join(', ')}`);
      untouched('links');

      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      const names = (list: readonly vscode.DocumentSymbol[]): string[] => list.flatMap((s) => [s.name, ...names(s.children ?? [])]);
      assert.ok(names(symbols).includes('REQ-QRY-2'), `the outline has the requirement typed a moment ago: ${names(symbols).join(', ')}`);
      untouched('symbols');

      const bad = positionOf(doc, 'P9');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(bad, bad.translate(0, 2)));
      assert.ok(actions.some((a) => /P1|P2|P0/.test(a.title)), `a fix for the priority typed a moment ago: ${actions.map((a) => a.title).join(' | ')}`);
      untouched('code actions');

      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, cite);
      assert.ok(hovers.length > 0, 'a hover on the cited ID at its new place');
      untouched('hover');

      const rename = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, cite, 'REQ-QRY-9');
      const here = rename.get(uri);
      assert.equal(here.length, 2, 'the definition and the citation');
      for (const e of here) assert.equal(doc.getText(e.range), 'REQ-QRY-1', `the rename edits the ID at line ${e.range.start.line + 1}, where it is now`);

      await assert.rejects(
        Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', uri, cite, 'REQ-QRY-2')),
        /REQ-QRY-2 is already defined/,
        'the requirement typed a moment ago already takes the new ID',
      );
      untouched('rename');
      assert.ok(!specDiagnostics(uri).some((d) => codeOf(d) === 'invalid-value'), 'the Problems panel still shows the saved state');

      // Then the debounced update writes the index, and the panel follows.
      await waitFor('the debounced update', () => specboard.getRequirement('REQ-QRY-2'), DEBOUNCE_MS * 3);
      await waitFor('the typed priority in the Problems panel', () => specDiagnostics(uri).some((d) => codeOf(d) === 'invalid-value') || undefined);
    } finally {
      listening.dispose();
    }
  });
});
