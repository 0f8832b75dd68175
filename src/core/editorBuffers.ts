import type { RequirementDef, ParsedFile } from './model';
import type { Project } from './project';
import { parseDoc, reparseMarkdown, type DocParse } from './reparseMarkdown';
import type { Locale, SpecDiagnostic } from './types';
import { validateDoc, type RequirementChecks } from './validateDoc';

/** Editor buffers kept for incremental re-parsing: the docs being typed into, most recent last. */
const MAX_BUFFERS = 8;

/** A doc's editor text, parsed and validated on its own (no cross-file diagnostics). */
export interface BufferedDoc {
  readonly text: string;
  readonly doc: DocParse;
  readonly diagnostics: readonly SpecDiagnostic[];
  readonly checks: ReadonlyMap<RequirementDef, readonly SpecDiagnostic[]>;
}

interface Ahead extends BufferedDoc {
  /** The indexed parse this one was made against: once the index moves on, it is stale. */
  readonly base: ParsedFile | undefined;
}

/**
 * Parses of editor text, for the docs being typed into. `committed` holds the text the index has
 * for a doc (so the next keystroke re-parses only what changed); `ahead` holds the parse of newer
 * text a query asked for before the debounced update put it in the index. The update then takes
 * that parse instead of making it again, so a query costs the index nothing and changes nothing.
 */
export class EditorBuffers {
  private readonly committed = new Map<string, BufferedDoc>();
  private readonly ahead = new Map<string, Ahead>();

  constructor(private readonly locale: Locale) {}

  /**
   * The buffer whose parse the index holds for `path`: `indexed` is the index's parse (undefined
   * when the file is not indexed or was skipped). Anything else re-read the file since.
   */
  current(path: string, indexed: ParsedFile | undefined): BufferedDoc | undefined {
    const buffer = this.committed.get(path);
    return buffer && indexed && buffer.doc.parsed === indexed ? buffer : undefined;
  }

  /** The parse of `text` (incremental from what is buffered), made once per text. */
  parse(path: string, text: string, indexed: ParsedFile | undefined, project: Project): BufferedDoc {
    const ahead = this.ahead.get(path);
    if (ahead && ahead.base === indexed && ahead.text === text) return ahead;
    const current = this.current(path, indexed);
    if (current?.text === text) return current;
    // Continue from the nearest parse: the one ahead (a query while typing) differs least.
    const from = ahead && ahead.base === indexed ? ahead : current;
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const options = project.parseOptions(path);
    const doc = from ? reparseMarkdown(from.doc, path, body, this.locale, options) : parseDoc(path, body, this.locale, options);
    const checks: RequirementChecks = { previous: from?.checks, next: new Map() };
    const diagnostics = validateDoc(doc.parsed, project.schemas, project.config, this.locale, checks);
    const made: Ahead = { text, doc, diagnostics, checks: checks.next, base: indexed };
    this.ahead.delete(path);
    this.ahead.set(path, made);
    if (this.ahead.size > MAX_BUFFERS) this.ahead.delete(this.ahead.keys().next().value!);
    return made;
  }

  /** The index now holds `buffer`'s parse of `path`. */
  commit(path: string, buffer: BufferedDoc): void {
    this.ahead.delete(path);
    this.committed.delete(path);
    this.committed.set(path, { text: buffer.text, doc: buffer.doc, diagnostics: buffer.diagnostics, checks: buffer.checks });
    if (this.committed.size > MAX_BUFFERS) this.committed.delete(this.committed.keys().next().value!);
  }

  /** Forgets `path` (re-read from disk, removed), or every path for which `test` holds. */
  delete(path: string): void {
    this.committed.delete(path);
    this.ahead.delete(path);
  }

  deleteWhere(test: (path: string) => boolean): void {
    for (const path of [...this.committed.keys()]) if (test(path)) this.committed.delete(path);
    for (const path of [...this.ahead.keys()]) if (test(path)) this.ahead.delete(path);
  }
}
