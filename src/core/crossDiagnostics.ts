import { joinList, message } from './messages';
import type { RequirementIndex } from './requirementIndex';
import { range } from './text';
import type { Locale, SpecDiagnostic } from './types';

/**
 * Problems that need the whole workspace: duplicate definitions and references nothing defines.
 * Computed per file on demand from the index, so a change re-diagnoses only the affected files.
 */
export function crossDiagnostics(index: RequirementIndex, path: string, locale: Locale, display: (path: string) => string): SpecDiagnostic[] {
  const entry = index.get(path);
  if (!entry) return [];
  const out: SpecDiagnostic[] = [];
  for (const def of entry.parsed.requirements) {
    const all = index.definitions(def.id);
    if (all.length < 2) continue;
    const same = all.filter((d) => d.scope === def.scope);
    // Outranked by a definition elsewhere (a summary row of a heading's ID), or alone in its scope.
    if (same.length < 2 || !same.includes(def)) continue;
    const others = same.filter((d) => d !== def).map((d) => ({ path: d.path, line: d.line + 1 }));
    out.push({
      path, range: def.idRange, severity: 'error', code: 'duplicate-id',
      message: message(locale, 'id.duplicate', { id: def.id, others: joinList(locale, others.map((o) => `${display(o.path)}:${o.line}`)) }),
      data: { id: def.id, others },
    });
  }
  const isDoc = entry.parsed.kind === 'doc';
  for (const token of entry.parsed.tokens) {
    // An ID in a code example is cited when defined; an undefined one is part of the example.
    if (token.inCode || !index.isReference(token.id, path) || index.resolve(token.id, path).length > 0) continue;
    const suggestions = index.suggestions(token.id);
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
