import type { AttributeSpan } from './model';
import { intern } from './strings';
import { range } from './text';

/**
 * Requirement attribute spans, kept as numbers until someone reads them. Each span is seven small
 * objects (the span, two ranges, four positions): on 100,000 requirements with five attributes
 * each that was over a quarter of the index's memory, yet spans are read only by quick fixes,
 * attribute edits and the odd diagnostic. `def.attributeSpans` stays an enumerable property (a
 * getter), so spreading or serializing a definition still includes it; each read builds it anew.
 */
const PACKED = Symbol('attributeSpans');
/** Per attribute: canonical key, key as written, line, key line, key start, key end, value start, value end. */
const SLOTS = 8;

type Packed = (string | number)[];
interface WithSpans { [PACKED]: Packed }

const ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithSpans): Record<string, AttributeSpan> {
    const p = this[PACKED];
    const out: Record<string, AttributeSpan> = {};
    for (let i = 0; i < p.length; i += SLOTS) {
      const [key, written, line, keyLine, keyStart, keyEnd, valueStart, valueEnd] = p.slice(i, i + SLOTS) as [string, string, number, number, number, number, number, number];
      out[key] = { key: written, line, keyRange: range(keyLine, keyStart, keyLine, keyEnd), valueRange: range(line, valueStart, line, Math.max(valueStart, valueEnd)) };
    }
    return out;
  },
};

/** Gives a new definition its (empty) `attributeSpans`; returns the same object. */
export function initSpans<T extends object>(def: T): T & { readonly attributeSpans: Readonly<Record<string, AttributeSpan>> } {
  // A symbol key: JSON, Object.keys and for-in never see it (only the accessor needs defining).
  (def as unknown as WithSpans)[PACKED] = [];
  return Object.defineProperty(def, 'attributeSpans', ACCESSOR) as T & { readonly attributeSpans: Readonly<Record<string, AttributeSpan>> };
}

/** Sets the span of attribute `key`; a repeated key replaces the earlier span in place, like an object property. */
export function setSpan(def: object, key: string, written: string, line: number, keyLine: number, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): void {
  const p = (def as WithSpans)[PACKED];
  let at = p.length;
  for (let i = 0; i < p.length; i += SLOTS) if (p[i] === key) at = i;
  p.splice(at, SLOTS, intern(key), intern(written), line, keyLine, keyStart, keyEnd, valueStart, valueEnd);
}

/** Call when a definition's attributes are complete: drops the spare capacity the list grew with. */
export function sealSpans(def: object): void {
  const d = def as WithSpans;
  if (d[PACKED].length > 0) d[PACKED] = d[PACKED].slice();
}

/** Gives `to` the span of attribute `key` that `from` has (when `to` has none), as packed. */
export function copySpan(from: object, to: object, key: string): void {
  const p = (from as WithSpans)[PACKED];
  const q = (to as WithSpans)[PACKED];
  for (let i = 0; i < q.length; i += SLOTS) if (q[i] === key) return;
  for (let i = 0; i < p.length; i += SLOTS) {
    if (p[i] === key) {
      q.push(...p.slice(i, i + SLOTS));
      return;
    }
  }
}

/** True when `b` has the spans of `a`, `delta` lines further down (a re-parse found the same attributes). */
export function sameSpans(a: object, b: object, delta: number): boolean {
  const p = (a as WithSpans)[PACKED];
  const q = (b as WithSpans)[PACKED];
  if (p.length !== q.length) return false;
  for (let i = 0; i < p.length; i++) {
    const slot = i % SLOTS;
    const shift = slot === 2 || slot === 3 ? delta : 0;
    if (typeof p[i] === 'number' ? (p[i] as number) + shift !== q[i] : p[i] !== q[i]) return false;
  }
  return true;
}

/** Gives `to` the spans of `from`, `delta` lines further down (for a definition moved by an edit above it). */
export function copySpans(from: object, to: object, delta: number): void {
  const p = (from as WithSpans)[PACKED].slice();
  for (let i = 0; i < p.length; i += SLOTS) {
    p[i + 2] = (p[i + 2] as number) + delta;
    p[i + 3] = (p[i + 3] as number) + delta;
  }
  (to as WithSpans)[PACKED] = p;
}

/** The spans as packed (SLOTS values per attribute), for a codec: plain data, seven objects fewer per span. */
export function packedSpans(def: object): readonly (string | number)[] {
  return (def as WithSpans)[PACKED];
}

/** Gives a new definition the spans `packedSpans` returned, checked for their shape; returns the same object. */
export function withPackedSpans<T extends object>(def: T, packed: unknown): T & { readonly attributeSpans: Readonly<Record<string, AttributeSpan>> } {
  if (!Array.isArray(packed) || packed.length % SLOTS !== 0) throw new Error('bad attribute spans');
  for (let i = 0; i < packed.length; i++) {
    if (typeof packed[i] !== (i % SLOTS < 2 ? 'string' : 'number')) throw new Error('bad attribute spans');
  }
  const out = initSpans(def);
  (out as unknown as WithSpans)[PACKED] = packed as Packed;
  return out;
}
