import type { VocabularyField } from '../vocabulary';

/** What a document's parse depends on besides its text: the workspace's settings for that file. */
export interface ParseOptions {
  /** Whether IDs of a prefix may define requirements at all (config `prefixes`, names of standards). */
  readonly definesPrefix?: (prefix: string) => boolean;
  /** Prefixes the workspace declared: every definition position defines them, context or not. */
  readonly declaredPrefix?: (prefix: string) => boolean;
  /** The path relative to its workspace folder, which can say the file holds requirements (`specs/001-x/spec.md`). */
  readonly relPath?: string;
  /** The scope of strict and wide IDs defined in this file (undefined: the workspace). */
  readonly scope?: string;
  /** The scope of Kiro's numbered requirements (`1`, `1.2`): their folder or their document. */
  readonly numericScope?: string;
  /** Canonical value of a status or priority written in the team's own words. */
  readonly vocabulary?: (field: VocabularyField, raw: string) => string;
  /** The document type the config's `types` gives this file, for documents without front matter. */
  readonly docType?: string;
  /**
   * false: every requirement's excerpt (the first lines of its text, for hovers and completion) is
   * left empty. `check`, which shows neither, keeps 11 MB less at 100,000 requirements.
   */
  readonly excerpts?: boolean;
}

/** Requirement IDs of standards and encodings: `UTF-8`, `SHA-256`, `ISO-8601` never define one. */
export const NEVER_REQUIREMENT_PREFIXES: ReadonlySet<string> = new Set([
  'UTF', 'UCS', 'SHA', 'MD', 'AES', 'RSA', 'DES', 'ISO', 'IEC', 'IEEE', 'RFC', 'ECMA', 'ANSI', 'GB', 'GBK', 'HTTP', 'TLS', 'SSL',
  'CVE', 'CWE', 'PCI', 'WCAG', 'COVID', 'IPV', 'PEP', 'JSR',
]);

export const defaultDefinesPrefix = (prefix: string): boolean => !NEVER_REQUIREMENT_PREFIXES.has(prefix);
