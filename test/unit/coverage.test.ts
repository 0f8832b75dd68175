import * as assert from 'node:assert/strict';
import { buildCoverage, type CoverageModel } from '../../src/core';
import { brd, prd } from './helpers/docs';
import { indexTree, pathIn, removeTrees, writeTree } from './helpers/tree';

const CONFIG = JSON.stringify({ prefixes: ['REQ', 'BR'] });

function req(model: CoverageModel, id: string) {
  const found = model.documents.flatMap((d) => d.requirements).find((r) => r.id === id);
  assert.ok(found, `${id} not in the coverage model`);
  return found;
}

async function model(files: Record<string, string>, include?: (path: string) => boolean) {
  const dir = writeTree({ '.specboard/config.json': CONFIG, ...files });
  return { dir, coverage: buildCoverage(await indexTree(dir), include) };
}

const PRD = prd([
  '### REQ-1: Guest checkout', '- Priority: P0', '- Status: done', '- Traces: BR-1', '',
  '### REQ-2: Saved cards', '- Priority: P1', '- Status: proposed', '- Traces: BR-2, BR-99', '',
  '### REQ-3: Wallets', '- Priority: P1', '- Status: proposed', '',
].join('\n'));
const BRD = brd(['### BR-1: Sell to guests', '- Priority: P0', '', '### BR-2: Keep cards', '- Priority: P1', '', '### BR-3: Loyalty', '- Priority: P2', ''].join('\n'));

describe('coverage model', () => {
  after(removeTrees);

  it('marks a requirement referenced from code as covered, with its code references', async () => {
    const { dir, coverage } = await model({ 'docs/prd.md': PRD, 'src/pay.ts': '// REQ-1: guest flow\nexport const x = 1; // REQ-1\n' });
    const r = req(coverage, 'REQ-1');
    assert.equal(r.state, 'code');
    assert.deepEqual(r.codeReferences.map((c) => [c.path, c.line]), [[pathIn(dir, 'src/pay.ts'), 0], [pathIn(dir, 'src/pay.ts'), 1]]);
  });

  it('marks a requirement only mentioned in other documents as uncovered', async () => {
    const { coverage } = await model({ 'docs/prd.md': PRD, 'docs/notes.md': 'See REQ-3.\n' });
    const r = req(coverage, 'REQ-3');
    assert.equal(r.state, 'none');
    assert.equal(r.docReferences, 1);
    assert.equal(r.codeReferences.length, 0);
  });

  it('covers an upstream requirement through the downstream requirement that code implements (BRD → PRD → code)', async () => {
    const { coverage } = await model({ 'docs/prd.md': PRD, 'docs/brd.md': BRD, 'src/pay.ts': '// REQ-1\n' });
    const br1 = req(coverage, 'BR-1');
    assert.equal(br1.state, 'downstream');
    assert.deepEqual(br1.coveredVia, ['REQ-1']);
    assert.deepEqual(br1.downstream, ['REQ-1']);
    assert.equal(req(coverage, 'BR-2').state, 'none', 'REQ-2 traces to BR-2 but is not implemented');
    assert.equal(req(coverage, 'BR-3').state, 'none');
  });

  it('separates resolved upstream traces from broken ones', async () => {
    const { coverage } = await model({ 'docs/prd.md': PRD, 'docs/brd.md': BRD });
    const r = req(coverage, 'REQ-2');
    assert.deepEqual(r.upstream, ['BR-2']);
    assert.deepEqual(r.brokenTraces, ['BR-99']);
  });

  it('counts per document and for the workspace', async () => {
    const { dir, coverage } = await model({ 'docs/prd.md': PRD, 'docs/brd.md': BRD, 'src/pay.ts': '// REQ-1 REQ-3\n' });
    const prdCoverage = coverage.documents.find((d) => d.path === pathIn(dir, 'docs/prd.md'))!;
    assert.deepEqual(
      { total: prdCoverage.total, covered: prdCoverage.covered, uncovered: prdCoverage.uncovered, traced: prdCoverage.traced, broken: prdCoverage.broken },
      { total: 3, covered: 2, uncovered: 1, traced: 2, broken: 1 },
    );
    assert.equal(prdCoverage.docType, 'prd');
    assert.deepEqual(prdCoverage.requirements.map((r) => r.id), ['REQ-1', 'REQ-2', 'REQ-3'], 'in document order');
    assert.deepEqual([coverage.total, coverage.covered, coverage.uncovered], [6, 3, 3]);
  });

  it('survives trace cycles', async () => {
    const text = prd(['### REQ-1: A', '- Priority: P0', '- Status: done', '- Traces: REQ-2', '',
      '### REQ-2: B', '- Priority: P0', '- Status: done', '- Traces: REQ-1', ''].join('\n'));
    const { coverage } = await model({ 'docs/prd.md': text, 'src/a.ts': '// REQ-1\n' });
    assert.equal(req(coverage, 'REQ-1').state, 'code');
    assert.equal(req(coverage, 'REQ-2').state, 'downstream');
  });

  it('lists only the documents `include` accepts but still follows links into the others', async () => {
    const { dir, coverage } = await model(
      { 'docs/prd.md': PRD, 'docs/brd.md': BRD, 'src/pay.ts': '// REQ-1\n' },
      (p) => p.endsWith('/brd.md'),
    );
    assert.deepEqual(coverage.documents.map((d) => d.path), [pathIn(dir, 'docs/brd.md')]);
    assert.equal(req(coverage, 'BR-1').state, 'downstream');
  });

  it('updates when a code reference is added and removed', async () => {
    const dir = writeTree({ '.specboard/config.json': CONFIG, 'docs/prd.md': PRD });
    const board = await indexTree(dir);
    assert.equal(req(buildCoverage(board), 'REQ-3').state, 'none');
    board.updateText(pathIn(dir, 'src/new.ts'), '// implements REQ-3\n');
    assert.equal(req(buildCoverage(board), 'REQ-3').state, 'code');
    board.remove(pathIn(dir, 'src/new.ts'));
    assert.equal(req(buildCoverage(board), 'REQ-3').state, 'none');
  });
  it('follows every change of the index, though the whole trace is kept between changes', async () => {
    const dir = writeTree({ '.specboard/config.json': CONFIG, 'docs/prd.md': PRD, 'docs/brd.md': BRD });
    const board = await indexTree(dir);
    const first = board.trace();
    assert.notEqual(board.trace(), first, 'each caller gets its own list');
    assert.equal(req(buildCoverage(board), 'REQ-3').state, 'none');
    board.updateText(pathIn(dir, 'src/wallet.ts'), '// REQ-3\n');
    assert.equal(req(buildCoverage(board), 'REQ-3').state, 'code', 'a new code reference');
    board.updateText(pathIn(dir, 'docs/prd.md'), PRD.replace('- Status: proposed\n- Traces: BR-2, BR-99', '- Status: done\n- Traces: BR-2'));
    const rows = board.trace();
    assert.equal(rows.find((r) => r.id === 'REQ-2')?.status, 'done', 'an attribute that defines no new ID');
    assert.deepEqual(rows.find((r) => r.id === 'REQ-2')?.brokenTraces, []);
    board.remove(pathIn(dir, 'src/wallet.ts'));
    assert.equal(req(buildCoverage(board), 'REQ-3').state, 'none', 'the code file deleted');
    assert.deepEqual(board.trace().map((r) => r.id), first.map((r) => r.id));
  });
});
