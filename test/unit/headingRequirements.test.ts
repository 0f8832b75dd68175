import * as assert from 'node:assert/strict';
import type { RequirementDef } from '../../src/core';
import { prd } from './helpers/docs';
import { diagnosticsOf, indexTree, pathIn, removeTrees, textAt, writeTree } from './helpers/tree';

/** Indexes a PRD whose Features section is `features`; returns its requirements and diagnostics. */
async function parse(features: string) {
  const dir = writeTree({ 'prd.md': prd(features) });
  const board = await indexTree(dir);
  const file = board.file(pathIn(dir, 'prd.md'));
  assert.ok(file);
  const byId = new Map<string, RequirementDef>(file.requirements.map((r) => [r.id, r]));
  return { dir, board, file, byId, diags: diagnosticsOf(board, dir, 'prd.md') };
}

const OK = '- Priority: P1\n- Status: approved\n';

describe('requirements in heading form', () => {
  after(removeTrees);

  const separators: [string, string][] = [
    ['a space', '### REQ-1 Guest checkout'],
    ['a colon', '### REQ-1: Guest checkout'],
    ['a full-width colon', '### REQ-1：Guest checkout'],
    ['a hyphen', '### REQ-1 - Guest checkout'],
    ['an em dash', '### REQ-1 — Guest checkout'],
    ['an em dash without spaces', '### REQ-1—Guest checkout'],
  ];
  for (const [name, heading] of separators) {
    it(`reads the ID and title when they are separated by ${name}`, async () => {
      const { byId, diags } = await parse(`${heading}\n${OK}`);
      assert.equal(byId.get('REQ-1')?.title, 'Guest checkout');
      assert.equal(byId.get('REQ-1')?.form, 'heading');
      assert.deepEqual(diags, []);
    });
  }

  it('accepts requirement headings at every level from # to ######', async () => {
    const text = [1, 2, 3, 4, 5, 6].map((n) => `${'#'.repeat(n)} REQ-${n} Level ${n}\n${OK}`).join('\n');
    const { file } = await parse(text);
    assert.deepEqual(file.requirements.map((r) => [r.id, r.title]), [1, 2, 3, 4, 5, 6].map((n) => [`REQ-${n}`, `Level ${n}`]));
  });

  it('accepts a heading with only the ID and no title', async () => {
    const { byId } = await parse(`### REQ-9\n${OK}`);
    assert.equal(byId.get('REQ-9')?.title, '');
  });

  it('points the definition at the ID token of the heading', async () => {
    const { dir, byId, board } = await parse(`### REQ-1 Guest checkout\n${OK}`);
    const def = byId.get('REQ-1')!;
    assert.equal(def.idRange.start.character, 4);
    assert.equal(def.idRange.end.character, 9);
    assert.equal(board.definition('REQ-1')?.path, pathIn(dir, 'prd.md'));
  });

  it('reads the bullet list right after the heading as attributes, with or without a blank line between', async () => {
    const { byId } = await parse(`### REQ-1 A\n- Priority: P0\n- Status: done\n\n### REQ-2 B\n\n- Priority: P2\n- Status: proposed\n`);
    assert.deepEqual(byId.get('REQ-1')?.attributes, { title: 'A', priority: 'P0', status: 'done' });
    assert.deepEqual(byId.get('REQ-2')?.attributes, { title: 'B', priority: 'P2', status: 'proposed' });
  });

  it('accepts ASCII and full-width colons and *, + bullets in attribute lists', async () => {
    const { byId } = await parse('### REQ-1 A\n* Priority：P0\n+ Status : done\n');
    assert.equal(byId.get('REQ-1')?.attributes.priority, 'P0');
    assert.equal(byId.get('REQ-1')?.attributes.status, 'done');
  });

  it('maps Chinese keys 优先级, 状态, 版本, 负责人 and 追溯 to their canonical attributes', async () => {
    const { byId, diags } = await parse('### REQ-1 支付\n- 优先级：P0\n- 状态: approved\n- 版本: 2.0\n- 负责人: 张三\n- 追溯: BR-1\n\n### BR-1 业务\n- 优先级: P0\n- 状态: approved\n');
    assert.deepEqual(byId.get('REQ-1')?.attributes, { title: '支付', priority: 'P0', status: 'approved', release: '2.0', owner: '张三', traces: 'BR-1' });
    assert.deepEqual(byId.get('REQ-1')?.traces, ['BR-1']);
    assert.deepEqual(diags, []);
  });

  it('accepts 来源 as another name for traces', async () => {
    const { byId } = await parse('### REQ-1 A\n- Priority: P0\n- Status: done\n- 来源: BR-1、BR-2\n');
    assert.deepEqual(byId.get('REQ-1')?.traces, ['BR-1', 'BR-2']);
  });

  it('matches attribute keys case-insensitively', async () => {
    const { byId, diags } = await parse('### REQ-1 A\n- PRIORITY: P0\n- status: done\n- Target Release: 3.1\n');
    assert.equal(byId.get('REQ-1')?.attributes.priority, 'P0');
    assert.equal(byId.get('REQ-1')?.attributes.status, 'done');
    assert.equal(byId.get('REQ-1')?.attributes.release, '3.1');
    assert.deepEqual(diags, []);
  });

  it('removes emphasis around attribute values', async () => {
    const { byId } = await parse('### REQ-1 A\n- Priority: **P0**\n- Status: `done`\n');
    assert.equal(byId.get('REQ-1')?.attributes.priority, 'P0');
    assert.equal(byId.get('REQ-1')?.attributes.status, 'done');
  });

  it('does not read a list as attributes when one item is not Key: value', async () => {
    const { byId, diags } = await parse('### REQ-1 A\n- Priority: P0\n- works offline\n- Status: done\n');
    assert.deepEqual(byId.get('REQ-1')?.attributes, { title: 'A' });
    assert.deepEqual(diags.map((d) => [d.code, d.data?.field]), [['missing-field', 'priority'], ['missing-field', 'status']]);
  });

  it('does not read a list separated from the heading by a paragraph as attributes', async () => {
    const { byId } = await parse('### REQ-1 A\nSome text first.\n\n- Priority: P0\n- Status: done\n');
    assert.deepEqual(byId.get('REQ-1')?.attributes, { title: 'A' });
  });

  it('keeps a short excerpt of the text under the heading', async () => {
    const { byId } = await parse(`### REQ-1 A\n${OK}\nA visitor can pay without an account.\n`);
    assert.match(byId.get('REQ-1')!.excerpt, /pay without an account/);
  });

  it('does not define requirements from headings inside fenced code blocks', async () => {
    const { byId } = await parse('```markdown\n### REQ-1 Example only\n```\n');
    assert.equal(byId.size, 0);
  });

  it('records the enclosing section of a requirement', async () => {
    const { byId } = await parse(`### REQ-1 A\n${OK}`);
    assert.equal(byId.get('REQ-1')?.section, 'Features');
  });

  it('points invalid attribute values at the value text', async () => {
    const { dir, diags } = await parse('### REQ-1 A\n- Priority: P7\n- Status: blocked\n');
    assert.deepEqual(diags.map((d) => [d.code, d.data?.field, textAt(dir, 'prd.md', d)]), [
      ['invalid-value', 'priority', 'P7'], ['invalid-value', 'status', 'blocked'],
    ]);
  });

  it('reads attributes written as - **Key:** value', async () => {
    const { byId, diags } = await parse('### REQ-1 A\n- **Priority:** P0\n- **Status:** done\n');
    assert.equal(byId.get('REQ-1')?.attributes.priority, 'P0');
    assert.equal(byId.get('REQ-1')?.attributes.status, 'done');
    assert.deepEqual(diags, []);
  });

  it('reads attributes written as - **Key**: value', async () => {
    const { byId } = await parse('### REQ-1 A\n- **Priority**: P0\n- **Status**: done\n');
    assert.equal(byId.get('REQ-1')?.attributes.priority, 'P0');
  });

  it('defines a requirement whose heading ID is in bold or code', async () => {
    const { byId } = await parse(`### **REQ-1** Guest checkout\n${OK}\n### \`REQ-2\` Saved cards\n${OK}`);
    assert.deepEqual([...byId.keys()], ['REQ-1', 'REQ-2']);
  });
});
