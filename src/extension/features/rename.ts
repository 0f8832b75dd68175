import * as vscode from 'vscode';
import { isDefinitionId, isRequirementId, stemOf, type DocumentView, type RequirementDef } from '../../core';
import { toRange, toUri } from '../adapters/convert';
import type { Services } from '../services';
import { allFiles } from './documentSelectors';
import { idAtPosition } from './idAtPosition';

/**
 * Rename (F2) a requirement ID everywhere: definitions, references in docs and code, traces.
 * One WorkspaceEdit, so one undo restores every file, and unsaved editors are edited in place.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.languages.registerRenameProvider(allFiles(), {
    prepareRename(document, position) {
      const hit = idAtPosition(services, document, position);
      const defs = hit ? services.specs.core.index.resolve(hit.id, hit.path) : [];
      if (!hit || defs.length === 0) throw new Error(vscode.l10n.t('Only a defined requirement ID can be renamed here.'));
      if (!writtenAsIs(hit.id, defs)) {
        throw new Error(vscode.l10n.t('{0} is named by its heading ("User Story 1", "Requirement 1"): rename it by editing the heading.', hit.id));
      }
      return { range: hit.range, placeholder: hit.id };
    },
    provideRenameEdits(document, position, newName) {
      const hit = idAtPosition(services, document, position);
      if (!hit) return undefined;
      return renameEdit(services, hit.id, newName.trim(), hit.path);
    },
  }));
}

/** The edit renaming `id` (as `from` resolves it) to `newId`, or an Error with a message for the user. */
export function renameEdit(services: Services, id: string, newId: string, from?: string): vscode.WorkspaceEdit {
  const index = services.specs.core.index;
  const defs = from ? index.resolve(id, from) : index.definitions(id);
  if (!isRequirementId(newId) && !(isDefinitionId(newId) && !isRequirementId(id))) {
    throw new Error(vscode.l10n.t("'{0}' is not a valid requirement ID: use an upper-case prefix, optional segments and a number, like REQ-CHK-001.", newId));
  }
  if (!writtenAsIs(id, defs)) {
    throw new Error(vscode.l10n.t('{0} is named by its heading ("User Story 1", "Requirement 1"): rename it by editing the heading.', id));
  }
  // Editors changed within the debounce (typed into, or undone back to the saved text, so no longer
  // dirty) are ahead of the index: what they define and cite now comes from their current text.
  const ahead = new Map<string, DocumentView>();
  for (const document of vscode.workspace.textDocuments) {
    const view = services.specs.view(document);
    if (view && !view.indexed) ahead.set(view.parsed.path, view);
  }
  const scopes = new Set(defs.map((d) => d.scope));
  if (newId !== id) {
    const taken = (from ? index.resolve(newId, from) : index.definitions(newId)).filter((d) => !ahead.has(d.path));
    for (const view of ahead.values()) taken.push(...view.parsed.requirements.filter((d) => d.id === newId && scopes.has(d.scope)));
    if (taken.length > 0) {
      throw new Error(vscode.l10n.t('{0} is already defined. Pick an unused ID, for example {1}.', newId, index.nextFreeId(stemOf(newId))));
    }
  }
  const places = new Map<string, vscode.Range[]>();
  const add = (path: string, r: vscode.Range) => {
    const list = places.get(path);
    if (list) list.push(r);
    else places.set(path, [r]);
  };
  for (const def of defs) for (const r of [def.idRange, ...(def.otherIdRanges ?? [])]) add(def.path, toRange(r));
  const refs = from ? defs.flatMap((d) => index.references(d)) : index.references(id);
  for (const ref of refs) add(ref.path, new vscode.Range(ref.line, ref.start, ref.line, ref.end));
  // Places in editors ahead of the index come from their current text, or the edit would land on
  // columns the text no longer has.
  for (const [path, view] of ahead) {
    const cited = index.resolve(id, path).some((d) => scopes.has(d.scope));
    const live: vscode.Range[] = [];
    for (const def of view.parsed.requirements) {
      if (def.id === id && scopes.has(def.scope)) live.push(...[def.idRange, ...(def.otherIdRanges ?? [])].map(toRange));
    }
    if (cited) for (const t of view.parsed.tokens) if (t.id === id) live.push(new vscode.Range(t.line, t.start, t.line, t.end));
    if (live.length) places.set(path, live);
    else places.delete(path);
  }
  const edit = new vscode.WorkspaceEdit();
  for (const [path, list] of places) for (const r of list) edit.replace(toUri(path), r, newId);
  return edit;
}

/** True when every definition writes the ID itself (not `User Story 1` for `US1`, not a Kiro number). */
function writtenAsIs(id: string, defs: readonly RequirementDef[]): boolean {
  return defs.every((d) => d.idRange.end.character - d.idRange.start.character === id.length && !/^\d/.test(id));
}
