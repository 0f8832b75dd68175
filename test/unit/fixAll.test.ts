import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, fixAll } from '../../src/core';
import { commonFields, frontMatter, prd } from './helpers/docs';
import { indexTree, pathIn, removeTrees, runCliIn, writeTree } from './helpers/tree';

const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8');

/** A PRD whose only problems have a fix that needs no choice. */
function fixable(): Record<string, string> {
  const doc = prd('### REQ-1 Pay\n- Priority: P0\n\n<!-- specboard-disable-next-line unknown-id duplicate-id -->\nSee REQ-9.\n', { owner: undefined, type: 'PRD', stage: 'Product-ization' })
    .replace('# Test PRD', '# Test PRD\n\n<!-- specboard-disable-next-line -->\nNothing here.');
  return { 'docs/prd.md': doc };
}

describe('fix all and specboard check --fix', () => {
  after(removeTrees);

  it('computes the safe fixes in the core: a type written in other letter case and unused suppressions', async () => {
    const dir = writeTree(fixable());
    const board = await indexTree(dir);
    const file = pathIn(dir, 'docs/prd.md');
    const text = read(dir, 'docs/prd.md');
    const view = board.view(file, text)!;
    const codes = view.diagnostics().map((d) => d.code).sort();
    assert.deepEqual(codes, ['unknown-type', 'unused-suppression', 'unused-suppression'], 'type PRD stops the other checks until it is fixed');
    const { edits, fixed } = fixAll(text, view.parsed, view.diagnostics());
    assert.equal(fixed.length, 3);
    const once = applyEdits(text, edits);
    assert.match(once, /^type: prd$/m);
    assert.doesNotMatch(once, /specboard-disable-next-line -->/);
    assert.match(once, /<!-- specboard-disable-next-line unknown-id -->/);
  });

  it('does not write without --fix, and says nothing about fixing', async () => {
    const dir = writeTree(fixable());
    const before = read(dir, 'docs/prd.md');
    const run = await runCliIn(dir, ['check']);
    assert.equal(run.code, 1);
    assert.equal(read(dir, 'docs/prd.md'), before);
    assert.doesNotMatch(run.stdout, /fixed/i);
  });

  it('with --fix writes the fixed file, reports each fix, and the result passes check', async () => {
    const dir = writeTree(fixable());
    const run = await runCliIn(dir, ['check', '--fix']);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(lines.some((l) => /^docs\/prd\.md:\d+:\d+: fixed unknown-type /.test(l)), run.stdout);
    assert.ok(lines.some((l) => /^docs\/prd\.md:\d+:\d+: fixed unused-suppression /.test(l)), run.stdout);
    // Fixing the type lets the schema check the rest; its safe fixes come in the next run.
    let again = await runCliIn(dir, ['check', '--fix']);
    assert.match(again.stdout, /fixed missing-field .*owner/);
    assert.match(again.stdout, /fixed missing-field .*REQ-1 is missing 'status'/);
    assert.match(again.stdout, /fixed invalid-value .*stage 'Product-ization'/);
    const text = read(dir, 'docs/prd.md');
    assert.match(text, /^owner: TBD$/m);
    assert.match(text, /^stage: productization$/m);
    assert.match(text, /^- Status: proposed$/m);
    again = await runCliIn(dir, ['check']);
    assert.equal(again.code, 0, again.stdout);
  });

  it('is idempotent: a second --fix changes nothing and says so', async () => {
    const dir = writeTree({ 'a.md': `${frontMatter(commonFields('design', { owner: undefined }))}# A\n\n<!-- specboard-disable -->\n` });
    const first = await runCliIn(dir, ['check', '--fix']);
    assert.match(first.stdout, /^Fixed 2 problems in 1 file\.$/m);
    const after = read(dir, 'a.md');
    const second = await runCliIn(dir, ['check', '--fix']);
    assert.match(second.stdout, /^Nothing to fix without a choice\.$/m);
    assert.equal(read(dir, 'a.md'), after);
    assert.equal(second.code, 0);
  });

  it('leaves choices alone: unknown IDs with suggestions, duplicates, missing sections, fields without a default', async () => {
    const doc = prd('### REQ-1 Pay\n- Status: done\n\nSee REQ-2.\n\n### REQ-1 Again\n- Priority: P1\n- Status: done\n').replace('## Use cases', '## Misc');
    const dir = writeTree({ 'prd.md': doc, 'b.md': '## REQ-3 Other\n' });
    const run = await runCliIn(dir, ['check', '--fix']);
    assert.match(run.stdout, /^Nothing to fix without a choice\.$/m);
    assert.equal(read(dir, 'prd.md'), doc);
    assert.equal(run.code, 1);
  });

  it('only touches files inside the given paths', async () => {
    const dir = writeTree({ 'docs/a.md': '<!-- specboard-disable -->\n', 'notes/b.md': '<!-- specboard-disable -->\n' });
    await runCliIn(dir, ['check', '--fix', 'docs']);
    assert.equal(read(dir, 'docs/a.md'), '');
    assert.equal(read(dir, 'notes/b.md'), '<!-- specboard-disable -->\n');
  });

  it('keeps CRLF line breaks and a byte-order mark', async () => {
    const doc = `\uFEFF${frontMatter(commonFields('design', { owner: undefined })).replace(/\n/g, '\r\n')}# A\r\n`;
    const dir = writeTree({ 'a.md': doc });
    await runCliIn(dir, ['check', '--fix']);
    const text = read(dir, 'a.md');
    assert.equal(text.charCodeAt(0), 0xfeff);
    assert.match(text, /\r\nowner: TBD\r\n---\r\n/);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
  });

  it('reports fixes in JSON output too, and refuses --fix for other commands', async () => {
    const dir = writeTree({ 'a.md': '<!-- specboard-disable -->\n' });
    const run = await runCliIn(dir, ['check', '--fix', '--format', 'json']);
    const json = JSON.parse(run.stdout);
    assert.deepEqual(json.fixed.map((d: { code: string; line: number }) => [d.code, d.line]), [['unused-suppression', 1]]);
    const trace = await runCliIn(dir, ['trace', '--fix']);
    assert.equal(trace.code, 2);
    assert.match(trace.stderr, /Unknown option '--fix' for 'trace'/);
  });

  it('writes a requirement attribute in the one allowed spelling it differs from only in case and separators', async () => {
    const doc = prd('### REQ-1 Pay\n- Priority: P0\n- Status: **In_Review**\n');
    const dir = writeTree({ '.specboard/config.json': '{"statuses": ["todo", "in-review", "done"]}', 'prd.md': doc });
    const run = await runCliIn(dir, ['check', '--fix']);
    assert.match(run.stdout, /fixed invalid-value status 'In_Review' of REQ-1/);
    assert.match(read(dir, 'prd.md'), /^- Status: \*\*in-review\*\*$/m, 'only the word changes, its emphasis stays');
    assert.equal((await runCliIn(dir, ['check'])).code, 0);
  });

  it('removes one unused rule from a comment but keeps the comment while another rule in it is used', async () => {
    const dir = writeTree({ 'defs.md': '## REQ-1 x\n', 'a.md': 'Text <!-- specboard-disable-line duplicate-id unknown-id --> REQ-9\n' });
    await runCliIn(dir, ['check', '--fix']);
    assert.equal(read(dir, 'a.md'), 'Text <!-- specboard-disable-line unknown-id --> REQ-9\n');
    assert.equal((await runCliIn(dir, ['check'])).code, 0);
  });
});
