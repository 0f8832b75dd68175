import { formatId, numberOf, prefixOf, shapeOf, stemOf } from './ids';
import { folderOf, inScope } from './idScope';
import { closestStem, nearestBySort, numberTypos, StemIndex, withTypos } from './stemIndex';
import { citerCount, citerEntries, citerPaths, citersOf, deleteCiter, hasCiter, setCiter, type Citers } from './citers';
import { formRank } from './markdown/mergeDefinitions';
import type { IdToken, ParsedFile, RequirementDef } from './model';
import type { SpecDiagnostic } from './types';

/** One indexed file: its parse, its own diagnostics and a hash to skip re-parsing identical text. */
export interface FileEntry {
  readonly path: string;
  readonly root: string;
  readonly hash: number;
  readonly parsed: ParsedFile;
  /** Diagnostics that depend on this file alone (front matter, sections, attributes, skips). */
  readonly diagnostics: readonly SpecDiagnostic[];
}

/**
 * A file's definitions as an editor has them before the index takes them: queries given one
 * answer as if the file's indexed definitions were `own` (grouped by ID).
 */
export interface Replacing {
  readonly path: string;
  readonly own: ReadonlyMap<string, readonly RequirementDef[]>;
  /** How the file's definitions change each prefix's count of definitions naming it. */
  readonly prefixShift: ReadonlyMap<string, number>;
  /** How they change each scope's count of numbered (Kiro) definitions. */
  readonly scopeShift: ReadonlyMap<string, number>;
}

/** What an update touched, so callers refresh only files whose cross-file diagnostics can change. */
export interface IndexDelta {
  readonly ids: ReadonlySet<string>;
  readonly prefixes: ReadonlySet<string>;
}

export interface Reference extends IdToken {
  readonly path: string;
  readonly kind: 'doc' | 'code';
}

/** Whether a definition's ID makes its prefix known: `FR1` and Kiro's `1.2` name no prefix. */
function namesPrefix(id: string): boolean {
  return id.includes('-') && !isNumeric(id);
}

