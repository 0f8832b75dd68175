import type { FileEntry, SpecQueries } from '../../core';
import { dashVariant } from '../../core/requirementIndex';
import { diffFile, MAX_PATCH_CARDS, MAX_PATCH_FILES } from '../../shared/boardPatch';
import type { BoardCard, BoardFilePatch, BoardMeta, BoardModel, BoardPatch } from '../../shared/protocol';
import { boardMeta, fileCards } from './boardModel';

/** What the webview needs after a change: the whole board, or a patch of the files that changed. */
export type BoardUpdate =
  | { readonly type: 'model'; readonly model: BoardModel; readonly version: number }
  | { readonly type: 'patch'; readonly patch: BoardPatch };

interface FileCards {
  readonly cards: readonly BoardCard[];
  readonly root: string;
  /** The IDs the file defines, as the index spells them (a card's may be clipped). */
  readonly ids: readonly string[];
}

/**
 * The board's cards kept per file, so that an index change recomputes only what it can have
 * changed: the cards of the files the core reports affected (their own text, or cross-file
 * diagnostics: the core's affected set already includes every file whose duplicate-id or
 * unknown-id problems may change), and the code-reference counts of cards elsewhere whose IDs
 * the changed files cite or cited. Those counts are the one card fact the affected set does not
 * cover: adding `// REQ-1` to a source file changes no diagnostic of the file defining REQ-1.
 * No vscode import, so it is unit-tested on the real core.
 */
export class BoardCards {
  private core: SpecQueries | undefined;
  private readonly files = new Map<string, FileCards>();
  /**
   * Every indexed file as the board last saw it. The core has replaced an entry by the time its
   * change arrives; the old one says which IDs the file cited before (a deleted citation lowers a
   * count elsewhere). It holds the core's own objects, so it costs one map entry per file.
   */
  private readonly seen = new Map<string, FileEntry>();
  /** ID → files with a card of it. */
  private readonly byId = new Map<string, Set<string>>();
  /** Root → how many of its files have cards: which configs the statuses come from. */
  private readonly roots = new Map<string, number>();
  private meta: BoardMeta | undefined;
  private indexing = true;
  private version = 0;

  /** The board as the webview should now hold it. */
  get model(): BoardModel {
    const cards: BoardCard[] = [];
    for (const file of this.files.values()) for (const card of file.cards) cards.push(card);
    return { ...this.meta!, cards, indexing: this.indexing };
  }

  /** Whether the board was built from this core (a re-index replaces the core). */
  builtFrom(core: SpecQueries): boolean {
    return this.core === core;
  }

  /** Builds every card from the index. */
  rebuild(core: SpecQueries, indexing: boolean): BoardUpdate {
    this.core = core;
    this.files.clear();
    this.seen.clear();
    this.byId.clear();
    this.roots.clear();
    for (const entry of core.index.entries()) {
      this.seen.set(entry.path, entry);
      this.store(entry.path, entry, fileCards(core, entry));
    }
    this.meta = boardMeta(core, this.roots.keys());
    this.indexing = indexing;
    return { type: 'model', model: this.model, version: ++this.version };
  }

  /**
   * Brings the board up to date after a change to `paths` (the core's affected set): a patch of
   * the files whose cards changed, the whole model when the core was replaced or the patch would
   * exceed the message limits, or undefined when nothing on the board changed.
   */
  update(core: SpecQueries, paths: Iterable<string>, indexing: boolean): BoardUpdate | undefined {
    if (core !== this.core || !this.meta) return this.rebuild(core, indexing);
    const dirty = new Set(paths);
    const cited = new Set<string>();
    for (const path of dirty) {
      const before = this.seen.get(path);
      const after = core.index.get(path);
      if (before !== after) changedIds(before, after, cited);
      if (after) this.seen.set(path, after);
      else this.seen.delete(path);
    }
    const next = new Map<string, BoardCard[]>();
    for (const path of dirty) {
      const entry = core.index.get(path);
      next.set(path, entry ? fileCards(core, entry) : []);
    }
    this.recount(core, cited, dirty, next);

    const base = this.version;
    const files: BoardFilePatch[] = [];
    let entries = 0;
    const rootsBefore = this.rootsKey();
    for (const [path, cards] of next) {
      const previous = this.files.get(path)?.cards ?? [];
      const diff = diffFile(path, previous, cards);
      if (diff) {
        files.push(diff.patch);
        entries += diff.patch.cards.length;
      }
      if (diff || dirty.has(path)) this.store(path, core.index.get(path), diff ? diff.kept : previous);
    }
    let metaChanged = false;
    if (this.rootsKey() !== rootsBefore) {
      const meta = boardMeta(core, this.roots.keys());
      metaChanged = JSON.stringify(meta) !== JSON.stringify(this.meta);
      this.meta = meta;
    }
    if (files.length === 0 && !metaChanged && indexing === this.indexing) return undefined;
    this.indexing = indexing;
    if (files.length > MAX_PATCH_FILES || entries > MAX_PATCH_CARDS) return { type: 'model', model: this.model, version: ++this.version };
    return { type: 'patch', patch: { base, version: ++this.version, files, ...(metaChanged ? { meta: this.meta } : {}), indexing } };
  }

