import * as vscode from 'vscode';
import type { Services } from '../services';
import { allFiles } from './documentSelectors';
import { idCompletions } from './idCompletion';
import { structureCompletions } from './structureCompletion';
import { suppressionCompletions } from './suppressionCompletion';

const MARKDOWN = new Set(['markdown', 'mdx']);

/** One completion provider for every file: requirement IDs anywhere; structure and suppression comments only in docs. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(vscode.languages.registerCompletionItemProvider(allFiles(), {
    provideCompletionItems(document, position) {
      const core = services.specs.core;
      const path = document.uri.toString();
      const isDoc = MARKDOWN.has(document.languageId) || core.file(path)?.kind === 'doc';
      if (!isDoc && !services.config.completionInSource(document.uri)) return undefined;
      const suppression = isDoc ? suppressionCompletions(document, position, core.locale) : undefined;
      if (suppression) return suppression;
      const structure = isDoc ? structureCompletions(services, document, position) : [];
      if (structure.length) return structure;
      return idCompletions(services, document, position, isDoc);
    },
  }, '-', ' ', ':', '：', '|', ','));
}
