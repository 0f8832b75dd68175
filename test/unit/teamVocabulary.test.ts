import * as assert from 'node:assert/strict';
import { canonicalValue } from '../../src/core/vocabulary';
import { prd } from './helpers/docs';
import { diagnosticsOf, indexTree, removeTrees, writeTree } from './helpers/tree';

const STATUSES = ['proposed', 'approved', 'in-progress', 'done', 'verified', 'rejected', 'deferred'];
const PRIORITIES = ['P0', 'P1', 'P2', 'P3'];

describe('status and priority in the team\'s own words', () => {
  after(removeTrees);

  it('maps Chinese, English, MoSCoW and emoji words to the canonical values', () => {
    const status = (raw: string) => canonicalValue('status', raw, STATUSES);
    const priority = (raw: string) => canonicalValue('priority', raw, PRIORITIES);
    assert.deepEqual(['进行中', '已完成', '待评审', '草稿', 'In Progress', 'WIP', '✅', '✅ Done', '🚧', 'On hold'].map(status),
      ['in-progress', 'done', 'proposed', 'proposed', 'in-progress', 'in-progress', 'done', 'done', 'in-progress', 'deferred']);
    assert.deepEqual(['高', '中', '低', '必须', '应该', '可以', 'Must', 'Should have', 'Could', "Won't", 'High', 'Medium', 'Low', 'Critical', 'p2'].map(priority),
      ['P1', 'P2', 'P3', 'P0', 'P1', 'P2', 'P0', 'P1', 'P2', 'P3', 'P1', 'P2', 'P3', 'P0', 'P2']);
  });

  it('keeps a value the workspace allows as written, and leaves an unknown word for validation', () => {
    assert.equal(canonicalValue('status', '进行中', ['待办', '进行中', '已完成']), '进行中');
    assert.equal(canonicalValue('status', 'blocked', STATUSES), 'blocked');
  });

  it('accepts Chinese values in attribute lists, tables and front matter without a diagnostic', async () => {
    const doc = prd('### REQ-1 支付\n- 状态：进行中\n- 优先级：高\n\n| 需求编号 | 需求名称 | 优先级 | 状态 |\n|---|---|---|---|\n| REQ-2 | 退款 | 中 | 已完成 |\n', { status: '草稿', stage: '产品化' });
    const dir = writeTree({ 'prd.md': doc });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, 'prd.md'), []);
    assert.deepEqual(board.trace().map((r) => [r.id, r.status, r.priority]), [['REQ-1', 'in-progress', 'P1'], ['REQ-2', 'done', 'P2']]);
    assert.deepEqual(board.documents().map((d) => [d.status, d.stage]), [['draft', 'productization']]);
  });

  it('reads the workspace aliases from the config, before the built-in words', async () => {
    const dir = writeTree({
      '.specboard/config.json': '{ "aliases": { "status": { "doing": "in-progress", "上线": "done" }, "priority": { "高": "P0" } } }',
      'prd.md': prd('### REQ-1 A\n- Status: doing\n- Priority: 高\n\n### REQ-2 B\n- Status: 上线\n- Priority: P3\n'),
    });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, 'prd.md'), []);
    assert.deepEqual(board.trace().map((r) => [r.status, r.priority]), [['in-progress', 'P0'], ['done', 'P3']]);
  });

  it('rejects malformed aliases with a config-error and keeps validating', async () => {
    const dir = writeTree({ '.specboard/config.json': '{ "aliases": { "colour": { "x": "y" } } }', 'doc.md': '# Notes\n' });
    const board = await indexTree(dir);
    assert.deepEqual(board.allDiagnostics().map((d) => d.code), ['config-error']);
  });

  it('offers the closest allowed values first when a word is not known, Chinese labels and team words included', async () => {
    const doc = prd('### REQ-1 支付\n- 状态：进展中\n- 优先级：Hihg\n\n### REQ-2 Refund\n- Status: complet\n- Priority: P1\n', { status: '草搞', stage: '产品' });
    const dir = writeTree({ 'prd.md': doc });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, 'prd.md', 'invalid-value');
    const first = (field: string, id?: string) => diags.find((d) => d.data?.field === field && d.data?.id === id)?.data?.suggestions?.[0];
    assert.equal(first('status', 'REQ-1'), 'in-progress');
    assert.equal(first('priority', 'REQ-1'), 'P1');
    assert.equal(first('status', 'REQ-2'), 'done');
    assert.equal(first('status'), 'draft');
  });
});
