import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { prd } from './helpers/docs';
import { diagnosticsOf, indexTree, pathIn, removeTrees, runCliIn, startOf, textAt, writeTree } from './helpers/tree';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('bad input files', () => {
  after(removeTrees);

  it('skips a .md file containing NUL bytes with a file-skipped warning', async () => {
    const dir = writeTree({ 'image.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x0d, 0x0a]) });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, 'image.md');
    assert.deepEqual(diags.map((d) => [d.code, d.severity, startOf(d)]), [['file-skipped', 'warning', '1:1']]);
    assert.match(diags[0].message, /binary/);
    assert.deepEqual(board.stats().skipped.map((s) => s.path), [pathIn(dir, 'image.md')]);
  });

  it('skips a file over maxFileSize, naming its size and the limit', async () => {
    const big = `## REQ-1 Big\n${'x'.repeat(200)}\n`;
    const dir = writeTree({ '.specboard/config.json': '{ "maxFileSize": 100 }', 'big.md': big, 'small.md': 'REQ-1\n' });
    const board = await indexTree(dir);
    const [d] = diagnosticsOf(board, dir, 'big.md');
    assert.equal(d.code, 'file-skipped');
    assert.ok(d.message.includes(`${Buffer.byteLength(big)} bytes, over the limit of 100`), d.message);
    assert.equal(board.definition('REQ-1'), undefined, 'nothing is read from a skipped file');
  });

  it('skips an oversized source file silently but notes it in the stats', async () => {
    const dir = writeTree({ '.specboard/config.json': '{ "maxFileSize": 50 }', 'gen.ts': `// ${'y'.repeat(100)}\n` });
    const board = await indexTree(dir);
    assert.deepEqual(board.allDiagnostics(), []);
    assert.equal(board.stats().skipped.length, 1);
  });

  it('skips a file that is not valid UTF-8', async () => {
    const dir = writeTree({ 'latin1.md': Buffer.from('# Caf\xe9\n', 'latin1') });
    const board = await indexTree(dir);
    const diags = diagnosticsOf(board, dir, 'latin1.md');
    assert.deepEqual(diags.map((d) => d.code), ['file-skipped']);
    assert.match(diags[0].message, /not valid UTF-8/);
  });

  it('reads a CRLF document with the same lines and columns as its LF twin', async () => {
    const lf = prd('### REQ-1 A\n- Priority: P0\n- Status: blocked\n', { status: 'nope' });
    const shape = async (text: string) => {
      const dir = writeTree({ 'doc.md': text });
      return diagnosticsOf(await indexTree(dir), dir, 'doc.md').map((d) => [d.code, startOf(d), d.range.end.character, textAt(dir, 'doc.md', d)]);
    };
    const [lfShape, crlfShape] = [await shape(lf), await shape(lf.replace(/\n/g, '\r\n'))];
    assert.deepEqual(lfShape.map((s) => s[3]), ['nope', 'blocked']);
    assert.deepEqual(crlfShape, lfShape);
  });

  it('reads a document that starts with a byte order mark, front matter included', async () => {
    const text = prd('', { status: 'nope' });
    const dir = writeTree({ 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'plain.md': text });
    const board = await indexTree(dir);
    const bom = diagnosticsOf(board, dir, 'bom.md');
    assert.deepEqual(bom.map((d) => [d.code, startOf(d)]), diagnosticsOf(board, dir, 'plain.md').map((d) => [d.code, startOf(d)]));
    assert.deepEqual(bom.map((d) => d.code), ['invalid-value']);
  });

  it('reads an empty file and a file with only whitespace without complaint', async () => {
    const dir = writeTree({ 'empty.md': '', 'blank.md': '\n\n  \n', 'empty.ts': '' });
    const board = await indexTree(dir);
    assert.deepEqual(board.allDiagnostics(), []);
    assert.equal(board.stats().files, 3);
  });

  it('copes with a very long line and many ID-like tokens', async () => {
    const dir = writeTree({ 'defs.md': '## REQ-1 a\n', 'long.md': `${'REQ-1 UTF-8 '.repeat(20000)}\n` });
    const board = await indexTree(dir);
    assert.equal(board.trace()[0].references.length, 20000);
  });

  it('reports 200,000 unknown IDs on one line without overflowing the stack', async function () {
    this.timeout(120_000); // 200,000 diagnostics on a busy 2-core machine: seconds, not a measure of speed
    const dir = writeTree({ 'defs.md': '## REQ-1 a\n', 'long.md': `${'REQ-2 '.repeat(200_000)}\n` });
    const board = await indexTree(dir);
    assert.equal(board.allDiagnostics().filter((d) => d.code === 'unknown-id').length, 200_000);
    const run = await runCliIn(dir, ['check', '--format', 'json']);
    assert.equal(run.code, 1, run.stderr);
    assert.equal(JSON.parse(run.stdout).summary.errors, 200_000);
  });

  it('re-parses an edited document holding 200,000 IDs on one line', async () => {
    const dir = writeTree({ 'defs.md': '## REQ-1 a\n', 'long.md': '' });
    const board = await indexTree(dir);
    const text = `# Title\n\nIntro.\n\n## Edited\n\nSome text.\n\n## Kept\n\n${'REQ-1 '.repeat(200_000)}\n`;
    board.updateText(pathIn(dir, 'long.md'), text);
    // Below the edit, the previous parse's tokens are kept and appended, not re-scanned.
    board.updateText(pathIn(dir, 'long.md'), text.replace('Some text.', 'Some other text.'));
    assert.equal(board.file(pathIn(dir, 'long.md'))?.tokens.length, 200_000);
  });

  it('lists skipped files as notes in the CLI output', async () => {
    const dir = writeTree({ 'bin.md': Buffer.from([0, 1, 2]) });
    const run = await runCliIn(dir, ['check']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /^bin\.md:1:1: warning file-skipped /m);
    assert.match(run.stdout, /^note: skipped bin\.md: /m);
  });

  (isRoot ? it.skip : it)('skips an unreadable file with a warning naming EACCES (not testable as root: chmod does not block root)', async () => {
    const dir = writeTree({ 'secret.md': '# secret\n' });
    fs.chmodSync(`${dir}/secret.md`, 0o000);
    try {
      const board = await indexTree(dir);
      assert.deepEqual(diagnosticsOf(board, dir, 'secret.md').map((d) => [d.code, d.message]), [['file-skipped', 'Skipped: this file could not be read (EACCES)']]);
    } finally {
      fs.chmodSync(`${dir}/secret.md`, 0o644);
    }
  });

  it('recovers when a skipped file becomes readable text', async () => {
    const dir = writeTree({ 'x.md': Buffer.from([0, 0, 0]) });
    const board = await indexTree(dir);
    const result = board.updateText(pathIn(dir, 'x.md'), '## REQ-1 now text\n');
    assert.ok(result.affected.has(pathIn(dir, 'x.md')));
    assert.deepEqual(board.diagnostics(pathIn(dir, 'x.md')), []);
    assert.deepEqual(board.stats().skipped, []);
  });
});
