import { decodeCachedParse, encodeDiagnostics, encodeParse, type CachedParse, type CacheKeys, type FileKind, type ParseCache } from '../core';
import { RACY_MS, sameSignature, sha1, signature, type InputRecorder, type Signature } from './cacheInputs';
import { readRegularFile, statOrGone } from './nodeWorkspace';

/**
 * One file's parse as kept on disk: what identified its text, what it depended on, the parse and
 * its diagnostics as UTF-8 JSON. A reused entry's bytes are views of the previous cache file's.
 */
interface Entry {
  readonly sig: Signature;
  readonly sha: string;
  readonly parseKey: string;
  readonly checkKey: string | undefined;
  readonly hash: number;
  readonly parse: Buffer;
  readonly diagnostics: Buffer | undefined;
}

/** The previous run's index and entries (cacheFile.ts reads and checks them), and what to do when they are damaged. */
export interface PreviousEntries {
  load(): { readonly index: string; readonly entries: Buffer } | undefined;
  corrupt(): void;
}

/** An index row: path, signature, content hash, key numbers (-1: none), the core's hash, byte lengths (-1: no diagnostics). */
type Row = [string, number, number, number, number, string, number, number, number, number, number];

/**
 * The CLI's ParseCache: a file is unchanged when its signature matches (and is not racy), else
 * when its bytes hash the same (a checkout that only touched it); then its parse is reused if the
 * core's keys match. The index lists the entries and where their bytes lie, so an entry is decoded
 * only when the core asks for it, and copied to the next cache file as bytes: never encoded again
 * or joined into one string (on 10,000 documents that was most of a changed run).
 */
export class DiskParseCache implements ParseCache {
  private readonly previous = new Map<string, Entry>();
  private readonly next = new Map<string, Entry>();
  /** Files parsed, parses reused, and reused parses validated again (the schemas changed). */
  readonly counts = { parsed: 0, reused: 0, revalidated: 0 };

  private loaded = false;

  constructor(private readonly source: PreviousEntries | undefined, private readonly startedAt: number, private readonly recorder: InputRecorder) {}

  get(path: string, kind: FileKind, keys: CacheKeys): CachedParse | undefined {
    if (!this.loaded) this.load();
    const prev = this.previous.get(path);
    if (!prev || prev.parseKey !== keys.parse) return undefined;
    const now = statOrGone(path);
    if (!now?.isFile()) return undefined;
    const sig = signature(now);
    if (!sameSignature(sig, prev.sig) || prev.sig[1] >= this.startedAt - RACY_MS) {
      let bytes: Buffer;
      try {
        bytes = readRegularFile(path);
      } catch {
        return undefined; // The core reads it and says why it cannot.
      }
      if (sha1(bytes) !== prev.sha) return undefined;
    }
    const sameCheck = prev.checkKey === keys.check;
    const diagnostics = sameCheck ? prev.diagnostics : undefined;
    const cached = decodeCachedParse(prev.hash, prev.parse.toString('utf8'), diagnostics?.toString('utf8'), path, kind);
    this.recorder.stat(path, now);
    this.next.set(path, sameCheck ? { ...prev, sig } : { ...prev, sig, diagnostics, checkKey: undefined });
    this.counts.reused++;
    if (!sameCheck) this.counts.revalidated++;
    return cached;
  }

  set(path: string, keys: CacheKeys, entry: Required<CachedParse>): void {
    const reused = this.next.get(path);
    if (reused && reused.checkKey === undefined && reused.parseKey === keys.parse) {
      this.next.set(path, { ...reused, checkKey: keys.check, diagnostics: Buffer.from(encodeDiagnostics(entry.diagnostics), 'utf8') });
      return;
    }
    this.counts.parsed++;
    const read = this.recorder.reads.get(path);
    const text = read && encodeParse(entry.parsed);
    if (!read || text === undefined) return;
    this.next.set(path, {
      sig: read.sig, sha: read.sha, parseKey: keys.parse, checkKey: keys.check, hash: entry.hash, parse: Buffer.from(text, 'utf8'),
      diagnostics: Buffer.from(encodeDiagnostics(entry.diagnostics), 'utf8'),
    });
  }

  /** This run's index, and its entries in chunks to be written as they are. */
  serialize(): { index: string; entries: Buffer[] } {
    const keys = new Map<string, number>();
    const key = (k: string | undefined) => {
      if (k === undefined) return -1;
      let i = keys.get(k);
      if (i === undefined) keys.set(k, i = keys.size);
      return i;
    };
    const rows: Row[] = [];
    const entries: Buffer[] = [];
    for (const [path, e] of this.next) {
      rows.push([path, ...e.sig, e.sha, key(e.parseKey), key(e.checkKey), e.hash, e.parse.length, e.diagnostics ? e.diagnostics.length : -1]);
      entries.push(e.parse);
      if (e.diagnostics) entries.push(e.diagnostics);
    }
    return { index: JSON.stringify({ keys: [...keys.keys()], rows }), entries };
  }

  /** An index that fails to parse, or whose rows overrun the entries, is corrupt: none of it is used. */
  private load(): void {
    this.loaded = true;
    const rest = this.source?.load();
    if (!this.source || rest === undefined) {
      if (this.source) this.corrupt();
      return;
    }
    try {
      const { keys, rows } = JSON.parse(rest.index) as { keys: string[]; rows: Row[] };
      let at = 0;
      for (const [path, size, mtime, ctime, ino, sha, pk, ck, hash, parseLength, diagLength] of rows) {
        const parse = rest.entries.subarray(at, at += parseLength);
        const diagnostics = diagLength < 0 ? undefined : rest.entries.subarray(at, at += diagLength);
        if (at > rest.entries.length || typeof path !== 'string' || keys[pk] === undefined) throw new Error('a cache entry out of bounds');
        this.previous.set(path, { sig: [size, mtime, ctime, ino], sha, parseKey: keys[pk], checkKey: ck < 0 ? undefined : keys[ck], hash, parse, diagnostics });
      }
      if (at !== rest.entries.length) throw new Error('bytes after the last cache entry');
    } catch {
      this.previous.clear();
      this.corrupt();
    }
  }

  private corrupt(): void {
    this.source?.corrupt();
  }
}
