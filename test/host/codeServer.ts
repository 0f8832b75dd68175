import { spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childEnv } from './childEnv';
import type { CleanupStack } from './cleanupStack';
import { freePort } from './freePort';
import { killProcessGroup, killProcessGroupNow } from './killProcessGroup';
import type { ToolPaths } from './toolPaths';
import { QUIET_SETTINGS, RESTRICTED_MODE_SETTINGS } from './workbenchSettings';

export interface CodeServerOptions {
  readonly paths: ToolPaths;
  readonly cleanup: CleanupStack;
  /** The folder code-server opens when the browser visits its root URL. */
  readonly folder: string;
  /** A fixed port (npm start honours $PORT); otherwise a free one. */
  readonly port?: number;
  /** Extra user settings, merged over the quiet defaults. */
  readonly settings?: Record<string, unknown>;
  /** A .vsix installed into the fresh extensions folder before the server starts. */
  readonly vsix?: string;
  /**
   * A release build only honours the extensionDevelopmentPath/extensionTestsPath URL payload
   * with the smoke-test driver on; without it the payload is silently ignored and a run hangs.
   */
  readonly smokeTestDriver?: boolean;
  /**
   * Workspace trust on, with the folder not trusted: the window opens in Restricted Mode, where
   * VS Code disables every extension that does not declare it supports untrusted workspaces.
   */
  readonly restrictedMode?: boolean;
}

export interface CodeServer {
  readonly port: number;
  /** host:port, also the remote authority inside vscode-remote:// URIs. */
  readonly authority: string;
  readonly pid: number;
  /** The throwaway user-data folder: logs and workspace storage live below it. */
  readonly dataDir: string;
  /** Everything the server printed so far (kept for error reports). */
  log(): string;
  /** Settles with the server's exit code if it stops on its own. */
  readonly exited: Promise<number | null>;
  /** A workbench URL for `folder`, optionally with a test-electron style payload. */
  workbenchUrl(folder: string, payload?: { extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
}

const LOG_LIMIT = 200_000;

function installVsix(options: CodeServerOptions, dirs: { data: string; extensions: string; config: string }): void {
  const result = spawnSync(
    options.paths.node24,
    [options.paths.codeServerEntry, '--config', dirs.config, '--user-data-dir', dirs.data,
      '--extensions-dir', dirs.extensions, '--force', '--install-extension', options.vsix ?? ''],
    { encoding: 'utf8', env: childEnv({}, [options.paths.node24Bin]) },
  );
  if (result.status !== 0) {
    throw new Error(`installing ${options.vsix} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

/**
 * Starts code-server on loopback with a throwaway profile (user data, extensions, config file in
 * one temp folder, so nothing touches ~/.config) and resolves once /healthz answers.
 */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { paths, cleanup } = options;
  const temp = mkdtempSync(join(tmpdir(), 'specboard-code-server-'));
  cleanup.add(() => rmSync(temp, { recursive: true, force: true }));
  const dirs = { data: join(temp, 'data'), extensions: join(temp, 'extensions'), config: join(temp, 'config.yaml') };
  mkdirSync(join(dirs.data, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  const trust = options.restrictedMode ? RESTRICTED_MODE_SETTINGS : {};
  writeFileSync(join(dirs.data, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...trust, ...options.settings }, null, 2));
  writeFileSync(dirs.config, 'auth: none\n');
  if (options.vsix) installVsix(options, dirs);

  const port = options.port ?? (await freePort());
  const authority = `127.0.0.1:${port}`;
  const args = [
    paths.codeServerEntry, '--auth', 'none', '--bind-addr', authority, '--config', dirs.config,
    '--disable-telemetry', '--disable-update-check', ...(options.restrictedMode ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--user-data-dir', dirs.data, '--extensions-dir', dirs.extensions,
    ...(options.smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    options.folder,
  ];
  const child = spawn(paths.node24, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({}, [paths.node24Bin]),
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start code-server (${paths.codeServerEntry})`);
  cleanup.add(() => killProcessGroup(pid), () => killProcessGroupNow(pid));

  let log = '';
  const append = (chunk: Buffer): void => {
    log = (log + chunk.toString()).slice(-LOG_LIMIT);
  };
  child.stdout.on('data', append);
  child.stderr.on('data', append);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve((exitCode = code))));

  for (const deadline = Date.now() + 60_000; !(await healthy(port)); ) {
    if (exitCode !== undefined) throw new Error(`code-server exited (${exitCode}) before answering:\n${log}`);
    if (Date.now() > deadline) throw new Error(`code-server did not answer on ${authority} within 60 s:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    port,
    authority,
    pid,
    dataDir: dirs.data,
    log: () => log,
    exited,
    workbenchUrl(folder, payload = {}) {
      const remote = (path: string): string => `vscode-remote://${authority}${path}`;
      const entries = Object.entries(payload).filter(([, value]) => value !== undefined)
        .map(([key, value]) => [key, remote(value as string)]);
      const query = `folder=${encodeURIComponent(folder)}` +
        (entries.length ? `&payload=${encodeURIComponent(JSON.stringify(entries))}` : '');
      return `http://${authority}/?${query}`;
    },
  };
}
