import type { FileStamp } from './fileReader';
import type { FileKind } from './model';
import { CODEC_VERSION, decodeCachedParse, encodeDiagnostics, encodeParse } from './parseCacheCodec';
import type { FileEntry } from './requirementIndex';
import type { Locale } from './types';
import type { Cancellation } from './workspace';

/**
 * The index saved between editor sessions: gzip of UTF-8 lines. A header line (format, versions,
 * the locale and each folder's cache key), then one line per file read from disk, `meta TAB parse
 * TAB diagnostics` (the parse cache's codec; JSON never holds a raw tab or newline), then a trailer
 * with the count. gzip's CRC and length catch a corrupt or truncated file; the header, the codec's
 * shape checks and the trailer catch the rest. Measured on 1,000 docs and 2,000 source files: 23 MB
 * of lines, 1.9 MB of gzip, and gunzip costs an eighth of decoding the lines.
 */
const FORMAT = 'specboard-index';
/** Bump when the lines change shape (the codec has its own version, checked too). */
const FORMAT_VERSION = 1;

/** Why a snapshot was not used. */
export type SnapshotProblem = 'corrupt' | 'foreign' | 'otherVersion' | 'otherSettings' | 'cancelled';

interface Header {
  readonly format: string;
  readonly version: number;
  readonly codec: number;
  /** The extension's version: a new parser may parse the same text differently. */
  readonly build: string;
  readonly locale: Locale;
  /** Each workspace folder with its files' cache key (config, schemas, locale). */
  readonly roots: readonly (readonly [string, string])[];
}

/** What a snapshot is written from and checked against. */
export interface SnapshotContext {
  readonly build: string;
  readonly locale: Locale;
  /** The folders, in order, with their CacheKeys.check. */
  readonly roots: readonly (readonly [string, string])[];
}

export interface SnapshotFile {
  readonly entry: FileEntry;
  readonly stamp: FileStamp;
}

/** Options for the slow parts: both run on the extension host's thread, in slices. */
export interface SnapshotSlicing {
  readonly pause?: () => Promise<void>;
  readonly cancellation?: Cancellation;
}

const SLICE_MS = 20;

/** A snapshot of `files` as gzip bytes; encoding gives the host a turn every 20 ms. */
export async function encodeSnapshot(context: SnapshotContext, files: Iterable<SnapshotFile>, slicing: SnapshotSlicing = {}): Promise<Uint8Array> {
  const header: Header = { format: FORMAT, version: FORMAT_VERSION, codec: CODEC_VERSION, ...context };
  const it = files[Symbol.iterator]();
  let count = 0;
  let state: 'header' | 'files' | 'done' = 'header';
  // TextEncoder, not TextEncoderStream: Node's stream version took 10× as long (3.1 s against 0.3 s for 23 MB).
  const encoder = new TextEncoder();
  const lines = new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      if (state === 'header') {
        controller.enqueue(encoder.encode(`${JSON.stringify(header)}\n`));
        state = 'files';
        return;
      }
      if (state === 'done') return;
      await slicing.pause?.();
      if (slicing.cancellation?.isCancellationRequested) {
        controller.error(new Error('cancelled'));
        return;
      }
      const start = performance.now();
      const batch: string[] = [];
      while (performance.now() - start < SLICE_MS) {
        const next = it.next();
        if (next.done) {
          batch.push(`${JSON.stringify({ end: count })}\n`);
          state = 'done';
          break;
        }
        const line = encodeFile(next.value);
        if (line === undefined) continue; // Not expressible as JSON: read again next time.
        batch.push(line);
        count++;
      }
      controller.enqueue(encoder.encode(batch.join('')));
      if (state === 'done') controller.close();
    },
  });
  const gzip = lines.pipeThrough(new CompressionStream('gzip'));
  return concat(await collect(gzip));
}

function encodeFile({ entry, stamp }: SnapshotFile): string | undefined {
  const parse = encodeParse(entry.parsed);
  if (parse === undefined) return undefined;
  const meta = [entry.path, entry.parsed.kind, entry.hash, stamp.size, stamp.mtime, stamp.seen];
  return `${JSON.stringify(meta)}\t${parse}\t${encodeDiagnostics(entry.diagnostics)}\n`;
}

