/**
 * Small non-negative integers kept as the UTF-16 units of one string: 2 bytes each (1 when all
 * are below 256) instead of an 8-byte list slot. Parses keep many such numbers (columns and lines
 * of attribute spans and front-matter fields) that are read only by quick fixes and edits.
 */
export type Units = string | readonly number[];

const MAX_UNIT = 0xffff;
/** String.fromCharCode takes its arguments on the stack: a few thousand at a time. */
const CHUNK = 4096;

/** `numbers` as a string of units, or the list itself when one of them does not fit a unit. */
export function toUnits(numbers: readonly number[]): Units {
  for (const v of numbers) if (!(v >= 0 && v <= MAX_UNIT && Number.isInteger(v))) return numbers;
  if (numbers.length <= CHUNK) return String.fromCharCode(...numbers);
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; i += CHUNK) parts.push(String.fromCharCode(...numbers.slice(i, i + CHUNK)));
  return parts.join('');
}

export function unitAt(units: Units, i: number): number {
  return typeof units === 'string' ? units.charCodeAt(i) : units[i];
}
