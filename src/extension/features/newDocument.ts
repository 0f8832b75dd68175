import * as vscode from 'vscode';
import { renderTemplate, type DocTypeInfo } from '../../core';
import { createDocument, freeUri } from '../adapters/createDocument';
import { stageLabel } from '../labels';
import type { Services } from '../services';

/** Arguments other features (and tests) pass to skip the prompts. */
export interface NewDocumentArgs {
  readonly type?: string;
  readonly title?: string;
  readonly product?: string;
  /** Workspace folder URI string. */
  readonly folder?: string;
  /** Path relative to the folder, e.g. `docs/shop/prd.md`. */
  readonly path?: string;
}

/** "Specboard: New Document…": pick a type, name it, get a file that already passes its schema. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.commands.registerCommand('specboard.newDocument', (args?: NewDocumentArgs) => newDocument(services, args ?? {})));
}

export async function newDocument(services: Services, args: NewDocumentArgs): Promise<vscode.Uri | undefined> {
  const folder = await pickFolder(args.folder);
  if (!folder) return undefined;
  await services.index.ready;
  const core = services.index.core;
  // projectFor takes a path inside the folder; the folder's own URI plus '/' is the shortest one.
  const schemas = core.projectFor(`${folder.uri.toString()}/`)?.schemas;
  if (!schemas) return undefined;
  const locale = services.config.templateLanguage;
  let info: DocTypeInfo | undefined = args.type ? schemas.get(args.type) : undefined;
  if (args.type && !info) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Unknown document type '{0}'.", args.type));
    return undefined;
  }
  if (!info) {
    const picked = await vscode.window.showQuickPick(schemas.types().map((t) => ({
      label: t.abbreviation ?? t.type, description: t.name[locale], detail: t.stage ? stageLabel(t.stage) : undefined, info: t,
    })), { title: vscode.l10n.t('New document: choose a type'), matchOnDescription: true, matchOnDetail: true });
    info = picked?.info;
  }
  if (!info) return undefined;
  const title = args.title ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('New {0}: title', info.abbreviation ?? info.name[locale]),
    value: info.name[locale],
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A title is required.')),
  });
  if (!title?.trim()) return undefined;
  const slug = slugOf(title);
  const docIds = new Set(core.documents().map((d) => d.id));
  const base = `${(info.abbreviation ?? info.type).toUpperCase().replace(/[^A-Z0-9]/g, '')}-${slug ? slug.toUpperCase() : 'NEW'}`.replace(/-+/g, '-');
  let id = base;
  for (let n = 2; docIds.has(id); n++) id = `${base}-${n}`;
  const uri = await freeUri(vscode.Uri.joinPath(folder.uri, args.path ?? `docs/${info.type}${slug ? `-${slug}` : ''}.md`));
  const text = renderTemplate(info, {
    id, title: title.trim(), owner: 'TBD', product: args.product, locale,
    firstRequirementId: info.idPrefix ? core.index.nextFreeId(`${info.idPrefix}-`) : undefined,
    date: new Date().toISOString().slice(0, 10),
  });
  return createDocument(uri, text);
}

async function pickFolder(folder: string | undefined): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folder) return folders.find((f) => f.uri.toString() === folder);
  if (folders.length <= 1) {
    if (!folders.length) void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: Specboard documents live in a workspace folder.'));
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Where should the new document go?') });
}

function slugOf(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
}
