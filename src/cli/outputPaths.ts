import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** Why an export cannot write where it was told to; main.ts prints it from the CLI catalog (exit 2). */
export class OutputError extends Error {
  constructor(readonly key: 'outNotFolder' | 'outIsFolder' | 'outBlocked' | 'outFailed', readonly args: Record<string, string>) {
    super(key);
  }
}

/**
 * Checks, before anything is written, that every file in `files` (absolute) can be created: no
 * folder on the way is a file (`--out notes.txt`, `/dev/null/site`) and no file is a folder. The
 * export then writes all or, short of a full disk or a permission problem, nothing at all.
 * `shown` turns a path into what the message names.
 */
export function checkOutputFiles(files: readonly string[], shown: (p: string) => string): void {
  const folders = new Map<string, string>();
  for (const file of files) {
    if (kindOf(file, shown) === 'folder') throw new OutputError('outIsFolder', { path: shown(file) });
    if (!folders.has(path.dirname(file))) folders.set(path.dirname(file), file);
  }
  for (const [folder, file] of folders) checkCreatable(folder, file, shown);
}

/** `--out` of the HTML export: a folder, existing or creatable, never a file. */
export function checkOutputFolder(dir: string, shown: (p: string) => string): void {
  const kind = kindOf(dir, shown);
  if (kind === 'other') throw new OutputError('outNotFolder', { path: shown(dir) });
  if (kind === undefined) checkCreatable(dir, dir, shown);
}

/** The nearest part of `folder` that exists must be a folder: mkdir creates the rest. `target` is what the message names. */
function checkCreatable(folder: string, target: string, shown: (p: string) => string): void {
  let existing = folder;
  while (kindOf(existing, shown) === undefined && path.dirname(existing) !== existing) existing = path.dirname(existing);
  if (kindOf(existing, shown) !== 'folder') throw new OutputError('outBlocked', { path: shown(target), blocker: shown(existing) });
}

/** Writes one output file, creating its folder; a failure names the file and the error code. */
export function writeOutput(file: string, text: string, shown: (p: string) => string): void {
  try {
    makeFolders(path.dirname(file));
    writeFileSync(file, text);
  } catch (e) {
    throw new OutputError('outFailed', { path: shown(file), code: errorCode(e) });
  }
}

/**
 * `mkdir -p` one level at a time. Node's `mkdirSync(dir, { recursive: true })` spins forever where
 * the kernel answers ENOENT for a child of a folder that exists (`--out /proc/site`): it takes
 * ENOENT to mean a missing parent, creates the parent (EEXIST) and tries again.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  for (let dir = folder; !isFolder(dir) && path.dirname(dir) !== dir; dir = path.dirname(dir)) missing.push(dir);
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (e) {
      if (errorCode(e) !== 'EEXIST') throw e;
    }
  }
}

function isFolder(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** How a message names an output path: relative below the current folder, absolute elsewhere. */
export function shownFrom(cwd: string): (p: string) => string {
  return (p) => {
    const rel = path.relative(cwd, p);
    return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
  };
}

/** `EACCES`, `ENOSPC`...: the part of a Node error a user can search for. */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

function kindOf(p: string, shown: (p: string) => string): 'folder' | 'other' | undefined {
  try {
    return statSync(p).isDirectory() ? 'folder' : 'other';
  } catch (e) {
    // ENOENT: not there yet. ENOTDIR: a file stands on the way, which the walk up finds.
    const code = errorCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new OutputError('outFailed', { path: shown(p), code });
  }
}
