import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { removeTrees, runCliIn, writeTree } from './helpers/tree';

/** The repository root: this file runs bundled from out/test/unit. */
const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

/** Read from disk at run time, not bundled, so the test compares against the file as it is now. */
const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('the version package.json states', () => {
  after(removeTrees);

  before(function () {
    if (existsSync(CLI)) return;
    this.timeout(120_000);
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  it('is what specboard --version prints, in-process and from the built bin', async () => {
    assert.match(PACKAGE_VERSION, /^\d+\.\d+\.\d+/);
    const run = await runCliIn(writeTree({}), ['--version']);
    assert.deepEqual([run.code, run.stdout], [0, `${PACKAGE_VERSION}\n`]);
    const bin = spawnSync(process.execPath, [CLI, '--version'], { cwd: ROOT, encoding: 'utf8' });
    assert.deepEqual([bin.status, bin.stdout], [0, `${PACKAGE_VERSION}\n`], bin.stderr);
  });

  it('is the SARIF driver version of specboard check', async () => {
    const run = await runCliIn(writeTree({ 'a.md': '# nothing\n' }), ['check', '--format', 'sarif']);
    assert.equal(JSON.parse(run.stdout).runs[0].tool.driver.version, PACKAGE_VERSION);
  });
});

describe('the parser build id the saved index is keyed on', function () {
  this.timeout(60_000);
  after(removeTrees);

  /** What scripts/defines.mjs gives for a copy of the checkout in `dir`. */
  const buildIdIn = (dir: string): string => {
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', "const { defines } = await import('./scripts/defines.mjs'); process.stdout.write(JSON.parse(defines.__SPECBOARD_BUILD__));"], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    return run.stdout;
  };
  const copy = (): string => {
    const dir = path.join(writeTree({}), 'a checkout');
    for (const part of ['package.json', 'scripts', 'src', 'schemas']) cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
    return dir;
  };

  it('is the same for the same sources anywhere, and changes with a core source or a built-in schema', () => {
    const here = buildIdIn(ROOT);
    assert.match(here, /^[0-9a-f]{12}$/);
    const elsewhere = copy();
    assert.equal(buildIdIn(elsewhere), here, 'a checkout in another folder (with a space in its path)');
    appendFileSync(path.join(elsewhere, 'src/core/trace.ts'), '\n');
    const afterCore = buildIdIn(elsewhere);
    assert.notEqual(afterCore, here);
    appendFileSync(path.join(elsewhere, 'schemas/prd.schema.json'), '\n');
    assert.notEqual(buildIdIn(elsewhere), afterCore);
  });
});
