import * as vscode from 'vscode';
import type { Heading, ParsedFile } from '../../core';
import { toLocation, toRange } from '../adapters/convert';
import type { Services } from '../services';
import { markdownFiles } from './documentSelectors';

const MAX_WORKSPACE_SYMBOLS = 500;

/** Outline of product docs (sections and requirements) and Ctrl+T over every requirement. */
export function register(context: vscode.ExtensionContext, services: Services): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(markdownFiles(), {
      provideDocumentSymbols(document) {
        const parsed = services.specs.view(document)?.parsed;
        return parsed ? documentSymbols(parsed) : [];
      },
    }, { label: 'Specboard' }),
    vscode.languages.registerWorkspaceSymbolProvider({
      provideWorkspaceSymbols(query) {
        const core = services.specs.core;
        return core.catalog.search(query, MAX_WORKSPACE_SYMBOLS).map((def) => {
          const fm = core.file(def.path)?.frontMatter?.data;
          return new vscode.SymbolInformation(`${def.id} ${def.title}`.trim(), vscode.SymbolKind.Key,
            fm?.id !== undefined ? String(fm.id) : core.displayPath(def.path), toLocation(def.path, def.idRange));
        });
      },
    }),
  );
}

/** Headings nest by level; requirements (heading or table rows) sit under their section. */
export function documentSymbols(parsed: ParsedFile): vscode.DocumentSymbol[] {
  const roots: vscode.DocumentSymbol[] = [];
  const stack: { level: number; symbol: vscode.DocumentSymbol; requirement: boolean }[] = [];
  const headingEnd = (i: number, h: Heading) => {
    const next = parsed.headings.slice(i + 1).find((n) => n.level <= h.level);
    return next ? Math.max(h.line, next.line - 1) : Math.max(h.line, parsed.lineCount - 1);
  };
  const defsByLine = new Map(parsed.requirements.map((d) => [d.line, d]));
  const place = (level: number, symbol: vscode.DocumentSymbol, requirement: boolean) => {
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    (stack.length ? stack[stack.length - 1].symbol.children : roots).push(symbol);
    stack.push({ level, symbol, requirement });
  };
  // Requirements that are no heading: table rows, list items, paragraphs.
  const tableRows = parsed.requirements.filter((d) => d.form !== 'heading');
  let row = 0;
  parsed.headings.forEach((h, i) => {
    // Table-form requirements above this heading belong to the previous section.
    for (; row < tableRows.length && tableRows[row].line < h.line; row++) placeRow(tableRows[row]);
    const def = defsByLine.get(h.line);
    const full = new vscode.Range(h.line, 0, headingEnd(i, h), Number.MAX_SAFE_INTEGER);
    const symbol = def
      ? new vscode.DocumentSymbol(def.id, def.title, vscode.SymbolKind.Key, full, toRange(def.idRange))
      : new vscode.DocumentSymbol(h.text || '#', '', vscode.SymbolKind.String, full, toRange(h.range));
    place(h.level, symbol, def !== undefined);
  });
  for (; row < tableRows.length; row++) placeRow(tableRows[row]);
  return roots;

  function placeRow(def: ParsedFile['requirements'][number]) {
    const range = def.form === 'table' ? toRange(def.range) : new vscode.Range(def.line, 0, def.endLine, Number.MAX_SAFE_INTEGER);
    const symbol = new vscode.DocumentSymbol(def.id, def.title, vscode.SymbolKind.Key, range, toRange(def.idRange));
    // A table sits in a section, never inside the requirement heading above it; a list item or a
    // paragraph under a requirement heading (acceptance criteria, child requirements) belongs to it.
    const parent = def.form === 'table' ? [...stack].reverse().find((s) => !s.requirement) : stack[stack.length - 1];
    (parent ? parent.symbol.children : roots).push(symbol);
  }
}
