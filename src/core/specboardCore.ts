import { DEFAULT_CONFIG } from './config';
import { documentSummaries, type DocSummary } from './documentSummaries';
import { EditorBuffers } from './editorBuffers';
import { FileReader, fnv1a, type FileStamp, type Reading } from './fileReader';
import { idAt, type IdHit } from './idAt';
import { decodeSnapshot, encodeSnapshot, type SnapshotContext, type SnapshotFile } from './indexSnapshot';
import { cacheKeys } from './parseCache';
import { IdCatalog } from './idCatalog';
import { NO_LOGGER, type Logger } from './logger';
import { message } from './messages';
import type { FileKind, ParsedFile, RequirementDef } from './model';
import { parseSource } from './parseSource';
import { errorCode } from './readErrors';
import type { ParseSupply } from './parseSupply';
import { Project } from './project';
import { RequirementIndex, type FileEntry } from './requirementIndex';
import type { DocumentView, IndexOptions, IndexStats, RestoreResult, RevalidateResult, SkippedFile, Specboard, SpecboardOptions, UpdateResult } from './specboard';
import { buildTrace, type TraceRequirement } from './trace';
import type { Locale, Position, SpecDiagnostic } from './types';
import { runPool, type PoolOptions } from './workPool';
import { relativeTo, rootOf, type SpecWorkspace } from './workspace';
import { allDiagnostics, fileDiagnostics, parseDiagnostics, pathsWithDiagnostics, settingsDiagnosticPaths, type DiagnosticSources } from './workspaceDiagnostics';

/** A file whose mtime is this close to the moment it was stat'ed may change again unseen within the same tick. */
const RACY_MS = 1000;
/** How long restoring runs before it gives the host a turn (as workPool's slices). */
const RESTORE_SLICE_MS = 20;

/**
 * Specboard's core: one object over an injected workspace, behind the Specboard interface. It
 * keeps the index in step with the workspace (time-sliced indexing, single-file updates, folder
 * reloads); reading a file, editor buffers and diagnostics live in their own modules.
 */
export class SpecboardCore implements Specboard {
  readonly index = new RequirementIndex();
  private readonly reader: FileReader;
  private readonly diagnosticSources: DiagnosticSources;
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
  private readonly supply?: ParseSupply;
  /**
   * What each file read from disk looked like when read (absent for editor text and skipped
   * files): a saved index keeps them, and revalidate() re-reads only the files whose stat differs.
   */
  private readonly stamps = new Map<string, FileStamp>();

  constructor(options: SpecboardOptions) {
    this.workspace = options.workspace;
    this.locale = options.locale ?? 'en';
    this.buffers = new EditorBuffers(this.locale);
    this.logger = options.logger ?? NO_LOGGER;
    this.reader = new FileReader(this.workspace, this.locale, this.logger, options.parseCache, options.parseSupply, options.excerpts ?? true);
    this.supply = options.parseSupply;
    this.display = options.display ?? ((p) => {
      const root = rootOf(this.workspace.roots, p);
      return root ? relativeTo(root, p) : p;
    });
    const projects = this.projects;
    this.diagnosticSources = {
      index: this.index, get projects() { return projects.values(); }, locale: this.locale, display: this.display,
      rulesFor: (path) => this.projectFor(path)?.config.rules ?? DEFAULT_CONFIG.rules,
    };
  }

  /** Loads every root's config and schemas, then reads and indexes all their files. */
  async indexAll(options: IndexOptions = {}): Promise<IndexStats> {
    const started = performance.now();
    const files: (readonly [string, FileKind])[] = [];
    for (const project of await this.loadProjects()) {
      for (const file of await this.filesOf(project)) if (!options.filter || options.filter(file[0])) files.push(file);
    }
    const listed = performance.now();
    this.supply?.expect(files);
    const all = files.map(([path]) => path);
    const cancelled = await runPool(all, options, (path) => this.read(path, false).then(() => undefined));
    const stats = { ...this.stats(), cancelled };
    const ms = (t: number) => Math.round(t);
    this.logger.info(`${cancelled ? 'Indexing cancelled' : 'Indexed'}: ${stats.files} of ${all.length} files in ${this.workspace.roots.length} folder(s), `
      + `${stats.documents} documents, ${stats.requirements} requirements, ${stats.references} references, ${stats.skipped.length} skipped; `
      + `${ms(performance.now() - started)} ms (listing ${ms(listed - started)} ms)`);
    return stats;
  }

  private async loadProjects(): Promise<Project[]> {
    const projects: Project[] = [];
    for (const root of this.workspace.roots) {
      const project = await Project.load(this.workspace, root, this.locale, this.logger);
      this.setProject(root, project);
      projects.push(project);
    }
    return projects;
  }

