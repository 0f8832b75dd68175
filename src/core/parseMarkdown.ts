import { copySpans, initSpans, sealSpans, setSpan } from './attributeSpans';
import { canonicalKey, isIdHeader, stripInline } from './attributes';
import { readFrontMatter, type FrontMatter } from './frontMatter';
import { isRequirementId, prefixOf, scanIds } from './ids';
import type { Heading, IdToken, ParsedFile, RequirementDef } from './model';
import { intern, own } from './strings';
import { isDelimiterRow, splitRow } from './tableRow';
import { range, splitLines } from './text';
import type { Locale, Range } from './types';

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
/** An ID at the start of a heading, optionally in bold or code (`**REQ-1**`), then a separator. */
const REQ_HEADING = /^(\*\*|__|`)?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+)\1(?![A-Za-z0-9_])(?:\s*[:：\-—–]\s*|\s+|$)(.*)$/;
const BULLET = /^(\s*[-*+]\s+)(.*)$/;
/** `Key: value`, also with the key in bold and the colon inside or outside it (`**Priority:** P0`). */
const KEY_VALUE = /^(\*\*|__)?([^:：*]{1,40}?)\s*(?:[:：]\s*\1|\1\s*[:：])\s*(.*)$/;

/** Decides which ID prefixes may define requirements (see Project.definesPrefix). */
export type PrefixPolicy = (prefix: string) => boolean;
const EXCERPT_LINES = 3;
const EXCERPT_CHARS = 280;

/** Where the parser puts what it finds, in document order. */
export interface ParseSink {
  readonly headings: Heading[];
  readonly requirements: RequirementDef[];
  readonly tokens: IdToken[];
}

/**
 * Parses a Markdown file line by line. Deliberately not markdown-it: finding headings, tables and
 * attribute lists needs no full parse, and this runs on every keystroke and over thousands of docs.
 */
export function parseMarkdown(path: string, text: string, locale: Locale, definesPrefix: PrefixPolicy = () => true): ParsedFile {
  return parseMarkdownLines(path, splitLines(text), locale, definesPrefix);
}

/** parseMarkdown for text already split into lines. */
export function parseMarkdownLines(path: string, lines: readonly string[], locale: Locale, definesPrefix: PrefixPolicy = () => true): ParsedFile {
  const frontMatter = readFrontMatter(lines, locale);
  const out: ParseSink = { headings: [], requirements: [], tokens: [] };
  parseBody(path, lines, frontMatter ? frontMatter.endLine + 1 : 0, undefined, definesPrefix, out);
  return parsedDoc(path, lines.length, frontMatter, out);
}

export function parsedDoc(path: string, lineCount: number, frontMatter: FrontMatter | undefined, out: ParseSink): ParsedFile {
  const docType = typeof frontMatter?.data?.type === 'string' ? frontMatter.data.type : undefined;
  return { path, kind: 'doc', lineCount, frontMatter, docType, headings: out.headings, requirements: out.requirements, tokens: out.tokens };
}

/**
 * Parses `lines` from `from`, a line where the parser is between blocks (the first line after the
 * front matter, a heading it did not take into a table, or the first line or the line after a
 * requirements table), `startSection` being the enclosing section there. `stopAt`, asked at
 * headings and after tables, can end the parse there when the caller already knows the rest (see
 * reparseMarkdown). Returns the line the parse ended at.
 */
export function parseBody(
  path: string, lines: readonly string[], from: number, startSection: string | undefined, definesPrefix: PrefixPolicy, out: ParseSink,
  stopAt?: (line: number, section: string | undefined) => boolean,
): number {
  const { headings, requirements, tokens } = out;
  let fence: string | undefined;
  let section = startSection;
  let open: { def: MutableDef; bodyLines: string[] } | undefined;

  const closeOpen = (endLine: number) => {
    if (!open) return;
    open.def.endLine = Math.max(open.def.line, endLine);
    open.def.excerpt = own(excerptOf(open.bodyLines));
    open = undefined;
  };
  const scanTokens = (i: number, line: string, from = 0, to = line.length, inTraces = false) => {
    for (const m of scanIds(line.slice(from, to))) {
      tokens.push({ id: own(m.id), line: i, start: from + m.start, end: from + m.end, ...(inTraces ? { inTraces } : {}) });
    }
  };

  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      if (line.trim().startsWith(fence) && line.trim().replace(/[`~]/g, '') === '') fence = undefined;
      scanTokens(i, line);
      if (open) open.bodyLines.push(line);
      continue;
    }
    const fenceMatch = FENCE_OPEN.exec(line);
    if (fenceMatch) {
      fence = fenceMatch[1];
      scanTokens(i, line);
      continue;
    }
    const h = ATX.exec(line);
    if (h) {
      closeOpen(i - 1);
      if (stopAt?.(i, section)) return i;
      const content = h[2] ?? '';
      const textStart = content ? line.indexOf(content, h[1].length) : line.length;
      const req = REQ_HEADING.exec(content);
      if (req && isRequirementId(req[2]) && definesPrefix(prefixOf(req[2]))) {
        const idStart = textStart + (req[1]?.length ?? 0);
        const def = newDef(path, req[2], stripInline(req[3]), 'heading', i, idStart, line, section);
        requirements.push(def);
        headings.push({ line: i, level: h[1].length, text: own(content), range: def.range, requirementId: def.id });
        scanTokens(i, line, idStart + req[2].length);
        open = { def, bodyLines: [] };
        i = readAttributeList(lines, i + 1, def, scanTokens);
      } else {
        section = own(content);
        headings.push({ line: i, level: h[1].length, text: section, range: range(i, 0, i, line.length) });
        scanTokens(i, line);
      }
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && isDelimiterRow(lines[i + 1])) {
      const header = splitRow(line);
      if (header.length > 1 && isIdHeader(header[0].text)) {
        closeOpen(i - 1);
        i = readRequirementTable(lines, i, header.map((c) => c.text), path, section, requirements, scanTokens, definesPrefix);
        // Right after a table the parser is between blocks again.
        if (stopAt?.(i + 1, section)) return i + 1;
        continue;
      }
    }
    scanTokens(i, line);
    if (open) open.bodyLines.push(line);
  }
  closeOpen(lines.length - 1);
  return lines.length;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableDef = Mutable<RequirementDef> & { attributes: Record<string, string> };
