import type { AttributeSpan } from './model';
import { intern } from './strings';
import { toUnits, unitAt, type Units } from './numberUnits';
import { range } from './text';

/**
 * Requirement attribute spans, kept as numbers until someone reads them. Each span is seven small
 * objects (the span, two ranges, four positions): on 100,000 requirements with five attributes
 * each that was over a quarter of the index's memory, yet spans are read only by quick fixes,
 * attribute edits and the odd diagnostic. `def.attributeSpans` stays an enumerable property (a
 * getter), so spreading or serializing a definition still includes it; each read builds it anew.
 *
 * While a parse adds spans they are a flat list of SLOTS per attribute. Sealed, the six numbers of
 * every attribute go into one string, a UTF-16 unit each (2 bytes or 1 instead of an 8-byte
 * slot), after the keys: `[numbers, key, written, key, written…]`. That halved what the spans
 * cost on the large bench corpus. A number above 0xFFFF (a line past 65,535, a column in a
 * minified line) keeps the numbers as a list instead. A sealed list has an odd length, an open
 * one a multiple of SLOTS.
 */
export const SPANS = Symbol('attributeSpans');
const PACKED = SPANS;
/** Per attribute: canonical key, key as written, line, key line, key start, key end, value start, value end. */
const SLOTS = 8;
const KEYS = 2;
const NUMBERS = SLOTS - KEYS;

type Open = (string | number)[];
/** `[numbers, key, written, …]`: the numbers as one string of UTF-16 units, or as a list when one is too large. */
type Sealed = [Units, ...string[]];
interface WithSpans { [PACKED]: Open | Sealed }
/** What a definition's literal gives `[SPANS]` (a new `[]`), so the slot is in the object itself rather than added later. */
export type SpanSlot = Open | Sealed;

const ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithSpans): Record<string, AttributeSpan> {
    const p = open(this[PACKED]);
    const out: Record<string, AttributeSpan> = {};
    for (let i = 0; i < p.length; i += SLOTS) {
      const [key, written, line, keyLine, keyStart, keyEnd, valueStart, valueEnd] = p.slice(i, i + SLOTS) as [string, string, number, number, number, number, number, number];
      out[key] = { key: written, line, keyRange: range(keyLine, keyStart, keyLine, keyEnd), valueRange: range(line, valueStart, line, Math.max(valueStart, valueEnd)) };
    }
    return out;
  },
};

function isSealed(p: Open | Sealed): p is Sealed {
  return p.length % 2 === 1;
}

/** The spans as an open list (a new one when sealed; the same one when open). */
function open(p: Open | Sealed): Open {
  if (!isSealed(p)) return p;
  const numbers = p[0];
  const count = (p.length - 1) / KEYS;
  const out: Open = new Array<string | number>(count * SLOTS);
  for (let a = 0; a < count; a++) {
    out[a * SLOTS] = p[1 + a * KEYS] as string;
    out[a * SLOTS + 1] = p[2 + a * KEYS] as string;
    for (let n = 0; n < NUMBERS; n++) out[a * SLOTS + KEYS + n] = unitAt(numbers, a * NUMBERS + n);
  }
  return out;
}


/** An open list sealed (an empty one stays as it is). */
function seal(p: Open): Open | Sealed {
  if (p.length === 0) return p;
  const count = p.length / SLOTS;
  // Made at their size: a list grown by push or spread keeps spare slots.
  const out = new Array<Units>(1 + count * KEYS) as Sealed;
  const numbers: number[] = new Array<number>(count * NUMBERS);
  for (let a = 0; a < count; a++) {
    out[1 + a * KEYS] = p[a * SLOTS] as string;
    out[2 + a * KEYS] = p[a * SLOTS + 1] as string;
    for (let n = 0; n < NUMBERS; n++) numbers[a * NUMBERS + n] = p[a * SLOTS + KEYS + n] as number;
  }
  out[0] = toUnits(numbers);
  return out;
}


