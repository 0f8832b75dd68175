import type { OpenSection } from './markdown/blockReader';
import { bodyStartOf, reopenDef, shiftDef } from './markdown/blockReader';
import { headingOf } from './markdown/parsedObjects';
import { idRangeSlot, lineRangeSlot, samePacked, shiftPacked } from './packedRanges';
import { headingId } from './markdown/definitionForms';
import { DuplicateIds, mergeDefinitions } from './markdown/mergeDefinitions';
import type { Heading, IdToken, ParsedFile, RequirementDef } from './model';
import { readDirectives } from './directives';
import { bodyStart, documentContext, parsedDoc, readBody, readDocument, type ParseOptions, type ParseSink } from './parseMarkdown';
import { splitLines } from './text';
import { sameSpans } from './attributeSpans';
import type { Locale } from './types';

/** A document's parse together with the text and lines it was parsed from. */
export interface DocParse {
  readonly text: string;
  readonly lines: readonly string[];
  readonly parsed: ParsedFile;
  /** Lines where top-level blocks start: where a later re-parse may restart. */
  readonly blocks: readonly number[];
  /** The definitions as found, before mergeDefinitions: what a re-parse continues from. */
  readonly definitions: readonly RequirementDef[];
}

/** Parses a document from scratch, keeping its text and lines for a later reparseMarkdown. */
export function parseDoc(path: string, text: string, locale: Locale, options: ParseOptions): DocParse {
  return fullParse(path, text, splitLines(text), locale, options);
}

function fullParse(path: string, text: string, lines: readonly string[], locale: Locale, options: ParseOptions): DocParse {
  const duplicates = new DuplicateIds([]);
  const { parsed, sink } = readDocument(path, lines, locale, options, duplicates);
  const doc: DocParse = { text, lines, parsed, blocks: sink.blocks ?? [], definitions: sink.requirements };
  duplicatesOf.set(doc, duplicates);
  return doc;
}

const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const LIST_START = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * Parses a new version of a document, reusing the previous parse where the texts agree: the
 * editor re-validates the whole document on every keystroke, and re-parsing 2,000 requirements
 * each time cost tens of milliseconds. The result is the same as parseMarkdown's (a unit test
 * compares them over random edits).
 *
 * markdown-it's block parse from the start of a top-level block depends only on the text from
 * there, when nothing above can continue into it: the block follows a blank line (a paragraph
 * above has ended, and only the block's own line decides whether a list, quote or code block
 * goes on), or it is an ATX heading (which interrupts anything). The reader's only state there
 * is the chain of open headings, requirement headings included (reopened to be closed again).
 * The parse restarts at the last such block above the first changed line and stops at the first
 * top-level heading in the unchanged end that no requirement heading encloses and whose chain of
 * headings is what it was; from there the previous results apply, moved by the number of lines
 * added or removed. Definitions the window re-read unchanged are the previous objects again.
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
  if (fm ? same <= fm.endLine || fm.endLine === 0 : same <= 1 || opensWithFence) return fullParse(path, text, lines, locale, options);

  const { headings } = parsed;
  const defs = previous.definitions;
  const { cuts: isCut } = outline(previous);
  const body = bodyStart(fm);
  const start = restartLine(previous, same, body);
  const reopened = new Map<RequirementDef, RequirementDef>();
  const openStack = () => stackAt(previous, start, reopened);
  const kept = (): ParseSink => {
    const before = defs.slice(0, countBefore(defs, start));
    return {
      headings: headings.slice(0, countBefore(headings, start)),
      requirements: before,
      tokens: parsed.tokens.slice(0, countBefore(parsed.tokens, start)),
      blocks: previous.blocks.slice(0, countBefore(previous.blocks, start)),
    };
  };
  const withReopened = (sink: ParseSink): ParseSink => {
    for (let i = 0; i < sink.requirements.length; i++) sink.requirements[i] = reopened.get(sink.requirements[i]) ?? sink.requirements[i];
    return sink;
  };

  const delta = lines.length - old.length;
  const tailStart = old.length - tail;
  // Clean cuts of the previous parse in its unchanged end, by their line in the new text.
  const cuts = new Map<number, number>();
  for (let h = countBefore(headings, tailStart); h < headings.length; h++) if (isCut[h]) cuts.set(headings[h].line + delta, h);
  const stopAt = (line: number, now: readonly OpenSection[]) => {
    const h = cuts.get(line);
    return h !== undefined && sameChain(now, chainOf(previous, h).slice(0, -1).map((i) => headings[i]), headings[h].level);
  };
  const inContext = documentContext(path, fm, options);
  // Parse up to the first cut (markdown-it's cost is the window's length); if the new text does
  // not end its blocks there, parse to the end, still stopping at any later cut.
  let first = Infinity;
  for (const line of cuts.keys()) first = Math.min(first, line);
  let result: ParseSink | undefined;
  let stop = lines.length;
  if (first < Infinity) {
    const stack = openStack();
    result = withReopened(kept());
    // One line past the cut, so markdown-it sees whether a delimiter row makes it a table header.
    stop = readBody(path, lines, start, Math.min(lines.length, first + 2), stack, options, inContext, result, stopAt);
  }
  if (stop !== first || !result) {
    reopened.clear();
    const stack = openStack();
    result = withReopened(kept());
    stop = readBody(path, lines, start, lines.length, stack, options, inContext, result, stopAt);
  }
  // The window was read a line past the cut: block starts from the cut on are the old ones, moved.
  const blocks = result.blocks ?? [];
  while (blocks.length && blocks[blocks.length - 1] >= stop) blocks.pop();
  let from = start;
  for (const def of reopened.keys()) from = Math.min(from, def.line);
  keepUnchanged(result.requirements, countBefore(result.requirements, from), defs, same, delta, tailStart);
  // The definitions from `start` to the old `stop` were replaced by those the window read.
  const keptBefore = countBefore(defs, start);
  const keptAfter = stop < lines.length ? defs.length - countBefore(defs, stop - delta) : 0;
  if (stop < lines.length) appendMoved(result, previous, stop - delta, delta);
  const found = result.requirements;
  const duplicates = takeDuplicates(previous);
  const window: Window = { before: keptBefore, after: keptAfter, start, stop: stop - delta };
  const changedAbove = delta === 0 ? changedOnce(previous, found, window, duplicates) : undefined;
  for (let i = keptBefore; i < defs.length - keptAfter; i++) duplicates.remove(defs[i].id);
  for (let i = keptBefore; i < found.length - keptAfter; i++) duplicates.add(found[i].id);
  const merged = (changedAbove && mergedInPlace(previous, found, window, duplicates, changedAbove)) ?? mergeDefinitions(found, duplicates);
  // Most documents have no HTML comment at all: one substring search of the text says so.
  const directives = text.includes('<!--') ? readDirectives(lines, bodyStart(fm)) : undefined;
  const doc: DocParse = { text, lines, parsed: parsedDoc(path, lines.length, fm, result, options, merged, directives), blocks: result.blocks ?? [], definitions: found };
  duplicatesOf.set(doc, duplicates);
  return doc;
}

