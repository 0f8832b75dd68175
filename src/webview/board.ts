import { applyBoardPatch } from '../shared/boardPatch';
import {
  DEFAULT_BOARD_STATE, EMPTY_FILTERS, isHostToBoard, parseBoardState,
  type BoardCard, type BoardModel, type BoardState, type BoardStrings, type BoardToHost, type EditableKey, type HostToBoard,
} from '../shared/protocol';
import { valueLabel } from './boardCard';
import { buildColumns, checkMove, editableKey, filterCards, valueOf, type Column } from './boardColumns';
import { attachDrag } from './boardDrag';
import { attachKeyboard } from './boardKeyboard';
import { BoardToolbar } from './boardToolbar';
import { BoardView, cardOf, type ColumnView } from './boardView';
import { bodyData, format, vscodeApi } from './vscodeApi';

/** A move sent to the host, shown where it goes until the host's model has it (or the host refuses). */
interface PendingMove {
  readonly path: string;
  readonly key: EditableKey;
  readonly value: string;
  /** The host applied it; it stays drawn until a model or a patch of its file shows it. */
  confirmed: boolean;
  /** The card as last drawn moved, kept so a redraw reuses its list item. */
  from?: BoardCard;
  moved?: BoardCard;
}

/**
 * The requirements board. The host sends the model once and then patches of the files that
 * changed, which are applied in place (focus, scroll positions, filters and moves waiting for an
 * answer stay); grouping, filters and collapsed columns live here and persist through
 * getState/setState (and the panel serializer across reloads). A move is only a request: the host
 * checks it against the file, edits through a WorkspaceEdit and sends a patch, or refuses and the
 * board draws the card where it was.
 */
class Board {
  private readonly vscode = vscodeApi<BoardState, BoardToHost>();
  private readonly strings = bodyData<BoardStrings>('strings')!;
  private state: BoardState = parseBoardState(this.vscode.getState() ?? DEFAULT_BOARD_STATE);
  private model: BoardModel | undefined;
  /** The version of the model, which a patch must name as its base. */
  private version = -1;
  /** A patch did not fit and a full model was asked for: later patches wait for it. */
  private awaitingModel = false;
  private views: ColumnView[] = [];
  private readonly moves = new Map<string, PendingMove>();
  private focusedKey: string | undefined;
  private readonly boardEl = document.getElementById('board')!;
  private readonly view = new BoardView(this.boardEl);
  private readonly statusEl = document.getElementById('board-status')!;
  private readonly noticeEl = document.getElementById('board-notice')!;
  private readonly live = document.getElementById('live')!;
  private readonly toolbar: BoardToolbar;

