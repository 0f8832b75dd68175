import { readDirectives, type Directive } from './directives';
import { readFrontMatter, type FrontMatter } from './frontMatter';
import { scanDocIds } from './ids';
import { readBlocks } from './markdown/blockTokens';
import { BlockReader, type OpenSection } from './markdown/blockReader';
import type { ParseOptions } from './markdown/parseOptions';
import { mergeDefinitions, type DuplicateIds } from './markdown/mergeDefinitions';
import { mayCiteNumbers, numberedReferences } from './markdown/numberedReferences';
import { documentRole } from './markdown/requirementContext';
import type { Heading, IdToken, ParsedFile, RequirementDef } from './model';
import { own } from './strings';
import { defaultVocabulary } from './vocabulary';
import { splitLines } from './text';
import type { Locale } from './types';

export type { ParseOptions } from './markdown/parseOptions';

/** Where a parse puts what it finds, in document order. */
export interface ParseSink {
  readonly headings: Heading[];
  readonly requirements: RequirementDef[];
  readonly tokens: IdToken[];
  /** Lines where top-level blocks start, for parses a re-parse continues from. */
  readonly blocks?: number[];
}

/**
 * Parses a Markdown document: front matter, headings, requirement definitions and the ID-shaped
 * tokens that may be references. Block structure comes from markdown-it's block stage, so the
 * index sees exactly the headings, lists, tables, code and HTML the preview shows.
 */
export function parseMarkdown(path: string, text: string, locale: Locale, options: ParseOptions = {}): ParsedFile {
  return parseMarkdownLines(path, splitLines(text), locale, options);
}

/** parseMarkdown for text already split into lines. */
export function parseMarkdownLines(path: string, lines: readonly string[], locale: Locale, options: ParseOptions = {}): ParsedFile {
  return readDocument(path, lines, locale, options).parsed;
}

/**
 * Parses a document; with `keep`, the sink also holds what a later re-parse continues from: the
 * top-level block starts and the definitions before merging (the index keeps neither), and the
 * definitions are merged through `keep` (see DuplicateIds).
 */
export function readDocument(path: string, lines: readonly string[], locale: Locale, options: ParseOptions, keep?: DuplicateIds): { parsed: ParsedFile; sink: ParseSink } {
  const frontMatter = readFrontMatter(lines, locale);
  const sink: ParseSink = { headings: [], requirements: [], tokens: [], ...(keep ? { blocks: [] } : {}) };
  readBody(path, lines, bodyStart(frontMatter), lines.length, [], options, documentContext(path, frontMatter, options), sink);
  if (keep) for (const d of sink.requirements) keep.add(d.id);
  const directives = readDirectives(lines, bodyStart(frontMatter));
  return { parsed: parsedDoc(path, lines.length, frontMatter, sink, options, mergeDefinitions(sink.requirements, keep), directives), sink };
}

/** The parsed file from what a parse found and its definitions, merged. */
export function parsedDoc(
  path: string, lineCount: number, frontMatter: FrontMatter | undefined, out: ParseSink, options: ParseOptions, requirements: readonly RequirementDef[],
  directives: readonly Directive[] | undefined,
): ParsedFile {
  const fm = withVocabulary(frontMatter, options);
  const docType = typeof fm?.data?.type === 'string' ? fm.data.type : fm?.data?.type === undefined ? options.docType : undefined;
  // Copies at their size: lists grown by push keep up to half their length spare (2 MB on the large corpus).
  return { path, kind: 'doc', lineCount, frontMatter: fm, docType, headings: out.headings.slice(), requirements, tokens: out.tokens.slice(), ...(directives ? { directives } : {}) };
}

const canonicalized = new WeakMap<FrontMatter, FrontMatter>();

/**
 * Front matter whose `status` and `stage` are read in the team's words (`status: 草稿` is draft,
 * `stage: 产品化` productization), the same object for the same input so re-parses keep it.
 */
function withVocabulary(fm: FrontMatter | undefined, options: ParseOptions): FrontMatter | undefined {
  const data = fm?.data;
  const vocabulary = options.vocabulary ?? defaultVocabulary;
  if (!fm || !data) return fm;
  const status = typeof data.status === 'string' ? vocabulary('doc.status', data.status) : data.status;
  const stage = typeof data.stage === 'string' ? vocabulary('doc.stage', data.stage) : data.stage;
  if (status === data.status && stage === data.stage) return fm;
  const known = canonicalized.get(fm);
  if (known) return known;
  const out = { ...fm, data: { ...data, status, stage } };
  canonicalized.set(fm, out);
  return out;
}

/** The first line after the front matter (an unclosed one counts as its opening line only). */
export function bodyStart(frontMatter: FrontMatter | undefined): number {
  return frontMatter ? frontMatter.endLine + 1 : 0;
}

/**
 * What the file's path or front matter says about the whole document: it holds requirements (a
 * `type`, a name like prd.md or specs/001-x/spec.md), it only cites them (spec-kit's tasks.md,
 * Kiro's design.md), or nothing.
 */
