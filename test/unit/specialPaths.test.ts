import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import { createSpecboard } from '../../src/core';
import { NodeWorkspace } from '../../src/cli/nodeWorkspace';
import { diagnosticsOf, indexTree, makeFifo, pathIn, removeTrees, runCliIn, symlinkIn, writeTree } from './helpers/tree';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasDev = fs.existsSync('/dev/null') && fs.existsSync('/dev/zero');

/** Listens on a Unix socket at `file` until the returned function closes it. */
async function socketAt(file: string): Promise<() => Promise<void>> {
  const server = net.createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(file, resolve));
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/**
 * Paths that are not regular files or folders (named pipes, sockets, devices, links to them, link
 * loops) and folders that cannot be listed. Reading a pipe waits forever and /dev/zero never ends,
 * so none is read; each is named with what it is or with its error code, never dropped silently.
 */
describe('special and unreadable paths', () => {
  after(removeTrees);

  it('skips a named pipe given as the only target with a note and exits 2, without waiting on it', async function () {
    const dir = writeTree({ 'a.md': '## REQ-1 A\n' });
    if (!makeFifo(dir, 'pipe.md')) this.skip();
    const run = await runCliIn(dir, ['check', 'pipe.md']);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, '');
    assert.equal(run.stderr, 'note: skipped pipe.md: it is a named pipe (FIFO), not a regular file or folder\nNone of the given paths is a file or folder that can be read.\n');
    const zh = await runCliIn(dir, ['check', 'pipe.md', '--lang', 'zh-cn']);
    assert.equal(zh.stderr, '注意：已跳过 pipe.md：它是命名管道（FIFO），不是普通文件或目录\n给出的路径中没有可以读取的文件或目录。\n');
  });

  (hasDev ? it : it.skip)('does not check the folder of /dev/null or of a link to /dev/zero given as the target', async () => {
    const dir = writeTree({ 'a.md': '## REQ-1 A\n' });
    symlinkIn(dir, 'zero.md', '/dev/zero');
    for (const target of ['/dev/null', 'zero.md']) {
      const run = await runCliIn(dir, ['check', target]);
      assert.equal(run.code, 2, target);
      assert.equal(run.stderr.split('\n')[0], `note: skipped ${target}: it is a device file, not a regular file or folder`);
    }
  });

  it('checks the other targets when one is a named pipe', async function () {
    const dir = writeTree({ 'docs/a.md': '## REQ-1 A\n\nSee REQ-2.\n' });
    if (!makeFifo(dir, 'pipe.md')) this.skip();
    const run = await runCliIn(dir, ['check', 'pipe.md', 'docs']);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^note: skipped pipe\.md: it is a named pipe/);
    assert.match(run.stdout, /^docs\/a\.md:3:5: error unknown-id /m);
  });

  it('names the error code of a target that cannot be read (a link loop), where it used to say "no such file"', async () => {
    const dir = writeTree({ 'a.md': '# A\n' });
    symlinkIn(dir, 'loop.md', 'loop.md');
    const run = await runCliIn(dir, ['check', 'loop.md']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^note: skipped loop\.md: it could not be read \(ELOOP\)\n/);
  });

  (hasDev ? it : it.skip)('skips named pipes, sockets, devices and links to them in a workspace with a file-skipped note', async function () {
    const dir = writeTree({ 'docs/a.md': '## REQ-1 A\n' });
    if (!makeFifo(dir, 'docs/pipe.md') || !makeFifo(dir, 'docs/pipe.bin')) this.skip();
    symlinkIn(dir, 'docs/zero.md', '/dev/zero');
    symlinkIn(dir, 'docs/null.ts', '/dev/null');
    symlinkIn(dir, 'docs/to-pipe.md', 'pipe.md');
    const close = await socketAt(`${dir}/docs/sock.md`);
    try {
      const board = await indexTree(dir);
      const skipped = (rel: string) => diagnosticsOf(board, dir, rel).map((d) => `${d.code}: ${d.message}`);
      assert.deepEqual(skipped('docs/pipe.md'), ['file-skipped: Skipped: this is a named pipe (FIFO), not a regular file, so it was not read']);
      assert.deepEqual(skipped('docs/to-pipe.md'), skipped('docs/pipe.md'));
      assert.deepEqual(skipped('docs/sock.md'), ['file-skipped: Skipped: this is a socket, not a regular file, so it was not read']);
      assert.deepEqual(skipped('docs/zero.md'), ['file-skipped: Skipped: this is a device file, not a regular file, so it was not read']);
      // A source file is noted in the summary only; a file Specboard does not read is not mentioned.
      assert.deepEqual(board.stats().skipped.map((s) => s.path.slice(dir.length + 1)).sort(),
        ['docs/null.ts', 'docs/pipe.md', 'docs/sock.md', 'docs/to-pipe.md', 'docs/zero.md']);
      assert.ok(board.definition('REQ-1'), 'the regular files are read');
      const run = await runCliIn(dir, ['check']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^note: skipped docs\/null\.ts: Skipped: this is a device file/m);
    } finally {
      await close();
    }
  });

  it('keeps the error code of a file that cannot be read (a link loop refreshed from disk)', async () => {
    const dir = writeTree({ 'a.md': '# A\n' });
    const board = await indexTree(dir);
    const loop = symlinkIn(dir, 'loop.md', 'loop.md');
    await board.refreshFromDisk(loop);
    assert.deepEqual(diagnosticsOf(board, dir, 'loop.md').map((d) => d.message), ['Skipped: this file could not be read (ELOOP)']);
  });

  it('names a workspace root that cannot be listed, with its error code, and indexes the other roots', async () => {
    const dir = writeTree({ 'ok/a.md': '## REQ-1 A\n' });
    const loop = symlinkIn(dir, 'loop', 'loop');
    const board = createSpecboard({ workspace: new NodeWorkspace([loop, pathIn(dir, 'ok')]) });
    await board.indexAll();
    assert.deepEqual(board.stats().skipped, [{ path: loop, reason: 'Skipped: this folder could not be read (ELOOP), so nothing in it was checked', folder: true }]);
    assert.ok(board.definition('REQ-1'));
  });

  (isRoot ? it.skip : it)('names a sub-folder it cannot list with EACCES (not testable as root: chmod does not block root)', async () => {
    const dir = writeTree({ 'a.md': '# A\n', 'private/b.md': '# B\n' });
    fs.chmodSync(`${dir}/private`, 0o000);
    try {
      const run = await runCliIn(dir, ['check']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, /^note: skipped private: Skipped: this folder could not be read \(EACCES\)/m);
    } finally {
      fs.chmodSync(`${dir}/private`, 0o755);
    }
  });

  (isRoot ? it.skip : it)('exits 2 when the folder to check cannot be listed (not testable as root)', async () => {
    const dir = writeTree({ 'docs/.specboard/config.json': '{}', 'docs/a.md': '# A\n' });
    fs.chmodSync(`${dir}/docs`, 0o311);
    try {
      const run = await runCliIn(dir, ['check', 'docs']);
      assert.equal(run.code, 2);
      assert.match(run.stdout, /^note: skipped docs: Skipped: this folder could not be read \(EACCES\)/m);
    } finally {
      fs.chmodSync(`${dir}/docs`, 0o755);
    }
  });
});
