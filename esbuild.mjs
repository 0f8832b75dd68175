// Bundles the extension and the CLI (tsc only type-checks). With --tests, also bundles every test
// file into out/test so mocha (in Node or in the extension host) can load it.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { defines } from './scripts/defines.mjs';
import { librariesApart, librariesBuild, mcpApart } from './scripts/librariesApart.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');

/** @param {string} dir */
function tsFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...tsFiles(p));
    else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: defines,
};

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [librariesApart] },
  // The same extension for the web worker extension host (vscode.dev, github.dev): the package.json
  // `browser` entry. No Node built-ins exist there, so any import of one fails this build. It keeps
  // the libraries inside: a web worker has no require() to load dist/lib/ with.
  {
    ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'],
    platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'],
  },
  // The CLI's HTML export inlines media/render.css, the stylesheet the preview webview links.
  { ...common, entryPoints: ['src/cli/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, loader: { '.css': 'text' }, plugins: [librariesApart, mcpApart] },
  { ...common, entryPoints: ['src/cli/mcpCommand.ts'], outfile: 'dist/mcp.js', plugins: [librariesApart] },
  // check's worker threads load their own entry: only the core's reading and parsing, no CLI.
  { ...common, entryPoints: ['src/cli/checkWorker.ts'], outfile: 'dist/checkWorker.js', plugins: [librariesApart] },
  librariesBuild('dist', common),
  // Webview scripts (board, preview) run in the browser; they go to media/dist/, the only folder
  // the webviews may load from. Third-party licences (VS Code Elements, Lit) stay in the bundle.
  {
    entryPoints: ['src/webview/board.ts', 'src/webview/preview.ts'], outdir: 'media/dist', bundle: true,
    platform: 'browser', format: 'iife', target: 'es2022', sourcemap: production ? false : 'inline',
    minify: production, logLevel: 'warning', legalComments: 'eof', define: defines,
  },
];

// Codicons for the board's icons, copied next to the webview bundles (generated, git-ignored).
mkdirSync('media/dist', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) copyFileSync(`node_modules/@vscode/codicons/dist/${file}`, `media/dist/${file}`);

/**
 * Mocha's browser build (mocha/mocha.js) is a UMD script, but mocha's package.json says
 * "type": "module", so esbuild would inline it as an ES module and its `module.exports = mocha`
 * would replace the web suite bundle's own exports: VS Code then called mocha's run(), not the
 * suite's, and never learnt the result. Loaded from a namespace of its own, it is bundled as the
 * CommonJS script it is, with a `module` of its own.
 */
const mochaBrowserScript = {
  name: 'mocha-browser-script',
  setup(build) {
    build.onResolve({ filter: /^mocha\/mocha\.js$/ }, () => ({ path: join(process.cwd(), 'node_modules', 'mocha', 'mocha.js'), namespace: 'umd-script' }));
    build.onLoad({ filter: /.*/, namespace: 'umd-script' }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'js' }));
  },
};

const extra = [];
const webSuite = join('test', 'web', 'suite');
if (args.has('--tests')) {
  rmSync('out', { recursive: true, force: true });
  extra.push({
    // Each test file is bundled with the sources it imports (JSON schemas included); packages stay
    // external so mocha and friends resolve from node_modules, and vscode from the extension host.
    entryPoints: tsFiles('test').filter((f) => !f.includes('screenshots') && !f.startsWith(webSuite)),
    outdir: 'out/test', outbase: 'test', bundle: true, packages: 'external', external: ['vscode'],
    platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'inline', logLevel: 'warning', loader: { '.css': 'text' },
    define: defines,
  });
  // The web suite runs in the browser's web worker extension host: one script with mocha's
  // browser build and the tests, loaded by @vscode/test-web (see test/web/).
  extra.push({
    entryPoints: [join(webSuite, 'index.ts')], outfile: 'out/test/web/suite/index.js', bundle: true, external: ['vscode'],
    platform: 'browser', target: 'es2022', format: 'cjs', sourcemap: 'inline', logLevel: 'warning', define: defines,
    plugins: [mochaBrowserScript],
  });
}

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all([...builds, ...extra].map((b) => esbuild.build(b)));
}
