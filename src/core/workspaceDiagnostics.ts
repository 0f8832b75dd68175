import { crossDiagnostics } from './crossDiagnostics';
import type { ParsedFile } from './model';
import type { Project } from './project';
import type { RequirementIndex } from './requirementIndex';
import type { Locale, SpecDiagnostic } from './types';

/** What the workspace's diagnostics are gathered from: each file's own, the cross-file ones, the settings'. */
export interface DiagnosticSources {
  readonly index: RequirementIndex;
  readonly projects: Iterable<Project>;
  readonly locale: Locale;
  /** How paths appear inside messages ("also at docs/prd.md:12"). */
  readonly display: (path: string) => string;
}

/** Local and workspace-wide diagnostics of one indexed file, and the settings' problems reported at it. */
export function fileDiagnostics(sources: DiagnosticSources, path: string): SpecDiagnostic[] {
  const entry = sources.index.get(path);
  const own = entry ? [...entry.diagnostics, ...crossDiagnostics(sources.index, entry.parsed, sources.locale, sources.display)] : [];
  return [...own, ...settingsDiagnostics(sources.projects, path)];
}

/** The same for a parse the index does not hold yet, with its own diagnostics already made. */
export function parseDiagnostics(sources: DiagnosticSources, parsed: ParsedFile, own: readonly SpecDiagnostic[]): SpecDiagnostic[] {
  return [...own, ...crossDiagnostics(sources.index, parsed, sources.locale, sources.display, false), ...settingsDiagnostics(sources.projects, parsed.path)];
}

/** Every diagnostic in the workspace, config and schema errors included. */
export function allDiagnostics(sources: DiagnosticSources): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  // Appended one by one: `push(...list)` passes the list as arguments and overflows the stack
  // past about 130,000 (a 50 MB line of unknown IDs has millions).
  const add = (list: readonly SpecDiagnostic[]) => { for (const d of list) out.push(d); };
  for (const project of sources.projects) add(project.diagnostics);
  const crossProblems = sources.index.filesWithCrossProblems();
  for (const entry of sources.index.entries()) {
    add(entry.diagnostics);
    if (crossProblems.has(entry.path)) add(crossDiagnostics(sources.index, entry.parsed, sources.locale, sources.display));
  }
  return out;
}

/** Files that have at least one diagnostic now, config and schema files included. */
export function pathsWithDiagnostics(sources: DiagnosticSources): Set<string> {
  const out = sources.index.filesWithCrossProblems();
  for (const entry of sources.index.entries()) if (entry.diagnostics.length > 0) out.add(entry.path);
  for (const path of settingsDiagnosticPaths(sources.projects)) out.add(path);
  return out;
}

/** Files that carry project-level diagnostics (config and custom schemas). */
export function settingsDiagnosticPaths(projects: Iterable<Project>): string[] {
  return [...projects].flatMap((p) => p.diagnostics.map((d) => d.path));
}

function settingsDiagnostics(projects: Iterable<Project>, path: string): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  for (const project of projects) for (const d of project.diagnostics) if (d.path === path) out.push(d);
  return out;
}
