import * as assert from 'node:assert/strict';
import commonmark from 'commonmark-spec';
import { codeLines, mayBeCode } from '../../src/core/directives';
import { directiveCompletionAt } from '../../src/core';
import { designDoc, prd } from './helpers/docs';
import { diagnosticsOf, indexTree, lineOf, pathIn, removeTrees, runCliIn, writeTree } from './helpers/tree';

/** The codes and 1-based lines of a file's diagnostics. */
async function problems(files: Record<string, string>, file = 'a.md'): Promise<string[]> {
  const dir = writeTree({ 'defs.md': '## REQ-1 Defined\n', ...files });
  const board = await indexTree(dir);
  return diagnosticsOf(board, dir, file).map((d) => `${d.range.start.line + 1}:${d.code}`);
}

describe('suppression comments', () => {
  after(removeTrees);

  it('disable-next-line suppresses the named rule on the next line only', async () => {
    const body = 'REQ-8\n<!-- specboard-disable-next-line unknown-id -->\nREQ-9\nREQ-7\n';
    assert.deepEqual(await problems({ 'a.md': body }), ['1:unknown-id', '4:unknown-id']);
  });

  it('disable-next-line with no rule suppresses every rule on that line', async () => {
    assert.deepEqual(await problems({ 'a.md': '<!-- specboard-disable-next-line -->\nREQ-9 and REQ-8\n' }), []);
  });

  it('disable-line suppresses its own line, also after text', async () => {
    assert.deepEqual(await problems({ 'a.md': 'REQ-9 is planned <!-- specboard-disable-line unknown-id -->\nREQ-8\n' }), ['2:unknown-id']);
  });

  it('disable … enable suppresses a block; a disable without an enable covers the rest of the file', async () => {
    const body = 'REQ-91\n<!-- specboard-disable unknown-id -->\nREQ-92\nREQ-93\n<!-- specboard-enable unknown-id -->\nREQ-94\n<!-- specboard-disable -->\nREQ-95\n\nREQ-96\n';
    assert.deepEqual(await problems({ 'a.md': body }), ['1:unknown-id', '6:unknown-id']);
  });

  it('enable of one rule leaves the others of a disable-all off', async () => {
    const body = '<!-- specboard-disable -->\n<!-- specboard-enable duplicate-id -->\nREQ-9\n## REQ-1 Again\n';
    assert.deepEqual(await problems({ 'a.md': body }), ['4:duplicate-id']);
  });

  it('capture and restore bring back the state before a disable', async () => {
    const body = '<!-- specboard-disable duplicate-id -->\n<!-- specboard-capture -->\n<!-- specboard-disable unknown-id -->\nREQ-9\n<!-- specboard-restore -->\nREQ-8\n## REQ-1 Again\n';
    assert.deepEqual(await problems({ 'a.md': body }), ['6:unknown-id']);
  });

  it('disable-file covers the whole file wherever it stands, front matter included', async () => {
    const doc = designDoc('REQ-9\n\n<!-- specboard-disable-file missing-field unknown-id missing-section -->\n', { owner: undefined });
    assert.deepEqual(await problems({ 'a.md': doc }), []);
  });

  it('a directive inside a code fence, an indented code block or an inline code span is an example, not a directive', async () => {
    const body = [
      '```markdown', '<!-- specboard-disable -->', '```', '',
      '    <!-- specboard-disable -->', '',
      'Write `<!-- specboard-disable -->` to turn checks off.', '',
      'REQ-9',
    ].join('\n');
    assert.deepEqual(await problems({ 'a.md': body }), ['9:unknown-id']);
  });

  it('reads rule names case-insensitively, separated by spaces or commas, and directive names in any case', async () => {
    const body = '<!-- SPECBOARD-DISABLE-NEXT-LINE Unknown-ID, duplicate-id -->\n## REQ-1 Again\n<!-- Specboard-Disable-Next-Line UNKNOWN-ID -->\nREQ-9\n';
    assert.deepEqual(await problems({ 'a.md': body }), ['1:unused-suppression'], 'no REQ-9 on the heading line: unknown-id there is unused');
  });

  it('warns about a comment that suppresses nothing, and about each named rule that suppresses nothing', async () => {
    const lines = [
      '<!-- specboard-disable-next-line -->', 'fine',
      '<!-- specboard-disable-next-line unknown-id duplicate-id -->', 'REQ-9',
      '<!-- specboard-disable-line unknown-type -->',
    ];
    const dir = writeTree({ 'defs.md': '## REQ-1 Defined\n', 'a.md': `${lines.join('\n')}\n` });
    const board = await indexTree(dir);
    const unused = diagnosticsOf(board, dir, 'a.md', 'unused-suppression');
    const dup = lines[2].indexOf('duplicate-id');
    assert.deepEqual(unused.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity]), [
      [0, 0, lines[0].length, 'warning'],
      [2, dup, dup + 'duplicate-id'.length, 'warning'],
      [4, 0, lines[4].length, 'warning'],
    ]);
    assert.match(unused[0].message, /specboard-disable-next-line comment suppresses nothing/);
    assert.match(unused[1].message, /'duplicate-id' in this specboard-disable-next-line comment suppresses nothing/);
    assert.equal(diagnosticsOf(board, dir, 'a.md').length, 3, 'REQ-9 stays suppressed');
  });

  it('warns about a rule no comment can suppress (a typo, config-error) and gives the list', async () => {
    const dir = writeTree({ 'defs.md': '## REQ-1 x\n', 'a.md': '<!-- specboard-disable-next-line unknown-id unknwn-id -->\nREQ-9\n<!-- specboard-disable config-error -->\n' });
    const board = await indexTree(dir);
    const [typo, config] = diagnosticsOf(board, dir, 'a.md', 'unused-suppression');
    assert.match(typo.message, /'unknwn-id' is not a rule a comment can suppress \(frontmatter-syntax, .*unknown-id\)/);
    assert.match(config.message, /suppresses nothing: 'config-error' is not a rule a comment can suppress/);
  });

  it('credits the narrowest comment, so a block made redundant by a next-line comment is reported', async () => {
    const body = '<!-- specboard-disable unknown-id -->\n<!-- specboard-disable-next-line unknown-id -->\nREQ-9\n';
    assert.deepEqual(await problems({ 'a.md': body }), ['1:unused-suppression']);
  });

  it('reports a suppression of a rule that is off in the config as unused, and unused-suppression itself is configurable', async () => {
    const files = { 'a.md': '<!-- specboard-disable-next-line unknown-id -->\nREQ-9\n' };
    assert.deepEqual(await problems({ ...files, '.specboard/config.json': '{"rules": {"unknown-id": "off"}}' }), ['1:unused-suppression']);
    assert.deepEqual(await problems({ ...files, '.specboard/config.json': '{"rules": {"unknown-id": "off", "unused-suppression": "off"}}' }), []);
    const dir = writeTree({ 'defs.md': '## REQ-1 x\n', 'a.md': '<!-- specboard-disable -->\n', '.specboard/config.json': '{"rules": {"unused-suppression": "error"}}' });
    assert.equal((await runCliIn(dir, ['check'])).code, 1);
  });

  it('suppresses a missing section at the document title with disable-next-line above it', async () => {
    const doc = prd().replace('## Use cases', '## Misc').replace('# Test PRD', '<!-- specboard-disable-next-line missing-section -->\n# Test PRD');
    assert.deepEqual(await problems({ 'prd.md': doc }, 'prd.md'), []);
  });

  it('applies alike in the CLI and to an editor\'s unsaved text', async () => {
    const dir = writeTree({ 'defs.md': '## REQ-1 x\n', 'a.md': 'REQ-9\n' });
    const board = await indexTree(dir);
    const view = board.view(pathIn(dir, 'a.md'), '<!-- specboard-disable-next-line unknown-id -->\nREQ-9\nREQ-8\n');
    assert.deepEqual(view?.diagnostics().map((d) => d.range.start.line), [2]);
    const cli = writeTree({ 'defs.md': '## REQ-1 x\n', 'a.md': '<!-- specboard-disable-next-line unknown-id -->\nREQ-9\n' });
    const run = await runCliIn(cli, ['check']);
    assert.equal(run.code, 0, run.stdout);
  });

  it('follows edits: a re-parse of changed text finds new and removed comments', async () => {
    const dir = writeTree({ 'defs.md': '## REQ-1 x\n', 'a.md': '# A\n\nREQ-9\n' });
    const board = await indexTree(dir);
    const path = pathIn(dir, 'a.md');
    board.updateText(path, '# A\n<!-- specboard-disable-next-line unknown-id -->\nREQ-9\n');
    assert.deepEqual(board.diagnostics(path), []);
    board.updateText(path, '# A\n<!-- specboard-disable-next-line unknown-id -->\n\nREQ-9\n');
    assert.deepEqual(board.diagnostics(path).map((d) => d.code), ['unknown-id', 'unused-suppression']);
    board.updateText(path, '# A\n\n\nREQ-9\n');
    assert.deepEqual(board.diagnostics(path).map((d) => d.code), ['unknown-id']);
  });

  it('says where a rule name or a directive name can be completed', () => {
    const line = '<!-- specboard-disable-next-line unknown-id mis -->';
    assert.deepEqual(directiveCompletionAt(line, line.indexOf('mis') + 3), {
      what: 'rule', start: line.indexOf('mis'), end: line.indexOf('mis') + 3, kind: 'disable-next-line', named: ['unknown-id'],
    });
    assert.deepEqual(directiveCompletionAt('<!-- specboard-dis', 18), { what: 'kind', start: 5, end: 18, named: [] });
    assert.deepEqual(directiveCompletionAt('<!-- ', 5), { what: 'kind', start: 5, end: 5, named: [] });
    assert.equal(directiveCompletionAt('<!-- todo', 9), undefined, 'another comment');
    assert.equal(directiveCompletionAt('<!-- specboard-disable --> x', 28), undefined, 'after the comment');
    assert.equal(directiveCompletionAt('<!-- specboard-capture ', 23), undefined, 'capture names no rules');
  });

  it('keeps its line numbers in a document with front matter', async () => {
    const dir = writeTree({ 'defs.md': '## REQ-1 x\n', 'a.md': designDoc('<!-- specboard-disable-next-line unknown-id -->\nREQ-9\nREQ-8\n') });
    const board = await indexTree(dir);
    assert.deepEqual(diagnosticsOf(board, dir, 'a.md', 'unknown-id').map((d) => d.range.start.line), [lineOf(dir, 'a.md', 'REQ-8')]);
  });
});

