import type { DocSummary } from './documentSummaries';
import type { IdCatalog } from './idCatalog';
import type { IdHit } from './idAt';
import type { SnapshotProblem } from './indexSnapshot';
import type { Logger } from './logger';
import type { ParseCache } from './parseCache';
import type { ParseSupply } from './parseSupply';
import type { ParsedFile, RequirementDef } from './model';
import type { Project } from './project';
import type { RequirementIndex } from './requirementIndex';
import { SpecboardCore } from './specboardCore';
import type { TraceRequirement } from './trace';
import type { Locale, Position, SpecDiagnostic } from './types';
import type { PoolOptions } from './workPool';
import type { SpecWorkspace } from './workspace';

export type { DocSummary } from './documentSummaries';
export type { IdHit } from './idAt';
export type { CacheKeys, CachedParse, ParseCache } from './parseCache';
export type { ParseSupply } from './parseSupply';
export type { SnapshotProblem } from './indexSnapshot';
export type { PoolOptions } from './workPool';

export interface SpecboardOptions {
  readonly workspace: SpecWorkspace;
  readonly locale?: Locale;
  /** How paths appear inside messages ("also at docs/prd.md:12"); defaults to root-relative. */
  readonly display?: (path: string) => string;
  /** Where indexing times, skipped files, reloads and caught errors are reported; silent by default. */
  readonly logger?: Logger;
  /** Parses kept from an earlier run (the CLI's `check --cache`); files it answers for are not read. */
  readonly parseCache?: ParseCache;
  /** Parses made elsewhere for indexAll (the CLI's worker threads); asked after the parse cache. */
  readonly parseSupply?: ParseSupply;
  /** false: requirements keep no excerpt (hover text), for a run that shows none (the CLI's check). */
  readonly excerpts?: boolean;
}

export interface IndexOptions extends PoolOptions {
  /** Restrict indexing to these files (still classified by their folder's config). */
  readonly filter?: (path: string) => boolean;
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
  /** A folder that could not be listed (a workspace root or a folder below one), not a file. */
  readonly folder?: boolean;
}

export interface IndexStats {
  readonly files: number;
  readonly documents: number;
  readonly requirements: number;
  readonly references: number;
  readonly skipped: readonly SkippedFile[];
  readonly cancelled: boolean;
}

export interface UpdateResult {
  /** Files whose diagnostics may have changed (the updated file included). */
  readonly affected: ReadonlySet<string>;
}

/** What restore() made of a saved index: the counts, or why it was not used (the index is then empty). */
export type RestoreResult = { readonly stats: IndexStats; readonly problem?: undefined } | { readonly problem: SnapshotProblem };

export interface RevalidateResult extends UpdateResult {
  /** Files whose stat differed and were read again, files found that the index did not hold, files gone. */
  readonly reread: number;
  readonly added: number;
  readonly removed: number;
  readonly cancelled: boolean;
}

/** A file as an editor's text has it now: indexed, or parsed aside while its update is debounced. */
export interface DocumentView {
  readonly path: string;
  readonly parsed: ParsedFile;
  /** True when this is the index's own parse of the file (the index is up to date with the text). */
  readonly indexed: boolean;
  /** Its diagnostics, cross-file ones included, against the index as if this text were in it. */
  diagnostics(): SpecDiagnostic[];
}

/** The index as queries see it: lookups only; its mutators belong to the core that feeds it. */
export type IndexQueries = Omit<RequirementIndex, 'set' | 'load' | 'remove' | 'setConfigPrefixes'>;

/**
 * What Specboard knows about a workspace, read-only: every provider, view, command and format
 * reads this, and nothing it offers changes what it knows (view() included: it parses aside).
 */
export interface SpecQueries {
  readonly locale: Locale;
  readonly index: IndexQueries;
  readonly catalog: IdCatalog;
  file(path: string): ParsedFile | undefined;
  /** An editor's current text of `path`, read without changing the index (see DocumentView). */
  view(path: string, text: string): DocumentView | undefined;
  documents(): DocSummary[];
  /** Local and workspace-wide diagnostics of one file. */
  diagnostics(path: string): SpecDiagnostic[];
  /** Every diagnostic in the workspace, config and schema errors included. */
  allDiagnostics(): SpecDiagnostic[];
  /** Files that have at least one diagnostic now, config and schema files included. */
  pathsWithDiagnostics(): Set<string>;
  /** Files that carry project-level diagnostics (config and custom schemas). */
  settingsDiagnosticPaths(): string[];
  projectFor(path: string): Project | undefined;
  /** True when a change to `path` means its folder's config or schemas must be reloaded. */
  isSettingsFile(path: string): boolean;
  /** The requirement ID at a position in the indexed file at `path`, or in a parse of newer text. */
  idAt(file: string | ParsedFile, position: Position): IdHit | undefined;
  definition(id: string): RequirementDef | undefined;
  trace(include?: (path: string) => boolean): TraceRequirement[];
  /** Counts of what is indexed, or of the files `inside` accepts. */
  stats(inside?: (path: string) => boolean): Omit<IndexStats, 'cancelled'>;
  displayPath(path: string): string;
}

/**
 * The core: the queries, and the updates that keep them in step with the workspace. The CLI
 * indexes once and reports; the extension's service alone holds this, indexes in the background,
 * feeds it single-file updates, and hands features only the SpecQueries.
 */
export interface Specboard extends SpecQueries {
  /** Loads every root's config and schemas, then reads and indexes all their files. */
  indexAll(options?: IndexOptions): Promise<IndexStats>;
  /** Re-reads a file from the workspace (watcher events, files closed in the editor). */
  refreshFromDisk(path: string): Promise<UpdateResult>;
  /** Indexes a file's current text (from an editor, possibly unsaved). Cheap when nothing changed. */
  updateText(path: string, text: string): UpdateResult;
  remove(path: string): UpdateResult;
  /** Takes a deleted file or folder out, with every read of it still on its way. */
  removeTree(path: string): UpdateResult;
  /** Reloads a folder's config and schemas and swaps its files in one step (see SpecboardCore). */
  reloadProject(root: string, options?: PoolOptions): Promise<UpdateResult>;
  /** Loads the folders' settings and a saved index instead of reading every file (see SpecboardCore). */
  restore(snapshot: Uint8Array, build: string, options?: PoolOptions): Promise<RestoreResult>;
  /** Checks a restored index against the disk by stats, re-reading only what changed. */
  revalidate(options?: PoolOptions): Promise<RevalidateResult>;
  /** The files read from disk, with what they looked like when read, as bytes restore() takes. */
  snapshot(build: string, options?: PoolOptions): Promise<Uint8Array>;
}

/** The one entry point of the core. */
export function createSpecboard(options: SpecboardOptions): Specboard {
  return new SpecboardCore(options);
}
