import * as vscode from 'vscode';
import { createSpecboard, errorSummary, normalizeLocale, type IndexStats, type Logger, type Specboard } from '../core';
import { VscodeWorkspace } from './adapters/vscodeWorkspace';
import type { EditorConfig } from './adapters/editorConfig';
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
 */
export class SpecboardService implements vscode.Disposable {
  private board: Specboard;
  private readonly changeEmitter = new vscode.EventEmitter<IndexChange>();
  readonly onDidChange = this.changeEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private indexing: Promise<void> = Promise.resolve();
  private cancel?: vscode.CancellationTokenSource;
  private generation = 0;
  private indexed = false;

  constructor(private readonly config: EditorConfig, private readonly log: Logger) {
    this.board = this.createBoard();
    this.disposables.push(
      this.changeEmitter,
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.detached(d.uri, () => this.onClosed(d))),
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
  get core(): Specboard {
    return this.board;
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
   */
  reindex(): Promise<void> {
    this.cancel?.cancel();
    const cancel = (this.cancel = new vscode.CancellationTokenSource());
    const generation = ++this.generation;
    const board = (this.board = this.createBoard());
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
        let stats: IndexStats;
        try {
          stats = await board.indexAll({
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
          });
        } finally {
          clearTimeout(slow);
          finish();
        }
        if (generation !== this.generation) return;
        this.reportUnlistedFolders(stats);
        // Open editors may hold unsaved text that differs from disk: it wins.
        for (const doc of vscode.workspace.textDocuments) if (this.inScope(doc.uri)) board.updateText(doc.uri.toString(), doc.getText());
        this.indexed = true;
        this.changeEmitter.fire({ affected: new Set([...board.index.entries()].map((e) => e.path).concat(board.settingsDiagnosticPaths())), full: true });
      },
    )).catch((e: unknown) => {
      reportFailure(this.log, vscode.l10n.t('Specboard could not index the workspace: {0}', errorSummary(e)), e);
    });
    return this.indexing;
  }

  /** A workspace folder that could not be listed is not checked at all: say so, once per index. */
  private reportUnlistedFolders(stats: IndexStats): void {
    const roots = new Set((vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString()));
    for (const { path, reason } of stats.skipped) {
      if (!roots.has(path)) continue;
      // The reason is the core's localized sentence ("Skipped: this folder could not be listed (ENOENT), ...").
      void vscode.window.showWarningMessage(`${vscode.Uri.parse(path).fsPath}: ${reason}`);
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

  /** Applies every pending debounced edit now (commands and tests call this before reading). */
  flush(): void {
    for (const [key, timer] of this.pending) {
      clearTimeout(timer);
      this.pending.delete(key);
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (doc) this.apply(doc);
    }
  }

  private createBoard(): Specboard {
    const folders = vscode.workspace.workspaceFolders ?? [];
    return createSpecboard({ workspace: new VscodeWorkspace(folders, this.log), locale: normalizeLocale(vscode.env.language), logger: this.log });
  }

  private inScope(uri: vscode.Uri): boolean {
    return uri.scheme !== 'output' && uri.scheme !== 'git' && this.board.projectFor(uri.toString()) !== undefined;
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

  private apply(doc: vscode.TextDocument): void {
    if (doc.isClosed) return;
    const key = doc.uri.toString();
    // Config and schemas apply when saved (the watcher reloads them), like the CLI reads them.
    if (this.board.isSettingsFile(key)) return;
    const result = this.board.updateText(key, doc.getText());
    if (result.affected.size) this.changeEmitter.fire({ affected: result.affected, full: false });
  }

  private async onClosed(doc: vscode.TextDocument): Promise<void> {
    // Closing without saving: the file on disk is the truth again.
    if (this.indexed && this.inScope(doc.uri)) await this.onDisk(doc.uri);
  }

  private async onDisk(uri: vscode.Uri): Promise<void> {
    if (!this.indexed || !this.inScope(uri)) return;
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
    if (open && open.isDirty) return; // The editor's unsaved text is what the user sees; keep it.
    if (this.board.isSettingsFile(key)) return this.reloadSettings(key);
    const result = open ? this.board.updateText(key, open.getText()) : await this.board.refreshFromDisk(key);
    if (result.affected.size) this.changeEmitter.fire({ affected: result.affected, full: false });
  }

  private onDeleted(uri: vscode.Uri): void {
    if (!this.indexed) return;
    const key = uri.toString();
    const affected = new Set<string>();
    // A deleted folder arrives as one event: drop every indexed file below it.
    for (const entry of [...this.board.index.entries()]) {
      if (entry.path === key || entry.path.startsWith(`${key}/`)) for (const p of this.board.remove(entry.path).affected) affected.add(p);
    }
    // reloadSettings reports its own failures and never rejects.
    if (this.board.isSettingsFile(key)) void this.reloadSettings(key);
    if (affected.size) this.changeEmitter.fire({ affected, full: false });
  }

  /**
   * Re-reads a folder's config or schemas after a save. The core keeps serving the folder's old
   * index until the new one is built; a broken config arrives as config-error diagnostics. This
   * runs from watcher events nobody awaits, so it must never reject.
   */
  private async reloadSettings(path: string): Promise<void> {
    const board = this.board;
    const root = board.projectFor(path)?.root;
    if (!root) return;
    const before = new Set(board.settingsDiagnosticPaths());
    let affected: ReadonlySet<string>;
    try {
      affected = (await board.reloadProject(root, { pause: yieldToHost })).affected;
    } catch (e) {
      const file = vscode.workspace.asRelativePath(vscode.Uri.parse(path));
      reportFailure(this.log, vscode.l10n.t('Specboard could not apply {0}, and keeps the previous settings: {1}', file, errorSummary(e)), e);
      return;
    }
    // Re-indexed from scratch meanwhile, or overtaken by a later save: that one reports.
    if (board !== this.board || affected.size === 0) return;
    for (const doc of vscode.workspace.textDocuments) if (doc.isDirty && this.inScope(doc.uri)) board.updateText(doc.uri.toString(), doc.getText());
    this.changeEmitter.fire({ affected: new Set([...affected, ...before, path]), full: true });
  }

  dispose(): void {
    this.cancel?.cancel();
    for (const t of this.pending.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
