import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { shellQuote, timeCommand, type ScanTiming } from './scanTimes';

export interface CacheTimings {
  /** `check --cache` with a filled cache and nothing changed since. */
  readonly warm: ScanTiming;
  /** The same, with one document's text changed before each run. */
  readonly oneDocChanged: ScanTiming;
}

/**
 * `specboard check --cache` on the corpus, as CI would run it on its second push: first with
 * nothing changed, then with one document edited before every run (a line added, then taken out
 * again). The document is replaced by a rename, never written in place: corpora may be hard-linked
 * into other checkouts. It is put back as it was at the end.
 */
export function measureCache(cli: string, root: string, runs: number): CacheTimings {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'specboard-bench-cache-'));
  try {
    const check = `node ${shellQuote([cli, 'check', root, '--format', 'json', '--cache', '--cache-location', path.join(dir, 'cache.json')])} > /dev/null`;
    // timeCommand runs the command once untimed first: that run fills the cache.
    const warm = timeCommand(check, runs, [0, 1]);
    const doc = firstDoc(path.join(root, 'docs'));
    const original = path.join(dir, 'original.md');
    const edited = path.join(dir, 'edited.md');
    copyFileSync(doc, original);
    writeFileSync(edited, `${readFileSync(doc, 'utf8')}\nA line the bench added.\n`);
    const swap = `if cmp -s ${shellQuote([doc, original])}; then cp ${shellQuote([edited, `${doc}.swap`])}; else cp ${shellQuote([original, `${doc}.swap`])}; fi; mv ${shellQuote([`${doc}.swap`, doc])}`;
    try {
      return { warm, oneDocChanged: timeCommand(`${swap}; ${check}`, runs, [0, 1]) };
    } finally {
      copyFileSync(original, `${doc}.swap`);
      renameSync(`${doc}.swap`, doc);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The first Markdown file below `folder`, in name order. */
function firstDoc(folder: string): string {
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(folder, entry.name);
    if (entry.isFile() && entry.name.endsWith('.md')) return p;
    if (entry.isDirectory()) {
      const found = firstDoc(p);
      if (found) return found;
    }
  }
  return '';
}
