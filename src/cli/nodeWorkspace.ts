import { closeSync, constants, fstatSync, openSync, promises as fs, readFileSync, readSync, statSync, type Dirent, type Stats } from 'node:fs';
import * as path from 'node:path';
import { errorCode, isNotFound, NotAFileError, type FileStat, type NotAFileKind, type SpecWorkspace } from '../core';

/**
 * Told what the workspace reads, each stat taken before the read it describes: `check --cache`
 * records a run's inputs with it, so a later run can tell whether any of them changed.
 */
export interface ReadObserver {
  /** A folder about to be listed (undefined stat: it is gone). */
  listing(folder: string, stat: Stats | undefined): void;
  listed(folder: string, entries: readonly Dirent[]): void;
  /** A file about to be read or sized (undefined: it is gone), then its bytes when read. */
  stat(path: string, stat: Stats | undefined): void;
  read(path: string, stat: Stats, bytes: Buffer): void;
}

/** The core's workspace over the local file system, with absolute posix-style paths. */
export class NodeWorkspace implements SpecWorkspace {
  constructor(readonly roots: readonly string[], private readonly observer?: ReadObserver) {}

  async listFiles(folder: string, skipDir: (relDir: string) => boolean, unreadable?: (folder: string, error: unknown) => void): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      let entries;
      try {
        if (this.observer) this.observer.listing(dir, statOrGone(dir));
        entries = await fs.readdir(dir, { withFileTypes: true });
        this.observer?.listed(dir, entries);
      } catch (e) {
        if (rel === '') throw e;
        unreadable?.(dir, e); // Skipped, not fatal, and the core says so.
        return;
      }
      const subdirs: Promise<void>[] = [];
      for (const e of entries) {
        const childRel = rel ? `${rel}/${e.name}` : e.name;
        const child = `${dir}/${e.name}`;
        // Symbolic links are not followed: they can loop and usually point outside the tree.
        if (e.isDirectory()) {
          if (!skipDir(childRel)) subdirs.push(walk(child, childRel));
        } else if (e.isFile() || isSpecial(e, child)) out.push(child);
      }
      await Promise.all(subdirs);
    };
    await walk(folder, '');
    return out.sort();
  }

  // Reads and stats are synchronous on purpose: the CLI has nothing to overlap them with, and on
  // tens of thousands of small files the promise API's thread-pool round trips (open, fstat, read,
  // close, each a separate hop) cost more main-thread time than the reads themselves.
  async readFile(p: string): Promise<Uint8Array> {
    if (!this.observer) return readRegularFile(p);
    try {
      const { bytes, stat } = readRegularFileWithStat(p);
      this.observer.read(p, stat, bytes);
      return bytes;
    } catch (e) {
      // Not read, but still an input: a later run must notice when it appears or becomes readable.
      this.observer.stat(p, isNotFound(e) ? undefined : statSync(p, { throwIfNoEntry: false }));
      throw e;
    }
  }

  async fileSize(p: string): Promise<number | undefined> {
    return (await this.stat(p))?.size;
  }

  async stat(p: string): Promise<FileStat | undefined> {
    try {
      const stat = statSync(p);
      this.observer?.stat(p, stat);
      return { size: stat.size, mtime: stat.mtimeMs };
    } catch (e) {
      // Gone is no error; anything else (EACCES, ELOOP) is, and the core reports it with its code.
      if (isNotFound(e)) {
        this.observer?.stat(p, undefined);
        return undefined;
      }
      throw e;
    }
  }
}

/** A path's stat, undefined when it is gone (any other error is thrown). */
export function statOrGone(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/**
 * A file's bytes, refusing anything but a regular file with NotAFileError. The file is opened
 * non-blocking and checked on the open descriptor: a named pipe opened the usual way waits for a
 * writer forever, and a link to `/dev/zero` would be read until memory runs out.
 */
export function readRegularFile(p: string): Buffer {
  return readRegularFileWithStat(p).bytes;
}

/** readRegularFile, with the stat of the descriptor taken before reading it. */
export function readRegularFileWithStat(p: string): { bytes: Buffer; stat: Stats } {
  const { fd, stat } = openRegularFile(p);
  try {
    return { bytes: readSized(fd, stat.size), stat };
  } finally {
    closeSync(fd);
  }
}

/** An open descriptor on a regular file, with its stat; the caller closes it. Anything else throws as readRegularFile does. */
export function openRegularFile(p: string): { fd: number; stat: Stats } {
  let fd: number;
  try {
    fd = openSync(p, constants.O_RDONLY | nonBlocking());
  } catch (e) {
    // A socket cannot be opened at all.
    if (errorCode(e) === 'ENXIO') throw new NotAFileError(kindOf(statSync(p)), p);
    throw e;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotAFileError(kindOf(stat), p);
    return { fd, stat };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

/**
 * A regular file's bytes, `size` (from the descriptor's stat) being what it holds: readFileSync(fd)
 * would stat it again, one system call per file. Like readFileSync, it reads what the stat said
 * (a file that grows meanwhile is read as it was); a size of 0 may be a file that does not know its
 * size (procfs), so that is read to its end.
 */
function readSized(fd: number, size: number): Buffer {
  if (size === 0) return readFileSync(fd);
  const bytes = Buffer.allocUnsafe(size);
  let read = 0;
  while (read < size) {
    const n = readSync(fd, bytes, read, size - read, null);
    if (n === 0) return bytes.subarray(0, read); // Shrunk since the stat.
    read += n;
  }
  return bytes;
}

/** O_NONBLOCK where the platform has it (not on Windows, which has no named pipes in the tree). */
function nonBlocking(): number {
  return (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0;
}

/** A named pipe, socket or device, or a link to one: listed so the core can say it skipped it. */
function isSpecial(e: Dirent, p: string): boolean {
  if (e.isFIFO() || e.isSocket() || e.isCharacterDevice() || e.isBlockDevice()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    const target = statSync(p);
    return !target.isFile() && !target.isDirectory();
  } catch {
    return false; // A dangling link: there is nothing to read or to skip.
  }
}

export function kindOf(stat: Stats): NotAFileKind {
  if (stat.isDirectory()) return 'folder';
  if (stat.isFIFO()) return 'fifo';
  if (stat.isSocket()) return 'socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  return 'other';
}

/** Absolute path with forward slashes, the form the core's paths take. */
export function toPosix(p: string): string {
  return path.resolve(p).split(path.sep).join('/');
}
