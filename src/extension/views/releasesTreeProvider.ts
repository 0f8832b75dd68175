import * as vscode from 'vscode';
import { buildReleases, type ReleaseGroup } from '../../core';
import type { Services } from '../services';
import { counts } from './counts';
import { IncrementalTree } from './incrementalTree';
import { ICONS } from './treeIcons';
import { referenceItem, requirementItem, requirementTooltip } from './treeItems';

export type ReleaseNode =
  | { readonly kind: 'product'; readonly id: string; readonly productKey: string }
  | { readonly kind: 'release'; readonly id: string; readonly key: string }
  | { readonly kind: 'requirement'; readonly id: string; readonly key: string; readonly reqId: string }
  | { readonly kind: 'reference'; readonly id: string; readonly reqId: string; readonly path: string; readonly line: number; readonly character: number };

/**
 * Requirements by release (版本功能列表): each release lists what it ships, so its feature list and
 * its release notes are one click away. Products get their own level only when there are several.
 */
export class ReleasesTreeProvider extends IncrementalTree<ReleaseNode> {
  private cached?: ReleaseGroup[];

  constructor(private readonly services: Services) {
    super();
  }

  get groups(): readonly ReleaseGroup[] {
    return (this.cached ??= this.services.specs.isIndexed ? buildReleases(this.services.specs.core) : []);
  }

  /** Display name of a group: `2.1`, or `Shop 2.1` when several products share the view. */
  groupName(group: ReleaseGroup, withProduct = this.productKeys().length > 1): string {
    const release = group.release ?? vscode.l10n.t('Unscheduled');
    return withProduct && group.product ? `${group.product} ${release}` : release;
  }

  protected invalidate(): void {
    this.cached = undefined;
  }

  protected childrenOf(node: ReleaseNode | undefined): ReleaseNode[] {
    const releasesOf = (productKey: string, parent: string): ReleaseNode[] => this.groups.filter((g) => g.productKey === productKey)
      .map((g) => ({ kind: 'release', id: `${parent}v:${g.release ?? ''}`, key: g.key }));
    if (!node) {
      const products = this.productKeys();
      if (products.length === 1) return releasesOf(products[0], '');
      return products.map((productKey) => ({ kind: 'product', id: `p:${productKey}/`, productKey }));
    }
    switch (node.kind) {
      case 'product':
        return releasesOf(node.productKey, node.id);
      case 'release':
        return (this.group(node.key)?.requirements ?? []).map((r) => ({ kind: 'requirement', id: `${node.id}/r:${r.id}`, key: node.key, reqId: r.id }));
      case 'requirement':
        return this.codeReferences(node.reqId).map((r) => ({
          kind: 'reference', id: `${node.id}/${r.path}:${r.line}:${r.start}`, reqId: node.reqId, path: r.path, line: r.line, character: r.start,
        }));
      default:
        return [];
    }
  }

  protected render(node: ReleaseNode): vscode.TreeItem | undefined {
    switch (node.kind) {
      case 'product': {
        if (!this.productKeys().includes(node.productKey)) return undefined;
        const first = this.groups.find((g) => g.productKey === node.productKey);
        const item = new vscode.TreeItem(first?.product ?? vscode.l10n.t('No product'), vscode.TreeItemCollapsibleState.Expanded);
        const releases = this.groups.filter((g) => g.productKey === node.productKey && g.release !== undefined).length;
        item.description = counts.releases(releases);
        item.iconPath = ICONS.product();
        item.contextValue = 'specboard.product';
        return item;
      }
      case 'release': {
        const group = this.group(node.key);
        return group && this.releaseItem(group);
      }
      case 'requirement': {
        const r = this.group(node.key)?.requirements.find((x) => x.id === node.reqId);
        if (!r) return undefined;
        return requirementItem(r, this.codeReferences(r.id).length > 0, [r.docId, r.priority, r.status].filter(Boolean).join(' · '));
      }
      case 'reference':
        return this.codeReferences(node.reqId).some((r) => r.path === node.path && r.line === node.line && r.start === node.character)
          ? referenceItem(this.services, node) : undefined;
    }
  }

  resolveTreeItem(item: vscode.TreeItem, node: ReleaseNode): vscode.TreeItem {
    if (node.kind === 'requirement') item.tooltip = requirementTooltip(this.services, node.reqId);
    return item;
  }

  private releaseItem(group: ReleaseGroup): vscode.TreeItem {
    const item = new vscode.TreeItem(this.groupName(group, false), vscode.TreeItemCollapsibleState.Collapsed);
    item.description = vscode.l10n.t('{0}, {1} done', counts.requirements(group.requirements.length), group.done);
    item.iconPath = group.release === undefined ? ICONS.unscheduled() : ICONS.release();
    item.contextValue = group.release === undefined ? 'specboard.release.unscheduled' : 'specboard.release';
    item.tooltip = group.release === undefined
      ? vscode.l10n.t('Requirements with no release yet')
      : vscode.l10n.t('Release {0}: {1} of {2} requirements done', this.groupName(group), group.done, group.requirements.length);
    return item;
  }

  private productKeys(): string[] {
    return [...new Set(this.groups.map((g) => g.productKey))];
  }

  private group(key: string): ReleaseGroup | undefined {
    return this.groups.find((g) => g.key === key);
  }

  private codeReferences(id: string) {
    return this.services.specs.core.index.references(id).filter((r) => r.kind === 'code')
      .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.start - b.start);
  }
}
