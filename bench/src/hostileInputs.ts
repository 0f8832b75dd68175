import * as fs from 'node:fs';
import * as path from 'node:path';
import { shellQuote, timeCommand } from './scanTimes';

/** One pathological document (or config) and what `check` and `export html` took on it. */
export interface HostileResult {
  readonly name: string;
  readonly description: string;
  readonly bytes: number;
  readonly checkMs: number;
  readonly exportMs: number;
}

const FRONT = '---\ntype: prd\nid: PRD-X\ntitle: X\n---\n';

/**
 * Inputs that once took seconds to minutes (issue 12): long runs of spaces where a pattern
 * anchored at the end backtracked, an ID of 100,000 segments, one ID defined 5,000 times, a
 * document of 20,000 requirements. Each should take well under a second of work per document.
 */
const CASES: readonly { name: string; description: string; files: () => Record<string, string> }[] = [
  { name: 'heading-spaces', description: '`# a`, 100,000 spaces, `b`', files: () => ({ 'a.md': `${FRONT}# a${' '.repeat(100_000)}b\n` }) },
  { name: 'heading-tabs', description: '`# a`, 100,000 tabs, `b`', files: () => ({ 'a.md': `${FRONT}# a${'\t'.repeat(100_000)}b\n` }) },
  { name: 'front-matter-spaces', description: '`title: a`, 60,000 spaces, `b`', files: () => ({ 'a.md': `---\ntype: prd\ntitle: a${' '.repeat(60_000)}b\n---\n# x\n` }) },
  { name: 'delimiter-spaces', description: 'a table delimiter row with 60,000 spaces', files: () => ({ 'a.md': `${FRONT}| ID | Title |\n|${' '.repeat(60_000)}---|---|\n| REQ-1 | x |\n` }) },
  { name: 'attribute-spaces', description: '`- a`, 10,000 spaces (an attribute-looking line)', files: () => ({ 'a.md': `${FRONT}### REQ-1: x\n- a${' '.repeat(10_000)}\n` }) },
  { name: 'capital-run', description: 'a data: URI image with a run of 100,000 `A` (zero bytes in base64)', files: () => ({ 'a.md': `${FRONT}# x\n\n![x](data:image/bmp;base64,${'A'.repeat(100_000)}1w)\n` }) },
  { name: 'id-segments', description: '`REQ` followed by 100,000 `-1` segments', files: () => ({ 'a.md': `${FRONT}### REQ${'-1'.repeat(100_000)}: x\n` }) },
  { name: 'duplicates', description: 'one ID defined 5,000 times', files: () => ({ 'a.md': FRONT + '### REQ-1: x\n- Priority: P1\n- Status: proposed\n\n'.repeat(5000) }) },
  {
    name: 'many-requirements', description: '20,000 requirements in one 0.9 MB table',
    files: () => ({ 'a.md': `${FRONT}| ID | Title | Priority | Status |\n|---|---|---|---|\n${Array.from({ length: 20_000 }, (_, i) => `| REQ-${i} | t${i} | P1 | proposed |\n`).join('')}` }),
  },
];

/** Writes each case into its own workspace under `root` and times the CLI on it (median of `runs`). */
export function measureHostile(root: string, cli: string, runs: number): HostileResult[] {
  const results: HostileResult[] = [];
  for (const c of CASES) {
    const dir = path.join(root, c.name);
    fs.rmSync(dir, { recursive: true, force: true });
    let bytes = 0;
    for (const [file, text] of Object.entries(c.files())) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
      bytes += Buffer.byteLength(text);
    }
    // A config of its own keeps each workspace to itself (no walking up into the others).
    fs.mkdirSync(path.join(dir, '.specboard'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.specboard', 'config.json'), '{}\n');
    const check = timeCommand(`node ${shellQuote([cli, 'check', dir, '--format', 'json'])} > /dev/null`, runs, [0, 1]);
    const out = path.join(root, `${c.name}-site`);
    const exported = timeCommand(`rm -rf ${shellQuote([out])} && node ${shellQuote([cli, 'export', 'html', dir, '--out', out])} > /dev/null`, runs, [0, 1]);
    results.push({ name: c.name, description: c.description, bytes, checkMs: check.wallMs, exportMs: exported.wallMs });
  }
  return results;
}

export function hostileTable(results: readonly HostileResult[], markdown: boolean): string {
  const rows = results.map((r) => [r.description, `${(r.bytes / 1024).toFixed(0)} KB`, `${r.checkMs} ms`, `${r.exportMs} ms`]);
  const header = ['Pathological input', 'Size', 'check', 'export html'];
  if (markdown) return [`| ${header.join(' | ')} |`, '|---|---:|---:|---:|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((row) => row[c].length)));
  return [header, ...rows].map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}
