import { range } from './text';
import type { Range } from './types';

/**
 * The ranges of definitions and headings, kept as one number until someone reads them. A Range is
 * three objects (120 bytes); a definition has two and most headings one, which on the large bench
 * corpus was 35 MB of the index, read only by providers, diagnostics and edits. Nearly every one
 * lies on its owner's line, so its two characters fit one small integer; any other range is kept
 * as it is. `idRange` and `range` stay enumerable own properties (getters), so spreading or
 * serializing a definition or heading still includes them; each read builds a new Range.
 */
export const ID_RANGE = Symbol('idRange');
export const LINE_RANGE = Symbol('range');

/** A range packed for an owner on `line`: `start * 65536 + end`, or the Range itself when that cannot hold it. */
export type PackedRange = number | Range;

const UNIT = 65536;
const MAX_START = 32767;

export function packRange(r: Range, line: number): PackedRange {
  const s = r.start.character;
  const e = r.end.character;
  // Below 2^31: a small integer, stored in the object itself rather than as a boxed number.
  const fits = r.start.line === line && r.end.line === line && s >= 0 && s <= MAX_START && e >= 0 && e < UNIT && Number.isInteger(s) && Number.isInteger(e);
  return fits ? s * UNIT + e : r;
}

/** `[start, end)` of `line`, packed (for a definition or heading being made). */
export function packLine(line: number, start: number, end: number): PackedRange {
  return start >= 0 && start <= MAX_START && end >= 0 && end < UNIT ? start * UNIT + end : range(line, start, line, end);
}

export function unpackRange(p: PackedRange, line: number): Range {
  return typeof p === 'number' ? range(line, Math.floor(p / UNIT), line, p % UNIT) : p;
}

/** `p` (packed for an owner on `line`) for an owner moved `delta` lines. */
export function shiftPacked(p: PackedRange, delta: number): PackedRange {
  return typeof p === 'number' || delta === 0 ? p : range(p.start.line + delta, p.start.character, p.end.line + delta, p.end.character);
}

/** True when `b` (owned on `lineB`) is `a` (owned on `lineA`) moved by `delta` lines. */
export function samePacked(a: PackedRange, lineA: number, b: PackedRange, lineB: number, delta: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b && lineA + delta === lineB;
  const x = unpackRange(a, lineA);
  const y = unpackRange(b, lineB);
  return x.start.line + delta === y.start.line && x.end.line + delta === y.end.line && x.start.character === y.start.character && x.end.character === y.end.character;
}

interface Owner { readonly line: number; [ID_RANGE]: PackedRange; [LINE_RANGE]: PackedRange }

const ID_ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Owner): Range {
    return unpackRange(this[ID_RANGE], this.line);
  },
};

const LINE_ACCESSOR: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: Owner): Range {
    return unpackRange(this[LINE_RANGE], this.line);
  },
};

/** Gives a definition made with `[ID_RANGE]` and `[LINE_RANGE]` its `idRange` and `range`; returns it. */
export function withDefinitionRanges<T extends object>(def: T): T & { readonly idRange: Range; readonly range: Range } {
  // Two defineProperty calls: defineProperties reads its descriptor map anew each time, twice as slow.
  Object.defineProperty(def, 'idRange', ID_ACCESSOR);
  return Object.defineProperty(def, 'range', LINE_ACCESSOR) as T & { readonly idRange: Range; readonly range: Range };
}

/** Gives a heading made with `[LINE_RANGE]` its `range`; returns it. */
export function withHeadingRange<T extends object>(heading: T): T & { readonly range: Range } {
  return Object.defineProperty(heading, 'range', LINE_ACCESSOR) as T & { readonly range: Range };
}

/** The packed slots of a definition or heading made here (undefined for a plain one, such as a decoded cache entry's). */
export function packedOf(owner: object, key: typeof ID_RANGE | typeof LINE_RANGE): PackedRange | undefined {
  return (owner as Partial<Owner>)[key];
}

/** A definition's `idRange` as packed (packing a plain one's). */
export function idRangeSlot(def: { readonly line: number; readonly idRange: Range }): PackedRange {
  return packedOf(def, ID_RANGE) ?? packRange(def.idRange, def.line);
}

/** A definition's or heading's `range` as packed (packing a plain one's). */
export function lineRangeSlot(owner: { readonly line: number; readonly range: Range }): PackedRange {
  return packedOf(owner, LINE_RANGE) ?? packRange(owner.range, owner.line);
}
