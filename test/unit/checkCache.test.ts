import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { prd } from './helpers/docs';
import { removeTrees, runCliIn, writeFile, writeTree } from './helpers/tree';

/** A PRD defining REQ-1 and REQ-2, a note citing REQ-2, code citing both and an unknown ID. */
function workspace(): string {
  return writeTree({
    '.specboard/config.json': '{ "prefixes": ["REQ"] }',
    'docs/prd.md': prd('### REQ-1 Pay\n- Priority: P0\n- Status: blocked\n\n### REQ-2 Refund\n- Priority: P1\n- Status: draft\n'),
    'docs/notes.md': 'Mentions REQ-2.\n',
    'src/pay.ts': '// REQ-1\n// REQ-77 planned\n',
  });
}

/** Sets every file's and folder's mtime a minute back, so signatures are not racy and the report can be reused. */
function settle(dir: string): void {
  const past = new Date(Date.now() - 60_000);
  const walk = (p: string) => {
    if (fs.statSync(p).isDirectory()) for (const name of fs.readdirSync(p)) walk(path.join(p, name));
    fs.utimesSync(p, past, past);
  };
  walk(dir);
}

/** What --verbose says the cache did. */
function cacheLine(stderr: string): string {
  return /\[info\] Cache: ([^;\n]*)/.exec(stderr)?.[1] ?? '';
}

async function cached(dir: string, ...more: string[]) {
  return runCliIn(dir, ['check', '--cache', '--cache-location', '.cache/', '--verbose', ...more]);
}

async function uncached(dir: string, ...more: string[]) {
  return runCliIn(dir, ['check', ...more]);
}

