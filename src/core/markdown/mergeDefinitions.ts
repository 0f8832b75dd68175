import { copySpans, initSpans, sealSpans, setSpan } from '../attributeSpans';
import type { DefinitionForm, RequirementDef } from '../model';
import type { Range } from '../types';

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
export function mergeDefinitions(defs: readonly RequirementDef[]): readonly RequirementDef[] {
  let groups: Map<string, RequirementDef[]> | undefined;
  const seen = new Map<string, RequirementDef>();
  for (const d of defs) {
    const key = `${d.scope ?? ''}\u0000${d.id}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, d);
      continue;
    }
    groups ??= new Map();
    const group = groups.get(key) ?? [first];
    group.push(d);
    groups.set(key, group);
  }
  if (!groups) return defs;
  const replaced = new Map<RequirementDef, RequirementDef | null>();
  for (const group of groups.values()) {
    const top = Math.max(...group.map((d) => RANK[d.form]));
    const primaries = group.filter((d) => RANK[d.form] === top);
    const lesser = group.filter((d) => RANK[d.form] < top);
    if (lesser.length === 0) continue;
    replaced.set(primaries[0], merged(primaries[0], lesser));
    for (const d of lesser) replaced.set(d, null);
  }
  const out: RequirementDef[] = [];
  for (const d of defs) {
    const r = replaced.get(d);
    if (r === undefined) out.push(d);
    else if (r) out.push(r);
  }
  return out;
}

function merged(primary: RequirementDef, lesser: readonly RequirementDef[]): RequirementDef {
  const attributes: Record<string, string> = { ...primary.attributes };
  const def = initSpans({ ...withoutSpans(primary), attributes, otherIdRanges: [] as Range[] });
  copySpans(primary, def, 0);
  const spans = { ...primary.attributeSpans };
  for (const other of lesser) {
    def.otherIdRanges.push(other.idRange);
    for (const [key, value] of Object.entries(other.attributes)) {
      if (key in attributes) continue;
      attributes[key] = value;
      const span = other.attributeSpans[key];
      if (span && !(key in spans)) {
        setSpan(def, key, span.key, span.line, span.keyRange.start.line, span.keyRange.start.character, span.keyRange.end.character,
          span.valueRange.start.character, span.valueRange.end.character);
      }
    }
    if (other.traces.length && !primary.traces.length) Object.assign(def, { traces: other.traces });
    if (other.tableHeaderLine !== undefined && def.tableHeaderLine === undefined) Object.assign(def, { tableHeaderLine: other.tableHeaderLine });
  }
  if (!def.title && attributes.title) Object.assign(def, { title: attributes.title });
  sealSpans(def);
  return def;
}

/** A definition's own fields, without the packed spans (copied separately). */
function withoutSpans(d: RequirementDef): Omit<RequirementDef, 'attributeSpans'> {
  const { attributeSpans: _spans, ...rest } = d;
  return rest;
}
