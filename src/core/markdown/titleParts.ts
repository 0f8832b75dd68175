import { stripInline } from '../attributes';
import { toSimplified } from '../toSimplified';

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', '）': '（', ']': '[', '】': '【' };
/** The inside of a trailing group: `P0`, `Priority: P1`, `优先级：高`. */
const GROUP = /^\s*(?:(priority|prio|优先级)\s*[:：]?\s*)?(\S(?:.{0,14}\S)?)\s*$/i;
/** Values a trailing group may hold without naming its key. */
const BARE_PRIORITY = /^(?:P\d|critical|high|medium|low|must|should|could|won'?t|高|中|低|紧急|必须|应该|可以)$/i;
const TITLE_MAX = 160;
/** Strong emphasis inside a title: each attempt stops at the next `*`, so a run of marks stays linear. */
const STRONG = /\*\*([^*\n]+)\*\*/g;

export interface TitleParts {
  readonly title: string;
  /** The priority written at the end of the title, as written. */
  readonly priority?: string;
}

/**
 * Splits a requirement's title from a priority written after it, as headings and list items often
 * carry one: `用户登录（P0）`, `Browse catalog (Priority: P1)`. A bare group counts only when it
 * holds a priority word; `(Priority: …)` and `（优先级：…）` count whatever they hold.
 */
export function titleParts(text: string): TitleParts {
  const stripped = stripInline(text);
  // Found from the end without a regex over the whole title, so a long title costs one pass.
  const opener = CLOSERS[stripped[stripped.length - 1]];
  const open = opener ? stripped.lastIndexOf(opener) : -1;
  // `（優先級：高）` is read as `（优先级：高）`: the priority is canonicalized from there anyway.
  const m = open >= 0 ? GROUP.exec(toSimplified(stripped.slice(open + 1, -1))) : null;
  if (m && (m[1] !== undefined || BARE_PRIORITY.test(m[2]))) {
    return { title: shorten(stripInline(stripped.slice(0, open))), priority: stripInline(m[2]) };
  }
  // `（P2 可选）`, `(P0, MVP)`: a P-level with a qualifier.
  const level = m && /^P\d(?![\w])/.exec(m[2]);
  if (level) return { title: shorten(stripInline(stripped.slice(0, open))), priority: level[0] };
  return { title: shorten(stripped) };
}

/**
 * Long list-item requirements keep their whole sentence in the excerpt; the title is cut. A
 * Chinese full stop ends the bold lead of a paragraph (`**REQ-1 统一收银台。** 业务线…`), not the title.
 */
function shorten(title: string): string {
  // `必须取**第二个输出**`: a title is shown as plain text (trees, board, CSV), so emphasis goes.
  // Only `**`: `__` inside a word (`snake__case`) is no emphasis in CommonMark.
  const plain = title.includes('**') ? title.replace(STRONG, '$1') : title;
  const bare = plain.endsWith('。') ? plain.slice(0, -1).trimEnd() : plain;
  return bare.length > TITLE_MAX ? `${bare.slice(0, TITLE_MAX - 1)}…` : bare;
}
