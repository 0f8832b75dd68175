import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { diagnosticsOf, indexTree, makeFifo, removeTrees, runCliIn, symlinkIn, writeTree } from './helpers/tree';

const CONFIG = '.specboard/config.json';
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
// Without NUL bytes, so it is refused as text that is not UTF-8 rather than as binary.
const NOT_UTF8 = Buffer.from([0xff, 0xfe, 0x7b, 0x80, 0x81, 0x7d]);

/**
 * A config or schema file that is there but cannot be read as text (binary, not UTF-8, a folder,
 * a named pipe, a device) used to be ignored without a word, so a workspace silently lost its
 * prefixes and statuses. It is a config-error naming the file; check exits 2.
 */
describe('settings files that cannot be read', () => {
  after(removeTrees);

  const cases: [string, (dir: string) => boolean, RegExp][] = [
    ['a PNG', (dir) => { fs.writeFileSync(`${dir}/${CONFIG}`, PNG); return true; }, /it looks binary \(it contains NUL bytes\)$/],
    ['bytes that are not UTF-8', (dir) => { fs.writeFileSync(`${dir}/${CONFIG}`, NOT_UTF8); return true; }, /it is not valid UTF-8 text$/],
    ['a folder', (dir) => { fs.mkdirSync(`${dir}/${CONFIG}`); return true; }, /it is a folder, not a regular file$/],
    ['a named pipe', (dir) => makeFifo(dir, CONFIG), /it is a named pipe \(FIFO\), not a regular file$/],
    ['a link to /dev/zero', (dir) => fs.existsSync('/dev/zero') && !!symlinkIn(dir, CONFIG, '/dev/zero'), /it is a device file, not a regular file$/],
  ];
  for (const [name, make, reason] of cases) {
    it(`reports a config that is ${name} as a config-error naming it, and check exits 2 without hanging`, async function () {
      const dir = writeTree({ '.specboard/schemas/.keep': '', 'a.md': '## REQ-1 A\n' });
      if (!make(dir)) this.skip();
      const board = await indexTree(dir);
      const diags = diagnosticsOf(board, dir, CONFIG);
      assert.deepEqual(diags.map((d) => [d.code, d.severity]), [['config-error', 'error']]);
      assert.match(diags[0].message, /^\.specboard\/config\.json could not be read, so the defaults apply: /);
      assert.match(diags[0].message, reason);
      assert.equal(board.stats().requirements, 1, 'documents are still read, with the defaults');
      const run = await runCliIn(dir, ['check']);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stdout, /^\.specboard\/config\.json:1:1: error config-error \.specboard\/config\.json could not be read/m);
    });
  }

  it('says so in Chinese with --lang zh-cn', async () => {
    const dir = writeTree({ [CONFIG]: PNG, 'a.md': '# A\n' });
    const run = await runCliIn(dir, ['check', '--lang', 'zh-cn']);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /config-error \.specboard\/config\.json 无法读取，已改用默认设置：它看起来是二进制文件（包含 NUL 字节）/);
  });

  it('reports a custom schema that cannot be read, and still reads the others', async () => {
    const dir = writeTree({
      '.specboard/schemas/spec.schema.json': PNG,
      '.specboard/schemas/note.schema.json': '{ "type": "object", "x-specboard": { "type": "note" } }',
    });
    const board = await indexTree(dir);
    const [d] = diagnosticsOf(board, dir, '.specboard/schemas/spec.schema.json');
    assert.equal(d.code, 'config-error');
    assert.equal(d.message, '.specboard/schemas/spec.schema.json: it could not be read, so it is ignored: it looks binary (it contains NUL bytes)');
    assert.deepEqual(diagnosticsOf(board, dir, '.specboard/schemas/note.schema.json'), []);
  });

  (isRoot ? it.skip : it)('reports schemas in a folder it can list but not search, without crashing (not testable as root)', async () => {
    const dir = writeTree({ '.specboard/schemas/spec.schema.json': '{}', 'a.md': '# A\n' });
    fs.chmodSync(`${dir}/.specboard/schemas`, 0o444);
    try {
      const run = await runCliIn(dir, ['check']);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stdout, /^\.specboard\/schemas\/spec\.schema\.json:1:1: error config-error .*EACCES/m);
    } finally {
      fs.chmodSync(`${dir}/.specboard/schemas`, 0o755);
    }
  });

  it('still treats a missing config as no config', async () => {
    const board = await indexTree(writeTree({ '.specboard/schemas/.keep': '', 'a.md': '# A\n' }));
    assert.deepEqual(board.allDiagnostics(), []);
  });
});
