import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CODEC_VERSION } from '../core';
import { VERSION } from '../shared/version';
import { sha1 } from './cacheInputs';
import { readRegularFile } from './nodeWorkspace';

/**
 * The on-disk form of `check --cache`: one header line, then two sections whose byte lengths and
 * hashes the header gives. The manifest (a run's inputs and report) is small and read on every
 * run; the entries (every file's parse) are hashed and parsed only when some input changed.
 */
const FORMAT = 'specboard-check-cache';
const FORMAT_VERSION = 1;

export interface CacheSections {
  readonly manifest: string;
  /** The entries as chunks, written as they are: most are the previous file's bytes, passed through. */
  readonly entries: readonly Buffer[];
}

/** Why a cache file was not used; `missing` is the only one not worth a note. */
export type CacheProblem = { readonly kind: 'missing' } | { readonly kind: 'unreadable'; readonly code: string } | { readonly kind: 'corrupt' } | { readonly kind: 'foreign' | 'otherVersion' | 'otherWorkspace' };

export interface LoadedCache {
  readonly manifest: string;
  /** The entries section's bytes, checked against its hash when first asked for; undefined when it fails. */
  entries(): Buffer | undefined;
}

/** Changes with every build of the CLI, not only with its version: a rebuilt parser may parse differently. */
export function buildId(): string {
  try {
    const s = statSync(__filename);
    return `${VERSION}+${s.size}.${s.mtimeMs}`;
  } catch {
    return VERSION;
  }
}

/** ESLint's convention: a folder (existing, or written with a trailing slash) holds a file named after the workspace. */
export function cacheFilePath(option: string | undefined, cwd: string, roots: readonly string[], env: Record<string, string | undefined>): string {
  const name = `specboard-${sha1(roots.join('\n')).replace(/[/+=]/g, '').slice(0, 12)}.cache`;
  if (option !== undefined) {
    const abs = path.resolve(cwd, option);
    const isDir = /[\\/]$/.test(option) || (() => { try { return statSync(abs).isDirectory(); } catch { return false; } })();
    return isDir ? path.join(abs, name) : abs;
  }
  // Outside the checked sources: node_modules is never read, and is where other tools cache too.
  const modules = path.join(roots[0] ?? cwd, 'node_modules');
  try {
    if (statSync(modules).isDirectory()) return path.join(modules, '.cache', 'specboard', name);
  } catch { /* no node_modules: the user's cache folder */ }
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'specboard', name);
}

export function loadCache(file: string, roots: readonly string[]): LoadedCache | CacheProblem {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', code: code ?? (e instanceof Error ? e.message : String(e)) };
  }
  const eol = bytes.indexOf(10);
  let header: { format?: unknown; version?: unknown; codec?: unknown; build?: unknown; roots?: unknown; manifest?: [number, string]; entries?: [number, string] };
  try {
    header = JSON.parse(bytes.subarray(0, eol < 0 ? bytes.length : eol).toString('utf8')) as typeof header;
  } catch {
    return { kind: 'corrupt' };
  }
  if (header === null || typeof header !== 'object' || header.format !== FORMAT) return { kind: 'foreign' };
  if (header.version !== FORMAT_VERSION || header.codec !== CODEC_VERSION || header.build !== buildId()) return { kind: 'otherVersion' };
  if (JSON.stringify(header.roots) !== JSON.stringify(roots)) return { kind: 'otherWorkspace' };
  const [mLength, mHash] = header.manifest ?? [0, ''];
  const [eLength, eHash] = header.entries ?? [0, ''];
  const mStart = eol + 1;
  const eStart = mStart + mLength;
  if (eol < 0 || bytes.length !== eStart + eLength) return { kind: 'corrupt' };
  const manifest = bytes.subarray(mStart, eStart);
  if (sha1(manifest) !== mHash) return { kind: 'corrupt' };
  let entries: Buffer | undefined | null = null;
  return {
    manifest: manifest.toString('utf8'),
    entries: () => {
      if (entries === null) {
        const raw = bytes.subarray(eStart);
        entries = sha1(raw) === eHash ? raw : undefined;
      }
      return entries;
    },
  };
}

/** Writes to a temporary file, then renames it: an interrupted run never leaves half a cache. */
export function saveCache(file: string, roots: readonly string[], sections: CacheSections): void {
  const manifest = Buffer.from(sections.manifest, 'utf8');
  // Hashed and written chunk by chunk: the entries are tens of megabytes on a large workspace, and
  // joining them into one string (then one buffer) cost more than the parses they keep.
  const hash = createHash('sha1');
  let length = 0;
  for (const chunk of sections.entries) {
    hash.update(chunk);
    length += chunk.length;
  }
  const header = JSON.stringify({
    format: FORMAT, version: FORMAT_VERSION, codec: CODEC_VERSION, build: buildId(), roots,
    manifest: [manifest.length, sha1(manifest)], entries: [length, hash.digest('base64')],
  });
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeSync(fd, `${header}\n`);
      writeSync(fd, manifest);
      for (const chunk of sections.entries) if (chunk.length) writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** The cache file and its temporary files are no input of a check, even when they sit among the docs. */
export function isCacheFile(file: string): (folder: string, name: string) => boolean {
  const dir = path.dirname(file).split(path.sep).join('/');
  const base = path.basename(file);
  return (folder, name) => folder === dir && (name === base || name.startsWith(`${base}.tmp-`));
}
