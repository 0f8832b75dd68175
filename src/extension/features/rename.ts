import * as vscode from 'vscode';
import { isRequirementId } from '../../core';
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
      if (!hit || services.index.core.index.definitions(hit.id).length === 0) {
        throw new Error(vscode.l10n.t('Only a defined requirement ID can be renamed here.'));
      }
      return { range: hit.range, placeholder: hit.id };
    },
    provideRenameEdits(document, position, newName) {
      services.index.flush();
      const hit = idAtPosition(services, document, position);
      if (!hit) return undefined;
      return renameEdit(services, hit.id, newName.trim());
    },
  }));
}

/** The edit renaming `id` to `newId`, or an Error with a message for the user. */
export function renameEdit(services: Services, id: string, newId: string): vscode.WorkspaceEdit {
  const index = services.index.core.index;
  if (!isRequirementId(newId)) {
    throw new Error(vscode.l10n.t("'{0}' is not a valid requirement ID: use an upper-case prefix, optional segments and a number, like REQ-CHK-001.", newId));
  }
  if (newId !== id && index.definitions(newId).length > 0) {
    throw new Error(vscode.l10n.t('{0} is already defined. Pick an unused ID, for example {1}.', newId, index.nextFreeId(newId.replace(/\d+$/, ''))));
  }
  const edit = new vscode.WorkspaceEdit();
  for (const def of index.definitions(id)) edit.replace(toUri(def.path), toRange(def.idRange), newId);
  for (const ref of index.references(id)) edit.replace(toUri(ref.path), new vscode.Range(ref.line, ref.start, ref.line, ref.end), newId);
  return edit;
}
