import { crossDiagnostics } from './crossDiagnostics';
import type { Directive } from './directives';
import type { ParsedFile } from './model';
import type { Project } from './project';
import type { RequirementIndex } from './requirementIndex';
import { effectiveSeverity, type RuleSettings } from './rules';
import { applySuppressions } from './suppress';
import type { Locale, SpecDiagnostic } from './types';

/** What the workspace's diagnostics are gathered from: each file's own, the cross-file ones, the settings'. */
export interface DiagnosticSources {
  readonly index: RequirementIndex;
  readonly projects: Iterable<Project>;
  readonly locale: Locale;
  /** How paths appear inside messages ("also at docs/prd.md:12"). */
  readonly display: (path: string) => string;
  /** The `rules` of the config of the folder `path` is in. */
  readonly rulesFor: (path: string) => RuleSettings;
}

/*
 * Every diagnostic leaves the core through judged(): fileDiagnostics, parseDiagnostics and
 * allDiagnostics serve the CLI (text, JSON, SARIF, exit code), the editor's Problems, the board's
 * counts and the preview, so the config's rules and the documents' suppression comments apply to
 * all of them alike.
 */

/** Local and workspace-wide diagnostics of one indexed file, and the settings' problems reported at it. */
export function fileDiagnostics(sources: DiagnosticSources, path: string): SpecDiagnostic[] {
  const entry = sources.index.get(path);
  const own = entry ? judged(sources, path, entry.parsed.directives, [...entry.diagnostics, ...crossDiagnostics(sources.index, entry.parsed, sources.locale, sources.display)]) : [];
  return [...own, ...settingsDiagnostics(sources, path)];
}

/** The same for a parse the index does not hold yet, with its own diagnostics already made. */
export function parseDiagnostics(sources: DiagnosticSources, parsed: ParsedFile, own: readonly SpecDiagnostic[]): SpecDiagnostic[] {
  const list = judged(sources, parsed.path, parsed.directives, [...own, ...crossDiagnostics(sources.index, parsed, sources.locale, sources.display, false)]);
  return [...list, ...settingsDiagnostics(sources, parsed.path)];
}

/** Every diagnostic in the workspace, config and schema errors included. */
export function allDiagnostics(sources: DiagnosticSources): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  // Appended one by one: `push(...list)` passes the list as arguments and overflows the stack
  // past about 130,000 (a 50 MB line of unknown IDs has millions).
  const add = (list: readonly SpecDiagnostic[]) => { for (const d of list) out.push(d); };
  for (const project of sources.projects) add(withSeverities(project.diagnostics, project.config.rules));
  const crossProblems = sources.index.filesWithCrossProblems();
  for (const entry of sources.index.entries()) {
    const cross = crossProblems.has(entry.path);
    if (entry.diagnostics.length === 0 && !cross && !entry.parsed.directives) continue;
    const list = cross ? [...entry.diagnostics, ...crossDiagnostics(sources.index, entry.parsed, sources.locale, sources.display)] : entry.diagnostics;
    add(judged(sources, entry.path, entry.parsed.directives, list));
  }
  return out;
}

/** Files that have at least one diagnostic now, config and schema files included. */
export function pathsWithDiagnostics(sources: DiagnosticSources): Set<string> {
  const out = sources.index.filesWithCrossProblems();
  // A suppression comment may be an unused-suppression warning in a file with no other problem.
  for (const entry of sources.index.entries()) if (entry.diagnostics.length > 0 || entry.parsed.directives) out.add(entry.path);
  for (const path of settingsDiagnosticPaths(sources.projects)) out.add(path);
  return out;
}

/** Files that carry project-level diagnostics (config and custom schemas). */
export function settingsDiagnosticPaths(projects: Iterable<Project>): string[] {
  return [...projects].flatMap((p) => p.diagnostics.map((d) => d.path));
}

function settingsDiagnostics(sources: DiagnosticSources, path: string): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  for (const project of sources.projects) for (const d of project.diagnostics) if (d.path === path) out.push(d);
  return out.length ? withSeverities(out, sources.rulesFor(path)) : out;
}

/**
 * One file's diagnostics as they leave the core: rules set `off` dropped and the others given the
 * config's severity, then what the file's suppression comments cover dropped, with a warning for
 * each comment that covers nothing (a comment for a rule that is off covers nothing).
 */
function judged(sources: DiagnosticSources, path: string, directives: readonly Directive[] | undefined, list: readonly SpecDiagnostic[]): SpecDiagnostic[] {
  const rules = sources.rulesFor(path);
  const configured = Object.keys(rules).length > 0;
  if (!directives) return configured ? withSeverities(list, rules) : [...list];
  const suppressed = applySuppressions(path, configured ? withSeverities(list, rules) : list, directives, sources.locale);
  return configured ? withSeverities(suppressed, rules) : suppressed;
}

/** `list` under the config's rules: severities changed, rules set `off` dropped. */
function withSeverities(list: readonly SpecDiagnostic[], rules: RuleSettings): SpecDiagnostic[] {
  const out: SpecDiagnostic[] = [];
  for (const d of list) {
    const severity = effectiveSeverity(d.code, d.severity, rules);
    if (severity === d.severity) out.push(d);
    else if (severity !== undefined) out.push({ ...d, severity });
  }
  return out;
}
