import { spawnSync } from 'node:child_process';
import { DEFAULT_SOURCES } from '../../src/core/config';
import { median, round } from './stats';

export interface ScanTiming {
  /** Median wall-clock milliseconds over the runs. */
  readonly wallMs: number;
  /** Median user+system CPU milliseconds of the process tree. */
  readonly cpuMs: number;
  readonly runs: readonly number[];
}

/** The ID pattern for ripgrep's default engine: `\b` stands in for the core's lookarounds. */
export const RG_ID_PATTERN = '\\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[0-9]+\\b';

/** The files `check` reads with the corpus config: docs/**\/*.md plus the default source globs. */
export function rgGlobs(): string[] {
  const exts = DEFAULT_SOURCES.map((g) => /\*\.(?:\{([^}]*)\}|(\w+))$/.exec(g)).flatMap((m) => (m ? (m[1] ?? m[2]).split(',') : []));
  return ['-g', 'docs/**/*.md', '-g', `*.{${exts.join(',')}}`];
}

/**
 * Runs a shell command once untimed (so both tools find the files in the page cache; `warmUp`
 * false when they already are) and then `runs` times; bash's `times` gives the CPU time of its children.
 */
export function timeCommand(command: string, runs: number, okCodes = [0], warmUp = true): ScanTiming {
  const walls: number[] = [];
  const cpus: number[] = [];
  if (warmUp) spawnSync('bash', ['-c', command]);
  for (let i = 0; i < runs; i++) {
    const { wallMs, cpuMs } = timeOnce(command, okCodes);
    walls.push(wallMs);
    cpus.push(cpuMs);
  }
  return timing(walls, cpus);
}

/** One run of a shell command: wall and CPU milliseconds. */
export function timeOnce(command: string, okCodes = [0]): { wallMs: number; cpuMs: number } {
  const t = performance.now();
  const r = spawnSync('bash', ['-c', `${command}; code=$?; times; exit $code`], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - t;
  if (r.status === null || !okCodes.includes(r.status)) throw new Error(`'${command}' exited with ${r.status}: ${r.stderr}`);
  const lines = r.stdout.trim().split('\n');
  return { wallMs, cpuMs: parseTimes(lines[lines.length - 1]) };
}

/** Medians of samples taken one by one. */
export function timing(walls: readonly number[], cpus: readonly number[]): ScanTiming {
  return { wallMs: round(median(walls)), cpuMs: round(median(cpus)), runs: walls.map(round) };
}

/** `0m0.530s 0m0.070s` → 600. */
function parseTimes(line: string): number {
  return line.split(/\s+/).map((t) => /(\d+)m([\d.]+)s/.exec(t)).reduce((s, m) => s + (m ? (Number(m[1]) * 60 + Number(m[2])) * 1000 : 0), 0);
}

/** `rg --count-matches` over the corpus: matches found and files searched, as a sanity check of equivalence. */
export function rgCounts(rg: string, root: string): { matches: number; files: number } {
  const count = spawnSync(rg, ['--count-matches', ...rgArgs()], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const files = spawnSync(rg, ['--files', '--no-ignore', ...rgGlobs(), '.'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const matches = count.stdout.split('\n').reduce((s, l) => s + (Number(l.slice(l.lastIndexOf(':') + 1)) || 0), 0);
  return { matches, files: files.stdout.split('\n').filter(Boolean).length };
}

/** Arguments of the ripgrep scan, run from the corpus root: every ID-shaped match in the files `check` reads. */
export function rgArgs(): string[] {
  // The path must be given: without one, ripgrep reads standard input when it is not a terminal.
  return ['--no-ignore', '--no-messages', ...rgGlobs(), '-e', RG_ID_PATTERN, '.'];
}

export function shellQuote(args: readonly string[]): string {
  return args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
}
