import type { MarkdownIt } from 'markdown-it';
import { buildCoverage, buildLifecycle, buildReleases, type CoverageModel, type DocSummary, type LifecycleModel, type ReleaseGroup, type TraceRequirement } from '../core';
import { toUri } from './adapters/convert';
import type { SpecboardService } from './specboardService';

/** A requirement as other extensions and tests see it (URIs as strings, 0-based lines). */
export interface RequirementInfo {
  readonly id: string;
  readonly title: string;
  readonly uri: string;
  readonly line: number;
  readonly form: 'heading' | 'table' | 'list' | 'paragraph';
  readonly status?: string;
  readonly priority?: string;
  readonly release?: string;
  readonly owner?: string;
  readonly traces: readonly string[];
  readonly docId?: string;
  readonly docType?: string;
  readonly stage?: string;
  readonly definitions: number;
}

export interface ReferenceInfo {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly kind: 'doc' | 'code';
}

export interface DiagnosticInfo {
  readonly uri: string;
  readonly line: number;
  readonly character: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
}

/**
 * The API `activate()` returns. Read-only views over the in-memory index, stable for other
 * extensions and used by the integration tests.
 */
export interface SpecboardApi {
  readonly version: string;
  /** Applies pending editor changes and waits for the background index. */
  whenReady(): Promise<void>;
  getRequirement(id: string): RequirementInfo | undefined;
  getReferences(id: string): ReferenceInfo[];
  listRequirements(): RequirementInfo[];
  documents(): (DocSummary & { uri: string })[];
  diagnostics(uri?: string): DiagnosticInfo[];
  trace(): TraceRequirement[];
  nextFreeId(stem: string): string;
  stats(): { files: number; documents: number; requirements: number; references: number };
  /** Products → stages → documents and missing deliverables, as the Lifecycle view shows them. */
  lifecycle(): LifecycleModel;
  /** Requirements by document with their code coverage and trace links, as the Traceability view shows them. */
  coverage(): CoverageModel;
  /** Requirements by product and release, as the Releases view shows them. */
  releases(): ReleaseGroup[];
}

/**
 * What `activate()` returns: the API plus `extendMarkdownIt`, which VS Code's built-in Markdown
 * preview calls because the manifest sets `contributes.markdown.markdownItPlugins`.
 */
export interface SpecboardExports extends SpecboardApi {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

export function createApi(service: SpecboardService, version: string): SpecboardApi {
  const info = (id: string): RequirementInfo | undefined => {
    const core = service.core;
    const defs = core.index.definitions(id);
    const def = defs[0];
    if (!def) return undefined;
    const fm = core.file(def.path)?.frontMatter?.data;
    const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
    return {
      id, title: def.title, uri: def.path, line: def.line, form: def.form,
      status: def.attributes.status, priority: def.attributes.priority, release: def.attributes.release ?? str(fm?.release),
      owner: def.attributes.owner, traces: def.traces, docId: str(fm?.id), docType: str(fm?.type), stage: str(fm?.stage),
      definitions: defs.length,
    };
  };
  return {
    version,
    async whenReady() {
      await service.ready;
      service.flush();
    },
    getRequirement: info,
    getReferences: (id) => service.core.index.references(id).map((r) => ({ uri: r.path, line: r.line, character: r.start, kind: r.kind })),
    listRequirements: () => [...service.core.index.requirements()].map((d) => info(d.id)!),
    documents: () => service.core.documents().map((d) => ({ ...d, uri: d.path })),
    diagnostics: (uri) => {
      const core = service.core;
      const list = uri ? core.diagnostics(toUri(uri).toString()) : core.allDiagnostics();
      return list.map((d) => ({ uri: d.path, line: d.range.start.line, character: d.range.start.character, severity: d.severity, code: d.code, message: d.message }));
    },
    trace: () => service.core.trace(),
    nextFreeId: (stem) => service.core.index.nextFreeId(stem),
    stats: () => {
      const { files, documents, requirements, references } = service.core.stats();
      return { files, documents, requirements, references };
    },
    lifecycle: () => buildLifecycle(service.core),
    coverage: () => buildCoverage(service.core),
    releases: () => buildReleases(service.core),
  };
}
