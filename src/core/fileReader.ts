import { decodeText } from './decode';
import { fnv1a } from './fnv1a';
import type { Logger } from './logger';
import { message } from './messages';
import type { FileKind, ParsedFile } from './model';
import { cacheKeys, type CachedParse, type CacheKeys, type ParseCache } from './parseCache';
import type { ParseSupply } from './parseSupply';
import { parseMarkdown } from './parseMarkdown';
import { parseSource } from './parseSource';
import type { Project } from './project';
import { errorCode, errorSummary, kindLabel, NotAFileError } from './readErrors';
import type { FileEntry } from './requirementIndex';
import { range } from './text';
import type { Locale, SpecDiagnostic } from './types';
import { validateDoc } from './validateDoc';
import type { FileStat, SpecWorkspace } from './workspace';

export { fnv1a } from './fnv1a';

/**
 * A file read for the index: its entry (a skipped file's too, with the reason), or why there is
 * none. `stamp` is what the file looked like just before it was read, when the workspace can say.
 */
export type Reading = { readonly entry: FileEntry; readonly skipped?: string; readonly stamp?: FileStamp } | 'gone' | { readonly unchanged: true; readonly stamp?: FileStamp };

/**
 * A file's size and mtime when it was read, and when that stat was taken (`seen`, ms since the
 * epoch): a file modified within the same clock tick as its read looks unchanged by its stat, so a
 * stamp whose mtime is close to `seen` is not trusted on its own (git's "racily clean").
 */
export interface FileStamp extends FileStat {
  readonly seen: number;
}

/**
 * The policy for reading one file: what is too large, binary, undecodable, unreadable or not a
 * file at all is skipped with a reason (a doc gets a visible warning, a source file a note), and
 * a parser bug costs that one file, logged with its stack, never the whole index.
 */
export class FileReader {
  /** `excerpts` false parses without requirement excerpts (see ParseOptions.excerpts). */
  constructor(private readonly workspace: SpecWorkspace, private readonly locale: Locale, private readonly logger: Logger,
    private readonly cache?: ParseCache, private readonly supply?: ParseSupply, private readonly excerpts = true) {}

  /**
   * Reads and parses `path` without touching any index. `unchanged` answers true for a hash whose
   * text is already indexed; a reload passes none, since the config the parse used changed.
   */
  async read(path: string, project: Project, kind: FileKind, unchanged?: (hash: number) => boolean): Promise<Reading> {
    const keys = this.cache || this.supply ? cacheKeys(project, this.locale, this.excerpts) : undefined;
    const cached = keys && this.cache && this.cachedEntry(path, project, kind, keys);
    if (cached) return unchanged?.(cached.hash) ? { unchanged: true } : { entry: cached };
    const coming = keys && this.supply && this.supplied(path, kind, keys);
    const supplied = coming && await this.suppliedEntry(coming, path, project);
    if (supplied) return unchanged?.(supplied.hash) ? { unchanged: true } : { entry: supplied };
    const max = project.config.maxFileSize;
    let bytes: Uint8Array;
    let stamp: FileStamp | undefined;
    try {
      let size: number | undefined;
      if (this.workspace.stat) {
        const seen = Date.now();
        const stat = await this.workspace.stat(path);
        if (stat) stamp = { size: stat.size, mtime: stat.mtime, seen };
        size = stat?.size;
      } else if (this.workspace.fileSize) size = await this.workspace.fileSize(path);
      if (this.workspace.stat || this.workspace.fileSize) {
        // Gone (deleted or renamed away): drop it rather than report it unreadable.
        if (size === undefined) return 'gone';
        if (size > max) return this.skipped(path, project, kind, message(this.locale, 'skip.tooLarge', { size, max }));
      }
      bytes = await this.workspace.readFile(path);
    } catch (e) {
      const reason = e instanceof NotAFileError
        ? message(this.locale, 'skip.notAFile', { kind: kindLabel(this.locale, e.kind) })
        : message(this.locale, 'skip.unreadable', { code: errorCode(e) });
      return this.skipped(path, project, kind, reason, e);
    }
    try {
      const decoded = decodeText(bytes, max);
      if (!decoded.ok) return this.skipped(path, project, kind, message(this.locale, decoded.reason, { size: decoded.size ?? 0, max }));
      const hash = fnv1a(decoded.text);
      if (unchanged?.(hash)) return { unchanged: true, stamp };
      const entry = this.parse(path, decoded.text, project, kind, hash);
      if (keys && this.cache) this.cache.set(path, keys, { hash, parsed: entry.parsed, diagnostics: entry.diagnostics });
      return { entry, stamp };
    } catch (e) {
      // A bug in decoding, parsing or validation: one file is skipped, with its stack in the log,
      // rather than the whole index (or a watcher's update, which nobody awaits) failing.
      this.logger.error(`Reading ${path} failed`, e);
      return this.skipped(path, project, kind, message(this.locale, 'skip.failed', { code: errorSummary(e) }), undefined, false);
    }
  }

