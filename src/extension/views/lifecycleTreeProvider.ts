import * as vscode from 'vscode';
import {
  buildLifecycle, LIFECYCLE_STAGES, nextStage, normalizeLocale, type LifecycleDocument, type LifecycleModel, type LifecycleStage,
  type MissingDeliverable, type ProductLifecycle, type StageLifecycle,
} from '../../core';
import { toUri } from '../adapters/convert';
import { stageLabel } from '../labels';
import type { Services } from '../services';
import { counts } from './counts';
import { IncrementalTree } from './incrementalTree';
import { missingUri } from './missingDecorations';
import { documentStatusIcon, ICONS, stageIcon, type StageProgress } from './treeIcons';
import { escapeMarkdown, openCommand, referenceItem, requirementItem, requirementTooltip } from './treeItems';

export type LifecycleNode =
  | { readonly kind: 'product'; readonly id: string; readonly key: string }
  | { readonly kind: 'stage'; readonly id: string; readonly key: string; readonly stage: LifecycleStage }
  | { readonly kind: 'document'; readonly id: string; readonly key: string; readonly stage: LifecycleStage; readonly path: string }
  | { readonly kind: 'missing'; readonly id: string; readonly key: string; readonly stage: LifecycleStage; readonly type: string }
  | { readonly kind: 'requirement'; readonly id: string; readonly path: string; readonly reqId: string }
  | { readonly kind: 'reference'; readonly id: string; readonly reqId: string; readonly path: string; readonly line: number; readonly character: number };

/**
 * Products → the six stages → the documents in each stage and the deliverables it still lacks →
 * requirements → their references in code. Everything is read from the in-memory index.
 */
export class LifecycleTreeProvider extends IncrementalTree<LifecycleNode> {
  private cached?: LifecycleModel;

  constructor(private readonly services: Services) {
    super();
  }

  /** The model the tree shows (built on first use after every change). */
  get model(): LifecycleModel {
    return (this.cached ??= this.services.specs.isIndexed ? buildLifecycle(this.services.specs.core) : { products: [] });
  }

  protected invalidate(): void {
    this.cached = undefined;
  }

