import type { ParseOptions } from '../markdown/parseOptions';
import type { Locale, SpecDiagnostic } from '../types';

/** What the renderer knows about a requirement beyond its own text. */
export interface RequirementFacts {
  /** References from source code (not from other documents). */
  readonly codeReferences: number;
}

/**
 * Everything that differs between the three places a document is rendered (the preview webview,
 * exported HTML, VS Code's built-in Markdown preview). The renderer itself never does I/O.
 */
export interface RenderContext {
  readonly locale: Locale;
  /** Whether an ID-shaped token is a requirement ID (its prefix is known). Default: every ID. */
  readonly isRequirementId?: (id: string) => boolean;
  /**
   * Where a requirement ID links to. Undefined leaves it unlinked: marked as not defined anywhere,
   * unless `isDefined` says it is (an export that leaves the defining document out).
   */
  readonly idHref?: (id: string) => string | undefined;
  readonly isDefined?: (id: string) => boolean;
  /** Rewrites a document link's (already validated) target, e.g. `brd.md` → `brd.html` in exports. */
  readonly linkHref?: (href: string) => string;
  readonly facts?: (id: string) => RequirementFacts | undefined;
  /** Problems of this document, placed next to the block they concern. */
  readonly diagnostics?: readonly SpecDiagnostic[];
  /** Known statuses and priorities (config or schema) for badge colours. */
  readonly statuses?: readonly string[];
  readonly priorities?: readonly string[];
  /**
   * Maps an image's (already validated) source to what the page may load; undefined shows the alt
   * text instead. Without this function images render as markdown-it renders them.
   */
  readonly imageSrc?: (src: string) => string | undefined;
  /** Adds `data-line` to blocks so a preview can follow the editor's scroll position. */
  readonly sourceLines?: boolean;
  /**
   * Where the document is and how its workspace reads it (ID scopes, document types, vocabulary),
   * so the rendering finds the requirements the index finds.
   */
  readonly source?: { readonly path: string; readonly options: ParseOptions };
}

/** The key under markdown-it's `env` where a render's context travels. */
export const ENV_KEY = 'specboard';
