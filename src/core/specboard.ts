import { crossDiagnostics } from './crossDiagnostics';
import { decodeText } from './decode';
import { EditorBuffers } from './editorBuffers';
import { IdCatalog } from './idCatalog';
import { scanDocIds, scanIds } from './ids';
import { NO_LOGGER, type Logger } from './logger';
import { mayCiteNumbers, numberedReferences } from './markdown/numberedReferences';
import { message } from './messages';
import type { FileKind, ParsedFile, RequirementDef } from './model';
import { parseMarkdown } from './parseMarkdown';
import { parseSource } from './parseSource';
import { errorCode, errorSummary, kindLabel, NotAFileError } from './readErrors';
import { Project } from './project';
import { RequirementIndex, type FileEntry } from './requirementIndex';
import { contains, range } from './text';
import { buildTrace, type TraceRequirement } from './trace';
import type { Locale, Position, Range, SpecDiagnostic } from './types';
import { validateDoc } from './validateDoc';
import { runPool, type PoolOptions } from './workPool';
import { relativeTo, rootOf, type SpecWorkspace } from './workspace';

export interface SpecboardOptions {
  readonly workspace: SpecWorkspace;
  readonly locale?: Locale;
  /** How paths appear inside messages ("also at docs/prd.md:12"); defaults to root-relative. */
  readonly display?: (path: string) => string;
  /** Where indexing times, skipped files, reloads and caught errors are reported; silent by default. */
  readonly logger?: Logger;
}

export interface IndexOptions extends PoolOptions {
  /** Restrict indexing to these files (still classified by their folder's config). */
  readonly filter?: (path: string) => boolean;
}

/** A file read for the index: its entry (a skipped file's too, with the reason), or why there is none. */
type Reading = { readonly entry: FileEntry; readonly skipped?: string } | 'gone' | 'unchanged';

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

/** Front matter of a product doc, flattened for views and listings. */
export interface DocSummary {
  readonly path: string;
  readonly type: string;
  readonly id?: string;
  readonly title?: string;
  readonly stage?: string;
  readonly status?: string;
  readonly owner?: string;
  readonly product?: string;
  readonly release?: string;
  readonly version?: string;
  readonly requirementCount: number;
}

export interface UpdateResult {
  /** Files whose diagnostics may have changed (the updated file included). */
  readonly affected: ReadonlySet<string>;
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

export interface IdHit {
  readonly id: string;
  readonly range: Range;
  readonly isDefinition: boolean;
}

/**
 * Specboard's core: one object over an injected workspace. The CLI indexes once and reports; the
 * extension indexes once in the background and then feeds it single-file updates.
 */
export class Specboard {
  readonly index = new RequirementIndex();
  readonly catalog = new IdCatalog(this.index);
  readonly locale: Locale;
  private readonly projects = new Map<string, Project>();
  private readonly skipped = new Map<string, string>();
  /** Folders that could not be listed, with why: nothing below them is indexed. */
  private readonly unlisted = new Map<string, string>();
  /** Docs last updated from an editor: their text, lines and parse, to re-parse only what changed. */
  private readonly buffers: EditorBuffers;
  private readonly workspace: SpecWorkspace;
  private readonly display: (path: string) => string;
  private readonly logger: Logger;
  /** Per folder being reloaded: the files updated meanwhile (a new set for each reload, so also its token). */
  private readonly reloads = new Map<string, Set<string>>();
  /**
   * Per file being read from disk: a token the newest read holds. A delete, an editor's text or a
   * later read takes it away, and a read that lost it is dropped: it would resurrect a file
   * deleted while it was being read, or put older text over newer.
   */
  private readonly reads = new Map<string, object>();

  constructor(options: SpecboardOptions) {
    this.workspace = options.workspace;
    this.locale = options.locale ?? 'en';
    this.buffers = new EditorBuffers(this.locale);
    this.logger = options.logger ?? NO_LOGGER;
    this.display = options.display ?? ((p) => {
      const root = rootOf(this.workspace.roots, p);
      return root ? relativeTo(root, p) : p;
    });
  }

