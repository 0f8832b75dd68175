/**
 * Strings the index keeps for as long as a file stays indexed. V8 represents a substring of 13 or
 * more characters as a view into the string it was cut from, so one kept title would keep its
 * whole file's text alive; and the same short values ('P1', 'approved', an owner's name) recur
 * across tens of thousands of requirements.
 */

const SLICE_MIN = 13;
const INTERN_MAX_LENGTH = 24;
const INTERN_MAX_ENTRIES = 10_000;
const interned = new Map<string, string>();

/** `s` as a string of its own, not a view into the (much larger) text it came from. */
export function own(s: string): string {
  if (s.length < SLICE_MIN) return s;
  // The two halves make a pair (a cons string); reading a character flattens it into one new
  // string of exactly these characters, and the GC then drops the pair. Slicing a padded copy, as
  // this did before, left a 32-byte view in front of every kept string: 10 MB on the large corpus.
  const copy = s.charAt(0) + s.slice(1);
  copy.charCodeAt(0);
  return copy;
}

/** One shared copy of a short, often repeated value (attribute keys and values like 'P1' or an owner's name). */
export function intern(s: string): string {
  if (s.length > INTERN_MAX_LENGTH) return own(s);
  const known = interned.get(s);
  if (known !== undefined) return known;
  const copy = own(s);
  if (interned.size < INTERN_MAX_ENTRIES) interned.set(copy, copy);
  return copy;
}
