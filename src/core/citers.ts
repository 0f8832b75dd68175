import type { IdToken } from './model';

/** One file's tokens citing an ID: the token itself when it cites the ID once (most do). */
export type Cited = IdToken | IdToken[];

/**
 * The files citing one ID, with their tokens. Most IDs are cited by a handful of files, and a Map
 * costs some 300 bytes however few entries it holds: 60,000 of them were 18 MB of the large bench
 * corpus's index. Up to SMALL files are a list `[path, cited, path, cited…]` of exactly that size
 * (a lookup compares a few paths); more become a Map, so an ID cited everywhere stays a lookup.
 */
export type Citers = Map<string, Cited> | (string | Cited)[];

const SMALL = 8;

export function citersOf(path: string, cited: Cited): Citers {
  return [path, cited];
}

function indexIn(list: readonly (string | Cited)[], path: string): number {
  for (let i = 0; i < list.length; i += 2) if (list[i] === path) return i;
  return -1;
}

export function hasCiter(c: Citers, path: string): boolean {
  return Array.isArray(c) ? indexIn(c, path) >= 0 : c.has(path);
}

/** Sets `path`'s tokens; returns the container to keep (a new one when it had to grow). */
export function setCiter(c: Citers, path: string, cited: Cited): Citers {
  if (!Array.isArray(c)) {
    c.set(path, cited);
    return c;
  }
  const at = indexIn(c, path);
  if (at >= 0) {
    c[at + 1] = cited;
    return c;
  }
  if (c.length < SMALL * 2) return c.concat([path, cited]);
  const map = new Map<string, Cited>();
  for (let i = 0; i < c.length; i += 2) map.set(c[i] as string, c[i + 1] as Cited);
  return map.set(path, cited);
}

export function deleteCiter(c: Citers, path: string): void {
  if (!Array.isArray(c)) {
    c.delete(path);
    return;
  }
  const at = indexIn(c, path);
  if (at >= 0) c.splice(at, 2);
}

export function citerCount(c: Citers): number {
  return Array.isArray(c) ? c.length / 2 : c.size;
}

/** The citing paths with their tokens. */
export function citerEntries(c: Citers): Iterable<[string, Cited]> {
  if (!Array.isArray(c)) return c;
  const out: [string, Cited][] = [];
  for (let i = 0; i < c.length; i += 2) out.push([c[i] as string, c[i + 1] as Cited]);
  return out;
}

/** The citing paths. */
export function citerPaths(c: Citers | undefined): Iterable<string> {
  if (c === undefined) return [];
  if (!Array.isArray(c)) return c.keys();
  const out: string[] = [];
  for (let i = 0; i < c.length; i += 2) out.push(c[i] as string);
  return out;
}
