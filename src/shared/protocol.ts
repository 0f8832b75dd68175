/**
 * The messages between the extension host and Specboard's webviews (board and preview), with
 * validators for both directions. No vscode or Node imports: the webview bundles this file too.
 * A webview is untrusted input (it renders document content), so the host acts only on messages
 * that pass `parseBoardMessage` / `parsePreviewMessage`.
 */
import { isBoardModel, isBoardPatch } from './boardPatch';
import { isCount, isLine, isObject, isText, MAX_PATH } from './checks';

/** Requirement attributes the board can change by moving a card. */
export const EDITABLE_KEYS = ['status', 'priority', 'release', 'owner'] as const;
export type EditableKey = (typeof EDITABLE_KEYS)[number];

export const GROUP_KEYS = ['status', 'stage', 'priority', 'release', 'owner'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

export interface BoardCard {
  readonly id: string;
  readonly title: string;
  /** URI string of the document that defines the requirement. */
  readonly path: string;
  readonly line: number;
  readonly form: 'heading' | 'table' | 'list' | 'paragraph';
  /** The document's title (or file name), and its workspace-relative path. */
  readonly doc: string;
  readonly docPath: string;
  readonly product?: string;
  readonly stage?: string;
  /** Attribute values as written on the requirement; absent when not written. */
  readonly status?: string;
  readonly priority?: string;
  readonly release?: string;
  readonly owner?: string;
  /** The document's release, shown (and grouped) when the requirement has none of its own. */
  readonly docRelease?: string;
  /** The first problems' messages (at most MAX_CARD_PROBLEMS), for the flag's tooltip. */
  readonly problems: readonly string[];
  /** How many problems there are in all. */
  readonly problemCount: number;
  readonly codeReferences: number;
  /** The title's Chinese in pinyin, full and by initials (`zhifu zf`), so a search typed without a Chinese input method finds it. */
  readonly pinyin?: string;
}

/** The board-wide lists a model carries beside its cards, from the configs of the folders that have cards. */
export interface BoardMeta {
  readonly statuses: readonly string[];
  /** Statuses whose columns start collapsed (rejected, deferred). */
  readonly closedStatuses: readonly string[];
  readonly priorities: readonly string[];
  readonly stages: readonly string[];
  /** Target status → statuses it may be entered from (the host enforces; the board only hints). */
  readonly transitions: Readonly<Record<string, readonly string[]>>;
}

export interface BoardModel extends BoardMeta {
  readonly cards: readonly BoardCard[];
  /** True while the first index is still running. */
  readonly indexing: boolean;
}

/**
 * One file's cards after a change, in document order: a number keeps the card at that position of
 * the file's previous list (unchanged), an object is a new or changed card. Cards of the previous
 * list that no entry names are gone; an empty list takes the file off the board.
 */
export interface BoardFilePatch {
  readonly path: string;
  readonly cards: readonly (number | BoardCard)[];
}

/**
 * What changed on the board since the model or patch numbered `base`: only the files a change
 * affected. The webview applies it to its model in place; one that does not hold `base` asks for a
 * full model instead.
 */
export interface BoardPatch {
  readonly base: number;
  readonly version: number;
  readonly files: readonly BoardFilePatch[];
  /** Present when the statuses, priorities or transitions changed (a folder gained or lost its first card). */
  readonly meta?: BoardMeta;
  readonly indexing: boolean;
}

export type HostToBoard =
  /** The whole board: on the first load, after a full re-index and when the webview asks. */
  | { readonly type: 'model'; readonly model: BoardModel; readonly version: number }
  /** The cards of the files an index change affected. */
  | { readonly type: 'patch'; readonly patch: BoardPatch }
  /** The outcome of a move: `message` says what happened or why not; `undoable` offers Undo beside it. */
  | { readonly type: 'moveResult'; readonly id: string; readonly ok: boolean; readonly message?: string; readonly undoable?: boolean }
  /** What Undo and Redo would do now (a label), or null when there is nothing. */
  | { readonly type: 'history'; readonly undo: string | null; readonly redo: string | null }
  /** The outcome of an undo or redo. */
  | { readonly type: 'notice'; readonly ok: boolean; readonly message: string };

export type BoardToHost =
  | { readonly type: 'ready' }
  | { readonly type: 'refresh' }
  /** Undo or redo the last move made on the board. */
  | { readonly type: 'undo' }
  | { readonly type: 'redo' }
  /** After each redraw: how many cards are on screen (tests and the host's logs use it). */
  | { readonly type: 'rendered'; readonly cards: number }
  | { readonly type: 'open'; readonly path: string; readonly line: number }
  | {
    readonly type: 'move';
    readonly id: string;
    readonly path: string;
    readonly line: number;
    readonly key: EditableKey;
    /** The value the card showed (null when the requirement had none): the staleness check. */
    readonly from: string | null;
    readonly to: string;
  };

export type HostToPreview =
  | { readonly type: 'render'; readonly version: number; readonly path: string; readonly title: string; readonly html: string; readonly aside: string; readonly line?: number }
  | { readonly type: 'scrollTo'; readonly line: number }
  | { readonly type: 'activeRequirement'; readonly id: string | null };

export type PreviewToHost =
  | { readonly type: 'ready' }
  /**
   * After each render: what the page's DOM holds that it never should (script elements, inline
   * event handlers, javascript: URLs). The host logs a non-zero count; tests assert zero.
   */
  | { readonly type: 'rendered'; readonly version: number; readonly scripts: number; readonly handlers: number; readonly badges: number }
  | { readonly type: 'reveal'; readonly id: string }
  | { readonly type: 'open'; readonly path: string; readonly line: number }
  | { readonly type: 'openLink'; readonly href: string }
  | { readonly type: 'revealLine'; readonly line: number };

/** What the board remembers across reloads (webview state and the panel serializer). */
export interface BoardState {
  readonly groupBy: GroupKey;
  readonly filters: BoardFilters;
  readonly collapsed: readonly string[];
}

export interface BoardFilters {
  readonly doc: string;
  readonly product: string;
  readonly release: string;
  readonly priority: string;
  readonly owner: string;
  readonly text: string;
}

export const EMPTY_FILTERS: BoardFilters = { doc: '', product: '', release: '', priority: '', owner: '', text: '' };
export const DEFAULT_BOARD_STATE: BoardState = { groupBy: 'status', filters: EMPTY_FILTERS, collapsed: [] };

const REQUIREMENT_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+$/;

const isId = (v: unknown): v is string => isText(v, 100) && REQUIREMENT_ID.test(v);
const isValue = (v: unknown): v is string => isText(v, 200) && v.trim() !== '' && !/[\u0000-\u001f\u007f]/.test(v);

/** A board message, or undefined when it is malformed (wrong shape, sizes, IDs or keys). */
export function parseBoardMessage(raw: unknown): BoardToHost | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
    case 'refresh':
    case 'undo':
    case 'redo':
      return { type: raw.type };
    case 'rendered':
      return isCount(raw.cards) ? { type: 'rendered', cards: raw.cards } : undefined;
    case 'open':
      return isText(raw.path, MAX_PATH) && isLine(raw.line) ? { type: 'open', path: raw.path, line: raw.line } : undefined;
    case 'move': {
      const { id, path, line, key, from, to } = raw;
      if (!isId(id) || !isText(path, MAX_PATH) || !isLine(line) || !isValue(to)) return undefined;
      if (!(EDITABLE_KEYS as readonly unknown[]).includes(key)) return undefined;
      if (from !== null && !isText(from, 200)) return undefined;
      return { type: 'move', id, path, line, key: key as EditableKey, from: from as string | null, to };
    }
    default:
      return undefined;
  }
}

