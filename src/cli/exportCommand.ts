import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Locale } from '../core';
import { UsageError, type CliArgs } from './args';
import { cliLogger } from './cliLogger';
import { cliMessage, counted } from './cliMessages';
import { exportHtml } from './exportHtml';
import { requirementsCsv } from './exportCsv';
import { openWorkspace, type CliIo } from './main';

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
  const { board, inTargets, rel } = await openWorkspace(targets, io, locale, cliLogger(args, io));
  const docs = board.documents().filter((d) => inTargets(d.path));
  if (docs.length === 0) {
    io.error(`${cliMessage(locale, 'noDocuments')}\n`);
    return 1;
  }
  const outDir = path.resolve(io.cwd, out);
  const written = exportHtml({ board, docs, outDir, locale, rel, now: new Date() });
  io.write(`${cliMessage(locale, 'wrote', { files: counted(locale, 'file', written.length), dir: out })}\n`);
  return 0;
}

async function csv(targets: string[], args: CliArgs, io: CliIo, locale: Locale): Promise<number> {
  const { board, inTargets, rel } = await openWorkspace(targets, io, locale, cliLogger(args, io));
  const text = requirementsCsv(board.trace(inTargets), rel);
  const out = args.options.out;
  if (!out) {
    io.write(text);
    return 0;
  }
  const file = path.resolve(io.cwd, out);
  mkdirSync(path.dirname(file), { recursive: true });
  // A byte-order mark makes Excel read the file as UTF-8, so Chinese titles survive.
  writeFileSync(file, `\uFEFF${text}`);
  io.write(`${cliMessage(locale, 'wroteFile', { file: out })}\n`);
  return 0;
}
