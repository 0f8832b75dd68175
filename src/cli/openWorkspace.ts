import { statSync } from 'node:fs';
import * as path from 'node:path';
import { createSpecboard, errorCode, isNotFound, kindLabel, type Locale, type Logger, type ParseCache, type ParseSupply, type Specboard } from '../core';
import type { CliIo } from './cliIo';
import { cliMessage } from './cliMessages';
import { kindOf, NodeWorkspace, toPosix, type ReadObserver } from './nodeWorkspace';
import { rootsFor } from './roots';

/** A target path that does not exist: the command stops with exit code 2. */
export class MissingPathError extends Error {
  constructor(readonly target: string) {
    super(target);
  }
}

/** Every target given was a pipe, a device or unreadable: there is nothing to work on. */
export class NoUsableTargetError extends Error {}

export interface OpenedWorkspace {
  /** The core; only `check --fix` updates it (with the text it wrote), every other command only queries. */
  readonly board: Specboard;
  /** True for a path inside the targets. */
  readonly inTargets: (p: string) => boolean;
  /** A path as the user sees it: relative to the current folder. */
  readonly rel: (p: string) => string;
  /** Workspace roots that could not be listed, with why: nothing in them was read. */
  readonly unreadRoots: readonly { path: string; reason: string }[];
}

/** The given paths resolved: their roots, a filter for "inside the targets" and the display form of a path. */
export interface Targets {
  readonly roots: readonly string[];
  readonly abs: readonly string[];
  readonly inTargets: (p: string) => boolean;
  readonly rel: (p: string) => string;
}

/** The usable targets (notes on stderr for the others) and their workspace roots. */
export function resolveTargets(targets: readonly string[], io: CliIo, locale: Locale): Targets {
  const list = usableTargets(targets.length ? targets : ['.'], io, locale);
  const abs = list.map((t) => toPosix(path.resolve(io.cwd, t)));
  const roots = rootsFor(list, io.cwd);
  const inTargets = (p: string) => abs.some((t) => p === t || p.startsWith(`${t}/`));
  const cwd = toPosix(io.cwd);
  const rel = (p: string) => {
    const r = path.posix.relative(cwd, p);
    return r === '' ? '.' : r;
  };
  return { roots, abs, inTargets, rel };
}

/**
 * Indexes the roots of the given paths; returns the core and a filter for "inside the targets".
 * `excerpts` false keeps no requirement excerpts: `check` prints none (see ParseOptions.excerpts).
 */
export async function openWorkspace(targets: readonly string[] | Targets, io: CliIo, locale: Locale, logger: Logger,
  cache?: { observer: ReadObserver; parseCache: ParseCache }, parseSupply?: ParseSupply, excerpts = true): Promise<OpenedWorkspace> {
  const { roots, inTargets, rel } = 'roots' in targets ? targets : resolveTargets(targets, io, locale);
  const board = createSpecboard({ workspace: new NodeWorkspace(roots, cache?.observer), locale, logger, parseCache: cache?.parseCache, parseSupply, excerpts });
  // Reads are synchronous, so indexing never gives the event loop a turn by itself: with workers it
  // must, every 20 ms, or their answers would wait until the index had read every file itself.
  await board.indexAll(parseSupply ? { pause: () => new Promise((resolve) => setImmediate(resolve)) } : {});
  const unreadRoots = board.stats().skipped.filter((s) => s.folder && roots.includes(s.path));
  return { board, inTargets, rel, unreadRoots };
}

/** For commands without a report of skipped files (trace, export): the roots not read, on stderr. */
export function noteUnreadRoots(opened: OpenedWorkspace, io: CliIo, locale: Locale): void {
  for (const r of opened.unreadRoots) io.error(`${cliMessage(locale, 'skipped', { path: opened.rel(r.path), reason: r.reason })}\n`);
}

/**
 * The targets that are regular files or folders. Anything else (a named pipe, a socket, a device
 * such as /dev/null, a link to one, or a path that cannot be read) is skipped with a note on
 * stderr: reading a pipe waits forever, and a device's folder is no workspace. A missing path
 * stops the command (exit 2), as does a list where nothing is left.
 */
function usableTargets(targets: readonly string[], io: CliIo, locale: Locale): string[] {
  const usable: string[] = [];
  for (const t of targets) {
    let reason: string;
    try {
      const stat = statSync(path.resolve(io.cwd, t));
      if (stat.isFile() || stat.isDirectory()) {
        usable.push(t);
        continue;
      }
      reason = cliMessage(locale, 'targetNotFile', { kind: kindLabel(locale, kindOf(stat)) });
    } catch (e) {
      if (isNotFound(e)) throw new MissingPathError(t);
      reason = cliMessage(locale, 'targetUnreadable', { code: errorCode(e) });
    }
    io.error(`${cliMessage(locale, 'skipped', { path: t, reason })}\n`);
  }
  if (usable.length === 0) throw new NoUsableTargetError();
  return usable;
}
