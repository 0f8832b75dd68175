import { compareIds } from './compareIds';
import type { RequirementSummary } from './model';
import { productIdSuffix, productKeyResolver, uniqueName } from './products';
import type { DocTypeInfo } from './schemaSet';
import type { DocSummary, SpecQueries } from './specboard';
import type { Locale } from './types';
import { trimChars, trimEndChars } from './trimChars';

/** Requirement statuses that mean "ships in this release". */
export const DONE_STATUSES: ReadonlySet<string> = new Set(['done', 'verified']);

export interface ReleaseRequirement extends RequirementSummary {
  readonly docId?: string;
  readonly docType?: string;
}

/** One product's release (or its unscheduled requirements when `release` is undefined). */
export interface ReleaseGroup {
  /** Stable key: product key and release. */
  readonly key: string;
  readonly productKey: string;
  readonly product?: string;
  readonly release?: string;
  readonly requirements: readonly ReleaseRequirement[];
  /** Requirements whose status is done or verified. */
  readonly done: number;
}

// Made on first use: the first Intl object loads ICU's data, 10-40 ms that a run printing a cached report never needs.
const compareVersions = compareIds;

/**
 * Requirements by product and release: a requirement's own `release` attribute, else its
 * document's `release` field. Releases sort by version (2.9 before 2.10), unscheduled last.
 */
export function buildReleases(board: SpecQueries): ReleaseGroup[] {
  const docs = board.documents();
  const docByPath = new Map(docs.map((d) => [d.path, d]));
  const rootOf = (path: string) => board.projectFor(path)?.root ?? path.slice(0, path.lastIndexOf('/'));
  const productKey = productKeyResolver(docs, rootOf);
  const groups = new Map<string, { productKey: string; product?: string; release?: string; requirements: ReleaseRequirement[] }>();
  for (const req of board.trace()) {
    const doc = docByPath.get(req.path);
    const pk = productKey(doc, req.path);
    const release = req.release?.trim() || undefined;
    const key = `${pk}\u0001${release ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { productKey: pk, product: pk.startsWith('\0') ? undefined : pk, release, requirements: [] }));
    group.requirements.push({
      id: req.id, title: req.title, path: req.path, line: req.line, status: req.status, priority: req.priority,
      docId: req.docId, docType: req.docType,
    });
  }
  return [...groups.entries()]
    .map(([key, g]): ReleaseGroup => ({ key, ...g, done: g.requirements.filter((r) => r.status !== undefined && DONE_STATUSES.has(r.status)).length }))
    .sort((a, b) => Number(a.product === undefined) - Number(b.product === undefined)
      || a.productKey.localeCompare(b.productKey)
      || Number(a.release === undefined) - Number(b.release === undefined)
      || compareVersions(a.release ?? '', b.release ?? ''));
}

export interface ReleaseNotesOptions {
  readonly info: DocTypeInfo;
  readonly locale: Locale;
  readonly owner: string;
  /** Existing documents, to pick a free document ID. */
  readonly documents: readonly DocSummary[];
  /** Today, YYYY-MM-DD (passed in so output is deterministic). */
  readonly date?: string;
}

const TEXT: Record<Locale, { title: (product: string, release: string) => string; todo: string; none: string; status: string }> = {
  en: {
    title: (p, r) => `${p ? `${p} ` : ''}${r} — Release notes`.trim(),
    todo: 'TODO: write this section.', none: 'No requirements are scheduled for this release yet.', status: 'status',
  },
  'zh-cn': {
    title: (p, r) => `${p} ${r} 版本功能列表`.trim(),
    todo: '待补充：请填写本节内容。', none: '此版本尚未安排任何需求。', status: '状态',
  },
};

/**
 * Release notes (版本功能列表) for one release as a new Markdown document: front matter valid
 * against the release-notes schema, every section of the schema, and the release's requirements
 * under the section that holds them, linked by ID so they stay traceable. Requirements defined in
 * other release notes are left out: they describe features, they do not add any.
 */
export function renderReleaseNotes(group: ReleaseGroup, o: ReleaseNotesOptions): { id: string; title: string; text: string } {
  const t = TEXT[o.locale];
  const release = group.release ?? '';
  const productDocs = o.documents.filter((d) => (group.product ? d.product?.trim() === group.product : true));
  const suffix = productIdSuffix(group.product, productDocs);
  const version = trimChars(release.toUpperCase().replace(/[^A-Z0-9]+/g, '-'), '-');
  const base = [o.info.abbreviation ?? 'RN', suffix, version ? `V${version}` : undefined].filter(Boolean).join('-');
  const taken = new Set(o.documents.map((d) => d.id));
  const id = uniqueName(base, (c) => taken.has(c));
  const title = t.title(group.product ?? '', release);
  const features = group.requirements.filter((r) => r.docType !== o.info.type);
  const lines = [
    '---',
    `type: ${o.info.type}`,
    `id: ${id}`,
    `title: ${JSON.stringify(title)}`,
    ...(group.product ? [`product: ${JSON.stringify(group.product)}`] : []),
    `stage: ${o.info.stage ?? 'market'}`,
    'status: draft',
    `owner: ${JSON.stringify(o.owner)}`,
    ...(release ? [`version: ${JSON.stringify(release)}`, `release: ${JSON.stringify(release)}`] : []),
    ...(o.date ? [`updated: ${o.date}`] : []),
    '---',
    `# ${title}`,
    '',
  ];
  const holder = o.info.sections.find((s) => s.holdsRequirements) ?? o.info.sections[0];
  if (!holder) lines.push(...featureLines(features, t), '');
  for (const section of o.info.sections) {
    lines.push(`## ${section.title[o.locale]}`, '');
    if (section === holder) lines.push(...featureLines(features, t), '');
    else lines.push(t.todo, '');
  }
  return { id, title, text: `${trimEndChars(lines.join('\n'), '\n')}\n` };
}

function featureLines(features: readonly ReleaseRequirement[], t: (typeof TEXT)[Locale]): string[] {
  if (features.length === 0) return [t.none];
  return [...features]
    .sort((a, b) => compareVersions(a.id, b.id))
    .map((r) => {
      const pending = r.status && !DONE_STATUSES.has(r.status) ? ` — ${t.status}: ${r.status}` : '';
      return `- **${escapeMarkdown(r.title || r.id)}** (${r.id})${pending}`;
    });
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_`[\]<>])/g, '\\$1');
}
