import type { OpenSection } from './markdown/blockReader';
import { shiftDef, shiftRange } from './markdown/blockReader';
import { sectionKind } from './markdown/requirementContext';
import type { Heading, IdToken, ParsedFile, RequirementDef } from './model';
import { bodyStart, documentContext, parsedDefinitions, parsedDoc, parseMarkdownLines, readBody, type ParseOptions, type ParseSink } from './parseMarkdown';
import { splitLines } from './text';
import type { Locale } from './types';

/** A document's parse together with the text and lines it was parsed from. */
export interface DocParse {
  readonly text: string;
  readonly lines: readonly string[];
  readonly parsed: ParsedFile;
}

/** Parses a document from scratch, keeping its text and lines for a later reparseMarkdown. */
export function parseDoc(path: string, text: string, locale: Locale, options: ParseOptions): DocParse {
  const lines = splitLines(text);
  return { text, lines, parsed: parseMarkdownLines(path, lines, locale, options) };
}

const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * Parses a new version of a document, reusing the previous parse where the texts agree: the
 * editor re-validates the whole document on every keystroke, and re-parsing 2,000 requirements
 * each time cost tens of milliseconds. The result is the same as parseMarkdown's (a unit test
 * compares them over random edits).
 *
 * A top-level ATX heading that no requirement heading encloses is a clean cut: every block above
 * it has ended whatever follows (an ATX heading interrupts any paragraph, and only its own line
 * decides whether a list or quote goes on), markdown-it's block parse from there depends on the
 * text below alone, and the only state carried across is the chain of enclosing headings. The
 * parse restarts at the last clean heading above the first changed line and stops at the first
 * clean heading in the unchanged end whose chain of enclosing headings is what it was; from there
 * the previous results apply, moved by the number of lines added or removed.
 */
export function reparseMarkdown(previous: DocParse, path: string, text: string, locale: Locale, options: ParseOptions): DocParse {
  const { lines, same, tail } = diffLines(previous, text);
  const old = previous.lines;
  const { parsed } = previous;
  const fm = parsed.frontMatter;
  // An edit in the front matter, in the first two lines (a `---` and a `key:` start one), or
  // anywhere below an unclosed one (any later `---` would close it) can change everything below.
  // A document opening with `---` but no front matter gains one when any later line becomes `---`.
  const opensWithFence = !fm && /^---\s*$/.test(lines[0] ?? '');
  if (fm ? same <= fm.endLine || fm.endLine === 0 : same <= 1 || opensWithFence) return { text, lines, parsed: parseMarkdownLines(path, lines, locale, options) };

  const { headings } = parsed;
  // The line after the restart heading must be unchanged too: a table's delimiter row there would
  // make the heading line a table header (markdown-it tries tables first), reopening what it closed.
  let restart = countBefore(headings, same - 1) - 1;
  while (restart >= 0 && !isCut(headings, restart, old)) restart--;
  const start = restart >= 0 ? headings[restart].line : bodyStart(fm);
  const out: ParseSink = {
    headings: headings.slice(0, countBefore(headings, start)),
    requirements: parsedDefinitions(parsed).slice(0, countBefore(parsedDefinitions(parsed), start)),
    tokens: parsed.tokens.slice(0, countBefore(parsed.tokens, start)),
  };

  const delta = lines.length - old.length;
  const tailStart = old.length - tail;
  // Clean cuts of the previous parse in its unchanged end, by their line in the new text.
  const cuts = new Map<number, number>();
  for (let h = countBefore(headings, tailStart); h < headings.length; h++) if (isCut(headings, h, old)) cuts.set(headings[h].line + delta, h);
  const stopAt = (line: number, now: readonly OpenSection[]) => {
    const h = cuts.get(line);
    return h !== undefined && sameChain(now, chainAt(headings, h), headings[h].level);
  };
  const inContext = documentContext(path, fm, options);
  const openStack = () => (restart >= 0 ? chainAt(headings, restart).map(openSection) : []);
  // Parse up to the first cut (markdown-it's cost is the window's length); if the new text does
  // not end its blocks there, parse to the end, still stopping at any later cut.
  let first = Infinity;
  for (const line of cuts.keys()) first = Math.min(first, line);
  let result = out;
  let stop = lines.length;
  if (first < Infinity) {
    result = copySink(out);
    // One line past the cut, so markdown-it sees whether a delimiter row makes it a table header.
    stop = readBody(path, lines, start, Math.min(lines.length, first + 2), openStack(), options, inContext, result, stopAt);
  }
  if (stop !== first) {
    result = out;
    stop = readBody(path, lines, start, lines.length, openStack(), options, inContext, result, stopAt);
  }
  if (stop < lines.length) appendMoved(result, parsed, stop - delta, delta);
  return { text, lines, parsed: parsedDoc(path, lines.length, fm, result, options) };
}

/** A top-level ATX heading that no requirement heading encloses: a place to restart or stop. */
function isCut(headings: readonly Heading[], h: number, lines: readonly string[]): boolean {
  const heading = headings[h];
  return !heading.nested && ATX.test(lines[heading.line]) && !chainAt(headings, h).some((x) => x.requirementId !== undefined);
}

