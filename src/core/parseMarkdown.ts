import { initSpans, sealSpans, setSpan } from './attributeSpans';
import { canonicalKey, isIdHeader, stripInline } from './attributes';
import { readFrontMatter } from './frontMatter';
import { isRequirementId, prefixOf, scanIds } from './ids';
import type { Heading, IdToken, ParsedFile, RequirementDef } from './model';
import { intern, own } from './strings';
import { isDelimiterRow, splitRow } from './tableRow';
import { range, splitLines } from './text';
import type { Locale } from './types';

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

/**
 * Parses a Markdown file line by line. Deliberately not markdown-it: finding headings, tables and
 * attribute lists needs no full parse, and this runs on every keystroke and over thousands of docs.
 */
export function parseMarkdown(path: string, text: string, locale: Locale, definesPrefix: PrefixPolicy = () => true): ParsedFile {
  const lines = splitLines(text);
  const frontMatter = readFrontMatter(lines, locale);
  const headings: Heading[] = [];
  const requirements: RequirementDef[] = [];
  const tokens: IdToken[] = [];
  const first = frontMatter ? frontMatter.endLine + 1 : 0;
  let fence: string | undefined;
  let section: string | undefined;
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

  for (let i = first; i < lines.length; i++) {
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
        continue;
      }
    }
    scanTokens(i, line);
    if (open) open.bodyLines.push(line);
  }
  closeOpen(lines.length - 1);
  const docType = typeof frontMatter?.data?.type === 'string' ? frontMatter.data.type : undefined;
  return { path, kind: 'doc', lineCount: lines.length, frontMatter, docType, headings, requirements, tokens };
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