  /** Loads every root's config and schemas, then reads and indexes all their files. */
  async indexAll(options: IndexOptions = {}): Promise<IndexStats> {
    const started = performance.now();
    const all: string[] = [];
    for (const root of this.workspace.roots) {
      const project = await Project.load(this.workspace, root, this.locale, this.logger);
      this.setProject(root, project);
      for (const [path] of await this.filesOf(project)) if (!options.filter || options.filter(path)) all.push(path);
    }
    const listed = performance.now();
    const cancelled = await runPool(all, options, (path) => this.read(path, false).then(() => undefined));
    const stats = { ...this.stats(), cancelled };
    const ms = (t: number) => Math.round(t);
    this.logger.info(`${cancelled ? 'Indexing cancelled' : 'Indexed'}: ${stats.files} of ${all.length} files in ${this.workspace.roots.length} folder(s), `
      + `${stats.documents} documents, ${stats.requirements} requirements, ${stats.references} references, ${stats.skipped.length} skipped; `
      + `${ms(performance.now() - started)} ms (listing ${ms(listed - started)} ms)`);
    return stats;
  }

  /** The files a folder's config reads, docs first: definitions make prefixes known before code is shown. */
  private async filesOf(project: Project): Promise<(readonly [string, FileKind])[]> {
    // A folder (or the root) that cannot be listed is said, with its errno, in the stats' notes.
    const root = project.root;
    for (const folder of [...this.unlisted.keys()]) if (folder === root || folder.startsWith(`${root}/`)) this.unlisted.delete(folder);
    const unlisted = (folder: string, e: unknown) => {
      const reason = message(this.locale, 'skip.folder', { code: errorCode(e) });
      this.unlisted.set(folder, reason);
      this.logger.warn(`Skipped the folder ${folder}: ${reason}`, e);
    };
    let files: string[];
    try {
      files = await this.workspace.listFiles(root, (rel) => project.skipDir(rel), unlisted);
    } catch (e) {
      unlisted(root, e);
      return [];
    }
    const docs: (readonly [string, FileKind])[] = [];
    const sources: (readonly [string, FileKind])[] = [];
    for (const path of files) {
      const kind = project.classify(path);
      if (kind === 'doc') docs.push([path, kind]);
      else if (kind === 'source') sources.push([path, kind]);
    }
    return [...docs, ...sources];
  }

  /**
   * Counts of what is indexed now, or of the files `inside` accepts (`specboard check docs/` counts
   * what it checked, while references from everywhere still resolve).
   */
  stats(inside?: (path: string) => boolean): Omit<IndexStats, 'cancelled'> {
    const skipped: SkippedFile[] = [...this.skipped].filter(([path]) => !inside || inside(path)).map(([path, reason]) => ({ path, reason }));
    // Always listed: a folder that could not be read may hold what the checked files refer to.
    for (const [path, reason] of this.unlisted) skipped.push({ path, reason, folder: true });
    if (!inside) {
      let documents = 0;
      for (const entry of this.index.entries()) if (entry.parsed.docType) documents++;
      return { files: this.index.fileCount, documents, requirements: this.index.requirementCount, references: this.index.referenceCount, skipped };
    }
    let files = 0;
    let documents = 0;
    let requirements = 0;
    for (const entry of this.index.entries()) {
      if (!inside(entry.parsed.path)) continue;
      files++;
      if (entry.parsed.docType) documents++;
      requirements += new Set(entry.parsed.requirements.map((d) => d.id)).size;
    }
    return { files, documents, requirements, references: this.index.referencesIn(inside), skipped };
  }

  /** Re-reads a file from the workspace (watcher events, files closed in the editor). */
  refreshFromDisk(path: string): Promise<UpdateResult> {
    return this.read(path, true);
  }

  /**
   * Reads and indexes one file. `track` false skips working out which other files are affected:
   * a bulk index reports nothing per file, and on a large workspace that bookkeeping is a tenth of
   * the indexing time.
   */
  private async read(path: string, track: boolean, reuse = true): Promise<UpdateResult> {
    this.buffers.delete(path);
    const project = this.projectFor(path);
    const kind = project?.classify(path);
    if (!project || !kind) return this.remove(path);
    const token = {};
    this.reads.set(path, token);
    const reading = await this.readEntry(path, project, kind, reuse);
    if (this.reads.get(path) !== token) return { affected: new Set() };
    this.reads.delete(path);
    return this.apply(path, reading, track);
  }

