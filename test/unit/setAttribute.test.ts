import * as assert from 'node:assert/strict';
import { setAttribute, type AttributeEditRequest } from '../../src/core/edits/setAttribute';
import { LineOffsets } from '../../src/core/text';

/** Applies the computed edit the way an editor would. */
function apply(text: string, request: AttributeEditRequest): string {
  const result = setAttribute(text, request);
  assert.ok(result.ok, `refused: ${!result.ok ? result.reason : ''}`);
  if (!result.edit) return text;
  const o = new LineOffsets(text);
  return text.slice(0, o.offsetAt(result.edit.range.start)) + result.edit.newText + text.slice(o.offsetAt(result.edit.range.end));
}

const HEADING = `# Features

### REQ-1: Guest checkout
- Priority: **P0**
- Status: approved
- Release: 2.0

Text.

### REQ-2: Saved cards

A shopper reuses a card.
`;

const TABLE = `| ID | Title | Priority | Status | Owner |
|----|-------|----------|--------|-------|
| REQ-PAY-001 | 统一收银台 | P0 | done | 王磊 |
| REQ-PAY-002 | 渠道接入 | P1 |  |  |
`;

describe('setAttribute', () => {
  it('replaces only the value in a heading attribute list', () => {
    const out = apply(HEADING, { id: 'REQ-1', key: 'status', value: 'in-progress', expected: { line: 2, value: 'approved' } });
    assert.equal(out, HEADING.replace('- Status: approved', '- Status: in-progress'));
  });

  it('keeps emphasis around a value it replaces', () => {
    const out = apply(HEADING, { id: 'REQ-1', key: 'priority', value: 'P1', expected: { line: 2, value: 'P0' } });
    assert.ok(out.includes('- Priority: **P1**'));
  });

  it('adds a missing attribute line after the existing list in its style', () => {
    const out = apply(HEADING, { id: 'REQ-1', key: 'owner', value: 'Alice', expected: { line: 2, value: undefined } });
    assert.equal(out, HEADING.replace('- Release: 2.0\n', '- Release: 2.0\n- Owner: Alice\n'));
  });

  it('starts an attribute list under a heading that has none, keeping the text out of it', () => {
    const out = apply(HEADING, { id: 'REQ-2', key: 'status', value: 'approved', expected: { line: 9, value: undefined } });
    assert.ok(out.includes('### REQ-2: Saved cards\n\n- Status: approved\n\nA shopper reuses a card.'), out);
  });

  it('writes Chinese keys with a full-width colon when the list uses them', () => {
    const text = '### REQ-9：退款\n- 优先级：P0\n- 负责人：刘洋\n';
    const out = apply(text, { id: 'REQ-9', key: 'status', value: 'done', expected: { line: 0, value: undefined } });
    assert.equal(out, '### REQ-9：退款\n- 优先级：P0\n- 负责人：刘洋\n- 状态：done\n');
  });

  it('keeps CRLF line endings', () => {
    const text = HEADING.replace(/\n/g, '\r\n');
    const out = apply(text, { id: 'REQ-1', key: 'owner', value: 'Bob', expected: { line: 2, value: undefined } });
    assert.ok(out.includes('- Release: 2.0\r\n- Owner: Bob\r\n'));
    assert.ok(!/[^\r]\n/.test(out));
  });

  it('changes one table cell and nothing else', () => {
    const out = apply(TABLE, { id: 'REQ-PAY-001', key: 'status', value: 'verified', expected: { line: 2, value: 'done' } });
    assert.equal(out, TABLE.replace('| P0 | done |', '| P0 | verified |'));
  });

  it('fills an empty table cell', () => {
    const out = apply(TABLE, { id: 'REQ-PAY-002', key: 'status', value: 'approved', expected: { line: 3, value: undefined } });
    assert.equal(out, TABLE.replace('| P1 |  |  |', '| P1 |  approved |  |'));
  });

  it('refuses a table without a column for the attribute', () => {
    const result = setAttribute(TABLE, { id: 'REQ-PAY-001', key: 'release', value: '3.0', expected: { line: 2, value: undefined } });
    assert.deepEqual(result, { ok: false, reason: 'missingColumn' });
  });

  it('refuses when the value changed since the board was drawn', () => {
    const result = setAttribute(HEADING, { id: 'REQ-1', key: 'status', value: 'done', expected: { line: 2, value: 'proposed' } });
    assert.deepEqual(result, { ok: false, reason: 'stale' });
  });

  it('refuses when the requirement moved to another line', () => {
    const result = setAttribute(`\n${HEADING}`, { id: 'REQ-1', key: 'status', value: 'done', expected: { line: 2, value: 'approved' } });
    assert.deepEqual(result, { ok: false, reason: 'stale' });
  });

  it('refuses when a table cell changed since the board was drawn', () => {
    const result = setAttribute(TABLE, { id: 'REQ-PAY-001', key: 'status', value: 'verified', expected: { line: 2, value: 'approved' } });
    assert.deepEqual(result, { ok: false, reason: 'stale' });
  });

  it('refuses when the board showed no value but the file has one now', () => {
    const result = setAttribute(HEADING, { id: 'REQ-1', key: 'release', value: '3.0', expected: { line: 2, value: undefined } });
    assert.deepEqual(result, { ok: false, reason: 'stale' });
  });

  it('refuses, rather than reports done, when someone else already wrote the target value', () => {
    const result = setAttribute(HEADING, { id: 'REQ-1', key: 'status', value: 'approved', expected: { line: 2, value: 'proposed' } });
    assert.deepEqual(result, { ok: false, reason: 'stale' });
  });

  it('refuses when the card\'s line now holds another requirement', () => {
    const result = setAttribute(HEADING, { id: 'REQ-2', key: 'status', value: 'done', expected: { line: 2, value: undefined } });
    assert.deepEqual(result, { ok: false, reason: 'stale' });
  });

  it('refuses values that would break the line', () => {
    const result = setAttribute(HEADING, { id: 'REQ-1', key: 'status', value: 'done\n- Owner: x', expected: { line: 2, value: 'approved' } });
    assert.deepEqual(result, { ok: false, reason: 'invalidValue' });
  });

  it('returns no edit when the value is already set', () => {
    assert.deepEqual(setAttribute(HEADING, { id: 'REQ-1', key: 'status', value: 'approved', expected: { line: 2, value: 'approved' } }), { ok: true, edit: undefined });
  });

  it('refuses a table value containing a pipe rather than guess how it reads back', () => {
    const result = setAttribute(TABLE, { id: 'REQ-PAY-001', key: 'owner', value: 'A|B', expected: { line: 2, value: '王磊' } });
    assert.equal(result.ok, false);
  });
});

