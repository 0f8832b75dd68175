import type { Heading, IdToken, ParsedFile, RequirementDef } from './model';
import { parseBody, parsedDoc, parseMarkdownLines, shiftDef, shiftRange, type ParseSink, type PrefixPolicy } from './parseMarkdown';
import { splitLines } from './text';
import type { Locale } from './types';

/** A document's parse together with the text and lines it was parsed from. */
export interface DocParse {
  readonly text: string;
  readonly lines: readonly string[];
  readonly parsed: ParsedFile;
}

/** Parses a document from scratch, keeping its text and lines for a later reparseMarkdown. */
export function parseDoc(path: string, text: string, locale: Locale, definesPrefix: PrefixPolicy): DocParse {
  const lines = splitLines(text);
  return { text, lines, parsed: parseMarkdownLines(path, lines, locale, definesPrefix) };
}

/**
 * Parses a new version of a document, reusing the previous parse where the texts agree: the
 * editor re-validates the whole document on every keystroke, and re-parsing 2,000 requirements
 * each time cost tens of milliseconds. The result is the same as parseMarkdown's (a unit test
 * compares them over random edits).
 *
 * Between blocks the parser's only state is the enclosing section, so the places where it is
 * between blocks (a heading it reached, the first line of a requirements table, the line after
 * one) are safe to start or stop at. The parse restarts at the last such place above the first
 * changed line and stops at the first one in the unchanged end of the text that was also one in
 * the previous parse, under the same section; from there the old results apply, moved by the
 * number of lines added or removed.
 */
export function reparseMarkdown(previous: DocParse, path: string, text: string, locale: Locale, definesPrefix: PrefixPolicy): DocParse {
  const { lines, same, tail } = diffLines(previous, text);
  const old = previous.lines;
  const { parsed } = previous;
  const fm = parsed.frontMatter;
  // An edit in the front matter, in a first line that could start one, or anywhere below an
  // unclosed one (any later `---` would close it) can change everything below.
  if (fm ? same <= fm.endLine || fm.endLine === 0 : same === 0) return { text, lines, parsed: parseMarkdownLines(path, lines, locale, definesPrefix) };

  const { headings, requirements } = parsed;
  // Restart at the last heading above the first changed line (its own line unchanged, so nothing
  // above it reads differently), or at a requirements table between that heading and the change.
  const k = countBefore(headings, same) - 1;
  let start = k >= 0 ? { line: headings[k].line, section: sectionAt(headings, k) } : { line: fm ? fm.endLine + 1 : 0, section: undefined as string | undefined };
  for (const table of tables(requirements, old, countBefore(requirements, start.line), same)) {
    // A table starts again only if its header and delimiter rows are unchanged; it ends at the same line if that line is.
    if (table.header + 2 <= same && table.header > start.line) start = { line: table.header, section: table.section };
    if (table.end + 1 <= same && table.end > start.line) start = { line: table.end, section: table.section };
  }
  const out: ParseSink = {
    headings: headings.slice(0, countBefore(headings, start.line)),
    requirements: requirements.slice(0, countBefore(requirements, start.line)),
    tokens: parsed.tokens.slice(0, countBefore(parsed.tokens, start.line)),
  };

  const delta = lines.length - old.length;
  const tailStart = lines.length - tail;
  let tableEnds: Map<number, string | undefined> | undefined;
  const stop = parseBody(path, lines, start.line, start.section, definesPrefix, out, (i, current) => {
    if (i < tailStart) return false;
    const j = i - delta;
    const h = countBefore(headings, j);
    if (headings[h]?.line === j) return sectionAt(headings, h) === current;
    tableEnds ??= new Map(tables(requirements, old, countBefore(requirements, old.length - tail - 1), old.length).map((t) => [t.end, t.section]));
    return tableEnds.has(j) && tableEnds.get(j) === current;
  });
  if (stop < lines.length) appendMoved(out, parsed, stop - delta, delta);
  return { text, lines, parsed: parsedDoc(path, lines.length, fm, out) };
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

/** The section a heading was reached under: the text of the last plain heading above it. */
function sectionAt(headings: readonly Heading[], k: number): string | undefined {
  for (let h = k - 1; h >= 0; h--) if (!headings[h].requirementId) return headings[h].text;
  return undefined;
}

/**
 * Requirements tables with a definition at index `from` or later, on a line before `until`:
 * header line, the line after their last row, and their section.
 */
function tables(defs: readonly RequirementDef[], lines: readonly string[], from: number, until: number): { header: number; end: number; section: string | undefined }[] {
  const out: { header: number; end: number; section: string | undefined }[] = [];
  for (let i = from; i < defs.length && defs[i].line < until; i++) {
    const header = defs[i].tableHeaderLine;
    if (header === undefined || (i > from && defs[i - 1].tableHeaderLine === header)) continue;
    // Rows without a valid ID belong to the table too: it ends at the first line without a pipe.
    let end = header + 2;
    while (end < lines.length && lines[end].includes('|') && lines[end].trim() !== '') end++;
    out.push({ header, end, section: defs[i].section });
  }
  return out;
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
  const defs = parsed.requirements.slice(countBefore(parsed.requirements, from));
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
  return h.requirementId !== undefined && def
    ? { line: h.line + delta, level: h.level, text: h.text, range: def.range, requirementId: h.requirementId }
    : { line: h.line + delta, level: h.level, text: h.text, range: shiftRange(h.range, delta) };
}

function moveToken(t: IdToken, delta: number): IdToken {
  return { id: t.id, line: t.line + delta, start: t.start, end: t.end, ...(t.inTraces ? { inTraces: t.inTraces } : {}) };
}
