import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureCaches, type CacheTimings } from './cacheTimes';
import { isCurrent, readManifest } from './generateCorpus';
import { rgArgs, shellQuote, timeCommand, timing, timeOnce, type ScanTiming } from './scanTimes';
import { s } from './results';
import { SIZES } from './sizes';

/** npm runs scripts from the package root; the built harness lives in a tool cache (see build.mjs). */
const BENCH = path.resolve('bench');

/**
 * `npm run bench:cache [-- --sizes medium,large] [--runs N] [--builds a/cli.js,b/cli.js]`: only the
 * `check --cache` rows of the bench, beside ripgrep and a cold check, for working on the cache
 * without the minutes the peers and the in-process measures take. With several builds (an old and
 * a new one, say) every scenario alternates between them run by run, so both see the same load.
 */
function main(argv: readonly string[]): void {
  const arg = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
  const sizes = (arg('sizes') ?? 'medium').split(',');
  const runs = Number(arg('runs') ?? 5);
  const builds = (arg('builds') ?? path.join(__dirname, 'prod', 'cli.js')).split(',').map((b) => path.resolve(b));
  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(' ');
  const results: { size: string; rg?: ScanTiming; cold: ScanTiming[]; cache: CacheTimings[]; load: string[] }[] = [];
  for (const size of sizes) {
    const root = path.join(BENCH, 'corpus', size);
    const options = SIZES[size];
    // The corpus may be hard-linked into other checkouts: generating it is `npm run bench`'s job.
    if (!options || !isCurrent(root, options)) throw new Error(`No current ${size} corpus in ${root}: run \`npm run bench -- --sizes ${size}\` first`);
    const corpus = readManifest(root)!;
    const at = [load()];
    log(`${size}: ${corpus.docs} docs, ${corpus.requirements} requirements, ${corpus.codeFiles} sources; load ${at[0]}`);
    const rg = spawnSync('rg', ['--version']).status === 0
      ? timeCommand(`cd ${shellQuote([root])} && ${shellQuote(['rg', '--count-matches', ...rgArgs()])} > /dev/null`, runs + 2, [0, 1]) : undefined;
    log(`${size}: cold check ×${runs} per build`);
    const coldRuns = builds.map(() => ({ walls: [] as number[], cpus: [] as number[] }));
    for (const b of builds) timeOnce(`node ${shellQuote([b, 'check', root, '--format', 'json'])} > /dev/null`, [0, 1]);
    for (let r = 0; r < runs; r++) builds.forEach((b, i) => {
      const t = timeOnce(`node ${shellQuote([b, 'check', root, '--format', 'json'])} > /dev/null`, [0, 1]);
      coldRuns[i].walls.push(t.wallMs);
      coldRuns[i].cpus.push(t.cpuMs);
    });
    log(`${size}: check --cache ×${runs} per build: nothing changed, one doc changed, one source file changed`);
    const cache = measureCaches(builds, root, runs);
    at.push(load());
    results.push({ size, rg, cold: coldRuns.map((c) => timing(c.walls, c.cpus)), cache, load: at });
  }
  const cell = (t: ScanTiming | undefined, rg: ScanTiming | undefined) => (t ? `${s(t.wallMs)} / ${s(t.cpuMs)}${rg ? ` (${(t.wallMs / rg.wallMs).toFixed(1)}× / ${(t.cpuMs / rg.cpuMs).toFixed(1)}×)` : ''}` : 'n/a');
  for (const r of results) {
    console.log(`\n${r.size} (load average ${r.load.join(' → ')}); wall / CPU median of ${runs}, ratio to ripgrep`);
    console.log(`  ripgrep                      ${r.rg ? `${s(r.rg.wallMs)} / ${s(r.rg.cpuMs)}` : 'not installed'}`);
    builds.forEach((b, i) => {
      console.log(`  ${path.relative(process.cwd(), b) || b}`);
      console.log(`    cold check                 ${cell(r.cold[i], r.rg)}`);
      console.log(`    --cache, nothing changed   ${cell(r.cache[i].warm, r.rg)}`);
      console.log(`    --cache, one doc changed   ${cell(r.cache[i].oneDocChanged, r.rg)}`);
      console.log(`    --cache, one source changed ${cell(r.cache[i].oneSourceChanged, r.rg)}`);
    });
  }
  const out = path.join(BENCH, 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'cache-latest.json'), `${JSON.stringify({ date: new Date().toISOString(), builds, runs, results }, null, 2)}\n`);
}

function log(text: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
}

main(process.argv.slice(2));
