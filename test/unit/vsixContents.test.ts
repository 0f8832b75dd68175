import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root: this file runs bundled from out/test/unit. */
const ROOT = path.resolve(__dirname, '../../..');

/**
 * What the .vsix ships, as vsce lists it with the flags `npm run package` uses (scripts/vsce.mjs,
 * which also fails on any vsce warning): what the extension loads, a user-facing README whose
 * links and images point at files inside the package, an icon and a changelog, and nothing else.
 */
describe('the .vsix', function () {
  // vsce ls builds nothing but walks node_modules; on a loaded 2-core machine that took over a minute.
  this.timeout(180_000);
  let files: string[] = [];

  before(() => {
    if (!existsSync(path.join(ROOT, 'dist/extension.js'))) {
      const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(build.status, 0, build.stderr);
    }
    const ls = spawnSync(process.execPath, ['scripts/vsce.mjs', 'ls'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(ls.status, 0, `${ls.stdout}\n${ls.stderr}`);
    files = ls.stdout.trim().split('\n').map((f) => f.trim()).filter(Boolean);
  });

  it('ships the Node and web bundles, the CLI for the MCP server, their libraries, the README for users, the icon and the changelog', () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; browser: string; icon: string };
    for (const needed of [manifest.main, manifest.browser, manifest.icon].map((f) => f.replace(/^\.\//, ''))) assert.ok(files.includes(needed), `${needed} is in the .vsix`);
    // dist/cli.js and dist/mcp.js: the extension registers `node dist/cli.js mcp` as the workspace's MCP server;
    // dist/checkWorker.js: the CLI's check parses on worker threads that load it.
    for (const needed of ['README.vsix.md', 'CHANGELOG.md', 'LICENSE', 'dist/lib/yaml.js', 'dist/cli.js', 'dist/mcp.js', 'dist/checkWorker.js', 'media/dist/board.js', 'l10n/bundle.l10n.zh-cn.json', 'package.nls.zh-cn.json']) {
      assert.ok(files.includes(needed), `${needed} is in the .vsix`);
    }
  });

  it('leaves out the developers README, source maps, sources, tests and examples', () => {
    const unwanted = files.filter((f) => f === 'README.md' || f.endsWith('.map') || /^(src|test|examples|bench|scripts|out|node_modules)\//.test(f));
    assert.deepEqual(unwanted, []);
  });

  it('has a README whose every relative link and image is a file in the .vsix', () => {
    const readme = readFileSync(path.join(ROOT, 'README.vsix.md'), 'utf8');
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^(https?:|#|command:)/.test(t));
    assert.ok(targets.length >= 4, `screenshots and links found: ${targets.join(', ')}`);
    for (const target of targets) assert.ok(files.includes(target.split('#')[0]), `${target} is packaged`);
    assert.ok(!/\]\(http:/.test(readme), 'no plain-http image or link (the Marketplace refuses them)');
  });

  it('has a 128×128 PNG icon', () => {
    const png = readFileSync(path.join(ROOT, 'media/icon.png'));
    assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
  });
});