export function documentContext(path: string, frontMatter: FrontMatter | undefined, options: ParseOptions): DocumentContext {
  const role = documentRole(options.relPath ?? path);
  if (role === 'companion') return 'companion';
  return typeof frontMatter?.data?.type === 'string' || options.docType !== undefined || role === 'requirements' ? 'requirements' : undefined;
}

export type DocumentContext = 'requirements' | 'companion' | undefined;

/**
 * Reads `lines[from..to)` under the open sections `stack` into `out`. With `stopAt`, the read may
 * end at a top-level heading (see reparseMarkdown); returns the line it stopped at, or `to`.
 */
export function readBody(
  path: string, lines: readonly string[], from: number, to: number, stack: OpenSection[], options: ParseOptions,
  inContext: DocumentContext, out: ParseSink, stopAt?: (line: number, stack: readonly OpenSection[]) => boolean,
): number {
  const reader = new BlockReader(lines, path, options, inContext, out, out.blocks !== undefined);
  const stopped = readBlocks(lines, from, to, (tokens) => reader.read(tokens, stack, stopAt));
  const end = stopped ?? to;
  if (stopped === undefined) reader.closeAll(stack, to - 1);
  scanTokens(lines, from, end, reader, out.tokens);
  return end;
}

const HAS_DIGIT = /\d/;


/** A token in a `traces` value or in code, its flags set in the literal (the common case has neither). */
function flagged(id: string, line: number, start: number, end: number, inTraces: boolean, inCode: boolean): IdToken {
  if (inTraces && inCode) return { id, line, start, end, inTraces, inCode };
  return inTraces ? { id, line, start, end, inTraces } : { id, line, start, end, inCode };
}

/** True when `[start, end)` overlaps one of `spans`. */
function overlaps(spans: readonly [number, number][], start: number, end: number): boolean {
  for (const [s, e] of spans) if (start < e && s < end) return true;
  return false;
}

/** True when `[start, end)` lies inside one of `spans`. */
function encloses(spans: readonly [number, number][], start: number, end: number): boolean {
  for (const [s, e] of spans) if (s <= start && end <= e) return true;
  return false;
}

/**
 * Every ID-shaped token of `lines[from..to)` that is not a definition's own ID and not inside an
 * HTML comment, and every number a `Requirements:` label cites (Kiro's `_Requirements: 1.2_`). Whether a token is a reference is the index's call (its prefix may become known
 * later, a wide ID may be defined elsewhere).
 */
function scanTokens(lines: readonly string[], from: number, to: number, reader: BlockReader, out: IdToken[]): void {
  const hidden = reader.hidden.slice().sort((a, b) => a[0] - b[0]);
  const code = reader.code.slice().sort((a, b) => a[0] - b[0]);
  let h = 0;
  let c = 0;
  for (let i = from; i < to; i++) {
    while (h < hidden.length && hidden[h][1] <= i) h++;
    if (h < hidden.length && hidden[h][0] <= i) continue;
    while (c < code.length && code[c][1] <= i) c++;
    const inCode = c < code.length && code[c][0] <= i;
    const line = lines[i];
    // Every ID and cited number holds a digit: most prose lines have none.
    if (!HAS_DIGIT.test(line)) continue;
    let matches = scanDocIds(line);
    if (mayCiteNumbers(line)) {
      const numbers = numberedReferences(line);
      if (numbers.length) matches = [...matches, ...numbers].sort((a, b) => a.start - b.start);
    }
    if (matches.length === 0) continue;
    // `[GBN-REQ-000](GBN-REQ-000-overview.md)`: a link's destination or a URL is an address, not a citation.
    if (line.includes('](') || line.includes('://')) {
      const addresses = addressRanges(line);
      if (addresses.length) matches = matches.filter((m) => !addresses.some(([a, b]) => m.start >= a && m.start < b));
    }
    const skip = reader.definitionIds.get(i);
    const traces = reader.traceValues.get(i);
    for (const m of matches) {
      if (skip && overlaps(skip, m.start, m.end)) continue;
      const inTraces = traces !== undefined && encloses(traces, m.start, m.end);
      // Flags in the literal: added afterwards, they went to a separate property store (4.6 MB on the large corpus).
      out.push(inTraces || inCode ? flagged(own(m.id), i, m.start, m.end, inTraces, inCode) : { id: own(m.id), line: i, start: m.start, end: m.end });
    }
  }
}

/**
 * Where a line holds addresses: inline link destinations (`](…)`, to the first `)`) and URLs
 * (`scheme://` to the next space or `)`). Each search starts where the last ended: linear in the line.
 */
function addressRanges(line: string): [number, number][] {
  const out: [number, number][] = [];
  for (let at = line.indexOf(']('); at >= 0; at = line.indexOf('](', at + 2)) {
    const end = line.indexOf(')', at + 2);
    if (end < 0) break;
    out.push([at + 2, end]);
    at = end - 1;
  }
  for (let at = line.indexOf('://'); at >= 0; at = line.indexOf('://', at + 3)) {
    let start = at;
    while (start > 0 && /[A-Za-z0-9+.-]/.test(line[start - 1])) start--;
    let end = at + 3;
    while (end < line.length && !/[\s)>\]]/.test(line[end])) end++;
    out.push([start, end]);
    at = end - 3;
  }
  return out;
}
