import * as path from 'node:path';
import { normalizeLocale, type Locale } from '../core';
import { checkOptions, choice, parseArgs, UsageError, type CliArgs } from './args';
import { formatJson, formatSarif, formatText } from './checkFormats';
import { buildReport, reportOrder, toCliDiagnostic } from './checkReport';
import type { CliIo } from './cliIo';
import { cliLogger } from './cliLogger';
import { cliMessage } from './cliMessages';
import { commandSpec } from './commands';
import { fixFiles } from './fixFiles';
import { readRegularFile } from './nodeWorkspace';
import { CheckCache } from './checkCache';
import { checkWorkers, threadsOption } from './checkThreads';
import { MissingPathError, NoUsableTargetError, noteUnreadRoots, openWorkspace, resolveTargets } from './openWorkspace';
import { OutputError } from './outputPaths';
import { toTraceRows, traceCsv, traceJson, traceMarkdown } from './traceFormats';
import { VERSION } from '../shared/version';

/** Runs one CLI invocation and returns its exit code (0 clean, 1 errors, 2 usage or config error). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let locale = normalizeLocale(io.env.LC_ALL || io.env.LC_MESSAGES || io.env.LANG);
  try {
    const args = parseArgs(argv);
    if (args.options.lang) locale = choice(args, 'lang', ['en', 'zh-cn'] as const, 'en');
    else locale = configLanguage(io.cwd) ?? locale;
    if (args.flags.has('--version')) { io.write(`${VERSION}\n`); return 0; }
    // `specboard help [command]` reads as `specboard [command] --help`.
    const asked = args.command === 'help' ? args.positionals[0] ?? '' : args.command;
    if (args.flags.has('--help') || args.command === 'help' || !args.command) {
      const spec = commandSpec(asked);
      if (asked && !spec) throw new UsageError('unknownCommand', { name: asked });
      io.write(`${cliMessage(locale, spec ? spec.help : 'usage')}\n`);
      return args.command || args.flags.has('--help') ? 0 : 2;
    }
    const spec = commandSpec(args.command);
    if (!spec) throw new UsageError('unknownCommand', { name: args.command });
    checkOptions(args, spec);
    switch (args.command) {
      case 'check': return await check(args, io, locale);
      case 'trace': return await trace(args, io, locale);
      case 'export': {
        const { runExport } = await import('./exportCommand');
        return await runExport(args, io, locale);
      }
      case 'mcp': {
        if (args.positionals.length) throw new UsageError('unknownOption', { name: args.positionals[0], command: 'mcp' });
        const { runMcp } = await import('./mcpCommand');
        return await runMcp(args, io, locale);
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

async function check(args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const format = choice(args, 'format', ['text', 'json', 'sarif'] as const, 'text');
  const logger = cliLogger(args, io);
  const targets = resolveTargets(args.positionals, io, locale);
  const fix = args.flags.has('--fix');
  // --fix writes files while it checks: its report is never reused, and its parses are not kept.
  const cache = args.flags.has('--cache') && !fix
    ? new CheckCache(args.options['cache-location'], targets.roots, JSON.stringify([locale, args.positionals.length > 0, targets.abs]), io, locale, logger)
    : undefined;
  const threads = threadsOption(args);
  let outcome = cache?.reuse();
  let fixed;
  if (!outcome) {
    // Worker threads parse only without --cache: the cache records each file's read on the main thread.
    const workers = cache ? undefined : checkWorkers(threads, targets.roots, locale, logger);
    let opened;
    try {
      opened = await openWorkspace(targets, io, locale, logger, cache, workers, false);
    } finally {
      workers?.close();
    }
    const { board, inTargets, unreadRoots } = opened;
    // Files are written only when asked; the report below is of the fixed files.
    fixed = fix ? fixFiles(board, inTargets).flatMap((f) => f.fixed.map((d) => toCliDiagnostic(d, targets.rel))) : undefined;
    const settingsPaths = new Set(board.settingsDiagnosticPaths());
    // Config and schema errors always show: they change what every checked file means.
    const diagnostics = board.allDiagnostics().filter((d) => inTargets(d.path) || settingsPaths.has(d.path));
    const stats = args.positionals.length ? board.stats(inTargets) : board.stats();
    outcome = { diagnostics, stats, unread: unreadRoots.length > 0 };
    if (cache) {
      // Kept in report order, so that printing it again needs no sort (nor the ICU data localeCompare loads).
      const sorted = diagnostics.map((d) => ({ d, c: toCliDiagnostic(d, targets.rel) })).sort((a, b) => reportOrder(a.c, b.c)).map((x) => x.d);
      outcome = { ...outcome, diagnostics: sorted };
      cache.save({ ...outcome, sortedFor: io.cwd });
    }
  }
  const report = buildReport(outcome.diagnostics, { ...outcome.stats, cancelled: false }, targets.rel, fixed, outcome.sortedFor === io.cwd);
  io.write(format === 'json' ? formatJson(report) : format === 'sarif' ? formatSarif(report, VERSION, locale) : formatText(report, locale));
  // A folder that could not be read was not checked: that is no clean result (its note says why).
  if (outcome.unread || outcome.diagnostics.some((d) => d.code === 'config-error')) return 2;
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
