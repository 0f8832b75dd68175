import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { Specboard } from '../../src/core';
import { indexTree, pathIn, removeTrees, writeTree } from './helpers/tree';

async function setup(files: Record<string, string>) {
  const dir = writeTree(files);
  const board = await indexTree(dir);
  const p = (rel: string) => pathIn(dir, rel);
  const rel = (set: ReadonlySet<string>) => [...set].map((x) => x.slice(dir.length + 1)).sort();
  const unknown = (r: string) => board.diagnostics(p(r)).filter((d) => d.code === 'unknown-id').map((d) => d.data?.id);
  return { dir, board, p, rel, unknown };
}

const ids = (board: Specboard) => board.trace().map((r) => r.id);

describe('incremental index', () => {
  after(removeTrees);

  it('adds and removes definitions when a document text is updated', async () => {
    const { board, p } = await setup({ 'prd.md': '## REQ-1 a\n' });
    board.updateText(p('prd.md'), '## REQ-1 a\n## REQ-2 b\n');
    assert.deepEqual(ids(board), ['REQ-1', 'REQ-2']);
    board.updateText(p('prd.md'), '## REQ-2 b\n');
    assert.deepEqual(ids(board), ['REQ-2']);
  });

  it('indexes unsaved editor text for a file not yet on disk', async () => {
    const { board, p } = await setup({ 'prd.md': '## REQ-1 a\n' });
    board.updateText(p('new.md'), '## REQ-9 draft\n');
    assert.equal(board.definition('REQ-9')?.path, p('new.md'));
  });

  it('includes in affected the files whose unknown-id diagnostics change when a definition appears', async () => {
    const { board, p, rel, unknown } = await setup({ 'prd.md': '## REQ-1 a\n', 'use.md': 'REQ-2\n', 'src/a.ts': '// REQ-2\n', 'other.md': 'REQ-1\n' });
    assert.deepEqual(unknown('use.md'), ['REQ-2']);
    const { affected } = board.updateText(p('prd.md'), '## REQ-1 a\n## REQ-2 b\n');
    assert.deepEqual(rel(affected), ['prd.md', 'src/a.ts', 'use.md']);
    assert.deepEqual(unknown('use.md'), []);
    assert.deepEqual(unknown('src/a.ts'), []);
  });

  it('makes references unknown when the defining file is removed', async () => {
    const { board, p, rel, unknown } = await setup({ '.specboard/config.json': '{"prefixes":["REQ"]}', 'prd.md': '## REQ-1 a\n', 'use.md': 'REQ-1\n' });
    const { affected } = board.remove(p('prd.md'));
    assert.deepEqual(rel(affected), ['prd.md', 'use.md']);
    assert.deepEqual(unknown('use.md'), ['REQ-1']);
    assert.deepEqual(board.diagnostics(p('prd.md')), []);
  });

  it('affects every file using a prefix when its last definition disappears and the prefix becomes unknown', async () => {
    const { board, p, rel, unknown } = await setup({ 'defs.md': '## NFR-1 a\n', 'use.md': 'NFR-1 NFR-2\n', 'src/x.py': '# NFR-3\n' });
    assert.deepEqual(unknown('use.md'), ['NFR-2']);
    const { affected } = board.updateText(p('defs.md'), 'nothing left\n');
    assert.deepEqual(rel(affected), ['defs.md', 'src/x.py', 'use.md']);
    assert.deepEqual(board.allDiagnostics(), [], 'NFR is no longer a known prefix');
    board.updateText(p('defs.md'), '## NFR-1 a\n');
    assert.deepEqual(unknown('use.md'), ['NFR-2']);
  });

  it('reports duplicates, and their end, to both files involved', async () => {
    const { board, p, rel } = await setup({ 'a.md': '## REQ-1 a\n', 'b.md': 'text\n' });
    assert.deepEqual(rel(board.updateText(p('b.md'), '## REQ-1 again\n').affected), ['a.md', 'b.md']);
    assert.equal(board.diagnostics(p('a.md'))[0]?.code, 'duplicate-id');
    assert.deepEqual(rel(board.updateText(p('b.md'), 'text\n').affected), ['a.md', 'b.md']);
    assert.deepEqual(board.diagnostics(p('a.md')), []);
  });

  it('treats re-setting identical text as a no-op with an empty affected set', async () => {
    const text = '## REQ-1 a\nSee REQ-2.\n';
    const { board, p } = await setup({ 'prd.md': text });
    assert.equal(board.updateText(p('prd.md'), text).affected.size, 0);
  });

  it('keeps an edit that does not touch definitions local to the edited file', async () => {
    const { board, p, rel } = await setup({ 'prd.md': '## REQ-1 a\nold text\n', 'use.md': 'REQ-1\n' });
    assert.deepEqual(rel(board.updateText(p('prd.md'), '## REQ-1 a\nnew text\n').affected), ['prd.md']);
  });

  it('re-reads a file from disk after it changed', async () => {
    const { board, p, dir } = await setup({ 'prd.md': '## REQ-1 a\n' });
    fs.writeFileSync(`${dir}/prd.md`, '## REQ-5 e\n');
    await board.refreshFromDisk(p('prd.md'));
    assert.deepEqual(ids(board), ['REQ-5']);
  });

  it('ignores updates to paths outside the roots or in excluded folders', async () => {
    const { board, p } = await setup({ 'prd.md': '## REQ-1 a\n' });
    assert.equal(board.updateText(p('node_modules/x/README.md'), '## REQ-7 x\n').affected.size, 0);
    assert.equal(board.updateText('/nowhere/else.md', '## REQ-8 x\n').affected.size, 0);
    assert.deepEqual(ids(board), ['REQ-1']);
  });

  it('proposes the next free ID of a stem, keeping its zero padding', async () => {
    const { board } = await setup({ 'prd.md': '## REQ-CHK-001 a\n## REQ-CHK-004 b\n## REQ-7 c\n## NFR-PERF-07 d\n## NFR-PERF-3 e\n' });
    assert.equal(board.index.nextFreeId('REQ-CHK-'), 'REQ-CHK-005');
    assert.equal(board.index.nextFreeId('REQ-'), 'REQ-8');
    assert.equal(board.index.nextFreeId('NFR-PERF-'), 'NFR-PERF-08');
    assert.equal(board.index.nextFreeId('REQ-PAY-'), 'REQ-PAY-001');
  });

  it('finds the ID at a position: definitions, references and nothing for unknown prefixes', async () => {
    const { board, p } = await setup({ 'prd.md': '## REQ-1 a\n- Traces: BR-2\n', 'brd.md': '## BR-2 b\n', 'note.md': 'See REQ-1, not UTF-8.\n' });
    assert.deepEqual(board.idAt(p('prd.md'), { line: 0, character: 5 }), { id: 'REQ-1', isDefinition: true, range: { start: { line: 0, character: 3 }, end: { line: 0, character: 8 } } });
    assert.equal(board.idAt(p('prd.md'), { line: 1, character: 12 })?.id, 'BR-2');
    const ref = board.idAt(p('note.md'), { line: 0, character: 9 });
    assert.deepEqual([ref?.id, ref?.isDefinition, ref?.range.start.character], ['REQ-1', false, 4]);
    assert.equal(board.idAt(p('note.md'), { line: 0, character: 17 }), undefined);
    assert.equal(board.idAt(p('note.md'), { line: 0, character: 1 }), undefined);
  });

  it('includes files whose unknown-id suggestions change in affected', async () => {
    const { board, p, rel } = await setup({ 'defs.md': '## NFR-1 a\n', 'src/x.py': '# NFR-3\n', 'other.md': 'text\n' });
    const before = board.diagnostics(p('src/x.py'))[0].message;
    const { affected } = board.updateText(p('other.md'), '## NFR-2 b\n');
    assert.notEqual(board.diagnostics(p('src/x.py'))[0].message, before);
    assert.ok(rel(affected).includes('src/x.py'), `affected: ${rel(affected).join(', ')}`);
  });

  it('removes a file that was deleted from disk when it is refreshed', async () => {
    const { board, p, dir } = await setup({ 'prd.md': '## REQ-1 a\n', 'use.md': 'REQ-1\n' });
    fs.unlinkSync(`${dir}/prd.md`);
    await board.refreshFromDisk(p('prd.md'));
    assert.equal(board.file(p('prd.md')), undefined);
    assert.deepEqual(board.diagnostics(p('prd.md')), []);
  });
});
