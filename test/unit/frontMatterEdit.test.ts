import * as assert from 'node:assert/strict';
import { frontMatterEdit, requirementAttributeEdit, type TextEdit } from '../../src/core';
import { indexTree, pathIn, removeTrees, writeTree } from './helpers/tree';

/** Applies an edit to text the way an editor would. */
function apply(text: string, edit: TextEdit | undefined): string {
  assert.ok(edit, 'expected an edit');
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

const DOC = '---\ntype: prd\nid: PRD-A\nstage: concept # moved in May\nstatus: draft\n---\n# A\n';

describe('front-matter edits', () => {
  it('replaces only the value, keeping the comment after it', () => {
    assert.equal(apply(DOC, frontMatterEdit(DOC, 'stage', 'productization')), DOC.replace('stage: concept', 'stage: productization'));
  });

  it('keeps the quoting style the author used', () => {
    const doc = DOC.replace('stage: concept', 'stage: "concept"');
    assert.match(apply(doc, frontMatterEdit(doc, 'stage', 'market')), /^stage: "market" # moved in May$/m);
    const single = DOC.replace('stage: concept', "stage: 'concept'");
    assert.match(apply(single, frontMatterEdit(single, 'stage', 'market')), /^stage: 'market' # moved in May$/m);
  });

  it('quotes a plain value only when YAML would read it as something else', () => {
    assert.match(apply(DOC, frontMatterEdit(DOC, 'version', '2.0')), /^version: "2\.0"$/m);
    assert.match(apply(DOC, frontMatterEdit(DOC, 'owner', 'yes')), /^owner: "yes"$/m);
    assert.match(apply(DOC, frontMatterEdit(DOC, 'owner', '王磊')), /^owner: 王磊$/m);
  });

  it('adds a missing field just before the closing fence', () => {
    assert.equal(apply(DOC, frontMatterEdit(DOC, 'product', 'Shop')), DOC.replace('status: draft\n', 'status: draft\nproduct: Shop\n'));
  });

  it('fills in a field whose value is empty', () => {
    const doc = DOC.replace('stage: concept # moved in May', 'stage:');
    assert.match(apply(doc, frontMatterEdit(doc, 'stage', 'market')), /^stage: market$/m);
    const commented = DOC.replace('stage: concept # moved in May', 'stage: # to do');
    assert.match(apply(commented, frontMatterEdit(commented, 'stage', 'market')), /^stage: market # to do$/m);
  });

  it('adds front matter to a document that has none', () => {
    assert.equal(apply('# Notes\n', frontMatterEdit('# Notes\n', 'stage', 'concept')), '---\nstage: concept\n---\n# Notes\n');
  });

  it('refuses to touch front matter that is not valid YAML or never closed', () => {
    assert.equal(frontMatterEdit('---\nstage: [concept\n---\n', 'stage', 'market'), undefined);
    assert.equal(frontMatterEdit('---\nstage: concept\n# A\n', 'stage', 'market'), undefined);
  });

  it('returns no edit when the field already has the value', () => {
    assert.equal(frontMatterEdit(DOC, 'stage', 'concept'), undefined);
  });
});

describe('requirement attribute edits', () => {
  after(removeTrees);

  async function defOf(text: string, id: string) {
    const dir = writeTree({ 'docs/a.md': text });
    const board = await indexTree(dir);
    const def = board.file(pathIn(dir, 'docs/a.md'))?.requirements.find((r) => r.id === id);
    assert.ok(def, `${id} not parsed`);
    return def;
  }

  it('replaces the value of a heading-form attribute, keeping its emphasis', async () => {
    const text = '# A\n\n### REQ-1: Guest checkout\n- Priority: P0\n- Status: **proposed**\n\nText.\n';
    const out = apply(text, requirementAttributeEdit(text, await defOf(text, 'REQ-1'), 'status', 'approved'));
    assert.equal(out, text.replace('**proposed**', '**approved**'));
  });

  it('edits a Chinese attribute written with a full-width colon', async () => {
    const text = '# A\n\n### REQ-1：访客结账\n- 优先级：P0\n- 状态：proposed\n';
    const out = apply(text, requirementAttributeEdit(text, await defOf(text, 'REQ-1'), 'status', 'done'));
    assert.equal(out, text.replace('状态：proposed', '状态：done'));
  });

  it('adds a missing attribute as a bullet after the others, in the language of their keys', async () => {
    const en = '# A\n\n### REQ-1: Guest checkout\n- Priority: P0\n\nText.\n';
    assert.equal(apply(en, requirementAttributeEdit(en, await defOf(en, 'REQ-1'), 'status', 'approved')), en.replace('- Priority: P0\n', '- Priority: P0\n- Status: approved\n'));
    const zh = '# A\n\n### REQ-1：访客结账\n* 优先级：P0\n';
    assert.equal(apply(zh, requirementAttributeEdit(zh, await defOf(zh, 'REQ-1'), 'status', 'done')), zh.replace('* 优先级：P0', '* 优先级：P0\n* 状态：done'));
  });

  it('adds an attribute list under a heading that has none, and the parser reads it back', async () => {
    const text = '# A\n\n### REQ-1: Guest checkout\nA visitor can pay.\n';
    const out = apply(text, requirementAttributeEdit(text, await defOf(text, 'REQ-1'), 'status', 'approved'));
    assert.equal(out, '# A\n\n### REQ-1: Guest checkout\n\n- Status: approved\n\nA visitor can pay.\n');
    assert.equal((await defOf(out, 'REQ-1')).attributes.status, 'approved');
  });

  it('replaces a table cell and fills an empty one without breaking the table', async () => {
    const text = '# A\n\n| ID | Title | Status | Priority |\n|----|-------|--------|----------|\n| REQ-1 | Guest | proposed | P0 |\n| REQ-2 | Cards |  | P1 |\n';
    const one = apply(text, requirementAttributeEdit(text, await defOf(text, 'REQ-1'), 'status', 'done'));
    assert.equal(one, text.replace('| REQ-1 | Guest | proposed |', '| REQ-1 | Guest | done |'));
    const two = apply(text, requirementAttributeEdit(text, await defOf(text, 'REQ-2'), 'status', 'approved'));
    assert.match(two, /^\| REQ-2 \| Cards \| {1,2}approved \| P1 \|$/m);
    assert.equal((await defOf(two, 'REQ-2')).attributes.status, 'approved');
  });

  it('gives up on a table without a column for the attribute', async () => {
    const text = '# A\n\n| ID | Title |\n|----|-------|\n| REQ-1 | Guest |\n';
    assert.equal(requirementAttributeEdit(text, await defOf(text, 'REQ-1'), 'status', 'done'), undefined);
  });
});
