import * as vscode from 'vscode';
import { errorSummary } from '../../core';
import { escapeHtml } from '../../core/render';
import { parseBoardMessage, type BoardToHost, type HostToBoard } from '../../shared/protocol';
import { toUri } from '../adapters/convert';
import { reportFailure } from '../adapters/reportFailure';
import type { Services } from '../services';
import type { IndexChange } from '../specboardService';
import { BoardCards, type BoardUpdate } from './boardCards';
import { BoardHistory, type HistoryOutcome } from './boardHistory';
import { boardStrings } from './boardStrings';
import { moveRequirement, type MoveRequest } from './moveRequirement';
import { localResourceRoots, webviewHtml } from './webviewHtml';

const REFRESH_DELAY = 150;
/** Changed files waiting beyond this many (a branch switch while the board was hidden) make a rebuild cheaper than a patch. */
const MAX_PENDING = 5000;

/**
 * The requirements board panel: one instance, revived by its serializer after a reload. The
 * webview keeps grouping and filters itself; this side sends the whole model when the webview
 * loads (or asks, or the workspace was indexed again) and otherwise patches of the cards the
 * index's changes affected, and carries out moves.
 */
export class BoardPanel implements vscode.Disposable {
  static readonly viewType = 'specboard.board';
  private static current: BoardPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readyResolve!: () => void;
  /** Resolves once the webview's script has loaded and asked for its first model. */
  readonly ready = new Promise<void>((resolve) => { this.readyResolve = resolve; });
  /** Cards on screen after the webview's last redraw (undefined before the first). */
  renderedCards: number | undefined;
  /** Models and patches sent, and the files of the last patch: the host tests check a move sends one patch. */
  readonly sent = { models: 0, patches: 0, lastPatch: [] as string[] };
  private readonly cards = new BoardCards();
  /** Files the index changed since the last update; `full` after a full re-index. */
  private pending = new Set<string>();
  private full = true;
  /** Whether the webview has asked for its model (patches before then would have no model to apply to). */
  private loaded = false;
  /** Moves made on this board, for Undo and Redo (Ctrl+Z, Ctrl+Shift+Z, the toolbar, the confirmation). */
  readonly history = new BoardHistory();

  static get instance(): BoardPanel | undefined {
    return BoardPanel.current;
  }