  protected childrenOf(node: LifecycleNode | undefined): LifecycleNode[] {
    if (!node) return this.model.products.map((p) => ({ kind: 'product', id: `p:${p.key}`, key: p.key }));
    switch (node.kind) {
      case 'product':
        return LIFECYCLE_STAGES.map((stage) => ({ kind: 'stage', id: `${node.id}/${stage}`, key: node.key, stage }));
      case 'stage': {
        const stage = this.stage(node.key, node.stage);
        if (!stage) return [];
        return [
          ...stage.documents.map((d): LifecycleNode => ({ kind: 'document', id: `${node.id}/d:${d.path}`, key: node.key, stage: node.stage, path: d.path })),
          ...stage.missing.map((m): LifecycleNode => ({ kind: 'missing', id: `${node.id}/m:${m.type}`, key: node.key, stage: node.stage, type: m.type })),
        ];
      }
      case 'document': {
        // Ids must stay put while lines above shift; only a duplicated ID needs its occurrence number.
        const seen = new Map<string, number>();
        return (this.services.specs.core.file(node.path)?.requirements ?? []).map((r) => {
          const n = (seen.get(r.id) ?? 0) + 1;
          seen.set(r.id, n);
          return { kind: 'requirement', id: `${node.id}/r:${r.id}${n > 1 ? `#${n}` : ''}`, path: node.path, reqId: r.id };
        });
      }
      case 'requirement':
        return this.codeReferences(node.reqId)
          .map((r) => ({ kind: 'reference', id: `${node.id}/${r.path}:${r.line}:${r.start}`, reqId: node.reqId, path: r.path, line: r.line, character: r.start }));
      default:
        return [];
    }
  }

  protected render(node: LifecycleNode): vscode.TreeItem | undefined {
    switch (node.kind) {
      case 'product': {
        const product = this.product(node.key);
        return product && this.productItem(product);
      }
      case 'stage': {
        const product = this.product(node.key);
        const stage = this.stage(node.key, node.stage);
        return product && stage && this.stageItem(product, stage);
      }
      case 'document': {
        const doc = this.stage(node.key, node.stage)?.documents.find((d) => d.path === node.path);
        return doc && this.documentItem(doc);
      }
      case 'missing': {
        const missing = this.stage(node.key, node.stage)?.missing.find((m) => m.type === node.type);
        return missing && this.missingItem(missing);
      }
      case 'requirement': {
        const def = this.services.specs.core.file(node.path)?.requirements.find((r) => r.id === node.reqId);
        if (!def) return undefined;
        const item = requirementItem({ ...def, status: def.attributes.status, priority: def.attributes.priority }, this.codeReferences(def.id).length > 0);
        return item;
      }
      case 'reference':
        return this.codeReferences(node.reqId).some((r) => r.path === node.path && r.line === node.line && r.start === node.character)
          ? referenceItem(this.services, node) : undefined;
    }
  }

  resolveTreeItem(item: vscode.TreeItem, node: LifecycleNode): vscode.TreeItem {
    if (node.kind === 'requirement') item.tooltip = requirementTooltip(this.services, node.reqId);
    return item;
  }

  /** A product's display name: its `product` field, else the workspace folder it lives in. */
  productName(product: ProductLifecycle): string {
    if (product.product) return product.product;
    const folder = vscode.workspace.getWorkspaceFolder(toUri(product.root))?.name ?? product.root;
    return this.model.products.length === 1 ? folder : vscode.l10n.t('{0} (no product)', folder);
  }

  private productItem(product: ProductLifecycle): vscode.TreeItem {
    const single = this.model.products.length === 1;
    const item = new vscode.TreeItem(this.productName(product), single ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.description = `${stageLabel(product.currentStage)} · ${counts.documents(product.documentCount)}`;
    item.iconPath = ICONS.product();
    item.contextValue = 'specboard.product';
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMarkdown(this.productName(product))}**\n\n`);
    md.appendMarkdown(`${vscode.l10n.t('Current stage: {0}', stageLabel(product.currentStage))}\n\n`);
    for (const s of product.stages) {
      if (s.expected === 0 && s.documents.length === 0) continue;
      md.appendMarkdown(`- ${stageLabel(s.stage)}: ${this.stageSummary(s)}\n`);
    }
    item.tooltip = md;
    return item;
  }

  private stageItem(product: ProductLifecycle, stage: StageLifecycle): vscode.TreeItem {
    const progress = stageProgress(product, stage);
    const empty = stage.documents.length === 0 && stage.missing.length === 0;
    const item = new vscode.TreeItem(stageLabel(stage.stage), empty ? vscode.TreeItemCollapsibleState.None
      : progress === 'current' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.description = this.stageSummary(stage);
    item.iconPath = stageIcon(progress);
    item.contextValue = 'specboard.stage';
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMarkdown(stageLabel(stage.stage))}** · ${escapeMarkdown(this.productName(product))}\n\n`);
    if (stage.deliverables.length === 0) md.appendMarkdown(vscode.l10n.t('This stage expects no deliverables.'));
    for (const d of stage.deliverables) {
      const mark = d.approved ? '$(pass-filled)' : d.present ? '$(circle-large-outline)' : '$(add)';
      const state = d.approved ? vscode.l10n.t('approved') : d.present ? vscode.l10n.t('not approved yet') : vscode.l10n.t('missing');
      md.appendMarkdown(`${mark} ${escapeMarkdown(d.name[this.locale])} — ${state}  \n`);
    }
    item.tooltip = md;
    return item;
  }

  private stageSummary(stage: StageLifecycle): string {
    if (stage.expected > 0) return vscode.l10n.t('{0}/{1} deliverables, {2} approved', stage.present, stage.expected, stage.approved);
    return stage.documents.length ? counts.documents(stage.documents.length) : '';
  }

