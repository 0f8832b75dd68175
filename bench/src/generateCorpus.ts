import * as fs from 'node:fs';
import * as path from 'node:path';
import { planCorpus, type CorpusOptions, type CorpusPlan, type DocPlan } from './corpusPlan';
import { docText } from './docWriter';
import { Random } from './random';
import { pickLanguage, sourceText } from './sourceWriter';

/** Bump when generated text changes, so stale corpora are regenerated instead of compared. */
export const GENERATOR_VERSION = 3;
/** Requirements in the PRD that the keystroke benchmark edits. */
export const KEYSTROKE_PRD_REQUIREMENTS = 2000;
/** Where the keystroke PRD is opened inside the workspace (as an editor buffer, not a file on disk). */
export const KEYSTROKE_PRD_REL = 'docs/core-platform/prd-core-platform.md';

export interface CorpusManifest {
  readonly generator: number;
  readonly options: CorpusOptions;
  readonly requirements: number;
  readonly docs: number;
  readonly codeFiles: number;
  readonly bytes: number;
  readonly products: number;
  readonly generateMs: number;
  /** The 2,000-requirement PRD, kept outside the workspace so every corpus size keeps its exact counts. */
  readonly keystrokePrd: string;
}

/** Folder holding a corpus's manifest and keystroke PRD, next to (never inside) the workspace. */
export function metaDir(root: string): string {
  return `${root}.meta`;
}

export function readManifest(root: string): CorpusManifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(metaDir(root), 'manifest.json'), 'utf8')) as CorpusManifest;
  } catch {
    return undefined;
  }
}

/** True when `root` holds a complete corpus generated from the same options by this generator. */
export function isCurrent(root: string, options: CorpusOptions): boolean {
  const m = readManifest(root);
  return !!m && m.generator === GENERATOR_VERSION && JSON.stringify(m.options) === JSON.stringify(options) && fs.existsSync(root);
}

/**
 * Writes a deterministic workspace: `.specboard/config.json`, PRDs and BRDs in English and Chinese
 * under docs/, and source files in several languages under src/ that reference the requirements.
 */
export function generateCorpus(root: string, options: CorpusOptions): CorpusManifest {
  const started = performance.now();
  const rng = new Random(options.seed);
  const plan = planCorpus(options, rng);
  fs.rmSync(root, { recursive: true, force: true });
  fs.rmSync(metaDir(root), { recursive: true, force: true });
  const made = new Set<string>();
  let bytes = 0;
  const write = (rel: string, text: string) => {
    const file = path.join(root, rel);
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
  };
  write('.specboard/config.json', `${JSON.stringify({ prefixes: ['REQ', 'BR', 'NFR'], include: ['docs/**/*.md'] }, null, 2)}\n`);
  for (const doc of plan.docs) write(doc.rel, docText(doc, rng));
  writeSources(plan, options.codeFiles, rng, write);
  fs.mkdirSync(metaDir(root), { recursive: true });
  const keystrokePrd = path.join(metaDir(root), 'prd-2000.md');
  fs.writeFileSync(keystrokePrd, keystrokePrdText(plan, options.seed));
  const manifest: CorpusManifest = {
    generator: GENERATOR_VERSION, options, requirements: new Set(plan.docs.flatMap((d) => d.ids)).size,
    docs: plan.docs.length, codeFiles: options.codeFiles, bytes, products: plan.products.length,
    generateMs: Math.round(performance.now() - started), keystrokePrd,
  };
  fs.writeFileSync(path.join(metaDir(root), 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

const MODULES = ['api', 'core', 'ui', 'jobs', 'storage', 'tests'];

function writeSources(plan: CorpusPlan, count: number, rng: Random, write: (rel: string, text: string) => void): void {
  const { products } = plan;
  for (let f = 0; f < count; f++) {
    const product = products[f % products.length];
    const lang = pickLanguage(rng);
    const refs: string[] = [];
    if (rng.chance(0.7)) {
      const pool = rng.chance(0.15) && product.brIds.length ? product.brIds : product.reqIds;
      if (pool.length) refs.push(...rng.sample(pool, rng.int(1, 4)));
    }
    // Some code cites requirements that were never written down (or were renumbered).
    if (rng.chance(0.02)) refs.push(`REQ-${product.code}-9${String(rng.int(0, 999)).padStart(3, '0')}`);
    const module = rng.pick(MODULES);
    write(`src/${product.code.toLowerCase()}/${module}/${module}_${f}.${lang.ext}`, sourceText(lang, refs, rng));
  }
}

/** The PRD a PM keeps open and types into: 2,000 requirements, half headings and half table rows. */
export function keystrokePrdText(plan: CorpusPlan, seed: number): string {
  const rng = new Random(seed ^ 0x5eed);
  const ids = Array.from({ length: KEYSTROKE_PRD_REQUIREMENTS }, (_, i) => `REQ-CORE-${String(i + 1).padStart(4, '0')}`);
  const product = { code: 'CORE', name: 'Core platform', zh: false, folder: 'core-platform', brIds: plan.products[0].brIds, reqIds: ids };
  const doc: DocPlan = { rel: KEYSTROKE_PRD_REL, type: 'prd', product, zh: false, form: 'mixed', ids };
  return docText(doc, rng);
}
