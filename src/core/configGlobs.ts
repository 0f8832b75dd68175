import { compileGlob, type GlobProblem } from './glob';
import { message } from './messages';
import type { Locale } from './types';

/** Where in the config file a problem is reported: 0-based line and column, and how many characters. */
export interface ConfigSpot {
  readonly line: number;
  readonly character: number;
  readonly length: number;
}

/** Reports one config problem at a spot of the file. */
export type ConfigReport = (msg: string, spot: ConfigSpot) => void;

export interface GlobContext {
  readonly text: string;
  readonly displayName: string;
  readonly locale: Locale;
  readonly report: ConfigReport;
}

/**
 * The usable patterns of a glob list (`include`, `exclude`, `sources`). Each unusable entry is
 * reported on its own, at the entry itself where it can be found, and left out: one bad pattern
 * must not take the others down with it, nor stop the check.
 */
export function usableGlobs(key: string, list: readonly unknown[], context: GlobContext): string[] {
  const usable: string[] = [];
  for (const entry of list) {
    const problem = globProblem(entry);
    if (problem) context.report(describe(key, entry, problem, context), spotOf(context.text, key, entry));
    else usable.push(entry as string);
  }
  return usable;
}

/** The entries of `types` (glob → document type) whose glob can be used; the others are reported. */
export function usableGlobMap(key: string, map: Readonly<Record<string, string>>, context: GlobContext): Record<string, string> {
  const usable: Record<string, string> = {};
  for (const [glob, value] of Object.entries(map)) {
    const problem = globProblem(glob);
    if (problem) context.report(describe(key, glob, problem, context), spotOf(context.text, key, glob));
    else usable[glob] = value;
  }
  return usable;
}

function globProblem(entry: unknown): GlobProblem | undefined {
  const compiled = compileGlob(entry);
  return compiled.ok ? undefined : compiled.problem;
}

function describe(key: string, entry: unknown, problem: GlobProblem, { displayName: file, locale }: GlobContext): string {
  switch (problem.kind) {
    case 'notString':
      return message(locale, 'config.globNotString', { file, key, value: shown(entry) });
    case 'empty':
      return message(locale, 'config.globEmpty', { file, key });
    case 'unclosed':
      return message(locale, 'config.globUnclosed', { file, key, pattern: String(entry), char: problem.char });
    case 'unopened':
      return message(locale, 'config.globUnopened', { file, key, pattern: String(entry), char: problem.char });
    case 'invalid':
      return message(locale, 'config.globInvalid', { file, key, pattern: String(entry), detail: problem.detail });
    case 'tooManyStars':
      return message(locale, 'config.globTooManyStars', { file, key, pattern: String(entry), limit: problem.limit });
  }
}

/** A non-string entry as JSON, cut short: the message names it, it need not reproduce it. */
function shown(entry: unknown): string {
  const json = JSON.stringify(entry) ?? String(entry);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/**
 * The entry's position after its key, found by its JSON spelling (the usual case); failing that,
 * the key's line, as for other config problems.
 */
function spotOf(text: string, key: string, entry: unknown): ConfigSpot {
  const keyAt = text.indexOf(`"${key}"`);
  if (keyAt < 0) return { line: 0, character: 0, length: 1 };
  const spelled = JSON.stringify(entry);
  const at = spelled === undefined ? -1 : text.indexOf(spelled, keyAt + key.length + 2);
  const before = text.slice(0, at < 0 ? keyAt : at).split('\n');
  if (at < 0) return { line: before.length - 1, character: 0, length: 1 };
  return { line: before.length - 1, character: before[before.length - 1].length, length: spelled!.length };
}
