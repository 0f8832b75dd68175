import * as vscode from 'vscode';
import { spanOf, type AppliedEdit } from './moveRequirement';

/** A move made on the board, as Undo and Redo need it. */
export interface BoardMove {
  readonly id: string;
  /** The value before and after, as the board shows them (`Approved`, `P1`, `Not set`). */
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly edit: AppliedEdit;
}

export interface HistoryOutcome {
  readonly ok: boolean;
  readonly message: string;
}

const LIMIT = 50;

/**
 * Undo and redo of the board's moves. Each step puts back exactly the text the move replaced
 * (or replaced again), through a WorkspaceEdit, and only when the file still holds what the
 * step expects there: the same staleness rule as a move, so nothing typed since is overwritten.
 */
export class BoardHistory {
  private readonly done: BoardMove[] = [];
  private readonly undone: BoardMove[] = [];
  /**
   * Steps run one at a time. Two quick Ctrl+Z used to run together: the second checked its text
   * while the first was still being applied, found the first move's value there and refused as
   * "changed since it was moved", dropping that move from the history.
   */
  private queue: Promise<unknown> = Promise.resolve();

  record(move: BoardMove): void {
    this.done.push(move);
    if (this.done.length > LIMIT) this.done.shift();
    this.undone.length = 0;
  }

  /** What Undo would do, for the toolbar's tooltip; null when there is nothing to undo. */
  get undoLabel(): string | null {
    const last = this.done[this.done.length - 1];
    return last ? vscode.l10n.t('Undo: move {0} back to {1}', last.id, last.fromLabel) : null;
  }

  get redoLabel(): string | null {
    const last = this.undone[this.undone.length - 1];
    return last ? vscode.l10n.t('Redo: move {0} to {1}', last.id, last.toLabel) : null;
  }

  undo(): Promise<HistoryOutcome> {
    return this.inTurn(() => this.undoNow());
  }

  redo(): Promise<HistoryOutcome> {
    return this.inTurn(() => this.redoNow());
  }

  private inTurn(step: () => Promise<HistoryOutcome>): Promise<HistoryOutcome> {
    const run = this.queue.then(step, step);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async undoNow(): Promise<HistoryOutcome> {
    const move = this.done.pop();
    if (!move) return { ok: false, message: vscode.l10n.t('Nothing to undo on the board.') };
    const reverted = await replace(move.edit, move.edit.newText, move.edit.oldText);
    if (!reverted) return { ok: false, message: vscode.l10n.t('{0} changed in its file since it was moved, so the move was not undone.', move.id) };
    this.undone.push({ ...move, edit: reverted });
    return { ok: true, message: vscode.l10n.t('Moved {0} back to {1}.', move.id, move.fromLabel) };
  }

  private async redoNow(): Promise<HistoryOutcome> {
    const move = this.undone.pop();
    if (!move) return { ok: false, message: vscode.l10n.t('Nothing to redo on the board.') };
    const redone = await replace(move.edit, move.edit.newText, move.edit.oldText);
    if (!redone) return { ok: false, message: vscode.l10n.t('{0} changed in its file since the undo, so the move was not redone.', move.id) };
    this.done.push({ ...move, edit: redone });
    return { ok: true, message: vscode.l10n.t('Moved {0} to {1}.', move.id, move.toLabel) };
  }
}

/**
 * Replaces `expected`, which must be the text at `edit.range`, with `replacement`; returns the
 * step that reverses it (the replacement's range, the texts swapped), or undefined when the file
 * no longer holds `expected` there or the edit was refused. A file without unsaved changes is
 * saved afterwards, as a move saves it.
 */
async function replace(edit: AppliedEdit, expected: string, replacement: string): Promise<AppliedEdit | undefined> {
  const document = await vscode.workspace.openTextDocument(edit.uri);
  if (document.getText(edit.range) !== expected) return undefined;
  const wasDirty = document.isDirty;
  const change = new vscode.WorkspaceEdit();
  change.replace(edit.uri, edit.range, replacement);
  if (!(await vscode.workspace.applyEdit(change))) return undefined;
  if (!wasDirty) await document.save();
  return { uri: edit.uri, range: spanOf(edit.range.start, replacement), newText: replacement, oldText: expected };
}
