import type { IndexStats, Locale, Logger, SpecDiagnostic } from '../core';
import { cacheFilePath, isCacheFile, loadCache, saveCache, type LoadedCache } from './cacheFile';
import { InputRecorder, inputsUnchanged, type Inputs } from './cacheInputs';
import type { CliIo } from './cliIo';
import { cliMessage } from './cliMessages';
import { DiskParseCache } from './diskParseCache';

/** What `check` reports, before it is formatted: all a warm run needs to print the same report. */
export interface CheckOutcome {
  readonly diagnostics: readonly SpecDiagnostic[];
  readonly stats: Omit<IndexStats, 'cancelled'>;
  /** A workspace folder could not be read (exit code 2). */
  readonly unread: boolean;
  /** The current folder whose relative paths the diagnostics are in report order for, when they are. */
  readonly sortedFor?: string;
}

interface Manifest {
  readonly startedAt: number;
  readonly inputs: Inputs;
  /** The outcome, for the same targets and language (`key`). */
  readonly result?: { readonly key: string; readonly outcome: CheckOutcome };
}

/**
 * One `check --cache` run: the previous run's outcome when none of its inputs changed, else the
 * parses of unchanged files; then this run's cache, written whole. A cache that cannot be read,
 * is corrupt or foreign is said on stderr and not used; one that cannot be written is said too.
 * Neither changes the report or the exit code.
 */
export class CheckCache {
  readonly observer: InputRecorder;
  readonly parseCache: DiskParseCache;
  private readonly startedAt = Date.now();
  private readonly manifest?: Manifest;

  constructor(location: string | undefined, private readonly roots: readonly string[], private readonly key: string,
    private readonly io: CliIo, private readonly locale: Locale, private readonly logger: Logger) {
    this.file = cacheFilePath(location, io.cwd, roots, io.env);
    this.ignore = isCacheFile(this.file);
    this.observer = new InputRecorder(this.ignore);
    const loaded = loadCache(this.file, roots);
    if ('manifest' in loaded) {
      this.loaded = loaded;
      try {
        this.manifest = JSON.parse(loaded.manifest) as Manifest;
      } catch {
        loaded.close();
        this.note('corrupt');
      }
    } else if (loaded.kind !== 'missing') {
      this.note(loaded.kind, loaded.kind === 'unreadable' ? loaded.code : '');
    }
    // The index and entries are read only if the outcome cannot be reused: on a large workspace they are most of the file.
    const source = this.manifest && this.loaded;
    this.parseCache = new DiskParseCache(source && { load: () => source.rest(), corrupt: () => this.note('corrupt') }, this.manifest?.startedAt ?? 0, this.observer);
  }

  private readonly loaded?: LoadedCache;
  private readonly file: string;
  private readonly ignore: (folder: string, name: string) => boolean;

  /** The previous outcome, if it was for these targets and nothing it read has changed. */
  reuse(): CheckOutcome | undefined {
    const m = this.manifest;
    if (!m?.result || m.result.key !== this.key || !inputsUnchanged(m.inputs, m.startedAt, this.ignore)) return undefined;
    this.logger.info(`Cache: nothing changed since the run cached in ${this.file}; its report is reused`);
    this.loaded?.close();
    return m.result.outcome;
  }

  /** Writes this run's cache; `outcome` undefined keeps only the parses (the report is not reusable). */
  save(outcome: CheckOutcome | undefined): void {
    const { parsed, reused, revalidated } = this.parseCache.counts;
    this.logger.info(`Cache: ${parsed} files parsed, ${reused} parses reused (${revalidated} validated again); writing ${this.file}`);
    const manifest: Manifest = { startedAt: this.startedAt, inputs: this.observer.inputs(), ...(outcome ? { result: { key: this.key, outcome } } : {}) };
    try {
      saveCache(this.file, this.roots, { manifest: JSON.stringify(manifest), ...this.parseCache.serialize() });
    } catch (e) {
      this.io.error(`${cliMessage(this.locale, 'cacheNotWritten', { path: this.file, detail: (e as { code?: string }).code ?? String(e) })}\n`);
    } finally {
      // Entries passed through are views of the old file's bytes, already read: it can go now.
      this.loaded?.close();
    }
  }

  private note(kind: 'corrupt' | 'unreadable' | 'foreign' | 'otherVersion' | 'otherWorkspace', detail = ''): void {
    const key = ({ corrupt: 'cacheCorrupt', unreadable: 'cacheUnreadable', foreign: 'cacheForeign', otherVersion: 'cacheOtherVersion', otherWorkspace: 'cacheOtherWorkspace' } as const)[kind];
    this.io.error(`${cliMessage(this.locale, key, { path: this.file, detail })}\n`);
  }
}
