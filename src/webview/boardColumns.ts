import type { BoardCard, BoardFilters, BoardModel, EditableKey, GroupKey } from '../shared/protocol';

/** One column of the board as the current grouping and filters produce it. Pure data, no DOM. */
export interface Column {
  /** The attribute value the column stands for; '' collects cards without one. */
  readonly value: string;
  readonly cards: readonly BoardCard[];
  /** Part of the configured list (statuses, priorities, stages); false for values found only in docs. */
  readonly known: boolean;
  /** Whether dropping a card here can set the attribute. */
  readonly droppable: boolean;
  readonly collapsedByDefault: boolean;
}

/** The attribute a grouping edits when a card moves between its columns; stage belongs to documents. */
export function editableKey(groupBy: GroupKey): EditableKey | undefined {
  return groupBy === 'stage' ? undefined : groupBy;
}

/** The value a card is grouped (and filtered) by. A requirement without a release inherits its document's. */
export function valueOf(card: BoardCard, key: GroupKey): string | undefined {
  switch (key) {
    case 'status': return card.status;
    case 'stage': return card.stage;
    case 'priority': return card.priority;
    case 'release': return card.release ?? card.docRelease;
    case 'owner': return card.owner;
  }
}

const normalize = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * Cards passing every filter. Free text matches the ID or the title, in any script, and Latin
 * letters also match a Chinese title by its pinyin, full or initials (`zf`, `zhifu` find 支付).
 */
export function filterCards(cards: readonly BoardCard[], filters: BoardFilters): BoardCard[] {
  const text = normalize(filters.text.trim());
  const letters = /^[a-z]+$/.test(text);
  return cards.filter((c) =>
    (!filters.doc || c.path === filters.doc)
    && (!filters.product || c.product === filters.product)
    && (!filters.release || valueOf(c, 'release') === filters.release)
    && (!filters.priority || c.priority === filters.priority)
    && (!filters.owner || c.owner === filters.owner)
    && (!text || normalize(c.id).includes(text) || normalize(c.title).includes(text) || (letters && !!c.pinyin?.includes(text))));
}

// One collator: localeCompare with options builds one per call (seconds for a large board's sort).
let collator: Intl.Collator | undefined;
const byNumber = (a: string, b: string) => (collator ??= new Intl.Collator(undefined, { numeric: true })).compare(a, b);
const byPlace = (a: BoardCard, b: BoardCard) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line);

/** Distinct values of a field over all cards, for a filter's options. */
export function distinctValues(cards: readonly BoardCard[], pick: (c: BoardCard) => string | undefined): string[] {
  return [...new Set(cards.map(pick).filter((v): v is string => !!v))].sort(byNumber);
}

/**
 * The columns for a grouping: the configured values in their order (statuses, priorities, stages),
 * then values found only in documents (a typo like `doing` gets its own column so nothing hides),
 * then closed statuses, then one column for cards without a value. Releases and owners are sorted.
 */
export function buildColumns(model: BoardModel, cards: readonly BoardCard[], groupBy: GroupKey): Column[] {
  const configured = groupBy === 'status' ? model.statuses : groupBy === 'priority' ? model.priorities : groupBy === 'stage' ? model.stages : [];
  const found = distinctValues(model.cards, (c) => valueOf(c, groupBy)).filter((v) => !configured.includes(v));
  // Closed statuses (rejected, deferred) end the board, after any unknown values, which need fixing.
  const closed = groupBy === 'status' ? configured.filter((v) => model.closedStatuses.includes(v)) : [];
  const values = [...configured.filter((v) => !closed.includes(v)), ...found, ...closed];
  const buckets = new Map<string, BoardCard[]>(values.map((v) => [v, []]));
  const unset: BoardCard[] = [];
  for (const card of cards) {
    const v = valueOf(card, groupBy);
    if (v === undefined || v === '') unset.push(card);
    else buckets.get(v)?.push(card);
  }
  const editable = editableKey(groupBy) !== undefined;
  const rank = (c: BoardCard) => {
    const i = model.priorities.indexOf(c.priority ?? '');
    return i < 0 ? model.priorities.length : i;
  };
  // Copies of one ID last by file and line, so the order never depends on the order of the model's
  // files (a patch adds a new file last; a rebuild lists it where the index does).
  const sort = (list: BoardCard[]) => list.sort((a, b) => rank(a) - rank(b) || byNumber(a.id, b.id) || byPlace(a, b));
  const columns: Column[] = values.map((value) => {
    const known = configured.includes(value);
    return {
      value, cards: sort(buckets.get(value) ?? []), known,
      droppable: editable && (known || (groupBy !== 'status' && groupBy !== 'priority')),
      collapsedByDefault: groupBy === 'status' && model.closedStatuses.includes(value),
    };
  });
  if (unset.length) columns.push({ value: '', cards: sort(unset), known: false, droppable: false, collapsedByDefault: false });
  return columns;
}

export type MoveCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'same' | 'notEditable' | 'transition'; readonly allowedFrom?: readonly string[] };

/**
 * Whether the board should offer a move. The host checks again (the board may be stale), so this
 * only keeps the board from suggesting what the host would refuse.
 */
export function checkMove(model: BoardModel, card: BoardCard, groupBy: GroupKey, target: Column): MoveCheck {
  const key = editableKey(groupBy);
  if (!key || !target.droppable) return { ok: false, reason: 'notEditable' };
  if ((valueOf(card, groupBy) ?? '') === target.value) return { ok: false, reason: 'same' };
  if (key === 'status') {
    const rule = model.transitions[target.value];
    if (rule && !rule.includes(card.status ?? '')) return { ok: false, reason: 'transition', allowedFrom: rule };
  }
  return { ok: true };
}
