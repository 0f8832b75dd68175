import { hasHan, LIFECYCLE_STAGES, pinyinKeys, type FileEntry, type RequirementDef, type SpecDiagnostic, type SpecQueries } from '../../core';
import { CLOSED_STATUSES, prioritiesOf, statusesOf } from '../../core/transitions';
import { MAX_CARD_PROBLEMS, MAX_CARD_TEXT } from '../../shared/boardPatch';
import type { BoardCard, BoardMeta, BoardModel } from '../../shared/protocol';

/**
 * The board's data from the index, built from scratch: every requirement definition (duplicates
 * included, so both copies are visible), with its document's facts, its problems and its
 * code-reference count. The first load and full re-indexes use it; BoardCards patches it after.
 * No vscode import: it reads the core only.
 */
export function buildBoardModel(core: SpecQueries, indexing: boolean): BoardModel {
  const cards: BoardCard[] = [];
  const roots = new Set<string>();
  for (const entry of core.index.entries()) {
    const list = fileCards(core, entry);
    if (list.length === 0) continue;
    roots.add(entry.root);
    for (const card of list) cards.push(card);
  }
  return { ...boardMeta(core, roots), cards, indexing };
}

/** The cards of one indexed file, in document order (none for a file that defines nothing). */
export function fileCards(core: SpecQueries, entry: FileEntry): BoardCard[] {
  if (entry.parsed.kind !== 'doc' || entry.parsed.requirements.length === 0) return [];
  const fm = entry.parsed.frontMatter?.data;
  const str = (v: unknown) => (v === undefined || v === null || typeof v === 'object' ? undefined : clip(String(v)));
  const diagnostics = core.diagnostics(entry.path);
  const docPath = core.displayPath(entry.path);
  const counts = new Map<string, number>();
  return entry.parsed.requirements.map((def) => {
    const a = def.attributes;
    const problems = problemsOf(def, diagnostics);
    let codeReferences = counts.get(def.id);
    if (codeReferences === undefined) counts.set(def.id, (codeReferences = core.index.referenceCounts(def.id).code));
    const title = clip(def.title);
    return {
      id: clip(def.id), title, path: entry.path, line: def.line, form: def.form,
      doc: str(fm?.title) ?? clip(docPath.slice(docPath.lastIndexOf('/') + 1)), docPath: clip(docPath),
      ...(str(fm?.product) ? { product: str(fm?.product) } : {}),
      ...(str(fm?.stage) ? { stage: str(fm?.stage) } : {}),
      ...(a.status ? { status: clip(a.status) } : {}),
      ...(a.priority ? { priority: clip(a.priority) } : {}),
      ...(a.release ? { release: clip(a.release) } : {}),
      ...(a.owner ? { owner: clip(a.owner) } : {}),
      ...(str(fm?.release) ? { docRelease: str(fm?.release) } : {}),
      problems: problems.slice(0, MAX_CARD_PROBLEMS).map(clip), problemCount: problems.length,
      codeReferences,
      ...(hasHan(title) ? { pinyin: clip(pinyinKeys(title)) } : {}),
    };
  });
}

/**
 * Statuses, priorities and transitions from the configs of the folders that have cards, merged in
 * the folders' path order (so a rebuild and a patched board agree), with the defaults when none has.
 */
export function boardMeta(core: SpecQueries, roots: Iterable<string>): BoardMeta {
  const statuses: string[] = [];
  const priorities: string[] = [];
  const transitions: Record<string, string[]> = {};
  for (const root of [...roots].sort()) {
    // A root is not below itself; `root/` is, and no other root is longer.
    const config = core.projectFor(`${root}/`)?.config;
    if (!config) continue;
    for (const s of statusesOf(config)) if (!statuses.includes(s)) statuses.push(s);
    for (const p of prioritiesOf(config)) if (!priorities.includes(p)) priorities.push(p);
    for (const [to, from] of Object.entries(config.transitions)) transitions[to] ??= [...from];
  }
  if (statuses.length === 0) statuses.push(...statusesOf(undefined));
  if (priorities.length === 0) priorities.push(...prioritiesOf(undefined));
  return { statuses, closedStatuses: CLOSED_STATUSES.filter((s) => statuses.includes(s)), priorities, stages: LIFECYCLE_STAGES, transitions };
}

/** Messages of the problems on a requirement's lines or naming it. */
function problemsOf(def: RequirementDef, diagnostics: readonly SpecDiagnostic[]): string[] {
  const last = def.form === 'heading' ? def.endLine : def.line;
  return diagnostics
    .filter((d) => d.severity !== 'info' && (d.data?.id === def.id || (d.range.start.line >= def.line && d.range.start.line <= last)))
    .map((d) => d.message);
}

/** A text within the card limit: a 50 MB heading is still a card, with its start shown. */
function clip(text: string): string {
  return text.length > MAX_CARD_TEXT ? `${text.slice(0, MAX_CARD_TEXT - 1)}…` : text;
}
