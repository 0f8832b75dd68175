import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-icon/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import { GROUP_KEYS, type BoardFilters, type BoardModel, type BoardState, type BoardStrings, type GroupKey } from '../shared/protocol';
import { distinctValues, valueOf } from './boardColumns';
import { el } from './boardCard';

type FilterKey = Exclude<keyof BoardFilters, 'text'>;
const FILTER_KEYS: readonly FilterKey[] = ['doc', 'product', 'release', 'priority', 'owner'];

export interface ToolbarHandlers {
  groupBy(key: GroupKey): void;
  filter(key: keyof BoardFilters, value: string): void;
  clear(): void;
  refresh(): void;
  undo(): void;
  redo(): void;
}

interface Select extends HTMLElement {
  value: string;
}

/**
 * Grouping, filters and free-text search, built from VS Code Elements so they look and behave
 * like VS Code's own dropdowns and inputs (theme colours, focus rings, keyboard).
 */
export class BoardToolbar {
  private readonly group: Select;
  private readonly text: Select;
  private readonly selects = new Map<FilterKey, Select>();
  private readonly signatures = new Map<FilterKey, string>();
  private readonly undoButton: HTMLElement;
  private readonly redoButton: HTMLElement;

  constructor(host: HTMLElement, private readonly strings: BoardStrings, handlers: ToolbarHandlers) {
    host.replaceChildren();
    host.setAttribute('role', 'toolbar');
    host.setAttribute('aria-label', strings.boardLabel);
    this.group = this.select('group-by', strings.groupBy, host);
    for (const key of GROUP_KEYS) this.group.append(option(key, strings.groups[key]));
    this.group.addEventListener('change', () => handlers.groupBy(this.group.value as GroupKey));

    this.text = document.createElement('vscode-textfield') as unknown as Select;
    this.text.id = 'filter-text';
    this.text.setAttribute('placeholder', strings.filterText);
    this.text.setAttribute('aria-label', strings.filterText);
    const icon = document.createElement('vscode-icon');
    icon.setAttribute('name', 'search');
    icon.setAttribute('slot', 'content-before');
    this.text.append(icon);
    this.text.addEventListener('input', () => handlers.filter('text', this.text.value));
    const search = el('div', 'toolbar-item search');
    search.append(this.text);
    host.append(search);

    for (const key of FILTER_KEYS) {
      const select = this.select(`filter-${key}`, strings.filterLabels[key], host);
      select.addEventListener('change', () => handlers.filter(key, select.value));
      this.selects.set(key, select);
    }
    const actions = el('div', 'toolbar-actions');
    this.undoButton = button('discard', strings.undo, handlers.undo);
    this.redoButton = button('redo', strings.redo, handlers.redo);
    this.history(null, null);
    actions.append(
      this.undoButton, this.redoButton,
      button('clear-all', strings.clearFilters, handlers.clear),
      button('refresh', strings.refresh, handlers.refresh),
    );
    host.append(actions);
  }

  /** Enables Undo and Redo when there is something to undo or redo, saying what in their tooltips. */
  history(undo: string | null, redo: string | null): void {
    for (const [b, label, none] of [[this.undoButton, undo, this.strings.nothingToUndo], [this.redoButton, redo, this.strings.nothingToRedo]] as const) {
      b.toggleAttribute('disabled', label === null);
      b.title = label ?? none;
      b.setAttribute('label', label ?? none);
    }
  }

  /** Refreshes filter options from the model and shows the current state. */
  update(model: BoardModel, state: BoardState): void {
    const docs = new Map(model.cards.map((c) => [c.path, c.doc]));
    const priorities = [...model.priorities, ...distinctValues(model.cards, (c) => c.priority).filter((p) => !model.priorities.includes(p))];
    const options: Record<FilterKey, [string, string][]> = {
      doc: [...docs].sort((a, b) => a[1].localeCompare(b[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      product: distinctValues(model.cards, (c) => c.product).map((v) => [v, v]),
      release: distinctValues(model.cards, (c) => valueOf(c, 'release')).map((v) => [v, v]),
      priority: priorities.filter((p) => model.cards.some((c) => c.priority === p)).map((v) => [v, v]),
      owner: distinctValues(model.cards, (c) => c.owner).map((v) => [v, v]),
    };
    for (const key of FILTER_KEYS) {
      const select = this.selects.get(key)!;
      const list: [string, string][] = [['', this.strings.all], ...options[key]];
      const current = state.filters[key];
      if (current && !list.some(([v]) => v === current)) list.push([current, current]);
      const signature = JSON.stringify(list);
      if (this.signatures.get(key) !== signature) {
        select.replaceChildren(...list.map(([value, label]) => option(value, label)));
        this.signatures.set(key, signature);
      }
      if (select.value !== current) select.value = current;
    }
    if (this.group.value !== state.groupBy) this.group.value = state.groupBy;
    if (this.text.value !== state.filters.text) this.text.value = state.filters.text;
  }

  private select(id: string, label: string, host: HTMLElement): Select {
    const item = el('div', 'toolbar-item');
    const lab = document.createElement('vscode-label');
    lab.setAttribute('for', id);
    // VS Code Elements labels are bold (form style); a toolbar reads better in the normal weight.
    lab.append(el('span', 'normal', label));
    const select = document.createElement('vscode-single-select') as unknown as Select;
    select.id = id;
    item.append(lab, select);
    host.append(item);
    return select;
  }
}

function option(value: string, label: string): HTMLElement {
  const o = document.createElement('vscode-option');
  o.setAttribute('value', value);
  o.textContent = label;
  return o;
}

function button(icon: string, label: string, onClick: () => void): HTMLElement {
  const b = document.createElement('vscode-toolbar-button');
  b.setAttribute('icon', icon);
  b.setAttribute('label', label);
  b.title = label;
  b.addEventListener('click', onClick);
  return b;
}
