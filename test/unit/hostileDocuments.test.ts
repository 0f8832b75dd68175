import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SpecDiagnostic } from '../../src/core';
import { diagnosticsOf, indexTree, removeTrees, runCliIn, writeTree } from './helpers/tree';

const FRONT = '---\ntype: prd\nid: PRD-X\ntitle: X\n---\n';

/** Every diagnostic lies inside its file's lines, and no range ends before it starts. */
function assertInside(dir: string, rel: string, diags: readonly SpecDiagnostic[]): void {
  const lines = fs.readFileSync(path.join(dir, rel), 'utf8').split(/\r\n|\r|\n/);
  for (const d of diags) {
    const { start, end } = d.range;
    const where = `${d.code} ${start.line}:${start.character}-${end.line}:${end.character}`;
    assert.ok(end.line > start.line || (end.line === start.line && end.character >= start.character), `${where} ends before it starts`);
    for (const p of [start, end]) {
      assert.ok(p.line >= 0 && p.line < lines.length, `${where} outside the file's ${lines.length} lines`);
      assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${where} past the end of line ${p.line}`);
    }
  }
}

/*
 * The shapes that once hung check, trace and export (issue 12). How long they take is measured by
 * `npm run bench` (hostileInputs.ts); these tests hold what they must produce.
 */
describe('hostile documents', () => {
  after(removeTrees);

  it('reads a heading of a word, 100,000 spaces and a word as one heading', async () => {
    const dir = writeTree({ 'a.md': `${FRONT}# a${' '.repeat(100_000)}b\n\n## REQ-1: x${'\t'.repeat(50_000)}(P1)\n` });
    const board = await indexTree(dir);
    const file = board.file(path.join(dir, 'a.md'));
    assert.equal(file?.headings[0].text.replace(/\s+/g, ' '), 'a b');
    assert.equal(board.definition('REQ-1')?.title, 'x');
    assertInside(dir, 'a.md', diagnosticsOf(board, dir, 'a.md'));
  });

  it('reads front matter with a value of 60,000 spaces between two words, and a delimiter row padded the same', async () => {
    const dir = writeTree({ 'a.md': `---\ntype: prd\ntitle: a${' '.repeat(60_000)}b\n---\n| ID | Title |\n|${' '.repeat(60_000)}---|---|\n| REQ-1 | x |\n` });
    const board = await indexTree(dir);
    assert.equal(String(board.file(path.join(dir, 'a.md'))?.frontMatter?.data?.title).replace(/ +/g, ' '), 'a b');
    assert.equal(board.definition('REQ-1')?.title, 'x');
  });

  it('reads a list item of a word and 10,000 spaces as text, not as an attribute', async () => {
    const dir = writeTree({ 'a.md': `${FRONT}### REQ-1: x\n\n- a${' '.repeat(10_000)}\n- b${' '.repeat(10_000)}: c\n` });
    const board = await indexTree(dir);
    const keys = Object.keys(board.definition('REQ-1')?.attributes ?? {});
    assert.ok(!keys.includes('a') && !keys.includes('b'), keys.join(', '));
  });

  it('takes an ID of 100,000 segments as one ID', async () => {
    const id = `REQ${'-1'.repeat(100_000)}`;
    const dir = writeTree({ 'a.md': `${FRONT}### ${id}: x\n` });
    const board = await indexTree(dir);
    assert.equal(board.definition(id)?.id.length, id.length);
  });

  it('names three other places and a count when an ID is defined 5,000 times, and exports it', async function () {
    // 5,000 requirements, indexed and exported: seconds on a busy 2-core machine, not a measure of speed.
    this.timeout(120_000);
    const dir = writeTree({ 'a.md': FRONT + '### REQ-1: x\n- Priority: P1\n- Status: proposed\n\n'.repeat(5000) });
    const board = await indexTree(dir);
    const dups = diagnosticsOf(board, dir, 'a.md', 'duplicate-id');
    assert.equal(dups.length, 5000);
    assert.match(dups[0].message, /^Requirement REQ-1 is defined 5000 times: also at a\.md:10, a\.md:14, a\.md:18 and 4996 more places$/);
    assert.ok(dups.every((d) => (d.data?.others?.length ?? 0) <= 10), 'a few places in the data too');
    const run = await runCliIn(dir, ['export', 'html', '.', '--out', 'site']);
    assert.equal(run.code, 0, run.stderr);
    // Each copy's problems badge counts its own problems, not the 4,999 duplicates of the others.
    const page = fs.readFileSync(path.join(dir, 'site', 'a.html'), 'utf8');
    assert.ok(page.length < 20_000_000, `${page.length} characters`);
  });

  it('reports an empty attribute value as missing, at the ID', async () => {
    const dir = writeTree({ 'a.md': `${FRONT}### REQ-1: x\n- Priority: \n- Status: proposed\n` });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, 'a.md').filter((d) => d.data?.id === 'REQ-1');
    assert.deepEqual(diags.map((d) => [d.code, d.data?.field]), [['missing-field', 'priority']]);
    assertInside(dir, 'a.md', diags);
  });

  it('keeps YAML errors inside their line: an unclosed quote, a directive', async () => {
    const dir = writeTree({
      'quote.md': '---\ntype: prd\ntitle: "unclosed\n---\n# x\n',
      'directive.md': '---\n%YAML 1.2\ntype: prd\n---\n# x\n',
    });
    const board = await indexTree(dir);
    for (const rel of ['quote.md', 'directive.md']) {
      const syntax = diagnosticsOf(board, dir, rel, 'frontmatter-syntax');
      assert.ok(syntax.length > 0, rel);
      assertInside(dir, rel, diagnosticsOf(board, dir, rel));
    }
  });

  it('puts file-skipped at the start of a file whose first line is empty, inside it', async () => {
    const dir = writeTree({ 'a.md': Buffer.from('\nbinary\0data\n') });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, 'a.md');
    assert.deepEqual(diags.map((d) => d.code), ['file-skipped']);
    assertInside(dir, 'a.md', diags);
  });
});
