import * as vscode from 'vscode';
import {
  buildLifecycle, buildReleases, frontMatterEdit, productFolder, renderReleaseNotes, renderTemplate, slugify,
  type DocSummary, type LifecycleStage, type Locale,
} from '../../core';
import { toUri } from '../adapters/convert';
import { createDocument, freeUri } from '../adapters/createDocument';
import type { Services } from '../services';
import { counts } from '../views/counts';

export interface CreateDeliverableArgs {
  readonly productKey: string;
  readonly stage: LifecycleStage;
  readonly type: string;
}

export interface WriteReleaseNotesArgs {
  /** A release group's key, as the Releases tree and `api.releases()` give it. */
  readonly key?: string;
}

/** Documents Specboard writes for the PM: a missing deliverable from its template, release notes from a release. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('specboard.createDeliverable', (args?: CreateDeliverableArgs) => createDeliverable(services, args)),
    vscode.commands.registerCommand('specboard.writeReleaseNotes', (args?: WriteReleaseNotesArgs) => writeReleaseNotes(services, args)),
  );
}

/** Creates a missing deliverable from its template next to the product's documents and opens it. */
export async function createDeliverable(services: Services, args: CreateDeliverableArgs | { readonly key: string; readonly stage: LifecycleStage; readonly type: string } | undefined): Promise<vscode.Uri | undefined> {
  services.specs.flush();
  const core = services.specs.core;
  // A click passes CreateDeliverableArgs; the context menu and the inline action pass the tree node.
  const productKey = args && ('productKey' in args ? args.productKey : args.key);
  const product = buildLifecycle(core).products.find((p) => p.key === productKey);
  const missing = product?.stages.find((s) => s.stage === args?.stage)?.missing.find((m) => m.type === args?.type);
  const info = missing && core.projectFor(missing.suggestedPath)?.schemas.get(missing.type);
  if (!product || !missing || !info) {
    void vscode.window.showInformationMessage(vscode.l10n.t('That deliverable exists already.'));
    return undefined;
  }
  const docs = product.stages.flatMap((s) => s.documents);
  const locale = templateLocale(services, docs);
  const name = missing.name[locale];
  const title = product.product ? (locale === 'zh-cn' ? `${product.product}${name}` : `${product.product} — ${name}`) : name;
  let text = renderTemplate(info, {
    id: missing.suggestedId, title, owner: mostCommon(docs.map((d) => d.owner)) ?? 'TBD', product: product.product, locale,
    firstRequirementId: info.idPrefix ? core.index.nextFreeId(`${info.idPrefix}-`) : undefined,
    date: new Date().toISOString().slice(0, 10),
  });
  // Config may expect a type in another stage than its schema's: the new document goes where it was missing.
  const stageEdit = frontMatterEdit(text, 'stage', missing.stage);
  if (stageEdit) text = applyToText(text, stageEdit.range.start.line, stageEdit.range.start.character, stageEdit.range.end.character, stageEdit.newText);
  return createDocument(toUri(missing.suggestedPath), text);
}

/** Writes the release notes (版本功能列表) of one release as a new document and opens it. */
export async function writeReleaseNotes(services: Services, args: WriteReleaseNotesArgs | undefined): Promise<vscode.Uri | undefined> {
  services.specs.flush();
  const core = services.specs.core;
  const groups = buildReleases(core).filter((g) => g.release !== undefined);
  let group = groups.find((g) => g.key === args?.key);
  if (!group) {
    if (!groups.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No requirement has a release yet: add "Release: 2.0" to a requirement or "release" to a document.'));
      return undefined;
    }
    const several = new Set(groups.map((g) => g.productKey)).size > 1;
    const picked = await vscode.window.showQuickPick(groups.map((g) => ({
      label: several && g.product ? `${g.product} ${g.release}` : g.release ?? '',
      description: vscode.l10n.t('{0}, {1} done', counts.requirements(g.requirements.length), g.done), group: g,
    })), { title: vscode.l10n.t('Write release notes for…') });
    group = picked?.group;
  }
  if (!group) return undefined;
  const firstPath = group.requirements[0]?.path;
  const project = firstPath ? core.projectFor(firstPath) : undefined;
  const info = project?.schemas.get('release-notes');
  if (!project || !info) return undefined;
  const documents = core.documents();
  const productDocs = documents.filter((d) => (group.product ? d.product?.trim() === group.product : core.projectFor(d.path)?.root === project.root));
  const notes = renderReleaseNotes(group, {
    info, locale: templateLocale(services, productDocs), owner: mostCommon(productDocs.map((d) => d.owner)) ?? 'TBD',
    documents, date: new Date().toISOString().slice(0, 10),
  });
  const folder = productFolder(project.root, group.product, productDocs);
  return createDocument(await freeUri(toUri(`${folder}/release-notes-${slugify(group.release ?? '') || 'next'}.md`)), notes.text);
}

/**
 * The language of a new document: the `specboard.templates.language` setting when it names one,
 * else the language the product's documents are written in (a Chinese product gets Chinese
 * headings even in an English VS Code), else the UI language.
 */
function templateLocale(services: Services, docs: readonly DocSummary[]): Locale {
  const setting = vscode.workspace.getConfiguration('specboard').get<string>('templates.language', 'auto');
  if (setting === 'en' || setting === 'zh-cn') return setting;
  const titles = docs.map((d) => d.title ?? '').filter(Boolean);
  if (titles.length) return titles.filter((t) => /[\u4e00-\u9fff]/.test(t)).length * 2 > titles.length ? 'zh-cn' : 'en';
  return services.config.templateLanguage;
}

function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (!best || n > counts.get(best)!) best = v;
  return best;
}

function applyToText(text: string, line: number, start: number, end: number, newText: string): string {
  const lines = text.split('\n');
  lines[line] = lines[line].slice(0, start) + newText + lines[line].slice(end);
  return lines.join('\n');
}
