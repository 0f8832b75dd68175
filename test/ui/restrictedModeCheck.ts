import type { Page } from 'playwright-core';
import type { CleanupStack } from '../host/cleanupStack';
import { startCodeServer } from '../host/codeServer';
import type { ToolPaths } from '../host/toolPaths';
import { colorThemeSetting } from '../host/workbenchSettings';
import { Workbench } from './workbench';

export interface RestrictedModeRun {
  readonly paths: ToolPaths;
  readonly cleanup: CleanupStack;
  /** The packaged extension: its manifest's `capabilities` are what is being checked. */
  readonly vsix: string;
  readonly workspace: string;
  /** A fresh page of the browser the other checks use. */
  readonly page: Page;
  readonly shot: string;
}

/**
 * The packaged extension in a window in Restricted Mode (a second code-server with workspace
 * trust on and the folder untrusted): VS Code keeps Specboard enabled because the manifest says
 * `untrustedWorkspaces: { supported: true }`, so it indexes and reports problems as usual.
 * Throws when the window is not restricted or Specboard did not run; returns what it saw.
 */
export async function checkRestrictedMode(run: RestrictedModeRun): Promise<string> {
  const server = await startCodeServer({
    paths: run.paths, cleanup: run.cleanup, folder: run.workspace, vsix: run.vsix, restrictedMode: true, settings: colorThemeSetting('dark'),
  });
  await run.page.goto(server.workbenchUrl(run.workspace));
  const workbench = new Workbench(run.page);
  await workbench.ready();
  const restricted = run.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first();
  await restricted.waitFor({ timeout: 30_000 });
  // Specboard's status-bar summary appears once its first index is done: it runs.
  const summary = run.page.locator('.statusbar-item', { hasText: /\d+ docs · \d+ reqs/ }).first();
  await summary.waitFor({ timeout: 60_000 });
  await workbench.command('View: Focus Problems (Errors, Warnings, Infos)');
  const problem = run.page.locator('.part.panel .monaco-list-row', { hasText: 'REQ-CHK-099 is not defined' }).first();
  await problem.waitFor({ timeout: 30_000 });
  await workbench.settle(1000);
  await run.page.screenshot({ path: run.shot });
  return `${(await summary.innerText()).replace(/\s+/g, ' ').trim()} beside "Restricted Mode"`;
}
