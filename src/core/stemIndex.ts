import { numberOf, prefixOf, stemOf } from './ids';
import { editDistance } from './editDistance';

/** A defined ID with its final number, for the nearest-number search. */
interface Numbered {
  readonly id: string;
  readonly value: number;
}

/**
 * Defined IDs grouped by stem (`REQ-CHK-`) and stems grouped by prefix (`REQ`): what next-free IDs
 * and "did you mean" suggestions read. Suggestions used to sort every ID of the stem for each unknown
 * ID and, when nothing defined the stem, scan every stem of the workspace; now a stem's IDs are kept
 * sorted by number (built on first ask, dropped when the stem's IDs change) and only the prefix's
 * stems are compared.
 */
export class StemIndex {
  private readonly byStem = new Map<string, Set<string>>();
  /** prefix → stems with at least one ID. */
  private readonly byPrefix = new Map<string, Set<string>>();
  /** stem → its IDs sorted by number, then as localeCompare orders them; built lazily. */
  private readonly sorted = new Map<string, readonly Numbered[] | null>();

  add(id: string): void {
    const stem = stemOf(id);
    let set = this.byStem.get(stem);
    if (!set) this.byStem.set(stem, (set = new Set()));
    if (set.has(id)) return;
    set.add(id);
    this.sorted.delete(stem);
    if (set.size === 1) {
      const prefix = prefixOf(stem);
      let stems = this.byPrefix.get(prefix);
      if (!stems) this.byPrefix.set(prefix, (stems = new Set()));
      stems.add(stem);
    }
  }

  delete(id: string): void {
    const stem = stemOf(id);
    const set = this.byStem.get(stem);
    if (!set?.delete(id)) return;
    this.sorted.delete(stem);
    if (set.size > 0) return;
    this.byStem.delete(stem);
    const prefix = prefixOf(stem);
    const stems = this.byPrefix.get(prefix);
    stems?.delete(stem);
    if (stems?.size === 0) this.byPrefix.delete(prefix);
  }

  /** The IDs defined with `stem` (empty when none). */
  ids(stem: string): ReadonlySet<string> {
    return this.byStem.get(stem) ?? EMPTY;
  }

  /** Stems with at least one defined ID. */
  stems(): IterableIterator<string> {
    return this.byStem.keys();
  }

  /** The stems of `prefix` with at least one defined ID. */
  stemsWithPrefix(prefix: string): ReadonlySet<string> {
    return this.byPrefix.get(prefix) ?? EMPTY;
  }

  /**
   * The `max` IDs of `stem` whose numbers are nearest `target`, ties in localeCompare order: what
   * sorting all of them by that order and taking the first `max` gives, found from the sorted list.
   */
  nearest(stem: string, target: number, max: number): string[] {
    const list = this.sortedOf(stem);
    if (!list || !Number.isFinite(target)) return nearestBySort(this.ids(stem), target, max);
    return nearestInSorted(list, target, max);
  }

  private sortedOf(stem: string): readonly Numbered[] | null {
    let list = this.sorted.get(stem);
    if (list !== undefined) return list;
    const numbered = [...this.ids(stem)].map((id) => ({ id, value: numberOf(id).value }));
    // An ID without a finite number has no place in the order: such a stem is sorted per query.
    list = numbered.every((n) => Number.isFinite(n.value)) ? numbered.sort((a, b) => a.value - b.value || a.id.localeCompare(b.id)) : null;
    this.sorted.set(stem, list);
    return list;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** The nearest numbers in a list sorted by number: walk out from `target`, then order the nearest. */
function nearestInSorted(list: readonly Numbered[], target: number, max: number): string[] {
  if (max <= 0 || list.length === 0) return [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid].value < target) lo = mid + 1;
    else hi = mid;
  }
  // Take the nearest `max` by distance, then everything as near as the last of them (ties).
  let down = lo - 1;
  let up = lo;
  const picked: Numbered[] = [];
  let cutoff = -1;
  while (down >= 0 || up < list.length) {
    const dDown = down >= 0 ? target - list[down].value : Infinity;
    const dUp = up < list.length ? list[up].value - target : Infinity;
    const d = Math.min(dDown, dUp);
    if (picked.length >= max && d > cutoff) break;
    if (dDown <= dUp) picked.push(list[down--]);
    else picked.push(list[up++]);
    cutoff = d;
  }
  return picked
    .map((n) => ({ id: n.id, d: Math.abs(n.value - target) }))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .slice(0, max)
    .map((c) => c.id);
}

/** The same answer by sorting every ID: for the odd stem or target without a finite number. */
export function nearestBySort(ids: Iterable<string>, target: number, max: number): string[] {
  return [...ids]
    .map((candidate) => ({ candidate, d: Math.abs(numberOf(candidate).value - target) }))
    .sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate))
    .slice(0, max)
    .map((c) => c.candidate);
}

/**
 * The stem closest to `wanted` by edit distance, ties to the alphabetically first (a map's order
 * depends on past edits). The length difference bounds the distance from below, so most stems are
 * passed over without computing it.
 */
export function closestStem(candidates: Iterable<string>, wanted: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const s of candidates) {
    if (Math.abs(s.length - wanted.length) > bestD) continue;
    const d = editDistance(s, wanted);
    if (d < bestD || (d === bestD && best !== undefined && s < best)) {
      best = s;
      bestD = d;
    }
  }
  return best;
}

/** Longer final numbers are not typed by hand: no variants are tried for them. */
const MAX_TYPO_DIGITS = 12;

/**
 * IDs one slip of the keyboard away from `id` in its final number (a digit changed, dropped, added,
 * or two neighbours swapped: `FR-021` for `FR-041`, `REQ-010` for `REQ-001`) for which `has`
 * answers true, nearest number first. Each variant is looked up, not compared with every ID.
 */
export function numberTypos(id: string, has: (candidate: string) => boolean): string[] {
  const stem = stemOf(id);
  const digits = /^\d+/.exec(id.slice(stem.length))?.[0];
  if (!digits || digits.length > MAX_TYPO_DIGITS) return [];
  const tail = id.slice(stem.length + digits.length);
  const variants = new Set<string>();
  for (let i = 0; i <= digits.length; i++) {
    const head = digits.slice(0, i);
    for (let d = 0; d <= 9; d++) {
      variants.add(head + d + digits.slice(i));
      if (i < digits.length) variants.add(head + d + digits.slice(i + 1));
    }
    if (i < digits.length && digits.length > 1) variants.add(head + digits.slice(i + 1));
    if (i + 1 < digits.length) variants.add(head + digits[i + 1] + digits[i] + digits.slice(i + 2));
  }
  variants.delete(digits);
  const target = Number(digits);
  return [...variants]
    .map((v) => ({ id: stem + v + tail, d: Math.abs(Number(v) - target) }))
    .filter((c) => has(c.id))
    .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
    .map((c) => c.id);
}

/** `max` suggestions: the typos first, then the nearest numbers not already among them. */
export function withTypos(typos: readonly string[], nearest: readonly string[], max: number): string[] {
  if (typos.length === 0) return nearest.slice(0, max);
  const seen = new Set(typos);
  return [...typos, ...nearest.filter((n) => !seen.has(n))].slice(0, max);
}
