import * as assert from 'node:assert/strict';
import type { DiagnosticCode, Severity } from '../../src/core';
import { designDoc, prd } from './helpers/docs';
import { indexTree, removeTrees, writeTree } from './helpers/tree';

/** One input per stable code, with the severity it must carry. */
const CASES: [DiagnosticCode, Severity, Record<string, string | Buffer>][] = [
  ['frontmatter-syntax', 'error', { 'a.md': '---\ntype: [prd\n---\n' }],
  ['frontmatter-syntax', 'warning', { 'a.md': '---\n---\n' }],
  ['unknown-type', 'error', { 'a.md': designDoc('', { type: 'story' }) }],
  ['missing-field', 'error', { 'a.md': prd('', { owner: undefined }) }],
  ['invalid-value', 'error', { 'a.md': prd('', { stage: 'beta' }) }],
  ['missing-section', 'error', { 'a.md': prd().replace('## Use cases', '## Misc') }],
  ['missing-section', 'warning', { 'a.md': prd().replace('## Sales and support requirements', '## Misc') }],
  ['duplicate-id', 'error', { 'a.md': '## REQ-1 a\n', 'b.md': '## REQ-1 b\n' }],
  ['unknown-id', 'error', { 'a.md': '## REQ-1 a\n', 'b.md': 'REQ-2\n' }],
  ['unknown-id', 'warning', { 'a.md': '## REQ-1 a\n', 'b.ts': '// REQ-2\n' }],
  ['config-error', 'error', { '.specboard/config.json': '{"exclude": "x"}' }],
  ['file-skipped', 'warning', { 'a.md': Buffer.from([0, 0]) }],
];

describe('diagnostic codes', () => {
  after(removeTrees);

  for (const [code, severity, files] of CASES) {
    it(`produces ${code} as ${severity === 'error' ? 'an error' : 'a warning'} for its typical input, and nothing else`, async () => {
      const board = await indexTree(writeTree(files));
      const diags = board.allDiagnostics();
      assert.ok(diags.length > 0);
      for (const d of diags) assert.deepEqual([d.code, d.severity], [code, severity], d.message);
    });
  }

  it('uses 0-based ranges whose end is not before their start, inside the file', async () => {
    const dir = writeTree({
      'prd.md': prd('### REQ-1 A\n- Priority: P7\n', { status: 'x' }).replace('## Vision', '## V'),
      'b.md': '---\ntitle: a: b\ntype: prd\n---\nREQ-9\n',
      'c.md': '## REQ-1 dup\n',
    });
    const board = await indexTree(dir);
    const diags = board.allDiagnostics();
    assert.ok(diags.length >= 6);
    for (const d of diags) {
      const { start, end } = d.range;
      assert.ok(start.line >= 0 && start.character >= 0, d.message);
      assert.ok(end.line > start.line || (end.line === start.line && end.character >= start.character), d.message);
      assert.ok(d.path.startsWith(`${dir}/`));
    }
  });

  it('gives machine-readable data for quick fixes: the field, the allowed values and a default', async () => {
    const board = await indexTree(writeTree({ 'a.md': designDoc('', { stage: 'beta', owner: undefined }) }));
    const byCode = new Map(board.allDiagnostics().filter((d) => d.severity === 'error').map((d) => [d.code, d.data]));
    const allowed = ['concept', 'productization', 'development', 'commercialization', 'market', 'retired'];
    const { suggestions, ...rest } = byCode.get('invalid-value') as { suggestions: string[] };
    assert.deepEqual(rest, { field: 'stage', value: 'beta', allowed });
    assert.deepEqual([...suggestions].sort(), [...allowed].sort(), 'suggestions rank every allowed value');
    assert.deepEqual(byCode.get('missing-field'), { field: 'owner', value: 'TBD' });
  });

  it('ranks suggestions by closeness, Chinese labels included', async () => {
    const board = await indexTree(writeTree({ 'a.md': designDoc('', { stage: '技术' }) }));
    const data = board.allDiagnostics().find((d) => d.code === 'invalid-value')?.data as { suggestions: string[] };
    assert.equal(data.suggestions[0], 'development');
  });

  it('suggests the document type default for a missing id', async () => {
    const board = await indexTree(writeTree({ 'a.md': prd('', { id: undefined }) }));
    assert.deepEqual(board.allDiagnostics().map((d) => d.data), [{ field: 'id', value: 'PRD-NEW' }]);
  });
});
