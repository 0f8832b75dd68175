import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, codeOf, open, positionOf, specDiagnostics, waitFor } from './helpers';

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

async function complete(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map(labelOf);
}

/** Inserts `text` at the end of the document and returns the position after it. */
async function append(editor: vscode.TextEditor, text: string): Promise<vscode.Position> {
  const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
  const offset = editor.document.offsetAt(end);
  await editor.edit((b) => b.insert(end, text));
  return editor.document.positionAt(offset + text.length);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

describe('rules, suppressions and fix all in the editor', () => {
  before(api);
  afterEach(closeAll);

  it('applies a suppression comment to unsaved text, and fades an unused one', async () => {
    const editor = await open('editor/links.prd.md');
    const doc = editor.document;
    await append(editor, '\nSee REQ-LNK-404.\n');
    await waitFor('unknown-id', () => specDiagnostics(doc.uri).find((d) => codeOf(d) === 'unknown-id'));
    const line = positionOf(doc, 'See REQ-LNK-404.').line;
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), '<!-- specboard-disable-next-line duplicate-id -->\n<!-- specboard-disable-next-line unknown-id -->\n'));
    const unused = await waitFor('REQ-LNK-404 suppressed and the duplicate-id comment unused', () => {
      const list = specDiagnostics(doc.uri);
      return list.some((d) => /REQ-LNK-404/.test(d.message)) ? undefined : list.find((d) => codeOf(d) === 'unused-suppression');
    });
    assert.equal(unused.range.start.line, line, 'the duplicate-id comment (its next line is the other comment)');
    assert.deepEqual(unused.tags, [vscode.DiagnosticTag.Unnecessary]);
  });

  it('runs Fix all as the source.fixAll.specboard code action: safe fixes only, in one undoable edit', async () => {
    const editor = await open('docs/refunds.prd.md');
    const doc = editor.document;
    await append(editor, '\n<!-- specboard-disable-next-line unknown-id -->\nNothing to suppress.\n');
    await waitFor('unused-suppression', () => specDiagnostics(doc.uri).find((d) => codeOf(d) === 'unused-suppression'));
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await waitFor('fix all action', async () => {
      const list = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, whole, 'source.fixAll.specboard');
      return list.find((a) => a.kind?.value === 'source.fixAll.specboard');
    }, 15_000);
    assert.ok(actions.edit);
    await vscode.workspace.applyEdit(actions.edit);
    const text = doc.getText();
    assert.match(text, /\nowner: TBD\n---/, 'the missing owner gets the schema default');
    assert.doesNotMatch(text, /specboard-disable-next-line unknown-id/, 'the unused suppression is gone');
    assert.match(text, /^status: doing$/m, 'an invalid value with no single right answer stays');
    assert.doesNotMatch(text, /## Competitive analysis/, 'a missing section is never added by Fix all');
    await waitFor('owner and unused-suppression diagnostics to clear', () => !specDiagnostics(doc.uri).some((d) => /'owner'/.test(d.message) || codeOf(d) === 'unused-suppression'));
    // Not offered in the light bulb: only when asked for by kind.
    const quick = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0));
    assert.ok(!quick.some((a) => a.kind?.value === 'source.fixAll.specboard'));
  });

  it('completes directive names and rule codes inside a suppression comment', async () => {
    const editor = await open('editor/links.prd.md');
    const doc = editor.document;
    const afterPrefix = await append(editor, '\n<!-- specboard-');
    const kinds = await complete(doc.uri, afterPrefix);
    assert.ok(kinds.includes('specboard-disable-next-line') && kinds.includes('specboard-disable-file'), kinds.join(', '));
    const afterKind = await append(editor, 'disable-next-line unknown-id ');
    const rules = await complete(doc.uri, afterKind);
    assert.ok(rules.includes('missing-section') && rules.includes('duplicate-id'), rules.join(', '));
    assert.ok(!rules.includes('unknown-id'), 'a rule already named is not offered again');
    assert.ok(!rules.includes('config-error'), 'config-error cannot be suppressed');
  });

  it('shows the schema\'s description on a front-matter key and the meaning of a value', async () => {
    const { document: doc } = await open('editor/links.prd.md');
    const keyHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'stage:', 1)));
    assert.match(keyHover, /lifecycle stage/i, keyHover);
    assert.match(keyHover, /productization/);
    const valueLine = doc.lineAt(positionOf(doc, 'type:').line).text;
    const typeValue = positionOf(doc, 'type:', valueLine.indexOf(':') + 2);
    const valueHover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, typeValue));
    assert.match(valueHover, /Product requirements document/, valueHover);
  });
});
