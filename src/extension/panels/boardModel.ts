import { hasHan, LIFECYCLE_STAGES, pinyinKeys, type RequirementDef, type SpecDiagnostic, type SpecQueries } from '../../core';
import { CLOSED_STATUSES, prioritiesOf, statusesOf } from '../../core/transitions';
import type { BoardCard, BoardModel } from '../../shared/protocol';

/**
 * The board's data from the index: every requirement definition (duplicates included, so both
 * copies are visible), with its document's facts, its problems and its code-reference count.
 * No vscode import: it reads the core only.
 */
export function buildBoardModel(core: SpecQueries, indexing: boolean): BoardModel {
  const cards: BoardCard[] = [];
  const statuses: string[] = [];
  const priorities: string[] = [];
  const transitions: Record<string, string[]> = {};
  const seenRoots = new Set<string>();
  for (const entry of core.index.entries()) {
    if (entry.parsed.kind !== 'doc' || entry.parsed.requirements.length === 0) continue;
    const project = core.projectFor(entry.path);
    if (project && !seenRoots.has(project.root)) {
      seenRoots.add(project.root);
      for (const s of statusesOf(project.config)) if (!statuses.includes(s)) statuses.push(s);
      for (const p of prioritiesOf(project.config)) if (!priorities.includes(p)) priorities.push(p);
      for (const [to, from] of Object.entries(project.config.transitions)) transitions[to] ??= [...from];
    }
    const fm = entry.parsed.frontMatter?.data;
    const str = (v: unknown) => (v === undefined || v === null || typeof v === 'object' ? undefined : String(v));
    const diagnostics = core.diagnostics(entry.path);
    const docPath = core.displayPath(entry.path);
    for (const def of entry.parsed.requirements) {
      const a = def.attributes;
      cards.push({
        id: def.id, title: def.title, path: def.path, line: def.line, form: def.form,
        doc: str(fm?.title) ?? docPath.slice(docPath.lastIndexOf('/') + 1), docPath,
        ...(str(fm?.product) ? { product: str(fm?.product) } : {}),
        ...(str(fm?.stage) ? { stage: str(fm?.stage) } : {}),
        ...(a.status ? { status: a.status } : {}),
        ...(a.priority ? { priority: a.priority } : {}),
        ...(a.release ? { release: a.release } : {}),
        ...(a.owner ? { owner: a.owner } : {}),
        ...(str(fm?.release) ? { docRelease: str(fm?.release) } : {}),
        problems: problemsOf(def, diagnostics),
        codeReferences: core.index.referenceCounts(def.id).code,
        ...(hasHan(def.title) ? { pinyin: pinyinKeys(def.title) } : {}),
      });
    }
  }
  if (statuses.length === 0) statuses.push(...statusesOf(undefined));
  if (priorities.length === 0) priorities.push(...prioritiesOf(undefined));
  return { cards, statuses, closedStatuses: CLOSED_STATUSES.filter((s) => statuses.includes(s)), priorities, stages: LIFECYCLE_STAGES, transitions, indexing };
}

/** Messages of the problems on a requirement's lines or naming it. */
function problemsOf(def: RequirementDef, diagnostics: readonly SpecDiagnostic[]): string[] {
  const last = def.form === 'heading' ? def.endLine : def.line;
  return diagnostics
    .filter((d) => d.severity !== 'info' && (d.data?.id === def.id || (d.range.start.line >= def.line && d.range.start.line <= last)))
    .map((d) => d.message);
}