/** Kiro's numbers are the only IDs that start with a digit (cheaper than shapeOf, asked per token). */
function isNumeric(id: string): boolean {
  const c = id.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * The workspace's requirements and references, kept in maps keyed by ID so every provider query is
 * a lookup. Updates replace one file's contributions; nothing is ever rebuilt wholesale.
 */
export class RequirementIndex {
  private readonly files = new Map<string, FileEntry>();
  private readonly defs = new Map<string, RequirementDef[]>();
  /**
   * id → path → tokens: removing a file touches only its own tokens. A file usually cites an ID
   * once, so a lone token is stored as itself: a list grown from empty reserves 17 slots, which
   * on 300,000 (ID, file) pairs was a seventh of the index's memory. The paths of an ID are a
   * short list while few (see citers.ts).
   */
  private readonly tokens = new Map<string, Citers>();
  /** prefix → path → token count: which files an appearing or vanishing prefix affects. */
  private readonly prefixFiles = new Map<string, Map<string, number>>();
  private readonly defPrefixes = new Map<string, number>();
  /** IDs by stem (`REQ-CHK-`) and stems by prefix: for next-free IDs and suggestions. */
  private readonly stems = new StemIndex();
  private configPrefixes: ReadonlySet<string> = new Set();
  private version = 0;
  /** prefix → IDs referenced but defined nowhere: whose "did you mean" may change when IDs come and go. */
  private readonly undefinedIds = new Map<string, Set<string>>();
  /** Files citing Kiro-style numbers: whether those resolve depends on the folder, not just the ID. */
  private readonly numericCiters = new Map<string, number>();
  /** Scope → count of numbered (Kiro) definitions in it. */
  private readonly numericScopes = new Map<string, number>();

  /** Bumped whenever the set of defined IDs changes (not when a definition merely moves). */
  get definitionsVersion(): number {
    return this.version;
  }

  /** Bumped on every change of any kind: what is derived from a whole index can be kept until it moves. */
  get generation(): number {
    return this.changes;
  }

  private changes = 0;

  get fileCount(): number {
    return this.files.size;
  }

  setConfigPrefixes(prefixes: Iterable<string>): void {
    this.configPrefixes = new Set(prefixes);
    this.version++;
    this.changes++;
  }

  /**
   * Replaces a file's entry and returns what changed for other files: IDs whose definition count
   * changed (or that stay duplicated, since "also at" lines move) and prefixes that became known or
   * unknown. Re-parsing a file with the same definitions reports nothing, so typing stays local.
   */
  set(entry: FileEntry): IndexDelta {
    this.changes++;
    const old = this.files.get(entry.path);
    // Definitions a re-parse kept (the same objects, so the same lines) cannot change anything.
    const { before: gone, after: come } = changed(old?.parsed.requirements ?? [], entry.parsed.requirements);
    const touched = new Set<string>();
    for (const d of gone) touched.add(d.id);
    for (const d of come) touched.add(d.id);
    const before = new Map([...touched].map((id) => [id, this.defs.get(id)?.length ?? 0]));
    const prefixes = new Set([...touched].map(prefixOf));
    const known = new Map([...prefixes].map((p) => [p, this.isKnownPrefix(p)]));
    if (old) this.update(old, entry);
    else this.add(entry);
    return this.delta(before, known);
  }

  /** Like set(), without working out what changed: for bulk indexing, where nobody asks. */
  load(entry: FileEntry): void {
    this.changes++;
    this.drop(entry.path);
    this.add(entry);
  }

  /** Drops a file's contributions. */
  remove(path: string): IndexDelta {
    this.changes++;
    const old = this.files.get(path);
    if (!old) return { ids: new Set(), prefixes: new Set() };
    const before = new Map(old.parsed.requirements.map((d) => [d.id, this.defs.get(d.id)?.length ?? 0]));
    const known = new Map(old.parsed.requirements.map((d) => [prefixOf(d.id), true]));
    this.drop(path);
    return this.delta(before, known);
  }

  private delta(before: Map<string, number>, known: Map<string, boolean>): IndexDelta {
    const ids = new Set<string>();
    for (const [id, n] of before) {
      const now = this.defs.get(id)?.length ?? 0;
      if (now !== n || now > 1) ids.add(id);
    }
    const prefixes = new Set<string>();
    for (const [p, was] of known) if (this.isKnownPrefix(p) !== was) prefixes.add(p);
    return { ids, prefixes };
  }

  private add(entry: FileEntry): void {
    this.files.set(entry.path, entry);
    for (const def of entry.parsed.requirements) this.addDef(def);
    for (const [id, tokens] of groupById(entry.parsed.tokens)) this.addTokens(id, entry.path, tokens);
    this.countPrefixes(entry.path, undefined, entry.parsed.tokens);
  }

  private drop(path: string): void {
    const old = this.files.get(path);
    if (!old) return;
    this.files.delete(path);
    for (const def of old.parsed.requirements) this.removeDef(def);
    for (const id of groupById(old.parsed.tokens).keys()) this.removeTokens(id, path);
    this.countPrefixes(path, old.parsed.tokens, undefined);
  }

  /**
   * Replaces a file's entry, touching the shared maps only where it differs. Re-indexing a
   * 2,000-requirement document on every keystroke used to delete and re-insert thousands of keys
   * in maps of 100,000 (and rehash them). A re-parse keeps the unchanged definitions and tokens
   * (the same objects, in order), so only the IDs between the common start and end are looked at;
   * for those, an ID the file still defines (or cites) as often as before only has its value swapped.
   */
  private update(old: FileEntry, entry: FileEntry): void {
    const path = entry.path;
    this.files.set(path, entry);
    const defs = changed(old.parsed.requirements, entry.parsed.requirements);
    const defIds = new Set([...defs.before, ...defs.after].map((d) => d.id));
    if (defIds.size > 0) {
      const oldDefs = groupById(old.parsed.requirements, defIds);
      const newDefs = groupById(entry.parsed.requirements, defIds);
      for (const [id, list] of oldDefs) {
        const next = newDefs.get(id);
        if (next && next.length === list.length) {
          const all = this.defs.get(id) ?? [];
          this.defs.set(id, all.length === list.length ? sortDefs(next.slice()) : sortDefs([...all.filter((d) => d.path !== path), ...next]));
        } else {
          for (const def of list) this.removeDef(def);
          for (const def of next ?? []) this.addDef(def);
        }
      }
      for (const [id, list] of newDefs) if (!oldDefs.has(id)) for (const def of list) this.addDef(def);
    }
    const tokens = changed(old.parsed.tokens, entry.parsed.tokens);
    const tokenIds = new Set([...tokens.before, ...tokens.after].map((t) => t.id));
    if (tokenIds.size > 0) {
      const oldTokens = groupById(old.parsed.tokens, tokenIds);
      const newTokens = groupById(entry.parsed.tokens, tokenIds);
      for (const id of oldTokens.keys()) {
        const next = newTokens.get(id);
        if (next) this.setTokens(id, path, next);
        else this.removeTokens(id, path);
      }
      for (const [id, list] of newTokens) if (!oldTokens.has(id)) this.addTokens(id, path, list);
      this.countPrefixes(path, tokens.before, tokens.after);
    }
  }

  private addDef(def: RequirementDef): void {
    const list = this.defs.get(def.id);
    if (!list) {
      // An exact-size list: most IDs are defined once, and `[]` grown by push reserves 17 slots.
      this.defs.set(def.id, [def]);
      this.version++;
      this.undefinedIds.get(prefixOf(def.id))?.delete(def.id);
    } else {
      list.push(def);
      sortDefs(list);
    }
    if (namesPrefix(def.id)) {
      const prefix = prefixOf(def.id);
      this.defPrefixes.set(prefix, (this.defPrefixes.get(prefix) ?? 0) + 1);
    } else if (isNumeric(def.id)) {
      this.count(this.numericScopes, def.scope ?? def.path, 1);
    }
    this.stems.add(def.id);
  }

  private removeDef(def: RequirementDef): void {
    const rest = (this.defs.get(def.id) ?? []).filter((d) => d !== def);
    if (rest.length) this.defs.set(def.id, rest);
    else {
      this.defs.delete(def.id);
      this.stems.delete(def.id);
      this.version++;
      if (this.tokens.has(def.id) && shapeOf(def.id) === 'strict') this.markUndefined(def.id);
    }
    if (namesPrefix(def.id)) {
      const prefix = prefixOf(def.id);
      const n = (this.defPrefixes.get(prefix) ?? 1) - 1;
      if (n > 0) this.defPrefixes.set(prefix, n);
      else this.defPrefixes.delete(prefix);
    } else if (isNumeric(def.id)) {
      this.count(this.numericScopes, def.scope ?? def.path, -1);
    }
  }

  private count(map: Map<string, number>, key: string, by: number): void {
    const n = (map.get(key) ?? 0) + by;
    if (n > 0) map.set(key, n);
    else map.delete(key);
  }

  private addTokens(id: string, path: string, tokens: IdToken[]): void {
    shareId(this.defs.get(id), tokens);
    const byPath = this.tokens.get(id);
    const cited = tokens.length === 1 ? tokens[0] : tokens;
    if (!byPath) {
      this.tokens.set(id, citersOf(path, cited));
      if (!this.defs.has(id) && shapeOf(id) === 'strict') this.markUndefined(id);
      if (isNumeric(id)) this.count(this.numericCiters, path, 1);
      return;
    }
    if (isNumeric(id) && !hasCiter(byPath, path)) this.count(this.numericCiters, path, 1);
    const next = setCiter(byPath, path, cited);
    if (next !== byPath) this.tokens.set(id, next);
  }

  /** Replaces the tokens of an ID that `path` already cites. */
  private setTokens(id: string, path: string, tokens: IdToken[]): void {
    const byPath = this.tokens.get(id);
    if (!byPath) return;
    const next = setCiter(byPath, path, tokens.length === 1 ? tokens[0] : tokens);
    if (next !== byPath) this.tokens.set(id, next);
  }

  private removeTokens(id: string, path: string): void {
    const byPath = this.tokens.get(id);
    if (byPath && isNumeric(id) && hasCiter(byPath, path)) this.count(this.numericCiters, path, -1);
    if (byPath) deleteCiter(byPath, path);
    if (byPath && citerCount(byPath) === 0) {
      this.tokens.delete(id);
      this.undefinedIds.get(prefixOf(id))?.delete(id);
    }
  }

  /** Moves `path`'s per-prefix token counts by the tokens it no longer has and the ones it gained. */
  private countPrefixes(path: string, removed: readonly IdToken[] | undefined, added: readonly IdToken[] | undefined): void {
    const change = new Map<string, number>();
    for (const t of removed ?? []) change.set(prefixOf(t.id), (change.get(prefixOf(t.id)) ?? 0) - 1);
    for (const t of added ?? []) change.set(prefixOf(t.id), (change.get(prefixOf(t.id)) ?? 0) + 1);
    for (const [prefix, d] of change) {
      if (d === 0) continue;
      let files = this.prefixFiles.get(prefix);
      if (!files) this.prefixFiles.set(prefix, (files = new Map()));
      const n = (files.get(path) ?? 0) + d;
      if (n > 0) files.set(path, n);
      else files.delete(path);
    }
  }

  private markUndefined(id: string): void {
    const prefix = prefixOf(id);
    let set = this.undefinedIds.get(prefix);
    if (!set) this.undefinedIds.set(prefix, (set = new Set()));
    set.add(id);
  }

  get(path: string): FileEntry | undefined {
    return this.files.get(path);
  }

  entries(): IterableIterator<FileEntry> {
    return this.files.values();
  }

  isKnownPrefix(prefix: string, replacing?: Replacing): boolean {
    if (this.configPrefixes.has(prefix)) return true;
    return (this.defPrefixes.get(prefix) ?? 0) + (replacing?.prefixShift.get(prefix) ?? 0) > 0;
  }

  knownPrefixes(): string[] {
    return [...new Set([...this.defPrefixes.keys(), ...this.configPrefixes])].sort();
  }

  /**
   * The definitions of `id`: in every scope, the ones in the highest-ranked form. A summary or
   * traceability table that lists an ID a heading, list item or paragraph defines elsewhere is a
   * list of references, not a second definition.
   */
  definitions(id: string): readonly RequirementDef[] {
    const all = this.defs.get(id);
    if (!all) return [];
    if (all.length === 1) return all;
    const beaten = outrankedOf(all);
    return beaten.size ? all.filter((d) => !beaten.has(d)) : all;
  }

  /** The IDs defined with `stem` as they would be with `path`'s definitions replaced by `own`. */
  private idsReplacing(stem: string, { path, own }: Replacing): Set<string> {
    const out = new Set<string>();
    for (const id of this.stems.ids(stem)) if ((this.defs.get(id) ?? []).some((d) => d.path !== path)) out.add(id);
    for (const id of own.keys()) if (stemOf(id) === stem) out.add(id);
    return out;
  }

  /** The definitions of `id` as they would be with `path`'s replaced by `own` (a parse not indexed yet). */
  definitionsReplacing(id: string, { path, own }: Replacing): readonly RequirementDef[] {
    const others = (this.defs.get(id) ?? []).filter((d) => d.path !== path);
    return this.definitionsOf(sortDefs([...others, ...(own.get(id) ?? [])]));
  }



  /**
   * The definitions a citation of `id` in file `from` means: those of the innermost scope that
   * holds `from`, else the workspace-wide ones, else (a spec-kit `FR-001` cited from code outside
   * every feature) all of them. Kiro's numbers resolve only within their folder.
   */
  resolve(id: string, from: string, replacing?: Replacing): readonly RequirementDef[] {
    // Branches rather than a closure: allDiagnostics asks this for every token of every file.
    const exact = replacing ? this.definitionsReplacing(id, replacing) : this.definitions(id);
    const alias = exact.length === 0 ? dashVariant(id) : undefined;
    const defs = alias ? (replacing ? this.definitionsReplacing(alias, replacing) : this.definitions(alias)) : exact;
    if (defs.length === 0 || (defs.length === 1 && defs[0].scope === undefined)) return defs;
    let best: RequirementDef[] = [];
    let depth = -1;
    for (const d of defs) {
      if (d.scope === undefined || !inScope(d.scope, from)) continue;
      if (d.scope.length > depth) { best = [d]; depth = d.scope.length; } else if (d.scope.length === depth) best.push(d);
    }
    if (best.length) return best;
    const global = defs.filter((d) => d.scope === undefined);
    if (global.length) return global;
    if (isNumeric(id)) {
      // A Kiro-style document outside a spec folder: its siblings (tasks.md, design.md) cite it.
      const folder = folderOf(from);
      return defs.filter((d) => d.scope !== undefined && folderOf(d.scope) === folder);
    }
    return defs;
  }

  /**
   * Whether a token citing `id` in `from` is a reference: a strict ID with a known prefix (even an
   * undefined one: that is an unknown-id), a wide ID something defines, a Kiro number in a folder
   * that numbers its requirements.
   */
  isReference(id: string, from: string, replacing?: Replacing): boolean {
    switch (shapeOf(id)) {
      case 'strict': return this.isKnownPrefix(prefixOf(id), replacing) || this.resolve(id, from, replacing).length > 0;
      case 'wide': return this.resolve(id, from, replacing).length > 0;
      default: return this.resolve(id, from, replacing).length > 0 || this.numbersRequirements(from, replacing);
    }
  }

  /** True when the folder of `from` holds Kiro-style numbered requirements. */
  private numbersRequirements(from: string, replacing?: Replacing): boolean {
    const holds = (scope: string) => inScope(scope, from) || folderOf(scope) === folderOf(from);
    for (const [scope, n] of this.numericScopes) if (n + (replacing?.scopeShift.get(scope) ?? 0) > 0 && holds(scope)) return true;
    for (const [scope, n] of replacing?.scopeShift ?? []) if (n > 0 && !this.numericScopes.has(scope) && holds(scope)) return true;
    return false;
  }

  /** Queries' view of the index with `parsed`'s file replaced by `parsed` (an editor's text not indexed yet). */
  replacing(parsed: ParsedFile): Replacing {
    const own = new Map<string, RequirementDef[]>();
    const prefixShift = new Map<string, number>();
    const scopeShift = new Map<string, number>();
    const shift = (defs: readonly RequirementDef[], by: number) => {
      for (const d of defs) {
        if (namesPrefix(d.id)) prefixShift.set(prefixOf(d.id), (prefixShift.get(prefixOf(d.id)) ?? 0) + by);
        else if (isNumeric(d.id)) scopeShift.set(d.scope ?? d.path, (scopeShift.get(d.scope ?? d.path) ?? 0) + by);
      }
    };
    shift(this.files.get(parsed.path)?.parsed.requirements ?? [], -1);
    shift(parsed.requirements, 1);
    for (const d of parsed.requirements) {
      const list = own.get(d.id);
      if (list) list.push(d);
      else own.set(d.id, [d]);
    }
    return { path: parsed.path, own, prefixShift, scopeShift };
  }

  /** Every requirement once per scope (the first of a duplicated ID wins within its scope). */
  *requirements(): IterableIterator<RequirementDef> {
    for (const list of this.defs.values()) {
      if (list.length === 1) {
        yield list[0];
        continue;
      }
      const scopes = new Set<string | undefined>();
      for (const d of this.definitionsOf(list)) {
        if (scopes.has(d.scope)) continue;
        scopes.add(d.scope);
        yield d;
      }
    }
  }

  private definitionsOf(list: readonly RequirementDef[]): readonly RequirementDef[] {
    if (list.length === 1) return list;
    const beaten = outrankedOf(list);
    return beaten.size ? list.filter((d) => !beaten.has(d)) : list;
  }

  get requirementCount(): number {
    let n = 0;
    for (const list of this.defs.values()) n += list.length === 1 ? 1 : new Set(this.definitionsOf(list).map((d) => d.scope)).size;
    return n;
  }

  /**
   * requirementCount for the files `inside` accepts, counted the same way (a summary row and the
   * heading it summarises are one requirement), so `check <paths>` and the status bar agree.
   */
  requirementCountIn(inside: (path: string) => boolean): number {
    let n = 0;
    for (const list of this.defs.values()) {
      if (!list.some((d) => inside(d.path))) continue;
      const mine = this.definitionsOf(list).filter((d) => inside(d.path));
      n += mine.length <= 1 ? mine.length : new Set(mine.map((d) => d.scope)).size;
    }
    return n;
  }

  /**
   * References to `id` (or, given a definition, to that definition): tokens in docs and code that
   * resolve to it, and definitions a higher-ranked one outranks (a summary table's row).
   */
  references(target: string | RequirementDef): Reference[] {
    return this.collectReferences(target, (t, path, kind) => ({ ...t, path, kind }));
  }

  /** Where references() would point, as path, line and kind only: what trace lists for every requirement. */
  referenceSites(target: string | RequirementDef): { path: string; line: number; kind: 'doc' | 'code' }[] {
    return this.collectReferences(target, (t, path, kind) => ({ path, line: t.line, kind }));
  }

  private collectReferences<T>(target: string | RequirementDef, make: (token: IdToken, path: string, kind: 'doc' | 'code') => T): T[] {
    const id = typeof target === 'string' ? target : target.id;
    const out: T[] = [];
    // As in referenceCounts: the ID as written, of one unscoped definition, is a reference wherever it is cited.
    const simple = typeof target === 'string' && this.defs.get(id)?.length === 1 && this.defs.get(id)![0].scope === undefined && shapeOf(id) === 'strict';
    for (const [written, byPath] of this.citationsOf(id)) {
      for (const [path, list] of citerEntries(byPath)) {
        if (!(simple && written === id) && !this.cites(target, path, written)) continue;
        const kind = this.files.get(path)?.parsed.kind === 'doc' ? 'doc' : 'code';
        if (Array.isArray(list)) for (const t of list) out.push(make(t, path, kind));
        else out.push(make(list, path, kind));
      }
    }
    const all = this.defs.get(id);
    if (all && all.length > 1) {
      const beaten = outrankedOf(all);
      for (const d of all) {
        if (!beaten.has(d) || !this.cites(target, d.path)) continue;
        out.push(make({ id, line: d.line, start: d.idRange.start.character, end: d.idRange.end.character }, d.path, 'doc'));
      }
    }
    return out;
  }

  /** Whether citations of the target's ID (written `written`) in `path` are references to it. */
  private cites(target: string | RequirementDef, path: string, written = typeof target === 'string' ? target : target.id): boolean {
    if (typeof target === 'string') return this.isReference(written, path) && (written === target || this.resolve(written, path).some((d) => d.id === target));
    return this.resolve(written, path).includes(target);
  }

  /** The tokens citing `id`, also those written as its dash variant (`US1` for `US-1`) that nothing else defines. */
  private citationsOf(id: string): [string, Citers][] {
    const out: [string, Citers][] = [];
    const own = this.tokens.get(id);
    if (own) out.push([id, own]);
    const variant = dashVariant(id);
    const other = variant !== undefined && !this.defs.has(variant) ? this.tokens.get(variant) : undefined;
    if (other) out.push([variant!, other]);
    return out;
  }

  /** Count of references without materializing them (CodeLens, coverage). */
  referenceCounts(target: string | RequirementDef): { doc: number; code: number } {
    const id = typeof target === 'string' ? target : target.id;
    const counts = { doc: 0, code: 0 };
    const simple = this.defs.get(id)?.length === 1 && this.defs.get(id)![0].scope === undefined && shapeOf(id) === 'strict';
    for (const [written, byPath] of this.citationsOf(id)) {
      for (const [path, list] of citerEntries(byPath)) {
        if (!(simple && written === id) && !this.cites(target, path, written)) continue;
        const n = Array.isArray(list) ? list.length : 1;
        if (this.files.get(path)?.parsed.kind === 'doc') counts.doc += n;
        else counts.code += n;
      }
    }
    const all = this.defs.get(id);
    if (all && all.length > 1) for (const d of outrankedOf(all)) if (this.cites(target, d.path)) counts.doc++;
    return counts;
  }

  /**
   * Files with a cross-file problem: definitions of a duplicated ID, and citations of an ID with a
   * known prefix that nothing defines. Every other file's cross-file diagnostics are empty, so
   * listing the workspace's diagnostics need not work them out for all 30,000 files.
   */
  filesWithCrossProblems(): Set<string> {
    const out = new Set<string>();
    for (const list of this.defs.values()) {
      if (list.length < 2) continue;
      const seen = new Map<string | undefined, string>();
      for (const def of this.definitionsOf(list)) {
        const first = seen.get(def.scope);
        if (first === undefined) seen.set(def.scope, def.path);
        else {
          out.add(first);
          out.add(def.path);
        }
      }
    }
    for (const [prefix, ids] of this.undefinedIds) {
      if (!this.isKnownPrefix(prefix)) continue;
      for (const id of ids) for (const path of citerPaths(this.tokens.get(id))) out.add(path);
    }
    // Whether a Kiro number resolves depends on the citing file's folder: let the file say.
    for (const path of this.numericCiters.keys()) out.add(path);
    return out;
  }

  /** Files whose cross-file diagnostics may change after `delta`. */
  affectedFiles(delta: IndexDelta): Set<string> {
    const out = new Set<string>();
    const prefixesOfIds = new Set<string>();
    const stemsOfIds = new Set<string>();
    for (const id of delta.ids) {
      for (const path of citerPaths(this.tokens.get(id))) out.add(path);
      for (const def of this.defs.get(id) ?? []) out.add(def.path);
      prefixesOfIds.add(prefixOf(id));
      stemsOfIds.add(stemOf(id));
    }
    // Unknown IDs get their suggestions from the IDs defined with their stem, or, when nothing
    // defines their stem, from the closest stem of their prefix (see suggestions()). Only those
    // can change: refreshing every file citing any unknown ID of the prefix made typing a new
    // requirement heading re-diagnose hundreds of files on each keystroke.
    for (const prefix of prefixesOfIds) {
      for (const id of this.undefinedIds.get(prefix) ?? []) {
        const stem = stemOf(id);
        if (!stemsOfIds.has(stem) && this.stems.ids(stem).size) continue;
        for (const path of citerPaths(this.tokens.get(id))) out.add(path);
      }
    }
    for (const prefix of delta.prefixes) {
      for (const path of this.prefixFiles.get(prefix)?.keys() ?? []) out.add(path);
    }
    return out;
  }

  /** The next unused ID with the same stem: `REQ-CHK-005` after `REQ-CHK-004`. */
  nextFreeId(stem: string): string {
    let max = 0;
    let width = 3;
    const ids = this.stems.ids(stem);
    if (ids.size > 0) width = 1;
    for (const id of ids) {
      const n = numberOf(id);
      max = Math.max(max, n.value);
      width = Math.max(width, n.width);
    }
    return formatId(stem, max + 1, width);
  }

  stemsOf(prefix: string): string[] {
    return [...this.stems.stemsWithPrefix(prefix)];
  }

  /**
   * Defined IDs close to an unknown one: same stem with the nearest numbers, else the closest stem.
   * `replacing` judges as if one file's definitions were `own` (a parse not indexed yet).
   */
  suggestions(id: string, max = 3, replacing?: Replacing): string[] {
    if (replacing) return this.suggestionsReplacing(id, max, replacing);
    let stem = stemOf(id);
    const own = this.stems.ids(stem);
    if (!own.size) {
      const closest = closestStem(this.stems.stemsWithPrefix(prefixOf(id)), stem);
      if (closest === undefined) return [];
      stem = closest;
    }
    // A mistyped number of the ID's own stem first (`FR-021` for `FR-041`), then the nearest numbers.
    const typos = own.size ? numberTypos(id, (c) => own.has(c)).slice(0, max) : [];
    return withTypos(typos, this.stems.nearest(stem, numberOf(id).value, max + typos.length), max);
  }

  /** suggestions() for an editor's parse: only the prefix's stems are looked at, not every stem. */
  private suggestionsReplacing(id: string, max: number, replacing: Replacing): string[] {
    const prefix = prefixOf(id);
    let stem = stemOf(id);
    let ids = this.idsReplacing(stem, replacing);
    const own = ids;
    if (!ids.size) {
      const stems = new Set(this.stems.stemsWithPrefix(prefix));
      for (const own of replacing.own.keys()) {
        const s = stemOf(own);
        // The stem's prefix, as stemsWithPrefix keys it: `FR2`'s stem `FR` has the prefix `FR`, `FR2` itself names `FR2`.
        if (prefixOf(s) === prefix) stems.add(s);
      }
      const candidates = [...stems].filter((s) => this.hasIdsReplacing(s, replacing));
      const closest = closestStem(candidates, stem);
      if (closest === undefined) return [];
      stem = closest;
      ids = this.idsReplacing(stem, replacing);
    }
    const typos = own.size ? numberTypos(id, (c) => own.has(c)).slice(0, max) : [];
    return withTypos(typos, nearestBySort(ids, numberOf(id).value, max + typos.length), max);
  }

  private hasIdsReplacing(stem: string, { path, own }: Replacing): boolean {
    for (const id of this.stems.ids(stem)) if ((this.defs.get(id) ?? []).some((d) => d.path !== path)) return true;
    for (const id of own.keys()) if (stemOf(id) === stem) return true;
    return false;
  }

  /** Citations of IDs with a known prefix, over all files (the `references` of stats). */
  get referenceCount(): number {
    return this.referencesIn();
  }

  /** References written in the files `inside` accepts (all files when it is not given). */
  referencesIn(inside?: (path: string) => boolean): number {
    let n = 0;
    for (const [prefix, files] of this.prefixFiles) {
      if (!this.isKnownPrefix(prefix)) continue;
      for (const [path, count] of files) if (!inside || inside(path)) n += count;
    }
    return n;
  }
}

/**
 * The definitions of one ID that a higher-ranked form outranks in their scope (a summary row of an
 * ID a heading defines), where a workspace-wide definition shares every scope. Linear in the
 * definitions: comparing each with each was cubic for a file that defines one ID 5,000 times.
 */
function outrankedOf(all: readonly RequirementDef[]): Set<RequirementDef> {
  const beaten = new Set<RequirementDef>();
  if (all.length < 2) return beaten;
  let best = -1;
  let bestUnscoped = -1;
  const bestIn = new Map<string, number>();
  for (const d of all) {
    const rank = formRank(d.form);
    best = Math.max(best, rank);
    if (d.scope === undefined) bestUnscoped = Math.max(bestUnscoped, rank);
    else bestIn.set(d.scope, Math.max(bestIn.get(d.scope) ?? -1, rank));
  }
  for (const d of all) {
    const rank = formRank(d.form);
    const above = d.scope === undefined ? best : Math.max(bestIn.get(d.scope) ?? -1, bestUnscoped);
    if (above > rank) beaten.add(d);
  }
  return beaten;
}

/**
 * `US1` for `US-1` and back: spec-kit specs name a story `US-1` while its tasks cite `[US1]`.
 * Only a letters prefix and a number; padding is kept (`FR-001` is not `FR1`).
 */
export function dashVariant(id: string): string | undefined {
  const m = /^([A-Z]+)(-?)(\d+)$/.exec(id);
  if (!m) return undefined;
  return m[2] ? `${m[1]}${m[3]}` : `${m[1]}-${m[3]}`;
}

/**
 * Gives citations of a defined ID the definition's copy of the ID string. Each parse copies the
 * IDs it finds out of its file's text, so 411,000 citations on the large bench corpus held as many
 * copies of 100,000 IDs (6 MB). Swapping in an equal string changes nothing a reader can see.
 */
function shareId(defs: readonly RequirementDef[] | undefined, tokens: readonly IdToken[]): void {
  const id = defs?.[0].id;
  if (id === undefined) return;
  // Equal strings compare equal, so there is no telling a copy from the shared one: assign them all.
  for (const t of tokens) (t as { id: string }).id = id;
}

/** Items grouped by ID, in order of first appearance (only IDs in `only`, when given). */
function groupById<T extends { readonly id: string }>(items: readonly T[], only?: ReadonlySet<string>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    if (only && !only.has(item.id)) continue;
    const list = out.get(item.id);
    if (list) list.push(item);
    else out.set(item.id, [item]);
  }
  return out;
}

/** The part of `a` and of `b` between the items they share (by identity) at the start and at the end. */
function changed<T>(a: readonly T[], b: readonly T[]): { before: readonly T[]; after: readonly T[] } {
  const n = Math.min(a.length, b.length);
  let start = 0;
  while (start < n && a[start] === b[start]) start++;
  let end = 0;
  while (end < n - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { before: a.slice(start, a.length - end), after: b.slice(start, b.length - end) };
}

/** Files finish reading in any order; duplicates must still list (and win) the same way every run. */
function sortDefs(list: RequirementDef[]): RequirementDef[] {
  if (list.length > 1) list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  return list;
}
