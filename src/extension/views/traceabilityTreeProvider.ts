import * as vscode from 'vscode';
import { buildCoverage, type CoverageModel, type DocumentCoverage, type RequirementCoverage } from '../../core';
import type { Services } from '../services';
import { IncrementalTree } from './incrementalTree';
import { coverageIcon, ICONS } from './treeIcons';
import { escapeMarkdown, openCommand, referenceItem, requirementItem, requirementTooltip } from './treeItems';

type LinkKind = 'upstream' | 'downstream' | 'broken';

export type TraceNode =
  | { readonly kind: 'document'; readonly id: string; readonly path: string }
  | { readonly kind: 'requirement'; readonly id: string; readonly path: string; readonly reqId: string }
  | { readonly kind: 'link'; readonly id: string; readonly link: LinkKind; readonly path: string; readonly reqId: string; readonly target: string }
  | { readonly kind: 'reference'; readonly id: string; readonly path: string; readonly reqId: string; readonly refPath: string; readonly line: number };

/**
 * Requirements grouped by document with their coverage: referenced from code, covered through a
 * downstream requirement, or uncovered; and their links up (`traces`), down, and broken.
 */
export class TraceabilityTreeProvider extends IncrementalTree<TraceNode> {
  private cached?: CoverageModel;
  private byPath?: Map<string, DocumentCoverage>;
  private onlyUncovered = false;

  constructor(private readonly services: Services) {
    super();
  }

  get model(): CoverageModel {
    return (this.cached ??= this.services.specs.isIndexed ? buildCoverage(this.services.specs.core) : buildEmpty());
  }

  get uncoveredOnly(): boolean {
    return this.onlyUncovered;
  }

  /** Shows only uncovered requirements (and the documents that have some). */
  setUncoveredOnly(value: boolean): void {
    if (value === this.onlyUncovered) return;
    this.onlyUncovered = value;
    this.refreshAll();
  }

  protected invalidate(): void {
    this.cached = undefined;
    this.byPath = undefined;
  }

  protected childrenOf(node: TraceNode | undefined): TraceNode[] {
    if (!node) {
      return this.model.documents.filter((d) => !this.onlyUncovered || d.uncovered > 0)
        .map((d) => ({ kind: 'document', id: `d:${d.path}`, path: d.path }));
    }
    switch (node.kind) {
      case 'document':
        return (this.document(node.path)?.requirements ?? [])
          .filter((r) => !this.onlyUncovered || r.state === 'none')
          .map((r) => ({ kind: 'requirement', id: `${node.id}/r:${r.id}`, path: node.path, reqId: r.id }));
      case 'requirement': {
        const r = this.requirement(node.path, node.reqId);
        if (!r) return [];
        const link = (kind: LinkKind, target: string): TraceNode => ({ kind: 'link', id: `${node.id}/${kind}:${target}`, link: kind, path: node.path, reqId: r.id, target });
        return [
          ...r.upstream.map((t) => link('upstream', t)),
          ...r.brokenTraces.map((t) => link('broken', t)),
          ...r.downstream.map((t) => link('downstream', t)),
          ...r.codeReferences.map((c): TraceNode => ({
            kind: 'reference', id: `${node.id}/c:${c.path}:${c.line}`, path: node.path, reqId: r.id, refPath: c.path, line: c.line,
          })),
        ];
      }
      default:
        return [];
    }
  }

  protected render(node: TraceNode): vscode.TreeItem | undefined {
    switch (node.kind) {
      case 'document': {
        const doc = this.document(node.path);
        return doc && (!this.onlyUncovered || doc.uncovered > 0) ? this.documentItem(doc) : undefined;
      }
      case 'requirement': {
        const r = this.requirement(node.path, node.reqId);
        return r && (!this.onlyUncovered || r.state === 'none') ? this.requirementItem(r) : undefined;
      }
      case 'link': {
        const r = this.requirement(node.path, node.reqId);
        const list = !r ? [] : node.link === 'upstream' ? r.upstream : node.link === 'downstream' ? r.downstream : r.brokenTraces;
        return list.includes(node.target) ? this.linkItem(node.link, node.target) : undefined;
      }
      case 'reference': {
        const r = this.requirement(node.path, node.reqId);
        return r?.codeReferences.some((c) => c.path === node.refPath && c.line === node.line)
          ? referenceItem(this.services, { path: node.refPath, line: node.line }) : undefined;
      }
    }
  }

