import * as path from 'node:path';
import { generateCorpus } from './generateCorpus';

/**
 * `npm run bench:corpus -- --docs N --reqs-per-doc M --code-files K [--out DIR] [--seed S]`:
 * writes one deterministic corpus (the bench generates its own three sizes on demand).
 */
function main(argv: readonly string[]): void {
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) throw new Error(`Unexpected argument '${argv[i]}'`);
    opts.set(argv[i].slice(2), argv[++i]);
  }
  const num = (key: string, fallback: number) => {
    const v = opts.has(key) ? Number(opts.get(key)) : fallback;
    if (!Number.isInteger(v) || v < 0) throw new Error(`--${key} must be a non-negative integer`);
    return v;
  };
  const docs = num('docs', 100);
  const reqsPerDoc = num('reqs-per-doc', 10);
  const codeFiles = num('code-files', 200);
  const seed = num('seed', 1);
  const out = path.resolve(opts.get('out') ?? path.join('bench', 'corpus', `custom-${docs}x${reqsPerDoc}-${codeFiles}`));
  const m = generateCorpus(out, { docs, reqsPerDoc, codeFiles, seed });
  console.log(`Wrote ${m.docs} docs (${m.requirements} requirements) and ${m.codeFiles} source files, ${(m.bytes / 1e6).toFixed(1)} MB, to ${out} in ${(m.generateMs / 1000).toFixed(1)} s`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 2;
}
