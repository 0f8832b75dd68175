import { existsSync, watch, type FSWatcher } from 'node:fs';
import type { Logger, Specboard } from '../core';
import { toPosix } from './nodeWorkspace';

/**
 * Keeps a long-lived CLI index (the MCP server's) in step with the disk: changes reported by a
 * recursive fs.watch are collected for `delayMs` (an editor's save or a branch switch is a burst
 * of events) and applied one batch at a time, as the extension's file watcher does. settle()
 * applies what is waiting at once, so a query made right after a change sees it.
 */
export class ChangeFollower {
  private readonly pending = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private watcher: FSWatcher | undefined;

  constructor(private readonly board: Specboard, private readonly root: string, private readonly logger: Logger, private readonly delayMs = 150) {}

  start(): void {
    try {
      this.watcher = watch(this.root, { recursive: true }, (_event, name) => {
        if (name === null) return;
        const rel = name.toString().split('\\').join('/');
        // Git's own files change on every commit and checkout and are never indexed.
        if (rel === '.git' || rel.startsWith('.git/')) return;
        this.pending.add(toPosix(`${this.root}/${rel}`));
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.settle(), this.delayMs);
      });
      this.watcher.on('error', (e) => this.logger.warn(`Watching ${this.root} failed; changes on disk are no longer followed`, e));
    } catch (e) {
      this.logger.warn(`Cannot watch ${this.root}; changes on disk will not be followed`, e);
    }
  }

  /** Applies the waiting changes now; resolves once every change seen so far is in the index. */
  settle(): Promise<void> {
    clearTimeout(this.timer);
    const paths = [...this.pending];
    this.pending.clear();
    if (paths.length) this.queue = this.queue.then(() => this.apply(paths)).catch((e) => this.logger.error('Following a change failed', e));
    return this.queue;
  }

  close(): void {
    clearTimeout(this.timer);
    this.watcher?.close();
  }

  private async apply(paths: readonly string[]): Promise<void> {
    // A config or schema change re-reads the whole folder; the files changed with it come along.
    if (paths.some((p) => this.board.isSettingsFile(p))) {
      await this.board.reloadProject(this.root);
      return;
    }
    for (const p of paths) {
      if (existsSync(p)) await this.board.refreshFromDisk(p);
      else this.board.removeTree(p);
    }
    this.logger.debug(`Applied ${paths.length} change(s) from disk`);
  }
}
