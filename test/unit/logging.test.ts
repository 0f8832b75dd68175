import * as assert from 'node:assert/strict';
import { createSpecboard, errorCode, type Logger } from '../../src/core';
import { NodeWorkspace } from '../../src/cli/nodeWorkspace';
import { diagnosticsOf, pathIn, removeTrees, runCliIn, writeFile, writeTree } from './helpers/tree';

interface Entry {
  readonly level: keyof Logger;
  readonly message: string;
  readonly error?: unknown;
}

/** A logger that keeps every entry, so a test can say what the core reported. */
function collectingLogger(): Logger & { entries: Entry[]; at(level: keyof Logger): Entry[] } {
  const entries: Entry[] = [];
  const add = (level: keyof Logger) => (message: string, error?: unknown) => { entries.push({ level, message, error }); };
  return {
    entries,
    at: (level) => entries.filter((e) => e.level === level),
    trace: add('trace'), debug: add('debug'), info: add('info'), warn: add('warn'), error: add('error'),
  };
}

/** What Node's fs throws for a file it may not read (root reads anything, so chmod cannot make one). */
function accessDenied(path: string): Error {
  return Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES', errno: -13, syscall: 'open', path });
}

/** The real file system, except that reading the files in `denied` fails as it would without permission. */
class DeniedWorkspace extends NodeWorkspace {
  constructor(roots: readonly string[], private readonly denied: ReadonlySet<string>) {
    super(roots);
  }

  override async readFile(p: string): Promise<Uint8Array> {
    if (this.denied.has(p)) throw accessDenied(p);
    return super.readFile(p);
  }
}

describe('the core reports to its injected logger', () => {
  after(removeTrees);

  it('logs one info line per index with file, document and requirement counts and the time taken', async () => {
    const dir = writeTree({ 'a.prd.md': '---\ntype: prd\n---\n## REQ-1 A\n', 'notes.md': '## REQ-2 B\n', 'src/x.ts': '// REQ-1\n' });
    const logger = collectingLogger();
    await createSpecboard({ workspace: new NodeWorkspace([dir]), logger }).indexAll();
    const info = logger.at('info').map((e) => e.message);
    assert.equal(info.length, 1, JSON.stringify(info));
    assert.match(info[0], /^Indexed: 3 of 3 files in 1 folder\(s\), 1 documents, 2 requirements, 1 references, 0 skipped; \d+ ms \(listing \d+ ms\)$/);
    assert.deepEqual(logger.at('warn'), []);
    assert.deepEqual(logger.at('error'), []);
  });

  it('logs a warning naming a skipped file and the reason it was skipped', async () => {
    const dir = writeTree({ 'bin.md': Buffer.from([0, 1, 2]), 'ok.md': '## REQ-1 A\n' });
    const logger = collectingLogger();
    const board = createSpecboard({ workspace: new NodeWorkspace([dir]), logger });
    const stats = await board.indexAll();
    assert.deepEqual(logger.at('warn').map((e) => e.message), [`Skipped ${pathIn(dir, 'bin.md')}: Skipped: this file looks binary (it contains NUL bytes)`]);
    assert.match(logger.at('info')[0].message, /, 1 skipped;/);
    assert.equal(stats.skipped.length, 1);
  });

  it('keeps the errno of an unreadable file in its diagnostic, its skipped note and the log', async () => {
    const dir = writeTree({ 'secret.md': '## REQ-1 A\n', 'src/x.ts': '// REQ-1\n' });
    const secret = pathIn(dir, 'secret.md');
    const logger = collectingLogger();
    const board = createSpecboard({ workspace: new DeniedWorkspace([dir], new Set([secret])), logger });
    const stats = await board.indexAll();
    const reason = 'Skipped: this file could not be read (EACCES)';
    assert.deepEqual(diagnosticsOf(board, dir, 'secret.md').map((d) => [d.code, d.message]), [['file-skipped', reason]]);
    assert.deepEqual(stats.skipped, [{ path: secret, reason }]);
    const [warning] = logger.at('warn');
    assert.equal(warning.message, `Skipped ${secret}: ${reason}`);
    assert.equal(errorCode(warning.error), 'EACCES', 'the cause goes to the log with the message, so its stack can be written');
  });

  it('logs an error thrown inside a watcher-style update with its stack, skips that file and resolves', async () => {
    const dir = writeTree({ 'a.md': '## REQ-1 A\n', 'b.md': '## REQ-2 B\n' });
    const broken = pathIn(dir, 'b.md');
    // An adapter bug: the bytes are not bytes, so decoding throws a TypeError inside the update.
    const workspace = new NodeWorkspace([dir]);
    const logger = collectingLogger();
    const board = createSpecboard({ workspace, logger });
    await board.indexAll();
    const read = workspace.readFile.bind(workspace);
    workspace.readFile = async (p) => (p === broken ? (undefined as unknown as Uint8Array) : read(p));

    const result = await board.refreshFromDisk(broken);

    assert.ok(result.affected.has(broken));
    const [failure] = logger.at('error');
    assert.equal(failure.message, `Reading ${broken} failed`);
    assert.ok(failure.error instanceof TypeError && /\n\s+at /.test(failure.error.stack ?? ''), 'the TypeError itself, with its stack');
    assert.deepEqual(diagnosticsOf(board, dir, 'b.md').map((d) => d.code), ['file-skipped']);
    assert.match(diagnosticsOf(board, dir, 'b.md')[0].message, /^Skipped: reading this file failed \(.+\)$/);
    assert.deepEqual(board.trace().map((r) => r.id), ['REQ-1'], 'the other file is still indexed');
  });

  it('names a workspace folder that cannot be listed, with its errno, and indexes the others', async () => {
    const good = writeTree({ 'a.md': '## REQ-1 A\n' });
    const gone = `${writeTree({})}/deleted-meanwhile`;
    const logger = collectingLogger();
    const board = createSpecboard({ workspace: new NodeWorkspace([good, gone]), logger });
    const stats = await board.indexAll();
    assert.deepEqual(board.trace().map((r) => r.id), ['REQ-1']);
    assert.deepEqual(stats.skipped, [{ path: gone, reason: 'Skipped: this folder could not be read (ENOENT), so nothing in it was checked', folder: true }]);
    const [warning] = logger.at('warn');
    assert.match(warning.message, new RegExp(`^Skipped the folder ${gone}: .*\\(ENOENT\\)`));
    assert.equal(errorCode(warning.error), 'ENOENT');
  });

  it('reports a config file that exists but cannot be read, instead of silently using the defaults', async () => {
    const dir = writeTree({ '.specboard/config.json': '{ "prefixes": ["REQ"] }', 'a.md': '## REQ-1 A\n' });
    const logger = collectingLogger();
    const board = createSpecboard({ workspace: new DeniedWorkspace([dir], new Set([pathIn(dir, '.specboard/config.json')])), logger });
    await board.indexAll();
    assert.deepEqual(diagnosticsOf(board, dir, '.specboard/config.json').map((d) => d.message),
      ['.specboard/config.json could not be read, so the defaults apply: the read failed (EACCES)']);
    assert.match(logger.at('warn')[0].message, /config\.json cannot be used; the default settings apply: the read failed \(EACCES\)/);
  });

  it('logs a settings reload with its file count and time', async () => {
    const dir = writeTree({ '.specboard/config.json': '{}', 'a.md': '## REQ-1 A\n', 'b.md': '## REQ-2 B\n' });
    const logger = collectingLogger();
    const board = createSpecboard({ workspace: new NodeWorkspace([dir]), logger });
    await board.indexAll();
    writeFile(dir, '.specboard/config.json', '{ "exclude": ["b.md"] }');
    await board.reloadProject(dir);
    assert.deepEqual(logger.at('info').slice(1).map((e) => e.message.replace(/\d+ ms$/, 'N ms')), [
      `Reloading the settings of ${dir}`,
      `Reloaded ${dir}: 1 files, 0 config or schema problems; N ms`,
    ]);
  });
});

