import type { DocSummary } from './specboard';
import { trimChars } from './trimChars';

/**
 * How documents group into products. Docs name their product in front matter; when a workspace has
 * exactly one named product, docs that leave `product` out belong to it too (small teams rarely
 * bother to repeat it), otherwise they form one unnamed group per workspace folder.
 */
export interface ProductGroup {
  /** Stable key: the product name, or `\0` + root for unnamed docs. */
  readonly key: string;
  readonly product?: string;
  /** The workspace folder of the group's first document (config and deliverables come from it). */
  readonly root: string;
  readonly documents: readonly DocSummary[];
}

export function groupByProduct(docs: readonly DocSummary[], rootOf: (path: string) => string): ProductGroup[] {
  const keyOf = productKeyResolver(docs, rootOf);
  const groups = new Map<string, { product?: string; root: string; documents: DocSummary[] }>();
  for (const doc of docs) {
    const key = keyOf(doc, doc.path);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { product: key.startsWith('\0') ? undefined : key, root: rootOf(doc.path), documents: [] }));
    group.documents.push(doc);
  }
  // Named products alphabetically (the same order in every view), unnamed groups last.
  return [...groups.entries()]
    .sort(([a, x], [b, y]) => Number(x.product === undefined) - Number(y.product === undefined) || a.localeCompare(b))
    .map(([key, g]) => ({ key, ...g }));
}

/** The product a document belongs to under the same rule as {@link groupByProduct}. */
export function productKeyResolver(docs: readonly DocSummary[], rootOf: (path: string) => string): (doc: DocSummary | undefined, path: string) => string {
  const named = new Set(docs.map((d) => d.product?.trim()).filter((p): p is string => !!p));
  const only = named.size === 1 ? [...named][0] : undefined;
  return (doc, path) => doc?.product?.trim() || only || `\0${rootOf(path)}`;
}

const ID_SUFFIX = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;

/**
 * The part of a new document ID that names the product: the product name when it is plain ASCII
 * (`Shop` → `SHOP`), else the suffix its existing docs share most (`BRD-PAY`, `PRD-PAY` → `PAY`).
 */
export function productIdSuffix(product: string | undefined, docs: readonly DocSummary[]): string | undefined {
  const ascii = product?.trim().toUpperCase().replace(/[\s_]+/g, '-');
  if (ascii && ID_SUFFIX.test(ascii)) return ascii;
  const counts = new Map<string, number>();
  for (const d of docs) {
    const dash = d.id?.indexOf('-') ?? -1;
    if (!d.id || dash < 0) continue;
    const suffix = d.id.slice(dash + 1).split('-')[0];
    if (ID_SUFFIX.test(suffix)) counts.set(suffix, (counts.get(suffix) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [s, n] of counts) if (!best || n > counts.get(best)! || (n === counts.get(best) && s < best)) best = s;
  return best;
}

/** `base`, or `base-2`, `base-3`… whichever is not taken yet. */
export function uniqueName(base: string, taken: (candidate: string) => boolean, join = (b: string, n: number) => `${b}-${n}`): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(join(base, n))) return join(base, n);
}

/**
 * Where a product's new documents go: the folder most of its documents live in, else
 * `docs/<product>` (or `docs`) below the workspace folder.
 */
export function productFolder(root: string, product: string | undefined, docs: readonly DocSummary[]): string {
  const counts = new Map<string, number>();
  for (const d of docs) {
    const dir = d.path.slice(0, d.path.lastIndexOf('/'));
    counts.set(dir, (counts.get(dir) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [dir, n] of counts) if (!best || n > counts.get(best)! || (n === counts.get(best) && dir < best)) best = dir;
  if (best) return best;
  const slug = product ? slugify(product) : '';
  return slug ? `${root}/docs/${slug}` : `${root}/docs`;
}

/** A file-name-safe form of a name: lower-case ASCII words joined by dashes; CJK kept as is. */
export function slugify(name: string): string {
  return trimChars(name.trim().toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-'), '-');
}
