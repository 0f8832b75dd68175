import type { Directive } from './directives';
import type { FrontMatter } from './frontMatter';
import type { Range } from './types';

/** A heading of a document (requirement headings included). */
export interface Heading {
  readonly line: number;
  readonly level: number;
  /** Heading text without the `#` marks. */
  readonly text: string;
  readonly range: Range;
  /** Set when this heading defines a requirement. */
  readonly requirementId?: string;
  /** Inside a list item or block quote: not a place where a re-parse may start. */
  readonly nested?: boolean;
}

export interface AttributeSpan {
  /** The attribute key as written (`优先级`). */
  readonly key: string;
  readonly line: number;
  readonly keyRange: Range;
  readonly valueRange: Range;
}

/**
 * How a requirement is defined: a heading (`### REQ-1: Title`), a row of a table with an ID
 * column, a list item (`- **FR-001**: …`) or a paragraph (`**FR-12: Title**`).
 */
export type DefinitionForm = 'heading' | 'table' | 'list' | 'paragraph';

/** A requirement as defined in a document. */
export interface RequirementDef {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly form: DefinitionForm;
  readonly line: number;
  /** The ID token itself: where definition/rename/diagnostics point. */
  readonly idRange: Range;
  /** The heading line or table row. */
  readonly range: Range;
  /** Last line of the requirement's block (attributes and text under a heading). */
  readonly endLine: number;
  /** Canonical attribute name → value as written (emphasis removed). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly attributeSpans: Readonly<Record<string, AttributeSpan>>;
  /** Upstream IDs from the `traces` attribute. */
  readonly traces: readonly string[];
  /** The first lines of its text, for hovers. */
  readonly excerpt: string;
  /** Text of the enclosing non-requirement heading. */
  readonly section?: string;
  /** For the table form: the table's header line (transitions/edits need to find columns). */
  readonly tableHeaderLine?: number;
  /**
   * Where the ID is unique and resolves first: a folder or document path (spec-kit features, Kiro
   * specs), or undefined for the whole workspace.
   */
  readonly scope?: string;
  /**
   * Other places the same document writes this ID as a definition (a summary table row under a
   * detailed heading): they are this requirement, so rename and hover include them.
   */
  readonly otherIdRanges?: readonly Range[];
}

/** An ID-shaped token that is not a definition. Whether it is a reference depends on its prefix. */
export interface IdToken {
  readonly id: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** Part of a `traces` attribute value. */
  readonly inTraces?: boolean;
  /** In a code block or an HTML block of a document: a reference when defined, never an unknown-id. */
  readonly inCode?: boolean;
}

export type FileKind = 'doc' | 'source';

export interface ParsedFile {
  readonly path: string;
  readonly kind: FileKind;
  readonly lineCount: number;
  readonly frontMatter?: FrontMatter;
  /** `type` from the front matter when it is a string. */
  readonly docType?: string;
  readonly headings: readonly Heading[];
  readonly requirements: readonly RequirementDef[];
  readonly tokens: readonly IdToken[];
  /** The document's suppression comments (`<!-- specboard-disable ... -->`); absent when it has none. */
  readonly directives?: readonly Directive[];
}

/** The few facts every listing of a requirement shows (trees, coverage, releases). */
export interface RequirementSummary {
  readonly id: string;
  readonly title: string;
  readonly path: string;
  readonly line: number;
  readonly status?: string;
  readonly priority?: string;
}
