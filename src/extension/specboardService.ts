import * as vscode from 'vscode';
import { createSpecboard, errorSummary, normalizeLocale, type DocumentView, type IndexStats, type Logger, type PoolOptions, type Specboard, type SpecQueries } from '../core';
import { PARSER_BUILD, VERSION } from '../shared/version';
import type { SnapshotStore } from './adapters/snapshotStore';
import { VscodeWorkspace } from './adapters/vscodeWorkspace';
import { IndexPersistence } from './indexPersistence';
import type { EditorConfig } from './adapters/editorConfig';
import { toRoot, toUri } from './adapters/convert';
import { reportFailure } from './adapters/reportFailure';

/** How long indexing may run before a cancellable notification joins the status-bar progress. */
const SLOW_INDEX_MS = 2000;

/** Gives the extension host a turn between slices of indexing (completion, hovers...). */
const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface IndexChange {
  /** URI strings of files whose diagnostics or contents may have changed. */
  readonly affected: ReadonlySet<string>;
  /** True after a full (re)index: views should rebuild rather than patch. */
  readonly full: boolean;
}

/**
 * Owns the core and keeps it in step with the workspace: one background index at start, then
 * single-file updates from editors (debounced, unsaved text wins) and file-system watchers.
 * Features read the core from memory and listen to onDidChange.
 *
 * VS Code keeps a closed editor's TextDocument in `workspace.textDocuments` for about three
 * minutes (`isClosed` false), also after git, a terminal or a folder delete removed its file. So
 * unsaved text always speaks for its file, but saved text only refreshes a file the index holds:
 * it never brings back a deleted one. Only the disk (or unsaved text) adds a file.
 */
export class SpecboardService implements vscode.Disposable {
  private specboard: Specboard;
  private readonly changeEmitter = new vscode.EventEmitter<IndexChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private indexing: Promise<void> = Promise.resolve();
  /** Per open document: its view at the version last asked for (see view). */
  private readonly views = new Map<string, { readonly version: number; readonly specboard: Specboard; readonly view: DocumentView | undefined }>();
  private cancel?: vscode.CancellationTokenSource;
  private generation = 0;
  private indexed = false;
  private readonly persistence: IndexPersistence;

