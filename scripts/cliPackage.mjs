// Builds the `specboard` CLI as an npm package of its own and packs it, so CI pipelines and
// developers without VS Code install only the CLI (`npm install -D specboard`, then
// `npx specboard check`) rather than the extension's repository. Run after a build:
//   npm run package:cli [-- --pack-destination <dir>]      (default: out/)
// The package holds dist/cli.js, dist/mcp.js, dist/checkWorker.js and the libraries they load from dist/lib/ (no dependencies to
// install: everything is bundled), README.cli.md as its README, and the licence. The root
// package.json stays private: it describes the extension and its development.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { 'pack-destination': { type: 'string', default: 'out' } } });
if (!existsSync('dist/cli.js')) {
  console.error('dist/cli.js is missing: run `node esbuild.mjs` (or `--production`) first');
  process.exit(2);
}
const root = JSON.parse(readFileSync('package.json', 'utf8'));
const staging = 'out/cli-package';
rmSync(staging, { recursive: true, force: true });
mkdirSync(join(staging, 'dist', 'lib'), { recursive: true });
copyFileSync('dist/cli.js', join(staging, 'dist', 'cli.js'));
chmodSync(join(staging, 'dist', 'cli.js'), 0o755);
// `specboard mcp` loads the MCP server (and its SDK) from a bundle of its own.
copyFileSync('dist/mcp.js', join(staging, 'dist', 'mcp.js'));
// `specboard check` parses on worker threads, which load their own bundle.
copyFileSync('dist/checkWorker.js', join(staging, 'dist', 'checkWorker.js'));
for (const file of readdirSync('dist/lib')) if (file.endsWith('.js')) copyFileSync(join('dist/lib', file), join(staging, 'dist', 'lib', file));
copyFileSync('README.cli.md', join(staging, 'README.md'));
copyFileSync('LICENSE', join(staging, 'LICENSE'));
const manifest = {
  name: 'specboard',
  version: root.version,
  description: 'Check product documents (PRD, BRD, MRD, spec-kit, Kiro) and the requirement IDs cited in docs and code; traceability and exports for reviewers.',
  keywords: ['PRD', 'requirements', 'traceability', 'spec-kit', 'kiro', 'lint', 'sarif', '产品需求文档'],
  license: root.license,
  bin: { specboard: 'dist/cli.js' },
  files: ['dist'],
  engines: { node: root.engines.node },
};
writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, undefined, 2)}\n`);
const destination = resolve(values['pack-destination']);
mkdirSync(destination, { recursive: true });
const packed = execFileSync('npm', ['pack', '--pack-destination', destination, '--json'], { cwd: staging, encoding: 'utf8' });
const [{ filename, size, entryCount }] = JSON.parse(packed);
console.log(`packed ${join(destination, filename)} (${entryCount} files, ${(size / 1024).toFixed(0)} KB)`);