  /**
   * Code-reference counts of cards in files the change did not otherwise touch, for the IDs the
   * changed files cite or define now or did before. A citation written `US1` counts for `US-1`
   * while nothing defines `US1`, so each ID's dash variant is counted again too; whether a Kiro
   * number resolves depends on the folder's other numbers, so a changed number recounts them all.
   */
  private recount(core: SpecQueries, ids: ReadonlySet<string>, dirty: ReadonlySet<string>, next: Map<string, BoardCard[]>): void {
    const wanted = new Set(ids);
    for (const id of ids) {
      const variant = dashVariant(id);
      if (variant) wanted.add(variant);
    }
    if ([...ids].some(isNumber)) for (const id of this.byId.keys()) if (isNumber(id)) wanted.add(id);
    for (const id of wanted) {
      const paths = this.byId.get(id);
      if (!paths) continue;
      const count = core.index.referenceCounts(id).code;
      for (const path of paths) {
        if (dirty.has(path)) continue;
        const file = this.files.get(path)!;
        const cards = next.get(path) ?? file.cards;
        if (!cards.some((c, i) => file.ids[i] === id && c.codeReferences !== count)) continue;
        next.set(path, cards.map((c, i) => (file.ids[i] === id && c.codeReferences !== count ? { ...c, codeReferences: count } : c)));
      }
    }
  }

  /** The folders with cards, as one string: the statuses change only when it does. */
  private rootsKey(): string {
    return [...this.roots.keys()].sort().join('\n');
  }

  /** Records a file's cards, keeping the ID and folder lookups in step. */
  private store(path: string, entry: FileEntry | undefined, cards: readonly BoardCard[]): void {
    const old = this.files.get(path);
    if (old) {
      for (const id of old.ids) this.byId.get(id)?.delete(path);
      const n = (this.roots.get(old.root) ?? 1) - 1;
      if (n > 0) this.roots.set(old.root, n);
      else this.roots.delete(old.root);
    }
    if (!entry || cards.length === 0) {
      this.files.delete(path);
      return;
    }
    const ids = entry.parsed.requirements.map((d) => d.id);
    this.files.set(path, { cards, root: entry.root, ids });
    for (const id of ids) {
      let set = this.byId.get(id);
      if (!set) this.byId.set(id, (set = new Set()));
      set.add(path);
    }
    this.roots.set(entry.root, (this.roots.get(entry.root) ?? 0) + 1);
  }
}

/** Kiro's requirement numbers are the only IDs that start with a digit. */
function isNumber(id: string): boolean {
  const c = id.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * Adds to `out` the IDs whose code-reference counts a file's change may alter: those a source
 * file now cites a different number of times, and those a file now defines differently.
 */
function changedIds(before: FileEntry | undefined, after: FileEntry | undefined, out: Set<string>): void {
  const delta = new Map<string, number>();
  const count = (entry: FileEntry | undefined, sign: number) => {
    if (!entry) return;
    // Citations in documents count as doc references, never as code references.
    if (entry.parsed.kind !== 'doc') for (const t of entry.parsed.tokens) delta.set(t.id, (delta.get(t.id) ?? 0) + sign);
    for (const d of entry.parsed.requirements) delta.set(`\n${d.id}`, (delta.get(`\n${d.id}`) ?? 0) + sign);
  };
  count(before, -1);
  count(after, 1);
  for (const [key, n] of delta) if (n !== 0) out.add(key.startsWith('\n') ? key.slice(1) : key);
}

