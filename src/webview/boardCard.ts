import type { BoardCard, BoardStrings, GroupKey } from '../shared/protocol';
import { format } from './vscodeApi';

/** Creates an element with classes and optional text; document text only ever goes in as textContent. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function codicon(name: string): HTMLElement {
  const i = el('span', `codicon codicon-${name}`);
  i.setAttribute('aria-hidden', 'true');
  return i;
}

/** A status or stage as the board shows it: the localized name of a built-in value, else the value. */
export function valueLabel(strings: BoardStrings, groupBy: GroupKey, value: string): string {
  if (value === '') return strings.notSet;
  if (groupBy === 'status') return strings.statusNames[value] ?? value;
  if (groupBy === 'stage') return strings.stageNames[value] ?? value;
  return value;
}

/** Colour family of a status, matching the preview's badges. */
export function statusTone(status: string | undefined, statuses: readonly string[]): string {
  if (!status) return 'none';
  if (!statuses.includes(status)) return 'unknown';
  const tones: Record<string, string> = {
    proposed: 'proposed', approved: 'approved', 'in-progress': 'active', done: 'done', verified: 'verified', rejected: 'closed', deferred: 'closed',
  };
  return tones[status] ?? 'proposed';
}

export interface CardContext {
  readonly strings: BoardStrings;
  readonly groupBy: GroupKey;
  readonly statuses: readonly string[];
  readonly priorities: readonly string[];
}

/**
 * One requirement card: ID, priority, title, release and owner, its document, and flags for
 * validation problems and missing code references. The whole card is one focusable list item
 * whose accessible name summarizes it, so a screen reader hears the card, not its fragments.
 */
export function renderCard(card: BoardCard, ctx: CardContext): HTMLLIElement {
  const { strings } = ctx;
  const li = el('li', 'card');
  li.setAttribute('role', 'listitem');
  li.tabIndex = -1;
  li.draggable = true;
  li.dataset.id = card.id;
  li.dataset.path = card.path;

  const head = el('div', 'card-head');
  head.append(el('span', 'card-id', card.id));
  if (ctx.groupBy !== 'status' && card.status) {
    const status = el('span', `badge status tone-${statusTone(card.status, ctx.statuses)}`, strings.statusNames[card.status] ?? card.status);
    head.append(status);
  }
  if (card.priority) {
    const rank = ctx.priorities.indexOf(card.priority);
    head.append(el('span', `badge priority rank-${rank < 0 ? 'unknown' : Math.min(rank, 3)}`, card.priority));
  }
  li.append(head, el('div', 'card-title', card.title || card.id));

  const meta = el('div', 'card-meta');
  const release = card.release ?? card.docRelease;
  if (release) {
    const chip = el('span', `meta${card.release ? '' : ' inherited'}`);
    chip.append(codicon('tag'), el('span', '', release));
    meta.append(chip);
  }
  if (card.owner) {
    const chip = el('span', 'meta');
    chip.append(codicon('person'), el('span', '', card.owner));
    meta.append(chip);
  }
  if (meta.childElementCount) li.append(meta);

  const foot = el('div', 'card-foot');
  const doc = el('span', 'card-doc');
  doc.title = card.docPath;
  doc.append(codicon(card.form === 'table' ? 'table' : 'file'), el('span', '', card.doc));
  foot.append(doc);
  const flags = el('span', 'card-flags');
  const labels: string[] = [];
  if (card.problemCount) {
    const text = card.problemCount === 1 ? strings.oneProblem : format(strings.problems, card.problemCount);
    const flag = el('span', 'flag problems');
    // The card carries the first few messages; the count says how many there are.
    flag.title = [...card.problems, ...(card.problemCount > card.problems.length ? ['…'] : [])].join('\n');
    flag.append(codicon('warning'), el('span', '', String(card.problemCount)));
    flags.append(flag);
    labels.push(text);
  }
  if (card.codeReferences === 0) {
    const flag = el('span', 'flag no-refs');
    flag.title = strings.noCodeRefs;
    flag.append(codicon('circle-slash'));
    flags.append(flag);
    labels.push(strings.noCodeRefs);
  } else {
    const text = card.codeReferences === 1 ? strings.oneCodeRef : format(strings.codeRefs, card.codeReferences);
    const flag = el('span', 'flag refs');
    flag.title = text;
    flag.append(codicon('file-code'), el('span', '', String(card.codeReferences)));
    flags.append(flag);
    labels.push(text);
  }
  foot.append(flags);
  li.append(foot);

  const status = card.status ? strings.statusNames[card.status] ?? card.status : strings.notSet;
  li.setAttribute('aria-label', format(strings.cardLabel, card.id, card.title, status, card.priority ?? strings.notSet, card.doc, labels.join(', ')));
  return li;
}
