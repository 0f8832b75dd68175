import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, open, specDiagnostics, waitFor } from './helpers';

/**
 * Quick fixes at a diagnostic; polled, since the workbench may answer empty right after a file
 * opens (seconds on a loaded machine). The diagnostic is looked up again on every poll: the one
 * in the Problems panel may still be from text an earlier test edited and reverted (published
 * before the debounced update of the reverted text), so its range is stale until that update.
 */
async function fixesAt(uri: vscode.Uri, find: vscode.Diagnostic | (() => vscode.Diagnostic | undefined)): Promise<vscode.CodeAction[]> {
  return waitFor('quick fixes', async () => {
    const diagnostic = typeof find === 'function' ? find() : find;
    if (!diagnostic) return undefined;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    return actions.length ? actions : undefined;
  }, 15_000);
}

/** The diagnostic's current entry in the Problems panel, for fixesAt to look up on each poll. */
function current(uri: vscode.Uri, code: string, match?: RegExp): () => vscode.Diagnostic | undefined {
  return () => specDiagnostics(uri).find((d) => codeOf(d) === code && (!match || match.test(d.message)));
}

/**
 * Opens a fixture with every pending update applied, so the Problems panel is about to show the
 * diagnostics of its text as it is now, not of an earlier test's edit that closeAll reverted.
 */
async function openSettled(rel: string): Promise<vscode.TextEditor> {
  const editor = await open(rel);
  await (await api()).whenReady();
  return editor;
}

async function diagnostic(uri: vscode.Uri, code: string, match?: RegExp): Promise<vscode.Diagnostic> {
  return waitFor(`${code} diagnostic`, current(uri, code, match));
}

describe('quick fixes', () => {
  before(api);
  afterEach(closeAll);

  it('adds a missing front-matter field with a valid default', async () => {
    const { document: doc } = await openSettled('docs/refunds.prd.md');
    const d = await diagnostic(doc.uri, 'missing-field', /'owner'/);
    const all = await fixesAt(doc.uri, current(doc.uri, 'missing-field', /'owner'/));
    const fix = all.find((a) => /owner/.test(a.title));
    assert.ok(fix?.edit, `fixes offered: ${all.map((a) => a.title).join(' | ')} for ${d.message}`);
    await vscode.workspace.applyEdit(fix.edit);
    assert.match(doc.getText(), /\nowner: TBD\n---/);
    await waitFor('owner diagnostic to clear', () => !specDiagnostics(doc.uri).some((x) => /'owner'/.test(x.message)));
  });

  it('replaces an invalid enum value with each allowed one, the closest first', async () => {
    const { document: doc } = await openSettled('docs/refunds.prd.md');
    const titles = (await fixesAt(doc.uri, current(doc.uri, 'invalid-value'))).map((a) => a.title);
    // Ranked by how close each value (or one of its labels) is spelled to `doing`; ties keep the schema's order.
    assert.deepEqual(titles, ["Change to 'review'", "Change to 'draft'", "Change to 'approved'", "Change to 'obsolete'"]);
  });

  it('inserts a missing required section where the schema puts it', async () => {
    const { document: doc } = await openSettled('docs/refunds.prd.md');
    const fix = (await fixesAt(doc.uri, current(doc.uri, 'missing-section', /Competitive analysis/))).find((a) => /Competitive analysis/.test(a.title));
    assert.ok(fix?.edit);
    await vscode.workspace.applyEdit(fix.edit);
    const text = doc.getText();
    assert.ok(text.indexOf('## Competitive analysis') > text.indexOf('## Target market'), 'after Target market');
    assert.ok(text.indexOf('## Competitive analysis') < text.indexOf('## Features'), 'before Features');
  });

  it('adds a missing requirement attribute under the heading', async () => {
    const { document: doc } = await openSettled('docs/refunds.prd.md');
    const fix = (await fixesAt(doc.uri, current(doc.uri, 'missing-field', /REQ-REF-002/)))[0];
    assert.ok(fix?.edit);
    await vscode.workspace.applyEdit(fix.edit);
    assert.match(doc.getText(), /### REQ-REF-002: Refund to store credit\n- Status: proposed\n- Priority: P2/);
  });

  it('fixes an unknown ID to the closest defined one and renumbers a duplicate', async () => {
    const editor = await open('editor/links.prd.md');
    const doc = editor.document;
    const end = doc.lineAt(doc.lineCount - 1).range.end;
    await editor.edit((b) => b.insert(end, '\nSee REQ-LNK-012.\n\n### REQ-LNK-001: Copy of deep links\n- Priority: P1\n- Status: proposed\n'));
    const unknown = await diagnostic(doc.uri, 'unknown-id');
    const change = await fixesAt(doc.uri, unknown);
    assert.ok(change.some((a) => a.title === 'Change to REQ-LNK-002'), change.map((a) => a.title).join(', '));
    const dup = await waitFor('duplicate on the new heading', () => specDiagnostics(doc.uri).find((x) => codeOf(x) === 'duplicate-id' && x.range.start.line > 40));
    const renumber = (await fixesAt(doc.uri, dup))[0];
    assert.equal(renumber.title, 'Renumber to REQ-LNK-003 (next free)');
    await vscode.workspace.applyEdit(renumber.edit!);
    assert.match(doc.getText(), /### REQ-LNK-003: Copy of deep links/);
  });
});
