import * as vscode from 'vscode';
import type { Services } from '../services';
import { BoardPanel } from './boardPanel';
import { PreviewPanel } from './previewPanel';

/**
 * The board and the preview: their commands, their serializers (so both survive a window reload)
 * and two internal commands through which the integration tests reach the real message handlers.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  // Drives the editor-title Preview button: shown on product documents only.
  const updateContext = () => {
    const uri = vscode.window.activeTextEditor?.document.uri;
    const isDoc = !!uri && !!services.specs.core.file(uri.toString())?.docType;
    void vscode.commands.executeCommand('setContext', 'specboard.productDocActive', isDoc);
  };
  updateContext();
  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateContext),
    services.specs.onDidChange(updateContext),
    vscode.commands.registerCommand('specboard.openBoard', () => { BoardPanel.show(context, services); }),
    vscode.commands.registerCommand('specboard.board.undo', () => BoardPanel.instance?.undo()),
    vscode.commands.registerCommand('specboard.board.redo', () => BoardPanel.instance?.redo()),
    vscode.commands.registerCommand('specboard.showPreview', async (target?: unknown) => {
      const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a product document first, then run Specboard: Open Review Preview.'));
        return;
      }
      PreviewPanel.show(context, services, uri);
    }),
    vscode.window.registerWebviewPanelSerializer(BoardPanel.viewType, {
      async deserializeWebviewPanel(panel) {
        BoardPanel.revive(panel, context, services);
      },
    }),
    vscode.window.registerWebviewPanelSerializer(PreviewPanel.viewType, {
      async deserializeWebviewPanel(panel, state: unknown) {
        PreviewPanel.revive(panel, context, services, state);
      },
    }),
    // Internal (not in the palette): what the webviews would send, through the real handlers.
    vscode.commands.registerCommand('_specboard.board.message', async (message: unknown) => {
      const board = BoardPanel.instance;
      if (!board) return undefined;
      await board.ready;
      return board.handleMessage(message);
    }),
    vscode.commands.registerCommand('_specboard.board.state', () => {
      const board = BoardPanel.instance;
      return board && { visible: board.panel.visible, renderedCards: board.renderedCards, sent: { ...board.sent } };
    }),
    vscode.commands.registerCommand('_specboard.preview.message', async (message: unknown) => {
      const preview = PreviewPanel.instance;
      if (!preview) return undefined;
      await preview.ready;
      return preview.handleMessage(message);
    }),
    vscode.commands.registerCommand('_specboard.preview.state', async (render?: unknown) => {
      const preview = PreviewPanel.instance;
      if (!preview) return undefined;
      await preview.ready;
      if (render === true) await preview.render();
      return { document: preview.document.toString(), render: preview.lastRender, report: preview.lastReport };
    }),
  );
}
