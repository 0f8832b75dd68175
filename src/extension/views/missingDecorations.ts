import * as vscode from 'vscode';
import type { MissingDeliverable } from '../../core';

const SCHEME = 'specboard-missing';

/** A URI that names a missing deliverable, so the decoration below can dim its label. */
export function missingUri(missing: MissingDeliverable): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/${encodeURIComponent(missing.productKey)}/${missing.stage}/${missing.type}` });
}

/**
 * Tree items can only colour their label through file decorations: this one greys out missing
 * deliverables, the way VS Code greys out ignored files.
 */
export function registerMissingDecorations(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.window.registerFileDecorationProvider({
    provideFileDecoration(uri) {
      return uri.scheme === SCHEME ? { color: new vscode.ThemeColor('disabledForeground'), tooltip: vscode.l10n.t('Missing deliverable') } : undefined;
    },
  }));
}