describe('specboard check --cache', () => {
  after(removeTrees);

  for (const format of ['text', 'json', 'sarif']) {
    it(`prints the same ${format} report and exit code cold, warm and uncached`, async () => {
      const dir = workspace();
      const plain = await uncached(dir, '--format', format);
      settle(dir);
      fs.mkdirSync(path.join(dir, '.cache'));
      const cold = await cached(dir, '--format', format);
      const warm = await cached(dir, '--format', format);
      assert.equal(cacheLine(warm.stderr), 'nothing changed since the run cached in ' + path.join(dir, '.cache', fs.readdirSync(path.join(dir, '.cache'))[0]));
      for (const run of [cold, warm]) {
        assert.equal(run.stdout, plain.stdout);
        assert.equal(run.code, plain.code);
      }
    });
  }

  it('re-parses only the edited doc, and updates cross-file diagnostics (a removed definition)', async () => {
    const dir = workspace();
    await cached(dir);
    writeFile(dir, 'docs/prd.md', prd('### REQ-1 Pay\n- Priority: P0\n- Status: blocked\n'));
    const run = await cached(dir);
    assert.equal(cacheLine(run.stderr), '1 files parsed, 2 parses reused (0 validated again)');
    assert.match(run.stdout, /docs\/notes\.md:1:10: error unknown-id REQ-2/);
    assert.equal(run.stdout, (await uncached(dir)).stdout);
  });

  it('reuses the parse of a file whose content is unchanged though it was touched', async () => {
    const dir = workspace();
    await cached(dir);
    const now = new Date();
    fs.utimesSync(path.join(dir, 'docs/notes.md'), now, now);
    assert.equal(cacheLine((await cached(dir)).stderr), '0 files parsed, 3 parses reused (0 validated again)');
  });

  it('sees a new file and a deleted file', async () => {
    const dir = workspace();
    await cached(dir);
    settle(dir);
    writeFile(dir, 'docs/more.md', 'Cites REQ-1 and REQ-9.\n');
    fs.rmSync(path.join(dir, 'src/pay.ts'));
    const run = await cached(dir);
    assert.equal(cacheLine(run.stderr), '1 files parsed, 2 parses reused (0 validated again)');
    assert.equal(run.stdout, (await uncached(dir)).stdout);
  });

  it('re-parses everything when the config changes', async () => {
    const dir = workspace();
    await cached(dir);
    settle(dir);
    writeFile(dir, '.specboard/config.json', '{ "prefixes": ["REQ"], "rules": {}, "maxFileSize": 1000000 }');
    const run = await cached(dir);
    assert.equal(cacheLine(run.stderr), '3 files parsed, 0 parses reused (0 validated again)');
    assert.equal(run.stdout, (await uncached(dir)).stdout);
  });

  it('validates docs again, without re-parsing, when a custom schema changes but not its ID prefix', async () => {
    const schema = (sections: object[]) => JSON.stringify({ allOf: [{ $ref: 'common.schema.json' }], 'x-specboard': { type: 'prd', sections } });
    const dir = workspace();
    writeFile(dir, '.specboard/schemas/prd.schema.json', schema([]));
    await cached(dir);
    writeFile(dir, '.specboard/schemas/prd.schema.json', schema([{ id: 'goals', title: { en: 'Goals', 'zh-cn': '目标' }, level: 'required' }]));
    const run = await cached(dir);
    assert.equal(cacheLine(run.stderr), '0 files parsed, 3 parses reused (3 validated again)');
    assert.match(run.stdout, /missing-section/);
    assert.equal(run.stdout, (await uncached(dir)).stdout);
  });

  for (const [name, damage, note] of [
    ['truncated', (f: string) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2)), /is damaged/],
    ['changed in its middle', (f: string) => { const b = fs.readFileSync(f); b[b.length - 10] ^= 1; fs.writeFileSync(f, b); }, /is damaged/],
    ['not JSON', (f: string) => fs.writeFileSync(f, '\0\0garbage'), /is damaged/],
    ['another tool\'s', (f: string) => fs.writeFileSync(f, '{"version":3}\n'), /is not a Specboard cache/],
    ['from another version', (f: string) => fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/"build":"[^"]*"/, '"build":"0.0.1"')), /another version/],
    ['a folder', (f: string) => { fs.rmSync(f); fs.mkdirSync(f); }, /could not be read/],
  ] as const) {
    it(`ignores a cache file that is ${name}, with a note, and reports correctly`, async () => {
      const dir = workspace();
      await cached(dir);
      const file = path.join(dir, '.cache', fs.readdirSync(path.join(dir, '.cache'))[0]);
      damage(file);
      writeFile(dir, 'docs/notes.md', 'Mentions REQ-3.\n');
      const run = await cached(dir);
      const plain = await uncached(dir);
      assert.match(run.stderr, note);
      assert.equal(run.stdout, plain.stdout);
      assert.equal(run.code, plain.code);
    });
  }

  it('says so when the cache cannot be written, and keeps the exit code', async () => {
    const dir = workspace();
    writeFile(dir, 'blocker', 'a file where a folder is needed');
    const run = await runCliIn(dir, ['check', '--cache', '--cache-location', 'blocker/cache.json']);
    assert.match(run.stderr, /could not be written/);
    assert.equal(run.code, (await uncached(dir)).code);
  });

  it('takes --cache-location as a file, or as a folder for the file', async () => {
    const dir = workspace();
    await runCliIn(dir, ['check', '--cache', '--cache-location', 'my.cache']);
    assert.ok(fs.statSync(path.join(dir, 'my.cache')).isFile());
    fs.mkdirSync(path.join(dir, 'folder'));
    await runCliIn(dir, ['check', '--cache', '--cache-location', 'folder']);
    assert.match(fs.readdirSync(path.join(dir, 'folder')).join(), /^specboard-\w+\.cache$/);
  });

  it('writes to the user cache folder by default when there is no node_modules, and nothing without --cache', async () => {
    const dir = workspace();
    const home = writeTree({});
    await runCliIn(dir, ['check'], { XDG_CACHE_HOME: home });
    assert.deepEqual(fs.readdirSync(home), []);
    await runCliIn(dir, ['check', '--cache'], { XDG_CACHE_HOME: home });
    assert.match(fs.readdirSync(path.join(home, 'specboard')).join(), /^specboard-\w+\.cache$/);
    fs.mkdirSync(path.join(dir, 'node_modules'));
    await runCliIn(dir, ['check', '--cache'], { XDG_CACHE_HOME: home });
    assert.equal(fs.readdirSync(path.join(dir, 'node_modules', '.cache', 'specboard')).length, 1);
  });

  it('prints a report reused from another folder with that folder\'s paths, in its order', async () => {
    const dir = workspace();
    writeFile(dir, 'docs/deeper/more.md', 'Cites REQ-9 and REQ-8.\n');
    writeFile(dir, 'docs/a.md', 'Cites REQ-7.\n');
    settle(dir);
    fs.mkdirSync(path.join(dir, '.cache'));
    await cached(dir, '.', '--format', 'json');
    const inDocs = path.join(dir, 'docs');
    const warm = await runCliIn(inDocs, ['check', '..', '--cache', '--cache-location', '../.cache/', '--verbose', '--format', 'json']);
    assert.match(cacheLine(warm.stderr), /^nothing changed/);
    assert.equal(warm.stdout, (await runCliIn(inDocs, ['check', '..', '--format', 'json'])).stdout);
  });

  it('does not reuse a report made for other paths or another language', async () => {
    const dir = workspace();
    await cached(dir);
    settle(dir);
    const docs = await cached(dir, 'docs');
    assert.doesNotMatch(cacheLine(docs.stderr), /nothing changed/);
    assert.equal(docs.stdout, (await uncached(dir, 'docs')).stdout);
    const zh = await cached(dir, '--lang', 'zh-cn');
    assert.equal(zh.stdout, (await uncached(dir, '--lang', 'zh-cn')).stdout);
  });
});
