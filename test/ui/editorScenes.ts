import type { Scene } from './scenes';
import type { Workbench } from './workbench';

const SOURCE = 'src/checkout.ts';

/** Puts the cursor at a line and column through "Go to Line/Column", as a keyboard user would. */
async function goTo(workbench: Workbench, line: number, column: number): Promise<void> {
  await workbench.page.keyboard.press('Control+G');
  const input = workbench.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await workbench.page.keyboard.press('Enter');
  await workbench.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** What an engineer sees when jumping between code and requirement IDs. */
export const editorScenes: readonly Scene[] = [
  {
    name: 'completion-in-source',
    description: 'Requirement-ID completion in a TypeScript comment, with titles, status and document',
    async run(workbench) {
      await workbench.openFile(SOURCE);
      await workbench.settle(1000);
      // Line 48 ends with "// REQ-CHK-006": start a second reference after it.
      await goTo(workbench, 48, 200);
      await workbench.page.keyboard.type(' and REQ-CHK-', { delay: 60 });
      await workbench.locator('.editor-widget.suggest-widget.visible').waitFor({ timeout: 15_000 });
      await workbench.settle(800);
    },
  },
  {
    name: 'hover-in-source',
    description: 'Hover on a requirement ID in TypeScript: status, document, text, traces and references',
    async run(workbench) {
      await workbench.openFile(SOURCE);
      await workbench.settle(1000);
      // Line 66 passes 'REQ-CHK-001' as a string; put the cursor inside the ID and ask for the hover.
      await goTo(workbench, 66, 96);
      await workbench.command('Show or Focus Hover');
      await workbench.locator('.monaco-hover:not(.hidden) .hover-contents').first().waitFor({ timeout: 15_000 });
      await workbench.settle(800);
    },
  },
];
