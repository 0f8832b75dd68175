import type { CacheTimings } from './cacheTimes';
import type { HostileResult } from './hostileInputs';
import type { CoreResult } from './measureCore';
import type { ExtensionResult, WarmStartResult } from './measureExtension';
import type { MemoryResult } from './measureMemory';
import type { PeerResult } from './peers';
import type { ScanTiming } from './scanTimes';

/** Everything `npm run bench` measured for one corpus. */
export interface SizeResult {
  readonly name: string;
  readonly corpus: { docs: number; requirements: number; codeFiles: number; mb: number; generateMs?: number };
  readonly cli: ScanTiming;
  /** Peak resident set of one `check --format json` process (getrusage, MiB as the other rows). */
  readonly cliRssMb?: number;
  /** `check --cache`: warm with nothing changed, and with one doc changed (cacheTimes.ts). */
  readonly cliCache?: CacheTimings;
  readonly rg?: ScanTiming & { matches: number; files: number };
  /** Other tools on the same docs (peers.ts); a peer that could not run is missing, with a note. */
  readonly peers?: readonly PeerResult[];
  readonly core: CoreResult;
  readonly memory: MemoryResult;
  readonly extension: ExtensionResult;
  /** A window opened again with the index the previous one saved (measureExtension --warm). */
  readonly warmStart?: WarmStartResult;
}

export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly ripgrep?: string;
  /** 1-minute load average before and after: other work on the machine skews every number. */
  readonly load: { start: number; end?: number };
}

export interface BenchResults {
  readonly date: string;
  readonly machine: Machine;
  readonly bundles: Record<string, { bytes: number; gzipBytes: number }>;
  readonly sizes: SizeResult[];
  /** Pathological inputs (hostileInputs.ts), when measured. */
  readonly hostile?: readonly HostileResult[];
  readonly notes: string[];
  readonly totalMs: number;
}

export interface TargetCheck {
  readonly target: string;
  readonly limit: string;
  readonly measured: string;
  readonly met: boolean;
}

/** The targets, judged on the largest corpus that was run. */
export function checkTargets(r: SizeResult): TargetCheck[] {
  const out: TargetCheck[] = [];
  const add = (target: string, limit: string, measured: string, met: boolean) => out.push({ target, limit, measured, met });
  if (r.rg) {
    const ratio = r.cli.wallMs / r.rg.wallMs;
    add('CLI check vs ripgrep (wall)', '≤ 3×', `${ratio.toFixed(1)}× (${s(r.cli.wallMs)} vs ${s(r.rg.wallMs)})`, ratio <= 3);
  }
  const inc = Math.max(r.core.incrementalDoc.p95, r.core.incrementalSource.p95);
  add('Incremental update (doc or source save, p95)', '< 20 ms', `${ms(r.core.incrementalDoc.p95)} doc, ${ms(r.core.incrementalSource.p95)} source`, inc < 20);
  for (const [name, sum] of [['Completion', r.extension.completion], ['Hover', r.extension.hover], ['Definition', r.extension.definition]] as const) {
    add(`${name} p95`, '< 10 ms', ms(sum.p95), sum.p95 < 10);
  }
  add('Keystroke re-validation, 2,000-req PRD (p95)', '< 30 ms', `${ms(r.core.keystrokeText.p95)} typing text, ${ms(r.core.keystrokeNewId.p95)} typing a new ID`,
    Math.max(r.core.keystrokeText.p95, r.core.keystrokeNewId.p95) < 30);
  const activation = r.extension.requireMs + r.extension.activateMs;
  add('Activation (load bundle + activate())', '< 50 ms', ms(activation), activation < 50);
  add('Heap after indexing (after GC)', '< 300 MB', `${r.memory.heapAfterGcMb} MB`, r.memory.heapAfterGcMb < 300);
  if (r.cliRssMb !== undefined) add('CLI check peak RSS (issue 14)', '≤ 300 MB', `${r.cliRssMb} MB`, r.cliRssMb <= 300);
  return out;
}

export function ms(v: number): string {
  return v >= 1000 ? s(v) : `${v < 10 ? v.toFixed(2) : v.toFixed(v < 100 ? 1 : 0)} ms`;
}

export function s(v: number): string {
  return `${(v / 1000).toFixed(v < 10000 ? 2 : 1)} s`;
}
