import * as vscode from 'vscode';
import { toLocation, toRange, toUri } from '../adapters/convert';
import type { Services } from '../services';
import { allFiles } from './documentSelectors';
import { idAtPosition } from './idAtPosition';

/**
 * Go to definition (F12, peek) and find references (Shift+F12) for requirement IDs, in docs and code.
 * Both answer from the in-memory index.
 */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(allFiles(), {
      provideDefinition(document, position) {
        const hit = idAtPosition(services, document, position);
        if (!hit) return undefined;
        return services.specs.core.index.resolve(hit.id, hit.path).map((def): vscode.LocationLink => ({
          originSelectionRange: hit.range,
          targetUri: toUri(def.path),
          targetRange: new vscode.Range(def.line, 0, def.endLine, Number.MAX_SAFE_INTEGER),
          targetSelectionRange: toRange(def.idRange),
        }));
      },
    }),
    vscode.languages.registerReferenceProvider(allFiles(), {
      provideReferences(document, position, ctx) {
        const hit = idAtPosition(services, document, position);
        if (!hit) return undefined;
        return referenceLocations(services, hit.id, ctx.includeDeclaration, hit.path);
      },
    }),
    vscode.commands.registerCommand('specboard.showReferences', (id: unknown, uri?: unknown, position?: unknown) => {
      if (typeof id !== 'string') return;
      const def = services.specs.core.definition(id);
      const at = uri instanceof vscode.Uri ? uri : def ? toUri(def.path) : undefined;
      const pos = position instanceof vscode.Position ? position : def ? toRange(def.idRange).start : undefined;
      if (!at || !pos) return;
      return vscode.commands.executeCommand('editor.action.showReferences', at, pos, referenceLocations(services, id, false));
    }),
    vscode.commands.registerCommand('specboard.revealRequirement', async (id: unknown) => {
      if (typeof id !== 'string') return;
      const def = services.specs.core.definition(id);
      if (!def) {
        void vscode.window.showWarningMessage(vscode.l10n.t('{0} is not defined in any document.', id));
        return;
      }
      await vscode.window.showTextDocument(toUri(def.path), { selection: toRange(def.idRange), preview: true });
    }),
  );
}

/**
 * Every reference to `id` (and its definitions when asked), docs and code. From a file, the ID
 * means the definitions it resolves to there (a spec-kit feature's own FR-001), and only their
 * references are listed.
 */
export function referenceLocations(services: Services, id: string, includeDeclaration: boolean, from?: string): vscode.Location[] {
  const index = services.specs.core.index;
  const defs = from ? index.resolve(id, from) : index.definitions(id);
  const refs = from && defs.length ? defs.flatMap((d) => index.references(d)) : index.references(id);
  const out = refs.map((r) => new vscode.Location(toUri(r.path), new vscode.Range(r.line, r.start, r.line, r.end)));
  if (includeDeclaration) {
    out.unshift(...defs.flatMap((d) => [toLocation(d.path, d.idRange), ...(d.otherIdRanges ?? []).map((r) => toLocation(d.path, r))]));
  }
  return out;
}
