import type { RequirementIndex } from './requirementIndex';

/** Front matter of a product doc, flattened for views and listings. */
export interface DocSummary {
  readonly path: string;
  readonly type: string;
  readonly id?: string;
  readonly title?: string;
  readonly stage?: string;
  readonly status?: string;
  readonly owner?: string;
  readonly product?: string;
  readonly release?: string;
  readonly version?: string;
  readonly requirementCount: number;
}

/** Every typed document in the index, by path. */
export function documentSummaries(index: RequirementIndex): DocSummary[] {
  const out: DocSummary[] = [];
  const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
  for (const entry of index.entries()) {
    // Typed by front matter, or by the config's `types` (then without front-matter fields).
    if (!entry.parsed.docType) continue;
    const data = entry.parsed.frontMatter?.data ?? {};
    out.push({
      path: entry.path, type: entry.parsed.docType, id: str(data.id), title: str(data.title), stage: str(data.stage),
      status: str(data.status), owner: str(data.owner), product: str(data.product), release: str(data.release),
      version: str(data.version), requirementCount: entry.parsed.requirements.length,
    });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
