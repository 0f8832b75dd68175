import { NodeWorkspace, toPosix } from '../../src/cli/nodeWorkspace';
import { createSpecboard } from '../../src/core';

export interface MemoryResult {
  /** Heap still in use after the index is built and a full GC ran: what the index costs to keep. */
  readonly heapAfterGcMb: number;
  /** Largest heap seen while indexing (sampled every 20 ms, so a lower bound). */
  readonly heapPeakMb: number;
  /** Peak resident set size of the whole process (from getrusage). */
  readonly rssPeakMb: number;
  readonly rssAfterGcMb: number;
  readonly baselineHeapMb: number;
}

const MB = 1024 * 1024;

/** Run with --expose-gc in a fresh process per corpus, so nothing else shares the heap. */
async function main(root: string): Promise<MemoryResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let heapPeak = baseline;
  const timer = setInterval(() => { heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed); }, 20);
  const board = createSpecboard({ workspace: new NodeWorkspace([root]), locale: 'en' });
  await board.indexAll();
  clearInterval(timer);
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  gc();
  const after = process.memoryUsage();
  if (board.index.requirementCount === 0) throw new Error('nothing indexed');
  return {
    heapAfterGcMb: mb(after.heapUsed), heapPeakMb: mb(heapPeak), rssPeakMb: mb(process.resourceUsage().maxRSS * 1024),
    rssAfterGcMb: mb(after.rss), baselineHeapMb: mb(baseline),
  };
}

function mb(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}

main(toPosix(process.argv[2])).then((r) => {
  process.stdout.write(`${JSON.stringify(r)}\n`);
}, (e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
