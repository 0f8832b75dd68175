import { editorScenes } from './editorScenes';
import { treeScenes } from './treeScenes';
import { webviewScenes } from './webviewScenes';
import type { Workbench } from './workbench';

/** What scenes may rely on about the workspace being shown. */
export interface SceneContext {
  /** Workspace-relative path of a PRD to open. */
  readonly prd: string;
}

/**
 * One screenshot: a name (the PNG's file name and what --only selects) and the steps that bring
 * the workbench into the state worth capturing. The runner resets the layout before each scene
 * and takes the screenshot after it, so adding a shot for a new feature is one entry below.
 */
export interface Scene {
  readonly name: string;
  readonly description: string;
  run(workbench: Workbench, context: SceneContext): Promise<void>;
}

export const scenes: readonly Scene[] = [
  {
    name: 'explorer-prd',
    description: 'Explorer beside an open PRD',
    async run(workbench, { prd }) {
      await workbench.command('View: Show Explorer');
      await workbench.openFile(prd);
      await workbench.locator('.editor-instance .view-lines').first().waitFor({ timeout: 15_000 });
      await workbench.settle(1500);
    },
  },
  {
    name: 'problems',
    description: 'Problems panel listing what Specboard found in the workspace',
    async run(workbench, { prd }) {
      await workbench.openFile(prd);
      await workbench.command('View: Focus Problems (Errors, Warnings, Infos)');
      // Diagnostics arrive once the background index has run; wait for the first one.
      await workbench.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
      await workbench.settle(1500);
    },
  },
  ...editorScenes,
  ...treeScenes,
  ...webviewScenes,
];
