import { parseArgs } from 'node:util';
import { startCodeServer } from './codeServer';
import { ensurePrerequisites } from './ensurePrerequisites';
import { packageExtension } from './packageExtension';
import { PrerequisiteError } from './prerequisiteError';
import { startLifetime } from './processLifetime';
import { demoWorkspace, toolPaths } from './toolPaths';
import { userPath } from './userPath';
import { colorThemeSetting, type Theme } from './workbenchSettings';

const USAGE = `usage: npm start -- [--workspace <folder>] [--port <n>] [--theme dark|light]
  Serves VS Code with Specboard installed at http://127.0.0.1:<port> until Ctrl+C.
  The port comes from --port, else $PORT, else a free one; the workspace defaults to examples/.`;

function options(): { workspace: string; port?: number; theme: Theme } {
  try {
    const { values } = parseArgs({
      options: {
        workspace: { type: 'string', default: demoWorkspace() },
        port: { type: 'string', default: process.env.PORT },
        theme: { type: 'string', default: 'dark' },
      },
    });
    const port = values.port === undefined || values.port === '' ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536)) throw new Error(`bad port: ${values.port}`);
    if (values.theme !== 'dark' && values.theme !== 'light') throw new Error(`--theme must be dark or light`);
    return { workspace: userPath(values.workspace), port, theme: values.theme };
  } catch (err) {
    throw new PrerequisiteError(`${(err as Error).message}\n${USAGE}`);
  }
}

/**
 * `npm start`: the quickest way to see Specboard. Packages the freshly built extension, installs
 * it into a throwaway code-server profile and serves the example workspace to any browser.
 */
async function main(): Promise<void> {
  const paths = toolPaths();
  const { workspace, port, theme } = options();
  await ensurePrerequisites(paths, { browser: false });
  const lifetime = startLifetime({ interruptCode: 0 });
  try {
    const vsix = await packageExtension(paths, lifetime.cleanup);
    const server = await startCodeServer({
      paths, cleanup: lifetime.cleanup, folder: workspace, port, vsix, settings: colorThemeSetting(theme),
    });
    console.log(`\n  Specboard in VS Code:  http://${server.authority}/\n  workspace: ${workspace}\n  Ctrl+C stops the server.\n`);
    const code = await server.exited;
    await lifetime.finish(code ?? 1, `code-server stopped on its own (exit ${code}):\n${server.log().slice(-4000)}`);
  } catch (err) {
    await lifetime.finish(1, `npm start failed: ${(err as Error).stack ?? err}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof PrerequisiteError ? `start: ${err.message}` : err);
  process.exit(err instanceof PrerequisiteError ? err.exitCode : 1);
});
