import * as vscode from 'vscode';
import type { Range, Severity, SpecDiagnostic } from '../../core';

/** The one place core value types become vscode types. */
export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

export function toUri(path: string): vscode.Uri {
  return vscode.Uri.parse(path);
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
