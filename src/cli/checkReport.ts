import type { IndexStats, SpecDiagnostic } from '../core';

/** A check's results in CLI terms: 1-based positions, paths relative to the current folder. */
export interface CliDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly message: string;
}

export interface CheckSummary {
  readonly files: number;
  readonly documents: number;
  readonly requirements: number;
  readonly references: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface CheckReport {
  readonly diagnostics: readonly CliDiagnostic[];
  /** With --fix: the problems fixed in the files written (their positions before the fix). */
  readonly fixed?: readonly CliDiagnostic[];
  readonly summary: CheckSummary;
  readonly skipped: readonly { file: string; reason: string }[];
}

export function toCliDiagnostic(d: SpecDiagnostic, rel: (p: string) => string): CliDiagnostic {
  return {
    file: rel(d.path), line: d.range.start.line + 1, column: d.range.start.character + 1,
    endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1,
    severity: d.severity, code: d.code, message: d.message,
  };
}

/** The report's order: by file as the user sees it, then position, then code. */
export function reportOrder(a: CliDiagnostic, b: CliDiagnostic): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}

/** `sorted`: the diagnostics are already in reportOrder for this `rel` (a cached report), so localeCompare and the ICU data it loads are not needed. */
export function buildReport(diagnostics: readonly SpecDiagnostic[], stats: IndexStats, rel: (p: string) => string, fixed?: readonly CliDiagnostic[], sorted = false): CheckReport {
  const list = diagnostics.map((d) => toCliDiagnostic(d, rel));
  if (!sorted) list.sort(reportOrder);
  return {
    diagnostics: list,
    summary: {
      files: stats.files, documents: stats.documents, requirements: stats.requirements, references: stats.references,
      errors: list.filter((d) => d.severity === 'error').length,
      warnings: list.filter((d) => d.severity === 'warning').length,
    },
    skipped: stats.skipped.map((s) => ({ file: rel(s.path), reason: s.reason })),
    ...(fixed ? { fixed } : {}),
  };
}
