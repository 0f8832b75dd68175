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

const TAB = Buffer.from('\t');
const NEWLINE = Buffer.from('\n');

/**
 * The CLI's ParseCache: a file is unchanged when its signature matches (and is not racy), else
 * when its bytes hash the same (a checkout that only touched it); then its parse is reused if the
 * core's keys match. Entries are lines of `meta TAB parse TAB diagnostics` (JSON never holds a raw
 * tab or newline), so entries are copied to the next cache file as bytes, never decoded, parsed,
 * encoded or joined into one string again: on 10,000 documents that was most of a changed run.
 */
export class DiskParseCache implements ParseCache {
  private readonly previous = new Map<string, Entry>();
  private readonly next = new Map<string, Entry>();
  /** Files parsed, parses reused, and reused parses validated again (the schemas changed). */
  readonly counts = { parsed: 0, reused: 0, revalidated: 0 };

  private loaded = false;

  /** `entries` gives the previous run's entries when first needed (undefined: there are none to trust). */
  constructor(private readonly entries: () => Buffer | undefined, private readonly startedAt: number, private readonly recorder: InputRecorder) {}

  get(path: string, kind: FileKind, keys: CacheKeys): CachedParse | undefined {
    if (!this.loaded) {
      this.loaded = true;
      const bytes = this.entries();
      if (bytes) this.load(bytes);
    }
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
    const diagnostics = prev.checkKey === keys.check ? prev.diagnostics : undefined;
    const cached = decodeCachedParse(prev.hash, prev.parse.toString('utf8'), diagnostics?.toString('utf8'), path, kind);
    this.recorder.stat(path, now);
    this.next.set(path, { ...prev, sig, diagnostics, checkKey: diagnostics === undefined ? undefined : prev.checkKey });
    this.counts.reused++;
    if (diagnostics === undefined) this.counts.revalidated++;
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
    const parse = read && encodeParse(entry.parsed);
    if (!read || parse === undefined) return;
    this.next.set(path, {
      sig: read.sig, sha: read.sha, parseKey: keys.parse, checkKey: keys.check, hash: entry.hash, parse: Buffer.from(parse, 'utf8'),
      diagnostics: Buffer.from(encodeDiagnostics(entry.diagnostics), 'utf8'),
    });
  }

  /** The entries of this run, as the next cache file holds them, in chunks to be written as they are. */
  serialize(): Buffer[] {
    const keys = new Map<string, number>();
    const key = (k: string | undefined) => {
      if (k === undefined) return -1;
      let i = keys.get(k);
      if (i === undefined) keys.set(k, i = keys.size);
      return i;
    };
    const chunks: Buffer[] = [];
    for (const [path, e] of this.next) {
      chunks.push(NEWLINE, Buffer.from(`${JSON.stringify([path, ...e.sig, e.sha, key(e.parseKey), key(e.checkKey), e.hash])}\t`, 'utf8'), e.parse, TAB);
      if (e.diagnostics) chunks.push(e.diagnostics);
    }
    // The key table goes first; it is known once every entry has named its keys.
    return [Buffer.from(JSON.stringify([...keys.keys()]), 'utf8'), ...chunks];
  }

  /** Entries that fail to parse are corrupt: the ones read so far are dropped with them. */
  private load(bytes: Buffer): void {
    try {
      this.parseEntries(bytes);
    } catch {
      this.previous.clear();
    }
  }

  private parseEntries(bytes: Buffer): void {
    let end = bytes.indexOf(10);
    if (end < 0) end = bytes.length;
    const keys = JSON.parse(bytes.toString('utf8', 0, end)) as string[];
    for (let start = end + 1; start < bytes.length; start = end + 1) {
      end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      const a = bytes.indexOf(9, start);
      const b = a < 0 ? -1 : bytes.indexOf(9, a + 1);
      if (a < 0 || b < 0 || b > end) throw new Error('a cache entry without its fields');
      const [path, size, mtime, ctime, ino, sha, pk, ck, hash] = JSON.parse(bytes.toString('utf8', start, a)) as [string, number, number, number, number, string, number, number, number];
      this.previous.set(path, {
        sig: [size, mtime, ctime, ino], sha, parseKey: keys[pk], checkKey: ck < 0 ? undefined : keys[ck], hash,
        parse: bytes.subarray(a + 1, b), diagnostics: b + 1 < end ? bytes.subarray(b + 1, end) : undefined,
      });
    }
  }
}
