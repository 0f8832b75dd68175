import * as vscode from 'vscode';
import { groupByProduct, newDocumentPlan, productFolder, renderTemplate, type DocSummary, type DocTypeInfo, type Locale } from '../../core';
import { toRoot, toUri } from '../adapters/convert';
import { createDocument, freeUri } from '../adapters/createDocument';
import { gitUserName } from '../adapters/gitUser';
import { stageLabel } from '../labels';
import type { Services } from '../services';

/** Arguments other features (and tests) pass to skip the prompts. */
export interface NewDocumentArgs {
  readonly type?: string;
  readonly title?: string;
  /** The product; an empty string for none. */
  readonly product?: string;
  /** Workspace folder URI string. */
  readonly folder?: string;
  /** Path relative to the folder, e.g. `docs/shop/prd.md`. */
  readonly path?: string;
  /** Folder for the file, relative to the workspace folder, e.g. `docs/shop` (the name is derived from the title). */
  readonly directory?: string;
}

/** "Specboard: New Document…": pick a type, product, title and folder; get a file that already passes its schema. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.commands.registerCommand('specboard.newDocument', (args?: NewDocumentArgs) => newDocument(services, args ?? {})));
}

export async function newDocument(services: Services, args: NewDocumentArgs): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(args.folder);
  if (!folder) return undefined;
  await services.specs.ready;
  const core = services.specs.core;
  const root = toRoot(folder.uri);
  // projectFor takes a path inside the folder; the folder's own URI plus '/' is the shortest one.
  const schemas = core.projectFor(`${root}/`)?.schemas;
  if (!schemas) return undefined;
  const uiLocale = services.config.templateLanguage;
  const info = await pickType(schemas.types(), args.type, uiLocale, (type) => schemas.get(type));
  if (!info) return undefined;
  const docs = core.documents().filter((d) => d.path.startsWith(`${root}/`));
  // A caller that names the title but no product means none; a person is asked.
  const product = args.product ?? (args.title !== undefined ? '' : await pickProduct(docs, root));
  if (product === undefined) return undefined;
  const productDocs = docs.filter((d) => (d.product?.trim() ?? '') === product);
  const typeName = info.abbreviation ?? info.name[uiLocale];
  const title = args.title ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('New {0}: title', typeName),
    prompt: vscode.l10n.t('Chinese titles are kept in the file name; the document ID is made from the product or the title.'),
    value: product ? `${product} ${typeName}` : info.name[uiLocale],
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A title is required.')),
  });
  if (!title?.trim()) return undefined;
  const language = vscode.workspace.getConfiguration('specboard', folder.uri).get<string>('templates.language', 'auto');
  const plan = newDocumentPlan({
    type: info.type, abbreviation: info.abbreviation, title, product: product || undefined, productDocs,
    takenIds: new Set(core.documents().map((d) => d.id).filter((id): id is string => !!id)),
    language: language === 'en' || language === 'zh-cn' ? language : 'auto', fallback: uiLocale,
  });
  let target: vscode.Uri;
  if (args.path) target = vscode.Uri.joinPath(folder.uri, args.path);
  else {
    const directory = args.directory !== undefined ? vscode.Uri.joinPath(folder.uri, args.directory) : await pickDirectory(folder, product, productDocs, docs);
    if (!directory) return undefined;
    target = vscode.Uri.joinPath(directory, plan.fileName);
  }
  const uri = await freeUri(target);
  const text = renderTemplate(info, {
    id: plan.id, title: title.trim(), owner: (await gitUserName(folder.uri, services.log)) ?? 'TBD', product: product || undefined, locale: plan.locale,
    firstRequirementId: info.idPrefix ? core.index.nextFreeId(`${info.idPrefix}-`) : undefined,
    date: new Date().toISOString().slice(0, 10),
  });
  return createDocument(uri, text);
}

async function pickType(types: readonly DocTypeInfo[], wanted: string | undefined, locale: Locale, get: (type: string) => DocTypeInfo | undefined): Promise<DocTypeInfo | undefined> {
  if (wanted) {
    const info = get(wanted);
    if (!info) void vscode.window.showErrorMessage(vscode.l10n.t("Unknown document type '{0}'.", wanted));
    return info;
  }
  const picked = await vscode.window.showQuickPick(types.map((t) => ({
    label: t.abbreviation ?? t.type, description: t.name[locale], detail: t.stage ? stageLabel(t.stage) : undefined, info: t,
  })), { title: vscode.l10n.t('New document: choose a type'), matchOnDescription: true, matchOnDetail: true });
  return picked?.info;
}

/** The product the document belongs to: one the workspace has, a new one, or none (''); undefined when cancelled. */
async function pickProduct(docs: readonly DocSummary[], root: string): Promise<string | undefined> {
  const products = groupByProduct(docs, () => root).map((g) => g.product).filter((p): p is string => !!p);
  const askName = async () => (await vscode.window.showInputBox({
    title: vscode.l10n.t('New document: product name'),
    prompt: vscode.l10n.t('Leave empty for a document that belongs to no product.'),
  }))?.trim();
  if (!products.length) return askName();
  const items: (vscode.QuickPickItem & { value?: string })[] = [
    ...products.map((p) => ({ label: p, value: p })),
    { label: '', kind: vscode.QuickPickItemKind.Separator },
    { label: `$(add) ${vscode.l10n.t('New product…')}` },
    { label: vscode.l10n.t('No product'), value: '' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New document: which product is it for?') });
  if (!picked) return undefined;
  return picked.value ?? askName();
}

/** The folder for the file: the product's folder first, the other folders with documents, or one chosen in a dialog. */
async function pickDirectory(folder: vscode.WorkspaceFolder, product: string, productDocs: readonly DocSummary[], docs: readonly DocSummary[]): Promise<vscode.Uri | undefined> {
  const root = toRoot(folder.uri);
  const preferred = productFolder(root, product || undefined, productDocs);
  const others = [...new Set(docs.map((d) => d.path.slice(0, d.path.lastIndexOf('/'))))].filter((d) => d !== preferred).sort();
  const relative = (dir: string) => decodeURIComponent(dir.slice(root.length + 1)) || '.';
  const items: (vscode.QuickPickItem & { dir?: string })[] = [
    { label: `$(folder) ${relative(preferred)}`, description: product ? vscode.l10n.t("{0}'s documents", product) : undefined, dir: preferred },
    ...others.map((dir) => ({ label: `$(folder) ${relative(dir)}`, dir })),
    { label: `$(folder-opened) ${vscode.l10n.t('Another folder…')}` },
  ];
  const picked = items.length === 2 ? items[0] : await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New document: which folder?') });
  if (!picked) return undefined;
  if (picked.dir) return toUri(picked.dir);
  const chosen = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: folder.uri });
  return chosen?.[0];
}

async function pickFolder(folder: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folder) return folders.find((f) => f.uri.toString() === folder || toRoot(f.uri) === folder);
  if (folders.length <= 1) {
    if (!folders.length) void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: Specboard documents live in a workspace folder.'));
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should the new document go?') });
}
