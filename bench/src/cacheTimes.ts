import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { shellQuote, timeOnce, timing, type ScanTiming } from './scanTimes';

export interface CacheTimings {
  /** `check --cache` with a filled cache and nothing changed since. */
  readonly warm: ScanTiming;
  /** The same, with one document's text changed before each run. */
  readonly oneDocChanged: ScanTiming;
  /** The same, with one source file's text changed before each run. */
  readonly oneSourceChanged?: ScanTiming;
}

/**
 * `specboard check --cache` on the corpus, as CI would run it on its second push: with nothing
 * changed, then with one document edited before every run, then one source file. Each CLI build
 * given has its own cache, and the builds take turns run by run, so that an A/B comparison on a
 * shared machine sees the same load. Each edit appends a line no earlier run saw, so every build
 * sees a change whatever the others did. Files are replaced by a rename, never written in place
 * (corpora may be hard-linked into other checkouts), and put back as they were at the end.
 */
export function measureCaches(clis: readonly string[], root: string, runs: number): CacheTimings[] {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'specboard-bench-cache-'));
  const edited = [firstFile(path.join(root, 'docs'), '.md'), firstFile(path.join(root, 'src'), '')];
  const originals = edited.map((file, i) => {
    const copy = path.join(dir, `original-${i}`);
    copyFileSync(file, copy);
    return copy;
  });
  let n = 0;
  const edit = (i: number) => {
    writeFileSync(`${edited[i]}.swap`, `${readFileSync(originals[i], 'utf8')}\n${i === 0 ? 'A line' : '// A line'} the bench added (${++n}).\n`);
    renameSync(`${edited[i]}.swap`, edited[i]);
  };
  try {
    const check = clis.map((cli, c) => `node ${shellQuote([cli, 'check', root, '--format', 'json', '--cache', '--cache-location', path.join(dir, `cache-${c}`)])} > /dev/null`);
    const scenario = (before?: () => void) => clis.map((_, c) => {
      const walls: number[] = [];
      const cpus: number[] = [];
      return { walls, cpus, run: () => { before?.(); const t = timeOnce(check[c], [0, 1]); walls.push(t.wallMs); cpus.push(t.cpuMs); } };
    });
    // The first run of each build fills its cache (and the page cache), untimed.
    for (const c of check) timeOnce(c, [0, 1]);
    const warm = scenario();
    const doc = scenario(() => edit(0));
    const source = scenario(() => edit(1));
    for (const s of [warm, doc, source]) for (let r = 0; r < runs; r++) for (const b of s) b.run();
    return clis.map((_, c) => ({
      warm: timing(warm[c].walls, warm[c].cpus),
      oneDocChanged: timing(doc[c].walls, doc[c].cpus),
      oneSourceChanged: timing(source[c].walls, source[c].cpus),
    }));
  } finally {
    edited.forEach((file, i) => {
      copyFileSync(originals[i], `${file}.swap`);
      renameSync(`${file}.swap`, file);
    });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first file below `folder` whose name ends with `suffix`, in name order. */
function firstFile(folder: string, suffix: string): string {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(folder, entry.name);
    if (entry.isFile() && entry.name.endsWith(suffix)) return p;
    if (entry.isDirectory()) {
      const found = firstFile(p, suffix);
      if (found) return found;
    }
  }
  return '';
}
