import type { RequirementSummary } from './model';
import type { SpecQueries } from './specboard';
import type { TraceReference, TraceRequirement } from './trace';

/**
 * How a requirement is covered: referenced from code itself, or through a downstream requirement
 * that is (a BRD item is implemented when the PRD item tracing to it is), or not at all.
 */
export type CoverageState = 'code' | 'downstream' | 'none';

export interface RequirementCoverage extends RequirementSummary {
  readonly release?: string;
  readonly state: CoverageState;
  readonly codeReferences: readonly TraceReference[];
  readonly docReferences: number;
  /** Upstream IDs this requirement traces to and that exist. */
  readonly upstream: readonly string[];
  /** Upstream IDs in `traces` that nothing defines. */
  readonly brokenTraces: readonly string[];
  /** Requirements that trace to this one. */
  readonly downstream: readonly string[];
  /** For `downstream` coverage: the downstream requirements that carry it. */
  readonly coveredVia: readonly string[];
}

export interface CoverageCounts {
  readonly total: number;
  /** Covered from code, directly or through downstream requirements. */
  readonly covered: number;
  readonly uncovered: number;
  /** Requirements that trace to at least one existing upstream requirement. */
  readonly traced: number;
  /** Requirements with at least one broken trace. */
  readonly broken: number;
}

export interface DocumentCoverage extends CoverageCounts {
  readonly path: string;
  readonly docId?: string;
  readonly docType?: string;
  readonly title?: string;
  readonly product?: string;
  readonly requirements: readonly RequirementCoverage[];
}

export interface CoverageModel extends CoverageCounts {
  readonly documents: readonly DocumentCoverage[];
}

/**
 * The coverage model: per document, which requirements code implements, which trace upstream and
 * which traces are broken. `include` limits the documents listed, not the links followed.
 */
export function buildCoverage(board: SpecQueries, include?: (path: string) => boolean): CoverageModel {
  const all = board.trace();
  const byId = new Map(all.map((r) => [r.id, r]));
  // Coverage flows upstream: from every requirement code references, along `traces` links. A
  // worklist over the links visits each requirement once, so cycles in `traces` are harmless.
  const coveredIds = new Set<string>();
  const work = all.filter((r) => r.references.some((ref) => ref.kind === 'code')).map((r) => r.id);
  while (work.length) {
    const id = work.pop()!;
    if (coveredIds.has(id)) continue;
    coveredIds.add(id);
    for (const up of byId.get(id)?.traces ?? []) if (byId.has(up) && !coveredIds.has(up)) work.push(up);
  }
  const docs = new Map<string, RequirementCoverage[]>();
  for (const req of all) {
    if (include && !include(req.path)) continue;
    let list = docs.get(req.path);
    if (!list) docs.set(req.path, (list = []));
    list.push(requirementCoverage(req, (id) => coveredIds.has(id)));
  }
  const documents = [...docs.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, requirements]): DocumentCoverage => {
      const fm = board.file(path)?.frontMatter?.data;
      const str = (v: unknown) => (v === undefined || v === null ? undefined : String(v));
      requirements.sort((x, y) => x.line - y.line);
      return {
        path, docId: str(fm?.id), docType: str(fm?.type), title: str(fm?.title), product: str(fm?.product),
        requirements, ...countCoverage(requirements),
      };
    });
  return { documents, ...countCoverage(documents.flatMap((d) => d.requirements)) };
}

function requirementCoverage(req: TraceRequirement, isCovered: (id: string) => boolean): RequirementCoverage {
  const codeReferences = req.references.filter((r) => r.kind === 'code');
  const coveredVia = codeReferences.length ? [] : req.downstream.filter(isCovered);
  return {
    id: req.id, title: req.title, path: req.path, line: req.line, status: req.status, priority: req.priority, release: req.release,
    state: codeReferences.length ? 'code' : coveredVia.length ? 'downstream' : 'none',
    codeReferences, docReferences: req.references.length - codeReferences.length,
    upstream: req.traces.filter((t) => !req.brokenTraces.includes(t)), brokenTraces: req.brokenTraces,
    downstream: req.downstream, coveredVia,
  };
}

export function countCoverage(requirements: readonly RequirementCoverage[]): CoverageCounts {
  let covered = 0;
  let traced = 0;
  let broken = 0;
  for (const r of requirements) {
    if (r.state !== 'none') covered++;
    if (r.upstream.length) traced++;
    if (r.brokenTraces.length) broken++;
  }
  return { total: requirements.length, covered, uncovered: requirements.length - covered, traced, broken };
}
