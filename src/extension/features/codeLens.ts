import * as vscode from 'vscode';
import { toRange, toUri } from '../adapters/convert';
import type { Services } from '../services';

/** "References: N in code · M in docs" above every requirement definition. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    services.index.onDidChange(() => changed.fire()),
    vscode.workspace.onDidChangeConfiguration((e) => { if (services.config.affects(e, 'codeLens.enabled')) changed.fire(); }),
    vscode.languages.registerCodeLensProvider({ language: 'markdown' }, {
      onDidChangeCodeLenses: changed.event,
      provideCodeLenses(document) {
        if (!services.config.codeLensEnabled(document.uri)) return [];
        const core = services.index.core;
        const parsed = core.file(document.uri.toString());
        if (!parsed) return [];
        return parsed.requirements.map((def) => {
          const counts = core.index.referenceCounts(def);
          const range = toRange(def.range);
          return new vscode.CodeLens(range, {
            title: vscode.l10n.t('References: {0} in code · {1} in docs', counts.code, counts.doc),
            tooltip: vscode.l10n.t('Show all references to {0}', def.id),
            command: 'specboard.showReferences',
            arguments: [def.id, toUri(def.path), toRange(def.idRange).start],
          });
        });
      },
    }),
  );
}
