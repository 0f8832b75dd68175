import type { Heading, IdToken, ParsedFile, RequirementDef } from './model';
import { parseBody, parsedDoc, parseMarkdownLines, shiftDef, shiftRange, type ParseSink, type PrefixPolicy } from './parseMarkdown';
import { splitLines } from './text';
import type { Locale } from './types';

/** A document's parse together with the lines it was parsed from. */
export interface DocParse {
  readonly lines: readonly string[];
  readonly parsed: ParsedFile;
}

/** Parses a document from scratch, keeping its lines for a later reparseMarkdown. */
export function parseDoc(path: string, text: string, locale: Locale, definesPrefix: PrefixPolicy): DocParse {
  const lines = splitLines(text);
  return { lines, parsed: parseMarkdownLines(path, lines, locale, definesPrefix) };
}

/**
 * Parses a new version of a document, reusing the previous parse where the texts agree: the
 * editor re-validates the whole document on every keystroke, and re-parsing 2,000 requirements
 * each time cost tens of milliseconds. The result is the same as parseMarkdown's (a unit test
 * compares them over random edits).
 *
 * The parser's state between blocks is only the enclosing section, so a heading line it reached
 * between blocks is a safe place to start or stop. The parse restarts at the last such heading
 * before the first changed line and stops at the first one inside the unchanged end of the text
 * that was also one in the previous parse under the same section; from there the old results
 * apply, moved by the number of lines added or removed.
 */
export function reparseMarkdown(previous: DocParse, path: string, text: string, locale: Locale, definesPrefix: PrefixPolicy): DocParse {
  const lines = splitLines(text);
  const old = previous.lines;
  const { parsed } = previous;
  const shortest = Math.min(old.length, lines.length);
  let same = 0;
  while (same < shortest && old[same] === lines[same]) same++;
  let tail = 0;
  while (tail < shortest - same && old[old.length - 1 - tail] === lines[lines.length - 1 - tail]) tail++;
  const fm = parsed.frontMatter;
  // An edit in the front matter, in a first line that could start one, or anywhere below an
  // unclosed one (any later `---` would close it) can change everything below.
  if (fm ? same <= fm.endLine || fm.endLine === 0 : same === 0) return { lines, parsed: parseMarkdownLines(path, lines, locale, definesPrefix) };

  // Where the old parse was between blocks, with the section in effect there: each heading, and
  // the first line and the line after each requirements table.
  // (`line` is where parsing resumes; `needs` the lines that must be unchanged for the old state
  // there to hold: a table starts only if its header and delimiter rows still read the same.)
  const restarts: { line: number; needs: number; section: string | undefined }[] = [];
  const syncs = new Map<number, string | undefined>();
  let section: string | undefined;
  for (const h of parsed.headings) {
    restarts.push({ line: h.line, needs: h.line + 1, section });
    syncs.set(h.line, section);
    if (!h.requirementId) section = h.text;
  }
  for (const table of tables(parsed.requirements, old)) {
    restarts.push({ line: table.header, needs: table.header + 2, section: table.section }, { line: table.end, needs: table.end + 1, section: table.section });
    syncs.set(table.end, table.section);
  }
  restarts.sort((a, b) => a.line - b.line);
  // Restart at the last such place above the first changed line (its own line is unchanged, so
  // nothing above it could read differently), or at the top of the body.
  let start = { line: fm ? fm.endLine + 1 : 0, section: undefined as string | undefined };
  for (const r of restarts) if (r.needs <= same && r.line >= start.line) start = r;
  const out: ParseSink = {
    headings: before(parsed.headings, start.line),
    requirements: before(parsed.requirements, start.line),
    tokens: before(parsed.tokens, start.line),
  };
  // Stop at the first such place in the unchanged end that the old parse also reached between
  // blocks under the same section: from there on the old results hold.
  const delta = lines.length - old.length;
  const tailStart = lines.length - tail;
  const stop = parseBody(path, lines, start.line, start.section, definesPrefix, out,
    (i, current) => i >= tailStart && syncs.has(i - delta) && syncs.get(i - delta) === current);
  if (stop < lines.length) appendMoved(out, parsed, stop - delta, delta);
  return { lines, parsed: parsedDoc(path, lines.length, fm, out) };
}

/** Requirements tables of a parse: header line, the line after the last row, and their section. */
function tables(defs: readonly RequirementDef[], lines: readonly string[]): { header: number; end: number; section: string | undefined }[] {
  const out: { header: number; end: number; section: string | undefined }[] = [];
  for (let i = 0; i < defs.length; i++) {
    const header = defs[i].tableHeaderLine;
    if (header === undefined || defs[i + 1]?.tableHeaderLine === header) continue;
    // Rows after the last requirement (ones without a valid ID) belong to the table too.
    let end = defs[i].line + 1;
    while (end < lines.length && lines[end].includes('|') && lines[end].trim() !== '') end++;
    out.push({ header, end, section: defs[i].section });
  }
  return out;
}

/** Items on lines before `line` (items are in line order). */
function before<T extends { readonly line: number }>(items: readonly T[], line: number): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return items.slice(0, lo);
}

/** Appends the old parse's items from line `from` on, moved `delta` lines. */
function appendMoved(out: ParseSink, parsed: ParsedFile, from: number, delta: number): void {
  const defs = parsed.requirements.slice(before(parsed.requirements, from).length);
  const headings = parsed.headings.slice(before(parsed.headings, from).length);
  const tokens = parsed.tokens.slice(before(parsed.tokens, from).length);
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