export function parsePreviewMessage(raw: unknown): PreviewToHost | undefined {
  if (!isObject(raw)) return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rendered': {
      const { version, scripts, handlers, badges } = raw;
      return isCount(version) && isCount(scripts) && isCount(handlers) && isCount(badges) ? { type: 'rendered', version, scripts, handlers, badges } : undefined;
    }
    case 'reveal':
      return isId(raw.id) ? { type: 'reveal', id: raw.id } : undefined;
    case 'open':
      return isText(raw.path, MAX_PATH) && isLine(raw.line) ? { type: 'open', path: raw.path, line: raw.line } : undefined;
    case 'openLink':
      return isText(raw.href, MAX_PATH) ? { type: 'openLink', href: raw.href } : undefined;
    case 'revealLine':
      return isLine(raw.line) ? { type: 'revealLine', line: raw.line } : undefined;
    default:
      return undefined;
  }
}

/** Host messages as the board receives them; anything else (or anything past the limits) is ignored. */
export function isHostToBoard(raw: unknown): raw is HostToBoard {
  if (!isObject(raw)) return false;
  if (raw.type === 'model') return isCount(raw.version) && isBoardModel(raw.model);
  if (raw.type === 'patch') return isBoardPatch(raw.patch);
  if (raw.type === 'history') return (raw.undo === null || typeof raw.undo === 'string') && (raw.redo === null || typeof raw.redo === 'string');
  if (raw.type === 'notice') return typeof raw.ok === 'boolean' && typeof raw.message === 'string';
  return raw.type === 'moveResult' && typeof raw.id === 'string' && typeof raw.ok === 'boolean';
}