describe('setAttribute on the forms real documents use', () => {
  const SPEC = '## Requirements\n\n- **FR-001**: System MUST log in\n- **FR-002**: System MUST log out\n  - Status: approved\n\n**FR-12: Export**\n\nText.\n';
  const options = { relPath: 'specs/001-x/spec.md' };
  const applyWith = (text: string, request: AttributeEditRequest) => {
    const result = setAttribute(text, request, options);
    assert.ok(result.ok && result.edit, `refused: ${!result.ok ? result.reason : 'no edit'}`);
    const o = new LineOffsets(text);
    return text.slice(0, o.offsetAt(result.edit.range.start)) + result.edit.newText + text.slice(o.offsetAt(result.edit.range.end));
  };

  it('adds a nested attribute item under a list requirement that has none', () => {
    const out = applyWith(SPEC, { id: 'FR-001', key: 'status', value: 'done', expected: { line: 2, value: undefined } });
    assert.ok(out.includes('- **FR-001**: System MUST log in\n  - Status: done\n- **FR-002**'), out);
  });

  it('replaces the value in a list requirement\'s nested attribute list', () => {
    const out = applyWith(SPEC, { id: 'FR-002', key: 'status', value: 'done', expected: { line: 3, value: 'approved' } });
    assert.ok(out.includes('  - Status: done\n'), out);
  });

  it('starts an attribute list right under a bold-paragraph requirement', () => {
    const out = applyWith(SPEC, { id: 'FR-12', key: 'priority', value: 'P1', expected: { line: 6, value: undefined } });
    assert.ok(out.includes('**FR-12: Export**\n- Priority: P1\n\nText.'), out);
  });

  it('compares and writes values in the team\'s words: a board at in-progress moves 进行中 to 已完成', () => {
    const text = '### REQ-1 支付\n- 状态：进行中\n- 优先级：高\n';
    const result = setAttribute(text, { id: 'REQ-1', key: 'status', value: 'done', expected: { line: 0, value: 'in-progress' } });
    assert.ok(result.ok && result.edit);
    assert.equal(result.edit.newText, '已完成');
    assert.equal(apply(text, { id: 'REQ-1', key: 'priority', value: 'P0', expected: { line: 0, value: 'P1' } }), '### REQ-1 支付\n- 状态：进行中\n- 优先级：紧急\n');
  });

  it('keeps the word list a value is written in: MoSCoW stays MoSCoW, canonical stays canonical', () => {
    const text = '### REQ-1 Pay\n- Priority: Must\n- Status: In Progress\n\n### REQ-2 Refund\n- Priority: P2\n- Status: approved\n';
    const moved = apply(text, { id: 'REQ-1', key: 'priority', value: 'P1', expected: { line: 0, value: 'P0' } });
    assert.ok(moved.includes('- Priority: Should\n'), moved);
    assert.ok(apply(text, { id: 'REQ-1', key: 'status', value: 'done', expected: { line: 0, value: 'in-progress' } }).includes('- Status: done\n'));
    assert.ok(apply(text, { id: 'REQ-2', key: 'priority', value: 'P0', expected: { line: 4, value: 'P2' } }).includes('- Priority: P0\n'));
    const table = '| 需求编号 | 需求名称 | 优先级 | 状态 |\n|---|---|---|---|\n| REQ-3 | 退款 | 中 | 待评审 |\n';
    assert.equal(apply(table, { id: 'REQ-3', key: 'status', value: 'approved', expected: { line: 2, value: 'proposed' } }).split('\n')[2], '| REQ-3 | 退款 | 中 | 已通过 |');
  });
});
