import * as assert from 'node:assert/strict';
import { isRequirementId, scanIds } from '../../src/core';
import { designDoc } from './helpers/docs';
import { diagnosticsOf, indexTree, removeTrees, textAt, writeTree } from './helpers/tree';

describe('requirement IDs', () => {
  after(removeTrees);

  it('accepts upper-case prefixes, optional segments and a final number as IDs', () => {
    for (const id of ['REQ-12', 'BR-003', 'REQ-CHK-001', 'NFR-PERF-7', 'MF-PAY-2', 'A1-B2-3']) assert.ok(isRequirementId(id), id);
  });

  it('rejects lower-case, unnumbered and trailing-letter tokens as IDs', () => {
    for (const id of ['req-12', 'REQ', 'REQ-', 'REQ-12a', 'REQ-CHK', '-12', 'REQ_12', '12-REQ']) assert.ok(!isRequirementId(id), id);
  });

  it('finds ID-shaped tokens only at word boundaries', () => {
    assert.deepEqual(scanIds('see REQ-1, (BR-003) and REQ-CHK-001.').map((m) => m.id), ['REQ-1', 'BR-003', 'REQ-CHK-001']);
    assert.deepEqual(scanIds('xREQ-1 REQ-1x REQ-1_2 foo-REQ-1 my_REQ-1').map((m) => m.id), []);
    assert.deepEqual(scanIds('见REQ-7的说明；NFR-PERF-7、BR-1').map((m) => m.id), ['REQ-7', 'NFR-PERF-7', 'BR-1']);
  });

  it('reports each token with its character offsets in the line', () => {
    assert.deepEqual(scanIds('ab REQ-12 cd'), [{ id: 'REQ-12', start: 3, end: 9 }]);
  });

  it('defines and resolves REQ-12, BR-003, REQ-CHK-001 and NFR-PERF-7 across documents', async () => {
    const dir = writeTree({
      'defs.md': '## REQ-12 a\n## BR-003 b\n## REQ-CHK-001 c\n## NFR-PERF-7 d\n',
      'uses.md': 'Uses REQ-12, BR-003, REQ-CHK-001 and NFR-PERF-7.\n',
    });
    const board = await indexTree(dir);
    assert.deepEqual(board.trace().map((r) => r.id), ['BR-003', 'NFR-PERF-7', 'REQ-12', 'REQ-CHK-001']);
    for (const r of board.trace()) assert.equal(r.references.length, 1, r.id);
    assert.deepEqual(diagnosticsOf(board, dir, 'uses.md'), []);
  });

  it('never treats UTF-8 or SHA-256 as references while their prefix is unknown', async () => {
    const dir = writeTree({
      'doc.md': designDoc('## REQ-1 Encoding\nFiles are UTF-8; signatures use SHA-256 and ISO-8601 dates.\n'),
      'src/sign.ts': '// HMAC SHA-256 over the UTF-8 body\n',
    });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, 'doc.md', 'unknown-id'), []);
    assert.deepEqual(diagnosticsOf(board, dir, 'src/sign.ts'), []);
    assert.equal(board.stats().references, 0);
    assert.equal(board.idAt(`${dir}/src/sign.ts`, { line: 0, character: 10 }), undefined);
  });

  it('treats a prefix listed in config as known even when nothing defines it, so its IDs are unknown-id', async () => {
    const dir = writeTree({
      '.specboard/config.json': '{ "prefixes": ["nfr"] }',
      'doc.md': 'Latency is covered by NFR-9; UTF-8 stays plain text.\n',
    });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, 'doc.md');
    assert.deepEqual(diags.map((d) => [d.code, textAt(dir, 'doc.md', d)]), [['unknown-id', 'NFR-9']]);
    assert.equal(diags[0].data?.id, 'NFR-9');
  });

  it('makes a prefix known as soon as one requirement with it is defined', async () => {
    const dir = writeTree({ 'a.md': '## MR-1 Market need\n', 'b.md': 'See MR-1 and MR-2.\n' });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, 'b.md').map((d) => textAt(dir, 'b.md', d)), ['MR-2']);
  });

  it('does not define UTF-8 from a heading when configured prefixes exclude UTF', async () => {
    const dir = writeTree({
      '.specboard/config.json': '{ "prefixes": ["REQ"] }',
      'doc.md': designDoc('### UTF-8 everywhere\nAll text is UTF-8.\n'),
    });
    const board = await indexTree(dir);
    assert.equal(board.definition('UTF-8'), undefined);
    assert.equal(board.stats().references, 0);
  });
});
