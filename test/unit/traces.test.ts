import * as assert from 'node:assert/strict';
import type { TraceRequirement } from '../../src/core';
import { brd, prd } from './helpers/docs';
import { diagnosticsOf, indexTree, lineOf, pathIn, removeTrees, textAt, writeTree } from './helpers/tree';

function byId(list: readonly TraceRequirement[]): Map<string, TraceRequirement> {
  return new Map(list.map((r) => [r.id, r]));
}

describe('traceability', () => {
  after(removeTrees);

  const files = {
    'docs/brd.md': brd('### BR-1 Grow revenue\n- Priority: P0\n\n### BR-2 Cut costs\n- Priority: P1\n'),
    'docs/prd.md': prd([
      '### REQ-1 Guest checkout', '- Priority: P0', '- Status: done', '- Traces: BR-1, BR-2', '',
      '### REQ-2 Saved cards', '- Priority: P1', '- Status: proposed', '- Release: 2.1', '- Owner: Bob', '- 追溯: REQ-1、BR-1', '',
      '### REQ-3 Wallets', '- Priority: P2', '- Status: proposed', '- Traces: BR-9', '',
    ].join('\n'), { release: '"2.0"' }),
    'src/checkout.ts': '// REQ-1: guest checkout\nexport function pay() { /* REQ-2 */ }\n',
  };

  it('lists the upstream IDs of each requirement from its traces attribute', async () => {
    const dir = writeTree(files);
    const trace = byId((await indexTree(dir)).trace());
    assert.deepEqual(trace.get('REQ-1')?.traces, ['BR-1', 'BR-2']);
    assert.deepEqual(trace.get('REQ-2')?.traces, ['REQ-1', 'BR-1']);
    assert.deepEqual(trace.get('BR-1')?.traces, []);
  });

  it('computes downstream links from the requirements that trace to each one', async () => {
    const dir = writeTree(files);
    const trace = byId((await indexTree(dir)).trace());
    assert.deepEqual(trace.get('BR-1')?.downstream, ['REQ-1', 'REQ-2']);
    assert.deepEqual(trace.get('BR-2')?.downstream, ['REQ-1']);
    assert.deepEqual(trace.get('REQ-1')?.downstream, ['REQ-2']);
    assert.deepEqual(trace.get('REQ-3')?.downstream, []);
  });

  it('lists traces to IDs nothing defines as broken, and flags them as unknown-id', async () => {
    const dir = writeTree(files);
    const board = await indexTree(dir);
    const trace = byId(board.trace());
    assert.deepEqual(trace.get('REQ-3')?.brokenTraces, ['BR-9']);
    assert.deepEqual(trace.get('REQ-1')?.brokenTraces, []);
    const diags = diagnosticsOf(board, dir, 'docs/prd.md', 'unknown-id');
    assert.deepEqual(diags.map((d) => textAt(dir, 'docs/prd.md', d)), ['BR-9']);
  });

  it('collects doc and code references with their kind, sorted by file and line', async () => {
    const dir = writeTree(files);
    const trace = byId((await indexTree(dir)).trace());
    assert.deepEqual(trace.get('REQ-1')?.references, [
      { path: pathIn(dir, 'docs/prd.md'), line: lineOf(dir, 'docs/prd.md', '- 追溯: REQ-1'), kind: 'doc' },
      { path: pathIn(dir, 'src/checkout.ts'), line: 0, kind: 'code' },
    ]);
    assert.deepEqual(trace.get('REQ-2')?.references.map((r) => [r.path.slice(dir.length + 1), r.line, r.kind]), [['src/checkout.ts', 1, 'code']]);
  });

  it('carries status, priority, owner, doc type and release (falling back to the document release)', async () => {
    const dir = writeTree(files);
    const trace = byId((await indexTree(dir)).trace());
    const r1 = trace.get('REQ-1')!;
    assert.deepEqual([r1.status, r1.priority, r1.docType, r1.docId, r1.release], ['done', 'P0', 'prd', 'PRD-TEST', '2.0']);
    const r2 = trace.get('REQ-2')!;
    assert.deepEqual([r2.release, r2.owner, r2.title], ['2.1', 'Bob', 'Saved cards']);
  });

  it('sorts requirements by ID with numbers in numeric order', async () => {
    const dir = writeTree({ 'a.md': '## REQ-10 a\n## REQ-2 b\n## BR-1 c\n## REQ-1 d\n' });
    assert.deepEqual((await indexTree(dir)).trace().map((r) => r.id), ['BR-1', 'REQ-1', 'REQ-2', 'REQ-10']);
  });

  it('limits the listed requirements to the included paths while still counting references from everywhere', async () => {
    const dir = writeTree(files);
    const board = await indexTree(dir);
    const onlyPrd = board.trace((p) => p.endsWith('/prd.md'));
    assert.deepEqual(onlyPrd.map((r) => r.id), ['REQ-1', 'REQ-2', 'REQ-3']);
    assert.ok(onlyPrd[0].references.some((r) => r.kind === 'code'));
  });
});
