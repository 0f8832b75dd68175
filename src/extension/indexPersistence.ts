import * as vscode from 'vscode';
import { errorSummary, type IndexStats, type Logger, type PoolOptions, type Specboard, type SnapshotProblem } from '../core';
import type { SnapshotStore } from './adapters/snapshotStore';

/** After the first index the snapshot is written soon, so the next window finds it. */
const FIRST_SAVE_MS = 1000;
/**
 * After edits it waits for them to settle, for long: writing the snapshot of 100,000 requirements
 * costs about as much CPU as indexing them (in slices), while a snapshot a few edits behind costs
 * the next window only the re-reading of those files.
 */
const SETTLED_SAVE_MS = 120_000;

/**
 * The warm start: restores the index a previous window saved, and saves it again after the
 * first index and once changes settle. Never on a keystroke's path: saving runs on a timer,
 * in time slices, one at a time; a failure is logged and costs only the next warm start.
 */
export class IndexPersistence implements vscode.Disposable {
  private timer?: ReturnType<typeof setTimeout>;
  private saving?: Promise<void>;
  private again = false;
  private readonly cancel = new vscode.CancellationTokenSource();

  /** `current` gives the core to save, or undefined while it is being (re)built. */
  constructor(
    private readonly store: SnapshotStore,
    private readonly build: string,
    private readonly log: Logger,
    private readonly current: () => Specboard | undefined,
    private readonly pause: () => Promise<void>,
  ) {}

  /** Restores `specboard` from the saved index; undefined (with a log line saying why) when it cannot. */
  async restore(specboard: Specboard, options: PoolOptions): Promise<IndexStats | undefined> {
    const started = performance.now();
    let bytes: Uint8Array | undefined;
    try {
      bytes = await this.store.read();
    } catch (e) {
      this.log.warn(vscode.l10n.t('Could not read the saved index; indexing the workspace'), e);
      return undefined;
    }
    if (!bytes) {
      this.log.info(vscode.l10n.t('No saved index for this workspace yet; indexing it'));
      return undefined;
    }
    const result = await specboard.restore(bytes, this.build, options);
    if (result.problem) {
      if (result.problem !== 'cancelled') this.log.warn(vscode.l10n.t('Ignored the saved index ({0}); indexing the workspace', reason(result.problem)));
      return undefined;
    }
    const { files, requirements } = result.stats;
    this.log.info(vscode.l10n.t('Restored the saved index: {0} files, {1} requirements in {2} ms; checking it against the disk', files, requirements, Math.round(performance.now() - started)));
    return result.stats;
  }

  /** Something changed (or the first index finished): save once things have been quiet for a while. */
  changed(first = false): void {
    if (!this.store.uri || this.cancel.token.isCancellationRequested) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), first ? FIRST_SAVE_MS : SETTLED_SAVE_MS);
  }

  /** Deletes the saved index; true when there was one. */
  async clear(): Promise<boolean> {
    clearTimeout(this.timer);
    await this.saving;
    return this.store.clear();
  }

  private async save(): Promise<void> {
    if (this.saving) {
      this.again = true;
      return;
    }
    const specboard = this.current();
    if (!specboard) return; // Being re-indexed: that index calls changed() when done.
    const started = performance.now();
    this.saving = (async () => {
      try {
        const bytes = await specboard.snapshot(this.build, { pause: this.pause, cancellation: this.cancel.token });
        if (specboard !== this.current()) return;
        await this.store.write(bytes);
        this.log.info(vscode.l10n.t('Saved the index for the next window: {0} KB in {1} ms', Math.round(bytes.length / 1024), Math.round(performance.now() - started)));
      } catch (e) {
        if (!this.cancel.token.isCancellationRequested) this.log.warn(vscode.l10n.t('Could not save the index: {0}', errorSummary(e)));
      }
    })();
    await this.saving;
    this.saving = undefined;
    if (this.again) {
      this.again = false;
      this.changed();
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.cancel.cancel();
    this.cancel.dispose();
  }
}

function reason(problem: Exclude<SnapshotProblem, 'cancelled'>): string {
  switch (problem) {
    case 'corrupt': return vscode.l10n.t('it is damaged or incomplete');
    case 'foreign': return vscode.l10n.t('it is not a Specboard index');
    case 'otherVersion': return vscode.l10n.t('another version of Specboard wrote it');
    case 'otherSettings': return vscode.l10n.t('the folders, settings, schemas or language changed since');
  }
}
