import * as vscode from 'vscode';
import { idInLine } from '../../core';
import { toRange } from '../adapters/convert';
import type { Services } from '../services';

export interface IdAtPosition {
  readonly id: string;
  readonly range: vscode.Range;
  /** The file the ID is in: where a citation resolves from. */
  readonly path: string;
}

/**
 * The requirement ID under the cursor, read from the document's live text (the index may lag a
 * debounce behind typing): in Markdown also the wider shapes documents use (`FR1`, `FR-002a`)
 * and Kiro's cited numbers, in code only the strict shape. It counts only when the index takes
 * it for a reference or a definition, so `UTF-8` never is one. Where nothing of the ID is written
 * (`User Story 1` defines `US1`, `Requirement 1` defines `1`), the index's parse answers.
 */
export function idAtPosition(services: Services, document: vscode.TextDocument, position: vscode.Position): IdAtPosition | undefined {
  if (position.line >= document.lineCount) return undefined;
  const path = document.uri.toString();
  const core = services.specs.core;
  const hit = idInLine(document.lineAt(position.line).text, position.character, document.languageId === 'markdown');
  if (hit && (core.index.isReference(hit.id, path) || core.index.definitions(hit.id).length > 0)) {
    return { id: hit.id, range: new vscode.Range(position.line, hit.start, position.line, hit.end), path };
  }
  const view = services.specs.view(document);
  const parsed = view && core.idAt(view.parsed, { line: position.line, character: position.character });
  return parsed ? { id: parsed.id, range: toRange(parsed.range), path } : undefined;
}

