import { copySpan, copySpans, sealSpans, SPANS } from '../attributeSpans';
import { ID_RANGE, idRangeSlot, LINE_RANGE, lineRangeSlot } from '../packedRanges';
import type { DefinitionForm, RequirementDef } from '../model';
import type { MutableDef } from './blockReader';
import { seriesPrefix } from './definitionForms';
import { definitionOf, type DefFields } from './parsedObjects';

/** Which form wins when a document defines an ID in several: the detailed text over the summary row. */
const RANK: Readonly<Record<DefinitionForm, number>> = { heading: 4, paragraph: 3, list: 2, table: 1 };

export function formRank(form: DefinitionForm): number {
  return RANK[form];
}

/**
 * One definition per ID and form within a document. PRDs often list every requirement in a
 * summary table (ID, priority, status) and describe each one below under a heading or in a bold
 * paragraph: that is one requirement, not a duplicate. The highest-ranked form is the definition;
 * the others lend it the attributes it lacks and their ID positions (so rename and hover find
 * them). Two definitions in the same form stay two: that is a real duplicate.
 *
 * Pure over the definition list, so a full and an incremental parse agree; definitions that merge
 * with nothing are returned as the same objects.
 */
export function mergeDefinitions(defs: readonly RequirementDef[], duplicates?: DuplicateIds): readonly RequirementDef[] {
  // Within a document an ID has one scope (its shape decides it), so the ID alone groups. This
  // runs on every keystroke over a whole PRD (thousands of definitions, hundreds in two forms):
  // given the IDs defined more than once, it looks only at those.
  const only = duplicates?.ids;
  if (only?.size === 0) return defs;
  let groups: Group[] | undefined;
  const seen = new Map<string, RequirementDef | Group>();
  for (const d of defs) {
    if (only && !only.has(d.id)) continue;
    const first = seen.get(d.id);
    if (first === undefined) seen.set(d.id, d);
    else if (first instanceof Group) first.add(d);
    else {
      const group = new Group(first, d);
      seen.set(d.id, group);
      (groups ??= []).push(group);
    }
  }
  if (!groups) return defs;
  for (const group of groups) group.merge(duplicates);
  const out: RequirementDef[] = [];
  for (const d of defs) {
    const group = only && !only.has(d.id) ? undefined : seen.get(d.id);
    if (group instanceof Group && group.labels) continue;
    if (!(group instanceof Group) || !group.merged) out.push(d);
    else if (d === group.primary) out.push(group.merged);
    else if (RANK[d.form] === group.top) out.push(d);
  }
  return out;
}

/**
 * The IDs an editor buffer's document defines more than once, kept up to date as a re-parse swaps
 * the definitions of the lines it re-read (so merging on a keystroke need not count every ID
 * again), and the last merge of each: reused while the definitions merged are the same objects,
 * which a keystroke's re-parse keeps.
 */
export class DuplicateIds {
  private readonly counts = new Map<string, number>();
  private readonly merges = new Map<string, { readonly primary: RequirementDef; readonly lesser: readonly RequirementDef[]; readonly def: RequirementDef }>();
  /** IDs with more than one definition. */
  readonly ids = new Set<string>();

  constructor(defs: readonly RequirementDef[]) {
    for (const d of defs) this.add(d.id);
  }

  add(id: string): void {
    const n = (this.counts.get(id) ?? 0) + 1;
    this.counts.set(id, n);
    if (n === 2) this.ids.add(id);
  }

  remove(id: string): void {
    const n = (this.counts.get(id) ?? 0) - 1;
    if (n <= 0) this.counts.delete(id);
    else this.counts.set(id, n);
    if (n === 1) {
      this.ids.delete(id);
      this.merges.delete(id);
    }
  }

  /** `primary` merged with `lesser`: the last merge when it was of the same objects. */
  merged(primary: RequirementDef, lesser: readonly RequirementDef[]): RequirementDef {
    const known = this.merges.get(primary.id);
    if (known && known.primary === primary && known.lesser.length === lesser.length && known.lesser.every((d, i) => d === lesser[i])) return known.def;
    const def = mergeInto(primary, lesser);
    this.merges.set(primary.id, { primary, lesser, def });
    return def;
  }
}