type TokenScanner = (i: number, line: string, from?: number, to?: number, inTraces?: boolean) => void;

/** A new definition; its strings are copied out of the file's text so they do not keep it alive. */
function newDef(path: string, id: string, rawTitle: string, form: 'heading' | 'table', line: number, idStart: number, text: string, section?: string): MutableDef {
  const title = own(rawTitle);
  const def = {
    id: own(id), title, path, form, line,
    idRange: range(line, idStart, line, idStart + id.length),
    range: range(line, 0, line, text.length),
    endLine: line, attributes: title ? { title } : {} as Record<string, string>, traces: [] as string[], excerpt: '',
    ...(section !== undefined ? { section } : {}),
  };
  return initSpans(def);
}

/** A copy of `def` moved `delta` lines down (text was inserted or deleted above it). */
export function shiftDef(def: RequirementDef, delta: number): RequirementDef {
  const moved: MutableDef = initSpans({
    id: def.id, title: def.title, path: def.path, form: def.form, line: def.line + delta,
    idRange: shiftRange(def.idRange, delta), range: shiftRange(def.range, delta), endLine: def.endLine + delta,
    attributes: def.attributes as Record<string, string>, traces: def.traces, excerpt: def.excerpt,
    ...(def.section !== undefined ? { section: def.section } : {}),
  });
  copySpans(def, moved, delta);
  if (def.tableHeaderLine !== undefined) moved.tableHeaderLine = def.tableHeaderLine + delta;
  return moved;
}

