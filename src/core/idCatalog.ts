import { prefixOf } from './ids';
import type { RequirementDef } from './model';
import type { RequirementIndex } from './requirementIndex';

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Sorted views of the defined IDs for completion and workspace symbols. Rebuilt only when the set
 * of IDs changes (not on every keystroke), so a query is a binary search plus a bounded slice even
 * with 100,000 requirements.
 */
export class IdCatalog {
  private builtFor = -1;
  private sorted: string[] = [];

  constructor(private readonly index: RequirementIndex) {}

  /** Defined IDs starting with `typed` (upper-cased), in ID order, at most `limit`. */
  withPrefix(typed: string, limit: number): { ids: string[]; complete: boolean } {
    this.ensure();
    const key = typed.toUpperCase();
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] < key) lo = mid + 1;
      else hi = mid;
    }
    const ids: string[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i].startsWith(key); i++) {
      if (ids.length === limit) return { ids: ids.sort(collator.compare), complete: false };
      ids.push(this.sorted[i]);
    }
    return { ids: ids.sort(collator.compare), complete: true };
  }

  /**
   * Requirements whose ID or title contains every word of `query` (case-insensitive; Chinese
   * titles match by substring), at most `limit`.
   */
  search(query: string, limit: number, onlyPrefix?: string): RequirementDef[] {
    this.ensure();
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const out: RequirementDef[] = [];
    for (const id of this.sorted) {
      if (onlyPrefix && prefixOf(id) !== onlyPrefix) continue;
      const def = this.index.definitions(id)[0];
      if (!def) continue;
      const hay = `${id} ${def.title}`.toLowerCase();
      if (words.every((w) => hay.includes(w))) {
        out.push(def);
        if (out.length >= limit) break;
      }
    }
    return out;
  }

  /** Known prefixes that start with `typed` (for completion before the first dash). */
  prefixesStartingWith(typed: string): string[] {
    const key = typed.toUpperCase();
    return this.index.knownPrefixes().filter((p) => p.startsWith(key));
  }

  private ensure(): void {
    const version = this.index.definitionsVersion;
    if (version === this.builtFor) return;
    this.sorted = [...this.index.requirements()].map((d) => d.id).sort();
    this.builtFor = version;
  }
}
