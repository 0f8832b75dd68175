import type * as Crypto from 'node:crypto';
import { readdirSync, type Dirent, type Stats } from 'node:fs';
import { statOrGone, type ReadObserver } from './nodeWorkspace';

/** What identifies a version of a file or folder without reading it: size, mtime, ctime, inode. */
export type Signature = readonly [number, number, number, number];

/**
 * A file or folder whose change time is this close to the run that recorded it is "racily clean"
 * (git's term): it may have changed again within the same timestamp tick, so its signature alone
 * is not trusted. Coarse file systems tick in seconds, hence a whole second.
 */
export const RACY_MS = 1000;

/** Everything a check read, as recorded: files (gone ones with no signature) and listed folders. */
export interface Inputs {
  readonly files: [string, Signature | null][];
  /** Each folder with its signature and a hash of its entry names (null: gone or unreadable). */
  readonly dirs: [string, Signature | null, string | null][];
}

export function signature(stat: Stats): Signature {
  return [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino];
}

export function sameSignature(a: Signature, b: Signature): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];
}

let crypto: typeof Crypto | undefined;

/**
 * Node's crypto module is required on first use, not with the bundle: loading it was 10-25 ms of
 * a run where nothing changed, which hashes nothing (it only stats) unless a folder changed.
 */
export function sha1(bytes: Buffer | string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  crypto ??= require('node:crypto') as typeof Crypto;
  return crypto.createHash('sha1').update(bytes).digest('base64');
}

/** Records a run's inputs through the workspace (and the parse cache's own stats of files it reuses). */
export class InputRecorder implements ReadObserver {
  private readonly files = new Map<string, Signature | null>();
  private readonly dirs = new Map<string, [Signature | null, string | null]>();
  /** Files read: the signature taken before reading and the hash of the bytes read. */
  readonly reads = new Map<string, { sig: Signature; sha: string }>();

  /** `ignore` names entries of a folder that are no input (the cache file itself and its temp files). */
  constructor(private readonly ignore: (folder: string, name: string) => boolean) {}

  listing(folder: string, stat: Stats | undefined): void {
    this.dirs.set(folder, [stat ? signature(stat) : null, null]);
  }

  listed(folder: string, entries: readonly Dirent[]): void {
    const entry = this.dirs.get(folder);
    if (entry) entry[1] = namesHash(folder, entries, this.ignore);
  }

  stat(path: string, stat: Stats | undefined): void {
    this.files.set(path, stat ? signature(stat) : null);
  }

  read(path: string, stat: Stats, bytes: Buffer): void {
    const sig = signature(stat);
    this.files.set(path, sig);
    this.reads.set(path, { sig, sha: sha1(bytes) });
  }

  inputs(): Inputs {
    return { files: [...this.files], dirs: [...this.dirs].map(([p, [sig, names]]) => [p, sig, names]) };
  }
}

/**
 * True when no input changed since a run that started at `startedAt`: only stats, plus a listing
 * of a folder whose signature changed (writing the cache file next to docs changes its folder).
 * Anything racy, unreadable or odd answers false: the run then checks with the parse cache.
 */
export function inputsUnchanged(inputs: Inputs, startedAt: number, ignore: (folder: string, name: string) => boolean): boolean {
  const trusted = (sig: Signature) => sig[1] < startedAt - RACY_MS;
  try {
    for (const [path, sig] of inputs.files) {
      const now = statOrGone(path);
      if (!sig || !now) {
        if (sig || now) return false;
        continue;
      }
      if (!sameSignature(sig, signature(now)) || !trusted(sig)) return false;
    }
    for (const [folder, sig, names] of inputs.dirs) {
      const now = statOrGone(folder);
      if (!sig || !now || names === null) {
        if (sig || now) return false;
        continue;
      }
      if (sameSignature(sig, signature(now)) && trusted(sig)) continue;
      if (namesHash(folder, readdirSync(folder, { withFileTypes: true }), ignore) !== names) return false;
    }
    return true;
  } catch {
    return false;
  }
}

/** A folder's entry names with their kind (a file replaced by a folder of the same name is a change). */
function namesHash(folder: string, entries: readonly Dirent[], ignore: (folder: string, name: string) => boolean): string {
  const names = entries.filter((e) => !ignore(folder, e.name)).map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
  return sha1(names.join('\n'));
}
