import * as vscode from 'vscode';
import { fixAll } from '../../core';
import { toRange } from '../adapters/convert';
import type { Services } from '../services';
import { markdownFiles } from './documentSelectors';

/** The kind `editor.codeActionsOnSave: { "source.fixAll.specboard": "explicit" }` asks for. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('specboard');

/**
 * Fix all: one source action applying every fix that needs no choice (src/core/edits/safeFixes.ts
 * decides which, for `specboard check --fix` too). Offered only when asked for by kind (Source
 * Action…, code actions on save), never in the light bulb, and as one WorkspaceEdit, so it is
 * undoable and works on unsaved text.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.languages.registerCodeActionsProvider(markdownFiles(), {
    provideCodeActions(document, _range, ctx) {
      if (!ctx.only?.contains(FIX_ALL_KIND)) return [];
      const view = services.specs.view(document);
      if (!view) return [];
      const { edits, fixed } = fixAll(document.getText(), view.parsed, view.diagnostics());
      if (edits.length === 0) return [];
      const action = new vscode.CodeAction(vscode.l10n.t('Fix all Specboard problems that need no choice ({0})', fixed.length), FIX_ALL_KIND);
      action.edit = new vscode.WorkspaceEdit();
      for (const e of edits) action.edit.replace(document.uri, toRange(e.range), e.newText);
      return [action];
    },
  }, { providedCodeActionKinds: [FIX_ALL_KIND] }));
}
