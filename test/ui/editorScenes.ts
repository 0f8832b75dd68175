import type { Scene } from './scenes';

const SOURCE = 'src/checkout.ts';

/** What an engineer sees when jumping between code and requirement IDs. */
export const editorScenes: readonly Scene[] = [
  {
    name: 'completion-in-source',
    description: 'Requirement-ID completion in a TypeScript comment, with titles, status and document',
    async run(workbench) {
      await workbench.openFile(SOURCE);
      await workbench.settle(1000);
      // Line 48 ends with "// REQ-CHK-006": start a second reference after it.
      await workbench.goToLine(48, 200);
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
      await workbench.goToLine(66, 96);
      await workbench.command('Show or Focus Hover');
      await workbench.locator('.monaco-hover:not(.hidden) .hover-contents').first().waitFor({ timeout: 15_000 });
      await workbench.settle(800);
    },
  },
];
