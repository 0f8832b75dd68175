import type { Frame } from 'playwright-core';
import type { Scene } from './scenes';
import type { Workbench } from './workbench';

/**
 * The frame holding a webview's own document. VS Code nests it inside `iframe.webview`, so the
 * page's frames are searched for the element the webview's script draws.
 */
export async function webviewFrame(workbench: Workbench, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of workbench.page.frames()) {
      // A frame still loading (or a webview's service-worker host) may never answer: give each a second.
      const found = await Promise.race([
        frame.locator(selector).count().catch(() => 0),
        new Promise<number>((resolve) => setTimeout(() => resolve(0), 1000)),
      ]);
      if (found) return frame;
    }
    await workbench.page.waitForTimeout(250);
  }
  throw new Error(`no webview frame shows ${selector} after ${timeoutMs / 1000} s`);
}

/** More room for the webview; the command is only offered while the side bar is open. */
export async function hideSideBar(workbench: Workbench): Promise<void> {
  if (await workbench.locator('.part.sidebar').isVisible()) await workbench.command('View: Close Primary Side Bar');
}

/** Opens the PRD with Specboard's preview beside it, and waits for the preview's header card. */
async function openPreviewBeside(workbench: Workbench, prd: string): Promise<void> {
  await hideSideBar(workbench);
  await workbench.openFile(prd);
  await workbench.settle(800);
  await workbench.command('Specboard: Open Review Preview');
  await webviewFrame(workbench, '.sb-header');
}

const CHINESE_PRD = 'docs/payments/prd.md';

/** The board and the rendered previews, each as the PM and the reviewer see them. */
export const webviewScenes: readonly Scene[] = [
  {
    name: 'board',
    description: 'Requirements board grouped by status, with badges for problems and missing code references',
    async run(workbench) {
      await hideSideBar(workbench);
      await workbench.command('Specboard: Open Requirements Board');
      const frame = await webviewFrame(workbench, 'li.card');
      // Keyboard focus on the first card shows the focus ring a keyboard user sees.
      await frame.locator('li.card').first().focus();
      await workbench.page.mouse.move(700, 895);
      await workbench.settle(1200);
    },
  },
  {
    name: 'preview',
    description: 'Rendered PRD beside its source: header card, status and priority badges, inline problems, code references',
    async run(workbench, { prd }) {
      await openPreviewBeside(workbench, prd);
      await workbench.page.mouse.move(700, 895);
      await workbench.settle(1200);
    },
  },
  {
    name: 'preview-requirements',
    description: 'The preview following the editor into the requirements: a problem where it occurs, code references of the requirement under the cursor',
    async run(workbench, { prd }) {
      await openPreviewBeside(workbench, prd);
      await workbench.locator('.editor-instance .view-lines').first().click();
      // The preview follows the editor: bring line 96 into view.
      await workbench.goToLine(96);
      // Unfold the code references panel: in a half-width preview it floats over the text.
      const frame = await webviewFrame(workbench, '#aside-toggle');
      await frame.locator('#aside-toggle').click();
      await frame.locator('.sb-aside-req.sb-active').first().waitFor({ timeout: 10_000 });
      await workbench.page.mouse.move(700, 895);
      await workbench.settle(1500);
    },
  },
  {
    name: 'builtin-preview',
    description: "VS Code's own Markdown preview of a Chinese PRD: Specboard's badges and ID links in its requirements table",
    async run(workbench) {
      await hideSideBar(workbench);
      await workbench.openFile(CHINESE_PRD);
      await workbench.waitForLanguage('Markdown');
      await workbench.settle(800);
      await workbench.command('Markdown: Open Preview to the Side');
      const frame = await webviewFrame(workbench, '.sb-badge.sb-status');
      await frame.locator('.sb-badge.sb-status').first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await workbench.page.mouse.move(700, 895);
      await workbench.settle(1200);
    },
  },
  {
    name: 'chinese-prd',
    description: 'A Chinese PRD whose statuses are written in Chinese (已完成, 进行中, 待评审) in the review preview, with its code references',
    async run(workbench) {
      await openPreviewBeside(workbench, CHINESE_PRD);
      const frame = await webviewFrame(workbench, '.sb-badge.sb-status');
      await frame.locator('.sb-badge.sb-status').first().evaluate((e) => e.scrollIntoView({ block: 'center' }));
      await workbench.page.mouse.move(700, 895);
      await workbench.settle(1200);
    },
  },
  {
    name: 'walkthrough',
    description: 'The Get Started walkthrough on the Welcome page',
    async run(workbench) {
      await workbench.openWalkthrough('Get started with Specboard');
      await workbench.locator('.getting-started-step .step-title').first().waitFor({ timeout: 15_000 });
      await workbench.settle(1200);
    },
  },
];
