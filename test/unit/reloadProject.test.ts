import * as assert from 'node:assert/strict';
import { createSpecboard, type Specboard } from '../../src/core';
import { NodeWorkspace } from '../../src/cli/nodeWorkspace';
import { diagnosticsOf, pathIn, removeTrees, writeFile, writeTree } from './helpers/tree';

const CONFIG = '.specboard/config.json';

/**
 * The real file system, except that reads of one file are held (after reading it) until the test
 * lets them go: the moment in the middle of a reload that the editor's queries can hit.
 */
class HeldWorkspace extends NodeWorkspace {
  private release: () => void = () => {};
  private gate: Promise<void> | undefined;
  held = 0;

  constructor(root: string, private readonly heldPath: string) {
    super([root]);
  }

  hold(): void {
    this.gate = new Promise((resolve) => { this.release = resolve; });
  }

  letGo(): void {
    this.gate = undefined;
    this.release();
  }

  override async readFile(p: string): Promise<Uint8Array> {
    const bytes = await super.readFile(p);
    if (p === this.heldPath && this.gate) {
      this.held++;
      await this.gate;
    }
    return bytes;
  }
}

async function heldBoard(files: Record<string, string>, heldRel: string): Promise<{ dir: string; board: Specboard; workspace: HeldWorkspace }> {
  const dir = writeTree(files);
  const workspace = new HeldWorkspace(dir, pathIn(dir, heldRel));
  const board = createSpecboard({ workspace });
  await board.indexAll();
  return { dir, board, workspace };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  assert.ok(condition(), 'timed out');
}

const ids = (board: Specboard) => board.trace().map((r) => r.id);

describe('reloading a folder after its config changed', () => {
  after(removeTrees);

  it('keeps answering from the previous index until the new one is built, then swaps, bad glob reported', async () => {
    const { dir, board, workspace } = await heldBoard({
      [CONFIG]: '{ "include": ["docs/**/*.md"] }', 'docs/a.md': '## REQ-1 A\n', 'docs/b.md': '## REQ-2 B\n', 'notes/c.md': '## REQ-3 C\n',
    }, 'docs/a.md');
    assert.deepEqual(ids(board), ['REQ-1', 'REQ-2']);
    writeFile(dir, CONFIG, '{ "include": ["docs/{a,b", "docs/a.md", "notes/*.md"] }');
    workspace.hold();
    const reloading = board.reloadProject(dir);
    await until(() => workspace.held > 0);
    assert.deepEqual(ids(board), ['REQ-1', 'REQ-2'], 'the folder is not emptied while it is read again');
    assert.deepEqual(diagnosticsOf(board, dir, CONFIG), []);
    workspace.letGo();
    const result = await reloading;
    assert.deepEqual(ids(board), ['REQ-1', 'REQ-3']);
    assert.deepEqual(diagnosticsOf(board, dir, CONFIG).map((d) => d.code), ['config-error']);
    for (const rel of [CONFIG, 'docs/b.md', 'notes/c.md']) assert.ok(result.affected.has(pathIn(dir, rel)), rel);
  });

  it('keeps the text of a file saved while the folder was being read', async () => {
    const { dir, board, workspace } = await heldBoard({
      [CONFIG]: '{}', 'a.md': '## REQ-1 A\n', 'z.md': '## REQ-9 Z\n',
    }, 'z.md');
    writeFile(dir, CONFIG, '{ "prefixes": ["REQ"] }');
    workspace.hold();
    const reloading = board.reloadProject(dir);
    await until(() => workspace.held > 0);
    writeFile(dir, 'a.md', '## REQ-2 A renamed\n');
    await board.refreshFromDisk(pathIn(dir, 'a.md'));
    workspace.letGo();
    const result = await reloading;
    assert.deepEqual(ids(board), ['REQ-2', 'REQ-9']);
    assert.ok(result.affected.has(pathIn(dir, 'a.md')));
  });

  it('leaves the folder to a later reload that overtook it', async () => {
    const { dir, board, workspace } = await heldBoard({
      [CONFIG]: '{}', 'docs/a.md': '## REQ-1 A\n', 'notes/b.md': '## REQ-2 B\n',
    }, 'docs/a.md');
    writeFile(dir, CONFIG, '{ "include": ["docs/*.md"] }');
    workspace.hold();
    const first = board.reloadProject(dir);
    await until(() => workspace.held > 0);
    writeFile(dir, CONFIG, '{ "include": ["notes/*.md"] }');
    const second = board.reloadProject(dir);
    workspace.letGo();
    assert.equal((await first).affected.size, 0);
    assert.ok((await second).affected.size > 0);
    assert.deepEqual(ids(board), ['REQ-2']);
  });

  it('never rejects on a config whose every glob is bad, and reads nothing it names', async () => {
    const dir = writeTree({ [CONFIG]: '{}', 'a.md': '## REQ-1 A\n' });
    const board = createSpecboard({ workspace: new NodeWorkspace([dir]) });
    await board.indexAll();
    writeFile(dir, CONFIG, '{ "include": ["{", "", 3], "exclude": ["]"], "sources": [null], "types": { "[": "prd" } }');
    await board.reloadProject(dir);
    assert.deepEqual(ids(board), []);
    assert.equal(diagnosticsOf(board, dir, CONFIG, 'config-error').length, 6);
  });
});
