import { EN_PRODUCTS, ZH_PRODUCTS } from './corpusWords';
import { Random } from './random';

/** What `npm run bench:corpus` is asked for. */
export interface CorpusOptions {
  readonly docs: number;
  readonly reqsPerDoc: number;
  readonly codeFiles: number;
  readonly seed: number;
}

export interface Product {
  readonly code: string;
  readonly name: string;
  readonly zh: boolean;
  /** Folder below docs/ and src/; Chinese products sometimes use Chinese folder names. */
  readonly folder: string;
  readonly brIds: string[];
  readonly reqIds: string[];
}

/** Planted problems, so `check` has realistic findings to report (a few percent of docs). */
export type Problem = 'bad-status' | 'missing-section' | 'unknown-trace' | 'duplicate';

export interface DocPlan {
  readonly rel: string;
  readonly type: 'prd' | 'brd';
  readonly product: Product;
  readonly zh: boolean;
  readonly form: 'heading' | 'table' | 'mixed';
  /** Requirement IDs defined here, in order (NFRs last). */
  readonly ids: string[];
  readonly problem?: Problem;
  /** For 'duplicate': an ID another doc defines too. */
  readonly duplicateOf?: string;
}

export interface CorpusPlan {
  readonly products: Product[];
  readonly docs: DocPlan[];
}

/**
 * Decides every doc and requirement ID before any text is written, so traces point at BRs that
 * exist and the total is exactly docs × reqsPerDoc distinct IDs.
 */
export function planCorpus(options: CorpusOptions, rng: Random): CorpusPlan {
  const productCount = Math.max(2, Math.ceil(options.docs / 25));
  const codes = uniqueCodes(productCount, rng);
  const products: Product[] = codes.map((code, i) => {
    const zh = i % 3 === 1;
    const base = (zh ? ZH_PRODUCTS : EN_PRODUCTS)[i % 20];
    const round = Math.floor(i / 20);
    const name = round ? `${base} ${round + 1}` : base;
    const folder = zh && i % 2 === 0 ? name.replace(/ /g, '') : `${code.toLowerCase()}-${slug(zh ? code : name)}`;
    return { code, name, zh, folder, brIds: [], reqIds: [] };
  });
  const counts = jitteredCounts(options.docs, options.reqsPerDoc, rng);
  const perProduct = new Map<Product, number>();
  const counters = new Map<string, number>();
  const nextId = (prefix: string, product: Product, width: number) => {
    const key = `${prefix}-${product.code}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    return `${key}-${String(n).padStart(width, '0')}`;
  };
  const docs: DocPlan[] = [];
  for (let d = 0; d < options.docs; d++) {
    const product = products[d % productCount];
    const k = perProduct.get(product) ?? 0;
    perProduct.set(product, k + 1);
    const type = k % 5 === 0 && options.docs >= 2 * productCount ? 'brd' : 'prd';
    const ids: string[] = [];
    const nfr = type === 'prd' && counts[d] >= 6 && rng.chance(0.5) ? 1 : 0;
    for (let r = 0; r < counts[d] - nfr; r++) ids.push(type === 'brd' ? nextId('BR', product, 3) : nextId('REQ', product, 4));
    for (let r = 0; r < nfr; r++) ids.push(nextId('NFR', product, 2));
    (type === 'brd' ? product.brIds : product.reqIds).push(...ids);
    const roll = rng.next();
    const problem: Problem | undefined = roll < 0.01 ? 'bad-status' : roll < 0.02 ? 'missing-section' : roll < 0.03 ? 'unknown-trace' : roll < 0.033 ? 'duplicate' : undefined;
    const form = rng.chance(0.6) ? 'heading' : rng.chance(0.6) ? 'table' : 'mixed';
    const name = type === 'brd' ? `brd-${k + 1}` : `prd-${k + 1}`;
    const rel = `docs/${product.folder}/${product.zh && k % 7 === 3 ? `${name}-${product.name.replace(/ /g, '')}` : name}.md`;
    docs.push({ rel, type, product, zh: product.zh, form, ids, problem });
  }
  // A duplicate re-defines an ID planned elsewhere (never its own), keeping the distinct count exact.
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d];
    if (doc.problem !== 'duplicate') continue;
    const other = docs[(d + productCount) % docs.length];
    const dup = other !== doc && other.type === doc.type ? other.ids[0] : undefined;
    docs[d] = dup ? { ...doc, duplicateOf: dup } : { ...doc, problem: undefined };
  }
  return { products, docs };
}

/** Counts around `mean` that sum to exactly docs × mean (pairs trade requirements). */
function jitteredCounts(docs: number, mean: number, rng: Random): number[] {
  const counts = new Array<number>(docs).fill(mean);
  for (let i = 0; i + 1 < docs; i += 2) {
    const d = rng.int(0, Math.floor(mean / 2));
    counts[i] += d;
    counts[i + 1] -= d;
  }
  return counts;
}

const RESERVED = new Set(['REQ', 'NFR', 'BR', 'PRD', 'BRD', 'MRD', 'UTF', 'SHA', 'ISO', 'AES', 'RFC', 'CVE', 'PCI', 'TLS', 'GB', 'HTTP', 'COVID', 'X']);

function uniqueCodes(n: number, rng: Random): string[] {
  const seen = new Set<string>();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  while (seen.size < n) {
    const code = Array.from({ length: 3 }, () => rng.pick([...letters])).join('');
    if (!RESERVED.has(code)) seen.add(code);
  }
  return [...seen];
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