/** Gives a new definition its (empty) `attributeSpans`; returns the same object. */
export function initSpans<T extends object>(def: T): T & { readonly attributeSpans: Readonly<Record<string, AttributeSpan>> } {
  // A symbol key: JSON, Object.keys and for-in never see it (only the accessor needs defining).
  // Definitions made in one literal with `[SPANS]: []` have the slot already (see parsedObjects).
  if (!(PACKED in def)) (def as unknown as WithSpans)[PACKED] = [];
  return Object.defineProperty(def, 'attributeSpans', ACCESSOR) as T & { readonly attributeSpans: Readonly<Record<string, AttributeSpan>> };
}

/** The open list of `def`'s spans, opening a sealed one (so it can be added to). */
function openOf(def: object): Open {
  const d = def as WithSpans;
  const p = d[PACKED];
  if (!isSealed(p)) return p;
  return (d[PACKED] = open(p));
}

/** Sets the span of attribute `key`; a repeated key replaces the earlier span in place, like an object property. */
export function setSpan(def: object, key: string, written: string, line: number, keyLine: number, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number): void {
  const p = openOf(def);
  let at = p.length;
  for (let i = 0; i < p.length; i += SLOTS) if (p[i] === key) at = i;
  p.splice(at, SLOTS, intern(key), intern(written), line, keyLine, keyStart, keyEnd, valueStart, valueEnd);
}

/** Call when a definition's attributes are complete: packs the spans into their compact form. */
export function sealSpans(def: object): void {
  const d = def as WithSpans;
  const p = d[PACKED];
  if (!isSealed(p)) d[PACKED] = seal(p);
}

/**
 * Gives `to` the span of attribute `key` that `from` has (when `to` has none). Leaves `to`'s spans
 * open: call sealSpans once after the last copy (merging lends several keys to one definition).
 */
export function copySpan(from: object, to: object, key: string): void {
  const p = open((from as WithSpans)[PACKED]);
  const q = openOf(to);
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
  if (isSealed(p) && isSealed(q)) {
    // Compared packed, without opening: this runs for every kept definition on a keystroke.
    if (p.length !== q.length) return false;
    for (let i = 1; i < p.length; i++) if (p[i] !== q[i]) return false;
    const count = (p.length - 1) / KEYS;
    for (let i = 0; i < count * NUMBERS; i++) {
      const slot = i % NUMBERS;
      const shift = slot === 0 || slot === 1 ? delta : 0;
      if (unitAt(p[0], i) + shift !== unitAt(q[0], i)) return false;
    }
    return true;
  }
  const x = open(p);
  const y = open(q);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) {
    const slot = i % SLOTS;
    const shift = slot === 2 || slot === 3 ? delta : 0;
    if (typeof x[i] === 'number' ? (x[i] as number) + shift !== y[i] : x[i] !== y[i]) return false;
  }
  return true;
}

/** Gives `to` the spans of `from`, `delta` lines further down (for a definition moved by an edit above it). */
export function copySpans(from: object, to: object, delta: number): void {
  const source = (from as WithSpans)[PACKED];
  // A sealed list is never changed in place (setSpan and copySpan open a copy), so it can be shared.
  if (delta === 0 && isSealed(source)) {
    (to as WithSpans)[PACKED] = source;
    return;
  }
  const p = isSealed(source) ? open(source) : source.slice();
  for (let i = 0; i < p.length; i += SLOTS) {
    p[i + 2] = (p[i + 2] as number) + delta;
    p[i + 3] = (p[i + 3] as number) + delta;
  }
  (to as WithSpans)[PACKED] = isSealed(source) ? seal(p) : p;
}

/** The spans as an open list (SLOTS values per attribute), for a codec: plain data, seven objects fewer per span. */
export function packedSpans(def: object): readonly (string | number)[] {
  return open((def as WithSpans)[PACKED]);
}

/** Gives a new definition the spans `packedSpans` returned, checked for their shape; returns the same object. */
export function withPackedSpans<T extends object>(def: T, packed: unknown): T & { readonly attributeSpans: Readonly<Record<string, AttributeSpan>> } {
  if (!Array.isArray(packed) || packed.length % SLOTS !== 0) throw new Error('bad attribute spans');
  for (let i = 0; i < packed.length; i++) {
    if (typeof packed[i] !== (i % SLOTS < 2 ? 'string' : 'number')) throw new Error('bad attribute spans');
  }
  const out = initSpans(def);
  (out as unknown as WithSpans)[PACKED] = seal(packed as Open);
  return out;
}
