import type { BoardCard, BoardStrings } from '../shared/protocol';
import type { Column, MoveCheck } from './boardColumns';
import type { ColumnView } from './boardView';
import { format } from './vscodeApi';

export interface KeyboardHost {
  columns(): readonly ColumnView[];
  cardAt(li: Element): { card: BoardCard; view: ColumnView } | undefined;
  check(card: BoardCard, column: Column): MoveCheck;
  move(card: BoardCard, column: Column): void;
  open(card: BoardCard): void;
  announce(text: string): void;
  /** A drop the rules refuse: said where the user looks, not only to screen readers. */
  refused(card: BoardCard, column: Column): void;
  label(column: Column): string;
  focused(key: string): void;
  readonly strings: BoardStrings;
}

/**
 * The board without a mouse. Arrow keys move focus between cards (up/down in a column, left/right
 * across columns), Enter opens the definition. Space picks a card up; left/right then choose the
 * target column (collapsed ones included), Space or Enter drops it, Escape cancels. Every step is
 * announced through the live region, the pattern screen-reader users know from accessible kanbans.
 */
export function attachKeyboard(board: HTMLElement, host: KeyboardHost): void {
  let picked: { card: BoardCard; from: number; target: number; li: HTMLElement } | undefined;
  const views = () => host.columns();
  const cardsOf = (i: number) => [...views()[i].list.querySelectorAll<HTMLElement>('li.card')];
  const focus = (li: HTMLElement | undefined) => {
    if (!li) return;
    for (const other of board.querySelectorAll<HTMLElement>('li.card[tabindex="0"]')) other.tabIndex = -1;
    li.tabIndex = 0;
    li.focus();
    li.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    host.focused(`${li.dataset.path}#${li.dataset.id}`);
  };
  const markTarget = () => {
    for (const v of views()) v.section.classList.remove('kbd-target', 'kbd-refused');
    if (!picked) return;
    const view = views()[picked.target];
    const ok = picked.target === picked.from || host.check(picked.card, view.column).ok;
    view.section.classList.add(ok ? 'kbd-target' : 'kbd-refused');
    view.section.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };
  const cancel = (announce: boolean) => {
    if (!picked) return;
    picked.li.classList.remove('picked');
    picked = undefined;
    markTarget();
    if (announce) host.announce(host.strings.cancelled);
  };
  const refusal = (card: BoardCard, column: Column): string => {
    const check = host.check(card, column);
    if (check.ok) return '';
    if (check.reason === 'transition') return format(host.strings.onlyFrom, host.label(column), (check.allowedFrom ?? []).join(', '));
    return format(host.strings.notAllowed, card.id, host.label(column));
  };

  board.addEventListener('focusin', (e) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>('li.card');
    if (li) host.focused(`${li.dataset.path}#${li.dataset.id}`);
  });
  board.addEventListener('focusout', (e) => {
    if (picked && !board.contains(e.relatedTarget as Node | null)) cancel(true);
  });
  board.addEventListener('keydown', (e) => {
    const li = (e.target as HTMLElement).closest<HTMLElement>('li.card');
    const hit = li && host.cardAt(li);
    if (!li || !hit) return;
    const col = views().indexOf(hit.view);
    const row = cardsOf(col).indexOf(li);
    const handled = () => { e.preventDefault(); e.stopPropagation(); };

    if (picked) {
      if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
        handled();
        const next = picked.target + (e.key === 'ArrowLeft' ? -1 : 1);
        if (next < 0 || next >= views().length) return;
        picked.target = next;
        markTarget();
        const column = views()[next].column;
        const why = next === picked.from ? '' : refusal(picked.card, column);
        host.announce(why || format(host.strings.overColumn, host.label(column)));
      } else if (e.key === ' ' || e.key === 'Enter') {
        handled();
        const { card, target, from } = picked;
        const column = views()[target].column;
        const why = target === from ? '' : refusal(card, column);
        cancel(false);
        if (target === from) host.announce(host.strings.cancelled);
        else if (why) host.refused(card, column);
        else host.move(card, column);
      } else if (e.key === 'Escape' || e.key === 'Tab') {
        if (e.key === 'Escape') handled();
        cancel(true);
      }
      return;
    }
    switch (e.key) {
      case 'ArrowDown': handled(); focus(cardsOf(col)[row + 1]); break;
      case 'ArrowUp': handled(); focus(cardsOf(col)[row - 1]); break;
      case 'Home': handled(); focus(cardsOf(col)[0]); break;
      case 'End': handled(); focus(cardsOf(col).at(-1)); break;
      case 'ArrowLeft':
      case 'ArrowRight': {
        handled();
        const step = e.key === 'ArrowLeft' ? -1 : 1;
        for (let c = col + step; c >= 0 && c < views().length; c += step) {
          const list = cardsOf(c);
          if (list.length) { focus(list[Math.min(row, list.length - 1)]); break; }
        }
        break;
      }
      case 'Enter': handled(); host.open(hit.card); break;
      case ' ':
        handled();
        picked = { card: hit.card, from: col, target: col, li };
        li.classList.add('picked');
        markTarget();
        host.announce(format(host.strings.pickedUp, hit.card.id, host.label(hit.view.column)));
        break;
    }
  });
}