  constructor(private readonly config: EditorConfig, private readonly log: Logger, store: SnapshotStore) {
    this.specboard = this.newCore();
    this.persistence = new IndexPersistence(store, `${VERSION}+${PARSER_BUILD}`, log, () => (this.indexed ? this.specboard : undefined), yieldToHost);
    this.disposables.push(
      this.persistence,
      this.changeEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.views.delete(d.uri.toString());
        this.detached(d.uri, () => this.backToDisk(d.uri));
      }),
      // Deletes and renames made in VS Code arrive here before the watcher reports them.
      vscode.workspace.onDidDeleteFiles((e) => { for (const uri of e.files) this.detached(uri, () => this.onDeleted(uri)); }),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const { oldUri, newUri } of e.files) {
          this.detached(oldUri, () => this.onDeleted(oldUri));
          this.detached(newUri, () => this.onDisk(newUri));
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.log.info('Workspace folders changed: indexing again');
        void this.reindex();
      }),
    );
    // Nobody awaits a watcher's listener: a failure in one would otherwise vanish, leaving the
    // index silently out of date for that file.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => this.detached(u, () => this.onDisk(u))),
      watcher.onDidChange((u) => this.detached(u, () => this.onDisk(u))),
      watcher.onDidDelete((u) => this.detached(u, () => this.onDeleted(u))),
    );
  }

  /** The core, for read-only queries. Replaced on re-index, so never cache it. */
  get core(): SpecQueries {
    return this.specboard;
  }

  get isIndexed(): boolean {
    return this.indexed;
  }

  /** Resolves when the current background index (if any) is complete. */
  get ready(): Promise<void> {
    return this.indexing;
  }

  /**
   * Starts (or restarts) the background index; activation does not wait for it. Progress shows in
   * the status bar; if indexing is still running after a few seconds (a large workspace), a
   * notification with a Cancel button joins it. Cancelling keeps what was indexed so far usable.
   * With `restore`, the index a previous window saved is served at once, then checked against the
   * disk in the background under the same progress and Cancel; its changes arrive as updates.
   */
  reindex(options: { readonly restore?: boolean } = {}): Promise<void> {
    this.cancel?.cancel();
    const cancel = (this.cancel = new vscode.CancellationTokenSource());
    const generation = ++this.generation;
    const specboard = (this.specboard = this.newCore());
    this.indexed = false;
    const title = vscode.l10n.t('Specboard: indexing');
    const reporters: vscode.Progress<{ message?: string; increment?: number }>[] = [];
    let message = '';
    let percent = 0;
    let finish = () => {};
    const finished = new Promise<void>((resolve) => { finish = resolve; });
    const slow = setTimeout(() => void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title, cancellable: true },
      (progress, token) => {
        token.onCancellationRequested(() => cancel.cancel());
        progress.report({ message, increment: percent });
        reporters.push(progress);
        return finished;
      },
    ), SLOW_INDEX_MS);
    this.indexing = Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title, cancellable: false },
      async (progress) => {
        reporters.push(progress);
        const pool: PoolOptions = {
          cancellation: cancel.token,
          pause: yieldToHost,
          onProgress: (done, total) => {
            const pct = Math.floor((done / total) * 100);
            if (pct >= percent + 5) {
              message = `${done}/${total}`;
              for (const r of reporters) r.report({ message, increment: pct - percent });
              percent = pct;
            }
          },
        };
        let stats: IndexStats | undefined;
        let restored = false;
        try {
          if (options.restore) restored = (stats = await this.persistence.restore(specboard, pool)) !== undefined;
          if (generation !== this.generation) return;
          if (restored) this.serve(specboard, stats!);
          else stats = await specboard.indexAll(pool);
          if (generation !== this.generation) return;
          if (restored) {
            const started = performance.now();
            const checked = await specboard.revalidate(pool);
            if (generation !== this.generation) return;
            this.log.info(vscode.l10n.t('Checked the restored index against the disk: {0} files changed, {1} new, {2} gone in {3} ms',
              checked.reread, checked.added, checked.removed, Math.round(performance.now() - started)));
            this.fire(checked.affected);
            // The restore listed nothing; the check did, so an unreadable folder is said now.
            this.reportUnlistedFolders({ ...specboard.stats(), cancelled: checked.cancelled });
            // Files re-read with the same text still get fresher stamps, worth keeping.
            if (checked.reread + checked.added + checked.removed > 0) this.persistence.changed(true);
          }
        } finally {
          clearTimeout(slow);
          finish();
        }
        if (!restored) {
          this.serve(specboard, stats!);
          if (!stats!.cancelled) this.persistence.changed(true);
        }
      },
    )).catch((e: unknown) => {
      reportFailure(this.log, vscode.l10n.t('Specboard could not index the workspace: {0}', errorSummary(e)), e);
    });
    return this.indexing;
  }

  /** The index answers from here on: editors' unsaved text goes in, and every view refreshes. */
  private serve(specboard: Specboard, stats: IndexStats): void {
    this.reportUnlistedFolders(stats);
    // Unsaved text differs from disk and wins; any other document shows what was just read,
    // or, lingering after its editor closed, a file that may be gone.
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && !doc.isClosed && this.inScope(doc.uri)) specboard.updateText(doc.uri.toString(), doc.getText());
    this.indexed = true;
    this.views.clear(); // Made before the folders' settings were read.
    this.changeEmitter.fire({ affected: new Set([...specboard.index.entries()].map((e) => e.path).concat(specboard.settingsDiagnosticPaths())), full: true });
  }

  /** Deletes the saved index and indexes the workspace from the disk (`Specboard: Clear Saved Index`). */
  async clearSavedIndex(): Promise<boolean> {
    const had = await this.persistence.clear();
    this.log.info(had ? vscode.l10n.t('Deleted the saved index; indexing the workspace from the disk') : vscode.l10n.t('There was no saved index; indexing the workspace from the disk'));
    await this.reindex();
    return had;
  }

  /** A workspace folder that could not be listed is not checked at all: say so, once per index. */
  private reportUnlistedFolders(stats: IndexStats): void {
    const roots = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => toRoot(f.uri)));
    for (const { path, reason } of stats.skipped) {
      if (!roots.has(path)) continue;
      // The reason is the core's localized sentence ("Skipped: this folder could not be listed (ENOENT), ...").
      void vscode.window.showWarningMessage(`${toUri(path).fsPath}: ${reason}`);
    }
  }

  /**
   * Runs a listener's work and reports what it throws (with the file it was about), since the event
   * that started it awaits nothing.
   */
  private detached(uri: vscode.Uri, work: () => void | Promise<void>): void {
    const fail = (e: unknown) => reportFailure(this.log, vscode.l10n.t('Specboard could not update {0}: {1}', vscode.workspace.asRelativePath(uri), errorSummary(e)), e);
    try {
      void Promise.resolve(work()).catch(fail);
    } catch (e) {
      fail(e);
    }
  }

  /**
   * What an editor's document says now, for queries (hover, links, code actions, symbols, rename,
   * the preview): the index's parse when it holds this text, else one made aside and cached by
   * document version. It never updates the index or fires onDidChange; only the debounced path
   * does, so a query on every cursor move costs no re-index and no refresh of every view.
   * Undefined for a document outside every folder (or a config or schema file).
   */
  view(document: vscode.TextDocument): DocumentView | undefined {
    const key = document.uri.toString();
    const cached = this.views.get(key);
    if (cached && cached.version === document.version && cached.specboard === this.specboard) return cached.view;
    const view = this.inScope(document.uri) && !this.specboard.isSettingsFile(key) ? this.specboard.view(key, document.getText()) : undefined;
    this.views.set(key, { version: document.version, specboard: this.specboard, view });
    return view;
  }

  /** Applies every pending debounced edit now (commands and tests call this before reading). */
  flush(): void {
    for (const [key, timer] of this.pending) {
      clearTimeout(timer);
      this.pending.delete(key);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      const uri = toUri(key);
      this.detached(uri, () => (doc ? this.apply(doc) : this.backToDisk(uri)));
    }
  }

  private newCore(): Specboard {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return createSpecboard({ workspace: new VscodeWorkspace(folders), locale: normalizeLocale(vscode.env.language), logger: this.log });
  }

  private inScope(uri: vscode.Uri): boolean {
    return uri.scheme !== 'output' && uri.scheme !== 'git' && this.specboard.projectFor(uri.toString()) !== undefined;
  }

  private schedule(doc: vscode.TextDocument, delay = this.config.debounceMs): void {
    if (!this.indexed || !this.inScope(doc.uri)) return;
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      this.detached(doc.uri, () => this.apply(doc));
    }, delay));
  }

  private apply(doc: vscode.TextDocument): Promise<void> | void {
    const key = doc.uri.toString();
    // Config and schemas apply when saved (the watcher reloads them), like the CLI reads them.
    if (this.specboard.isSettingsFile(key)) return;
    if (!this.speaksFor(doc)) return this.backToDisk(doc.uri);
    this.fire(this.specboard.updateText(key, doc.getText()).affected);
  }

  /**
   * Whether the index may take this document's text for its file: unsaved text, or saved text
   * (what VS Code last read from disk) of a file still indexed. A file deleted since is not, so
   * its lingering document cannot resurrect it.
   */
  private speaksFor(doc: vscode.TextDocument): boolean {
    return !doc.isClosed && (doc.isDirty || this.specboard.file(doc.uri.toString()) !== undefined);
  }

  private openDocument(key: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && this.speaksFor(d));
  }

  /** Clears the updates waiting for `key`, and with `below` for every path under it (a deleted folder). */
  private cancelPending(key: string, below = false): void {
    for (const [path, timer] of this.pending) {
      if (path !== key && !(below && path.startsWith(`${key}/`))) continue;
      clearTimeout(timer);
      this.pending.delete(path);
    }
  }

  /**
   * No document speaks for the file (VS Code let it go, or an update found it unsaved no more and
   * its file out of the index): the index goes back to the disk, or drops the file if it is gone.
   */
  private backToDisk(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if (!this.indexed || !this.inScope(uri)) return Promise.resolve();
    this.cancelPending(key);
    // Unsaved config or schema text was never applied (see apply): nothing to take back.
    if (this.specboard.isSettingsFile(key)) return Promise.resolve();
    return this.refresh(key);
  }

  private async refresh(key: string): Promise<void> {
    const specboard = this.specboard;
    const { affected } = await specboard.refreshFromDisk(key);
    if (specboard === this.specboard) this.fire(affected);
  }

  private async onDisk(uri: vscode.Uri): Promise<void> {
    if (!this.indexed || !this.inScope(uri)) return;
    const key = uri.toString();
    const open = this.openDocument(key);
    if (open?.isDirty) return; // The editor's unsaved text is what the user sees; keep it.
    if (this.specboard.isSettingsFile(key)) return this.reloadSettings(key);
    // A saved editor holds what was written (and its parse is buffered); otherwise read the file.
    if (open) this.fire(this.specboard.updateText(key, open.getText()).affected);
    else await this.refresh(key);
  }

  /**
   * A file or folder is gone (a deleted folder arrives as one event): every update waiting for it
   * or below it would bring it back, so they go first. Runs during the first index too, whose
   * reads of the path the core then drops.
   */
  private onDeleted(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancelPending(key, true);
    const { affected } = this.specboard.removeTree(key);
    if (!this.indexed) return;
    if (this.specboard.isSettingsFile(key)) void this.reloadSettings(key);
    this.fire(affected);
  }

  private fire(affected: ReadonlySet<string>): void {
    if (!affected.size) return;
    this.changeEmitter.fire({ affected, full: false });
    // Saved once changes settle (the persistence debounces): never on the keystroke's path.
    this.persistence.changed();
  }

  /**
   * Re-reads a folder's config or schemas after a save. The core keeps serving the folder's old
   * index until the new one is built; a broken config arrives as config-error diagnostics. This
   * runs from watcher events nobody awaits, so it must never reject.
   */
  private async reloadSettings(path: string): Promise<void> {
    const specboard = this.specboard;
    const root = specboard.projectFor(path)?.root;
    if (!root) return;
    const before = new Set(specboard.settingsDiagnosticPaths());
    let affected: ReadonlySet<string>;
    try {
      affected = (await specboard.reloadProject(root, { pause: yieldToHost })).affected;
    } catch (e) {
      const file = vscode.workspace.asRelativePath(vscode.Uri.parse(path));
      reportFailure(this.log, vscode.l10n.t('Specboard could not apply {0}, and keeps the previous settings: {1}', file, errorSummary(e)), e);
      return;
    }
    // Re-indexed from scratch meanwhile, or overtaken by a later save: that one reports.
    if (specboard !== this.specboard || affected.size === 0) return;
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && this.inScope(doc.uri)) specboard.updateText(doc.uri.toString(), doc.getText());
    this.views.clear(); // Parsed under the previous settings.
    this.changeEmitter.fire({ affected: new Set([...affected, ...before, path]), full: true });
    this.persistence.changed();
  }

  dispose(): void {
    this.cancel?.cancel();
    for (const t of this.pending.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