export function isHostToPreview(raw: unknown): raw is HostToPreview {
  if (!isObject(raw)) return false;
  if (raw.type === 'render') return typeof raw.html === 'string' && typeof raw.aside === 'string' && typeof raw.path === 'string';
  if (raw.type === 'scrollTo') return isLine(raw.line);
  return raw.type === 'activeRequirement' && (raw.id === null || typeof raw.id === 'string');
}

/** Restored state, with every unknown or malformed part replaced by its default. */
export function parseBoardState(raw: unknown): BoardState {
  if (!isObject(raw)) return DEFAULT_BOARD_STATE;
  const groupBy = (GROUP_KEYS as readonly unknown[]).includes(raw.groupBy) ? (raw.groupBy as GroupKey) : 'status';
  const f = isObject(raw.filters) ? raw.filters : {};
  const text = (k: keyof BoardFilters) => (isText(f[k]) ? (f[k] as string) : '');
  const filters: BoardFilters = { doc: text('doc'), product: text('product'), release: text('release'), priority: text('priority'), owner: text('owner'), text: text('text') };
  const collapsed = Array.isArray(raw.collapsed) ? raw.collapsed.filter((c): c is string => isText(c)).slice(0, 100) : [];
  return { groupBy, filters, collapsed };
}

/** Localized UI strings the host passes to the board (webviews have no access to vscode.l10n). */
export interface BoardStrings {
  readonly boardLabel: string;
  readonly groupBy: string;
  readonly groups: Readonly<Record<GroupKey, string>>;
  readonly filterText: string;
  readonly filterLabels: Readonly<Record<Exclude<keyof BoardFilters, 'text'>, string>>;
  readonly all: string;
  readonly notSet: string;
  readonly refresh: string;
  readonly clearFilters: string;
  readonly statusNames: Readonly<Record<string, string>>;
  readonly stageNames: Readonly<Record<string, string>>;
  readonly unknownValue: string;
  readonly collapse: string;
  readonly expand: string;
  readonly count: string;
  readonly codeRefs: string;
  readonly oneCodeRef: string;
  readonly noCodeRefs: string;
  readonly problems: string;
  readonly oneProblem: string;
  readonly keyboardHelp: string;
  readonly pickedUp: string;
  readonly overColumn: string;
  readonly dropped: string;
  readonly cancelled: string;
  readonly notAllowed: string;
  readonly onlyFrom: string;
  readonly indexing: string;
  readonly empty: string;
  readonly noMatch: string;
  readonly cardLabel: string;
  readonly emptyColumn: string;
  readonly undo: string;
  readonly redo: string;
  readonly nothingToUndo: string;
  readonly nothingToRedo: string;
  readonly dismiss: string;
}
