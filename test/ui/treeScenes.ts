import type { Locator } from 'playwright-core';
import type { Scene } from './scenes';
import type { Workbench } from './workbench';

/** A view pane of the Specboard container by its title. */
function pane(workbench: Workbench, title: string): Locator {
  return workbench.locator('.part.sidebar .pane').filter({ has: workbench.locator(`.pane-header[aria-label^="${title}"]`) }).first();
}

/** A row of a tree by the start of its label (rows are virtualized: only visible ones exist). */
function row(workbench: Workbench, view: string, label: string): Locator {
  return pane(workbench, view).locator(`.monaco-list-row[aria-label^="${label}"]`).first();
}

/** Expands a collapsed row; a click on the twistie toggles, so expanded rows are left alone. */
async function expand(workbench: Workbench, view: string, label: string): Promise<void> {
  const target = row(workbench, view, label);
  await target.waitFor({ timeout: 30_000 });
  if ((await target.getAttribute('aria-expanded')) !== 'false') return;
  await target.locator('.monaco-tl-twistie').click();
  await workbench.page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await target.elementHandle(), { timeout: 5_000 });
}

/** Collapses or expands a whole view pane so the one being shown gets the height. */
async function setPaneExpanded(workbench: Workbench, title: string, expanded: boolean): Promise<void> {
  const header = pane(workbench, title).locator('.pane-header').first();
  await header.waitFor({ timeout: 15_000 });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
}

/** Opens the Specboard container from the activity bar, as a person would. */
async function showSpecboard(workbench: Workbench): Promise<void> {
  const icon = workbench.locator('.activitybar .action-item a[aria-label^="Specboard"]').first();
  await icon.waitFor({ timeout: 30_000 });
  if (!(await workbench.locator('.part.sidebar .pane-header[aria-label^="Lifecycle"]').isVisible())) await icon.click();
  await workbench.locator('.part.sidebar .pane-header[aria-label^="Lifecycle"]').waitFor({ timeout: 15_000 });
}

/** Gives the side bar room for labels and descriptions by dragging its sash, like a PM would. */
async function widenSideBar(workbench: Workbench, width: number): Promise<void> {
  const sidebar = await workbench.locator('.part.sidebar').boundingBox();
  if (!sidebar) return;
  const edge = sidebar.x + sidebar.width;
  const sashes = await workbench.locator('.monaco-sash.vertical').all();
  for (const sash of sashes) {
    const box = await sash.boundingBox();
    if (!box || Math.abs(box.x + box.width / 2 - edge) > 6) continue;
    const y = box.y + box.height / 2;
    await workbench.page.mouse.move(box.x + box.width / 2, y);
    await workbench.page.mouse.down();
    await workbench.page.mouse.move(sidebar.x + width, y, { steps: 10 });
    await workbench.page.mouse.up();
    return;
  }
}

/** The Lifecycle and Traceability trees on the example workspace. */
export const treeScenes: readonly Scene[] = [
  {
    name: 'lifecycle-tree',
    description: 'Lifecycle view: products, stages with deliverable counts, documents, missing deliverables and requirements',
    async run(workbench) {
      await showSpecboard(workbench);
      await setPaneExpanded(workbench, 'Traceability', false);
      await setPaneExpanded(workbench, 'Lifecycle', true);
      await widenSideBar(workbench, 560);
      await expand(workbench, 'Lifecycle', 'Shop');
      await expand(workbench, 'Lifecycle', 'Concept');
      await expand(workbench, 'Lifecycle', 'Productization');
      await expand(workbench, 'Lifecycle', 'Shop checkout,');
      await row(workbench, 'Lifecycle', 'Shop checkout,').click();
      // Opening the PRD activates the Markdown extensions: wait for that spinner too.
      await workbench.settle(1500);
      await workbench.settle(500);
    },
  },
  {
    name: 'traceability-tree',
    description: 'Traceability view: requirements by document with coverage, upstream and downstream links and code references',
    async run(workbench) {
      await showSpecboard(workbench);
      await setPaneExpanded(workbench, 'Lifecycle', false);
      await setPaneExpanded(workbench, 'Traceability', true);
      await widenSideBar(workbench, 560);
      await expand(workbench, 'Traceability', 'Shop checkout,');
      await expand(workbench, 'Traceability', 'REQ-CHK-001');
      await expand(workbench, 'Traceability', 'REQ-CHK-002');
      // A click opens the requirement where it is defined, beside the tree.
      await row(workbench, 'Traceability', 'REQ-CHK-002').locator('.label-name').click();
      await workbench.locator('.editor-instance .view-lines').first().waitFor({ timeout: 15_000 });
      await workbench.settle(1500);
    },
  },
];
