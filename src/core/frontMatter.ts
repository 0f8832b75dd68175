import { yamlLibrary } from './libraries';
import { message } from './messages';
import { readSimpleFrontMatter } from './simpleFrontMatter';
import { LineOffsets, range } from './text';
import type { Locale, Range } from './types';

export interface FrontMatterField {
  readonly key: string;
  readonly keyRange: Range;
  /** Range of the value (or of the key when the value is empty). */
  readonly valueRange: Range;
}

export interface FrontMatterProblem {
  readonly range: Range;
  readonly message: string;
}

export interface FrontMatter {
  /** Lines 0..endLine hold the front matter, both `---` fences included. */
  readonly endLine: number;
  readonly data: Record<string, unknown> | undefined;
  readonly fields: ReadonlyMap<string, FrontMatterField>;
  readonly problems: readonly FrontMatterProblem[];
  /** True when there were fences but nothing between them. */
  readonly empty: boolean;
}

const FENCE = /^---\s*$/;
const CLOSE = /^(?:---|\.\.\.)\s*$/;

/**
 * Reads YAML front matter from the top of a document. Returns undefined when the document has none.
 * Errors become problems with precise ranges instead of exceptions.
 */
export function readFrontMatter(lines: readonly string[], locale: Locale): FrontMatter | undefined {
  if (lines.length === 0 || !FENCE.test(lines[0].replace(/^\uFEFF/, ''))) return undefined;
  let end = -1;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lines[i])) { end = i; break; }
  }
  if (end < 0) {
    // A document opening with a thematic break (`---` then a heading or text) has no front
    // matter; only a `key:` on the next line shows one was meant and left open.
    if (!/^\s*[\w"'-]+\s*:/.test(lines[1] ?? '')) return undefined;
    return {
      endLine: 0, data: undefined, fields: new Map(), empty: false,
      problems: [{ range: range(0, 0, 0, lines[0].length), message: message(locale, 'fm.notClosed') }],
    };
  }
  const simple = readSimpleFrontMatter(lines, 1, end);
  if (simple) return { endLine: end, data: simple.data, fields: simple.fields, problems: [], empty: false };
  const source = lines.slice(1, end).join('\n');
  if (source.trim() === '') {
    return { endLine: end, data: undefined, fields: new Map(), problems: [], empty: true };
  }
  const offsets = new LineOffsets(source);
  // The YAML library may point one past a line's end (an unclosed quote, a directive): a range
  // stays inside the document's lines, and never ends before it starts.
  const clamp = (line: number, character: number) => Math.min(character, lines[line]?.length ?? 0);
  const toRange = (from: number, to: number): Range => {
    const a = offsets.positionAt(from);
    const b = offsets.positionAt(Math.max(from, to));
    const start = clamp(a.line + 1, a.character);
    const end = b.line === a.line ? Math.max(start, clamp(b.line + 1, b.character)) : clamp(b.line + 1, b.character);
    return range(a.line + 1, start, b.line + 1, end);
  };
  const problems: FrontMatterProblem[] = [];
  const { isMap, isScalar, isSeq, parseDocument } = yamlLibrary();
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: true, strict: false });
  for (const err of doc.errors) {
    const [from, to] = err.pos;
    const tabs = err.code === 'TAB_AS_INDENT' || /tab/i.test(err.message);
    const first = err.message.split('\n')[0];
    const at = first.search(/ at line \d+, column \d+/);
    const detail = at >= 0 ? first.slice(0, at) : first;
    // The error's span can be a single character: read the whole key from its line.
    const keyName = () => {
      const start = source.lastIndexOf('\n', from) + 1;
      const line = source.slice(start, Math.max(start, source.indexOf('\n', start) + 1 || source.length));
      const key = line.slice(0, Math.max(0, line.indexOf(':'))).trim();
      return key || source.slice(from, to).trim();
    };
    const text = err.code === 'DUPLICATE_KEY'
      ? message(locale, 'fm.duplicateKey', { field: keyName() })
      : tabs ? message(locale, 'fm.tabs') : message(locale, 'fm.yaml', { detail });
    problems.push({ range: toRange(from, to === from ? from + 1 : to), message: text });
  }
  if (problems.length > 0) return { endLine: end, data: undefined, fields: new Map(), problems, empty: false };

  const contents = doc.contents;
  if (!isMap(contents)) {
    const kind = isSeq(contents) ? message(locale, 'type.list') : message(locale, 'type.text');
    return {
      endLine: end, data: undefined, fields: new Map(), empty: false,
      problems: [{ range: range(1, 0, Math.max(1, end - 1), lines[Math.max(1, end - 1)].length), message: message(locale, 'fm.notMapping', { kind }) }],
    };
  }
  const fields = new Map<string, FrontMatterField>();
  for (const pair of contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const keyRange = toRange(pair.key.range[0], pair.key.range[1]);
    const value = pair.value as { range?: [number, number, number] } | null;
    const valueRange = value && value.range ? toRange(value.range[0], value.range[1]) : keyRange;
    fields.set(key, { key, keyRange, valueRange });
  }
  let data: Record<string, unknown>;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
  } catch (e) {
    // An unresolved alias (`owner: *x`) or an alias bomb throws here rather than in parsing.
    const detail = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return { endLine: end, data: undefined, fields, empty: false, problems: [{ range: range(1, 0, end, 0), message: message(locale, 'fm.yaml', { detail }) }] };
  }
  return { endLine: end, data, fields, problems, empty: false };
}
