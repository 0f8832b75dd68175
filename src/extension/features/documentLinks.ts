import * as vscode from 'vscode';
import { toUri } from '../adapters/convert';
import type { Services } from '../services';
import { allFiles } from './documentSelectors';

/** Makes every defined requirement ID clickable, in docs and in code. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.languages.registerDocumentLinkProvider(allFiles(), {
    provideDocumentLinks(document) {
      const core = services.specs.core;
      const parsed = services.specs.view(document)?.parsed;
      if (!parsed) return [];
      const links: vscode.DocumentLink[] = [];
      for (const t of parsed.tokens) {
        const def = core.index.resolve(t.id, parsed.path)[0];
        if (!def) continue;
        // `#L12,5` is how VS Code's opener takes a line and column in a file link.
        const target = toUri(def.path).with({ fragment: `L${def.line + 1},${def.idRange.start.character + 1}` });
        const link = new vscode.DocumentLink(new vscode.Range(t.line, t.start, t.line, t.end), target);
        link.tooltip = def.title ? `${def.id}: ${def.title}` : def.id;
        links.push(link);
      }
      return links;
    },
  }));
}
