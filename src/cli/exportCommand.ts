import * as path from 'node:path';
import type { Locale } from '../core';
import { UsageError, type CliArgs } from './args';
import type { CliIo } from './cliIo';
import { cliLogger } from './cliLogger';
import { cliMessage, counted } from './cliMessages';
import { exportHtml } from './exportHtml';
import { requirementsCsv } from './exportCsv';
import { noteUnreadRoots, openWorkspace } from './openWorkspace';
import { checkOutputFiles, checkOutputFolder, shownFrom, writeOutput } from './outputPaths';

/**
 * `specboard export html <doc|folder>... --out <dir>` and `specboard export csv [paths...] [--out <file>]`:
 * the reviewer-facing exports. Like `check`, the whole workspace is indexed so IDs defined
 * elsewhere still resolve; only the targets are exported.
 */
export async function runExport(args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const [format, ...targets] = args.positionals;
  if (format === 'html') return html(targets, args, io, locale);
  if (format === 'csv') return csv(targets, args, io, locale);
  if (!format) throw new UsageError('missingArg', { command: 'export', what: cliMessage(locale, 'whatFormat') });
  throw new UsageError('unknownCommand', { name: `export ${format}` });
}

async function html(targets: string[], args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  if (targets.length === 0) throw new UsageError('missingArg', { command: 'export html', what: cliMessage(locale, 'whatTarget') });
  const out = args.options.out;
  if (!out) throw new UsageError('missingArg', { command: 'export html', what: '--out <dir>' });
  const outDir = path.resolve(io.cwd, out);
  // Before indexing, so a wrong --out fails at once, not after reading the whole workspace.
  checkOutputFolder(outDir, shownFrom(io.cwd));
  const opened = await openWorkspace(targets, io, locale, cliLogger(args, io));
  noteUnreadRoots(opened, io, locale);
  const { board, inTargets, rel } = opened;
  const docs = board.documents().filter((d) => inTargets(d.path));
  if (docs.length === 0) {
    io.error(`${cliMessage(locale, 'noDocuments')}\n`);
    return 1;
  }
  const written = exportHtml({ board, docs, outDir, locale, rel, now: new Date(), shown: shownFrom(io.cwd) });
  io.write(`${cliMessage(locale, 'wrote', { files: counted(locale, 'file', written.length), dir: out })}\n`);
  return 0;
}

async function csv(targets: string[], args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const out = args.options.out;
  const file = out ? path.resolve(io.cwd, out) : undefined;
  const shown = shownFrom(io.cwd);
  if (file) checkOutputFiles([file], shown);
  const opened = await openWorkspace(targets, io, locale, cliLogger(args, io));
  noteUnreadRoots(opened, io, locale);
  const { board, inTargets, rel } = opened;
  const text = requirementsCsv(board.trace(inTargets), rel);
  if (!out || !file) {
    io.write(text);
    return 0;
  }
  // A byte-order mark makes Excel read the file as UTF-8, so Chinese titles survive.
  writeOutput(file, `\uFEFF${text}`, shown);
  io.write(`${cliMessage(locale, 'wroteFile', { file: out })}\n`);
  return 0;
}
