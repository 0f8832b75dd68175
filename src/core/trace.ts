import { compareIds } from './compareIds';
import type { RequirementIndex } from './requirementIndex';

export interface TraceReference {
  readonly path: string;
  readonly line: number;
  readonly kind: 'doc' | 'code';
}

export interface TraceRequirement {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly line: number;
  readonly docId?: string;
  readonly docType?: string;
  readonly status?: string;
  readonly priority?: string;
  readonly release?: string;
  readonly owner?: string;
  /** Upstream IDs this requirement traces to. */
  readonly traces: readonly string[];
  /** Requirements that trace to this one. */
  readonly downstream: readonly string[];
  /** Upstream IDs that nothing defines. */
  readonly brokenTraces: readonly string[];
  readonly references: readonly TraceReference[];
}

/**
 * The traceability model: every requirement with its references and its links up (`traces`) and
 * down (who traces to it). `include` limits the requirements listed, not the references counted.
 */
export function buildTrace(index: RequirementIndex, include: (path: string) => boolean = () => true): TraceRequirement[] {
  const downstream = new Map<string, string[]>();
  for (const def of index.requirements()) {
    for (const up of def.traces) {
      let list = downstream.get(up);
      if (!list) downstream.set(up, (list = []));
      list.push(def.id);
    }
  }
  const out: TraceRequirement[] = [];
  for (const def of index.requirements()) {
    if (!include(def.path)) continue;
    const fm = index.get(def.path)?.parsed.frontMatter?.data;
    const a = def.attributes;
    out.push({
      id: def.id, title: def.title, path: def.path, line: def.line,
      docId: typeof fm?.id === 'string' ? fm.id : undefined,
      docType: typeof fm?.type === 'string' ? fm.type : undefined,
      status: a.status, priority: a.priority, release: a.release ?? (fm?.release !== undefined ? String(fm.release) : undefined), owner: a.owner,
      traces: def.traces,
      downstream: (downstream.get(def.id) ?? []).sort(),
      brokenTraces: def.traces.filter((t) => index.definitions(t).length === 0),
      references: index.referenceSites(def.id).sort((x, y) => x.path.localeCompare(y.path) || x.line - y.line),
    });
  }
  return out.sort((x, y) => compareIds(x.id, y.id));
}
