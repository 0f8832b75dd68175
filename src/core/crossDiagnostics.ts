import { joinList, message } from './messages';
import type { ParsedFile, RequirementDef } from './model';
import type { Replacing, RequirementIndex } from './requirementIndex';
import { range } from './text';
import type { Locale, SpecDiagnostic } from './types';

const sets = new WeakMap<readonly RequirementDef[], Set<RequirementDef>>();

/** `list` as a set, made once per list (`includes` on each of 5,000 copies was quadratic). */
function sameSet(list: readonly RequirementDef[]): Set<RequirementDef> {
  let set = sets.get(list);
  if (!set) sets.set(list, (set = new Set(list)));
  return set;
}

/** Other places of a duplicate named in its message, and kept in its data. */
const NAMED_PLACES = 3;
const MAX_PLACES = 10;

/**
 * Problems that need the whole workspace: duplicate definitions and references nothing defines.
 * Computed per file on demand from the index, so a change re-diagnoses only the affected files.
 */
export function crossDiagnostics(index: RequirementIndex, parsed: ParsedFile, locale: Locale, display: (path: string) => string, indexed = true): SpecDiagnostic[] {
  const path = parsed.path;
  const out: SpecDiagnostic[] = [];
  // A parse the index does not hold yet (an editor's text before its debounced update) is judged
  // against the index with this file's definitions replaced by the parse's own.
  const replacing: Replacing | undefined = indexed ? undefined : index.replacing(parsed);
  const definitions = (id: string) => (replacing ? index.definitionsReplacing(id, replacing) : index.definitions(id));
  // One lookup per ID and scope, not per definition: a file may define the same ID thousands of times.
  const byId = new Map<string, readonly RequirementDef[]>();
  const groups = new Map<string, readonly RequirementDef[]>();
  for (const def of parsed.requirements) {
    let all = byId.get(def.id);
    if (!all) byId.set(def.id, (all = definitions(def.id)));
    if (all.length < 2) continue;
    const key = `${def.id}\n${def.scope ?? ''}`;
    let same = groups.get(key);
    if (!same) groups.set(key, (same = all.filter((d) => d.scope === def.scope)));
    // Outranked by a definition elsewhere (a summary row of a heading's ID), or alone in its scope.
    if (same.length < 2 || !sameSet(same).has(def)) continue;
    // A few places and a count: listing all of 5,000 copies in each of 5,000 messages is quadratic.
    const others: { path: string; line: number }[] = [];
    for (const d of same) {
      if (d === def) continue;
      others.push({ path: d.path, line: d.line + 1 });
      if (others.length === MAX_PLACES) break;
    }
    const places = joinList(locale, others.slice(0, NAMED_PLACES).map((o) => `${display(o.path)}:${o.line}`));
    const more = same.length - 1 - Math.min(NAMED_PLACES, others.length);
    out.push({
      path, range: def.idRange, severity: 'error', code: 'duplicate-id',
      message: more > 0
        ? message(locale, 'id.duplicateMany', { id: def.id, count: same.length, others: places, more })
        : message(locale, 'id.duplicate', { id: def.id, others: places }),
      data: { id: def.id, others },
    });
  }
  const isDoc = parsed.kind === 'doc';
  for (const token of parsed.tokens) {
    // An ID in a code example is cited when defined; an undefined one is part of the example.
    if (token.inCode || !index.isReference(token.id, path, replacing) || index.resolve(token.id, path, replacing).length > 0) continue;
    const suggestions = index.suggestions(token.id, 3, replacing);
    out.push({
      path, range: range(token.line, token.start, token.line, token.end),
      // In code an unknown ID is often a planned requirement; in a doc it is a broken link.
      severity: isDoc ? 'error' : 'warning', code: 'unknown-id',
      message: suggestions.length
        ? message(locale, 'id.unknownSuggest', { id: token.id, suggestions: joinList(locale, suggestions) })
        : message(locale, 'id.unknown', { id: token.id }),
      data: { id: token.id, suggestions },
    });
  }
  return out;
}
