import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, fixture, open, positionOf } from './helpers';

async function complete(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

const labelOf = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

/** Types `text` at `at` in a fresh line and returns the position after it. */
async function typeAt(editor: vscode.TextEditor, at: vscode.Position, text: string): Promise<vscode.Position> {
  const offset = editor.document.offsetAt(at);
  await editor.edit((b) => b.insert(at, text));
  return editor.document.positionAt(offset + text.length);
}

describe('completion', () => {
  before(api);
  afterEach(closeAll);

  it('offers requirement IDs with title, status, priority and document in a TypeScript comment', async () => {
    const editor = await open('editor/deeplink.ts');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const pos = await typeAt(editor, end, '\n// see REQ-LNK-');
    const items = await complete(editor.document.uri, pos);
    const item = items.find((i) => labelOf(i) === 'REQ-LNK-001');
    assert.ok(item, `REQ-LNK-001 offered, got ${items.map(labelOf).join(', ')}`);
    assert.equal((item.label as vscode.CompletionItemLabel).description, 'Deep links');
    assert.match(String(item.detail), /approved · P1 · PRD-LINKS/);
    assert.ok(items.some((i) => labelOf(i) === 'REQ-LNK-002'));
  });

  it('offers IDs inside a Python string but not in plain code', async () => {
    const editor = await open('editor/share.py');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const inString = await typeAt(editor, end, '\nLABEL = "REQ-LNK');
    const items = await complete(editor.document.uri, inString);
    assert.ok(items.some((i) => labelOf(i) === 'REQ-LNK-002'), 'offered in a string');
    const plain = await typeAt(editor, inString, '"\nx = REQ-LNK');
    const none = await complete(editor.document.uri, plain);
    assert.ok(!none.some((i) => labelOf(i).startsWith('REQ-LNK')), 'not offered in plain code');
  });

  it('filters by Chinese title text typed after the prefix', async () => {
    const editor = await open('editor/links.prd.md');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const pos = await typeAt(editor, end, '\n\nSee REQ-分享');
    const items = await complete(editor.document.uri, pos);
    const ids = items.map(labelOf).filter((l) => l.startsWith('REQ-'));
    assert.deepEqual(ids, ['REQ-LNK-002']);
  });

  it('finds an ID by the pinyin of its title, typed without a Chinese input method', async () => {
    const editor = await open('editor/links.prd.md');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const pos = await typeAt(editor, end, '\n\nSee REQ-fx');
    const items = (await complete(editor.document.uri, pos)).filter((i) => labelOf(i).startsWith('REQ-'));
    assert.deepEqual(items.map(labelOf), ['REQ-LNK-002'], '分享链接 is fen xiang lian jie');
    // VS Code filters what it shows by the filter text against the typed word: it must start with it.
    assert.ok(items[0].filterText?.startsWith('REQ-fx'), items[0].filterText);
    assert.equal(items[0].insertText, 'REQ-LNK-002');
  });

  it('offers the next free ID when starting a requirement heading', async () => {
    const editor = await open('editor/links.prd.md');
    const at = positionOf(editor.document, '## Use cases');
    await editor.edit((b) => b.insert(at, '### \n\n'));
    const items = await complete(editor.document.uri, at.translate(0, 4));
    const next = items.find((i) => labelOf(i) === 'REQ-LNK-003');
    assert.ok(next, `next free ID offered, got ${items.map(labelOf).join(', ')}`);
    assert.match(String((next.label as vscode.CompletionItemLabel).description), /next free/);
  });

  it('offers front-matter keys and enum values from the schema', async () => {
    const editor = await open('editor/links.prd.md');
    const stageLine = positionOf(editor.document, 'stage: productization').line;
    await editor.edit((b) => b.replace(editor.document.lineAt(stageLine).range, 'stage: '));
    const values = await complete(editor.document.uri, new vscode.Position(stageLine, 7));
    assert.deepEqual(values.map(labelOf).filter((l) => /^[a-z]+$/.test(l)).sort(),
      ['commercialization', 'concept', 'development', 'market', 'productization', 'retired']);
    await editor.edit((b) => b.insert(new vscode.Position(stageLine + 1, 0), 'ver\n'));
    const keys = await complete(editor.document.uri, new vscode.Position(stageLine + 1, 3));
    const version = keys.find((i) => labelOf(i) === 'version');
    assert.ok(version, 'optional key offered');
    assert.ok(!keys.some((i) => labelOf(i) === 'owner'), 'keys already present are not offered again');
  });

  it('offers status values with descriptions under a requirement', async () => {
    const editor = await open('editor/links.prd.md');
    const line = positionOf(editor.document, '- Status: approved').line;
    await editor.edit((b) => b.replace(editor.document.lineAt(line).range, '- Status: '));
    const items = await complete(editor.document.uri, new vscode.Position(line, 10));
    const labels = items.map(labelOf);
    for (const s of ['proposed', 'approved', 'in-progress', 'done', 'verified', 'rejected', 'deferred']) assert.ok(labels.includes(s), s);
    const done = items.find((i) => labelOf(i) === 'done')!;
    assert.match(String((done.label as vscode.CompletionItemLabel).description), /Done/);
  });

  it('does not treat UTF-8 as a requirement prefix', async () => {
    const editor = await open('editor/share.py');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const pos = await typeAt(editor, end, '\n# UTF-');
    const items = await complete(fixture('editor/share.py'), pos);
    assert.ok(!items.some((i) => labelOf(i).startsWith('UTF-')));
  });
});
