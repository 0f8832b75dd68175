/** Something to undo; `sync` is the best effort used when the process is already exiting. */
interface Task {
  readonly run: () => void | Promise<void>;
  readonly sync?: () => void;
}

/**
 * Everything a run has to undo (browser, server process group, temp folders), undone newest
 * first exactly once, whether the run passed, failed, timed out or was interrupted.
 */
export class CleanupStack {
  private readonly tasks: Task[] = [];
  private running: Promise<void> | undefined;

  /** Registers an undo step; `sync` replaces it if the process exits before `run()` reaches it. */
  add(run: () => void | Promise<void>, sync?: () => void): void {
    this.tasks.push({ run, sync });
  }

  /**
   * Runs every step once; a failing step is reported and does not stop the others. A step leaves
   * the stack only once it has finished, so if the process exits while one hangs (a browser that
   * never finished launching), runSync still gets to its synchronous variant.
   */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (let task = this.tasks.at(-1); task; task = this.tasks.at(-1)) {
        try {
          await task.run();
        } catch (err) {
          console.error(`cleanup step failed: ${(err as Error).message}`);
        }
        this.tasks.splice(this.tasks.lastIndexOf(task), 1);
      }
    })();
    return this.running;
  }

  /** For process 'exit', where nothing asynchronous completes: the synchronous variants only. */
  runSync(): void {
    for (let task = this.tasks.pop(); task; task = this.tasks.pop()) {
      try {
        if (task.sync) task.sync();
        else void task.run();
      } catch {
        // Exiting anyway; a leftover temp folder is not worth masking the real exit code.
      }
    }
  }
}