  /**
   * Reads and parses one file without touching the index. `reuse` answers 'unchanged' when the
   * index already holds this text; a reload says false, since the config the parse used changed.
   */
  private async readEntry(path: string, project: Project, kind: FileKind, reuse: boolean): Promise<Reading> {
    const max = project.config.maxFileSize;
    let bytes: Uint8Array;
    try {
      if (this.workspace.fileSize) {
        const size = await this.workspace.fileSize(path);
        // Gone (deleted or renamed away): drop it rather than report it unreadable.
        if (size === undefined) return 'gone';
        if (size > max) return this.skippedEntry(path, project, kind, message(this.locale, 'skip.tooLarge', { size, max }));
      }
      bytes = await this.workspace.readFile(path);
    } catch (e) {
      const reason = e instanceof NotAFileError
        ? message(this.locale, 'skip.notAFile', { kind: kindLabel(this.locale, e.kind) })
        : message(this.locale, 'skip.unreadable', { code: errorCode(e) });
      return this.skippedEntry(path, project, kind, reason, e);
    }
    try {
      const decoded = decodeText(bytes, max);
      if (!decoded.ok) return this.skippedEntry(path, project, kind, message(this.locale, decoded.reason, { size: decoded.size ?? 0, max }));
      const hash = fnv1a(decoded.text);
      if (reuse && this.isIndexed(path, hash)) return 'unchanged';
      return { entry: this.parsedEntry(path, decoded.text, project, kind, hash) };
    } catch (e) {
      // A bug in decoding, parsing or validation: one file is skipped, with its stack in the log,
      // rather than the whole index (or a watcher's update, which nobody awaits) failing.
      this.logger.error(`Reading ${path} failed`, e);
      return this.skippedEntry(path, project, kind, message(this.locale, 'skip.failed', { code: errorSummary(e) }), undefined, false);
    }
  }

  /** Indexes a file's current text (from an editor, possibly unsaved). Cheap when nothing changed. */
  updateText(path: string, text: string): UpdateResult {
    this.reads.delete(path);
    const project = this.projectFor(path);
    const kind = project?.classify(path);
    if (!project || !kind) return this.remove(path);
    return kind === 'doc' ? this.indexEditorDoc(path, text, project) : this.indexText(path, text, project, kind, true);
  }

  private indexText(path: string, text: string, project: Project, kind: FileKind, track: boolean): UpdateResult {
    const hash = fnv1a(text);
    if (this.isIndexed(path, hash)) return { affected: new Set() };
    return this.apply(path, { entry: this.parsedEntry(path, text, project, kind, hash) }, track);
  }

  /** True when the index holds this text of the file, read (not skipped) the last time. */
  private isIndexed(path: string, hash: number): boolean {
    return this.index.get(path)?.hash === hash && !this.skipped.has(path);
  }

  private parsedEntry(path: string, text: string, project: Project, kind: FileKind, hash: number): FileEntry {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const parsed = kind === 'doc' ? parseMarkdown(path, body, this.locale, project.parseOptions(path)) : parseSource(path, body);
    const diagnostics = kind === 'doc' ? validateDoc(parsed, project.schemas, project.config, this.locale) : [];
    return { path, root: project.root, hash, parsed, diagnostics };
  }

  /**
   * A file that is not read (too large, binary, unreadable): a doc gets a visible warning, a source
   * file only a note in the summary; the log gets a warning with the cause, unless already told.
   */
  private skippedEntry(path: string, project: Project, kind: FileKind, reason: string, cause?: unknown, log = true): Reading {
    if (log) this.logger.warn(`Skipped ${path}: ${reason}`, cause);
    const parsed: ParsedFile = { path, kind, lineCount: 0, headings: [], requirements: [], tokens: [] };
    const diagnostics: SpecDiagnostic[] = kind === 'doc'
      // At the start of the file, empty: the file was not read, so its first line's length is unknown.
      ? [{ path, range: range(0, 0, 0, 0), severity: 'warning', code: 'file-skipped', message: reason }] : [];
    return { entry: { path, root: project.root, hash: -1, parsed, diagnostics }, skipped: reason };
  }

