/**
 * Board patches: how the host says which cards changed, and how both sides apply that. The host
 * keeps its cards per file and sends, for the files an index change affected, their new card
 * lists; the webview applies them to its model in place. No vscode or Node imports: the webview
 * bundles this file too.
 */
import { isCount, isObject, isText, type Fields } from './checks';
import type { BoardCard, BoardFilePatch, BoardMeta, BoardModel, BoardPatch } from './protocol';

/** Longest text a card field holds: the host clips longer titles and values (a 50 MB heading) to it. */
export const MAX_CARD_TEXT = 2000;
/** Problem messages a card carries for its tooltip; `problemCount` says how many there are in all. */
export const MAX_CARD_PROBLEMS = 20;
/** A patch names at most this many files and card entries: a larger change goes as a full model. */
export const MAX_PATCH_FILES = 2000;
export const MAX_PATCH_CARDS = 50_000;
/**
 * A card's file: longer than the path a message from the webview may name (MAX_PATH), since the
 * card must still show; such a card cannot be opened or moved, as before.
 */
const MAX_CARD_PATH = 65_536;
/** Entries of a status, priority or stage list, and of the transition rules. */
const MAX_META_VALUES = 1000;

const FORMS: readonly unknown[] = ['heading', 'table', 'list', 'paragraph'];
const OPTIONAL_TEXT = ['product', 'stage', 'status', 'priority', 'release', 'owner', 'docRelease', 'pinyin'] as const;

const isTextList = (v: unknown, max = MAX_META_VALUES): v is string[] => Array.isArray(v) && v.length <= max && v.every((x) => isText(x, MAX_CARD_TEXT));

/** A card as the host builds it: every field of its type, texts within MAX_CARD_TEXT. */
export function isBoardCard(v: unknown): v is BoardCard {
  if (!isObject(v)) return false;
  if (!isText(v.id, MAX_CARD_TEXT) || v.id === '' || !isText(v.title, MAX_CARD_TEXT) || !isText(v.path, MAX_CARD_PATH) || !isCount(v.line)) return false;
  if (!FORMS.includes(v.form) || !isText(v.doc, MAX_CARD_TEXT) || !isText(v.docPath, MAX_CARD_TEXT)) return false;
  for (const key of OPTIONAL_TEXT) if (v[key] !== undefined && !isText(v[key], MAX_CARD_TEXT)) return false;
  return isTextList(v.problems, MAX_CARD_PROBLEMS) && isCount(v.problemCount) && v.problemCount >= v.problems.length && isCount(v.codeReferences);
}

function isBoardMeta(v: Fields): boolean {
  const { statuses, closedStatuses, priorities, stages, transitions } = v;
  if (!isTextList(statuses) || !isTextList(closedStatuses) || !isTextList(priorities) || !isTextList(stages) || !isObject(transitions)) return false;
  const rules = Object.entries(transitions);
  return rules.length <= MAX_META_VALUES && rules.every(([to, from]) => isText(to, MAX_CARD_TEXT) && isTextList(from));
}

/** A whole model: every card valid. The number of cards has no limit: it is the workspace's. */
export function isBoardModel(v: unknown): v is BoardModel {
  return isObject(v) && Array.isArray(v.cards) && v.cards.every(isBoardCard) && isBoardMeta(v) && typeof v.indexing === 'boolean';
}

/**
 * A patch within the limits: unique files, card entries that are positions or cards of that file,
 * at most MAX_PATCH_FILES files and MAX_PATCH_CARDS entries.
 */
