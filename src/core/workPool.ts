import type { Cancellation } from './workspace';

export interface PoolOptions {
  readonly onProgress?: (done: number, total: number) => void;
  readonly cancellation?: Cancellation;
  /** Files read at once; I/O-bound, so more than the core count helps. */
  readonly concurrency?: number;
  /**
   * Called when the work has run for a while without giving way, to let other work run (the
   * extension passes a zero-delay timer). Without it, file reads finishing together are all
   * handled in one turn of the event loop, which on a large workspace blocked it for 100-200 ms.
   */
  readonly pause?: () => Promise<void>;
}

/** How long work runs before it calls PoolOptions.pause. */
const SLICE_MS = 20;

/**
 * Runs `work` on every item, `concurrency` at a time, in order of the list. Resolves to true when
 * the cancellation stopped it early (what was done stays done).
 */
export async function runPool<T>(items: readonly T[], options: PoolOptions, work: (item: T) => Promise<void>): Promise<boolean> {
  let done = 0;
  let cancelled = false;
  let next = 0;
  let sliceStart = performance.now();
  let pausing: Promise<void> | undefined;
  const worker = async () => {
    while (next < items.length) {
      if (options.cancellation?.isCancellationRequested) { cancelled = true; return; }
      if (options.pause && performance.now() - sliceStart > SLICE_MS) {
        // Every worker waits for the same pause, so the turn of the event loop really ends.
        pausing ??= options.pause().then(() => { pausing = undefined; sliceStart = performance.now(); });
        await pausing;
        continue;
      }
      await work(items[next++]);
      options.onProgress?.(++done, items.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 32) }, worker));
  return cancelled;
}
