import * as vscode from 'vscode';
import { isDefinitionId, isRequirementId, stemOf, type RequirementDef } from '../../core';
import { toRange, toUri } from '../adapters/convert';
import type { Services } from '../services';
import { ALL_FILES, idAtPosition } from './idAtPosition';

/**
 * Rename (F2) a requirement ID everywhere: definitions, references in docs and code, traces.
 * One WorkspaceEdit, so one undo restores every file, and unsaved editors are edited in place.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.languages.registerRenameProvider(ALL_FILES, {
    prepareRename(document, position) {
      services.index.flush();
      const hit = idAtPosition(services, document, position);
      const defs = hit ? services.index.core.index.resolve(hit.id, hit.path) : [];
      if (!hit || defs.length === 0) throw new Error(vscode.l10n.t('Only a defined requirement ID can be renamed here.'));
      if (!writtenAsIs(hit.id, defs)) {
        throw new Error(vscode.l10n.t('{0} is named by its heading ("User Story 1", "Requirement 1"): rename it by editing the heading.', hit.id));
      }
      return { range: hit.range, placeholder: hit.id };
    },
    provideRenameEdits(document, position, newName) {
      services.index.flush();
      const hit = idAtPosition(services, document, position);
      if (!hit) return undefined;
      return renameEdit(services, hit.id, newName.trim(), hit.path);
    },
  }));
}

/** The edit renaming `id` (as `from` resolves it) to `newId`, or an Error with a message for the user. */
export function renameEdit(services: Services, id: string, newId: string, from?: string): vscode.WorkspaceEdit {
  const index = services.index.core.index;
  const defs = from ? index.resolve(id, from) : index.definitions(id);
  if (!isRequirementId(newId) && !(isDefinitionId(newId) && !isRequirementId(id))) {
    throw new Error(vscode.l10n.t("'{0}' is not a valid requirement ID: use an upper-case prefix, optional segments and a number, like REQ-CHK-001.", newId));
  }
  if (newId !== id && (from ? index.resolve(newId, from) : index.definitions(newId)).length > 0) {
    throw new Error(vscode.l10n.t('{0} is already defined. Pick an unused ID, for example {1}.', newId, index.nextFreeId(stemOf(newId))));
  }
  if (!writtenAsIs(id, defs)) {
    throw new Error(vscode.l10n.t('{0} is named by its heading ("User Story 1", "Requirement 1"): rename it by editing the heading.', id));
  }
  const edit = new vscode.WorkspaceEdit();
  for (const def of defs) {
    for (const r of [def.idRange, ...(def.otherIdRanges ?? [])]) edit.replace(toUri(def.path), toRange(r), newId);
  }
  const refs = from ? defs.flatMap((d) => index.references(d)) : index.references(id);
  for (const ref of refs) edit.replace(toUri(ref.path), new vscode.Range(ref.line, ref.start, ref.line, ref.end), newId);
  return edit;
}

/** True when every definition writes the ID itself (not `User Story 1` for `US1`, not a Kiro number). */
function writtenAsIs(id: string, defs: readonly RequirementDef[]): boolean {
  return defs.every((d) => d.idRange.end.character - d.idRange.start.character === id.length && !/^\d/.test(id));
}