  /** A file's entry for text already in hand (a source file's editor text). */
  parse(path: string, text: string, project: Project, kind: FileKind, hash: number): FileEntry {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const options = project.parseOptions(path);
    const parsed = kind === 'doc' ? parseMarkdown(path, body, this.locale, this.excerpts ? options : { ...options, excerpts: false }) : parseSource(path, body);
    const diagnostics = kind === 'doc' ? validateDoc(parsed, project.schemas, project.config, this.locale) : [];
    return { path, root: project.root, hash, parsed, diagnostics };
  }

  /**
   * The cache's entry for an unchanged file, validated again when only the schemas changed. A
   * cache that fails here costs nothing but the time: the file is read as if it had no entry.
   */
  private cachedEntry(path: string, project: Project, kind: FileKind, keys: CacheKeys): FileEntry | undefined {
    try {
      const hit = this.cache!.get(path, kind, keys);
      if (!hit) return undefined;
      const diagnostics = hit.diagnostics ?? (kind === 'doc' ? validateDoc(hit.parsed, project.schemas, project.config, this.locale) : []);
      if (!hit.diagnostics) this.cache!.set(path, keys, { hash: hit.hash, parsed: hit.parsed, diagnostics });
      return { path, root: project.root, hash: hit.hash, parsed: hit.parsed, diagnostics };
    } catch (e) {
      this.logger.error(`The parse cache failed on ${path}; reading it instead`, e);
      return undefined;
    }
  }

  /** The supply's parse of `path` if one is coming (asked synchronously: most files have none coming). */
  private supplied(path: string, kind: FileKind, keys: CacheKeys): Promise<Required<CachedParse> | undefined> | undefined {
    try {
      return this.supply!.take(path, kind, keys);
    } catch (e) {
      this.logger.error(`The parse supply failed on ${path}; reading it instead`, e);
      return undefined;
    }
  }

  /** The entry of a supplied parse; a supply that fails costs only the time, as a cache's does. */
  private async suppliedEntry(coming: Promise<Required<CachedParse> | undefined>, path: string, project: Project): Promise<FileEntry | undefined> {
    try {
      const hit = await coming;
      return hit && { path, root: project.root, hash: hit.hash, parsed: hit.parsed, diagnostics: hit.diagnostics };
    } catch (e) {
      this.logger.error(`The parse supply failed on ${path}; reading it instead`, e);
      return undefined;
    }
  }

  /** A file that is not read; the log gets a warning with the cause, unless already told. */
  private skipped(path: string, project: Project, kind: FileKind, reason: string, cause?: unknown, log = true): Reading {
    if (log) this.logger.warn(`Skipped ${path}: ${reason}`, cause);
    const parsed: ParsedFile = { path, kind, lineCount: 0, headings: [], requirements: [], tokens: [] };
    const diagnostics: SpecDiagnostic[] = kind === 'doc'
      // At the start of the file, empty: the file was not read, so its first line's length is unknown.
      ? [{ path, range: range(0, 0, 0, 0), severity: 'warning', code: 'file-skipped', message: reason }] : [];
    return { entry: { path, root: project.root, hash: -1, parsed, diagnostics }, skipped: reason };
  }
}
