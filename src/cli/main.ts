import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createSpecboard, normalizeLocale, type Locale, type Logger, type Specboard } from '../core';
import { choice, parseArgs, UsageError, type CliArgs } from './args';
import { formatJson, formatSarif, formatText } from './checkFormats';
import { buildReport } from './checkReport';
import { cliLogger } from './cliLogger';
import { cliMessage } from './cliMessages';
import { NodeWorkspace, toPosix } from './nodeWorkspace';
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
    if (e instanceof MissingPathError) {
      io.error(`${cliMessage(locale, 'missingPath', { path: e.target })}\n`);
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

/** Indexes the roots of the given paths; returns the core and a filter for "inside the targets". */
export async function openWorkspace(targets: readonly string[], io: CliIo, locale: Locale, log: Logger): Promise<{ board: Specboard; inTargets: (p: string) => boolean; rel: (p: string) => string }> {
  const list = targets.length ? targets : ['.'];
  for (const t of list) if (!existsSync(path.resolve(io.cwd, t))) throw new MissingPathError(t);
  const abs = list.map((t) => toPosix(path.resolve(io.cwd, t)));
  const board = createSpecboard({ workspace: new NodeWorkspace(rootsFor(list, io.cwd), log), locale, logger: log });
  await board.indexAll();
  const inTargets = (p: string) => abs.some((t) => p === t || p.startsWith(`${t}/`));
  const cwd = toPosix(io.cwd);
  const rel = (p: string) => {
    const r = path.posix.relative(cwd, p);
    return r === '' ? '.' : r;
  };
  return { board, inTargets, rel };
}

async function check(args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const format = choice(args, 'format', ['text', 'json', 'sarif'] as const, 'text');
  const { board, inTargets, rel } = await openWorkspace(args.positionals, io, locale, cliLogger(args, io));
  const settingsPaths = new Set(board.settingsDiagnosticPaths());
  // Config and schema errors always show: they change what every checked file means.
  const diagnostics = board.allDiagnostics().filter((d) => inTargets(d.path) || settingsPaths.has(d.path));
  const stats = args.positionals.length ? board.stats(inTargets) : board.stats();
  const report = buildReport(diagnostics, { ...stats, cancelled: false }, rel);
  io.write(format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, VERSION) : formatText(report, locale));
  if (diagnostics.some((d) => d.code === 'config-error')) return 2;
  return report.summary.errors > 0 ? 1 : 0;
}

async function trace(args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const format = choice(args, 'format', ['json', 'csv', 'md'] as const, 'json');
  const { board, inTargets, rel } = await openWorkspace(args.positionals, io, locale, cliLogger(args, io));
  const rows = toTraceRows(board.trace(inTargets), rel);
  io.write(format === 'csv' ? traceCsv(rows) : format === 'md' ? traceMarkdown(rows, locale) : traceJson(rows));
  return 0;
}

/** `language` from ./.specboard/config.json, when the user did not pass --lang. */
function configLanguage(cwd: string): Locale | undefined {
  try {
    const raw = JSON.parse(readFileSync(path.join(cwd, '.specboard', 'config.json'), 'utf8')) as { language?: unknown };
    return raw.language === 'zh-cn' || raw.language === 'en' ? raw.language : undefined;
  } catch {
    return undefined;
  }
}