/** What checking a snapshot needs from the core: the folders now, and where a file belongs. */
export interface SnapshotExpectations extends SnapshotContext {
  /** The folder a file belongs to and its kind there, or undefined when no config reads it now. */
  classify(path: string): { readonly root: string; readonly kind: FileKind } | undefined;
}

/**
 * The files of a snapshot, or why it cannot be used. Nothing is returned unless every line
 * decoded and the trailer's count matched: a snapshot is used whole or not at all.
 */
export async function decodeSnapshot(bytes: Uint8Array, expect: SnapshotExpectations, slicing: SnapshotSlicing = {}): Promise<SnapshotFile[] | SnapshotProblem> {
  const files: SnapshotFile[] = [];
  let header: Header | undefined;
  let ended = false;
  let sliceStart = performance.now();
  try {
    for await (const line of lines(bytes)) {
      if (ended) return 'corrupt';
      if (!header) {
        header = JSON.parse(line) as Header;
        const problem = headerProblem(header, expect);
        if (problem) return problem;
        continue;
      }
      if (line.startsWith('{')) {
        if ((JSON.parse(line) as { end?: unknown }).end !== files.length) return 'corrupt';
        ended = true;
        continue;
      }
      files.push(decodeFile(line, expect));
      if (performance.now() - sliceStart > SLICE_MS) {
        if (slicing.cancellation?.isCancellationRequested) return 'cancelled';
        await slicing.pause?.();
        sliceStart = performance.now();
      }
    }
  } catch {
    // gzip's CRC or length, a line that is not JSON, a parse of the wrong shape: all the same to us.
    return 'corrupt';
  }
  return header && ended ? files : 'corrupt';
}

function headerProblem(header: Header, expect: SnapshotContext): SnapshotProblem | undefined {
  if (header === null || typeof header !== 'object' || header.format !== FORMAT) return 'foreign';
  if (header.version !== FORMAT_VERSION || header.codec !== CODEC_VERSION || header.build !== expect.build) return 'otherVersion';
  if (header.locale !== expect.locale || JSON.stringify(header.roots) !== JSON.stringify(expect.roots)) return 'otherSettings';
  return undefined;
}

function decodeFile(line: string, expect: SnapshotExpectations): SnapshotFile {
  const a = line.indexOf('\t');
  const b = a < 0 ? -1 : line.indexOf('\t', a + 1);
  if (b < 0) throw new Error('a line without its fields');
  const [path, kind, hash, size, mtime, seen] = JSON.parse(line.slice(0, a)) as [string, FileKind, number, number, number, number];
  if (typeof path !== 'string' || ![hash, size, mtime, seen].every((n) => typeof n === 'number')) throw new Error('bad meta');
  const home = expect.classify(path);
  // Same keys mean the same config, so a file classified differently is a damaged snapshot.
  if (!home || home.kind !== kind) throw new Error('a file the folders do not read');
  const cached = decodeCachedParse(hash, line.slice(a + 1, b), line.slice(b + 1), path, kind);
  return { entry: { path, root: home.root, hash, parsed: cached.parsed, diagnostics: cached.diagnostics ?? [] }, stamp: { size, mtime, seen } };
}

/** The snapshot's lines, gunzipped and decoded as they stream, so the whole text never exists at once. */
async function* lines(bytes: Uint8Array): AsyncGenerator<string> {
  const source = new ReadableStream<BufferSource>({
    start(controller) {
      // vscode.workspace.fs and Node hand out arrays over plain ArrayBuffers, which is what the stream takes.
      controller.enqueue(bytes as Uint8Array<ArrayBuffer>);
      controller.close();
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('gzip')).getReader();
  // As for encoding: TextDecoder with `stream`, not the much slower TextDecoderStream.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    let text = rest + decoder.decode(value, { stream: true });
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      yield text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
    text = '';
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push(value);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
