import { FileReader } from './fileReader';
import { NO_LOGGER } from './logger';
import type { FileKind, ParsedFile } from './model';
import { cacheKeys, type CacheKeys } from './parseCache';
import { Project } from './project';
import type { Locale, SpecDiagnostic } from './types';
import { rootOf, type SpecWorkspace } from './workspace';

/** One file read and parsed as indexing would, with what the parse depended on. */
export interface FileParse {
  readonly kind: FileKind;
  readonly keys: CacheKeys;
  readonly hash: number;
  readonly parsed: ParsedFile;
  readonly diagnostics: readonly SpecDiagnostic[];
}

/** Reads and parses files one at a time, outside any index. */
export interface FileParser {
  /**
   * The parse of `path`, read from the workspace; undefined when no folder's config reads it or
   * it was skipped (too large, binary, unreadable, a parser failure): the index reads those itself
   * and says why, so nothing here needs a logger.
   */
  parse(path: string): Promise<FileParse | undefined>;
}

/**
 * The core's reading and parsing without an index, for a parse made on another thread: each
 * folder's config and schemas are loaded on first use, exactly as indexing loads them, and the
 * keys say which config that was, so the index can refuse a parse made under another.
 */
export function createFileParser(workspace: SpecWorkspace, locale: Locale, excerpts = true): FileParser {
  const reader = new FileReader(workspace, locale, NO_LOGGER, undefined, undefined, excerpts);
  const projects = new Map<string, Promise<Project>>();
  return {
    async parse(path) {
      const root = rootOf(workspace.roots, path);
      if (!root) return undefined;
      let loading = projects.get(root);
      if (!loading) projects.set(root, loading = Project.load(workspace, root, locale, NO_LOGGER));
      const project = await loading;
      const kind = project.classify(path);
      if (!kind) return undefined;
      const reading = await reader.read(path, project, kind);
      if (typeof reading !== 'object' || !('entry' in reading) || reading.skipped !== undefined) return undefined;
      const { hash, parsed, diagnostics } = reading.entry;
      return { kind, keys: cacheKeys(project, locale, excerpts), hash, parsed, diagnostics };
    },
  };
}
