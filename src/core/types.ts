/**
 * The core's own value types. They mirror the LSP/vscode shapes (0-based lines and characters) so
 * the extension converts them in one place, and the CLI prints them 1-based.
 */

/** A 0-based position in a text document; `character` counts UTF-16 code units like vscode does. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'error' | 'warning' | 'info';

/** Stable diagnostic codes: CI scripts and quick fixes key on them, so never rename one. */
export type DiagnosticCode =
  | 'frontmatter-syntax'
  | 'unknown-type'
  | 'missing-field'
  | 'invalid-value'
  | 'missing-section'
  | 'duplicate-id'
  | 'unknown-id'
  | 'config-error'
  | 'schema-error'
  | 'file-skipped'
  | 'unused-suppression';

export interface SpecDiagnostic {
  /** The file the problem is in (same string form as the workspace's paths). */
  readonly path: string;
  readonly range: Range;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  /** Machine-readable facts for quick fixes (field name, allowed values, suggested IDs...). */
  readonly data?: DiagnosticData;
}

export interface DiagnosticData {
  readonly field?: string;
  readonly value?: string;
  readonly allowed?: readonly string[];
  readonly section?: string;
  readonly sectionTitle?: string;
  readonly id?: string;
  readonly suggestions?: readonly string[];
  readonly others?: readonly { path: string; line: number }[];
  /** The one edit that fixes the problem with no choice to make (see src/core/edits/safeFixes.ts). */
  readonly fix?: { readonly range: Range; readonly newText: string };
}

export type Locale = 'en' | 'zh-cn';
