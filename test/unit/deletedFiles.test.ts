import * as assert from 'node:assert/strict';
import type { Specboard } from '../../src/core';
import { indexTree, pathIn, removeTrees, writeFile, writeTree } from './helpers/tree';

async function setup(files: Record<string, string>) {
  const dir = writeTree({ '.specboard/config.json': '{"prefixes":["REQ"]}', ...files });
  const board = await indexTree(dir);
  const p = (rel: string) => pathIn(dir, rel);
  const rel = (set: ReadonlySet<string>) => [...set].map((x) => x.slice(dir.length + 1)).sort();
  return { board, p, rel };
}

const ids = (board: Specboard) => board.trace().map((r) => r.id).sort();

describe('deleted files', () => {
  after(removeTrees);

  it('indexes the files of a folder that appeared as one event (copied, moved in, checked out)', async () => {
    const { board, p, rel } = await setup({ 'use.md': 'REQ-7 REQ-8\n' });
    const dir = p('');
    writeFile(dir, 'new/a.md', '## REQ-7 a\n');
    writeFile(dir, 'new/deep/b.md', '## REQ-8 b\n');
    writeFile(dir, 'new/node_modules/x/c.md', '## REQ-9 c\n');
    const { affected } = await board.refreshFromDisk(p('new'));
    assert.deepEqual(ids(board), ['REQ-7', 'REQ-8'], 'what the config reads; never node_modules');
    assert.deepEqual(rel(affected), ['new/a.md', 'new/deep/b.md', 'use.md']);
    assert.deepEqual(rel((await board.refreshFromDisk(p('new/node_modules'))).affected), [], 'an excluded folder reads nothing');
    assert.deepEqual(rel((await board.refreshFromDisk(p('use.md'))).affected), [], 'a file is read as a file');
  });

  it('removeTree drops every file below a deleted folder and nothing beside it', async () => {
    const { board, p, rel } = await setup({
      'gone/a.md': '## REQ-1 a\n', 'gone/deep/b.md': '## REQ-2 b\n', 'gone2/c.md': '## REQ-3 c\n', 'use.md': 'REQ-1 REQ-3\n',
    });
    const { affected } = board.removeTree(p('gone'));
    assert.deepEqual(ids(board), ['REQ-3'], 'gone2/ only shares a name prefix with gone/');
    assert.deepEqual(rel(affected), ['gone/a.md', 'gone/deep/b.md', 'use.md']);
    assert.deepEqual(board.diagnostics(p('use.md')).map((d) => d.data?.id), ['REQ-1']);
  });

  it('removeTree drops a single deleted file, and a path it never indexed changes nothing', async () => {
    const { board, p, rel } = await setup({ 'a.md': '## REQ-1 a\n', 'a.md.bak/b.md': '## REQ-2 b\n' });
    assert.deepEqual(rel(board.removeTree(p('a.md')).affected), ['a.md']);
    assert.deepEqual(ids(board), ['REQ-2']);
    assert.deepEqual(rel(board.removeTree(p('never.png')).affected), []);
  });

  it('drops a disk read that was on its way when the file was deleted', async () => {
    const { board, p } = await setup({ 'a.md': '## REQ-1 a\n' });
    board.updateText(p('a.md'), '## REQ-1 a\n## REQ-2 typed\n');
    // The watcher's read of the saved file started, then the delete arrived before it finished.
    const reading = board.refreshFromDisk(p('a.md'));
    board.removeTree(p('a.md'));
    assert.deepEqual([...(await reading).affected], []);
    assert.deepEqual(ids(board), []);
    assert.equal(board.file(p('a.md')), undefined);
  });

  it('drops a disk read below a folder deleted while it was on its way', async () => {
    const { board, p } = await setup({ 'gone/a.md': '## REQ-1 a\n' });
    board.remove(p('gone/a.md'));
    const reading = board.refreshFromDisk(p('gone/a.md'));
    board.removeTree(p('gone'));
    await reading;
    assert.deepEqual(ids(board), []);
  });

  it('keeps editor text that arrived while an older disk read was on its way', async () => {
    const { board, p } = await setup({ 'a.md': '## REQ-1 a\n' });
    const reading = board.refreshFromDisk(p('a.md'));
    board.updateText(p('a.md'), '## REQ-2 typed\n');
    await reading;
    assert.deepEqual(ids(board), ['REQ-2']);
  });
});
