import { toUnits, unitAt, type Units } from './numberUnits';
import { intern } from './strings';
import { trimChars } from './trimChars';
import { range } from './text';
import type { Range } from './types';

/** A top-level front-matter entry with its ranges (0-based document lines). */
export interface SimpleField {
  readonly key: string;
  readonly keyRange: Range;
  readonly valueRange: Range;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_-]*:/;
const KEYWORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Plain scalars the YAML core schema would read as something other than a string or a plain number. */
const SPECIAL = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+)$/;
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

type Scalar = { value: unknown } | undefined;

/**
 * `key: value` with a non-empty value after at least one space, else undefined (an empty value,
 * `key:value`, anything else is left to the YAML library). Written without a pattern like
 * `:(?: +(.*?))? *$`, which is quadratic in a value of many spaces followed by a word.
 */
function keyValue(line: string): { key: string; raw: string } | undefined {
  const k = KEY.exec(line);
  if (!k || line.charCodeAt(k[0].length) !== 32) return undefined;
  const raw = trimChars(line.slice(k[0].length), ' ');
  return raw === '' ? undefined : { key: k[0].slice(0, -1), raw };
}

/**
 * Reads front matter written the way product docs almost always are — one `key: value` per line
 * with plain, quoted or `[a, b]` values — without the YAML library, which costs about a third of
 * indexing a large workspace. Returns undefined for anything else (nesting, block lists, anchors,
 * escapes, comments after values, duplicate keys, tabs...), so the caller falls back to the full
 * YAML parser, and the results are the same as the YAML core schema's for what it accepts.
 */
export function readSimpleFrontMatter(lines: readonly string[], first: number, end: number): { data: Record<string, unknown>; fields: ReadonlyMap<string, SimpleField> } | undefined {
  const data: Record<string, unknown> = {};
  const keys: string[] = [];
  const spans: number[] = [];
  for (let i = first; i < end; i++) {
    const line = lines[i];
    if (line === '' || line.startsWith('#')) continue;
    const m = keyValue(line);
    if (!m || KEYWORDS.has(m.key) || keys.includes(m.key) || line.includes('\t')) return undefined;
    const raw = m.raw;
    let start = m.key.length + 1;
    while (line.charCodeAt(start) === 32) start++;
    const value = raw.startsWith('[') ? flowSequence(raw) : raw.startsWith('"') || raw.startsWith("'") ? quoted(raw) : plain(raw);
    if (!value) return undefined;
    const key = intern(m.key);
    data[key] = value.value;
    keys.push(key);
    spans.push(i, start, start + raw.length);
  }
  return keys.length > 0 ? { data, fields: new LineFields(keys, spans) } : undefined;
}

/**
 * The fields of one-line front matter, kept as numbers: a Map of field objects with two ranges
 * each was about 3 KB per document, a tenth of the index's memory on 10,000 docs. A field's
 * object is built when asked for.
 */
class LineFields implements ReadonlyMap<string, SimpleField> {
  /** Line, value start and value end per key, as units (see numberUnits). */
  private readonly spans: Units;

  constructor(private readonly names: readonly string[], spans: readonly number[]) {
    this.spans = toUnits(spans);
  }

  get size(): number {
    return this.names.length;
  }

  get(key: string): SimpleField | undefined {
    const i = this.names.indexOf(key);
    if (i < 0) return undefined;
    const line = unitAt(this.spans, i * 3);
    const start = unitAt(this.spans, i * 3 + 1);
    const end = unitAt(this.spans, i * 3 + 2);
    return { key, keyRange: range(line, 0, line, key.length), valueRange: range(line, start, line, end) };
  }

  has(key: string): boolean {
    return this.names.includes(key);
  }

  forEach(fn: (value: SimpleField, key: string, map: ReadonlyMap<string, SimpleField>) => void, thisArg?: unknown): void {
    this.toMap().forEach((v, k) => fn.call(thisArg, v, k, this));
  }

  entries(): MapIterator<[string, SimpleField]> {
    return this.toMap().entries();
  }

  keys(): MapIterator<string> {
    return this.toMap().keys();
  }

  values(): MapIterator<SimpleField> {
    return this.toMap().values();
  }

  [Symbol.iterator](): MapIterator<[string, SimpleField]> {
    return this.toMap()[Symbol.iterator]();
  }

  private toMap(): Map<string, SimpleField> {
    return new Map(this.names.map((k) => [k, this.get(k)!]));
  }
}

function plain(text: string): Scalar {
  if (INDICATOR.test(text) || text.includes(': ') || text.endsWith(':') || text.includes(' #')) return undefined;
  return scalar(text);
}

function scalar(text: string): Scalar {
  if (SPECIAL.test(text)) return undefined;
  if (INT.test(text)) return { value: Number(text) };
  if (FLOAT.test(text)) return { value: parseFloat(text) };
  return { value: intern(text) };
}

function quoted(text: string): Scalar {
  const q = text[0];
  if (text.length < 2 || !text.endsWith(q) || text.slice(1, -1).includes(q) || text.includes('\\')) return undefined;
  return { value: intern(text.slice(1, -1)) };
}

function flowSequence(text: string): Scalar {
  if (!text.endsWith(']')) return undefined;
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return { value: [] };
  if (/[[\]{}#:]/.test(inner)) return undefined;
  const items: unknown[] = [];
  for (const part of inner.split(',')) {
    const item = part.trim();
    const value = item === '' ? undefined : item.startsWith('"') || item.startsWith("'") ? quoted(item) : item.includes('"') || item.includes("'") || INDICATOR.test(item) ? undefined : scalar(item);
    if (!value) return undefined;
    items.push(value.value);
  }
  return { value: items };
}
