import * as vscode from 'vscode';
import {
  buildLifecycle, frontMatterEdit, isLifecycleStage, locateDocument, nextStage, normalizeLocale, type LifecycleStage, type TextEdit,
} from '../../core';
import { setAttribute } from '../../core/edits/setAttribute';
import { checkTransition, statusesOf } from '../../core/transitions';
import { toRange, toUri } from '../adapters/convert';
import { stageLabel, statusDescription } from '../labels';
import type { Services } from '../services';

/** Arguments for tests and other extensions; tree items pass their node instead. */
export interface AdvanceStageArgs {
  /** The document's URI string. */
  readonly uri?: string;
  /** Target stage; defaults to the next one. */
  readonly to?: LifecycleStage;
  /** False skips the "deliverables incomplete" question and advances anyway. */
  readonly confirm?: boolean;
}

export interface AdvanceStageResult {
  readonly uri: string;
  readonly from: LifecycleStage;
  readonly to: LifecycleStage;
  /** Deliverables of the stage being left that are missing or not approved, by name. */
  readonly incomplete: readonly string[];
  readonly applied: boolean;
}

export interface SetStatusArgs {
  readonly id?: string;
  readonly status?: string;
  /** False skips the question when the workflow does not allow the transition. */
  readonly confirm?: boolean;
}

export interface SetStatusResult {
  readonly id: string;
  readonly from?: string;
  readonly to: string;
  readonly applied: boolean;
}

/** Advance Stage (documents) and Set Status (requirements): small edits made through WorkspaceEdit, so Undo works. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('specboard.advanceStage', (arg?: unknown) => advanceStage(services, arg)),
    vscode.commands.registerCommand('specboard.setStatus', (arg?: unknown) => setStatus(services, arg)),
  );
}

export async function advanceStage(services: Services, arg: unknown): Promise<AdvanceStageResult | undefined> {
  services.specs.flush();
  const args = (isRecord(arg) && !('kind' in arg) ? arg : {}) as AdvanceStageArgs;
  const uri = targetUri(arg);
  if (!uri) return undefined;
  const located = locateDocument(buildLifecycle(services.specs.core), uri);
  if (!located) {
    void vscode.window.showWarningMessage(vscode.l10n.t('This file is not a product document, so it has no lifecycle stage.'));
    return undefined;
  }
  const { document, stage, product } = located;
  const from = document.lifecycleStage;
  const to = args.to && isLifecycleStage(args.to) ? args.to : nextStage(from);
  if (!to) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already in the last stage ({1}).', docName(document), stageLabel(from)));
    return undefined;
  }
  const locale = normalizeLocale(vscode.env.language);
  const incomplete = stage.deliverables.filter((d) => !d.approved).map((d) => d.name[locale]);
  const result = { uri, from, to, incomplete };
  if (to === from) return { ...result, applied: false };
  if (incomplete.length && args.confirm !== false) {
    const advance = vscode.l10n.t('Advance Anyway');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The {0} stage of {1} is not finished.', stageLabel(from), product.product ?? docName(document)),
      {
        modal: true,
        detail: vscode.l10n.t('Missing or not approved: {0}. Move {1} to {2} anyway?', incomplete.join(', '), docName(document), stageLabel(to)),
      },
      advance,
    );
    if (choice !== advance) return { ...result, applied: false };
  }
  const doc = await vscode.workspace.openTextDocument(toUri(uri));
  const edit = frontMatterEdit(doc.getText(), 'stage', to);
  if (!edit) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not change the stage: fix the front matter of {0} first.', docName(document)));
    return { ...result, applied: false };
  }
  const applied = await apply(services, doc.uri, edit);
  if (applied) vscode.window.setStatusBarMessage(vscode.l10n.t('{0} moved to {1}', docName(document), stageLabel(to)), 4000);
  return { ...result, applied };
}

export async function setStatus(services: Services, arg: unknown): Promise<SetStatusResult | undefined> {
  services.specs.flush();
  const args = (isRecord(arg) && !('kind' in arg) ? arg : {}) as SetStatusArgs;
  const core = services.specs.core;
  const id = typeof args.id === 'string' ? args.id : isRecord(arg) && typeof arg.reqId === 'string' ? arg.reqId : idAtCursor(services);
  const def = id ? core.definition(id) : undefined;
  if (!id || !def) {
    void vscode.window.showWarningMessage(id ? vscode.l10n.t('{0} is not defined in any document.', id) : vscode.l10n.t('Put the cursor on a requirement ID first.'));
    return undefined;
  }
  const config = core.projectFor(def.path)?.config;
  const from = def.attributes.status;
  let to = args.status;
  if (!to) {
    const picked = await vscode.window.showQuickPick(statusesOf(config).map((s) => ({
      label: s, description: s === from ? vscode.l10n.t('current') : undefined, detail: statusDescription(s), picked: s === from,
    })), { title: vscode.l10n.t('Set the status of {0}', id), placeHolder: def.title });
    to = picked?.label;
  }
  if (!to) return undefined;
  const check = checkTransition(config, from, to);
  if (!check.allowed && args.confirm !== false) {
    const set = vscode.l10n.t('Set Anyway');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('The workflow only allows {0} after {1}.', to, check.allowedFrom.map((s) => s || vscode.l10n.t('no status')).join(', ')),
      { modal: true, detail: vscode.l10n.t('{0} is {1}. Set it to {2} anyway?', id, from ?? vscode.l10n.t('no status'), to) }, set,
    );
    if (choice !== set) return { id, from, to, applied: false };
  }
  const doc = await vscode.workspace.openTextDocument(toUri(def.path));
  const result = setAttribute(doc.getText(), { id, key: 'status', value: to, expected: { line: def.line, value: from } }, core.projectFor(def.path)?.parseOptions(def.path));
  if (!result.ok) {
    const why = result.reason === 'missingColumn' ? vscode.l10n.t('its table has no Status column')
      : result.reason === 'missingCell' ? vscode.l10n.t('its table row has fewer cells than the header')
      : result.reason === 'invalidValue' ? vscode.l10n.t('that is not a valid value')
      : vscode.l10n.t('the document changed; try again');
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not set the status of {0}: {1}.', id, why));
    return { id, from, to, applied: false };
  }
  const applied = result.edit ? await apply(services, doc.uri, result.edit) : true;
  return { id, from, to, applied };
}

async function apply(services: Services, uri: vscode.Uri, edit: TextEdit): Promise<boolean> {
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(uri, toRange(edit.range), edit.newText);
  // As a refactoring, VS Code saves files that were not dirty before (files.refactoring.autoSave),
  // so the change reaches git like any other save, and Undo in the editor still reverts it.
  const ok = await vscode.workspace.applyEdit(workspaceEdit, { isRefactoring: true });
  services.specs.flush();
  return ok;
}

/** The document a command is about: a tree node's, a URI's (explorer, editor title) or the active editor's. */
function targetUri(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.toString();
  if (isRecord(arg)) {
    if (typeof arg.uri === 'string') return toUri(arg.uri).toString();
    if (typeof arg.path === 'string') return arg.path;
  }
  return vscode.window.activeTextEditor?.document.uri.toString();
}

function idAtCursor(services: Services): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const view = services.specs.view(editor.document);
  return view && services.specs.core.idAt(view.parsed, editor.selection.active)?.id;
}

function docName(doc: { title?: string; id?: string; path: string }): string {
  return doc.title ?? doc.id ?? doc.path.slice(doc.path.lastIndexOf('/') + 1);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
