import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { childEnv } from './childEnv';
import { readMarker, writeMarker } from './installMarker';
import { runCommand } from './runCommand';
import { CODE_SERVER_VERSION, type ToolPaths } from './toolPaths';

/**
 * Native modules code-server loads at startup, by the folder they resolve from. An install can
 * "succeed" with one of them unbuilt (npm skipping an install script, a missing header), and the
 * server then fails only when a workbench connects, so each is loaded once under Node 24.
 */
function nativeModules(paths: ToolPaths): Array<[string, string[]]> {
  const packageDir = dirname(dirname(dirname(paths.codeServerEntry)));
  return [
    [packageDir, ['argon2']],
    [join(packageDir, 'lib', 'vscode'), ['@vscode/spdlog', '@vscode/sqlite3', '@vscode/native-watchdog', 'node-pty', '@parcel/watcher', 'kerberos']],
  ];
}

const LOAD_ALL = `
const failed = [];
for (const [dir, names] of JSON.parse(process.argv[1])) {
  for (const name of names) {
    try { require(require.resolve(name, { paths: [dir] })); }
    catch (err) { failed.push(name + ': ' + String(err.message).split('\\n')[0]); }
  }
}
process.stdout.write(JSON.stringify(failed));`;

/** Names (with reasons) of native modules that fail to load; empty when the install is sound. */
export function brokenNativeModules(paths: ToolPaths): string[] {
  const result = spawnSync(paths.node24, ['-e', LOAD_ALL, JSON.stringify(nativeModules(paths))], { encoding: 'utf8' });
  if (result.status !== 0) return [`node exited ${result.status}: ${result.stderr.trim()}`];
  return JSON.parse(result.stdout) as string[];
}

/** The ABI native modules are built for; a Node 24 patch update keeps it, a major bump does not. */
function markerFor(paths: ToolPaths): string {
  const abi = spawnSync(paths.node24, ['-p', 'process.versions.modules'], { encoding: 'utf8' }).stdout.trim();
  return `code-server@${CODE_SERVER_VERSION} node-abi-${abi}`;
}

function installedVersion(paths: ToolPaths): string | undefined {
  const manifest = join(dirname(dirname(dirname(paths.codeServerEntry))), 'package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
}

/**
 * True when code-server is installed and verified. An install from before the marker existed is
 * adopted if it has the right version and its native modules load, saving a four-minute rebuild.
 */
export function isCodeServerReady(paths: ToolPaths): boolean {
  const expected = markerFor(paths);
  if (readMarker(paths.codeServerPrefix) === expected && existsSync(paths.codeServerEntry)) return true;
  if (installedVersion(paths) !== CODE_SERVER_VERSION || brokenNativeModules(paths).length > 0) return false;
  writeMarker(paths.codeServerPrefix, expected);
  return true;
}

/**
 * Installs code-server with npm under Node 24, building its native modules against Node 24's
 * headers. Two npm settings matter: nodedir (the machine's npm config points node-gyp at Node
 * 20's headers) and dangerously-allow-all-scripts (npm 11 gates dependency install scripts behind
 * an allowScripts policy; code-server's postinstall, which installs VS Code's own modules, must
 * run). Older npm versions ignore the unknown setting with a warning.
 */
export async function installCodeServer(paths: ToolPaths): Promise<void> {
  rmSync(paths.codeServerPrefix, { recursive: true, force: true });
  mkdirSync(paths.codeServerPrefix, { recursive: true });
  const logFile = join(paths.cache, 'code-server-install.log');
  console.log(`installing code-server ${CODE_SERVER_VERSION} (about 4 minutes on 2 cores; log: ${logFile})`);
  const env = childEnv(
    {
      npm_config_nodedir: paths.node24Home,
      npm_config_dangerously_allow_all_scripts: 'true',
      npm_config_update_notifier: 'false',
    },
    [paths.node24Bin],
  );
  const args = ['install', '--prefix', paths.codeServerPrefix, `code-server@${CODE_SERVER_VERSION}`,
    '--save-exact', '--foreground-scripts', '--no-audit', '--no-fund'];
  const code = await runCommand('npm', args, { env, logFile, label: 'installing code-server' });
  if (code !== 0) throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (exit ${code}); see ${logFile}`);
  const broken = brokenNativeModules(paths);
  if (broken.length > 0) {
    throw new Error(
      `code-server installed but native modules do not load under Node 24:\n  ${broken.join('\n  ')}\n` +
        `Check ${logFile} (kerberos needs libkrb5-dev; all need python3, make and g++).`,
    );
  }
  writeMarker(paths.codeServerPrefix, markerFor(paths));
}
