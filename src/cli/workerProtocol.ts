/** What a `check` worker thread is started with. */
export interface WorkerInput {
  readonly roots: readonly string[];
  readonly locale: string;
  /** As the main thread's core: the keys of a parse made otherwise would not match. */
  readonly excerpts: boolean;
}

/**
 * One file as a worker sends it back: its path alone when the main thread must read it itself,
 * else path, kind, its keys (indexes into the batch's key table), hash, parse and diagnostics
 * (JSON of the core's cache codec: a ParsedFile is not plain data, so structured clone would not do).
 */
export type ParsedItem = readonly [path: string] | readonly [path: string, kind: 'doc' | 'source', parseKey: number, checkKey: number, hash: number, parse: string, diagnostics: string];

/** A batch of parses; the keys (a config as JSON) are sent once per batch, not once per file. */
export interface ParsedBatch {
  readonly keys: readonly string[];
  readonly items: readonly ParsedItem[];
}
