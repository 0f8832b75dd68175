import type { Scene } from './scenes';
import { expand, row, setPaneExpanded, showSpecboard, widenSideBar } from './sideBar';

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