  resolveTreeItem(item: vscode.TreeItem, node: TraceNode): vscode.TreeItem {
    if (node.kind === 'requirement') item.tooltip = requirementTooltip(this.services, node.reqId);
    else if (node.kind === 'link' && node.link !== 'broken') item.tooltip = requirementTooltip(this.services, node.target);
    return item;
  }

  private documentItem(doc: DocumentCoverage): vscode.TreeItem {
    const label = doc.title ?? doc.docId ?? doc.path.slice(doc.path.lastIndexOf('/') + 1);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Collapsed);
    const parts = [vscode.l10n.t('{0}/{1} covered', doc.covered, doc.total)];
    if (doc.broken) parts.push(vscode.l10n.t('{0} broken', doc.broken));
    item.description = [doc.docId, ...parts].filter(Boolean).join(' · ');
    item.accessibilityInformation = { label: `${label}, ${item.description}` };
    item.iconPath = doc.broken ? ICONS.broken() : doc.uncovered === 0 ? coverageIcon('code', false) : ICONS.document();
    item.contextValue = 'specboard.document';
    item.resourceUri = vscode.Uri.parse(doc.path);
    item.command = openCommand(doc.path, 0);
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMarkdown(label)}**\n\n`);
    md.appendMarkdown(`$(pass) ${vscode.l10n.t('{0} of {1} requirements covered by code', doc.covered, doc.total)}  \n`);
    md.appendMarkdown(`$(circle-large-outline) ${vscode.l10n.t('{0} uncovered', doc.uncovered)}  \n`);
    md.appendMarkdown(`$(arrow-up) ${vscode.l10n.t('{0} trace to an upstream requirement', doc.traced)}  \n`);
    if (doc.broken) md.appendMarkdown(`$(debug-disconnect) ${vscode.l10n.t('{0} with broken links', doc.broken)}`);
    item.tooltip = md;
    return item;
  }

  private requirementItem(r: RequirementCoverage): vscode.TreeItem {
    const children = r.upstream.length + r.brokenTraces.length + r.downstream.length + r.codeReferences.length;
    const parts: string[] = [];
    if (r.state === 'code') parts.push(vscode.l10n.t('{0} in code', r.codeReferences.length));
    else if (r.state === 'downstream') parts.push(vscode.l10n.t('via {0}', r.coveredVia.join(', ')));
    else parts.push(vscode.l10n.t('uncovered'));
    if (r.brokenTraces.length) parts.push(vscode.l10n.t('{0} broken', r.brokenTraces.length));
    const item = requirementItem(r, children > 0, parts.join(' · '));
    item.iconPath = coverageIcon(r.state, r.brokenTraces.length > 0);
    return item;
  }

  private linkItem(kind: LinkKind, target: string): vscode.TreeItem {
    const def = kind === 'broken' ? undefined : this.services.specs.core.definition(target);
    const label = def?.title ? `${target}  ${def.title}` : target;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.description = kind === 'upstream' ? vscode.l10n.t('traces to') : kind === 'downstream' ? vscode.l10n.t('traced by') : vscode.l10n.t('not defined');
    item.iconPath = kind === 'upstream' ? ICONS.upstream() : kind === 'downstream' ? ICONS.downstream() : ICONS.broken();
    item.contextValue = kind === 'broken' ? 'specboard.brokenLink' : 'specboard.link';
    if (def) item.command = openCommand(def.path, def.line);
    else item.tooltip = vscode.l10n.t('{0} is not defined in any document.', target);
    return item;
  }

  private document(path: string): DocumentCoverage | undefined {
    this.byPath ??= new Map(this.model.documents.map((d) => [d.path, d]));
    return this.byPath.get(path);
  }

  private requirement(path: string, id: string): RequirementCoverage | undefined {
    return this.document(path)?.requirements.find((r) => r.id === id);
  }
}

function buildEmpty(): CoverageModel {
  return { documents: [], total: 0, covered: 0, uncovered: 0, traced: 0, broken: 0 };
}

