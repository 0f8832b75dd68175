import type { Locale } from '../core';
import { UsageError, type CliArgs } from './args';
import type { CliIo } from './main';

/** `specboard export html|csv`: the reviewer-facing exports. */
export async function runExport(args: CliArgs, _io: CliIo, _locale: Locale): Promise<number> {
  throw new UsageError('unknownCommand', { name: `export ${args.positionals[0] ?? ''}`.trim() });
}
