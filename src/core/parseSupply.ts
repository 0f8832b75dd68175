import type { FileKind } from './model';
import type { CachedParse, CacheKeys } from './parseCache';

/**
 * Parses made elsewhere for a bulk index (the CLI parses on worker threads): a seam like
 * ParseCache, so the core's indexing stays the one path whoever parsed. The core says which files
 * it is about to read, then asks for each before reading it; the supply answers with a parse of
 * the file's current text made under the same keys (with its own diagnostics), or not at all, and
 * then the core reads and parses the file itself (skipped files, parser failures, a config that
 * changed meanwhile): whatever it answers, the index and the report are those of one thread.
 */
export interface ParseSupply {
  /** The files a bulk index will read, in its order, before it asks for any. */
  expect(files: readonly (readonly [string, FileKind])[]): void;
  /**
   * The parse of `path`, each path answered once (a later read of it is a new text): undefined
   * now when the supply has none coming, else a promise of it (undefined: read it yourself).
   */
  take(path: string, kind: FileKind, keys: CacheKeys): Promise<Required<CachedParse> | undefined> | undefined;
}
