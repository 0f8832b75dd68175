// `vsce package` and `vsce ls` with the project's flags, for `npm run package`, `npm run vsix:ls`
// and the tests that package the extension (test/host/packageExtension.ts), so all three ship the
// same files. Any vsce warning fails the run: the .vsix must package cleanly.
//   node scripts/vsce.mjs package [--out file.vsix]    node scripts/vsce.mjs ls
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const [command, ...rest] = process.argv.slice(2);
if (command !== 'package' && command !== 'ls') {
  console.error('usage: node scripts/vsce.mjs package|ls [vsce options]');
  process.exit(2);
}
// The user-facing README (README.vsix.md) goes into the .vsix as its readme; the repository's
// README.md is for the people who build Specboard. The project has no public repository URL yet,
// so vsce may neither ask for one nor rewrite relative links against it; images and links in
// README.vsix.md point at files inside the .vsix, which VS Code's Extensions view resolves.
const flags = ['--no-dependencies', '--readme-path', 'README.vsix.md'];
if (command === 'package') flags.push('--allow-missing-repository', '--no-rewrite-relative-links');

const require = createRequire(import.meta.url);
const vsce = join(dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const run = spawnSync(process.execPath, [vsce, command, ...flags, ...rest], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
if (run.status !== 0) process.exit(run.status ?? 1);
if (/\bWARNING\b/.test(run.stdout + run.stderr)) {
  console.error('vsce warned (above): fix the manifest or .vscodeignore rather than ship with a warning');
  process.exit(1);
}
