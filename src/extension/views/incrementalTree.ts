import * as vscode from 'vscode';

/** A tree element: a stable id (unique in its tree) plus whatever the provider needs to look it up. */
export interface TreeNode {
  readonly id: string;
}

interface Shown<N> {
  node: N;
  parentId?: string;
  signature?: string;
  /** Child ids as last returned, when VS Code has asked for them (i.e. the node was expanded). */
  children?: string[];
}

/**
 * A tree data provider that refreshes only what changed. Elements are interned by id, so VS Code
 * sees the same object across refreshes (firing a change for an element needs that identity), and
 * every item gets its node's id, so expansion and selection survive. `refresh()` re-renders the
 * nodes VS Code has shown and fires one event for the topmost ones whose item or children differ;
 * an edit that changes nothing visible fires nothing.
 */
export abstract class IncrementalTree<N extends TreeNode> implements vscode.TreeDataProvider<N>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<N | N[] | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly shown = new Map<string, Shown<N>>();
  private rootChildren?: string[];

  /** Children from the current model (fresh objects are fine: they are interned here). */
  protected abstract childrenOf(node: N | undefined): N[];
  /** The item for a node from the current model; undefined when the node no longer exists. */
  protected abstract render(node: N): vscode.TreeItem | undefined;
  /** Drops cached model state; called at the start of every refresh. */
  protected abstract invalidate(): void;

  getChildren(node?: N): N[] {
    const children = this.childrenOf(node).map((c) => this.intern(c, node?.id));
    const ids = children.map((c) => c.id);
    if (node) {
      const entry = this.shown.get(node.id);
      if (entry) entry.children = ids;
    } else this.rootChildren = ids;
    return children;
  }

  getTreeItem(node: N): vscode.TreeItem {
    const item = this.render(node) ?? new vscode.TreeItem('');
    item.id = node.id;
    const entry = this.shown.get(node.id);
    if (entry) entry.signature = signature(item);
    return item;
  }

  getParent(node: N): N | undefined {
    const parentId = this.shown.get(node.id)?.parentId;
    return parentId === undefined ? undefined : this.shown.get(parentId)?.node;
  }

  /** The interned node with this id, if VS Code has been shown it. */
  protected known(id: string): N | undefined {
    return this.shown.get(id)?.node;
  }

  /** Re-reads the model and tells VS Code about the nodes that look different now. */
  refresh(): void {
    this.invalidate();
    if (this.rootChildren === undefined) return; // Never shown: nothing to update.
    const rootIds = this.childrenOf(undefined).map((c) => c.id);
    if (!sameList(rootIds, this.rootChildren)) {
      this.forgetAll();
      this.emitter.fire(undefined);
      return;
    }
    const changed = new Set<string>();
    const gone = new Set<string>();
    for (const [id, entry] of this.shown) {
      const item = this.render(entry.node);
      if (!item) {
        gone.add(id);
        if (entry.parentId !== undefined) changed.add(entry.parentId);
        continue;
      }
      item.id = id;
      if (entry.signature !== undefined && signature(item) !== entry.signature) changed.add(id);
      if (entry.children && !sameList(this.childrenOf(entry.node).map((c) => c.id), entry.children)) changed.add(id);
    }
    for (const id of gone) this.forget(id);
    // A refreshed node re-fetches its whole subtree, so only the topmost changed nodes are fired.
    const top = [...changed].filter((id) => this.shown.has(id) && !this.hasAncestorIn(id, changed));
    if (!top.length) return;
    // VS Code re-asks for what it displays in those subtrees; what it does not display must not
    // be compared against a rendering it never saw again.
    const fired = new Set(top);
    for (const [id, entry] of this.shown) {
      if (fired.has(id) || this.hasAncestorIn(id, fired)) {
        entry.signature = undefined;
        entry.children = undefined;
      }
    }
    this.emitter.fire(top.map((id) => this.shown.get(id)!.node));
  }

  /** Rebuilds the whole tree (filters, settings); expansion still survives thanks to the ids. */
  refreshAll(): void {
    this.invalidate();
    this.forgetAll();
    this.emitter.fire(undefined);
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private intern(node: N, parentId: string | undefined): N {
    const entry = this.shown.get(node.id);
    if (entry) {
      // Keep the object VS Code knows, with the fresh data.
      Object.assign(entry.node, node);
      entry.parentId = parentId;
      return entry.node;
    }
    this.shown.set(node.id, { node, parentId });
    return node;
  }

  private hasAncestorIn(id: string, set: ReadonlySet<string>): boolean {
    for (let p = this.shown.get(id)?.parentId; p !== undefined; p = this.shown.get(p)?.parentId) if (set.has(p)) return true;
    return false;
  }

  private forget(id: string): void {
    this.shown.delete(id);
    for (const [childId, entry] of [...this.shown]) if (entry.parentId === id) this.forget(childId);
  }

  private forgetAll(): void {
    this.shown.clear();
    this.rootChildren = undefined;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** What a user can see of an item; two items with the same signature look identical. */
function signature(item: vscode.TreeItem): string {
  const label = typeof item.label === 'string' ? item.label : item.label?.label;
  const icon = item.iconPath instanceof vscode.ThemeIcon
    ? `${item.iconPath.id}:${item.iconPath.color ? (item.iconPath.color as { id?: string }).id ?? '' : ''}`
    : String(item.iconPath ?? '');
  const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
  return JSON.stringify([
    label, item.description, tooltip, icon, item.contextValue, item.collapsibleState, item.resourceUri?.toString(),
    item.command ? [item.command.command, item.command.arguments] : undefined, item.accessibilityInformation?.label,
  ]);
}
