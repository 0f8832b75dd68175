import type { Locator } from 'playwright-core';
import type { Workbench } from './workbench';

/*
 * The Specboard side bar as a person uses it: the activity-bar icon, its three view panes, tree
 * rows expanded by their twisties. Shared by the code-server scenes and the web workbench shots.
 */

/** A view pane of the Specboard container by its title. */
export function pane(workbench: Workbench, title: string): Locator {
  return workbench.locator('.part.sidebar .pane').filter({ has: workbench.locator(`.pane-header[aria-label^="${title}"]`) }).first();
}

/** A row of a tree by the start of its label (rows are virtualized: only visible ones exist). */
export function row(workbench: Workbench, view: string, label: string): Locator {
  return pane(workbench, view).locator(`.monaco-list-row[aria-label^="${label}"]`).first();
}

/** Expands a collapsed row; a click on the twistie toggles, so expanded rows are left alone. */
export async function expand(workbench: Workbench, view: string, label: string): Promise<void> {
  const target = row(workbench, view, label);
  await target.waitFor({ timeout: 30_000 });
  if ((await target.getAttribute('aria-expanded')) !== 'false') return;
  await target.locator('.monaco-tl-twistie').click();
  await workbench.page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await target.elementHandle(), { timeout: 5_000 });
}

/** Collapses or expands a whole view pane so the one being shown gets the height. */
export async function setPaneExpanded(workbench: Workbench, title: string, expanded: boolean): Promise<void> {
  const header = pane(workbench, title).locator('.pane-header').first();
  await header.waitFor({ timeout: 15_000 });
  if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
}

/** Opens the Specboard container from the activity bar, as a person would. */
export async function showSpecboard(workbench: Workbench): Promise<void> {
  const icon = workbench.locator('.activitybar .action-item a[aria-label^="Specboard"]').first();
  await icon.waitFor({ timeout: 30_000 });
  if (!(await workbench.locator('.part.sidebar .pane-header[aria-label^="Lifecycle"]').isVisible())) await icon.click();
  await workbench.locator('.part.sidebar .pane-header[aria-label^="Lifecycle"]').waitFor({ timeout: 15_000 });
}

/** Gives the side bar room for labels and descriptions by dragging its sash, like a PM would. */
export async function widenSideBar(workbench: Workbench, width: number): Promise<void> {
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

/** Drags the sash above a view pane to `y` (page pixels), giving the panes above or below the room. */
export async function movePaneTop(workbench: Workbench, title: string, y: number): Promise<void> {
  const header = await pane(workbench, title).locator('.pane-header').first().boundingBox();
  if (!header) return;
  for (const sash of await workbench.locator('.part.sidebar .monaco-sash.horizontal').all()) {
    const box = await sash.boundingBox();
    if (!box || Math.abs(box.y + box.height / 2 - header.y) > 6) continue;
    const x = box.x + box.width / 2;
    await workbench.page.mouse.move(x, box.y + box.height / 2);
    await workbench.page.mouse.down();
    await workbench.page.mouse.move(x, y, { steps: 10 });
    await workbench.page.mouse.up();
    return;
  }
}
