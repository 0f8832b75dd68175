import { closeSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync, writevSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as Zlib from 'node:zlib';
import { CODEC_VERSION } from '../core';
import { fnv1a } from '../core/fnv1a';
import { VERSION } from '../shared/version';
import { sha1 } from './cacheInputs';
import { openRegularFile } from './nodeWorkspace';

/**
 * The on-disk form of `check --cache`: one header line, then three sections whose byte lengths the
 * header gives. The manifest (a run's inputs and report) is small and is all a run reads when
 * nothing changed; the index (each file's metadata and where its parse lies) and the entries
 * (every file's parse, tens of megabytes on a large workspace) are read only when some input
 * changed. The entries are checked with a CRC-32, not a cryptographic hash: it catches a damaged
 * file as well, and sha1 over them was a fifth of a changed run.
 */
const FORMAT = 'specboard-check-cache';
const FORMAT_VERSION = 2;

export interface CacheSections {
  readonly manifest: string;
  readonly index: string;
  /** The entries as chunks, written as they are: most are the previous file's bytes, passed through. */
  readonly entries: readonly Buffer[];
}

/** Why a cache file was not used; `missing` is the only one not worth a note. */
export type CacheProblem = { readonly kind: 'missing' } | { readonly kind: 'unreadable'; readonly code: string } | { readonly kind: 'corrupt' } | { readonly kind: 'foreign' | 'otherVersion' | 'otherWorkspace' };

export interface LoadedCache {
  readonly manifest: string;
  /** The index (checked against its hash) and the entries' bytes, read when first asked for; undefined when that fails. */
  rest(): { readonly index: string; readonly entries: Buffer } | undefined;
  /** Lets go of the file; `rest` then answers what it read, or undefined. */
  close(): void;
}

type Header = { format?: unknown; version?: unknown; codec?: unknown; build?: unknown; roots?: unknown; manifest?: [number, string]; index?: [number, string]; entries?: [number, string] };

/** The libraries a parse or a validation depends on (scripts/librariesApart.mjs puts them next to the bundle). */
const PARSING_LIBRARIES = ['markdown-it', 'markdown-it-cjk-breaks', 'yaml', 'ajv'];

let build: string | undefined;

/**
 * Changes with every change to the CLI's code, not only with its version: a rebuilt parser may
 * parse differently. A hash of the bundle's bytes (and of the parsing libraries beside it), not
 * its mtime: rebuilding the same sources keeps the cache. A CRC-32 of 0.7 MB is under a
 * millisecond (FNV in JavaScript took 10-40 ms).
 */
export function buildId(): string {
  if (build !== undefined) return build;
  const parts = [__filename, ...PARSING_LIBRARIES.map((l) => path.join(path.dirname(__filename), 'lib', `${l}.js`))].map((file) => {
    try {
      const bytes = readFileSync(file);
      return `${bytes.length}.${checksum([bytes])}`;
    } catch {
      return '-'; // Unbundled (tests) or not shipped: the others still count.
    }
  });
  return build = `${VERSION}+${parts.join('+')}`;
}

/** ESLint's convention: a folder (existing, or written with a trailing slash) holds a file named after the workspace. */
export function cacheFilePath(option: string | undefined, cwd: string, roots: readonly string[], env: Record<string, string | undefined>): string {
  // FNV, not sha1: the header names the roots, so two workspaces that shared a name would only
  // take turns, and a run where nothing changed then needs no crypto module.
  const joined = roots.join('\n');
  const name = `specboard-${fnv1a(joined).toString(16).padStart(8, '0')}${joined.length.toString(16)}.cache`;
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

/** Reads the header and the manifest only; the rest waits for `rest()`. The caller closes what it gets. */
export function loadCache(file: string, roots: readonly string[]): LoadedCache | CacheProblem {
  let fd: number;
  let size: number;
  try {
    ({ fd, stat: { size } } = openRegularFile(file));
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', code: code ?? (e instanceof Error ? e.message : String(e)) };
  }
  let loaded: LoadedCache | CacheProblem | undefined;
  try {
    loaded = openSections(fd, size, roots);
    return loaded;
  } catch (e) {
    return { kind: 'unreadable', code: (e as { code?: string }).code ?? String(e) };
  } finally {
    if (!loaded || !('manifest' in loaded)) closeSync(fd);
  }
}

function openSections(fd: number, size: number, roots: readonly string[]): LoadedCache | CacheProblem {
  // The header is one line of a few hundred bytes (more with many roots); the manifest usually follows in the same read.
  let first = Buffer.allocUnsafe(Math.min(size, 1 << 16));
  let got = readAt(fd, first, 0);
  let eol = first.subarray(0, got).indexOf(10);
  if (eol < 0 && got < size) {
    first = Buffer.allocUnsafe(Math.min(size, 1 << 24));
    got = readAt(fd, first, 0);
    eol = first.subarray(0, got).indexOf(10);
  }
  if (eol < 0) return got < size ? { kind: 'corrupt' } : jsonObject(first.subarray(0, got)) ? { kind: 'foreign' } : { kind: 'corrupt' };
  let header: Header;
  try {
    header = JSON.parse(first.toString('utf8', 0, eol)) as Header;
  } catch {
    return { kind: 'corrupt' };
  }
  if (header === null || typeof header !== 'object' || header.format !== FORMAT) return { kind: 'foreign' };
  if (header.version !== FORMAT_VERSION || header.codec !== CODEC_VERSION || header.build !== buildId()) return { kind: 'otherVersion' };
  if (JSON.stringify(header.roots) !== JSON.stringify(roots)) return { kind: 'otherWorkspace' };
  const [mLength, mHash] = header.manifest ?? [-1, ''];
  const [iLength, iHash] = header.index ?? [-1, ''];
  const [eLength, eSum] = header.entries ?? [-1, ''];
  const mStart = eol + 1;
  const iStart = mStart + mLength;
  const eStart = iStart + iLength;
  if (!(mLength >= 0 && iLength >= 0 && eLength >= 0) || size !== eStart + eLength) return { kind: 'corrupt' };
  const manifest = (iStart <= got ? first.subarray(mStart, iStart) : readSection(fd, mStart, mLength)).toString('utf8');
  if (textSum(manifest) !== mHash) return { kind: 'corrupt' };
  let open = true;
  let rest: { index: string; entries: Buffer } | undefined | null = null;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  return {
    manifest,
    rest: () => {
      if (rest === null) {
        try {
          rest = undefined;
          if (!open) return rest;
          // One read for both: in a changed run the core asks for nearly every entry.
          const bytes = readSection(fd, iStart, iLength + eLength);
          const index = bytes.subarray(0, iLength);
          const entries = bytes.subarray(iLength);
          if (sha1(index) === iHash && checksum([entries]) === eSum) rest = { index: index.toString('utf8'), entries };
        } catch {
          rest = undefined;
        } finally {
          close();
        }
      }
      return rest;
    },
    close,
  };
}

/** CRC-32 of the chunks in a row (zlib's, from Node 20.15); sha1 where this Node has no crc32. */
function checksum(chunks: readonly Buffer[]): string {
  // Required here, not with the bundle: zlib is a few milliseconds to load, and crypto more.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { crc32 } = require('node:zlib') as typeof Zlib & { crc32?: (data: Uint8Array, value?: number) => number };
  if (crc32) {
    let sum = 0;
    for (const c of chunks) sum = crc32(c, sum);
    return `crc32:${sum}`;
  }
  return `sha1:${sha1(Buffer.concat(chunks))}`;
}

/** The manifest's check: FNV-1a in JavaScript, so that a run where nothing changed loads neither crypto nor zlib. */
function textSum(text: string): string {
  return `fnv1a:${fnv1a(text)}`;
}

function jsonObject(bytes: Buffer): boolean {
  try {
    const v = JSON.parse(bytes.toString('utf8')) as unknown;
    return v !== null && typeof v === 'object';
  } catch {
    return false;
  }
}

function readSection(fd: number, start: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  if (readAt(fd, out, start) !== length) throw new Error('short read');
  return out;
}

/** Fills `into` from `position`, as far as the file goes; answers how many bytes were read. */
function readAt(fd: number, into: Buffer, position: number): number {
  let got = 0;
  while (got < into.length) {
    const n = readSync(fd, into, got, into.length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return got;
}

/** Writes to a temporary file, then renames it: an interrupted run never leaves half a cache. */
export function saveCache(file: string, roots: readonly string[], sections: CacheSections): void {
  const manifest = Buffer.from(sections.manifest, 'utf8');
  const manifestSum = textSum(sections.manifest);
  const index = Buffer.from(sections.index, 'utf8');
  let length = 0;
  for (const chunk of sections.entries) length += chunk.length;
  // The passed-through entries are summed again: cheaper than keeping a sum per entry in the index.
  const header = JSON.stringify({
    format: FORMAT, version: FORMAT_VERSION, codec: CODEC_VERSION, build: buildId(), roots,
    manifest: [manifest.length, manifestSum], index: [index.length, sha1(index)], entries: [length, checksum(sections.entries)],
  });
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}`;
  try {
    const fd = openSync(temp, 'w');
    try {
      writeAll(fd, [Buffer.from(`${header}\n`, 'utf8'), manifest, index, ...sections.entries]);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}

/** Gathered writes, a thousand chunks a call (below every platform's IOV_MAX), resumed after a short write. */
function writeAll(fd: number, chunks: readonly Buffer[]): void {
  const pending = chunks.filter((c) => c.length > 0);
  for (let i = 0; i < pending.length;) {
    const batch = pending.slice(i, i + 1000);
    let written = writevSync(fd, batch);
    i += batch.length;
    let total = 0;
    for (const c of batch) total += c.length;
    if (written === total) continue;
    // A short write: finish this batch chunk by chunk.
    for (const c of batch) {
      if (written >= c.length) {
        written -= c.length;
        continue;
      }
      for (let off = written; off < c.length;) off += writeSync(fd, c, off, c.length - off);
      written = 0;
    }
  }
}

/** The cache file and its temporary files are no input of a check, even when they sit among the docs. */
export function isCacheFile(file: string): (folder: string, name: string) => boolean {
  const dir = path.dirname(file).split(path.sep).join('/');
  const base = path.basename(file);
  return (folder, name) => folder === dir && (name === base || name.startsWith(`${base}.tmp-`));
}
