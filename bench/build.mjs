// Builds the benchmark into node_modules/.cache/specboard-bench (a tool cache: never linted,
// committed or packaged): the harness scripts, bundled, and production bundles of the extension and
// CLI built with the same options as `node esbuild.mjs --production`, so the numbers are those of
// what ships, without touching the dist/ a developer may be running.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { defines } from '../scripts/defines.mjs';
import { librariesApart, librariesBuild, mcpApart } from '../scripts/librariesApart.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const only = process.argv.includes('--corpus-only');
const cacheOnly = process.argv.includes('--cache-only');
const recall = process.argv.includes('--recall-only');
const out = join(root, 'node_modules', '.cache', 'specboard-bench');

const node = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning', legalComments: 'none', absWorkingDir: root, define: defines };
const harness = recall ? ['recallMain'] : cacheOnly ? ['cacheMain'] : ['corpusMain', 'recallMain', ...(only ? [] : ['benchMain', 'cacheMain', 'measureCore', 'measureMemory', 'measureExtension'])];

await Promise.all([
  esbuild.build({
    ...node, sourcemap: 'inline',
    entryPoints: harness.map((n) => join(here, 'src', `${n}.ts`)),
    outdir: out,
    // Features are measured on their real code with the vscode module replaced by a small shim.
    alias: { vscode: join(here, 'vscodeShim.ts') },
  }),
  ...(only || recall ? [] : [
    esbuild.build({ ...node, minify: true, entryPoints: ['src/extension/extension.ts'], outfile: join(out, 'prod', 'extension.js'), external: ['vscode'], plugins: [librariesApart] }),
    esbuild.build({ ...node, minify: true, entryPoints: ['src/cli/cli.ts'], outfile: join(out, 'prod', 'cli.js'), banner: { js: '#!/usr/bin/env node' }, plugins: [librariesApart, mcpApart] }),
    esbuild.build(librariesBuild(join(out, 'prod'), { ...node, minify: true })),
  ]),
]);
