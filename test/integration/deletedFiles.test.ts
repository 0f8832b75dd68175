import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { SpecboardApi } from '../../src/extension/api';
import { api, closeAll, fixture, waitFor } from './helpers';

/**
 * Issue 12: a file deleted right after an edit came back from the document VS Code still holds
 * for a few minutes after its editor closes. Long enough a debounce that the delete always lands
 * while the edit's update is still pending, whichever order the host delivers its events in.
 */
const DEBOUNCE_MS = 2000;

/** Two requirement IDs nothing else in the fixture uses, so a leftover is unmistakable. */
function uniqueIds(): [string, string] {
  const n = Math.floor(Math.random() * 899) + 100;
  return [`REQ-DEAD-${n}`, `REQ-DEAD-${n + 1}`];
}

function prd(id: string): string {
  return `---\ntype: prd\nid: PRD-DEAD\ntitle: Dead\n---\n# Dead\n\n## Features\n### ${id}: Comes back\n- Priority: P1\n`;
}

/** Writes a doc, edits it in an editor (unsaved, so an update is pending), saves and closes it. */
async function editSaveClose(specboard: SpecboardApi, uri: vscode.Uri, id: string, added: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(prd(id)));
  await waitFor(`${id} indexed from disk`, () => specboard.getRequirement(id));
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  assert.ok(await editor.edit((e) => e.insert(end, `\n### ${added}: Typed\n- Priority: P2\n`)));
  assert.ok(editor.document.isDirty, 'the edit is unsaved');
  assert.ok(await editor.document.save());
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
}

/** Fails when any trace of these IDs or this path is left in the index or the diagnostics. */
function leftovers(specboard: SpecboardApi, ids: readonly string[], path: vscode.Uri): string[] {
  const out: string[] = [];
  for (const id of ids) if (specboard.getRequirement(id)) out.push(`${id} is still defined`);
  const prefix = path.toString();
  for (const r of specboard.listRequirements()) if (r.uri === prefix || r.uri.startsWith(`${prefix}/`)) out.push(`${r.id} at ${r.uri}`);
  for (const d of specboard.diagnostics()) {
    if (ids.some((id) => d.message.includes(id)) || d.uri === prefix || d.uri.startsWith(`${prefix}/`)) out.push(`${d.code}: ${d.message}`);
  }
  return out;
}

async function staysGone(specboard: SpecboardApi, ids: readonly string[], path: vscode.Uri): Promise<void> {
  await waitFor('the deleted requirements to leave the index', () => leftovers(specboard, ids, path).length === 0, 5000);
  // The pending update would fire within one debounce interval; give it two.
  await new Promise((r) => setTimeout(r, 2 * DEBOUNCE_MS));
  assert.deepEqual(leftovers(specboard, ids, path), [], 'nothing comes back after the debounce interval');
}

describe('deleted files', () => {
  let specboard: SpecboardApi;
  const settings = () => vscode.workspace.getConfiguration('specboard');

  before(async () => {
    specboard = await api();
    await settings().update('validation.debounce', DEBOUNCE_MS, vscode.ConfigurationTarget.Global);
  });
  after(() => settings().update('validation.debounce', undefined, vscode.ConfigurationTarget.Global));
  afterEach(closeAll);

  it('drops a document deleted outside VS Code right after it was edited, saved and closed, and it stays gone', async () => {
    const folder = fixture(`tmp-deleted-${Date.now()}`);
    const uri = vscode.Uri.joinPath(folder, 'gone.prd.md');
    const [id, added] = uniqueIds();
    try {
      await editSaveClose(specboard, uri, id, added);
      // As git or a terminal deletes: VS Code then keeps the closed editor's document for minutes.
      rmSync(uri.fsPath);
      await staysGone(specboard, [id, added], uri);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('drops every document below a deleted folder, and they stay gone', async () => {
    const folder = fixture(`tmp-deleted-${Date.now()}`);
    const uri = vscode.Uri.joinPath(folder, 'nested', 'gone.prd.md');
    const [id, added] = uniqueIds();
    try {
      await editSaveClose(specboard, uri, id, added);
      await vscode.workspace.fs.delete(folder, { recursive: true });
      await staysGone(specboard, [id, added], folder);
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true }).then(undefined, () => undefined);
    }
  });
});
