import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { decodeCachedParse, type CachedParse, type CacheKeys, type FileKind, type Logger, type ParseSupply } from '../core';
import type { ParsedBatch, ParsedItem, WorkerInput } from './workerProtocol';

/** Files per batch sent to a worker: large enough that messages cost little, small enough to balance. */
const BATCH = 48;
/**
 * Below this many files (about 0.2-0.3 s of parsing, at the medium corpus's rate), a worker's start
 * (its bundle, then the config and schemas: 0.1-0.2 s) would take most of what it saves.
 */
const MIN_FILES = 500;
/** More workers than this only add start-up and memory: the main thread's indexing is the limit by then. */
const MAX_WORKERS = 4;

type Parse = Required<CachedParse>;

/** A worker's parse decoded, with the keys it was made under; undefined: the index reads the file itself. */
type Parsed = { readonly kind: FileKind; readonly parseKey: string; readonly checkKey: string; readonly parse: Parse } | undefined;

/**
 * The CLI's ParseSupply: worker threads read and parse files ahead of the index, which asks for
 * them in order on the main thread. A worker gets a batch once it has started and another as each
 * comes back (two in flight, so it never waits); a file the index asks for before any worker took
 * it is the index's to read, so the main thread parses while workers start or fall behind, and
 * only decodes and indexes while they keep ahead. A worker that fails leaves its files to the index.
 */
export class WorkerParses implements ParseSupply {
  /** Files sent to a worker and not yet asked for by the index. */
  private readonly pending = new Map<string, Promise<Parsed>>();
  /** Files sent to a worker and not yet answered. */
  private readonly waiting = new Map<string, (parsed: Parsed) => void>();
  private readonly workers: Thread[] = [];
  private order: readonly (readonly [string, FileKind])[] = [];
  /** Files the index took itself: no worker gets them. */
  private readonly taken = new Set<string>();
  private next = 0;
  /** Files parsed by workers, for the log. */
  private parsed = 0;
  private closed = false;

  /** `threads`: the main thread and workers together, or 'auto' to choose by the cores and the files. */
  constructor(private readonly script: string, private readonly threads: number | 'auto', private readonly input: WorkerInput, private readonly logger: Logger) {}

  expect(files: readonly (readonly [string, FileKind])[]): void {
    this.order = files;
    const workers = workerCount(this.threads, files.length);
    this.logger.info(`Parsing ${files.length} files on ${workers} worker thread(s) beside the main thread`);
    for (let i = 0; i < workers; i++) this.start();
    if (!workers) this.closed = true;
  }

  take(path: string, kind: FileKind, keys: CacheKeys): Promise<Parse | undefined> | undefined {
    const pending = this.pending.get(path);
    if (!pending) {
      this.taken.add(path);
      return undefined;
    }
    this.pending.delete(path);
    this.feed();
    // A parse made under other keys (the config changed between the worker's reading it and the
    // index's) or of another kind is refused: the index reads the file again.
    return pending.then((got) => (got && got.kind === kind && got.parseKey === keys.parse && got.checkKey === keys.check ? got.parse : undefined));
  }

  /** Stops the workers (every file sent to them answered, or the index is done with them). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const t of this.workers.splice(0)) void t.worker.terminate();
    this.logger.info(`Parsed ${this.parsed} files on worker threads; the index read the others itself`);
  }

  private start(): void {
    const thread: Thread = { worker: new Worker(this.script, { workerData: this.input, resourceLimits: { maxYoungGenerationSizeMb: 12 } }), sent: [], ready: false };
    const { worker, sent } = thread;
    this.workers.push(thread);
    worker.on('error', (e) => this.logger.error('A check worker thread failed; the index reads its files itself', e));
    // Terminated when done, or failed (an exception, out of memory): what it still had is the index's.
    worker.on('exit', () => {
      for (const paths of sent.splice(0)) this.settle(paths.map((p) => [p] as const), []);
      const i = this.workers.indexOf(thread);
      if (i >= 0) this.workers.splice(i, 1);
    });
    worker.on('message', (message: 'ready' | ParsedBatch) => {
      thread.ready = true;
      if (message !== 'ready') {
        sent.shift();
        this.parsed += message.items.filter((i) => i.length > 1).length;
        this.settle(message.items, message.keys);
      }
      this.feed();
      if (this.next >= this.order.length && this.workers.every((t) => t.sent.length === 0)) this.close();
    });
  }

  /**
   * Sends batches to the workers that have fewer than two (the next is read while one's answer
   * travels), while the parses waiting for the index are fewer than a few batches per worker:
   * workers that ran further ahead would only pile undecoded JSON up in the main thread's heap.
   */
  private feed(): void {
    for (const t of this.workers) {
      while (t.ready && t.sent.length < 2 && this.pending.size < BATCH * 3 * this.workers.length) {
        const batch = this.batch();
        if (!batch.length) return;
        t.sent.push(batch);
        t.worker.postMessage(batch);
      }
    }
  }

  /** The next files nobody took yet, in the index's order. */
  private batch(): string[] {
    const paths: string[] = [];
    while (paths.length < BATCH && this.next < this.order.length) {
      const path = this.order[this.next++][0];
      if (this.taken.has(path) || this.pending.has(path)) continue;
      this.pending.set(path, new Promise<Parsed>((resolve) => this.waiting.set(path, resolve)));
      paths.push(path);
    }
    return paths;
  }

  private settle(items: readonly ParsedItem[], keys: readonly string[]): void {
    for (const item of items) {
      const resolve = this.waiting.get(item[0]);
      this.waiting.delete(item[0]);
      resolve?.(decoded(item, keys));
    }
  }
}

/** A worker, the batches sent to it and not yet answered, and whether it has started. */
interface Thread {
  readonly worker: Worker;
  readonly sent: string[][];
  ready: boolean;
}

/**
 * Workers for `files` files: as asked, or with three cores or more one per core beyond the main
 * thread's, once there are enough files to pay for starting them (each loads the bundle and the
 * schemas first). Not on two cores: V8's own threads (garbage collection, compiling) already keep
 * the second core half busy in a one-thread check (medium corpus: 2.8 s of CPU, 1.5 s of it on the
 * main thread), and a worker there cost 35% more CPU for a quarter less on the main thread, which
 * under load was slower, not faster.
 */
export function workerCount(threads: number | 'auto', files: number, cores = availableParallelism()): number {
  if (threads !== 'auto') return threads - 1;
  if (files < MIN_FILES || cores < 3) return 0;
  return Math.min(cores - 1, MAX_WORKERS, Math.floor(files / MIN_FILES));
}

/**
 * A worker's parse, decoded as soon as it arrives: its JSON then dies young, where kept until the
 * index asked it was promoted with everything else and, on 100,000 requirements, was 130 MB of
 * old-generation garbage at the main thread's peak. A parse that does not decode is the index's to read.
 */
function decoded(item: ParsedItem, table: readonly string[]): Parsed {
  if (item.length === 1) return undefined;
  const [path, kind, parseKey, checkKey, hash, parse, diagnostics] = item;
  try {
    return { kind, parseKey: table[parseKey], checkKey: table[checkKey], parse: decodeCachedParse(hash, parse, diagnostics, path, kind) as Parse };
  } catch {
    return undefined;
  }
}
