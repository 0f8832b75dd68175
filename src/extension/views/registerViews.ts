import * as vscode from 'vscode';
import { toUri } from '../adapters/convert';
import type { Services } from '../services';
import type { IncrementalTree, TreeNode } from './incrementalTree';
import { LifecycleTreeProvider } from './lifecycleTreeProvider';
import { registerMissingDecorations } from './missingDecorations';
import { ReleasesTreeProvider } from './releasesTreeProvider';
import { TraceabilityTreeProvider } from './traceabilityTreeProvider';
import { counts } from './counts';
import { itemTarget } from './itemTarget';

/** How long index changes are gathered before the trees look at them (typing, bulk file events). */
const REFRESH_DELAY_MS = 150;

export interface Views {
  readonly lifecycle: LifecycleTreeProvider;
  readonly traceability: TraceabilityTreeProvider;
  readonly releases: ReleasesTreeProvider;
}

/**
 * The Specboard view container's trees. Index changes are batched, and a tree that is not visible
 * only notes that it is stale and catches up when it is shown, so typing costs the trees nothing.
 */
export function register(context: vscode.ExtensionContext, services: Services): Views {
  registerMissingDecorations(context);
  const lifecycle = new LifecycleTreeProvider(services);
  const traceability = new TraceabilityTreeProvider(services);
  const releases = new ReleasesTreeProvider(services);
  const lifecycleView = vscode.window.createTreeView('specboard.lifecycle', { treeDataProvider: lifecycle, showCollapseAll: true });
  const traceView = vscode.window.createTreeView('specboard.traceability', { treeDataProvider: traceability, showCollapseAll: true });
  const releasesView = vscode.window.createTreeView('specboard.releases', { treeDataProvider: releases, showCollapseAll: true });

  const describe = {
    lifecycle: () => {
      const products = lifecycle.model.products;
      const docs = products.reduce((n, p) => n + p.documentCount, 0);
      const withErrors = products.flatMap((p) => p.stages.flatMap((s) => s.documents)).filter((d) => d.errors > 0).length;
      lifecycleView.description = docs ? `${counts.products(products.length)} · ${counts.documents(docs)}` : undefined;
      lifecycleView.badge = withErrors ? { value: withErrors, tooltip: vscode.l10n.t('{0} documents have errors', withErrors) } : undefined;
    },
    traceability: () => {
      const m = traceability.model;
      traceView.description = m.total ? vscode.l10n.t('{0}/{1} covered', m.covered, m.total) : undefined;
      traceView.message = !traceability.uncoveredOnly ? undefined
        : m.uncovered ? vscode.l10n.t('Showing the {0} uncovered requirements of {1}.', m.uncovered, m.total)
        : vscode.l10n.t('Every requirement is covered by code.');
    },
    releases: () => {
      const scheduled = releases.groups.filter((g) => g.release !== undefined).length;
      releasesView.description = scheduled ? counts.releases(scheduled) : undefined;
    },
  };
  const entries: { view: vscode.TreeView<unknown>; tree: IncrementalTree<TreeNode>; describe: () => void; stale: boolean }[] = [
    { view: lifecycleView, tree: lifecycle, describe: describe.lifecycle, stale: false },
    { view: traceView, tree: traceability, describe: describe.traceability, stale: false },
    { view: releasesView, tree: releases, describe: describe.releases, stale: false },
  ];
  const update = (entry: (typeof entries)[number]) => {
    entry.stale = false;
    entry.tree.refresh();
    entry.describe();
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One view per turn of the event loop: at 100,000 requirements each model takes a second or
  // more to build, and a completion or hover asked meanwhile answers between them, not after all.
  const refresh = (next: number) => {
    const entry = entries[next];
    if (!entry) {
      void vscode.commands.executeCommand('setContext', 'specboard.indexed', services.specs.isIndexed);
      return;
    }
    if (entry.view.visible) update(entry);
    else entry.stale = true;
    timer = setTimeout(() => refresh(next + 1), 0);
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => refresh(0), REFRESH_DELAY_MS);
  };

  context.subscriptions.push(
    lifecycleView, traceView, releasesView, lifecycle, traceability, releases,
    { dispose: () => clearTimeout(timer) },
    services.specs.onDidChange(schedule),
    ...entries.map((entry) => entry.view.onDidChangeVisibility((e) => { if (e.visible && entry.stale) update(entry); })),
    vscode.commands.registerCommand('specboard.traceability.showUncoveredOnly', () => setUncoveredOnly(true)),
    vscode.commands.registerCommand('specboard.traceability.showAll', () => setUncoveredOnly(false)),
    vscode.commands.registerCommand('specboard.copyId', async (node?: TreeNode) => {
      const id = node && itemTarget(services, node)?.id;
      if (id) await vscode.env.clipboard.writeText(id);
    }),
    vscode.commands.registerCommand('specboard.openPreview', async (node?: TreeNode) => {
      const target = node && itemTarget(services, node);
      // The tree's node-aware entry into Specboard's own preview (specboard.showPreview takes a URI).
      if (target) await vscode.commands.executeCommand('specboard.showPreview', toUri(target.path));
    }),
    vscode.commands.registerCommand('specboard.revealInExplorer', async (node?: TreeNode) => {
      const target = node && itemTarget(services, node);
      if (target) await vscode.commands.executeCommand('revealInExplorer', toUri(target.path));
    }),
  );
  for (const entry of entries) entry.describe();
  void vscode.commands.executeCommand('setContext', 'specboard.traceability.uncoveredOnly', false);

  function setUncoveredOnly(value: boolean): void {
    traceability.setUncoveredOnly(value);
    describe.traceability();
    void vscode.commands.executeCommand('setContext', 'specboard.traceability.uncoveredOnly', value);
  }

  return { lifecycle, traceability, releases };
}