export function isBoardPatch(v: unknown): v is BoardPatch {
  if (!isObject(v) || !isCount(v.base) || !isCount(v.version) || typeof v.indexing !== 'boolean') return false;
  if (v.meta !== undefined && !(isObject(v.meta) && isBoardMeta(v.meta))) return false;
  if (!Array.isArray(v.files) || v.files.length > MAX_PATCH_FILES) return false;
  const paths = new Set<string>();
  let entries = 0;
  for (const file of v.files as unknown[]) {
    if (!isObject(file) || !isText(file.path, MAX_CARD_PATH) || paths.has(file.path) || !Array.isArray(file.cards)) return false;
    paths.add(file.path);
    entries += file.cards.length;
    if (entries > MAX_PATCH_CARDS) return false;
    for (const c of file.cards as unknown[]) if (typeof c === 'number' ? !isCount(c) : !(isBoardCard(c) && c.path === file.path)) return false;
  }
  return true;
}

/** The board-wide lists of a model, without its cards. */
export function metaOf(model: BoardMeta): BoardMeta {
  const { statuses, closedStatuses, priorities, stages, transitions } = model;
  return { statuses, closedStatuses, priorities, stages, transitions };
}

/** Cards grouped by file, files in the order their first card appears (a model lists a file's cards together). */
export function cardsByFile(cards: readonly BoardCard[]): Map<string, BoardCard[]> {
  const files = new Map<string, BoardCard[]>();
  for (const card of cards) {
    const list = files.get(card.path);
    if (list) list.push(card);
    else files.set(card.path, [card]);
  }
  return files;
}

/**
 * Applies one file's patch to its previous cards; undefined when an entry names a position the
 * previous list does not have (the patch was made for another version of the board).
 */
export function patchFile(previous: readonly BoardCard[], entries: readonly (number | BoardCard)[]): BoardCard[] | undefined {
  const next: BoardCard[] = [];
  for (const entry of entries) {
    const card = typeof entry === 'number' ? previous[entry] : entry;
    if (!card) return undefined;
    next.push(card);
  }
  return next;
}

/**
 * The model a patch makes of `model`, or undefined when it does not fit. Unchanged cards stay
 * the same objects; a file keeps its place, and a file new to the board comes last.
 */
export function applyBoardPatch(model: BoardModel, patch: BoardPatch): BoardModel | undefined {
  const files = cardsByFile(model.cards);
  for (const file of patch.files) {
    const next = patchFile(files.get(file.path) ?? [], file.cards);
    if (!next) return undefined;
    if (next.length) files.set(file.path, next);
    else files.delete(file.path);
  }
  return { ...(patch.meta ?? metaOf(model)), cards: [...files.values()].flat(), indexing: patch.indexing };
}

/**
 * One file's patch from its previous and next cards, or undefined when nothing changed. A next
 * card equal to a previous one with the same ID (the nth of that ID, for an ID a file defines
 * twice) is sent as that card's position, and `kept` gets the previous object in its place.
 */
export function diffFile(path: string, previous: readonly BoardCard[], next: readonly BoardCard[]): { patch: BoardFilePatch; kept: BoardCard[] } | undefined {
  const positions = new Map<string, number>();
  const seen = new Map<string, number>();
  const key = (card: BoardCard) => {
    const n = (seen.get(card.id) ?? 0) + 1;
    seen.set(card.id, n);
    return `${n}\n${card.id}`;
  };
  previous.forEach((card, i) => positions.set(key(card), i));
  seen.clear();
  const entries: (number | BoardCard)[] = [];
  const kept: BoardCard[] = [];
  let same = previous.length === next.length;
  next.forEach((card, i) => {
    const at = positions.get(key(card));
    if (at !== undefined && sameCard(previous[at], card)) {
      entries.push(at);
      kept.push(previous[at]);
      if (at !== i) same = false;
    } else {
      entries.push(card);
      kept.push(card);
      same = false;
    }
  });
  return same ? undefined : { patch: { path, cards: entries }, kept };
}

/** Field-by-field equality of two cards (their problem lists compared by value). */
export function sameCard(a: BoardCard, b: BoardCard): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof BoardCard)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) {
    if (k === 'problems') {
      if (a.problems.length !== b.problems.length || a.problems.some((p, i) => p !== b.problems[i])) return false;
    } else if (a[k] !== b[k]) return false;
  }
  return true;
}
