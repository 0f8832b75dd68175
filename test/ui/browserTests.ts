import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCodeServer } from '../host/codeServer';
import { ensurePrerequisites } from '../host/ensurePrerequisites';
import { launchChromium } from '../host/launchChromium';
import { packageExtension } from '../host/packageExtension';
import { PrerequisiteError } from '../host/prerequisiteError';
import { startLifetime } from '../host/processLifetime';
import { toolPaths } from '../host/toolPaths';
import { colorThemeSetting } from '../host/workbenchSettings';
import { browserChecks, type BrowserCheck } from './browserChecks';
import { checkRestrictedMode } from './restrictedModeCheck';
import { checkWarmStart } from './warmStartCheck';
import { Workbench } from './workbench';

/** The last checks, each in a code-server of its own (see restrictedModeCheck.ts, warmStartCheck.ts). */
const RESTRICTED_MODE = 'restricted-mode';
const WARM_START = 'warm-start';
const OWN_SERVER = [RESTRICTED_MODE, WARM_START];

const USAGE = `usage: npm run test:browser -- [--only <check,...>] [--timeout <s>]
  checks: ${[...browserChecks.map((c) => c.name), ...OWN_SERVER].join(', ')}
  Each check leaves test/screenshots/browser-<check>.png (git-ignored) to look at.`;

function options(): { selected: readonly BrowserCheck[]; restrictedMode: boolean; warmStart: boolean; timeoutSeconds: number } {
  try {
    const { values } = parseArgs({ options: { only: { type: 'string' }, timeout: { type: 'string', default: '600' } } });
    const wanted = values.only?.split(',').map((n) => n.trim()).filter(Boolean);
    const unknown = wanted?.filter((n) => !OWN_SERVER.includes(n) && !browserChecks.some((c) => c.name === n)) ?? [];
    if (unknown.length) throw new Error(`unknown check(s): ${unknown.join(', ')}`);
    const timeoutSeconds = Number(values.timeout);
    if (!(timeoutSeconds > 0)) throw new Error('--timeout must be a positive number of seconds');
    return {
      selected: wanted ? browserChecks.filter((c) => wanted.includes(c.name)) : browserChecks,
      restrictedMode: !wanted || wanted.includes(RESTRICTED_MODE),
      warmStart: !wanted || wanted.includes(WARM_START),
      timeoutSeconds,
    };
  } catch (err) {
    throw new PrerequisiteError(`${(err as Error).message}\n${USAGE}`);
  }
}

/**
 * `npm run test:browser`: what only a real browser shows, checked in the packaged extension in
 * code-server through chromium: the webviews' DOM and layout, keys pressed in them, the editor
 * title. It works on a copy of examples/, because the board writes the files it edits.
 */
async function main(): Promise<void> {
  const paths = toolPaths();
  const opts = options();
  await ensurePrerequisites(paths, { cjkFonts: true });
  const lifetime = startLifetime({ timeoutSeconds: opts.timeoutSeconds });
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  try {
    const workspace = mkdtempSync(join(tmpdir(), 'specboard-browser-'));
    lifetime.cleanup.add(() => rmSync(workspace, { recursive: true, force: true }));
    cpSync(join(paths.root, 'examples'), workspace, { recursive: true });
    const shots = join(paths.root, 'test', 'screenshots');
    mkdirSync(shots, { recursive: true });
    const vsix = await packageExtension(paths, lifetime.cleanup);
    const server = await startCodeServer({ paths, cleanup: lifetime.cleanup, folder: workspace, vsix, settings: colorThemeSetting('dark') });
    const { page } = await launchChromium(paths, lifetime.cleanup);
    const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
    await page.goto(server.workbenchUrl(workspace));
    const workbench = new Workbench(page);
    await workbench.ready();
    // Extensions activate and Specboard indexes after the workbench shows: let that finish first.
    await workbench.settle(1000);
    console.log(`workbench ready after ${elapsed()} (a copy of examples/ in ${workspace})`);
    const failed: string[] = [];
    for (const check of opts.selected) {
      const shot = join(shots, `browser-${check.name}.png`);
      try {
        await page.setViewportSize(viewport);
        await workbench.reset();
        const note = await check.run(workbench, { workspace, shot });
        await page.screenshot({ path: shot });
        console.log(`  ✔ ${check.name}: ${check.description}${note ? ` (${note})` : ''}`);
      } catch (err) {
        failed.push(check.name);
        await page.screenshot({ path: shot.replace(/\.png$/, '.failed.png') }).catch(() => undefined);
        console.error(`  ✘ ${check.name}: ${(err as Error).message}`);
      }
    }
    if (opts.restrictedMode) {
      const shot = join(shots, `browser-${RESTRICTED_MODE}.png`);
      const restrictedPage = await page.context().newPage();
      try {
        const note = await checkRestrictedMode({ paths, cleanup: lifetime.cleanup, vsix, workspace, page: restrictedPage, shot });
        console.log(`  ✔ ${RESTRICTED_MODE}: Specboard runs in Restricted Mode, as its manifest declares (${note})`);
      } catch (err) {
        failed.push(RESTRICTED_MODE);
        await restrictedPage.screenshot({ path: shot.replace(/\.png$/, '.failed.png') }).catch(() => undefined);
        console.error(`  ✘ ${RESTRICTED_MODE}: ${(err as Error).message}`);
      }
    }
    if (opts.warmStart) {
      const shot = join(shots, `browser-${WARM_START}.png`);
      const warmPage = await page.context().newPage();
      try {
        const note = await checkWarmStart({ paths, cleanup: lifetime.cleanup, vsix, page: warmPage, shot });
        console.log(`  ✔ ${WARM_START}: a reloaded window serves the index it saved, before a re-scan could finish (${note})`);
      } catch (err) {
        failed.push(WARM_START);
        await warmPage.screenshot({ path: shot.replace(/\.png$/, '.failed.png') }).catch(() => undefined);
        console.error(`  ✘ ${WARM_START}: ${(err as Error).message}`);
      }
    }
    const total = opts.selected.length + (opts.restrictedMode ? 1 : 0) + (opts.warmStart ? 1 : 0);
    const summary = `${total - failed.length} of ${total} browser checks passed after ${elapsed()}`;
    await lifetime.finish(failed.length ? 1 : 0, failed.length ? `${summary}; failed: ${failed.join(', ')}` : summary);
  } catch (err) {
    await lifetime.finish(1, `browser checks failed after ${elapsed()}: ${(err as Error).stack ?? err}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof PrerequisiteError ? `test:browser: ${err.message}` : err);
  process.exit(err instanceof PrerequisiteError ? err.exitCode : 1);
});
