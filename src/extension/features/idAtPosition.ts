import * as vscode from 'vscode';
import { prefixOf, Specboard } from '../../core';
import type { Services } from '../services';

export interface IdAtPosition {
  readonly id: string;
  readonly range: vscode.Range;
}

/**
 * The requirement ID under the cursor, read from the document's live text (the index may lag a
 * debounce behind typing). Only IDs with a known prefix count, so `UTF-8` never is one.
 */
export function idAtPosition(services: Services, document: vscode.TextDocument, position: vscode.Position): IdAtPosition | undefined {
  if (position.line >= document.lineCount) return undefined;
  const hit = Specboard.idInLine(document.lineAt(position.line).text, position.character);
  if (!hit) return undefined;
  const index = services.index.core.index;
  if (!index.isKnownPrefix(prefixOf(hit.id)) && index.definitions(hit.id).length === 0) return undefined;
  return { id: hit.id, range: new vscode.Range(position.line, hit.start, position.line, hit.end) };
}

/** Documents Specboard's language features apply to: files in any language, on disk or unsaved. */
export const ALL_FILES: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];
