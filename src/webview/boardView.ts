import type { BoardCard, BoardModel, BoardStrings, GroupKey } from '../shared/protocol';
import { codicon, el, renderCard, statusTone, valueLabel, type CardContext } from './boardCard';
import type { Column } from './boardColumns';
import { format } from './vscodeApi';

export interface ColumnView {
  readonly column: Column;
  readonly section: HTMLElement;
  readonly list: HTMLUListElement;
  readonly collapsed: boolean;
}

export interface BoardViewInput {
  readonly model: BoardModel;
  readonly columns: readonly Column[];
  readonly groupBy: GroupKey;
  readonly strings: BoardStrings;
  readonly isCollapsed: (column: Column) => boolean;
  readonly onToggle: (column: Column) => void;
  /** IDs of cards whose move the host has not answered yet. */
  readonly pending: ReadonlySet<string>;
}

/**
 * Draws the columns into `host` and keeps them: a redraw with the same columns (a patch, a filter)
 * reuses the column elements and the list item of every card that is the same object as before,
 * only adding, moving and removing items, so focus and each column's scroll position stay. New
 * columns (another grouping, a collapsed column, a value seen for the first time) are drawn
 * afresh, each list scrolled back to where its column was. Collapsed columns (rejected, deferred
 * by default) shrink to a labelled strip that still accepts drops.
 */
export class BoardView {
  private views: ColumnView[] = [];
  private layout = '';
  private items = new Map<BoardCard, HTMLLIElement>();
  private context = '';

  constructor(private readonly host: HTMLElement) {}

  render(input: BoardViewInput): ColumnView[] {
    const { model, groupBy, strings } = input;
    const collapsed = input.columns.map((c) => input.isCollapsed(c));
    const context = JSON.stringify([groupBy, model.statuses, model.priorities]);
    if (context !== this.context) {
      this.items.clear();
      this.context = context;
    }
    const layout = JSON.stringify([context, input.columns.map((c, i) => [c.value, c.known, collapsed[i]])]);
    const reuse = layout === this.layout && this.views.length === input.columns.length;
    const scrolls = reuse ? undefined : new Map(this.views.map((v) => [v.column.value, v.list.scrollTop]));
    const scrollLeft = this.host.scrollLeft;
    if (!reuse) this.host.replaceChildren();
    this.layout = layout;

    const ctx: CardContext = { strings, groupBy, statuses: model.statuses, priorities: model.priorities };
    const items = new Map<BoardCard, HTMLLIElement>();
    const item = (card: BoardCard) => {
      let li = this.items.get(card);
      if (!li) {
        li = renderCard(card, ctx);
        li.setAttribute('aria-describedby', 'keyboard-help');
      }
      li.classList.toggle('pending', input.pending.has(card.id));
      items.set(card, li);
      return li;
    };
    this.views = input.columns.map((column, index) => {
      const old = reuse ? this.views[index] : undefined;
      const { section, list } = old ?? this.drawColumn(input, column, index, collapsed[index]);
      const count = section.querySelector<HTMLElement>('.column-count')!;
      count.textContent = String(column.cards.length);
      count.setAttribute('aria-label', format(strings.count, column.cards.length));
      let wanted: Node[] = [];
      if (!collapsed[index]) {
        wanted = column.cards.map(item);
        if (column.cards.length === 0) wanted.push(list.querySelector(':scope > .column-empty') ?? el('li', 'column-empty', strings.emptyColumn));
      }
      reconcile(list, wanted);
      if (!old) {
        this.host.append(section);
        const top = scrolls?.get(column.value);
        if (top) list.scrollTop = top;
      }
      return { column, section, list, collapsed: collapsed[index] };
    });
    this.items = items;
    if (!reuse) this.host.scrollLeft = scrollLeft;
    return this.views;
  }

  /** A column's section with its header and an empty list. */
  private drawColumn(input: BoardViewInput, column: Column, index: number, collapsed: boolean): { section: HTMLElement; list: HTMLUListElement } {
    const { strings, groupBy, model } = input;
    const section = el('section', `column${collapsed ? ' collapsed' : ''}${column.known || column.value === '' ? '' : ' unknown'}`);
    section.dataset.value = column.value;
    const headingId = `column-${index}`;
    section.setAttribute('aria-labelledby', headingId);

    const header = el('div', 'column-header');
    const toggle = el('button', 'column-toggle');
    toggle.type = 'button';
    const label = valueLabel(strings, groupBy, column.value);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    toggle.setAttribute('aria-label', format(collapsed ? strings.expand : strings.collapse, label));
    toggle.title = toggle.getAttribute('aria-label') ?? '';
    toggle.append(codicon(collapsed ? 'chevron-right' : 'chevron-down'));
    // Kept across redraws with the same columns: toggling needs only the value, which they share.
    toggle.addEventListener('click', () => input.onToggle(column));
    const heading = el('h2', 'column-title');
    heading.id = headingId;
    if (groupBy === 'status') heading.append(el('span', `dot tone-${statusTone(column.value, model.statuses)}`));
    heading.append(el('span', 'column-name', label));
    if (!column.known && column.value !== '' && (groupBy === 'status' || groupBy === 'priority')) {
      const warn = codicon('warning');
      warn.title = format(strings.unknownValue, column.value);
      heading.append(warn);
    }
    header.append(toggle, heading, el('span', 'column-count'));
    section.append(header);

    const list = el('ul', 'cards');
    list.setAttribute('role', 'list');
    list.setAttribute('aria-labelledby', headingId);
    section.append(list);
    return { section, list };
  }
}

/**
 * Makes `list`'s children exactly `wanted`, in order, touching only what differs: an unchanged
 * list costs no DOM change, and a card that stays is never taken out (which would drop its focus).
 */
function reconcile(list: HTMLElement, wanted: readonly Node[]): void {
  let cursor = list.firstChild;
  for (const node of wanted) {
    if (node === cursor) {
      cursor = cursor.nextSibling;
      continue;
    }
    list.insertBefore(node, cursor);
  }
  while (cursor) {
    const next: ChildNode | null = cursor.nextSibling;
    cursor.remove();
    cursor = next;
  }
}

/** The card of a list item. */
export function cardOf(columns: readonly ColumnView[], li: Element): { card: BoardCard; view: ColumnView } | undefined {
  const id = (li as HTMLElement).dataset.id;
  const path = (li as HTMLElement).dataset.path;
  for (const view of columns) {
    const card = view.column.cards.find((c) => c.id === id && c.path === path);
    if (card) return { card, view };
  }
  return undefined;
}
