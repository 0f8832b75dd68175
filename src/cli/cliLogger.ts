import { errorSummary, errorWithStack, NO_LOGGER, type Logger } from '../core';
import type { CliArgs } from './args';
import type { CliIo } from './cliIo';

/**
 * The core's logger for one CLI run: silent unless `--verbose`, then one line per entry on
 * standard error (never standard output, which may be JSON, SARIF or CSV piped elsewhere).
 * Log lines are in English, like VS Code's own logs; the report itself follows --lang.
 */
export function cliLogger(args: CliArgs, io: CliIo): Logger {
  if (!args.flags.has('--verbose')) return NO_LOGGER;
  const line = (level: string, message: string) => io.error(`[${level}] ${message}\n`);
  return {
    trace: (message) => line('trace', message),
    debug: (message) => line('debug', message),
    info: (message) => line('info', message),
    warn: (message, error) => line('warn', error === undefined ? message : `${message} (${errorSummary(error)})`),
    error: (message, error) => line('error', error === undefined ? message : `${message}\n${errorWithStack(error)}`),
  };
}