describe('specboard --verbose', () => {
  after(removeTrees);

  it('logs to standard error only, leaving standard output as the report', async () => {
    const dir = writeTree({ 'a.md': '## REQ-1 A\n', 'bin.md': Buffer.from([0, 1]) });
    const quiet = await runCliIn(dir, ['check', '--format', 'json']);
    const verbose = await runCliIn(dir, ['check', '--format', 'json', '--verbose']);
    assert.equal(quiet.stderr, '');
    assert.equal(verbose.stdout, quiet.stdout);
    assert.equal(verbose.code, quiet.code);
    assert.match(verbose.stderr, /^\[warn\] Skipped .*\/bin\.md: Skipped: this file looks binary/m);
    assert.match(verbose.stderr, /^\[info\] Indexed: 2 of 2 files in 1 folder\(s\), .* 1 skipped; \d+ ms/m);
  });
});

describe('errorCode', () => {
  it('finds the errno in Node errors and in the message of a vscode.workspace.fs error', () => {
    assert.equal(errorCode(accessDenied('/x')), 'EACCES');
    const fsError = Object.assign(new Error("Unable to read file '/w/a.md' (NoPermissions (FileSystemError): Error: EACCES: permission denied, open '/w/a.md')"), { code: 'NoPermissions' });
    assert.equal(errorCode(fsError), 'EACCES');
    assert.equal(errorCode(Object.assign(new Error('Unable to resolve nonexistent file'), { code: 'FileNotFound' })), 'FileNotFound');
    assert.equal(errorCode(new Error('ERROR: not an errno')), 'ERROR: not an errno', 'no code: the message');
  });
});
