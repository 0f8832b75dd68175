import { decodeCachedParse, encodeDiagnostics, encodeParse, type CachedParse, type CacheKeys, type FileKind, type ParseCache } from '../core';
import { RACY_MS, sameSignature, sha1, signature, type InputRecorder, type Signature } from './cacheInputs';
import { readRegularFile, statOrGone } from './nodeWorkspace';

/** One file's parse as kept on disk: what identified its text, what it depended on, the parse as JSON. */
interface Entry {
  readonly sig: Signature;
  readonly sha: string;
  readonly parseKey: string;
  readonly checkKey: string | undefined;
  readonly hash: number;
  readonly parse: string;
  readonly diagnostics: string | undefined;
}

/**
 * The CLI's ParseCache: a file is unchanged when its signature matches (and is not racy), else
 * when its bytes hash the same (a checkout that only touched it); then its parse is reused if the
 * core's keys match. Entries are lines of `meta TAB parse TAB diagnostics` (JSON never holds a raw
 * tab or newline), so entries are copied to the next cache file without being parsed again.
 */
export class DiskParseCache implements ParseCache {
  private readonly previous = new Map<string, Entry>();
  private readonly next = new Map<string, Entry>();
  /** Files parsed, parses reused, and reused parses validated again (the schemas changed). */
  readonly counts = { parsed: 0, reused: 0, revalidated: 0 };

  private loaded = false;

  /** `entries` gives the previous run's entries when first needed (undefined: there are none to trust). */
  constructor(private readonly entries: () => string | undefined, private readonly startedAt: number, private readonly recorder: InputRecorder) {}

  get(path: string, kind: FileKind, keys: CacheKeys): CachedParse | undefined {
    if (!this.loaded) {
      this.loaded = true;
      const text = this.entries();
      if (text) this.load(text);
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
    const cached = decodeCachedParse(prev.hash, prev.parse, diagnostics, path, kind);
    this.recorder.stat(path, now);
    this.next.set(path, { ...prev, sig, diagnostics, checkKey: diagnostics === undefined ? undefined : prev.checkKey });
    this.counts.reused++;
    if (diagnostics === undefined) this.counts.revalidated++;
    return cached;
  }

  set(path: string, keys: CacheKeys, entry: Required<CachedParse>): void {
    const reused = this.next.get(path);
    if (reused && reused.checkKey === undefined && reused.parseKey === keys.parse) {
      this.next.set(path, { ...reused, checkKey: keys.check, diagnostics: encodeDiagnostics(entry.diagnostics) });
      return;
    }
    this.counts.parsed++;
    const read = this.recorder.reads.get(path);
    const parse = read && encodeParse(entry.parsed);
    if (!read || parse === undefined) return;
    this.next.set(path, {
      sig: read.sig, sha: read.sha, parseKey: keys.parse, checkKey: keys.check, hash: entry.hash, parse,
      diagnostics: encodeDiagnostics(entry.diagnostics),
    });
  }

  /** The entries of this run, as the next cache file holds them. */
  serialize(): string {
    const keys = new Map<string, number>();
    const key = (k: string | undefined) => {
      if (k === undefined) return -1;
      let i = keys.get(k);
      if (i === undefined) keys.set(k, i = keys.size);
      return i;
    };
    const lines: string[] = [];
    for (const [path, e] of this.next) {
      lines.push(`${JSON.stringify([path, ...e.sig, e.sha, key(e.parseKey), key(e.checkKey), e.hash])}\t${e.parse}\t${e.diagnostics ?? ''}`);
    }
    return `${JSON.stringify([...keys.keys()])}\n${lines.join('\n')}`;
  }

  /** Entries that fail to parse are corrupt: the ones read so far are dropped with them. */
  private load(text: string): void {
    try {
      this.parseEntries(text);
    } catch {
      this.previous.clear();
    }
  }

  private parseEntries(text: string): void {
    const lines = text.split('\n');
    const keys = JSON.parse(lines[0]) as string[];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      const a = line.indexOf('\t');
      const b = line.indexOf('\t', a + 1);
      const [path, size, mtime, ctime, ino, sha, pk, ck, hash] = JSON.parse(line.slice(0, a)) as [string, number, number, number, number, string, number, number, number];
      const diagnostics = line.slice(b + 1);
      this.previous.set(path, {
        sig: [size, mtime, ctime, ino], sha, parseKey: keys[pk], checkKey: ck < 0 ? undefined : keys[ck], hash,
        parse: line.slice(a + 1, b), diagnostics: diagnostics === '' ? undefined : diagnostics,
      });
    }
  }
}