/** The headings that enclose heading `h`: the nearest heading above of each smaller level. */
function chainAt(headings: readonly Heading[], h: number): Heading[] {
  const chain: Heading[] = [];
  let level = h >= 0 ? headings[h].level : 0;
  for (let i = h - 1; i >= 0 && level > 1; i--) {
    if (headings[i].level < level) {
      chain.unshift(headings[i]);
      level = headings[i].level;
    }
  }
  return chain;
}

function openSection(h: Heading): OpenSection {
  return { level: h.level, text: h.text, kind: sectionKind(h.text) };
}

/** True when the sections still open below `level` are the same plain headings as in `chain`. */
function sameChain(now: readonly OpenSection[], chain: readonly Heading[], level: number): boolean {
  const open = now.filter((s) => s.level < level);
  return open.length === chain.length && open.every((s, i) => !s.def && s.level === chain[i].level && s.text === chain[i].text);
}

function copySink(sink: ParseSink): ParseSink {
  return { headings: [...sink.headings], requirements: [...sink.requirements], tokens: [...sink.tokens] };
}

/**
 * The new text's lines, with how many lines at its start and end are unchanged (lower bounds).
 * For text with only \n line breaks the old lines are reused and only the changed ones split.
 */
function diffLines(previous: DocParse, text: string): { lines: readonly string[]; same: number; tail: number } {
  const old = previous.lines;
  const before = previous.text;
  const p = commonPrefix(before, text);
  const s = commonSuffix(before, text, Math.min(before.length, text.length) - p);
  const starts = lineStarts(previous);
  if (starts) {
    const a = countBefore(starts, p + 1) - 1;
    const b = countBefore(starts, before.length - s + 1) - 1;
    const oldEnd = starts[b] + old[b].length;
    const middle = text.slice(starts[a], oldEnd + text.length - before.length);
    if (!middle.includes('\r')) return { lines: old.slice(0, a).concat(middle.split('\n'), old.slice(b + 1)), same: a, tail: old.length - b - 1 };
  }
  const lines = splitLines(text);
  const shortest = Math.min(old.length, lines.length);
  let same = 0;
  while (same < shortest && old[same] === lines[same]) same++;
  let tail = 0;
  while (tail < shortest - same && old[old.length - 1 - tail] === lines[lines.length - 1 - tail]) tail++;
  return { lines, same, tail };
}

const startsOf = new WeakMap<DocParse, number[] | null>();

/** Offsets of the lines of a text whose only line breaks are \n; null for other texts. */
function lineStarts(doc: DocParse): number[] | null {
  let starts = startsOf.get(doc);
  if (starts === undefined) {
    starts = doc.text.includes('\r') ? null : [0];
    if (starts) for (let i = 0; i + 1 < doc.lines.length; i++) starts.push(starts[i] + doc.lines[i].length + 1);
    startsOf.set(doc, starts);
  }
  return starts;
}

/** Length of the common start of two strings, compared in chunks (their contents compare natively). */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (const step of [8192, 512, 32, 1]) while (i + step <= n && a.slice(i, i + step) === b.slice(i, i + step)) i += step;
  return i;
}

/** Length of the common end of two strings, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  for (const step of [8192, 512, 32, 1]) {
    while (i + step <= max && a.slice(a.length - i - step, a.length - i) === b.slice(b.length - i - step, b.length - i)) i += step;
  }
  return i;
}

/** How many items (in line order) are on lines before `line`; also works on a sorted number list. */
function countBefore(items: readonly ({ readonly line: number } | number)[], line: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if ((typeof item === 'number' ? item : item.line) < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Appends the old parse's items from line `from` on, moved `delta` lines. */
function appendMoved(out: ParseSink, parsed: ParsedFile, from: number, delta: number): void {
  const all = parsedDefinitions(parsed);
  const defs = all.slice(countBefore(all, from));
  const headings = parsed.headings.slice(countBefore(parsed.headings, from));
  const tokens = parsed.tokens.slice(countBefore(parsed.tokens, from));
  if (delta === 0) {
    out.requirements.push(...defs);
    out.headings.push(...headings);
    out.tokens.push(...tokens);
    return;
  }
  const movedDefs = new Map<number, RequirementDef>();
  for (const def of defs) {
    const moved = shiftDef(def, delta);
    movedDefs.set(def.line, moved);
    out.requirements.push(moved);
  }
  for (const h of headings) out.headings.push(moveHeading(h, delta, movedDefs.get(h.line)));
  for (const t of tokens) out.tokens.push(moveToken(t, delta));
}

function moveHeading(h: Heading, delta: number, def: RequirementDef | undefined): Heading {
  const nested = h.nested ? { nested: true } : {};
  return h.requirementId !== undefined && def
    ? { line: h.line + delta, level: h.level, text: h.text, range: def.range, requirementId: h.requirementId, ...nested }
    : { line: h.line + delta, level: h.level, text: h.text, range: shiftRange(h.range, delta), ...nested };
}

function moveToken(t: IdToken, delta: number): IdToken {
  return { id: t.id, line: t.line + delta, start: t.start, end: t.end, ...(t.inTraces ? { inTraces: t.inTraces } : {}), ...(t.inCode ? { inCode: t.inCode } : {}) };
}
