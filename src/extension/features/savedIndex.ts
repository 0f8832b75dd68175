import * as vscode from 'vscode';
import type { Services } from '../services';

/**
 * `Specboard: Clear Saved Index`: deletes the index kept for the next window and indexes the
 * workspace from the disk, for when the saved one is suspected of being wrong.
 */
export function register(context: vscode.ExtensionContext, { specs }: Services): void {
  context.subscriptions.push(vscode.commands.registerCommand('specboard.clearSavedIndex', async () => {
    const had = await specs.clearSavedIndex();
    void vscode.window.showInformationMessage(had
      ? vscode.l10n.t('Specboard deleted its saved index and indexed the workspace again.')
      : vscode.l10n.t('Specboard had no saved index; it indexed the workspace again.'));
  }));
}
