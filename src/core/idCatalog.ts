import { compareIds } from './compareIds';
import type { RequirementDef } from './model';
import { hasHan, pinyinKeys } from './pinyin';
import type { RequirementIndex } from './requirementIndex';

// Made on first use: the first Intl object loads ICU's data, 10-40 ms that a run printing a cached report never needs.
/** A search word typed without a Chinese input method, which may be pinyin. */
const PINYIN_WORD = /^[a-z]{2,}$/;

/**
 * Sorted views of the defined IDs for completion and workspace symbols. Rebuilt only when the set
 * of IDs changes (not on every keystroke), so a query is a binary search plus a bounded slice even
 * with 100,000 requirements.
 */
export class IdCatalog {
  private builtFor = -1;
  private sorted: string[] = [];
  /** Parallel to `sorted`: the definition each search text was made from, and that text. */
  private searchDefs: (RequirementDef | undefined)[] = [];
  private searchText: string[] = [];
  /** Pinyin keys of Chinese titles, worked out the first time a Latin word is looked for in them. */
  private searchPinyin: (string | undefined)[] = [];

  constructor(private readonly index: RequirementIndex) {}

  /** Defined IDs starting with `typed` (upper-cased), in ID order, at most `limit`. */
  withPrefix(typed: string, limit: number): { ids: string[]; complete: boolean } {
    this.ensure();
    const key = typed.toUpperCase();
    const ids: string[] = [];
    for (let i = this.lowerBound(key); i < this.sorted.length && this.sorted[i].startsWith(key); i++) {
      if (ids.length === limit) return { ids: ids.sort(compareIds), complete: false };
      ids.push(this.sorted[i]);
    }
    return { ids: ids.sort(compareIds), complete: true };
  }

  /**
   * Requirements whose ID or title contains every word of `query` (case-insensitive; Chinese
   * titles match by substring, or by pinyin for a word of Latin letters: `zf` finds 支付), at most `limit`; only IDs starting with `idStart` when given
   * (`REQ-` for one prefix, `REQ-CHK-` for one stem).
   */
  search(query: string, limit: number, idStart = ''): RequirementDef[] {
    this.ensure();
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const out: RequirementDef[] = [];
    // IDs sharing a start are a contiguous run of the sorted list.
    for (let i = idStart ? this.lowerBound(idStart) : 0; i < this.sorted.length; i++) {
      const id = this.sorted[i];
      if (idStart && !id.startsWith(idStart)) break;
      const def = this.index.definitions(id)[0];
      if (!def) continue;
      // Titles change without the set of IDs changing: the lower-cased text is kept per definition object.
      if (this.searchDefs[i] !== def) {
        this.searchDefs[i] = def;
        this.searchText[i] = `${id} ${def.title}`.toLowerCase();
        this.searchPinyin[i] = undefined;
      }
      const hay = this.searchText[i];
      if (words.every((w) => hay.includes(w) || (PINYIN_WORD.test(w) && this.pinyinOf(i, def.title).includes(w)))) {
        out.push(def);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  private pinyinOf(i: number, title: string): string {
    return (this.searchPinyin[i] ??= hasHan(title) ? pinyinKeys(title) : '');
  }

  /** Known prefixes that start with `typed` (for completion before the first dash). */
  prefixesStartingWith(typed: string): string[] {
    const key = typed.toUpperCase();
    return this.index.knownPrefixes().filter((p) => p.startsWith(key));
  }

  /** Index of the first sorted ID not less than `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private ensure(): void {
    const version = this.index.definitionsVersion;
    if (version === this.builtFor) return;
    this.sorted = [...this.index.requirements()].map((d) => d.id).sort();
    // Filled up front: writing into empty arrays out of order would make them slow sparse arrays.
    this.searchDefs = new Array<RequirementDef | undefined>(this.sorted.length).fill(undefined);
    this.searchText = new Array<string>(this.sorted.length).fill('');
    this.searchPinyin = new Array<string | undefined>(this.sorted.length).fill(undefined);
    this.builtFor = version;
  }
}
