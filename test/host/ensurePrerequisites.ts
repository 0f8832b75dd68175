import { mkdirSync } from 'node:fs';
import { installCodeServer, isCodeServerReady } from './ensureCodeServer';
import { ensureNode24 } from './ensureNode24';
import { ensureSystemPackages, type SystemPackage } from './ensureSystemPackages';
import { PrerequisiteError } from './prerequisiteError';
import type { ToolPaths } from './toolPaths';

/** What code-server's native modules need to compile; only required when (re)building it. */
const BUILD_PACKAGES: readonly SystemPackage[] = [
  { name: 'libkrb5-dev', provides: '/usr/include/gssapi/gssapi.h' },
  { name: 'python3', provides: 'python3' },
  { name: 'make', provides: 'make' },
  { name: 'g++', provides: 'g++' },
];

export const CJK_FONTS: SystemPackage = { name: 'fonts-noto-cjk', provides: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc' };

/**
 * Makes sure Node 24, code-server and Debian's chromium are present, installing what is missing
 * and skipping everything already done, so a warm run costs well under a second here.
 */
export async function ensurePrerequisites(
  paths: ToolPaths,
  options: { browser?: boolean; cjkFonts?: boolean } = {},
): Promise<void> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new PrerequisiteError(
      `the code-server harness supports Linux x64 only (this is ${process.platform}-${process.arch}); ` +
        'on a desktop with internet run `npm run test:electron` instead',
    );
  }
  const started = Date.now();
  mkdirSync(paths.cache, { recursive: true });
  await ensureNode24(paths);
  const codeServerReady = isCodeServerReady(paths);
  // `npm start` serves the workbench to the developer's own browser and needs no chromium.
  const browser: SystemPackage[] = options.browser === false ? [] : [{ name: 'chromium', provides: paths.chromium }];
  // Screenshots of the Chinese documents need CJK glyphs; chromium draws boxes without them.
  if (options.cjkFonts) browser.push(CJK_FONTS);
  await ensureSystemPackages(codeServerReady ? browser : [...browser, ...BUILD_PACKAGES]);
  if (!codeServerReady) await installCodeServer(paths);
  const seconds = (Date.now() - started) / 1000;
  if (seconds > 2) console.log(`prerequisites ready after ${seconds.toFixed(0)} s`);
}
