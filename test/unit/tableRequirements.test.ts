import * as assert from 'node:assert/strict';
import type { RequirementDef } from '../../src/core';
import { prd } from './helpers/docs';
import { diagnosticsOf, indexTree, lineOf, pathIn, removeTrees, textAt, writeTree } from './helpers/tree';

async function parse(features: string, extra: Record<string, string> = {}) {
  const dir = writeTree({ 'prd.md': prd(features), ...extra });
  const board = await indexTree(dir);
  const file = board.file(pathIn(dir, 'prd.md'));
  assert.ok(file);
  const byId = new Map<string, RequirementDef>(file.requirements.map((r) => [r.id, r]));
  return { dir, board, file, byId, diags: diagnosticsOf(board, dir, 'prd.md') };
}

describe('requirements in table form', () => {
  after(removeTrees);

  for (const header of ['ID', 'id', '编号', '需求编号', '需求ID', '**ID**']) {
    it(`reads a table whose first header cell is '${header}' as requirements`, async () => {
      const { byId, diags } = await parse(`| ${header} | Title | Priority | Status |\n| --- | --- | --- | --- |\n| REQ-1 | Pay | P0 | done |\n`);
      assert.equal(byId.get('REQ-1')?.form, 'table');
      assert.equal(byId.get('REQ-1')?.title, 'Pay');
      assert.deepEqual(diags, []);
    });
  }

  for (const titleHeader of ['标题', '名称', '功能', '需求名称', 'Name']) {
    it(`takes the title from a '${titleHeader}' column`, async () => {
      const { byId } = await parse(`| ID | ${titleHeader} | 优先级 | 状态 |\n|---|---|---|---|\n| REQ-1 | 扫码支付 | P0 | done |\n`);
      assert.equal(byId.get('REQ-1')?.title, '扫码支付');
    });
  }

  it('maps the other columns to attributes through their aliases', async () => {
    const { dir, byId } = await parse('| 需求编号 | 需求名称 | 优先级 | 状态 | 版本 | 负责人 | 追溯 | Risk |\n|---|---|---|---|---|---|---|---|\n| REQ-1 | 退款 | P1 | approved | 2.1 | 李四 | BR-1 | low |\n\n## BR-1 Biz\n- Priority: P0\n- Status: done\n');
    assert.deepEqual(byId.get('REQ-1')?.attributes, { title: '退款', priority: 'P1', status: 'approved', release: '2.1', owner: '李四', traces: 'BR-1', risk: 'low' });
    assert.deepEqual(byId.get('REQ-1')?.traces, ['BR-1']);
    assert.equal(byId.get('REQ-1')?.line, lineOf(dir, 'prd.md', '| REQ-1 |'));
  });

  it('ignores rows whose first cell is not an ID but still finds references in them', async () => {
    const { byId, board } = await parse('| ID | Title | Priority | Status |\n|---|---|---|---|\n| REQ-1 | Pay | P0 | done |\n| (see REQ-1) | note | | |\n| TBD | later | | |\n');
    assert.deepEqual([...byId.keys()], ['REQ-1']);
    assert.equal(board.trace()[0].references.length, 1);
  });

  it('accepts an ID cell in bold', async () => {
    const { byId } = await parse('| ID | Title | Priority | Status |\n|---|---|---|---|\n| **REQ-1** | Pay | P0 | done |\n');
    assert.ok(byId.has('REQ-1'));
  });

  it('accepts tables without outer pipes and with aligned delimiter rows', async () => {
    const { byId } = await parse('ID | Title | Priority | Status\n:--- | :---: | ---: | ---\nREQ-1 | Pay | P0 | done\n');
    assert.equal(byId.get('REQ-1')?.attributes.status, 'done');
  });

  it('does not treat a table whose first column is not an ID header as requirements', async () => {
    const { byId } = await parse('| Name | ID |\n|---|---|\n| Pay | REQ-1 |\n');
    assert.equal(byId.size, 0);
  });

  it('ends the table at the first line without a pipe', async () => {
    const { byId } = await parse('| ID | Title | Priority | Status |\n|---|---|---|---|\n| REQ-1 | Pay | P0 | done |\nREQ-2 is mentioned in a paragraph.\n');
    assert.deepEqual([...byId.keys()], ['REQ-1']);
  });

  it('points an invalid status in a cell at that cell', async () => {
    const { dir, diags } = await parse('| ID | Title | Priority | Status |\n|---|---|---|---|\n| REQ-1 | Pay | P0 | blocked |\n');
    assert.equal(diags.length, 1);
    assert.equal(diags[0].code, 'invalid-value');
    assert.equal(textAt(dir, 'prd.md', diags[0]), 'blocked');
    assert.equal(diags[0].range.start.line, lineOf(dir, 'prd.md', '| REQ-1 |'));
  });

  it('reports an empty priority cell as a missing priority at the ID', async () => {
    const { dir, diags } = await parse('| ID | Title | Priority | Status |\n|---|---|---|---|\n| REQ-1 | Pay |  | done |\n');
    assert.deepEqual(diags.map((d) => [d.code, d.data?.field, textAt(dir, 'prd.md', d)]), [['missing-field', 'priority', 'REQ-1']]);
  });

  it('does not read tables inside fenced code blocks', async () => {
    const { byId } = await parse('```\n| ID | Title |\n|---|---|\n| REQ-1 | Example |\n```\n');
    assert.equal(byId.size, 0);
  });

  it('remembers the header line of the table a requirement came from', async () => {
    const { dir, byId } = await parse('| ID | Title | Priority | Status |\n|---|---|---|---|\n| REQ-1 | Pay | P0 | done |\n');
    assert.equal(byId.get('REQ-1')?.tableHeaderLine, lineOf(dir, 'prd.md', '| ID |'));
  });

  it('unescapes \\| inside cells', async () => {
    const { byId } = await parse('| ID | Title | Priority | Status |\n|---|---|---|---|\n| REQ-1 | Card \\| wallet | P0 | done |\n');
    assert.equal(byId.get('REQ-1')?.title, 'Card | wallet');
  });

  it('keeps an escaped pipe inside one cell instead of splitting the row', async () => {
    const { byId } = await parse('| ID | Title | Priority | Status |\n|---|---|---|---|\n| REQ-1 | Card \\| wallet | P0 | done |\n');
    assert.equal(byId.get('REQ-1')?.attributes.priority, 'P0');
    assert.equal(byId.get('REQ-1')?.attributes.status, 'done');
  });
});
