import * as vscode from 'vscode';
import { setAttribute, type AttributeEditRefusal } from '../../core/edits/setAttribute';
import { checkTransition, prioritiesOf, statusesOf } from '../../core/transitions';
import { toRange, toUri } from '../adapters/convert';
import type { Services } from '../services';
import type { BoardToHost } from '../../shared/protocol';

export type MoveRequest = Extract<BoardToHost, { type: 'move' }>;

export interface MoveOutcome {
  readonly ok: boolean;
  /** Why the move was refused, in the display language. */
  readonly message?: string;
  /** The board's view of the file was out of date: it should redraw from a fresh model. */
  readonly stale?: boolean;
  /** The text change made, for Undo (none when the value was already set). */
  readonly applied?: AppliedEdit;
}

/** A text change the board made: where the new text now is, and what it replaced. */
export interface AppliedEdit {
  readonly uri: vscode.Uri;
  readonly range: vscode.Range;
  readonly newText: string;
  readonly oldText: string;
}

/**
 * Carries out a card move: the requirement's attribute changes in its file through one
 * WorkspaceEdit (one undo step), computed against the editor's current text so unsaved changes
 * stay. It is refused, with a message, when the card is stale, when a transition rule forbids
 * it, or when a table has no column for the attribute. A file that had no unsaved changes is
 * saved afterwards so the move reaches disk like any other board action; a dirty one is left
 * for its author to save.
 */
export async function moveRequirement(services: Services, move: MoveRequest): Promise<MoveOutcome> {
  const core = services.specs.core;
  const parsed = core.file(move.path);
  if (parsed?.kind !== 'doc' || !parsed.requirements.some((d) => d.id === move.id)) return stale(move);
  const config = core.projectFor(move.path)?.config;
  const from = move.from ?? undefined;
  if (move.key === 'status') {
    if (!statusesOf(config).includes(move.to)) return refuse(vscode.l10n.t("'{0}' is not one of the configured statuses.", move.to));
    const check = checkTransition(config, from, move.to);
    if (!check.allowed) {
      return refuse(vscode.l10n.t('{0} cannot move from {1} to {2}: a requirement can only become {2} from {3}.',
        move.id, from ?? vscode.l10n.t('no status'), move.to, check.allowedFrom.join(', ')));
    }
  }
  if (move.key === 'priority' && !prioritiesOf(config).includes(move.to)) {
    return refuse(vscode.l10n.t("'{0}' is not one of the configured priorities.", move.to));
  }

  const uri = toUri(move.path);
  const document = await vscode.workspace.openTextDocument(uri);
  const version = document.version;
  const options = core.projectFor(move.path)?.parseOptions(move.path);
  const result = setAttribute(document.getText(), { id: move.id, key: move.key, value: move.to, expected: { line: move.line, value: from } }, options);
  if (!result.ok) return result.reason === 'stale' ? stale(move) : refuse(refusalMessage(result.reason, move));
  if (!result.edit) return { ok: true };
  const wasDirty = document.isDirty;
  const range = toRange(result.edit.range);
  const oldText = document.getText(range);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, range, result.edit.newText, {
    needsConfirmation: false,
    label: vscode.l10n.t('Move {0} to {1}', move.id, move.to),
  });
  // The edit was computed against `version`, and VS Code applies it only to that version: it
  // refuses when the editor has changed since (a keystroke this host had not yet seen when it read
  // the text). Comparing versions here, after the await, is what can tell that apart from a file
  // that cannot be written: a stale card, answered with a fresh board.
  if (!(await vscode.workspace.applyEdit(edit))) {
    return document.version !== version ? stale(move) : refuse(vscode.l10n.t('{0} could not be changed in {1}.', move.id, vscode.workspace.asRelativePath(uri)));
  }
  if (!wasDirty) await document.save();
  services.specs.flush();
  return { ok: true, applied: { uri, range: spanOf(range.start, result.edit.newText), newText: result.edit.newText, oldText } };
}

/** The range `text` covers once inserted at `start`. */
export function spanOf(start: vscode.Position, text: string): vscode.Range {
  const lines = text.split(/\r?\n/);
  const end = lines.length === 1 ? start.translate(0, text.length) : new vscode.Position(start.line + lines.length - 1, lines[lines.length - 1].length);
  return new vscode.Range(start, end);
}

function stale(move: MoveRequest): MoveOutcome {
  return {
    ok: false, stale: true,
    message: vscode.l10n.t('{0} changed in its file since the board was drawn, so it was not moved. The board has been refreshed.', move.id),
  };
}

function refuse(message: string): MoveOutcome {
  return { ok: false, message };
}

function refusalMessage(reason: Exclude<AttributeEditRefusal, 'stale'>, move: MoveRequest): string {
  switch (reason) {
    case 'missingColumn':
      return vscode.l10n.t('The table that defines {0} has no column for {1}. Add the column to the table to move it on the board.', move.id, move.key);
    case 'missingCell':
      return vscode.l10n.t('The table row of {0} has fewer cells than its header. Complete the row to move it on the board.', move.id);
    case 'invalidValue':
      return vscode.l10n.t("'{0}' cannot be written as a value.", move.to);
  }
}