  constructor() {
    this.toolbar = new BoardToolbar(document.getElementById('toolbar')!, this.strings, {
      groupBy: (groupBy) => this.setState({ ...this.state, groupBy }),
      filter: (key, value) => this.setState({ ...this.state, filters: { ...this.state.filters, [key]: value } }),
      clear: () => this.setState({ ...this.state, filters: EMPTY_FILTERS }),
      refresh: () => this.post({ type: 'refresh' }),
      undo: () => this.post({ type: 'undo' }),
      redo: () => this.post({ type: 'redo' }),
    });
    document.getElementById('keyboard-help')!.textContent = this.strings.keyboardHelp;
    attachKeyboard(this.boardEl, {
      columns: () => this.views,
      cardAt: (li) => cardOf(this.views, li),
      check: (card, column) => this.check(card, column),
      move: (card, column) => this.move(card, column),
      open: (card) => this.post({ type: 'open', path: card.path, line: card.line }),
      announce: (text) => this.announce(text),
      refused: (card, column) => this.notice(this.refusal(card, column), false),
      label: (column) => this.label(column),
      focused: (key) => { this.focusedKey = key; },
      strings: this.strings,
    });
    attachDrag(this.boardEl, {
      columns: () => this.views,
      cardAt: (li) => cardOf(this.views, li),
      check: (card, column) => this.check(card, column),
      move: (card, column) => this.move(card, column),
      refused: (card, column) => this.notice(this.refusal(card, column), false),
    });
    // Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo moves, except while typing in a field,
    // where they edit the text. VS Code also sees the keys, but its Undo does nothing in a webview.
    document.addEventListener('keydown', (e) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || isTextField(e.target)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) this.post({ type: 'undo' });
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && !e.shiftKey)) this.post({ type: 'redo' });
      else return;
      e.preventDefault();
    });
    this.boardEl.addEventListener('click', (e) => {
      const li = (e.target as Element).closest('li.card');
      const hit = li && cardOf(this.views, li);
      if (hit) this.post({ type: 'open', path: hit.card.path, line: hit.card.line });
    });
    window.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (isHostToBoard(e.data)) this.receive(e.data);
    });
    this.post({ type: 'ready' });
  }

  private receive(message: HostToBoard): void {
    switch (message.type) {
      case 'model':
        this.model = message.model;
        this.version = message.version;
        this.awaitingModel = false;
        this.settleMoves(undefined);
        this.render();
        return;
      case 'patch': {
        // Before the first model (the webview is still loading) there is nothing to patch.
        if (!this.model || this.awaitingModel) return;
        const { patch } = message;
        const next = patch.base === this.version ? applyBoardPatch(this.model, patch) : undefined;
        if (!next) {
          this.awaitingModel = true;
          this.post({ type: 'refresh' });
          return;
        }
        this.model = next;
        this.version = patch.version;
        this.settleMoves(new Set(patch.files.map((f) => f.path)));
        this.render();
        return;
      }
      case 'moveResult': {
        const move = this.moves.get(message.id);
        if (!message.ok) this.moves.delete(message.id);
        else if (move) move.confirmed = true;
        this.render();
        if (message.message) this.notice(message.message, message.ok, message.undoable);
        return;
      }
      case 'history':
        this.toolbar.history(message.undo, message.redo);
        return;
      case 'notice':
        this.notice(message.message, message.ok);
        return;
    }
  }

  /**
   * Says what a move did, or why it did not happen, where the user is looking (under the toolbar)
   * and to screen readers; a completed move offers Undo beside it.
   */
  private notice(text: string, ok: boolean, undoable = false): void {
    const message = document.createElement('span');
    message.textContent = text;
    const parts: HTMLElement[] = [message];
    if (undoable) {
      const undo = document.createElement('button');
      undo.className = 'notice-action';
      undo.textContent = this.strings.undo;
      undo.addEventListener('click', () => this.post({ type: 'undo' }));
      parts.push(undo);
    }
    const close = document.createElement('button');
    close.className = 'notice-close codicon codicon-close';
    close.title = this.strings.dismiss;
    close.setAttribute('aria-label', this.strings.dismiss);
    close.addEventListener('click', () => { this.noticeEl.hidden = true; });
    parts.push(close);
    this.noticeEl.replaceChildren(...parts);
    this.noticeEl.classList.toggle('error', !ok);
    this.noticeEl.hidden = false;
  }

  /** Why a card cannot go to a column, in words. */
  private refusal(card: BoardCard, column: Column): string {
    const check = this.check(card, column);
    if (check.ok || check.reason === 'same') return '';
    if (check.reason === 'transition') return `${format(this.strings.notAllowed, card.id, this.label(column))} ${format(this.strings.onlyFrom, this.label(column), (check.allowedFrom ?? []).map((v) => valueLabel(this.strings, 'status', v)).join(', '))}`;
    return format(this.strings.notAllowed, card.id, this.label(column));
  }

  private setState(state: BoardState): void {
    this.state = state;
    this.vscode.setState(state);
    this.render();
  }

  private check(card: BoardCard, column: Column) {
    return this.model ? checkMove(this.model, card, this.state.groupBy, column) : { ok: false as const, reason: 'notEditable' as const };
  }

  /** Sends the move and shows the card in its new column until the host confirms or refuses. */
  private move(card: BoardCard, column: Column): void {
    const key = editableKey(this.state.groupBy);
    if (!key || !this.model || !this.check(card, column).ok) return;
    const from = key === 'release' ? card.release : valueOf(card, key);
    this.post({ type: 'move', id: card.id, path: card.path, line: card.line, key, from: from ?? null, to: column.value });
    this.moves.set(card.id, { path: card.path, key, value: column.value, confirmed: false });
    this.focusedKey = `${card.path}#${card.id}`;
    this.render();
    this.announce(format(this.strings.dropped, card.id, this.label(column)));
  }

  /**
   * Forgets the confirmed moves a new model shows (all of them after a full model, those in the
   * patched files after a patch); moves still waiting for their answer stay drawn.
   */
  private settleMoves(paths: ReadonlySet<string> | undefined): void {
    for (const [id, move] of this.moves) if (move.confirmed && (!paths || paths.has(move.path))) this.moves.delete(id);
  }

  /** The model as drawn: cards being moved in their new place (the same object while the card is unchanged). */
  private shown(model: BoardModel): BoardModel {
    if (this.moves.size === 0) return model;
    const cards = model.cards.map((card) => {
      const move = this.moves.get(card.id);
      if (!move || move.path !== card.path) return card;
      if (move.from !== card || !move.moved) {
        move.from = card;
        move.moved = { ...card, [move.key]: move.value };
      }
      return move.moved;
    });
    return { ...model, cards };
  }

  private label(column: Column): string {
    return valueLabel(this.strings, this.state.groupBy, column.value);
  }

  private render(): void {
    const model = this.model && this.shown(this.model);
    this.toolbar.update(model ?? { cards: [], statuses: [], closedStatuses: [], priorities: [], stages: [], transitions: {}, indexing: true }, this.state);
    if (!model) return;
    const cards = filterCards(model.cards, this.state.filters);
    const columns = buildColumns(model, cards, this.state.groupBy);
    const hadFocus = this.boardEl.contains(document.activeElement);
    const pending = new Set([...this.moves].filter(([, m]) => !m.confirmed).map(([id]) => id));
    this.views = this.view.render({
      model, columns, groupBy: this.state.groupBy, strings: this.strings, pending,
      isCollapsed: (c) => this.isCollapsed(c),
      onToggle: (c) => this.toggle(c),
    });
    this.statusEl.textContent = model.indexing ? this.strings.indexing
      : model.cards.length === 0 ? this.strings.empty
        : cards.length === 0 ? this.strings.noMatch : '';
    this.statusEl.hidden = this.statusEl.textContent === '';
    this.restoreFocus(hadFocus);
    this.post({ type: 'rendered', cards: cards.length });
  }

  private collapseKey(column: Column): string {
    return `${this.state.groupBy}:${column.value}`;
  }

  private isCollapsed(column: Column): boolean {
    const key = this.collapseKey(column);
    const toggled = this.state.collapsed.includes(key);
    return column.collapsedByDefault ? !toggled : toggled;
  }

  private toggle(column: Column): void {
    const key = this.collapseKey(column);
    const collapsed = this.state.collapsed.includes(key) ? this.state.collapsed.filter((k) => k !== key) : [...this.state.collapsed, key];
    this.setState({ ...this.state, collapsed });
  }

  /**
   * Keeps one card in the tab order (roving tabindex) and puts focus back after a redraw, only when
   * its card was drawn anew (it changed, or moved column): a card left in place keeps its focus,
   * and its column its scroll position.
   */
  private restoreFocus(hadFocus: boolean): void {
    const cards = [...this.boardEl.querySelectorAll<HTMLElement>('li.card')];
    const target = cards.find((c) => `${c.dataset.path}#${c.dataset.id}` === this.focusedKey) ?? cards[0];
    if (!target) return;
    for (const c of cards) if (c !== target && c.tabIndex === 0) c.tabIndex = -1;
    target.tabIndex = 0;
    if (hadFocus && document.activeElement !== target) target.focus();
  }

  private announce(text: string): void {
    this.live.textContent = '';
    // A fresh text node makes screen readers announce a repeated message too.
    window.setTimeout(() => { this.live.textContent = text; }, 30);
  }

  private post(message: BoardToHost): void {
    this.vscode.postMessage(message);
  }
}

/** True for an element where Ctrl+Z edits text rather than undoing a move. */
function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.tagName) return false;
  return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT|VSCODE-TEXTFIELD|VSCODE-SINGLE-SELECT)$/.test(el.tagName);
}

new Board();
