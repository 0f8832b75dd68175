import { promises as fs, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { isNotFound, NO_LOGGER, type Logger, type SpecWorkspace } from '../core';

/** The core's workspace over the local file system, with absolute posix-style paths. */
export class NodeWorkspace implements SpecWorkspace {
  constructor(readonly roots: readonly string[], private readonly log: Logger = NO_LOGGER) {}

  async listFiles(folder: string, skipDir: (relDir: string) => boolean): Promise<string[]> {
    const out: string[] = [];
    const walk = async (dir: string, rel: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        if (rel === '') throw e;
        // An unreadable sub-folder is skipped, not fatal; --verbose says which.
        this.log.warn(`Skipped the folder ${dir}: it could not be listed`, e);
        return;
      }
      const subdirs: Promise<void>[] = [];
      for (const e of entries) {
        const childRel = rel ? `${rel}/${e.name}` : e.name;
        const child = `${dir}/${e.name}`;
        // Symbolic links are not followed: they can loop and usually point outside the tree.
        if (e.isDirectory()) {
          if (!skipDir(childRel)) subdirs.push(walk(child, childRel));
        } else if (e.isFile()) out.push(child);
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
    return readFileSync(p);
  }

  async fileSize(p: string): Promise<number | undefined> {
    try {
      return statSync(p).size;
    } catch (e) {
      // Only a missing file is "gone"; any other failure is the file being unreadable, with its reason.
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}

/** Absolute path with forward slashes, the form the core's paths take. */
export function toPosix(p: string): string {
  return path.resolve(p).split(path.sep).join('/');
}
