import { isDefinitionId, leadingIdPattern, shapeOf, type IdShape } from '../ids';

/** An ID written at the start of a heading, list item, paragraph or cell, and what follows it. */
export interface LeadingId {
  readonly id: string;
  readonly shape: IdShape;
  /** Offsets of the ID itself in the text. */
  readonly start: number;
  readonly end: number;
  /** The text after the ID and its separator, emphasis closed around it removed. */
  readonly rest: string;
  /** How the ID was marked: bold, code or brackets make a position unambiguous. */
  readonly marked: boolean;
  /** A separator (`:`, `-`, `—`, `.`…) followed the ID. */
  readonly separated: boolean;
  /** The ID opens a bold label (`**S3 Durability:**`, `**FR-3 notes**:`) rather than standing alone. */
  readonly label: boolean;
}

const OPENERS: Readonly<Record<string, string>> = { '`': '`', '[': ']', '【': '】', '(': ')', '（': '）' };
/** A strict or wide ID where the text starts (a sticky copy of the document scanner's pattern). */
const ID_AT = leadingIdPattern();
/** `SC-AUTH`: an ID without digits, accepted only when marked (`**SC-AUTH**`). */
const NAMED_ID_AT = /[A-Z][A-Z0-9]*(?:-[A-Z][A-Z0-9]*)+(?![A-Za-z0-9_-])/y;
/** A parenthesized word or two and nothing else: `(GUI)`, `（必选）`. */
const QUALIFIER = /^[(（][^()（）]{1,20}[)）]$/;
/** `:`, `|`, `、`, an em or en dash (`REQ-1—Title`), or `-`, `.`, `)` followed by a space. */
const SEPARATOR = /^\s*(?:[:：|｜、—–]+|[-.)）]+(?=\s|$))\s*/;

/**
 * Reads an ID at the start of `text`, as teams write them: `FR-001: …`, `**FR-001**: …`,
 * `**FR-12: Title**`, `[FR-001] …`, `` `REQ-1` — … ``, `【FR-01】…`. Returns undefined when the
 * text does not start with a strict or wide ID followed by a separator, a space or the end.
 */
export function leadingId(text: string): LeadingId | undefined {
  // Most text handed here is prose: an ID starts with a capital, or with a mark around one.
  const c = text.charCodeAt(0);
  if (!((c >= 65 && c <= 90) || c === 42 || c === 95 || c === 96 || c === 91 || c === 40 || c === 0x3010 || c === 0xff08)) return undefined;
  let i = 0;
  let bold = '';
  if (text.startsWith('**') || text.startsWith('__')) {
    bold = text.slice(0, 2);
    i = 2;
  }
  const close = OPENERS[text[i]];
  if (close) i++;
  ID_AT.lastIndex = i;
  let id = ID_AT.exec(text)?.[0];
  if (id !== undefined && !isDefinitionId(id)) return undefined;
  if (id === undefined && (bold || close)) {
    NAMED_ID_AT.lastIndex = i;
    id = NAMED_ID_AT.exec(text)?.[0];
  }
  if (id === undefined) return undefined;
  const start = i;
  const end = i + id.length;
  let j = end;
  if (close) {
    if (text[j] !== close) return undefined;
    j++;
  }
  let boldOpen = bold !== '';
  if (boldOpen && text.startsWith(bold, j)) {
    j += 2;
    boldOpen = false;
  }
  const after = text.slice(j);
  const sep = SEPARATOR.exec(after);
  if (!sep && after !== '' && !/^\s/.test(after)) return undefined;
  let rest = sep ? after.slice(sep[0].length) : after.trimStart();
  // `**S3 Durability:**`, `**FR-3 notes**: …`: a bold term being explained, not an ID and its title.
  // `**NFR1.1 (上手门槛):**` is an ID with its title in brackets, not a term.
  const label = bold !== '' && boldOpen && !sep && new RegExp(`[:：]\\s*${bold === '**' ? '\\*\\*' : '__'}|${bold === '**' ? '\\*\\*' : '__'}\\s*[:：]`).test(rest)
    && !QUALIFIER.test(rest.slice(0, Math.max(0, rest.search(/[:：]/))).trim());
  // `REQ-2 / REQ-3 渠道接入`, `FR-1、FR-2：登录`: one text for several IDs, whose other IDs are no
  // part of the title. After `REQ-1:` the text is the title, whatever it says.
  const joined = sep !== null && sep[0].includes('、');
  const grouped = sep === null || joined;
  // `**FR-12: Title**`, `**FR-12:** Title`, `**NFR-01 性能**：text`: the bold closes after the
  // separator, after the title, or after a short title that the text then follows.
  const closeAt = boldOpen ? rest.indexOf(bold) : -1;
  if (closeAt >= 0) {
    const inside = closeAt > 0 ? titleAfter(rest.slice(0, closeAt).replace(/[:：]\s*$/, ''), grouped, joined) : '';
    const outside = () => titleAfter(rest.slice(closeAt + 2).replace(/^\s*[:：]?/, ''), grouped, joined);
    // `**FR-4 and FR-5** Export`: only IDs inside the bold, the title after it. `**FR-3.1 (GUI):**
    // The system shall…`: a qualifier inside, the title after it, the qualifier kept in front.
    rest = inside === '' ? outside() : QUALIFIER.test(inside) ? `${inside} ${outside()}`.trim() : inside;
  } else {
    rest = titleAfter(!boldOpen && bold && rest.startsWith(':') ? rest.slice(1) : rest, grouped, joined);
  }
  return { id, shape: shapeOf(id), start, end, rest, marked: bold !== '' || close !== undefined, separated: sep !== null, label };
}

/**
 * The title in `text`: after any joined IDs when the ID had no separator of its own (`grouped`).
 * A plain function rather than a closure: leadingId runs on every candidate line of every file.
 */
function titleAfter(text: string, grouped: boolean, joined: boolean): string {
  return grouped ? withoutJoinedIds(text.trim(), joined) : text.trim();
}

/** `/`, `、`, `,`, `&`, `+`, `和`, `及`, `与` or `and` between two IDs, with the spaces after it. */
const JOINER = /^(?:[/／,，、&+]|和|及|与|and(?=\s))\s*/i;

/**
 * The text after the IDs joined to the first one (`/ REQ-3 渠道接入` → `渠道接入`). `joined` says the
 * separator already consumed a joiner (`FR-1、FR-2`). Text not starting with a joined ID is kept.
 */
function withoutJoinedIds(rest: string, joined: boolean): string {
  let text = rest;
  for (let first = true; ; first = false) {
    const joiner = JOINER.exec(text);
    if (!joiner && !(first && joined)) return text;
    const at = joiner ? joiner[0].length : 0;
    ID_AT.lastIndex = at;
    const id = ID_AT.exec(text)?.[0];
    if (id === undefined || !isDefinitionId(id)) return text;
    const after = text.slice(at + id.length);
    if (after !== '' && !/^[\s:：|｜—–、/／,，]/.test(after)) return text;
    const sep = SEPARATOR.exec(after);
    text = sep && !JOINER.test(after.trimStart()) ? after.slice(sep[0].length) : after.trimStart();
  }
}
