import type { Token } from 'markdown-it';
import { trimEndChars } from '../trimChars';

/** The block tokens of one top-level section of a simple document, and the line after it. */
export interface SimpleRun {
  readonly tokens: Token[];
  readonly next: number;
}

/**
 * A fast path for the block tokens of simple documents, which most PRDs are: ATX headings,
 * paragraphs, `- ` lists whose items are one line, and pipe tables, nothing indented. It yields
 * what markdown-it's block stage yields for them, as far as BlockReader reads tokens (type, level,
 * nesting, map, heading markup and tag, inline content), at a fraction of the cost: markdown-it
 * was a third of indexing time on a 10,000-document workspace. Any line outside that subset
 * (indentation, code, HTML, quotes, other bullets, numbered items, setext underlines, a line that
 * could continue a list item lazily…) makes it give up, and markdown-it reads from the start of
 * the run instead. A differential test compares the two on generated and CommonMark documents.
 *
 * It reads from `from` up to the next top-level ATX heading (after whatever blocks come first):
 * a section at a time, so a long PRD's tokens are read and dropped while they are young rather
 * than all held at once, which made garbage collection a third of a full parse. markdown-it
 * would read the text after such a heading the same way on its own: a heading ends any block,
 * and every block before it here was simple, so none (a fence, an HTML block) is still open.
 */
export function simpleBlockRun(lines: readonly string[], from: number, end: number): SimpleRun | undefined {
  // Joined with '\n', an empty last line is the final line break, not a line markdown-it counts;
  // nor does it count a last line of spaces and tabs with no line break after it.
  const to = end > from && isBlank(lines[end - 1]) ? end - 1 : end;
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const line = lines[i];
    if (isBlank(line)) { i++; continue; }
    const c = line.charCodeAt(0);
    if (c === HASH) {
      const heading = atx(line);
      if (!heading) return undefined;
      if (out.length) return { tokens: out, next: i };
      const map: [number, number] = [i, i + 1];
      const markup = MARKUP[heading.level];
      push(out, 'heading_open', `h${heading.level}`, 1, 0, map, markup);
      push(out, 'inline', '', 0, 1, map, '', heading.content);
      out.push(CLOSE.heading[heading.level]);
      i++;
    } else if (c === DASH) {
      const next = list(lines, i, to, out);
      if (next === undefined) return undefined;
      i = next;
    } else if (c === PIPE) {
      const next = table(lines, i, to, out);
      if (next === undefined) return undefined;
      i = next;
    } else {
      if (!paragraphStart(line)) return undefined;
      let last = i + 1;
      for (; last < to && !isBlank(lines[last]); last++) {
        const next = lines[last];
        const n = next.charCodeAt(0);
        if (n === HASH || n === DASH) break;
        if (!paragraphStart(next)) return undefined;
      }
      // A paragraph ends at a blank line, a heading or a list item; anything else was refused above.
      if (last < to && !isBlank(lines[last]) && (lines[last].charCodeAt(0) === HASH ? !atx(lines[last]) : !item(lines[last]))) return undefined;
      const map: [number, number] = [i, last];
      push(out, 'paragraph_open', 'p', 1, 0, map);
      push(out, 'inline', '', 0, 1, map, '', asciiTrim(last === i + 1 ? line : lines.slice(i, last).join('\n')));
      out.push(CLOSE.paragraph);
      i = last;
    }
  }
  return { tokens: out, next: end };
}

const MARKUP = ['', '#', '##', '###', '####', '#####', '######'];
const HASH = 35;
const DASH = 45;
const PIPE = 124;
const SPACE = 32;
const TAB = 9;

