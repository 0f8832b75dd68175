import * as vscode from 'vscode';
import type { Range, Severity, SpecDiagnostic } from '../../core';

/** The one place core value types become vscode types. */
export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

/** A core path (a file's URI string, or a root from toRoot) as a vscode.Uri. */
export function toUri(path: string): vscode.Uri {
  const uri = vscode.Uri.parse(path);
  // A root at the top of its file system lost its '/' in toRoot; vscode.Uri.joinPath refuses an empty path.
  return uri.path === '' && uri.authority ? uri.with({ path: '/' }) : uri;
}

/**
 * A workspace folder as the core's root: its URI string without a trailing '/'. The core finds a
 * file's root by the prefix `${root}/`; a folder at the top of a file system has a path of '/'
 * (`vscode-test-web://mount/`, a virtual workspace; `file:///c%3A/`, a drive), so its string ends
 * with one and, kept, would own no file at all.
 */
export function toRoot(folder: vscode.Uri): string {
  return folder.toString().replace(/\/$/, '');
}

export function toLocation(path: string, r: Range): vscode.Location {
  return new vscode.Location(toUri(path), toRange(r));
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** A vscode diagnostic that remembers the core's data, for quick fixes. */
export class SpecVscodeDiagnostic extends vscode.Diagnostic {
  constructor(readonly spec: SpecDiagnostic) {
    super(toRange(spec.range), spec.message, SEVERITY[spec.severity]);
    this.source = 'specboard';
    this.code = spec.code;
    // Shown faded, like an unused import: the comment does nothing.
    if (spec.code === 'unused-suppression') this.tags = [vscode.DiagnosticTag.Unnecessary];
  }
}

export function toDiagnostic(d: SpecDiagnostic): SpecVscodeDiagnostic {
  return new SpecVscodeDiagnostic(d);
}
