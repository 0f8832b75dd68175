import { expand, movePaneTop, pane, setPaneExpanded, showSpecboard, widenSideBar } from '../ui/sideBar';
import { hideSideBar, webviewFrame } from '../ui/webviewScenes';
import type { Workbench } from '../ui/workbench';

/**
 * A screenshot of the web workbench (test/screenshots/web-<name>.png) and the checks that make it
 * worth looking at: each run fails when what the picture claims to show is not on the page.
 */
export interface WebShot {
  readonly name: string;
  readonly description: string;
  run(workbench: Workbench): Promise<void>;
}

/** Fails unless a row with `text` shows in `view`'s pane. */
async function expectRow(workbench: Workbench, view: string, text: string): Promise<void> {
  await pane(workbench, view).locator('.monaco-list-row', { hasText: text }).first().waitFor({ timeout: 15_000 });
}

export const webShots: readonly WebShot[] = [
  {
    name: 'trees',
    description: 'the Lifecycle, Traceability and Releases trees of the example workspace on a virtual file system',
    async run(workbench) {
      await showSpecboard(workbench);
      for (const view of ['Lifecycle', 'Traceability', 'Releases']) await setPaneExpanded(workbench, view, true);
      await widenSideBar(workbench, 560);
      // Room for each tree's rows that matter: rows out of view are not in the page at all.
      await movePaneTop(workbench, 'Traceability', 430);
      await movePaneTop(workbench, 'Releases', 730);
      await expand(workbench, 'Lifecycle', 'Shop');
      await expand(workbench, 'Lifecycle', 'Productization');
      await expectRow(workbench, 'Lifecycle', 'Shop checkout');
      await expectRow(workbench, 'Lifecycle', '支付中心');
      await expand(workbench, 'Traceability', 'Shop checkout,');
      await expectRow(workbench, 'Traceability', 'REQ-CHK-001');
      await expectRow(workbench, 'Releases', 'Shop');
      await workbench.settle(1000);
    },
  },
  {
    name: 'problems',
    description: 'the Problems panel with Specboard\'s diagnostics, beside the checkout PRD',
    async run(workbench) {
      await workbench.openFile('docs/shop/prd-checkout.md');
      await workbench.goToLine(105, 11);
      await workbench.command('View: Focus Problems (Errors, Warnings, Infos)');
      const rows = workbench.locator('.markers-panel .monaco-list-row');
      // Diagnostics arrive once the background index has run; the planted status error is one.
      await rows.filter({ hasText: "status 'blocked'" }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: 'REQ-CHK-099' }).first().waitFor({ timeout: 15_000 });
      await workbench.settle(1000);
    },
  },
  {
    name: 'board',
    description: 'the requirements board drawn in its webview on the web',
    async run(workbench) {
      await hideSideBar(workbench);
      await workbench.command('Specboard: Open Requirements Board');
      await webviewFrame(workbench, 'li.card');
      await workbench.settle(1000);
    },
  },
];