/** The definitions a re-parse kept before and after its window, and the window's lines in the old text. */
interface Window {
  readonly before: number;
  readonly after: number;
  readonly start: number;
  readonly stop: number;
}

/**
 * Where the definitions above the window changed (a requirement heading whose body was edited is
 * closed anew), when neither they nor the old window's definitions have an ID defined twice;
 * undefined otherwise. Asked before the duplicate counts take in the window.
 */
function changedOnce(previous: DocParse, found: readonly RequirementDef[], window: Window, duplicates: DuplicateIds): number[] | undefined {
  const defs = previous.definitions;
  const twice = duplicates.ids;
  const changed: number[] = [];
  for (let i = 0; i < window.before; i++) {
    if (found[i] === defs[i]) continue;
    if (twice.has(defs[i].id)) return undefined;
    changed.push(i);
  }
  for (let i = window.before; i < defs.length - window.after; i++) if (twice.has(defs[i].id)) return undefined;
  return changed;
}

/**
 * The merged definitions of a re-parse that moved no line, worked out from the previous ones:
 * the window's definitions replace the old window's, and the definitions re-closed above it
 * replace their old selves. Only when no ID involved is defined twice (see changedOnce, and the
 * window's new IDs are checked here); mergeDefinitions gives the same list walking every
 * definition. undefined when it must.
 */
function mergedInPlace(previous: DocParse, found: readonly RequirementDef[], window: Window, duplicates: DuplicateIds, changedAbove: readonly number[]): RequirementDef[] | undefined {
  const { before, after } = window;
  for (let i = before; i < found.length - after; i++) if (duplicates.ids.has(found[i].id)) return undefined;
  const defs = previous.definitions;
  const old = previous.parsed.requirements;
  const out = old.slice(0, countBefore(old, window.start));
  // Merging keeps each definition where it was found, so the old list is in line order too.
  for (const i of changedAbove) {
    const at = out.indexOf(defs[i], countBefore(out, defs[i].line));
    if (at < 0) return undefined;
    out[at] = found[i];
  }
  for (let i = before; i < found.length - after; i++) out.push(found[i]);
  for (let i = countBefore(old, window.stop); i < old.length; i++) out.push(old[i]);
  return out;
}

const duplicatesOf = new WeakMap<DocParse, DuplicateIds>();

/**
 * The duplicate IDs of a parse, handed on to the re-parse that replaces it (the counts are then
 * changed in place); counted afresh when there are none to take.
 */
