import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { CleanupStack } from './cleanupStack';
import type { ToolPaths } from './toolPaths';

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/**
 * Debian's chromium driven by playwright-core (never `playwright install`: it downloads a browser,
 * which fails offline). The background-networking flags stop chromium from flooding the closed
 * network with update, sync and safe-browsing connections.
 */
export async function launchChromium(
  paths: ToolPaths,
  cleanup: CleanupStack,
  viewport: Viewport = { width: 1400, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const profile = mkdtempSync(join(tmpdir(), 'specboard-chromium-'));
  // Third-party cookies allowed: the web workbench (test:web) serves each webview from its own
  // <uuid>.localhost origin, and chromium refuses a third-party frame its service worker otherwise
  // ("The user denied permission to use Service Worker"), so the webview never loads.
  mkdirSync(join(profile, 'Default'), { recursive: true });
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0, block_third_party_cookies: false } }));
  const removeProfile = (): void => rmSync(profile, { recursive: true, force: true });
  const launching = chromium.launchPersistentContext(profile, {
    executablePath: paths.chromium,
    headless: true,
    viewport,
    timeout: 60_000,
    // Our lifetime owns the signals: Playwright's own handlers would kill the browser under us and
    // race the cleanup that closes it and then removes its profile.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  // Registered before the launch settles: an interrupt mid-launch must still close the browser
  // first, or it keeps writing into the profile folder after we removed it.
  cleanup.add(async () => {
    await launching.then((context) => context.close(), () => undefined);
    removeProfile();
  }, removeProfile);
  const context = await launching;
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