  private documentItem(doc: LifecycleDocument): vscode.TreeItem {
    const label = doc.title ?? doc.id ?? doc.path.slice(doc.path.lastIndexOf('/') + 1);
    const item = new vscode.TreeItem(label, doc.requirementCount ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.description = [doc.abbreviation ?? doc.type.toUpperCase(), doc.status && statusLabel(doc.status)].filter(Boolean).join(' · ');
    item.iconPath = documentStatusIcon(doc.status);
    const problems = [doc.errors && counts.errors(doc.errors), doc.warnings && counts.warnings(doc.warnings)].filter(Boolean).join(', ');
    item.accessibilityInformation = { label: [label, item.description, problems].filter(Boolean).join(', ') };
    // The validation badge: with the file's URI, VS Code's own Problems decorations colour the
    // label and show the count, exactly as in the Explorer.
    item.resourceUri = toUri(doc.path);
    // Advance Stage is offered while the list has a stage after this one.
    item.contextValue = nextStage(doc.lifecycleStage) ? 'specboard.document.advanceable' : 'specboard.document';
    item.command = openCommand(doc.path, 0);
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown(`**${escapeMarkdown(label)}**${doc.id ? ` · \`${escapeMarkdown(doc.id)}\`` : ''}\n\n`);
    md.appendMarkdown(`${escapeMarkdown(doc.typeName?.[this.locale] ?? doc.type)} · ${escapeMarkdown(stageLabel(doc.lifecycleStage))}`);
    if (doc.status) md.appendMarkdown(` · ${escapeMarkdown(statusLabel(doc.status))}`);
    md.appendMarkdown('\n\n');
    const facts = [
      doc.owner && `$(person) ${escapeMarkdown(doc.owner)}`,
      doc.version && `$(versions) ${escapeMarkdown(doc.version)}`,
      doc.release && `$(tag) ${escapeMarkdown(doc.release)}`,
      `$(checklist) ${counts.requirements(doc.requirementCount)}`,
    ].filter(Boolean);
    md.appendMarkdown(`${facts.join(' · ')}\n\n`);
    if (doc.errors || doc.warnings) md.appendMarkdown(`$(error) ${counts.errors(doc.errors)} · $(warning) ${counts.warnings(doc.warnings)}\n\n`);
    md.appendMarkdown(`$(file) ${escapeMarkdown(this.services.specs.core.displayPath(doc.path))}`);
    item.tooltip = md;
    return item;
  }

  private missingItem(missing: MissingDeliverable): vscode.TreeItem {
    const item = new vscode.TreeItem(missing.name[this.locale], vscode.TreeItemCollapsibleState.None);
    item.description = vscode.l10n.t('missing');
    item.iconPath = ICONS.missing();
    item.resourceUri = missingUri(missing);
    item.contextValue = 'specboard.missing';
    const args = { productKey: missing.productKey, stage: missing.stage, type: missing.type };
    item.command = { command: 'specboard.createDeliverable', title: vscode.l10n.t('Create Missing Document'), arguments: [args] };
    item.tooltip = new vscode.MarkdownString(vscode.l10n.t('The {0} stage expects a {1}. Click to create {2} from its template.',
      stageLabel(missing.stage), missing.name[this.locale], this.services.specs.core.displayPath(missing.suggestedPath)));
    return item;
  }

  private get locale(): 'en' | 'zh-cn' {
    return normalizeLocale(vscode.env.language);
  }

  private product(key: string): ProductLifecycle | undefined {
    return this.model.products.find((p) => p.key === key);
  }

  private stage(key: string, stage: LifecycleStage): StageLifecycle | undefined {
    return this.product(key)?.stages.find((s) => s.stage === stage);
  }

  private codeReferences(id: string) {
    return this.services.specs.core.index.references(id).filter((r) => r.kind === 'code')
      .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.start - b.start);
  }
}

function stageProgress(product: ProductLifecycle, stage: StageLifecycle): StageProgress {
  const here = LIFECYCLE_STAGES.indexOf(stage.stage);
  const current = LIFECYCLE_STAGES.indexOf(product.currentStage);
  if (here === current) return 'current';
  if (here > current) return 'ahead';
  return stage.complete ? 'done' : 'behind';
}

/** Document statuses in the UI language. */
export function statusLabel(status: string): string {
  switch (status) {
    case 'draft': return vscode.l10n.t('draft');
    case 'review': return vscode.l10n.t('in review');
    case 'approved': return vscode.l10n.t('approved');
    case 'obsolete': return vscode.l10n.t('obsolete');
    default: return status;
  }
}