  static show(context: vscode.ExtensionContext, services: Services): BoardPanel {
    if (BoardPanel.current) {
      BoardPanel.current.panel.reveal();
      return BoardPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(BoardPanel.viewType, vscode.l10n.t('Requirements Board'), vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: localResourceRoots(context.extensionUri),
    });
    return new BoardPanel(panel, context, services);
  }

  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, services: Services): BoardPanel {
    BoardPanel.current?.dispose();
    panel.webview.options = { enableScripts: true, localResourceRoots: localResourceRoots(context.extensionUri) };
    return new BoardPanel(panel, context, services);
  }

  private constructor(readonly panel: vscode.WebviewPanel, context: vscode.ExtensionContext, private readonly services: Services) {
    BoardPanel.current = this;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'specboard.svg');
    panel.webview.html = webviewHtml({
      webview: panel.webview, extensionUri: context.extensionUri, title: vscode.l10n.t('Requirements Board'),
      styles: ['dist/codicon.css', 'board.css'],
      scripts: ['dist/board.js'],
      data: { strings: boardStrings() },
      body: `<div id="toolbar" class="toolbar"></div>
<div id="board-notice" class="board-notice" role="status" aria-live="polite" hidden></div>
<p id="board-status" class="board-status" role="status" hidden></p>
<div id="board" class="board" role="region" aria-label="${escapeHtml(vscode.l10n.t('Requirements board'))}"></div>
<p id="keyboard-help" class="visually-hidden"></p>
<div id="live" class="visually-hidden" aria-live="polite"></div>`,
    });
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      // handleMessage reports its own failures and never rejects.
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.handleMessage(raw)),
      panel.onDidChangeViewState(() => { if (panel.visible) this.scheduleUpdate(0); }),
      services.specs.onDidChange((change) => this.changed(change)),
    );
    void services.specs.ready.then(() => this.scheduleUpdate(0));
  }

  /**
   * Handles one message from the webview (exposed for integration tests, which drive the real
   * handler with the same messages the webview sends). Returns what it answered, if anything.
   * Never rejects: the webview posts and forgets, so a failure is answered and reported here.
   */
  async handleMessage(raw: unknown): Promise<HostToBoard | undefined> {
    const message = parseBoardMessage(raw);
    if (!message) return undefined;
    try {
      return await this.dispatch(message);
    } catch (e) {
      return this.failed(message, e);
    }
  }

  private async dispatch(message: BoardToHost): Promise<HostToBoard | undefined> {
    switch (message.type) {
      case 'ready':
        this.readyResolve();
        this.loaded = true;
        this.rebuild();
        this.sendHistory();
        return undefined;
      case 'refresh':
        this.rebuild();
        return undefined;
      case 'rendered':
        this.renderedCards = message.cards;
        return undefined;
      case 'open':
        if (this.services.specs.core.file(message.path)) {
          const position = new vscode.Position(message.line, 0);
          await vscode.window.showTextDocument(toUri(message.path), { selection: new vscode.Range(position, position), viewColumn: vscode.ViewColumn.Beside, preview: true });
        }
        return undefined;
      case 'move': {
        const outcome = await moveRequirement(this.services, message);
        if (outcome.applied) this.history.record({ id: message.id, fromLabel: this.label(message.key, message.from), toLabel: this.label(message.key, message.to), edit: outcome.applied });
        const text = outcome.ok ? vscode.l10n.t('Moved {0} to {1}.', message.id, this.label(message.key, message.to)) : outcome.message;
        const reply: HostToBoard = { type: 'moveResult', id: message.id, ok: outcome.ok, ...(text ? { message: text } : {}), ...(outcome.applied ? { undoable: true } : {}) };
        void this.panel.webview.postMessage(reply);
        if (!outcome.ok && outcome.message) void vscode.window.showWarningMessage(outcome.message);
        this.sendHistory();
        // The move flushed its edit into the index, whose change is pending here: one patch now,
        // and the timer that change started is cleared, so the board is not redrawn twice.
        this.update(true);
        return reply;
      }
      case 'undo':
        return this.step(await this.history.undo());
      case 'redo':
        return this.step(await this.history.redo());
    }
  }

  /**
   * Logs and shows what went wrong, and answers the webview: a card being moved stays marked as
   * pending until its moveResult arrives, so a failed move must still get one.
   */
  private failed(message: BoardToHost, error: unknown): HostToBoard | undefined {
    const reason = errorSummary(error);
    let reply: HostToBoard | undefined;
    switch (message.type) {
      case 'move': {
        const text = vscode.l10n.t('Could not move {0}: {1}', message.id, reason);
        reportFailure(this.services.log, text, error);
        reply = { type: 'moveResult', id: message.id, ok: false, message: text };
        break;
      }
      case 'undo':
      case 'redo': {
        const text = message.type === 'undo' ? vscode.l10n.t('Could not undo the board move: {0}', reason) : vscode.l10n.t('Could not redo the board move: {0}', reason);
        reportFailure(this.services.log, text, error);
        reply = { type: 'notice', ok: false, message: text };
        break;
      }
      case 'open':
        reportFailure(this.services.log, vscode.l10n.t('Could not open the requirement: {0}', reason), error);
        return undefined;
      default:
        reportFailure(this.services.log, vscode.l10n.t('The board could not be updated: {0}', reason), error);
        return undefined;
    }
    void this.panel.webview.postMessage(reply);
    this.safely(() => {
      this.sendHistory();
      this.update(true);
    });
    return reply;
  }

  /** For follow-up work after a failure: a second failure is logged, never thrown over the first. */
  private safely(work: () => void): void {
    try {
      work();
    } catch (e) {
      this.services.log.error('Redrawing the board after a failure failed too', e);
    }
  }

  /** Undoes the last board move (the `specboard.board.undo` command and the webview's Ctrl+Z). */
  async undo(): Promise<HostToBoard | undefined> {
    return this.handleMessage({ type: 'undo' });
  }

  async redo(): Promise<HostToBoard | undefined> {
    return this.handleMessage({ type: 'redo' });
  }

  private step(outcome: HistoryOutcome): HostToBoard {
    const reply: HostToBoard = { type: 'notice', ok: outcome.ok, message: outcome.message };
    void this.panel.webview.postMessage(reply);
    this.sendHistory();
    this.update(true);
    return reply;
  }

  private sendHistory(): void {
    void this.panel.webview.postMessage({ type: 'history', undo: this.history.undoLabel, redo: this.history.redoLabel } satisfies HostToBoard);
  }

  /** A value as the board shows it: a status by its name, a missing value as "Not set". */
  private label(key: MoveRequest['key'], value: string | null): string {
    if (value === null) return vscode.l10n.t('Not set');
    return key === 'status' ? (boardStrings().statusNames[value] ?? value) : value;
  }

  private changed(change: IndexChange): void {
    if (change.full) this.full = true;
    else for (const path of change.affected) this.pending.add(path);
    if (this.pending.size > MAX_PENDING) this.full = true;
    if (this.full) this.pending.clear();
    this.scheduleUpdate();
  }

  /**
   * Sends the webview what changed since its last model or patch: a patch of the affected files'
   * cards, or the whole model after a re-index. After a move, undo or redo (`applyEdits`), the
   * user's own edit is put into the index first; an index change alone writes nothing (the view
   * follows the debounced updates, it never hurries them).
   */
  private update(applyEdits = false): void {
    // flush() fires the index's change synchronously; the timer it sets is then redundant.
    if (applyEdits) this.services.specs.flush();
    clearTimeout(this.timer);
    if (!this.loaded) return;
    if (this.full) return this.rebuild();
    const paths = this.pending;
    this.pending = new Set();
    let update: BoardUpdate | undefined;
    try {
      update = this.cards.update(this.services.specs.core, paths, !this.services.specs.isIndexed);
    } catch (e) {
      // Part of the change may be recorded and part not: only a rebuild is sure to be right.
      this.full = true;
      throw e;
    }
    if (update) this.post(update);
  }

  /** Builds the whole board again and sends it (first load, Refresh, a re-index). */
  private rebuild(): void {
    this.services.specs.flush();
    clearTimeout(this.timer);
    this.pending.clear();
    this.full = false;
    this.post(this.cards.rebuild(this.services.specs.core, !this.services.specs.isIndexed));
  }

  private post(update: BoardUpdate): void {
    if (update.type === 'model') {
      this.sent.models++;
      void this.panel.webview.postMessage({ type: 'model', model: update.model, version: update.version } satisfies HostToBoard);
    } else {
      this.sent.patches++;
      this.sent.lastPatch = update.patch.files.map((f) => f.path);
      void this.panel.webview.postMessage({ type: 'patch', patch: update.patch } satisfies HostToBoard);
    }
  }

  private scheduleUpdate(delay = REFRESH_DELAY): void {
    if (!this.panel.visible) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      try {
        this.update();
      } catch (e) {
        reportFailure(this.services.log, vscode.l10n.t('The board could not be updated: {0}', errorSummary(e)), e);
      }
    }, delay);
  }

  dispose(): void {
    if (BoardPanel.current === this) BoardPanel.current = undefined;
    clearTimeout(this.timer);
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
