import { checkTargets, ms, s, type BenchResults, type SizeResult } from './results';
import { PEERS } from './peers';
import type { Summary } from './stats';

type Row = [string, (r: SizeResult) => string];

const pp = (x: Summary) => `${ms(x.p50)} / ${ms(x.p95)}`;
const kb = (v: number) => (v >= 1024 ? `${(v / 1024).toFixed(1)} MB` : `${v.toFixed(v < 10 ? 1 : 0)} KB`);
const ROWS: Row[] = [
  ['Docs / requirements / source files', (r) => `${r.corpus.docs.toLocaleString('en')} / ${r.corpus.requirements.toLocaleString('en')} / ${r.corpus.codeFiles.toLocaleString('en')}`],
  ['Corpus size', (r) => `${r.corpus.mb.toFixed(0)} MB`],
  ['CLI `check`, cold process (wall, median)', (r) => s(r.cli.wallMs)],
  ['ripgrep, same files and ID pattern (wall)', (r) => (r.rg ? s(r.rg.wallMs) : 'n/a')],
  ['CLI ÷ ripgrep (wall / CPU)', (r) => (r.rg ? `${(r.cli.wallMs / r.rg.wallMs).toFixed(1)}× / ${(r.cli.cpuMs / r.rg.cpuMs).toFixed(1)}×` : 'n/a')],
  ['CLI `check --cache`, nothing changed (wall)', (r) => (r.cliCache ? s(r.cliCache.warm.wallMs) : 'n/a')],
  ['CLI `check --cache` ÷ ripgrep (wall / CPU)', (r) => (r.cliCache && r.rg ? `${(r.cliCache.warm.wallMs / r.rg.wallMs).toFixed(1)}× / ${(r.cliCache.warm.cpuMs / r.rg.cpuMs).toFixed(1)}×` : 'n/a')],
  ['CLI `check --cache`, one doc changed (wall)', (r) => (r.cliCache ? s(r.cliCache.oneDocChanged.wallMs) : 'n/a')],
  ['CLI `check --cache`, one source file changed (wall)', (r) => (r.cliCache?.oneSourceChanged ? s(r.cliCache.oneSourceChanged.wallMs) : 'n/a')],
  ...PEERS.flatMap(({ name, label }): Row[] => {
    const of = (r: SizeResult) => r.peers?.find((p) => p.name === name);
    return [
      [`${label} (wall)`, (r) => { const p = of(r); return p ? s(p.wallMs) : 'n/a'; }],
      [`CLI ÷ ${name} (wall)`, (r) => { const p = of(r); return p ? `${(r.cli.wallMs / p.wallMs).toFixed(2)}×` : 'n/a'; }],
    ];
  }),
  ['In-process cold index build', (r) => s(r.core.indexMs)],
  ['All diagnostics after index', (r) => ms(r.core.allDiagnosticsMs)],
  ['Incremental: save a doc (p50 / p95)', (r) => pp(r.core.incrementalDoc)],
  ['Incremental: save a source file (p50 / p95)', (r) => pp(r.core.incrementalSource)],
  ['Board after a save: rebuild, as before (p50 / p95)', (r) => pp(r.core.boardRebuild)],
  ['Board after a save: patch (p50 / p95)', (r) => pp(r.core.boardPatch)],
  ['Board message: whole model / largest patch', (r) => `${kb(r.core.boardModelKb)} / ${kb(r.core.boardPatchKbMax)}`],
  ['Completion (p50 / p95, 1,000 queries)', (r) => pp(r.extension.completion)],
  ['Hover (p50 / p95)', (r) => pp(r.extension.hover)],
  ['Definition (p50 / p95)', (r) => pp(r.extension.definition)],
  ['Keystroke, 2,000-req PRD, typing text (p50 / p95)', (r) => pp(r.core.keystrokeText)],
  ['Keystroke, 2,000-req PRD, typing a new ID (p50 / p95)', (r) => pp(r.core.keystrokeNewId)],
  ['Heap after index + GC / peak heap', (r) => `${r.memory.heapAfterGcMb} / ${r.memory.heapPeakMb} MB`],
  ['Peak RSS', (r) => `${r.memory.rssPeakMb} MB`],
  ['CLI `check`: peak RSS', (r) => (r.cliRssMb === undefined ? 'n/a' : `${r.cliRssMb} MB`)],
  ['Extension host: heap after index + GC / peak RSS', (r) => `${r.extension.heapAfterIndexMb} / ${r.extension.rssPeakMb} MB`],
  ['Activation: load bundle + activate()', (r) => `${ms(r.extension.requireMs + r.extension.activateMs)} (${ms(r.extension.requireMs)} + ${ms(r.extension.activateMs)})`],
  ['Extension background index', (r) => s(r.extension.backgroundIndexMs)],
  ['Longest event-loop block while indexing', (r) => ms(r.extension.maxBlockMs)],
  ['Warm start: saved index (gzip) / activate() → index answers', (r) => (r.warmStart ? `${kb(r.warmStart.snapshotKb)} / ${s(r.warmStart.answersMs)}` : 'n/a')],
  ['Warm start: → checked against the disk / longest block', (r) => (r.warmStart ? `${s(r.warmStart.revalidatedMs)} / ${ms(r.warmStart.maxBlockMs)}` : 'n/a')],
  ['Cancel from the progress notification', (r) => (r.extension.cancelMs !== undefined ? `stops in ${ms(r.extension.cancelMs)}`
    : r.extension.progressCancellable ? 'finished first' : 'no Cancel offered')],
];

/** Plain-text table for the terminal. */
export function textTable(results: BenchResults): string {
  const header = ['', ...results.sizes.map((r) => r.name)];
  const body = ROWS.map(([label, cell]) => [label, ...results.sizes.map(cell)]);
  const widths = header.map((_, c) => Math.max(...[header, ...body].map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];
  const largest = results.sizes[results.sizes.length - 1];
  if (largest) {
    out.push('', `Targets (${largest.name} corpus):`);
    for (const t of checkTargets(largest)) out.push(`  ${t.met ? 'met   ' : 'MISSED'}  ${t.target}: ${t.measured} (target ${t.limit})`);
  }
  out.push('', `Bundles: ${Object.entries(results.bundles).map(([k, v]) => `${k} ${(v.bytes / 1024).toFixed(0)} KB (${(v.gzipBytes / 1024).toFixed(0)} KB gzip)`).join(', ')}`);
  return out.join('\n');
}

/** The same table in Markdown, for the README's performance section. */
export function markdownTable(results: BenchResults): string {
  const header = `| | ${results.sizes.map((r) => r.name).join(' | ')} |`;
  const rule = `|---|${results.sizes.map(() => '---:').join('|')}|`;
  const rows = ROWS.map(([label, cell]) => `| ${label} | ${results.sizes.map(cell).join(' | ')} |`);
  const largest = results.sizes[results.sizes.length - 1];
  const targets = largest ? ['', `| Target (${largest.name} corpus) | Limit | Measured | |`, '|---|---|---|---|',
    ...checkTargets(largest).map((t) => `| ${t.target} | ${t.limit} | ${t.measured} | ${t.met ? 'met' : '**missed**'} |`)] : [];
  return [header, rule, ...rows, ...targets].join('\n');
}