  /** Puts a reading into the index (or takes the file out). */
  private apply(path: string, reading: Reading, track: boolean): UpdateResult {
    if (reading === 'gone') return this.remove(path);
    if (reading === 'unchanged') return { affected: new Set() };
    if (reading.skipped === undefined) this.skipped.delete(path);
    else this.skipped.set(path, reading.skipped);
    this.buffers.delete(path);
    return this.commit(reading.entry, track);
  }

  /**
   * A doc's text from an editor, re-parsed from where it differs from the previous text and
   * re-validated reusing what did not change: this runs on every keystroke (after debouncing).
   */
  private indexEditorDoc(path: string, text: string, project: Project): UpdateResult {
    if (this.holds(path, text)) return { affected: new Set() };
    const buffer = this.buffers.parse(path, text, this.indexedParse(path), project);
    this.skipped.delete(path);
    // Editor text is compared as text while buffered; NaN never matches, so a later read from disk re-parses.
    const result = this.commit({ path, root: project.root, hash: NaN, parsed: buffer.doc.parsed, diagnostics: buffer.diagnostics }, true);
    this.buffers.commit(path, buffer);
    return result;
  }

  /** The index's parse of `path`, unless the file is not indexed or was skipped (then nothing to build on). */
  private indexedParse(path: string): ParsedFile | undefined {
    return this.skipped.has(path) ? undefined : this.index.get(path)?.parsed;
  }

  /** True when the index already holds exactly this text of `path`. */
  private holds(path: string, text: string): boolean {
    const indexed = this.indexedParse(path);
    if (!indexed) return false;
    const current = this.buffers.current(path, indexed);
    return current ? current.text === text : this.index.get(path)?.hash === fnv1a(text);
  }

