// Renders media/icon.svg to media/icon.png, the 128×128 PNG the Marketplace and VS Code's
// Extensions view show (vsce refuses an SVG icon). Run after editing the SVG and commit both:
//   node scripts/icon.mjs
// Uses Debian's chromium through playwright-core, as the browser tests do (CHROMIUM_PATH to override).
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('media/icon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
  await page.setContent(`<!doctype html><body style="margin:0;background:transparent">${svg}</body>`);
  await page.locator('svg').screenshot({ path: 'media/icon.png', omitBackground: true });
  console.log('wrote media/icon.png');
} finally {
  await browser.close();
}
