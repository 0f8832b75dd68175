import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, open, specDiagnostics, waitFor } from './helpers';

/** Quick fixes at a diagnostic; polled, since the workbench may answer empty right after a file opens (seconds on a loaded machine). */
async function fixesAt(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const request = () => vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return waitFor('quick fixes', async () => {
    const actions = await request();
    return actions.length ? actions : undefined;
  }, 15_000);
}

async function diagnostic(uri: vscode.Uri, code: string, match?: RegExp): Promise<vscode.Diagnostic> {
  return waitFor(`${code} diagnostic`, () => specDiagnostics(uri).find((d) => codeOf(d) === code && (!match || match.test(d.message))));
}

describe('quick fixes', () => {
  before(api);
  afterEach(closeAll);

  it('adds a missing front-matter field with a valid default', async () => {
    const { document: doc } = await open('docs/refunds.prd.md');
    const d = await diagnostic(doc.uri, 'missing-field', /'owner'/);
    const all = await fixesAt(doc.uri, d);
    const fix = all.find((a) => /owner/.test(a.title));
    assert.ok(fix?.edit, `fixes offered: ${all.map((a) => a.title).join(' | ')} for ${d.message}`);
    await vscode.workspace.applyEdit(fix.edit);
    assert.match(doc.getText(), /\nowner: TBD\n---/);
    await waitFor('owner diagnostic to clear', () => !specDiagnostics(doc.uri).some((x) => /'owner'/.test(x.message)));
  });

  it('replaces an invalid enum value with each allowed one, the closest first', async () => {
    const { document: doc } = await open('docs/refunds.prd.md');
    const d = await diagnostic(doc.uri, 'invalid-value');
    const titles = (await fixesAt(doc.uri, d)).map((a) => a.title);
    // Ranked by how close each value (or one of its labels) is spelled to `doing`; ties keep the schema's order.
    assert.deepEqual(titles, ["Change to 'review'", "Change to 'draft'", "Change to 'approved'", "Change to 'obsolete'"]);
  });

  it('inserts a missing required section where the schema puts it', async () => {
    const { document: doc } = await open('docs/refunds.prd.md');
    const d = await diagnostic(doc.uri, 'missing-section', /Competitive analysis/);
    const fix = (await fixesAt(doc.uri, d)).find((a) => /Competitive analysis/.test(a.title));
    assert.ok(fix?.edit);
    await vscode.workspace.applyEdit(fix.edit);
    const text = doc.getText();
    assert.ok(text.indexOf('## Competitive analysis') > text.indexOf('## Target market'), 'after Target market');
    assert.ok(text.indexOf('## Competitive analysis') < text.indexOf('## Features'), 'before Features');
  });

  it('adds a missing requirement attribute under the heading', async () => {
    const { document: doc } = await open('docs/refunds.prd.md');
    const d = await diagnostic(doc.uri, 'missing-field', /REQ-REF-002/);
    const fix = (await fixesAt(doc.uri, d))[0];
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
