import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCodeServer } from './codeServer';
import { ensurePrerequisites } from './ensurePrerequisites';
import { launchChromium } from './launchChromium';
import { PrerequisiteError } from './prerequisiteError';
import { startLifetime } from './processLifetime';
import { runSuiteInPage } from './runSuiteInPage';
import { toolPaths } from './toolPaths';
import { userPath } from './userPath';

const USAGE = `usage: npm run test:host -- [--tests <compiled module exporting run()>] [--workspace <folder>] [--timeout <s>]
  defaults: --tests out/test/integration/index.js --workspace test/fixtures/workspace --timeout 300`;

/** Turns node's argument errors (unknown option, missing value) into a usage message and exit 2. */
function parseUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw new PrerequisiteError(`${(err as Error).message}\n${USAGE}`);
  }
}

/**
 * `npm run test:host`: runs an integration suite inside a real VS Code (code-server's Node 24
 * extension host), driven through Debian's chromium, and exits with the suite's exit code.
 */
async function main(): Promise<void> {
  const paths = toolPaths();
  const { values } = parseUsage(() => parseArgs({
    options: {
      tests: { type: 'string', default: join(paths.root, 'out', 'test', 'integration', 'index.js') },
      workspace: { type: 'string', default: join(paths.root, 'test', 'fixtures', 'workspace') },
      timeout: { type: 'string', default: '300' },
      help: { type: 'boolean', default: false },
    },
  }));
  if (values.help) return void console.log(USAGE);
  const tests = userPath(values.tests);
  const workspace = userPath(values.workspace);
  const timeoutSeconds = Number(values.timeout);
  if (!(timeoutSeconds > 0)) throw new PrerequisiteError(`--timeout must be a positive number of seconds\n${USAGE}`);
  for (const [what, path] of [['tests module', tests], ['workspace', workspace]]) {
    if (!existsSync(path)) throw new PrerequisiteError(`${what} not found: ${path} (did \`node esbuild.mjs --tests\` run?)\n${USAGE}`);
  }

  // Installing on a fresh machine takes minutes, so the time limit starts after it.
  await ensurePrerequisites(paths);
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  const lifetime = startLifetime({ timeoutSeconds });
  try {
    const server = await startCodeServer({ paths, cleanup: lifetime.cleanup, folder: workspace, smokeTestDriver: true });
    console.log(`code-server ready on ${server.authority} after ${elapsed()}; running ${tests}`);
    const { page } = await launchChromium(paths, lifetime.cleanup);
    const code = await runSuiteInPage(page, server.workbenchUrl(workspace, { extensionDevelopmentPath: paths.root, extensionTestsPath: tests }));
    await lifetime.finish(code, `integration suite exited ${code} after ${elapsed()}`);
  } catch (err) {
    await lifetime.finish(1, `test host failed after ${elapsed()}: ${(err as Error).stack ?? err}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof PrerequisiteError ? `test:host: ${err.message}` : err);
  process.exit(err instanceof PrerequisiteError ? err.exitCode : 1);
});
