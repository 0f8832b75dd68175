import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CorpusOptions } from './corpusPlan';
import { generateCorpus, isCurrent, readManifest } from './generateCorpus';
import { hostileTable, measureHostile } from './hostileInputs';
import { markdownTable, textTable } from './report';
import type { BenchResults, Machine, SizeResult } from './results';
import { measureCaches } from './cacheTimes';
import { measurePeers } from './peers';
import { rgArgs, rgCounts, shellQuote, timeCommand } from './scanTimes';
import { SIZES } from './sizes';

/** npm runs scripts from the package root; the built harness lives in a tool cache (see build.mjs). */
const BENCH = path.resolve('bench');
const ACTIVATIONS = 5;
const OUT = __dirname;

/**
 * `npm run bench [-- --sizes small,medium] [--runs N]`: generates missing corpora, measures each
 * in fresh child processes, prints the table and writes bench/results/*.json and *.md.
 */
async function main(argv: readonly string[]): Promise<void> {
  const started = performance.now();
  const arg = (name: string) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
  // `hostile` is the set of pathological inputs (hostileInputs.ts), measured after the corpora.
  const wanted = (arg('sizes') ?? 'small,medium,large,hostile').split(',');
  const sizes = wanted.filter((s) => s !== 'hostile');
  for (const s of sizes) if (!SIZES[s]) throw new Error(`Unknown size '${s}' (small, medium, large, hostile)`);
  const runs = Number(arg('runs') ?? 3);
  // The peers take minutes per run on the large corpus (remark about three): `--peers small,medium` leaves them out there.
  const peerSizes = new Set((arg('peers') ?? sizes.join(',')).split(','));
  const notes: string[] = [];
  const rg = ensureRipgrep(notes);
  const machine: Machine = {
    cpu: cpuModel(), cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}`,
    node: process.version, ripgrep: rg ? spawnSync(rg, ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] : undefined,
    load: { start: os.loadavg()[0] },
  };
  log(`Specboard bench on ${machine.cpu} (${machine.cores} cores), Node ${machine.node}, load ${machine.load.start.toFixed(1)}`);
  const results: SizeResult[] = [];
  for (const name of sizes) results.push(measureSize(name, SIZES[name], runs, rg, notes, peerSizes.has(name)));
  let hostile: BenchResults['hostile'];
  if (wanted.includes('hostile')) {
    log('hostile: pathological inputs, check and export html');
    hostile = measureHostile(path.join(BENCH, 'corpus', 'hostile'), path.join(OUT, 'prod', 'cli.js'), runs);
  }
  const bundles = Object.fromEntries(['extension.js', 'cli.js'].map((f) => {
    const bytes = fs.readFileSync(path.join(OUT, 'prod', f));
    return [f, { bytes: bytes.length, gzipBytes: gzipSync(bytes).length }];
  }));
  const all: BenchResults = {
    date: new Date().toISOString(), machine: { ...machine, load: { ...machine.load, end: os.loadavg()[0] } }, bundles, sizes: results, hostile, notes,
    totalMs: Math.round(performance.now() - started),
  };
  const dir = path.join(BENCH, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = all.date.replace(/[:.]/g, '-');
  for (const file of [`bench-${stamp}`, 'latest']) {
    fs.writeFileSync(path.join(dir, `${file}.json`), `${JSON.stringify(all, null, 2)}\n`);
    fs.writeFileSync(path.join(dir, `${file}.md`), `${markdownTable(all)}\n${hostile ? `\n${hostileTable(hostile, true)}\n` : ''}`);
  }
  console.log(`\n${textTable(all)}`);
  if (hostile) console.log(`\n${hostileTable(hostile, false)}`);
  for (const n of notes) console.log(`note: ${n}`);
  console.log(`\nWrote ${path.relative(process.cwd(), path.join(dir, 'latest.json'))} (and .md) in ${(all.totalMs / 1000).toFixed(0)} s`);
}

function measureSize(name: string, options: CorpusOptions, runs: number, rg: string | undefined, notes: string[], withPeers: boolean): SizeResult {
  const root = path.join(BENCH, 'corpus', name);
  let generateMs: number | undefined;
  if (!isCurrent(root, options)) {
    log(`${name}: generating corpus (${options.docs} docs × ${options.reqsPerDoc} requirements, ${options.codeFiles} source files)`);
    generateMs = generateCorpus(root, options).generateMs;
  }
  const manifest = readManifest(root)!;
  log(`${name}: CLI check ×${runs}`);
  const cli = timeCommand(`node ${shellQuote([path.join(OUT, 'prod', 'cli.js'), 'check', root, '--format', 'json'])} > /dev/null`, runs, [0, 1]);
  const cliRssMb = cliPeakRss(root);
  log(`${name}: CLI check --cache ×${runs}, nothing changed, then one doc changed, then one source file`);
  const [cliCache] = measureCaches([path.join(OUT, 'prod', 'cli.js')], root, runs);
  let rgResult: SizeResult['rg'];
  if (rg) {
    log(`${name}: ripgrep ×${runs}`);
    const timing = timeCommand(`cd ${shellQuote([root])} && ${shellQuote([rg, '--count-matches', ...rgArgs()])} > /dev/null`, runs + 2, [0, 1]);
    rgResult = { ...timing, ...rgCounts(rg, root) };
  }
  const peers = withPeers ? measurePeers(root, runs, notes, log) : [];
  if (!withPeers) notes.push(`Peers not run on ${name} (--peers).`);
  log(`${name}: core in-process (index, incremental updates, keystrokes)`);
  const core = child('measureCore.js', [root]);
  log(`${name}: memory`);
  const memory = child('measureMemory.js', [root], ['--expose-gc']);
  log(`${name}: extension (activation ×${ACTIVATIONS}, background index, providers)`);
  const bundle = path.join(OUT, 'prod', 'extension.js');
  // Activation is a few tens of milliseconds, so one sample says little: the median of several fresh processes.
  const activations = Array.from({ length: ACTIVATIONS }, () => child('measureExtension.js', [root, bundle, '--activation-only']) as { requireMs: number; activateMs: number });
  const typical = activations.sort((a, b) => a.requireMs + a.activateMs - (b.requireMs + b.activateMs))[Math.floor(ACTIVATIONS / 2)];
  const extension = { ...(child('measureExtension.js', [root, bundle], ['--expose-gc']) as SizeResult['extension']), ...typical };
  log(`${name}: extension warm start (a first window saves its index, a second restores it)`);
  child('measureExtension.js', [root, bundle, '--save'], ['--expose-gc']);
  const warmStart = child('measureExtension.js', [root, bundle, '--warm'], ['--expose-gc']) as SizeResult['warmStart'];
  return {
    name,
    corpus: { docs: manifest.docs, requirements: manifest.requirements, codeFiles: manifest.codeFiles, mb: manifest.bytes / 1e6, generateMs },
    cli, cliRssMb, cliCache, rg: rgResult, peers, core: core as SizeResult['core'], memory: memory as SizeResult['memory'], extension, warmStart,
  };
}

/** Runs one measurement script in a fresh Node and parses the JSON line it prints. */
/**
 * The CLI's peak resident set in one `check --format json`, as getrusage reports it at exit
 * (what `/usr/bin/time -f %M` prints), through a preload that writes it to a file: GNU time is
 * not on every machine. MiB, as every memory row of the bench.
 */
function cliPeakRss(root: string): number {
  const preload = path.join(OUT, 'rss-at-exit.cjs');
  const out = path.join(OUT, 'rss-at-exit.txt');
  fs.writeFileSync(preload, "process.on('exit', () => require('fs').writeFileSync(process.env.SPECBOARD_BENCH_RSS, String(process.resourceUsage().maxRSS)));\n");
  fs.rmSync(out, { force: true });
  const r = spawnSync(process.execPath, ['-r', preload, path.join(OUT, 'prod', 'cli.js'), 'check', root, '--format', 'json'], { stdio: 'ignore', env: { ...process.env, SPECBOARD_BENCH_RSS: out } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`check for its peak RSS exited with ${r.status ?? r.signal}`);
  return Math.round(Number(fs.readFileSync(out, 'utf8')) / 1024);
}

function child(script: string, args: string[], nodeArgs: string[] = []): unknown {
  const r = spawnSync(process.execPath, [...nodeArgs, path.join(OUT, script), ...args], { encoding: 'utf8', maxBuffer: 1 << 26, timeout: 10 * 60_000, stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${script} failed (${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** ripgrep is the floor the CLI is compared with; install it from Debian when we can. */
function ensureRipgrep(notes: string[]): string | undefined {
  const found = () => spawnSync('rg', ['--version']).status === 0;
  if (found()) return 'rg';
  if (process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0) {
    log('ripgrep not found: installing it with apt-get (Debian package ripgrep)');
    let r = spawnSync('apt-get', ['install', '-y', '-q', 'ripgrep'], { stdio: 'inherit' });
    if (r.status !== 0) {
      spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
      r = spawnSync('apt-get', ['install', '-y', '-q', 'ripgrep'], { stdio: 'inherit' });
    }
    if (found()) return 'rg';
  }
  notes.push('ripgrep (rg) is not installed and could not be installed (needs root and apt-get): the ripgrep column is skipped. Install it with `sudo apt-get install ripgrep`.');
  return undefined;
}

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    // Not Linux: fall back to what Node reports.
  }
  return os.cpus()[0]?.model ?? 'unknown CPU';
}

function log(text: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