/** The definitions of one ID in a document: the first of the highest-ranked form absorbs the lower forms. */
class Group {
  top: number;
  primary: RequirementDef;
  lesser: RequirementDef[] = [];
  merged: RequirementDef | undefined;
  /**
   * `IV1: …` under every story, `**A1**` under every section: an ID without a dash and without a
   * requirement prefix, written again and again as a list item or paragraph line, numbers items
   * locally. Those are labels, not requirements (nor duplicates of each other). Set by merge().
   */
  labels = false;
  private readonly all: RequirementDef[];
  /** Every definition so far is a list item or a paragraph line. */
  private loose = true;

  constructor(first: RequirementDef, second: RequirementDef) {
    this.all = [];
    this.top = RANK[first.form];
    this.primary = first;
    this.add(first);
    this.add(second);
  }

  add(d: RequirementDef): void {
    this.all.push(d);
    if (d.form !== 'list' && d.form !== 'paragraph') this.loose = false;
    const rank = RANK[d.form];
    if (rank > this.top) { this.top = rank; this.primary = d; }
  }

  merge(duplicates: DuplicateIds | undefined): void {
    this.labels = this.loose && seriesPrefix(this.primary.id) !== undefined;
    if (this.labels) return;
    for (const d of this.all) if (RANK[d.form] < this.top) this.lesser.push(d);
    if (this.lesser.length) this.merged = duplicates ? duplicates.merged(this.primary, this.lesser) : mergeInPlace(this.primary, this.lesser);
  }
}

/**
 * mergeInto without the copy, for a parse whose definitions nothing else holds (the index's: an
 * editor buffer's re-parse keeps the definitions it found, so it merges into new objects).
 */
function mergeInPlace(primary: RequirementDef, lesser: readonly RequirementDef[]): RequirementDef {
  const def = primary as MutableDef;
  for (const other of lesser) {
    for (const key in other.attributes) {
      if (key in def.attributes) continue;
      def.attributes[key] = other.attributes[key];
      copySpan(other, def, key);
    }
    if (!def.traces.length) def.traces = other.traces;
    if (def.tableHeaderLine === undefined && other.tableHeaderLine !== undefined) def.tableHeaderLine = other.tableHeaderLine;
  }
  if (!def.title) def.title = def.attributes.title || '';
  const others = [];
  for (const d of lesser) others.push(d.idRange);
  def.otherIdRanges = others;
  sealSpans(def);
  return def;
}

function mergeInto(primary: RequirementDef, lesser: readonly RequirementDef[]): RequirementDef {
  const attributes: Record<string, string> = { ...primary.attributes };
  const lent: [RequirementDef, string][] = [];
  let traces = primary.traces;
  let tableHeaderLine = primary.tableHeaderLine;
  for (const other of lesser) {
    for (const key in other.attributes) {
      if (key in attributes) continue;
      attributes[key] = other.attributes[key];
      lent.push([other, key]);
    }
    if (!traces.length) traces = other.traces;
    tableHeaderLine ??= other.tableHeaderLine;
  }
  // One literal, then the optional fields (spreading a temporary object for each was most of the
  // cost of merging a PRD whose summary table lists every requirement).
  const fields: DefFields = {
    id: primary.id, title: primary.title || attributes.title || '', path: primary.path, form: primary.form, line: primary.line,
    [ID_RANGE]: idRangeSlot(primary), [LINE_RANGE]: lineRangeSlot(primary), [SPANS]: [], endLine: primary.endLine, attributes, traces, excerpt: primary.excerpt,
  };
  if (primary.section !== undefined) fields.section = primary.section;
  if (tableHeaderLine !== undefined) fields.tableHeaderLine = tableHeaderLine;
  if (primary.scope !== undefined) fields.scope = primary.scope;
  const others = [];
  for (const d of lesser) others.push(d.idRange);
  fields.otherIdRanges = others;
  const def = definitionOf(fields);
  copySpans(primary, def, 0);
  for (const [other, key] of lent) copySpan(other, def, key);
  sealSpans(def);
  return def;
}
