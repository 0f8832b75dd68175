import * as vscode from 'vscode';
import { toDiagnostic, toUri } from '../adapters/convert';
import type { Services } from '../services';

/**
 * Publishes the core's diagnostics. Only files an index change affected are re-published, so a
 * keystroke in one doc never re-diagnoses the workspace.
 */
export function register(context: vscode.ExtensionContext, services: Services): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('specboard');
  const publish = (paths: Iterable<string>, full: boolean) => {
    if (!services.config.validationEnabled) {
      collection.clear();
      return;
    }
    const core = services.specs.core;
    if (full) collection.clear();
    // After a clear only files with problems need setting: on a large workspace that is a few
    // hundred of 30,000, and working out the others' (empty) diagnostics blocked the host.
    for (const path of full ? core.pathsWithDiagnostics() : paths) {
      const list = core.diagnostics(path);
      collection.set(toUri(path), list.length ? list.map(toDiagnostic) : undefined);
    }
  };
  context.subscriptions.push(
    collection,
    services.specs.onDidChange((e) => publish(e.affected, e.full)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (services.config.affects(e, 'validation.enabled')) {
        const core = services.specs.core;
        publish([...core.index.entries()].map((x) => x.path).concat(core.settingsDiagnosticPaths()), true);
      }
    }),
  );
  return collection;
}
