import * as assert from 'node:assert/strict';
import { brd, designDoc, prd } from './helpers/docs';
import { diagnosticsOf, indexTree, removeTrees, textAt, writeTree } from './helpers/tree';

async function check(files: Record<string, string>, rel = 'doc.md') {
  const dir = writeTree(files);
  const board = await indexTree(dir);
  const diags = diagnosticsOf(board, dir, rel);
  return { dir, diags, summary: diags.map((d) => [d.code, d.data?.field, textAt(dir, rel, d)]) };
}

describe('requirement attributes', () => {
  after(removeTrees);

  it('reports a PRD requirement without priority as missing-field at its ID', async () => {
    const { summary, diags } = await check({ 'doc.md': prd('### REQ-1 Pay\n- Status: approved\n') });
    assert.deepEqual(summary, [['missing-field', 'priority', 'REQ-1']]);
    assert.equal(diags[0].severity, 'error');
    assert.equal(diags[0].data?.id, 'REQ-1');
    assert.match(diags[0].message, /REQ-1.*'priority'/);
  });

  it('reports a PRD requirement without status as missing-field at its ID', async () => {
    const { summary } = await check({ 'doc.md': prd('### REQ-1 Pay\n- Priority: P0\n') });
    assert.deepEqual(summary, [['missing-field', 'status', 'REQ-1']]);
  });

  it('reports both fields of a PRD requirement that has no attributes at all', async () => {
    const { summary } = await check({ 'doc.md': prd('### REQ-1 Pay\n\nJust prose.\n') });
    assert.deepEqual(summary, [['missing-field', 'priority', 'REQ-1'], ['missing-field', 'status', 'REQ-1']]);
  });

  it('reports an invalid status as invalid-value at the value, with the allowed statuses', async () => {
    const { summary, diags } = await check({ 'doc.md': prd('### REQ-1 Pay\n- Priority: P0\n- Status: blocked\n') });
    assert.deepEqual(summary, [['invalid-value', 'status', 'blocked']]);
    assert.deepEqual(diags[0].data?.allowed, ['proposed', 'approved', 'in-progress', 'done', 'verified', 'rejected', 'deferred']);
  });

  it('reports an invalid priority as invalid-value at the value', async () => {
    const { summary, diags } = await check({ 'doc.md': prd('### REQ-1 Pay\n- Priority: P9\n- Status: done\n') });
    assert.deepEqual(summary, [['invalid-value', 'priority', 'P9']]);
    assert.deepEqual(diags[0].data?.allowed, ['P0', 'P1', 'P2', 'P3']);
  });

  it('accepts every built-in status and priority', async () => {
    const statuses = ['proposed', 'approved', 'in-progress', 'done', 'verified', 'rejected', 'deferred'];
    const reqs = statuses.map((s, i) => `### REQ-${i + 1} R\n- Priority: P${i % 4}\n- Status: ${s}\n`).join('\n');
    const { diags } = await check({ 'doc.md': prd(reqs) });
    assert.deepEqual(diags, []);
  });

  it('reads a status in any case as the allowed value (Done is done)', async () => {
    const { summary } = await check({ 'doc.md': prd('### REQ-1 Pay\n- Priority: P0\n- Status: Done\n') });
    assert.deepEqual(summary, []);
  });

  it('requires only a priority of BRD requirements', async () => {
    const { summary } = await check({ 'doc.md': brd('### BR-1 Grow\n- Status: approved\n\n### BR-2 Keep\n- Priority: P1\n') });
    assert.deepEqual(summary, [['missing-field', 'priority', 'BR-1']]);
  });

  it('puts no requirement constraints on document types without a requirement schema', async () => {
    const { diags } = await check({ 'doc.md': designDoc('## REQ-1 Layout\n- Priority: whenever\n') });
    assert.deepEqual(diags.filter((d) => d.code !== 'missing-section'), []);
  });

  it('puts no constraints on requirements in Markdown without front matter', async () => {
    const { diags } = await check({ 'doc.md': '## REQ-1 Loose\n- Status: whatever\n' });
    assert.deepEqual(diags, []);
  });

  it('uses statuses and priorities from config instead of the built-in lists', async () => {
    const { summary, diags } = await check({
      '.specboard/config.json': '{ "statuses": ["open", "closed"], "priorities": ["must", "should"] }',
      'doc.md': prd('### REQ-1 A\n- Priority: must\n- Status: open\n\n### REQ-2 B\n- Priority: P0\n- Status: done\n'),
    });
    assert.deepEqual([...summary].sort(), [['invalid-value', 'priority', 'P0'], ['invalid-value', 'status', 'done']]);
    assert.deepEqual(diags.find((d) => d.data?.field === 'status')?.data?.allowed, ['open', 'closed']);
  });

  it('still requires the fields when config replaces their allowed values', async () => {
    const { summary } = await check({
      '.specboard/config.json': '{ "statuses": ["open", "closed"] }',
      'doc.md': prd('### REQ-1 A\n- Priority: P0\n'),
    });
    assert.deepEqual(summary, [['missing-field', 'status', 'REQ-1']]);
  });
});