function takeDuplicates(doc: DocParse): DuplicateIds {
  const known = duplicatesOf.get(doc);
  duplicatesOf.delete(doc);
  return known ?? new DuplicateIds(doc.definitions);
}

/**
 * Where a re-parse may start: the last top-level block above the first changed line that follows
 * a blank line, or an ATX heading no requirement heading encloses, whose line and the next are
 * unchanged (a delimiter row below a heading line would make it a table header). Inside a Kiro
 * requirement only at a heading: criteria numbering is not carried across a restart.
 */
function restartLine(previous: DocParse, same: number, body: number): number {
  const { headings } = previous.parsed;
  const { cuts } = outline(previous);
  let h = countBefore(headings, same - 1) - 1;
  while (h >= 0 && !cuts[h]) h--;
  const heading = h >= 0 ? headings[h].line : body;
  const { blocks, lines } = previous;
  for (let b = countBefore(blocks, same - 1) - 1; b >= 0 && blocks[b] > heading; b--) {
    const line = blocks[b];
    if (line > body && lines[line - 1].trim() === '' && !insideNumbered(previous, line) && !readAsAttributes(previous, line, blocks[b - 1] ?? body)) return line;
  }
  return heading;
}

/**
 * True when the block at `line` may belong to a definition above it: the block right after a
 * requirement heading or bold paragraph (in the block before, `prev`) is read as its attribute
 * list when every item of it is `Key: value`, which an edit further down the list can change;
 * and the head of an open requirement heading's body. Re-read alone, it would be a plain list.
 */
function readAsAttributes(previous: DocParse, line: number, prev: number): boolean {
  const defs = previous.definitions;
  if (LIST_START.test(previous.lines[line])) {
    for (let i = countBefore(defs, prev); i < defs.length && defs[i].line < line; i++) {
      if (defs[i].form === 'heading' || defs[i].form === 'paragraph') return true;
    }
  }
  const { headings } = previous.parsed;
  const h = countBefore(headings, line) - 1;
  if (h < 0) return false;
  return chainOf(previous, h).some((i) => {
    if (headings[i].requirementId === undefined) return false;
    const def = headingDef(defs, headings[i].line);
    return def !== undefined && bodyStartOf(def) > line;
  });
}

/** The requirement a heading on `line` defines. */
function headingDef(defs: readonly RequirementDef[], line: number): RequirementDef | undefined {
  for (let i = countBefore(defs, line); i < defs.length && defs[i].line === line; i++) if (defs[i].form === 'heading') return defs[i];
  return undefined;
}

/** True inside a Kiro `Requirement N` (whose criteria are numbered on through its body). */
function insideNumbered(previous: DocParse, line: number): boolean {
  const { headings } = previous.parsed;
  const h = countBefore(headings, line) - 1;
  if (h < 0) return false;
  return chainOf(previous, h).some((i) => headings[i].requirementId !== undefined && headingId(headings[i].text)?.form === 'numbered');
}

/**
 * The open headings at `line` as the reader would have them: every heading above whose section
 * has not ended, requirement headings reopened (recorded in `reopened`, old → open copy) so the
 * reader closes them with their new end.
 */
function stackAt(previous: DocParse, line: number, reopened: Map<RequirementDef, RequirementDef>): OpenSection[] {
  const { headings } = previous.parsed;
  const h = countBefore(headings, line) - 1;
  if (h < 0) return [];
  const defs = previous.definitions;
  return chainOf(previous, h).map((i): OpenSection => {
    const heading = headings[i];
    const section: OpenSection = { level: heading.level, text: heading.text };
    if (heading.requirementId === undefined) return section;
    const def = headingDef(defs, heading.line);
    if (!def) return section;
    const open = reopenDef(def);
    reopened.set(def, open);
    return { ...section, def: open, bodyFrom: bodyStartOf(def) };
  });
}

interface Outline {
  /** Per heading, the index of the nearest heading above it of a smaller level (its parent), or -1. */
  readonly parents: Int32Array;
  /** Per heading: 1 for a top-level ATX heading that no requirement heading encloses, a place to restart or stop. */
  readonly cuts: Uint8Array;
}

const outlines = new WeakMap<DocParse, Outline>();

/**
 * The outline of a parse, worked out in one pass into two typed arrays: every keystroke's
 * re-parse builds it for the new text, so it allocates nothing per heading.
 */
