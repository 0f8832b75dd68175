import * as assert from 'node:assert/strict';
import { parseMarkdown } from '../../src/core/parseMarkdown';

/** The parse of a requirements document (its name gives it a requirements context). */
const parse = (text: string, relPath = 'docs/prd.md') => parseMarkdown(`/ws/${relPath}`, text, 'en', { relPath });
const ids = (text: string, relPath?: string) => parse(text, relPath).requirements.map((d) => d.id);

/** Block structure as CommonMark and the preview read it, case by case (the differential test covers the rest). */
describe('Markdown blocks as the preview sees them', () => {
  it('hides requirements inside HTML comments, references included', () => {
    const parsed = parse('<!--\n### REQ-1 Old idea\nSee REQ-2.\n-->\n### REQ-3 Kept\n');
    assert.deepEqual(parsed.requirements.map((d) => d.id), ['REQ-3']);
    assert.deepEqual(parsed.tokens.map((t) => t.id), []);
  });

  it('does not open a fence on a line whose info string holds backticks (```js``` is the language)', () => {
    assert.deepEqual(ids('```js``` is the language we use\n\n### REQ-1 After\n'), ['REQ-1']);
  });

  it('does not close a fence with a closer indented four spaces', () => {
    assert.deepEqual(ids('```\ncode\n    ```\n### REQ-1 still code\n```\n### REQ-2 After\n'), ['REQ-2']);
  });

  it('keeps a fence opened on a list-item line inside the item', () => {
    assert.deepEqual(ids('- example:\n  ```\n  ### REQ-1 in code\n  ```\n\n### REQ-2 After\n'), ['REQ-2']);
  });

  it('reads a whole attribute list: loose items, nested sub-items and mixed bullets', () => {
    const [def] = parse('### REQ-1 Pay\n\n- Priority: P1\n\n- Status: approved\n  - note: signed off on Monday\n* Owner: Li Na\n').requirements;
    assert.equal(def.attributes.priority, 'P1');
    assert.equal(def.attributes.status, 'approved');
    assert.equal(def.attributes.owner, 'Li Na');
    assert.equal(def.attributes.note, undefined, 'a sub-item belongs to its item');
  });

  it('reads setext headings as headings and sections', () => {
    const parsed = parse('Features\n========\n\nREQ-1 Pay\n---------\n');
    assert.deepEqual(parsed.headings.map((h) => [h.level, h.text]), [[1, 'Features'], [2, 'REQ-1 Pay']]);
    assert.equal(parsed.requirements[0]?.section, 'Features');
  });

  it('reads a table indented four spaces as code, defining nothing', () => {
    assert.deepEqual(ids('    | ID | Title |\n    |---|---|\n    | REQ-1 | Pay |\n'), []);
  });

  it('reads a one-column ID table as requirements', () => {
    assert.deepEqual(ids('| ID |\n|---|\n| REQ-1 |\n| REQ-2 |\n'), ['REQ-1', 'REQ-2']);
  });

  it('reads a table written right under a list item without a blank line (a lenient reading)', () => {
    assert.deepEqual(ids('## Requirements\n\n- Payment requirements:\n| ID | Title |\n|---|---|\n| REQ-1 | Pay |\n'), ['REQ-1']);
  });

  it('ends a requirements table at a line without a pipe, although GFM reads it as a row', () => {
    assert.deepEqual(ids('| ID | Title |\n|---|---|\n| REQ-1 | Pay |\nREQ-2 is mentioned here.\n'), ['REQ-1']);
  });

  it('ends a heading requirement at the next heading of its level or above, not at its sub-headings', () => {
    const [def] = parse('### REQ-1 Pay\n\nText.\n\n#### Notes\n\nMore.\n\n### REQ-2 Next\n').requirements;
    assert.equal(def.endLine, 7);
  });

  it('counts an ID in a code block as a reference only: no definition, and never an unknown ID', () => {
    const parsed = parse('```\n### REQ-9 sample\n```\n');
    assert.deepEqual(parsed.requirements, []);
    assert.deepEqual(parsed.tokens.map((t) => [t.id, t.inCode]), [['REQ-9', true]]);
  });
});
