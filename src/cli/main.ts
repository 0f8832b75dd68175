import { statSync } from 'node:fs';
import * as path from 'node:path';
import { createSpecboard, errorCode, isNotFound, kindLabel, normalizeLocale, type Locale, type Logger, type Specboard } from '../core';
import { choice, parseArgs, UsageError, type CliArgs } from './args';
import { formatJson, formatSarif, formatText } from './checkFormats';
import { buildReport } from './checkReport';
import { cliLogger } from './cliLogger';
import { cliMessage } from './cliMessages';
import { kindOf, NodeWorkspace, readRegularFile, toPosix } from './nodeWorkspace';
import { OutputError } from './outputPaths';
import { rootsFor } from './roots';
import { toTraceRows, traceCsv, traceJson, traceMarkdown } from './traceFormats';

export interface CliIo {
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
  write(text: string): void;
  error(text: string): void;
}

export const VERSION = '0.1.0';

/** Runs one CLI invocation and returns its exit code (0 clean, 1 errors, 2 usage or config error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let locale = normalizeLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  try {
    const args = parseArgs(argv);
    if (args.options.lang) locale = choice(args, 'lang', ['en', 'zh-cn'] as const, 'en');
    else locale = configLanguage(io.cwd) ?? locale;
    if (args.flags.has('--version')) { io.write(`${VERSION}\n`); return 0; }
    if (args.flags.has('--help') || !args.command) { io.write(`${cliMessage(locale, 'usage')}\n`); return args.command || args.flags.has('--help') ? 0 : 2; }
    switch (args.command) {
      case 'check': return await check(args, io, locale);
      case 'trace': return await trace(args, io, locale);
      case 'export': {
        const { runExport } = await import('./exportCommand');
        return await runExport(args, io, locale);
      }
      default: throw new UsageError('unknownCommand', { name: args.command });
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.error(`${cliMessage(locale, e.key, e.args)}\n`);
      return 2;
    }
    if (e instanceof OutputError) {
      io.error(`${cliMessage(locale, e.key, e.args)}\n`);
      return 2;
    }
    if (e instanceof MissingPathError) {
      io.error(`${cliMessage(locale, 'missingPath', { path: e.target })}\n`);
      return 2;
    }
    if (e instanceof NoUsableTargetError) {
      io.error(`${cliMessage(locale, 'noUsableTargets')}\n`);
      return 2;
    }
    io.error(`${cliMessage(locale, 'internal', { detail: e instanceof Error ? e.stack ?? e.message : String(e) })}\n`);
    return 2;
  }
}

class MissingPathError extends Error {
  constructor(readonly target: string) {
    super(target);
  }
}

/** Every target given was a pipe, a device or unreadable: there is nothing to work on. */
class NoUsableTargetError extends Error {}

export interface OpenedWorkspace {
  readonly board: Specboard;
  /** True for a path inside the targets. */
  readonly inTargets: (p: string) => boolean;
  /** A path as the user sees it: relative to the current folder. */
  readonly rel: (p: string) => string;
  /** Workspace roots that could not be listed, with why: nothing in them was read. */
  readonly unreadRoots: readonly { path: string; reason: string }[];
}

/** Indexes the roots of the given paths; returns the core and a filter for "inside the targets". */
export async function openWorkspace(targets: readonly string[], io: CliIo, locale: Locale, logger: Logger): Promise<OpenedWorkspace> {
  const list = usableTargets(targets.length ? targets : ['.'], io, locale);
  const abs = list.map((t) => toPosix(path.resolve(io.cwd, t)));
  const roots = rootsFor(list, io.cwd);
  const board = createSpecboard({ workspace: new NodeWorkspace(roots), locale, logger });
  await board.indexAll();
  const inTargets = (p: string) => abs.some((t) => p === t || p.startsWith(`${t}/`));
  const cwd = toPosix(io.cwd);
  const rel = (p: string) => {
    const r = path.posix.relative(cwd, p);
    return r === '' ? '.' : r;
  };
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

async function check(args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const format = choice(args, 'format', ['text', 'json', 'sarif'] as const, 'text');
  const { board, inTargets, rel, unreadRoots } = await openWorkspace(args.positionals, io, locale, cliLogger(args, io));
  const settingsPaths = new Set(board.settingsDiagnosticPaths());
  // Config and schema errors always show: they change what every checked file means.
  const diagnostics = board.allDiagnostics().filter((d) => inTargets(d.path) || settingsPaths.has(d.path));
  const stats = args.positionals.length ? board.stats(inTargets) : board.stats();
  const report = buildReport(diagnostics, { ...stats, cancelled: false }, rel);
  io.write(format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, VERSION) : formatText(report, locale));
  // A folder that could not be read was not checked: that is no clean result (its note says why).
  if (unreadRoots.length > 0 || diagnostics.some((d) => d.code === 'config-error')) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}

async function trace(args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const format = choice(args, 'format', ['json', 'csv', 'md'] as const, 'json');
  const opened = await openWorkspace(args.positionals, io, locale, cliLogger(args, io));
  noteUnreadRoots(opened, io, locale);
  const rows = toTraceRows(opened.board.trace(opened.inTargets), opened.rel);
  io.write(format === 'csv' ? traceCsv(rows) : format === 'md' ? traceMarkdown(rows, locale) : traceJson(rows));
  return 0;
}

/**
 * `language` from ./.specboard/config.json, when the user did not pass --lang. A config that
 * cannot be used is ignored here; the core reports it as a config-error.
 */
function configLanguage(cwd: string): Locale | undefined {
  try {
    const raw = JSON.parse(readRegularFile(path.join(cwd, '.specboard', 'config.json')).toString('utf8')) as { language?: unknown };
    return raw.language === 'zh-cn' || raw.language === 'en' ? raw.language : undefined;
  } catch {
    return undefined;
  }
}