export function shiftRange(r: Range, delta: number): Range {
  return range(r.start.line + delta, r.start.character, r.end.line + delta, r.end.character);
}

/**
 * Reads the `- Key: value` list right after a requirement heading (one blank line may separate them).
 * The list counts as attributes only when every item is `Key: value`; otherwise it is body text.
 * Returns the last line consumed.
 */
function readAttributeList(lines: readonly string[], from: number, def: MutableDef, scan: TokenScanner): number {
  let i = from;
  while (i < lines.length && lines[i].trim() === '' && i - from < 2) i++;
  const items: { line: number; key: string; keyStart: number; value: string; valueStart: number }[] = [];
  for (; i < lines.length; i++) {
    const b = BULLET.exec(lines[i]);
    if (!b) break;
    const kv = KEY_VALUE.exec(b[2]);
    if (!kv || scanIds(kv[2]).length > 0) return from - 1;
    const keyStart = b[1].length + (kv[1]?.length ?? 0);
    const valueStart = b[1].length + b[2].length - kv[3].length;
    items.push({ line: i, key: kv[2], keyStart, value: kv[3], valueStart });
  }
  if (items.length === 0) return from - 1;
  for (const item of items) {
    const key = canonicalKey(item.key);
    const value = stripInline(item.value);
    const line = lines[item.line];
    def.attributes[key] = intern(value);
    setSpan(def, key, item.key, item.line, item.line, item.keyStart, item.keyStart + item.key.trim().length, item.valueStart, line.trimEnd().length);
    if (key === 'traces') def.traces = scanIds(value).map((m) => own(m.id));
    scan(item.line, line, item.valueStart, line.length, key === 'traces');
  }
  sealSpans(def);
  def.endLine = items[items.length - 1].line;
  return def.endLine;
}

/** Reads a requirements table starting at its header line; returns the last line consumed. */
function readRequirementTable(
  lines: readonly string[], headerLine: number, header: readonly string[], path: string,
  section: string | undefined, out: RequirementDef[], scan: TokenScanner, definesPrefix: PrefixPolicy,
): number {
  const keys = header.map((h) => canonicalKey(h));
  let i = headerLine + 2;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (!line.includes('|') || line.trim() === '') break;
    const cells = splitRow(line);
    const idText = stripInline(cells[0]?.text ?? '');
    if (!isRequirementId(idText) || !definesPrefix(prefixOf(idText))) {
      scan(i, line);
      continue;
    }
    const idStart = line.indexOf(idText, cells[0].start);
    const titleCol = keys.indexOf('title');
    const title = titleCol > 0 ? cellValue(cells[titleCol]?.text ?? '') : '';
    const def = newDef(path, idText, title, 'table', i, idStart, line, section);
    def.tableHeaderLine = headerLine;
    for (let c = 1; c < keys.length && c < cells.length; c++) {
      const cell = cells[c];
      const value = cellValue(cell.text);
      if (value === '') continue;
      def.attributes[keys[c]] = intern(value);
      setSpan(def, keys[c], header[c], i, headerLine, 0, lines[headerLine].length, cell.start, cell.end);
      if (keys[c] === 'traces') def.traces = scanIds(value).map((m) => own(m.id));
      scan(i, line, cell.start, cell.end, keys[c] === 'traces');
    }
    def.excerpt = own((def.attributes.description ?? '').slice(0, EXCERPT_CHARS));
    sealSpans(def);
    out.push(def);
  }
  return i - 1;
}

/** A table cell's value: emphasis removed and escaped pipes (`\\|`) turned back into `|`. */
function cellValue(text: string): string {
  return stripInline(text).replace(/\\\|/g, '|');
}

function excerptOf(body: readonly string[]): string {
  const picked = body.map((l) => l.trim()).filter((l) => l !== '').slice(0, EXCERPT_LINES);
  const text = picked.join('\n');
  return text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text;
}