  /**
   * Loads every root's config and schemas, then the files of a saved index if it was made with
   * the same versions, folders, settings and locale; otherwise the index stays empty and the
   * result says why. The files are not checked against the disk here: see revalidate().
   */
  async restore(snapshot: Uint8Array, build: string, options: PoolOptions = {}): Promise<RestoreResult> {
    const started = performance.now();
    await this.loadProjects();
    const files = await decodeSnapshot(snapshot, {
      ...this.snapshotContext(build),
      classify: (path) => {
        const project = this.projectFor(path);
        const kind = project?.classify(path);
        return project && kind ? { root: project.root, kind } : undefined;
      },
    }, options);
    if (typeof files === 'string') return { problem: files };
    // In slices too: on 100,000 requirements building the index's maps is a second of work.
    let sliceStart = performance.now();
    for (const { entry, stamp } of files) {
      // A file typed into while the snapshot was decoded keeps the editor's text.
      if (this.index.get(entry.path)) continue;
      this.index.load(entry);
      this.stamps.set(entry.path, stamp);
      if (options.pause && performance.now() - sliceStart > RESTORE_SLICE_MS) {
        await options.pause();
        sliceStart = performance.now();
      }
    }
    const stats = { ...this.stats(), cancelled: false };
    this.logger.debug(`Restored the saved index: ${stats.files} files, ${stats.documents} documents, ${stats.requirements} requirements, `
      + `${stats.references} references; ${Math.round(performance.now() - started)} ms`);
    return { stats };
  }

  /**
   * Brings a restored index in step with the disk: lists every folder, stats every file it holds
   * (re-reading those whose size or mtime changed, or whose stat was too close to its read to
   * trust), reads files it does not hold and drops files that are gone. Files an editor's text
   * speaks for are left to the editor. What it changes is reported like any other update.
   */
  async revalidate(options: PoolOptions = {}): Promise<RevalidateResult> {
    const started = performance.now();
    const listed = new Set<string>();
    const all: string[] = [];
    for (const project of this.projects.values()) {
      for (const [path] of await this.filesOf(project)) {
        listed.add(path);
        all.push(path);
      }
    }
    const affected = new Set<string>();
    let reread = 0;
    let added = 0;
    let removed = 0;
    const cancelled = await runPool(all, options, async (path) => {
      const stamp = this.stamps.get(path);
      if (!stamp && this.index.get(path)) return;
      if (stamp && await this.unchangedOnDisk(path, stamp)) return;
      if (stamp) reread++;
      else added++;
      for (const p of (await this.read(path, true)).affected) affected.add(p);
    });
    if (!cancelled) {
      for (const path of [...this.stamps.keys()]) {
        if (listed.has(path)) continue;
        removed++;
        for (const p of this.remove(path).affected) affected.add(p);
      }
    }
    this.logger.debug(`${cancelled ? 'Checking cancelled' : 'Checked'} the restored index against ${all.length} files: ${reread} changed, `
      + `${added} new, ${removed} gone; ${Math.round(performance.now() - started)} ms`);
    return { affected, reread, added, removed, cancelled };
  }

  /** True when the file's size and mtime are those it had when read, and that stat can be trusted. */
  private async unchangedOnDisk(path: string, stamp: FileStamp): Promise<boolean> {
    if (!this.workspace.stat || stamp.mtime >= stamp.seen - RACY_MS) return false;
    try {
      const now = await this.workspace.stat(path);
      return now !== undefined && now.size === stamp.size && now.mtime === stamp.mtime;
    } catch {
      return false; // Reading it says why it cannot be read.
    }
  }

  /** The index as a snapshot for restore(): the files read from disk, with their stamps. */
  snapshot(build: string, options: PoolOptions = {}): Promise<Uint8Array> {
    return encodeSnapshot(this.snapshotContext(build), this.stampedFiles(), options);
  }

  private *stampedFiles(): Generator<SnapshotFile> {
    for (const [path, stamp] of this.stamps) {
      const entry = this.index.get(path);
      if (entry && !this.skipped.has(path)) yield { entry, stamp };
    }
  }

  private snapshotContext(build: string): SnapshotContext {
    const roots = this.workspace.roots.map((root) => {
      const project = this.projects.get(root);
      return [root, project ? cacheKeys(project, this.locale).check : ''] as const;
    });
    return { build, locale: this.locale, roots };
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
    for (const entry of this.index.entries()) {
      if (!inside(entry.parsed.path)) continue;
      files++;
      if (entry.parsed.docType) documents++;
    }
    return { files, documents, requirements: this.index.requirementCountIn(inside), references: this.index.referencesIn(inside), skipped };
  }

  /** Re-reads a file from the workspace (watcher events, files closed in the editor). */
  async refreshFromDisk(path: string): Promise<UpdateResult> {
    const project = this.projectFor(path);
    // A folder created, copied or moved in may arrive as one event, without one per file inside.
    const below = project && !project.classify(path) && !this.index.get(path) ? await this.filesBelow(project, path) : [];
    if (below.length === 0) return this.read(path, true);
    const affected = new Set<string>();
    for (const file of below) for (const p of (await this.read(file, true)).affected) affected.add(p);
    return { affected };
  }