describe('finding directives without a second block parse', () => {
  const COMMENT = '<!-- specboard-disable unknown-id -->';
  /** Every CommonMark example with the comment written into each of its lines in turn (at the start, and after the line's text). */
  function* documents(): Generator<string[]> {
    for (const example of commonmark.tests) {
      const lines = example.markdown.replace(/→/g, '\t').split('\n');
      for (let i = 0; i < lines.length; i++) {
        yield [...lines.slice(0, i), COMMENT + lines[i], ...lines.slice(i)];
        yield [...lines.slice(0, i), `${lines[i]} ${COMMENT}`, ...lines.slice(i + 1)];
      }
    }
  }

  it('asks markdown-it for code lines whenever a comment could be in code (CommonMark examples, a comment in every line)', () => {
    let documentsSeen = 0;
    let skipped = 0;
    for (const lines of documents()) {
      documentsSeen++;
      const candidates = lines.flatMap((l, i) => (l.includes(COMMENT) ? [i] : []));
      if (mayBeCode(lines, 0, candidates)) continue;
      skipped++;
      const code = codeLines(lines, 0);
      assert.deepEqual(candidates.filter((i) => code.has(i)), [], `markdown-it puts the comment in code, the check said it could not be:\n${lines.join('\n')}`);
    }
    console.log(`      ${documentsSeen} documents: ${skipped} (${((100 * skipped) / documentsSeen).toFixed(1)}%) found their directives without a second block parse, every one agreeing with markdown-it`);
    assert.ok(skipped > documentsSeen / 3, 'the check skips the parse for most documents');
  });
});
