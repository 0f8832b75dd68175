import { buildCoverage, type RequirementCoverage } from '../coverage';
import type { DocSummary } from '../documentSummaries';
import type { RequirementDef } from '../model';
import type { SpecQueries } from '../specboard';
import type { ToolContext } from './agentTool';
import { ToolError } from './agentTool';
import { toolMessage } from './toolMessages';

/** A caller's path as a core path, refused when it lies outside the workspace. */
export function pathInput(context: ToolContext, input: string): string {
  const path = context.resolvePath(input);
  if (path === undefined) throw new ToolError(toolMessage(context.locale, 'outsideRoot', { path: input, roots: context.rootsLabel }), { reason: 'outsideRoot', path: input });
  return path;
}

/** True when `path` is `target` or lies below it (a folder). */
export function isInside(path: string, target: string): boolean {
  return path === target || path.startsWith(`${target.replace(/\/$/, '')}/`);
}

/** A document named by its ID (`PRD-LINKS`, any case) or its path. */
export function findDocument(context: ToolContext, document: string): DocSummary {
  const docs = context.specs.documents();
  const byId = docs.find((d) => d.id === document) ?? docs.find((d) => d.id?.toLowerCase() === document.toLowerCase());
  if (byId) return byId;
  const path = pathInput(context, document);
  const byPath = docs.find((d) => d.path === path);
  if (byPath) return byPath;
  throw new ToolError(toolMessage(context.locale, 'unknownDocument', { document }), { reason: 'unknownDocument', document });
}

/** The definition of `id` (in `file` when it is defined in several scopes), or a refusal that suggests close IDs. */
export function definitionOf(context: ToolContext, id: string, file?: string): RequirementDef {
  const { specs, locale } = context;
  let defs = specs.index.definitions(id);
  if (file !== undefined) {
    const path = pathInput(context, file);
    defs = defs.filter((d) => d.path === path);
  }
  if (defs.length === 0) {
    const suggestions = specs.index.suggestions(id);
    const message = suggestions.length ? toolMessage(locale, 'unknownIdSuggest', { id, suggestions: suggestions.join(', ') }) : toolMessage(locale, 'unknownId', { id });
    throw new ToolError(message, { reason: 'unknownId', id, suggestions });
  }
  const paths = [...new Set(defs.map((d) => d.path))];
  if (paths.length > 1) {
    const files = paths.map((p) => context.displayPath(p));
    throw new ToolError(toolMessage(locale, 'ambiguous', { id, files: files.join(', ') }), { reason: 'ambiguous', id, files });
  }
  return defs[0];
}

/** Every requirement's coverage, by ID and file (scoped IDs repeat across features). */
export function coverageOf(context: ToolContext): (def: { id: string; path: string }) => RequirementCoverage | undefined {
  const map = new Map<string, RequirementCoverage>();
  for (const doc of buildCoverage(context.specs).documents) for (const r of doc.requirements) map.set(`${r.path}\n${r.id}`, r);
  return (def) => map.get(`${def.path}\n${def.id}`);
}

/** The texts of files, each read once per call (a search reads many requirements of one file). */
export function textCache(context: ToolContext): (path: string) => Promise<string[] | undefined> {
  const texts = new Map<string, Promise<string[] | undefined>>();
  return (path) => {
    let text = texts.get(path);
    if (!text) texts.set(path, (text = context.readText(path).then((t) => (t === undefined ? undefined : t.split(/\r\n|\r|\n/)))));
    return text;
  };
}

/** A page of a list: `limit` items from `offset`, and where the next page starts. */
export function page<T>(items: readonly T[], offset = 0, limit = 20): { items: T[]; nextOffset?: number } {
  const slice = items.slice(offset, offset + limit);
  return offset + limit < items.length ? { items: slice, nextOffset: offset + limit } : { items: slice };
}

/**
 * The last line of a requirement's own text: its block, cut before the next requirement defined
 * inside it (a heading's block runs to the next heading and may hold a table of other requirements).
 */
export function sectionEnd(specs: SpecQueries, def: RequirementDef): number {
  const next = specs.file(def.path)?.requirements.map((d) => d.tableHeaderLine ?? d.line).filter((l) => l > def.line && l <= def.endLine) ?? [];
  return next.length ? Math.min(...next) - 1 : def.endLine;
}
