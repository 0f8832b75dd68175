import type { BoardCard, BoardModel, BoardStrings, GroupKey } from '../shared/protocol';
import { codicon, el, renderCard, statusTone, valueLabel } from './boardCard';
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
  readonly pending: ReadonlySet<string>;
}

/**
 * Draws the columns into `host`, replacing what was there. Collapsed columns (rejected, deferred
 * by default) shrink to a labelled strip that still accepts drops.
 */
export function renderBoard(host: HTMLElement, input: BoardViewInput): ColumnView[] {
  const { strings, groupBy, model } = input;
  host.replaceChildren();
  const views: ColumnView[] = [];
  input.columns.forEach((column, index) => {
    const collapsed = input.isCollapsed(column);
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
    const count = el('span', 'column-count', String(column.cards.length));
    count.setAttribute('aria-label', format(strings.count, column.cards.length));
    header.append(toggle, heading, count);
    section.append(header);

    const list = el('ul', 'cards');
    list.setAttribute('role', 'list');
    list.setAttribute('aria-labelledby', headingId);
    if (!collapsed) {
      const ctx = { strings, groupBy, statuses: model.statuses, priorities: model.priorities };
      for (const card of column.cards) {
        const li = renderCard(card, ctx);
        if (input.pending.has(card.id)) li.classList.add('pending');
        li.setAttribute('aria-describedby', 'keyboard-help');
        list.append(li);
      }
      if (column.cards.length === 0) list.append(el('li', 'column-empty', strings.emptyColumn));
    }
    section.append(list);
    host.append(section);
    views.push({ column, section, list, collapsed });
  });
  return views;
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
