import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCodeServer } from '../host/codeServer';
import { ensurePrerequisites } from '../host/ensurePrerequisites';
import { launchChromium } from '../host/launchChromium';
import { packageExtension } from '../host/packageExtension';
import { PrerequisiteError } from '../host/prerequisiteError';
import { startLifetime } from '../host/processLifetime';
import { demoWorkspace, toolPaths } from '../host/toolPaths';
import { userPath } from '../host/userPath';
import { colorThemeSetting, type Theme } from '../host/workbenchSettings';
import { findPrd } from './findPrd';
import { scenes, type Scene } from './scenes';
import { Workbench } from './workbench';

const USAGE = `usage: npm run screenshots -- [--theme dark|light] [--only <scene,...>] [--workspace <folder>] [--prd <path in it>] [--out <dir>] [--timeout <s>]
  scenes: ${scenes.map((scene) => scene.name).join(', ')}
  PNGs go to test/screenshots/<scene>-<theme>.png (git-ignored).`;

interface Options {
  readonly theme: Theme;
  readonly selected: readonly Scene[];
  readonly workspace: string;
  readonly prd: string | undefined;
  readonly out: string;
  readonly timeoutSeconds: number;
}

function options(root: string): Options {
  try {
    const { values } = parseArgs({
      options: {
        theme: { type: 'string', default: 'dark' },
        only: { type: 'string' },
        workspace: { type: 'string', default: demoWorkspace(root) },
        prd: { type: 'string' },
        out: { type: 'string', default: join(root, 'test', 'screenshots') },
        timeout: { type: 'string', default: '300' },
      },
    });
    if (values.theme !== 'dark' && values.theme !== 'light') throw new Error('--theme must be dark or light');
    const wanted = values.only?.split(',').map((name) => name.trim()).filter(Boolean);
    const unknown = wanted?.filter((name) => !scenes.some((scene) => scene.name === name)) ?? [];
    if (unknown.length) throw new Error(`unknown scene(s): ${unknown.join(', ')}`);
    const timeoutSeconds = Number(values.timeout);
    if (!(timeoutSeconds > 0)) throw new Error('--timeout must be a positive number of seconds');
    return {
      theme: values.theme,
      selected: wanted ? scenes.filter((scene) => wanted.includes(scene.name)) : scenes,
      workspace: userPath(values.workspace),
      prd: values.prd,
      out: userPath(values.out),
      timeoutSeconds,
    };
  } catch (err) {
    throw new PrerequisiteError(`${(err as Error).message}\n${USAGE}`);
  }
}

/**
 * `npm run screenshots`: the packaged extension in code-server, driven by chromium through each
 * scene, one PNG per scene. A failing scene leaves a *.failed.png to look at, the others still
 * run, and the exit code is 1.
 */
async function main(): Promise<void> {
  const paths = toolPaths();
  const opts = options(paths.root);
  await ensurePrerequisites(paths, { cjkFonts: true });
  const lifetime = startLifetime({ timeoutSeconds: opts.timeoutSeconds });
  const started = Date.now();
  const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  try {
    mkdirSync(opts.out, { recursive: true });
    const vsix = await packageExtension(paths, lifetime.cleanup);
    const server = await startCodeServer({
      paths, cleanup: lifetime.cleanup, folder: opts.workspace, vsix, settings: colorThemeSetting(opts.theme),
    });
    const { page } = await launchChromium(paths, lifetime.cleanup);
    await page.goto(server.workbenchUrl(opts.workspace));
    const workbench = new Workbench(page);
    await workbench.ready();
    console.log(`workbench ready after ${elapsed()} (${opts.workspace}, ${opts.theme} theme)`);
    const context = { prd: opts.prd ?? findPrd(opts.workspace) };
    const failed: string[] = [];
    for (const scene of opts.selected) {
      const file = join(opts.out, `${scene.name}-${opts.theme}.png`);
      try {
        await workbench.reset();
        await scene.run(workbench, context);
        await page.screenshot({ path: file });
        console.log(`  ✔ ${scene.name}: ${scene.description} → ${file}`);
      } catch (err) {
        failed.push(scene.name);
        await page.screenshot({ path: file.replace(/\.png$/, '.failed.png') }).catch(() => undefined);
        console.error(`  ✘ ${scene.name}: ${(err as Error).message.split('\n')[0]}`);
      }
    }
    const summary = `${opts.selected.length - failed.length} of ${opts.selected.length} screenshots taken after ${elapsed()}`;
    await lifetime.finish(failed.length ? 1 : 0, failed.length ? `${summary}; failed: ${failed.join(', ')}` : summary);
  } catch (err) {
    await lifetime.finish(1, `screenshots failed after ${elapsed()}: ${(err as Error).stack ?? err}`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof PrerequisiteError ? `screenshots: ${err.message}` : err);
  process.exit(err instanceof PrerequisiteError ? err.exitCode : 1);
});
