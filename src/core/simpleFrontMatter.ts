import { intern } from './strings';
import { range } from './text';
import type { Range } from './types';

/** A top-level front-matter entry with its ranges (0-based document lines). */
export interface SimpleField {
  readonly key: string;
  readonly keyRange: Range;
  readonly valueRange: Range;
}

// The value's trailing spaces are trimmed by hand: a lazy `(.*?) *$` retried ` *$` over the rest of
// the line at every character, quadratic on a line with a long run of spaces.
const KEY_VALUE = /^([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?$/;
const KEYWORDS = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
/** Plain scalars the YAML core schema would read as something other than a string or a plain number. */
const SPECIAL = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+)$/;
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

type Scalar = { value: unknown } | undefined;

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
    const m = KEY_VALUE.exec(line);
    if (!m || m[2] === undefined || KEYWORDS.has(m[1]) || keys.includes(m[1]) || line.includes('\t')) return undefined;
    const raw = trimSpacesEnd(m[2]);
    if (raw === '') return undefined;
    let start = m[1].length + 1;
    while (line.charCodeAt(start) === 32) start++;
    const value = raw.startsWith('[') ? flowSequence(raw) : raw.startsWith('"') || raw.startsWith("'") ? quoted(raw) : plain(raw);
    if (!value) return undefined;
    const key = intern(m[1]);
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
  /** `spans` holds line, value start and value end per key. */
  constructor(private readonly names: readonly string[], private readonly spans: readonly number[]) {}

  get size(): number {
    return this.names.length;
  }

  get(key: string): SimpleField | undefined {
    const i = this.names.indexOf(key);
    if (i < 0) return undefined;
    const [line, start, end] = this.spans.slice(i * 3, i * 3 + 3);
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

/** `text` without trailing spaces (not tabs: YAML's plain scalars keep nothing else out). */
function trimSpacesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}
