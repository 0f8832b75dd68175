import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { HostToBoard } from '../../src/shared/protocol';
import { api, closeAll, fixture, logText, waitFor } from './helpers';

const HEADING = 'board/roadmap.prd.md';
const TABLE = 'board/payments.prd.md';

/** Sends a message to the board through its real handler, as the webview would. */
function send(message: unknown): Thenable<HostToBoard | undefined> {
  return vscode.commands.executeCommand<HostToBoard | undefined>('_specboard.board.message', message);
}

/** Waits until the board's webview has loaded, received a model and drawn it; returns the card count. */
async function boardDrawn(): Promise<number> {
  const state = await waitFor('the board webview to draw its cards', async () => {
    const s = await vscode.commands.executeCommand<{ renderedCards?: number } | undefined>('_specboard.board.state');
    return s?.renderedCards ? s : undefined;
  }, 30_000);
  return state.renderedCards!;
}

interface Sent {
  readonly models: number;
  readonly patches: number;
  readonly lastPatch: readonly string[];
}

/** What the board sent its webview so far, once nothing new has been sent for a while (later than the board's 150 ms delay). */
async function sentWhenQuiet(): Promise<Sent> {
  const read = async () => (await vscode.commands.executeCommand<{ sent: Sent } | undefined>('_specboard.board.state'))!.sent;
  let last = await read();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 700));
    const now = await read();
    if (now.models === last.models && now.patches === last.patches) return now;
    last = now;
  }
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${doc.uri.path}`);
  return doc.positionAt(at).line;
}

/** Opens a fixture in the active editor and remembers its text so the test can put it back. */
async function editorFor(rel: string): Promise<{ editor: vscode.TextEditor; original: string }> {
  const doc = await vscode.workspace.openTextDocument(fixture(rel));
  const editor = await vscode.window.showTextDocument(doc);
  return { editor, original: doc.getText() };
}

describe('requirements board', function () {
  this.timeout(60_000);
  const originals = new Map<string, Uint8Array>();

  before(async () => {
    await api();
    for (const rel of [HEADING, TABLE]) originals.set(rel, await vscode.workspace.fs.readFile(fixture(rel)));
  });

  beforeEach(async () => {
    // closeAll() between tests closes the board too.
    await vscode.commands.executeCommand('specboard.openBoard');
    await boardDrawn();
  });

  afterEach(async () => {
    // Moves save files that had no unsaved changes: put the fixtures back through their documents
    // (writing the files directly would race the open models), then close everything.
    for (const [rel, bytes] of originals) {
      const doc = await vscode.workspace.openTextDocument(fixture(rel));
      const text = new TextDecoder().decode(bytes);
      if (doc.getText() !== text) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(doc.uri, new vscode.Range(0, 0, doc.lineCount, 0), text);
        await vscode.workspace.applyEdit(edit);
      }
      if (doc.isDirty) await doc.save();
    }
    await closeAll();
    await (await api()).whenReady();
  });

  after(async () => {
    await closeAll();
  });

  it('opens as a webview whose script draws the cards', async () => {
    await waitFor('a board tab', () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('specboard.board')));
    const cards = await boardDrawn();
    assert.ok(cards >= 5, `only ${cards} cards drawn`);
  });

  it('moves a heading-form requirement by editing only its status value, as one edit that undo reverts', async () => {
    const { editor, original } = await editorFor(HEADING);
    const line = lineOf(editor.document, '### REQ-BOARD-001');
    const reply = await send({ type: 'move', id: 'REQ-BOARD-001', path: editor.document.uri.toString(), line, key: 'status', from: 'approved', to: 'in-progress' });
    assert.deepEqual(reply, { type: 'moveResult', id: 'REQ-BOARD-001', ok: true, message: 'Moved REQ-BOARD-001 to In progress.', undoable: true });
    assert.equal(editor.document.getText(), original.replace('- Status: approved', '- Status: in-progress'));
    assert.equal(editor.document.isDirty, false, 'a file without unsaved changes is saved after the move');
    const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(editor.document.uri));
    assert.ok(onDisk.includes('- Status: in-progress'));
    await waitFor('the index to see the new status', async () => (await api()).getRequirement('REQ-BOARD-001')?.status === 'in-progress');

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('sends the webview one patch of the moved card\'s file after a move, not the whole board (and not twice)', async () => {
    const { editor } = await editorFor(HEADING);
    const path = editor.document.uri.toString();
    const before = await sentWhenQuiet();
    const reply = await send({ type: 'move', id: 'REQ-BOARD-001', path, line: lineOf(editor.document, '### REQ-BOARD-001'), key: 'status', from: 'approved', to: 'in-progress' });
    assert.equal(reply?.type === 'moveResult' && reply.ok, true);
    const after = await sentWhenQuiet();
    assert.equal(after.models, before.models, 'no full model: neither from the move nor from the index change it caused');
    assert.equal(after.patches, before.patches + 1, 'one patch');
    assert.deepEqual(after.lastPatch, [path], 'of the moved card\'s file only');
  });

  it('keeps emphasis and enforces transition rules (done only from in-progress)', async () => {
    const { editor, original } = await editorFor(HEADING);
    const path = editor.document.uri.toString();
    const line1 = lineOf(editor.document, '### REQ-BOARD-001');
    const refused = await send({ type: 'move', id: 'REQ-BOARD-001', path, line: line1, key: 'status', from: 'approved', to: 'done' });
    assert.equal(refused?.type === 'moveResult' && refused.ok, false);
    assert.match(refused?.type === 'moveResult' ? refused.message ?? '' : '', /in-progress/);
    assert.equal(editor.document.getText(), original);

    const line2 = lineOf(editor.document, '### REQ-BOARD-002');
    const moved = await send({ type: 'move', id: 'REQ-BOARD-002', path, line: line2, key: 'priority', from: 'P0', to: 'P2' });
    assert.equal(moved?.type === 'moveResult' && moved.ok, true);
    assert.equal(editor.document.getText(), original.replace('- Priority: **P0**', '- Priority: **P2**'));
  });

  it('adds the attribute line to a requirement that has none', async () => {
    const { editor, original } = await editorFor(HEADING);
    const line = lineOf(editor.document, '### REQ-BOARD-003');
    const reply = await send({ type: 'move', id: 'REQ-BOARD-003', path: editor.document.uri.toString(), line, key: 'status', from: null, to: 'proposed' });
    assert.equal(reply?.type === 'moveResult' && reply.ok, true);
    assert.equal(editor.document.getText(), original.replace('### REQ-BOARD-003: No attributes yet\n', '### REQ-BOARD-003: No attributes yet\n\n- Status: proposed\n'));
  });

  it('changes one cell of a table-form requirement and undo restores it', async () => {
    const { editor, original } = await editorFor(TABLE);
    const line = lineOf(editor.document, '| REQ-BTAB-002');
    const reply = await send({ type: 'move', id: 'REQ-BTAB-002', path: editor.document.uri.toString(), line, key: 'status', from: 'proposed', to: 'approved' });
    assert.equal(reply?.type === 'moveResult' && reply.ok, true);
    assert.equal(editor.document.getText(), original.replace('| REQ-BTAB-002 | 原路退款 | P1 | proposed |', '| REQ-BTAB-002 | 原路退款 | P1 | approved |'));
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), original);
  });

  it('refuses a move into a table that has no column for the attribute, and says so', async () => {
    const { editor, original } = await editorFor(TABLE);
    const line = lineOf(editor.document, '| REQ-BTAB-003');
    const reply = await send({ type: 'move', id: 'REQ-BTAB-003', path: editor.document.uri.toString(), line, key: 'status', from: null, to: 'approved' });
    assert.equal(reply?.type === 'moveResult' && reply.ok, false);
    assert.match(reply?.type === 'moveResult' ? reply.message ?? '' : '', /no column/);
    assert.equal(editor.document.getText(), original);
  });

  it('refuses a stale move (the file changed underneath) and leaves the file as it is', async () => {
    const { editor, original } = await editorFor(HEADING);
    const line = lineOf(editor.document, '### REQ-BOARD-001');
    // The board still shows 'proposed', but the file says 'approved'.
    const stale = await send({ type: 'move', id: 'REQ-BOARD-001', path: editor.document.uri.toString(), line, key: 'status', from: 'proposed', to: 'approved' });
    assert.equal(stale?.type === 'moveResult' && stale.ok, false);
    assert.match(stale?.type === 'moveResult' ? stale.message ?? '' : '', /changed/);
    // A line inserted above moves the requirement: the card's line no longer matches.
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), 'A new paragraph.\n\n'));
    const moved = await send({ type: 'move', id: 'REQ-BOARD-001', path: editor.document.uri.toString(), line, key: 'status', from: 'approved', to: 'in-progress' });
    assert.equal(moved?.type === 'moveResult' && moved.ok, false);
    assert.equal(editor.document.getText(), original.replace('### REQ-BOARD-001', 'A new paragraph.\n\n### REQ-BOARD-001'));
  });

  it('refuses as stale a move whose file is edited while the move is under way, and keeps the edit', async () => {
    const { editor, original } = await editorFor(HEADING);
    const line = lineOf(editor.document, '### REQ-BOARD-001');
    const at = lineOf(editor.document, '- Status: approved');
    // Not awaited: the typing reaches the editor before the move's edit does, whether or not the
    // host has seen it when the move reads the file (then VS Code refuses the edit by version).
    const moving = send({ type: 'move', id: 'REQ-BOARD-001', path: editor.document.uri.toString(), line, key: 'status', from: 'approved', to: 'in-progress' });
    const typed = editor.edit((b) => b.replace(new vscode.Range(at, 0, at, editor.document.lineAt(at).text.length), '- Status: done'));
    const [reply, applied] = await Promise.all([moving, typed]);
    assert.equal(applied, true, 'the typing is applied');
    assert.equal(reply?.type === 'moveResult' && reply.ok, false);
    assert.match(reply?.type === 'moveResult' ? reply.message ?? '' : '', /changed in its file since the board was drawn/);
    assert.equal(editor.document.getText(), original.replace('- Status: approved', '- Status: done'));
  });

  it('edits an editor with unsaved changes without clobbering them or saving them', async () => {
    const { editor, original } = await editorFor(HEADING);
    await editor.edit((b) => b.insert(new vscode.Position(editor.document.lineCount - 1, 0), 'Unsaved words.\n'));
    const line = lineOf(editor.document, '### REQ-BOARD-001');
    const reply = await send({ type: 'move', id: 'REQ-BOARD-001', path: editor.document.uri.toString(), line, key: 'owner', from: 'Dana', to: 'Robin' });
    assert.equal(reply?.type === 'moveResult' && reply.ok, true);
    assert.ok(editor.document.isDirty, 'the unsaved change must stay unsaved');
    const text = editor.document.getText();
    assert.ok(text.includes('Unsaved words.') && text.includes('- Owner: Robin'));
    assert.equal(text.replace('Unsaved words.\n', '').replace('- Owner: Robin', '- Owner: Dana'), original);
  });

  it('undoes and redoes board moves from the board itself (Ctrl+Z, the toolbar, the confirmation), saving as a move does', async () => {
    const { editor, original } = await editorFor(HEADING);
    const path = editor.document.uri.toString();
    await send({ type: 'move', id: 'REQ-BOARD-001', path, line: lineOf(editor.document, '### REQ-BOARD-001'), key: 'status', from: 'approved', to: 'in-progress' });
    await send({ type: 'move', id: 'REQ-BOARD-003', path, line: lineOf(editor.document, '### REQ-BOARD-003'), key: 'status', from: null, to: 'proposed' });
    const moved = editor.document.getText();
    assert.deepEqual(await send({ type: 'undo' }), { type: 'notice', ok: true, message: 'Moved REQ-BOARD-003 back to Not set.' });
    assert.equal(editor.document.getText(), original.replace('- Status: approved', '- Status: in-progress'));
    await vscode.commands.executeCommand('specboard.board.undo');
    assert.equal(editor.document.getText(), original);
    assert.equal(editor.document.isDirty, false, 'undo saves a file the move had saved');
    assert.deepEqual(await send({ type: 'undo' }), { type: 'notice', ok: false, message: 'Nothing to undo on the board.' });
    assert.deepEqual(await send({ type: 'redo' }), { type: 'notice', ok: true, message: 'Moved REQ-BOARD-001 to In progress.' });
    await vscode.commands.executeCommand('specboard.board.redo');
    assert.equal(editor.document.getText(), moved);
  });

  it('undoes two moves of one card asked for at once (two quick Ctrl+Z), newest first', async () => {
    const { editor, original } = await editorFor(HEADING);
    const path = editor.document.uri.toString();
    const line = () => lineOf(editor.document, '### REQ-BOARD-001');
    await send({ type: 'move', id: 'REQ-BOARD-001', path, line: line(), key: 'status', from: 'approved', to: 'in-progress' });
    await send({ type: 'move', id: 'REQ-BOARD-001', path, line: line(), key: 'status', from: 'in-progress', to: 'done' });
    assert.ok(editor.document.getText().includes('- Status: done'));
    const replies = await Promise.all([send({ type: 'undo' }), send({ type: 'undo' })]);
    assert.deepEqual(replies, [
      { type: 'notice', ok: true, message: 'Moved REQ-BOARD-001 back to In progress.' },
      { type: 'notice', ok: true, message: 'Moved REQ-BOARD-001 back to Approved.' },
    ]);
    assert.equal(editor.document.getText(), original);
  });

  it('refuses to undo a move whose text was changed since, and leaves the file alone', async () => {
    const { editor } = await editorFor(HEADING);
    const path = editor.document.uri.toString();
    await send({ type: 'move', id: 'REQ-BOARD-001', path, line: lineOf(editor.document, '### REQ-BOARD-001'), key: 'status', from: 'approved', to: 'in-progress' });
    const at = lineOf(editor.document, '- Status: in-progress');
    await editor.edit((b) => b.replace(new vscode.Range(at, 0, at, editor.document.lineAt(at).text.length), '- Status: done'));
    const text = editor.document.getText();
    const reply = await send({ type: 'undo' });
    assert.equal(reply?.type === 'notice' && reply.ok, false);
    assert.match(reply?.type === 'notice' ? reply.message : '', /changed in its file since it was moved/);
    assert.equal(editor.document.getText(), text);
  });

  it('answers a move that throws (its file deleted after the board drew it) with a failed moveResult, and logs why', async () => {
    const uri = fixture('board/doomed.prd.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntype: prd\nid: PRD-DOOM\ntitle: Doomed\n---\n# Doomed\n\n### REQ-DOOM-001: Soon gone\n\n- Status: approved\n'));
    try {
      await waitFor('the index to see the new file', async () => (await api()).getRequirement('REQ-DOOM-001'));
      // Deleted synchronously, then moved at once: the watcher's event cannot arrive in between, so
      // the index still lists the file and the move gets as far as opening it, which throws.
      rmSync(uri.fsPath);
      const reply = await send({ type: 'move', id: 'REQ-DOOM-001', path: uri.toString(), line: 7, key: 'status', from: 'approved', to: 'in-progress' });
      assert.equal(reply?.type, 'moveResult');
      assert.equal(reply?.type === 'moveResult' && reply.ok, false, 'the card is told the move failed, so it stops waiting');
      const message = reply?.type === 'moveResult' ? reply.message ?? '' : '';
      assert.match(message, /^Could not move REQ-DOOM-001: .*doomed\.prd\.md/, 'the reason names the file');
      const log = await waitFor('the failure in the Specboard log', async () => {
        const text = await logText();
        return text.includes('Could not move REQ-DOOM-001') ? text : undefined;
      });
      const entry = log.slice(log.indexOf('Could not move REQ-DOOM-001'));
      assert.match(entry, /^Could not move REQ-DOOM-001: [^\n]+\n[\s\S]*?\n\s+at /, 'logged with its stack');
      assert.match(log.slice(0, log.indexOf('Could not move REQ-DOOM-001')), /\[error\] $/, 'at error level');
      await waitFor('the watcher to drop the deleted file', async () => !(await api()).getRequirement('REQ-DOOM-001'));
    } finally {
      rmSync(uri.fsPath, { force: true });
    }
  });

  it('ignores malformed messages', async () => {
    for (const bad of [null, 'move', { type: 'move' }, { type: 'move', id: 'not an id', path: 'x', line: 0, key: 'status', from: null, to: 'done' },
      { type: 'move', id: 'REQ-BOARD-001', path: 'x', line: -1, key: 'status', from: null, to: 'done' },
      { type: 'move', id: 'REQ-BOARD-001', path: 'x', line: 0, key: 'title', from: null, to: 'done' },
      { type: 'move', id: 'REQ-BOARD-001', path: 'x', line: 0, key: 'status', from: null, to: 'done\nOwner: x' }]) {
      assert.equal(await send(bad), undefined, JSON.stringify(bad));
    }
  });
});
