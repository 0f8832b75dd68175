import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { prd } from './helpers/docs';
import { startMcp } from './helpers/mcpClient';
import { removeTrees, writeTree } from './helpers/tree';

/** The repository root: this file runs bundled from out/test/unit. */
const ROOT = path.resolve(__dirname, '../../..');
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The CLI as a package of its own: packed by scripts/cliPackage.mjs exactly as it would be
 * published, installed with npm into an empty project (offline: it has no dependencies), and run
 * through the `specboard` bin npm links, as `npx specboard` runs it.
 */
describe('the specboard CLI package', function () {
  this.timeout(120_000);
  let app = '';
  let tarball = '';
  const run = (args: string[], cwd = app) => spawnSync('npx', ['--offline', '--no-install', 'specboard', ...args], { cwd, encoding: 'utf8' });

  before(() => {
    if (!existsSync(path.join(ROOT, 'dist/cli.js'))) {
      const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    const packs = writeTree({});
    const packed = spawnSync(process.execPath, ['scripts/cliPackage.mjs', '--pack-destination', packs], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    tarball = path.join(packs, `specboard-${VERSION}.tgz`);
    app = writeTree({ 'package.json': '{ "name": "a-product-repo", "private": true }\n' });
    const installed = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, encoding: 'utf8' });
    assert.equal(installed.status, 0, installed.stderr);
  });
  after(removeTrees);

  it('holds the bundle, its libraries, a README and the licence, and nothing to install beside it', () => {
    const listed = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
    assert.ok(listed.includes('package/dist/cli.js') && listed.includes('package/README.md') && listed.includes('package/LICENSE'), listed.join(', '));
    assert.ok(listed.some((f) => /^package\/dist\/lib\/yaml\.js$/.test(f)), 'the libraries dist/cli.js requires');
    assert.ok(listed.includes('package/dist/mcp.js'), 'the MCP server specboard mcp loads');
    assert.ok(listed.includes('package/dist/checkWorker.js'), 'the worker threads specboard check parses on');
    assert.deepEqual(listed.filter((f) => f.endsWith('.map') || f.includes('/src/') || f.includes('extension')), [], 'no source maps, sources or extension files');
    const manifest = JSON.parse(readFileSync(path.join(app, 'node_modules/specboard/package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(manifest.version, VERSION);
    assert.deepEqual(manifest.bin, { specboard: 'dist/cli.js' });
    assert.equal(manifest.dependencies, undefined);
    assert.match(readFileSync(path.join(app, 'node_modules/specboard/README.md'), 'utf8'), /npx specboard check/);
  });

  it('runs as npx specboard: --version, a help page per command, and the exit codes of the repository build', () => {
    assert.deepEqual([run(['--version']).status, run(['--version']).stdout], [0, `${VERSION}\n`]);
    for (const command of ['check', 'trace', 'export', 'mcp']) {
      const help = run([command, '--help']);
      assert.equal(help.status, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`^Usage: specboard ${command} `));
    }
    assert.equal(run(['check', '--strict']).status, 2);
    const docs = writeTree({
      'docs/prd.md': prd('### REQ-PKG-001: Works\n- Priority: P1\n- Status: approved\n\nSee REQ-PKG-002.\n', { id: 'PRD-PKG' }),
      'src/app.ts': '// REQ-PKG-001\n',
    });
    const installed = run(['check', docs, '--format', 'json']);
    const repository = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', docs, '--format', 'json'], { cwd: app, encoding: 'utf8' });
    assert.equal(installed.status, 1, installed.stderr);
    assert.equal(installed.stdout, repository.stdout, 'the same report as the repository build');
    assert.ok((JSON.parse(installed.stdout) as { diagnostics: { code: string }[] }).diagnostics.some((d) => d.code === 'unknown-id'));
    writeFileSync(path.join(docs, 'docs/prd.md'), prd('### REQ-PKG-001: Works\n- Priority: P1\n- Status: approved\n', { id: 'PRD-PKG' }));
    assert.equal(run(['check', docs]).status, 0);
  });

  it('serves specboard mcp from the installed package (the MCP server is a bundle of its own)', async () => {
    const docs = writeTree({ 'docs/prd.md': prd('### REQ-PKG-001: Works\n- Priority: P1\n- Status: approved\n', { id: 'PRD-PKG' }) });
    const session = await startMcp(docs, [], path.join(app, 'node_modules/specboard/dist/cli.js'));
    try {
      const next = await session.call('next_free_id', { stem: 'REQ-PKG' });
      assert.equal(next.isError, false, next.text);
      assert.match(next.text, /REQ-PKG-002/);
    } finally {
      await session.close();
    }
  });
});
