import * as path from 'node:path';
import { scoreCorpus, totals, type SetScore } from './recallScore';

/**
 * `npm run recall -- <corpus> [--verbose]`: recall and false positives of requirement definitions
 * on a corpus of documents with expected.json files (see recallScore.ts), by category and in all.
 */
async function main(argv: readonly string[]): Promise<void> {
  const dirs = argv.filter((a) => !a.startsWith('--'));
  const verbose = argv.includes('--verbose');
  if (dirs.length === 0) throw new Error('usage: npm run recall -- <corpus folder>... [--verbose]');
  const scores: SetScore[] = [];
  for (const dir of dirs) scores.push(...(await scoreCorpus(path.resolve(dir))));
  const categories = [...new Set(scores.map((s) => s.category))];
  const rows = [...categories.map((c) => [c, scores.filter((s) => s.category === c)] as const), ['all', scores] as const];
  console.log('| Documents | Sets | Definitions | Recognised | Recall | Spurious | Per 100 | Diagnostics |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const [name, list] of rows) {
    const t = totals(list);
    const diags = new Map<string, number>();
    for (const s of list) for (const [code, n] of Object.entries(s.diagnostics)) diags.set(code, (diags.get(code) ?? 0) + n);
    const d = [...diags].map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
    console.log(`| ${name} | ${list.length} | ${t.expected} | ${t.matched} | ${(100 * t.recall).toFixed(1)}% | ${t.spurious} | ${t.falsePer100.toFixed(2)} | ${d} |`);
  }
  if (!verbose) return;
  for (const s of scores) {
    if (s.missed.length === 0 && s.spurious.length === 0) continue;
    console.log(`\n${s.category}/${s.set}: ${s.matched}/${s.expected}, ${s.sameLine} on the expected line`);
    for (const m of s.missed) console.log(`  missed   ${m.file}:${m.line} ${m.id}${m.form ? ` (${m.form})` : ''}`);
    for (const f of s.spurious) console.log(`  spurious ${f.file}:${f.line} ${f.id}`);
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
