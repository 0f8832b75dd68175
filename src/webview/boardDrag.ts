import type { BoardCard } from '../shared/protocol';
import type { Column, MoveCheck } from './boardColumns';
import type { ColumnView } from './boardView';

export interface DragHost {
  columns(): readonly ColumnView[];
  cardAt(li: Element): { card: BoardCard; view: ColumnView } | undefined;
  check(card: BoardCard, column: Column): MoveCheck;
  move(card: BoardCard, column: Column): void;
  /** A card dropped on a column that refuses it: say why. */
  refused(card: BoardCard, column: Column): void;
}

/**
 * Mouse drag and drop with the HTML5 API. While a card is dragged, columns that would refuse it
 * (transition rules, values the board cannot set) are dimmed, so the rule is visible before the drop.
 */
export function attachDrag(board: HTMLElement, host: DragHost): void {
  let dragged: { card: BoardCard; view: ColumnView } | undefined;
  const viewAt = (target: EventTarget | null) => {
    const section = (target as Element | null)?.closest?.('section.column');
    return host.columns().find((v) => v.section === section);
  };
  const clear = () => {
    for (const v of host.columns()) v.section.classList.remove('drop-target', 'drop-refused', 'drop-allowed');
    board.classList.remove('dragging');
  };

  board.addEventListener('dragstart', (e) => {
    const li = (e.target as Element).closest?.('li.card');
    dragged = li ? host.cardAt(li) : undefined;
    if (!dragged || !e.dataTransfer) return;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData('text/plain', dragged.card.id);
    board.classList.add('dragging');
    for (const v of host.columns()) {
      if (v === dragged.view) continue;
      v.section.classList.add(host.check(dragged.card, v.column).ok ? 'drop-allowed' : 'drop-refused');
    }
  });
  board.addEventListener('dragover', (e) => {
    const view = viewAt(e.target);
    if (!dragged || !view || view === dragged.view) return;
    // A refusing column takes the drop too (dimmed, with the no-drop cursor), so that dropping
    // there says why instead of snapping back without a word.
    e.preventDefault();
    const ok = host.check(dragged.card, view.column).ok;
    if (e.dataTransfer) e.dataTransfer.dropEffect = ok ? 'move' : 'none';
    for (const v of host.columns()) v.section.classList.toggle('drop-target', ok && v === view);
  });
  board.addEventListener('drop', (e) => {
    const view = viewAt(e.target);
    const source = dragged;
    dragged = undefined;
    clear();
    if (!source || !view || view === source.view) return;
    e.preventDefault();
    if (host.check(source.card, view.column).ok) host.move(source.card, view.column);
    else host.refused(source.card, view.column);
  });
  board.addEventListener('dragend', () => {
    dragged = undefined;
    clear();
  });
}
