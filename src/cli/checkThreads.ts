import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Locale, Logger } from '../core';
import { UsageError, type CliArgs } from './args';
import { WorkerParses } from './workerParses';

/** `--threads`: 'auto' (the default) or how many threads parse, the main thread included. */
export function threadsOption(args: CliArgs): number | 'auto' {
  const value = args.options.threads;
  if (value === undefined || value === 'auto') return 'auto';
  if (!/^[1-9][0-9]{0,2}$/.test(value)) throw new UsageError('badValue', { name: '--threads', value, allowed: 'auto, 1, 2, 3…' });
  return Number(value);
}

/**
 * Worker threads for `check`'s parsing, or undefined for one thread: asked for (`--threads 1`),
 * or the worker's bundle is not beside this one (the CLI's code run from the test build).
 */
export function checkWorkers(threads: number | 'auto', roots: readonly string[], locale: Locale, logger: Logger): WorkerParses | undefined {
  const script = path.join(__dirname, 'checkWorker.js');
  if (threads === 1) return undefined;
  if (!existsSync(script)) {
    logger.debug(`No ${script}: parsing on the main thread`);
    return undefined;
  }
  return new WorkerParses(script, threads, { roots, locale, excerpts: false }, logger);
}