  /**
   * What `text`, an editor's current text of `path`, says: the index's entry when it holds this
   * text, else a parse made aside (kept so the debounced update reuses it). Nothing in the index
   * changes and nobody is told: queries (hover, links, code actions, symbols) read this while the
   * update is still debounced. Undefined for a file no folder's config reads.
   */
  view(path: string, text: string): DocumentView | undefined {
    const project = this.projectFor(path);
    const kind = project?.classify(path);
    if (!project || !kind) return undefined;
    if (this.holds(path, text)) {
      const entry = this.index.get(path)!;
      return { path, parsed: entry.parsed, indexed: true, diagnostics: () => this.diagnostics(path) };
    }
    const own = kind === 'doc'
      ? this.buffers.parse(path, text, this.indexedParse(path), project)
      : { doc: { parsed: parseSource(path, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }, diagnostics: [] };
    const parsed = own.doc.parsed;
    return {
      path, parsed, indexed: false,
      diagnostics: () => [...own.diagnostics, ...crossDiagnostics(this.index, parsed, this.locale, this.display, false), ...this.settingsDiagnostics(path)],
    };
  }

  remove(path: string): UpdateResult {
    this.noteTouched(path);
    this.reads.delete(path);
    this.skipped.delete(path);
    this.buffers.delete(path);
    const had = this.index.get(path) !== undefined;
    const delta = this.index.remove(path);
    const affected = this.index.affectedFiles(delta);
    if (had) affected.add(path);
    return { affected };
  }

  /**
   * Takes a deleted path out: the file, or every file below it when it was a folder (a deleted
   * folder arrives as one event). Reads of them still on their way are dropped too.
   */
  removeTree(path: string): UpdateResult {
    // A file has nothing below it: skip the scan, which a branch switch would repeat per file.
    const wasFile = this.index.get(path) !== undefined;
    const affected = new Set(this.remove(path).affected);
    if (wasFile) return { affected };
    const below = `${path}/`;
    for (const p of [...this.reads.keys()]) if (p.startsWith(below)) this.reads.delete(p);
    for (const entry of [...this.index.entries()]) {
      if (entry.path.startsWith(below)) for (const p of this.remove(entry.path).affected) affected.add(p);
    }
    return { affected };
  }

  /** Local and workspace-wide diagnostics of one file. */
  diagnostics(path: string): SpecDiagnostic[] {
    const entry = this.index.get(path);
    const own = entry ? [...entry.diagnostics, ...crossDiagnostics(this.index, entry.parsed, this.locale, this.display)] : [];
    return [...own, ...this.settingsDiagnostics(path)];
  }

  /** Config and schema problems reported at `path` (a config or schema file). */
  private settingsDiagnostics(path: string): SpecDiagnostic[] {
    const out: SpecDiagnostic[] = [];
    for (const project of this.projects.values()) for (const d of project.diagnostics) if (d.path === path) out.push(d);
    return out;
  }

  /** Every diagnostic in the workspace, config and schema errors included. */
  allDiagnostics(): SpecDiagnostic[] {
    const out: SpecDiagnostic[] = [];
    // Appended one by one: `push(...list)` passes the list as arguments and overflows the stack
    // past about 130,000 (a 50 MB line of unknown IDs has millions).
    const add = (list: readonly SpecDiagnostic[]) => { for (const d of list) out.push(d); };
    for (const project of this.projects.values()) add(project.diagnostics);
    const crossProblems = this.index.filesWithCrossProblems();
    for (const entry of this.index.entries()) {
      add(entry.diagnostics);
      if (crossProblems.has(entry.path)) add(crossDiagnostics(this.index, entry.parsed, this.locale, this.display));
    }
    return out;
  }

  /** Files that have at least one diagnostic now, config and schema files included. */
  pathsWithDiagnostics(): Set<string> {
    const out = this.index.filesWithCrossProblems();
    for (const entry of this.index.entries()) if (entry.diagnostics.length > 0) out.add(entry.path);
    for (const path of this.settingsDiagnosticPaths()) out.add(path);
    return out;
  }

  /** Files that carry project-level diagnostics (config and custom schemas). */
  settingsDiagnosticPaths(): string[] {
    return [...this.projects.values()].flatMap((p) => p.diagnostics.map((d) => d.path));
  }

  projectFor(path: string): Project | undefined {
    const root = rootOf(this.workspace.roots, path);
    return root ? this.projects.get(root) : undefined;
  }

  /** True when a change to `path` means its folder's config or schemas must be reloaded. */
  isSettingsFile(path: string): boolean {
    return this.projectFor(path)?.isSettingsFile(path) ?? false;
  }

  /**
   * Reloads a folder's config and schemas and re-indexes that folder. The folder's files are read
   * and parsed under the new config first and replace the old ones in one step, so until then
   * every query sees the previous index, never an empty folder; if anything throws, it stays.
   * A reload overtaken by a later one for the same folder (or cancelled) changes nothing.
   */
  async reloadProject(root: string, options: PoolOptions = {}): Promise<UpdateResult> {
    const touched = new Set<string>();
    this.reloads.set(root, touched);
    const overtaken = () => this.reloads.get(root) !== touched;
    const cancellation = { get isCancellationRequested() { return overtaken() || !!options.cancellation?.isCancellationRequested; } };
    try {
      const started = performance.now();
      this.logger.info(`Reloading the settings of ${root}`);
      const project = await Project.load(this.workspace, root, this.locale, this.logger);
      const readings = new Map<string, Reading>();
      const cancelled = await runPool(await this.filesOf(project), { ...options, cancellation }, async ([path, kind]) => {
        readings.set(path, await this.readEntry(path, project, kind, false));
      });
      if (cancelled || overtaken()) {
        this.logger.debug(`Reload of ${root} ${cancelled ? 'cancelled' : 'overtaken by a later one'}`);
        return { affected: new Set() };
      }
      this.reloads.delete(root);
      const result = this.replaceFolder(project, readings, touched);
      // Files that changed while the folder was read: what was read of them may be older.
      for (const path of touched) for (const p of (await this.read(path, true, false)).affected) result.affected.add(p);
      this.logger.info(`Reloaded ${root}: ${readings.size} files, ${project.diagnostics.length} config or schema problems; ${Math.round(performance.now() - started)} ms`);
      return result;
    } finally {
      if (!overtaken()) this.reloads.delete(root);
    }
  }

  /** Swaps a folder's project and files for the reloaded ones, synchronously. */
  private replaceFolder(project: Project, readings: ReadonlyMap<string, Reading>, touched: ReadonlySet<string>): { affected: Set<string> } {
    const root = project.root;
    const affected = new Set(this.projects.get(root)?.diagnostics.map((d) => d.path));
    for (const entry of [...this.index.entries()]) {
      if (entry.root !== root) continue;
      affected.add(entry.path);
      this.index.remove(entry.path);
    }
    for (const path of [...this.skipped.keys()]) if (path.startsWith(`${root}/`)) this.skipped.delete(path);
    this.buffers.deleteWhere((path) => path.startsWith(`${root}/`));
    this.setProject(root, project);
    for (const [path, reading] of readings) if (!touched.has(path)) this.apply(path, reading, false);
    for (const d of project.diagnostics) affected.add(d.path);
    for (const path of readings.keys()) affected.add(path);
    return { affected };
  }

  file(path: string): ParsedFile | undefined {
    return this.index.get(path)?.parsed;
  }

  documents(): DocSummary[] {
    const out: DocSummary[] = [];
    for (const entry of this.index.entries()) {
      // Typed by front matter, or by the config's `types` (then without front-matter fields).
      const data = entry.parsed.frontMatter?.data ?? {};
      if (!entry.parsed.docType) continue;
      const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
      out.push({
        path: entry.path, type: entry.parsed.docType, id: str(data.id), title: str(data.title), stage: str(data.stage),
        status: str(data.status), owner: str(data.owner), product: str(data.product), release: str(data.release),
        version: str(data.version), requirementCount: entry.parsed.requirements.length,
      });
    }
    return out.sort((a, b) => a.path.localeCompare(b.path));
  }

  /** The requirement ID at a position: a definition, a known-prefix reference, or an ID in `traces`. */
  idAt(path: string, position: Position): IdHit | undefined {
    const parsed = this.file(path);
    if (!parsed) return undefined;
    for (const def of parsed.requirements) {
      if (contains(def.idRange, position)) return { id: def.id, range: def.idRange, isDefinition: true };
      const other = def.otherIdRanges?.find((r) => contains(r, position));
      if (other) return { id: def.id, range: other, isDefinition: true };
    }
    for (const t of parsed.tokens) {
      if (t.line !== position.line) continue;
      const r = range(t.line, t.start, t.line, t.end);
      if (contains(r, position) && this.index.isReference(t.id, path)) return { id: t.id, range: r, isDefinition: false };
    }
    return undefined;
  }

  /**
   * The ID-shaped word at a position in a line of text: the strict shape, or in a document also
   * the wide shapes and Kiro's cited numbers (`_Requirements: 1.2_`).
   */
  static idInLine(line: string, character: number, document = false): { id: string; start: number; end: number } | undefined {
    const at = (m: { start: number; end: number }) => m.start <= character && character <= m.end;
    if (!document) return scanIds(line).find(at);
    return scanDocIds(line).find(at) ?? (mayCiteNumbers(line) ? numberedReferences(line).find((m) => at(m) && m.end - m.start === m.id.length) : undefined);
  }

  definition(id: string): RequirementDef | undefined {
    return this.index.definitions(id)[0];
  }

  trace(include?: (path: string) => boolean): TraceRequirement[] {
    return buildTrace(this.index, include);
  }

  displayPath(path: string): string {
    return this.display(path);
  }

  private setProject(root: string, project: Project): void {
    this.projects.set(root, project);
    const prefixes = new Set<string>();
    for (const p of this.projects.values()) for (const x of p.config.prefixes) prefixes.add(x);
    this.index.setConfigPrefixes(prefixes);
  }

  /** Remembers that a file changed while its folder is being reloaded, so the reload does not undo it. */
  private noteTouched(path: string): void {
    if (!this.reloads.size) return;
    const root = rootOf(this.workspace.roots, path);
    if (root) this.reloads.get(root)?.add(path);
  }

  private commit(entry: FileEntry, track: boolean): UpdateResult {
    this.noteTouched(entry.path);
    if (!track) {
      this.index.load(entry);
      return { affected: new Set([entry.path]) };
    }
    const delta = this.index.set(entry);
    const affected = this.index.affectedFiles(delta);
    affected.add(entry.path);
    return { affected };
  }
}

/** The one entry point of the core. */
export function createSpecboard(options: SpecboardOptions): Specboard {
  return new Specboard(options);
}

/** 32-bit FNV-1a: enough to notice that an editor's text did not change since the last parse. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
