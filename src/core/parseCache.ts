import { fnv1a } from './fnv1a';
import type { FileKind, ParsedFile } from './model';
import type { Project } from './project';
import type { Locale, SpecDiagnostic } from './types';

/**
 * What a file's parse and its own diagnostics depended on besides the file's text, as strings an
 * adapter can store and compare. The core computes them because only it knows what its parse reads.
 */
export interface CacheKeys {
  /** The effective config, the ID prefixes the document types declare and the locale. */
  readonly parse: string;
  /** `parse` plus the custom schemas' text: validation depends on both. */
  readonly check: string;
}

/** A parse kept from an earlier run, for a file whose text has not changed since. */
export interface CachedParse {
  /** The core's hash of the text (FileEntry.hash). */
  readonly hash: number;
  readonly parsed: ParsedFile;
  /** The file's own diagnostics; absent when only the parse can be reused, so the core validates again. */
  readonly diagnostics?: readonly SpecDiagnostic[];
}

/**
 * Parses kept between runs (the CLI's `check --cache` keeps them on disk). The adapter decides
 * whether a file is unchanged (by its metadata and content, which only it can read cheaply) and
 * whether the keys still match; the core stays free of I/O and trusts only what `get` returns.
 */
export interface ParseCache {
  /** The parse of `path` if its text and `keys.parse` are unchanged; with diagnostics only if `keys.check` is too. */
  get(path: string, kind: FileKind, keys: CacheKeys): CachedParse | undefined;
  /** A file just read and parsed (never a skipped file, never editor text). */
  set(path: string, keys: CacheKeys, entry: Required<CachedParse>): void;
}

const keysOf = new WeakMap<Project, CacheKeys>();
const keysWithoutExcerpts = new WeakMap<Project, CacheKeys>();

/**
 * The keys of a project's files. A config change re-parses every file of its folder (include,
 * prefixes, scope, types and vocabulary all change what a parse finds); a schema change re-parses
 * only if a document type's ID prefix changed, and otherwise re-validates the parses it keeps.
 */
export function cacheKeys(project: Project, locale: Locale, excerpts = true): CacheKeys {
  if (!excerpts) {
    // Parses without excerpts are other parses: never mixed with those made with them.
    let bare = keysWithoutExcerpts.get(project);
    if (!bare) {
      const { parse, check } = cacheKeys(project, locale);
      keysWithoutExcerpts.set(project, bare = { parse: `${parse}|excerpts:false`, check: `${check}|excerpts:false` });
    }
    return bare;
  }
  let keys = keysOf.get(project);
  if (!keys) {
    const prefixes = project.schemas.types().map((t) => `${t.type}=${t.idPrefix ?? ''}`).sort();
    const parse = JSON.stringify({ locale, config: project.config, prefixes });
    const custom = project.schemas.customText;
    keys = { parse, check: `${parse}|${custom.length}:${fnv1a(custom)}` };
    keysOf.set(project, keys);
  }
  return keys;
}