  /** The files the config reads below `folder`; none when it is no folder (or an excluded one). */
  private async filesBelow(project: Project, folder: string): Promise<string[]> {
    const rel = relativeTo(project.root, folder);
    const parts = rel.split('/');
    if (rel === '' || parts.some((_, i) => project.skipDir(parts.slice(0, i + 1).join('/')))) return [];
    try {
      const files = await this.workspace.listFiles(folder, (sub) => project.skipDir(`${rel}/${sub}`));
      return files.filter((f) => project.classify(f) !== undefined);
    } catch {
      return []; // A file (ENOTDIR), or gone again: nothing below it.
    }
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
    const reading = await this.reader.read(path, project, kind, reuse ? (hash) => this.isIndexed(path, hash) : undefined);
    if (this.reads.get(path) !== token) return { affected: new Set() };
    this.reads.delete(path);
    this.stamp(path, reading);
    return this.apply(path, reading, track);
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
    this.stamps.delete(path); // Editor text: what the disk holds is not known.
    return this.apply(path, { entry: this.reader.parse(path, text, project, kind, hash) }, track);
  }

  /** True when the index holds this text of the file, read (not skipped) the last time. */
  private isIndexed(path: string, hash: number): boolean {
    return this.index.get(path)?.hash === hash && !this.skipped.has(path);
  }

  /** Remembers what a file read from disk looked like; a skipped or gone file has no stamp. */
  private stamp(path: string, reading: Reading): void {
    if (reading !== 'gone' && reading.stamp && !('skipped' in reading && reading.skipped !== undefined)) this.stamps.set(path, reading.stamp);
    else if (reading === 'gone' || !('unchanged' in reading)) this.stamps.delete(path);
  }

  /** Puts a reading into the index (or takes the file out). */
  private apply(path: string, reading: Reading, track: boolean): UpdateResult {
    if (reading === 'gone') return this.remove(path);
    if ('unchanged' in reading) return { affected: new Set() };
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
    this.stamps.delete(path); // Editor text: what the disk holds is not known.
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
    const own = this.holds(path, text) ? undefined : kind === 'doc'
      ? this.buffers.parse(path, text, this.indexedParse(path), project)
      : { doc: { parsed: parseSource(path, text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }, diagnostics: [] };
    const parsed = own?.doc.parsed ?? this.index.get(path)!.parsed;
    // Asked each time: a view kept by an editor (per document version) is indexed once the
    // debounced update takes its parse, and is no longer when the file is re-read from disk.
    const isIndexed = () => this.indexedParse(path) === parsed;
    return {
      path, parsed,
      get indexed() { return isIndexed(); },
      diagnostics: () => (isIndexed() || !own
        ? this.diagnostics(path)
        : parseDiagnostics(this.diagnosticSources, parsed, own.diagnostics)),
    };
  }

  remove(path: string): UpdateResult {
    this.noteTouched(path);
    this.reads.delete(path);
    this.skipped.delete(path);
    this.stamps.delete(path);
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

  diagnostics(path: string): SpecDiagnostic[] {
    return fileDiagnostics(this.diagnosticSources, path);
  }

  allDiagnostics(): SpecDiagnostic[] {
    return allDiagnostics(this.diagnosticSources);
  }

  pathsWithDiagnostics(): Set<string> {
    return pathsWithDiagnostics(this.diagnosticSources);
  }

  settingsDiagnosticPaths(): string[] {
    return settingsDiagnosticPaths(this.projects.values());
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
        readings.set(path, await this.reader.read(path, project, kind));
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
      this.stamps.delete(entry.path);
    }
    for (const path of [...this.skipped.keys()]) if (path.startsWith(`${root}/`)) this.skipped.delete(path);
    this.buffers.deleteWhere((path) => path.startsWith(`${root}/`));
    this.setProject(root, project);
    for (const [path, reading] of readings) {
      if (touched.has(path)) continue;
      this.stamp(path, reading);
      this.apply(path, reading, false);
    }
    for (const d of project.diagnostics) affected.add(d.path);
    for (const path of readings.keys()) affected.add(path);
    return { affected };
  }

  file(path: string): ParsedFile | undefined {
    return this.index.get(path)?.parsed;
  }

  documents(): DocSummary[] {
    return documentSummaries(this.index);
  }

  idAt(file: string | ParsedFile, position: Position): IdHit | undefined {
    const parsed = typeof file === 'string' ? this.file(file) : file;
    return parsed && idAt(this.index, parsed, position);
  }

  definition(id: string): RequirementDef | undefined {
    return this.index.definitions(id)[0];
  }

  trace(include?: (path: string) => boolean): TraceRequirement[] {
    if (include) return buildTrace(this.index, include);
    // The coverage and releases views each ask for the whole trace after a change: at 100,000
    // requirements that is 1.6 s each. Kept until the index changes; callers get their own list.
    if (this.traced?.generation !== this.index.generation) this.traced = { generation: this.index.generation, rows: buildTrace(this.index) };
    return [...this.traced.rows];
  }

  private traced?: { readonly generation: number; readonly rows: readonly TraceRequirement[] };

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