function outline(doc: DocParse): Outline {
  let known = outlines.get(doc);
  if (known) return known;
  const { headings } = doc.parsed;
  const parents = new Int32Array(headings.length);
  const cuts = new Uint8Array(headings.length);
  // Per heading, whether it or a heading enclosing it defines a requirement.
  const underRequirement = new Uint8Array(headings.length);
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    let p = i - 1;
    while (p >= 0 && headings[p].level >= h.level) p = parents[p];
    parents[i] = p;
    const enclosed = p >= 0 && underRequirement[p] === 1;
    underRequirement[i] = enclosed || h.requirementId !== undefined ? 1 : 0;
    cuts[i] = !h.nested && !enclosed && isAtx(doc.lines[h.line]) ? 1 : 0;
  }
  outlines.set(doc, (known = { parents, cuts }));
  return known;
}

/** Heading `h` and the headings enclosing it, outermost first. */
function chainOf(doc: DocParse, h: number): number[] {
  const { parents } = outline(doc);
  const chain: number[] = [];
  for (let i = h; i >= 0; i = parents[i]) chain.push(i);
  return chain.reverse();
}

/** An ATX heading line (a setext heading's text may start with `#` too: `#5\n===`). */
function isAtx(line: string): boolean {
  const c = line.charCodeAt(0);
  return (c === 35 || c === 32) && ATX.test(line);
}

/** True when the sections still open below `level` are the same plain headings as in `chain`. */
function sameChain(now: readonly OpenSection[], chain: readonly Heading[], level: number): boolean {
  const open = now.filter((s) => s.level < level);
  return open.length === chain.length && open.every((s, i) => !s.def && s.level === chain[i].level && s.text === chain[i].text);
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

/**
 * Puts the previous parse's objects back where the re-parse found the same definitions (the rows
 * of a table above the change, a requirement below it): validation results, merged definitions
 * and the index key on those objects, so a keystroke costs only what it changed. A definition
 * between the first changed line and the unchanged end has no counterpart; one moved by the edit
 * is the old one, moved.
 */
function keepUnchanged(defs: RequirementDef[], from: number, previous: readonly RequirementDef[], same: number, delta: number, tailStart: number): void {
  for (let i = from; i < defs.length; i++) {
    const d = defs[i];
    const oldLine = d.line < same ? d.line : d.line - delta;
    if (d.line >= same && oldLine < tailStart) continue;
    for (let j = countBefore(previous, oldLine); j < previous.length && previous[j].line === oldLine; j++) {
      const old = previous[j];
      if (!sameDefinition(old, d, d.line - old.line)) continue;
      defs[i] = d.line === old.line ? old : shiftDef(old, d.line - old.line);
      break;
    }
  }
}

/** True when `b` is definition `a`, `delta` lines further down. */
function sameDefinition(a: RequirementDef, b: RequirementDef, delta: number): boolean {
  return a.id === b.id && a.title === b.title && a.form === b.form && a.endLine + delta === b.endLine && a.excerpt === b.excerpt
    && a.section === b.section && a.scope === b.scope && samePacked(idRangeSlot(a), a.line, idRangeSlot(b), b.line, delta) && samePacked(lineRangeSlot(a), a.line, lineRangeSlot(b), b.line, delta)
    && (a.tableHeaderLine === undefined ? b.tableHeaderLine === undefined : a.tableHeaderLine + delta === b.tableHeaderLine)
    && a.traces.length === b.traces.length && a.traces.every((t, i) => t === b.traces[i])
    && sameRecord(a.attributes, b.attributes) && sameSpans(a, b, delta)
    // Where the body starts decides a later excerpt, though this one may read the same.
    && (a.form !== 'heading' || bodyStartOf(a) + delta === bodyStartOf(b));
}

function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Appends the old parse's items (and block starts) from line `from` on, moved `delta` lines. */
function appendMoved(out: ParseSink, previous: DocParse, from: number, delta: number): void {
  const { parsed, blocks } = previous;
  for (let b = countBefore(blocks, from); b < blocks.length; b++) out.blocks?.push(blocks[b] + delta);
  const all = previous.definitions;
  const defs = all.slice(countBefore(all, from));
  const headings = parsed.headings.slice(countBefore(parsed.headings, from));
  const tokens = parsed.tokens.slice(countBefore(parsed.tokens, from));
  if (delta === 0) {
    // One by one: spreading a long list into push() overflows the stack (a line of 200,000 IDs).
    for (const d of defs) out.requirements.push(d);
    for (const h of headings) out.headings.push(h);
    for (const t of tokens) out.tokens.push(t);
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
  const nested = h.nested === true;
  return h.requirementId !== undefined && def
    ? headingOf(h.line + delta, h.level, h.text, lineRangeSlot(def), h.requirementId, nested)
    : headingOf(h.line + delta, h.level, h.text, shiftPacked(lineRangeSlot(h), delta), undefined, nested);
}

function moveToken(t: IdToken, delta: number): IdToken {
  return { id: t.id, line: t.line + delta, start: t.start, end: t.end, ...(t.inTraces ? { inTraces: t.inTraces } : {}), ...(t.inCode ? { inCode: t.inCode } : {}) };
}
