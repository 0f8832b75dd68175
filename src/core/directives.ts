import { blockTokens } from './markdown/blockTokens';

/**
 * The suppression comments Specboard reads, markdownlint's subset that makes sense for it:
 * `disable`/`enable` (from the comment's line on), `disable-line`, `disable-next-line`,
 * `disable-file` (the whole file, wherever it stands) and `capture`/`restore`.
 */
export const DIRECTIVE_KINDS = ['disable', 'enable', 'disable-line', 'disable-next-line', 'disable-file', 'capture', 'restore'] as const;

export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number];

/** A rule named in a directive, as written (lower-cased), with its place on the line. */
export interface DirectiveRule {
  readonly rule: string;
  readonly start: number;
  readonly end: number;
}

/** One `<!-- specboard-... -->` comment of a document's body. */
export interface Directive {
  readonly kind: DirectiveKind;
  readonly line: number;
  /** Where the comment starts (`<!--`) and ends (after `-->`) on its line. */
  readonly start: number;
  readonly end: number;
  /** The rules it names; none means every rule a comment can suppress. */
  readonly rules: readonly DirectiveRule[];
  /** True when nothing but spaces surrounds the comment on its line (removing it removes the line). */
  readonly alone: boolean;
}

// The longer names first, so `disable` does not take the start of `disable-next-line`.
const KINDS_LONGEST_FIRST = [...DIRECTIVE_KINDS].sort((x, y) => y.length - x.length);
const RULE = /[^\s,]+/g;
const PREFIX = 'specboard-';

/**
 * The directives of `lines[from..]` (`from` is the first body line: front matter holds none).
 * A comment must sit on one line, and one inside a code block, a code fence or an inline code span
 * is an example, not a directive. Lines are checked with a substring test first; only a document
 * that has a candidate pays for finding its code blocks.
 */
export function readDirectives(lines: readonly string[], from: number): readonly Directive[] | undefined {
  const candidates: number[] = [];
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line.includes('<!--') && /specboard-/i.test(line)) candidates.push(i);
  }
  if (candidates.length === 0) return undefined;
  // markdown-it's block stage over the whole document again costs as much as the parse itself, on
  // every keystroke; most documents with a directive have no line that could be code.
  const code: ReadonlySet<number> = mayBeCode(lines, from, candidates) ? codeLines(lines, from) : NO_LINES;
  const out: Directive[] = [];
  for (const i of candidates) {
    if (code.has(i)) continue;
    const line = lines[i];
    // Comment by comment with indexOf, never a pattern that rescans the line from every `<!--`.
    for (let open = line.indexOf('<!--'); open >= 0; open = line.indexOf('<!--', open + 4)) {
      const close = line.indexOf('-->', open + 4);
      if (close < 0) break; // No comment after this one closes on this line either.
      const directive = readDirective(line, i, open, close);
      if (directive && !inCodeSpan(line, open)) out.push(directive);
      open = close - 1;
    }
  }
  return out.length ? out : undefined;
}

/** The directive of the comment `line[open..close+3)`, or undefined for any other comment. */
function readDirective(line: string, lineNo: number, open: number, close: number): Directive | undefined {
  let at = open + 4;
  while (at < close && isSpace(line.charCodeAt(at))) at++;
  if (line.slice(at, at + PREFIX.length).toLowerCase() !== PREFIX) return undefined;
  at += PREFIX.length;
  const word = line.slice(at, close).toLowerCase();
  const kind = KINDS_LONGEST_FIRST.find((k) => word.startsWith(k) && (word.length === k.length || isSpace(word.charCodeAt(k.length))));
  if (!kind) return undefined;
  const argsAt = at + kind.length;
  const rules: DirectiveRule[] = [];
  for (const r of line.slice(argsAt, close).matchAll(RULE)) rules.push({ rule: r[0].toLowerCase(), start: argsAt + r.index, end: argsAt + r.index + r[0].length });
  const end = close + 3;
  const alone = line.slice(0, open).trim() === '' && line.slice(end).trim() === '';
  return { kind, line: lineNo, start: open, end, rules, alone };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
}

const NO_LINES: ReadonlySet<number> = new Set();

/** Characters of the quote marks, list markers and spaces that may stand before a fence. */
const BEFORE_FENCE = new Set([...' \t>-*+.)0123456789']);

/** True for a line a code fence could open on: ``` or ~~~ after quote marks, list markers and spaces. */
function fenceLike(line: string): boolean {
  let i = 0;
  while (i < line.length && BEFORE_FENCE.has(line[i])) i++;
  return line.startsWith('```', i) || line.startsWith('~~~', i);
}
/** Before the comment: what an indented code block needs (4 columns, a tab) or a quote that could hold one. */
const INDENT_LIKE = /\t| {4}|>/;

/**
 * False when no candidate line can be inside a code block, so markdown-it need not say which lines
 * are. A superset of CommonMark's conditions, never a subset: a fenced block needs an opening
 * fence on an earlier line (or its own: a comment in the info string); an indented one needs four columns of indentation (or a tab) before
 * the text, within a quote or a list item too. test/unit/suppressions.test.ts checks the claim
 * against markdown-it on the CommonMark examples.
 */
export function mayBeCode(lines: readonly string[], from: number, candidates: readonly number[]): boolean {
  for (const i of candidates) {
    const line = lines[i];
    if (INDENT_LIKE.test(line.slice(0, line.indexOf('<!--')))) return true;
  }
  const last = candidates[candidates.length - 1];
  for (let i = from; i <= last; i++) {
    const line = lines[i];
    if ((line.includes('```') || line.includes('~~~')) && fenceLike(line)) return true;
  }
  return false;
}

/** Lines of fenced and indented code blocks, as markdown-it reads them. */
export function codeLines(lines: readonly string[], from: number): Set<number> {
  const out = new Set<number>();
  for (const t of blockTokens(lines, from, lines.length)) {
    if ((t.type === 'fence' || t.type === 'code_block') && t.map) for (let i = t.map[0]; i < t.map[1]; i++) out.add(i);
  }
  return out;
}

/** True when `offset` lies inside a backtick code span of `line` (a run of n backticks closed by n). */
function inCodeSpan(line: string, offset: number): boolean {
  let i = 0;
  while (i < line.length && i < offset) {
    if (line[i] !== '`') { i++; continue; }
    let n = 0;
    while (line[i + n] === '`') n++;
    const open = i;
    i += n;
    // The closing run: exactly n backticks.
    let close = -1;
    for (let j = i; j < line.length;) {
      if (line[j] !== '`') { j++; continue; }
      let k = 0;
      while (line[j + k] === '`') k++;
      if (k === n) { close = j; break; }
      j += k;
    }
    if (close < 0) continue; // An unmatched run is literal text.
    if (open < offset && offset < close) return true;
    i = close + n;
  }
  return false;
}