/** `- text`: one space after the dash, and text that opens no block of its own inside the item. */
const ITEM = /^- (?![-*+>#`~<|=_\s]|\d{1,9}[.)](?:\s|$))(.*[^ \t])[ \t]*$/;
/** `## Title`: the closing-hash form and empty headings are left to markdown-it. */
const ATX_OPEN = /^(#{1,6}) +/;
/** What may start (or continue) a paragraph line without meaning something else to CommonMark (`:` may open a table's delimiter row). */
const PLAIN = /^(?:\*\*[^*\s]|[^\s#\-*+>|:<`~=_[\\\d!&]|\d+(?![\d.)]))/;

/** Blank as markdown-it sees it: spaces and tabs only (an ideographic space is text). */
function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/** markdown-it trims block content of ASCII spaces and line breaks only: an ideographic space is kept. */
function asciiTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmed(text.charCodeAt(start))) start++;
  while (end > start && isTrimmed(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function isTrimmed(c: number): boolean {
  return c === SPACE || c === TAB || c === 10 || c === 13;
}

function atx(line: string): { level: number; content: string } | undefined {
  if (line.charCodeAt(0) !== HASH) return undefined;
  const open = ATX_OPEN.exec(line);
  if (!open) return undefined;
  // Found from the end rather than with `(.*[^# \t])[ \t]*$`, quadratic in a run of spaces.
  const rest = trimEndChars(line.slice(open[0].length), ' \t');
  if (rest === '' || rest.endsWith('#') || /[\r\u2028\u2029]/.test(rest)) return undefined;
  return { level: open[1].length, content: asciiTrim(rest) };
}

function item(line: string): string | undefined {
  return ITEM.exec(line)?.[1];
}

function paragraphStart(line: string): boolean {
  return PLAIN.test(line);
}

/** A tight or loose `- ` list of one-line items; returns the line after it (blank lines included, as markdown-it maps it). */
function list(lines: readonly string[], start: number, to: number, out: Token[]): number | undefined {
  const open = push(out, 'bullet_list_open', 'ul', 1, 0, [start, start], '-');
  let i = start;
  let text = item(lines[i]);
  if (text === undefined) return undefined;
  for (;;) {
    let next = i + 1;
    // The line right after an item: another item, a blank line or a heading (anything else would
    // continue the item lazily or nest in it).
    let following = next < to && !isBlank(lines[next]) ? item(lines[next]) : undefined;
    if (next < to && following === undefined && !isBlank(lines[next]) && !atx(lines[next])) return undefined;
    if (following === undefined) {
      while (next < to && isBlank(lines[next])) next++;
      if (next < to) following = item(lines[next]);
    }
    // An item runs to the next item, or to the block after the list, blank lines included.
    push(out, 'list_item_open', 'li', 1, 1, [i, next], '-');
    const map: [number, number] = [i, i + 1];
    push(out, 'paragraph_open', 'p', 1, 2, map);
    push(out, 'inline', '', 0, 3, map, '', text);
    out.push(CLOSE.itemParagraph, CLOSE.item);
    if (following === undefined) {
      open.map = [start, next];
      out.push(CLOSE.list);
      return next;
    }
    i = next;
    text = following;
  }
}

/** A pipe table whose rows all start with `|`, ending at a blank line, a heading or the end. */
function table(lines: readonly string[], start: number, to: number, out: Token[]): number | undefined {
  if (start + 1 >= to || !/^\|[^\n]*\|\s*$/.test(lines[start])) return undefined;
  const delimiter = lines[start + 1];
  if (!/^\|(?:\s*:?-+:?\s*\|)+\s*$/.test(delimiter)) return undefined;
  if (cells(lines[start]) !== cells(delimiter)) return undefined;
  let end = start + 2;
  while (end < to && lines[end].charCodeAt(0) === PIPE) end++;
  if (end < to && !isBlank(lines[end]) && !atx(lines[end])) return undefined;
  push(out, 'table_open', 'table', 1, 0, [start, end]);
  const head: [number, number] = [start, start + 1];
  push(out, 'thead_open', 'thead', 1, 1, head);
  push(out, 'tr_open', 'tr', 1, 2, head);
  out.push(CLOSE.row, CLOSE.head);
  if (end > start + 2) {
    push(out, 'tbody_open', 'tbody', 1, 1, [start + 2, end]);
    for (let r = start + 2; r < end; r++) {
      push(out, 'tr_open', 'tr', 1, 2, [r, r + 1]);
      out.push(CLOSE.row);
    }
    out.push(CLOSE.body);
  }
  out.push(CLOSE.table);
  return end;
}

/** Cells of a row that starts and ends with a pipe, escaped pipes and code spans aside (those rows go to markdown-it). */
function cells(row: string): number {
  if (row.includes('\\') || row.includes('`')) return -1;
  return row.trim().split('|').length - 2;
}

function token(type: string, tag: string, nesting: 1 | 0 | -1, level: number, map: [number, number] | null, markup = '', content = ''): Token {
  return { type, tag, nesting, level, map, markup, content } as unknown as Token;
}

/**
 * Closing tokens carry nothing of their own (no line map, no content), and BlockReader never
 * changes a token: one shared object of each kind serves every list, table and heading.
 */
const CLOSE = {
  heading: MARKUP.map((markup, level) => token('heading_close', `h${level}`, -1, 0, null, markup)),
  paragraph: token('paragraph_close', 'p', -1, 0, null),
  itemParagraph: token('paragraph_close', 'p', -1, 2, null),
  item: token('list_item_close', 'li', -1, 1, null, '-'),
  list: token('bullet_list_close', 'ul', -1, 0, null, '-'),
  row: token('tr_close', 'tr', -1, 2, null),
  head: token('thead_close', 'thead', -1, 1, null),
  body: token('tbody_close', 'tbody', -1, 1, null),
  table: token('table_close', 'table', -1, 0, null),
};

/**
 * A token with only the fields BlockReader reads: it is never rendered, and a long PRD makes tens
 * of thousands of them, whose size is most of the parse's garbage.
 */
function push(out: Token[], type: string, tag: string, nesting: 1 | 0 | -1, level: number, map: [number, number] | null, markup = '', content = ''): Token {
  const t = token(type, tag, nesting, level, map, markup, content);
  out.push(t);
  return t;
}
