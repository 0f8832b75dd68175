import { ALWAYS_EXCLUDED_DIRS, CONFIG_PATH, DEFAULT_CONFIG, parseConfig, SCHEMAS_DIR, type SpecConfig } from './config';
import { readCustomSchemas } from './customSchemaFiles';
import { decodeText } from './decode';
import { globMatcher } from './glob';
import { scopesOf } from './idScope';
import type { Logger } from './logger';
import { NEVER_REQUIREMENT_PREFIXES, type ParseOptions } from './markdown/parseOptions';
import type { FileKind } from './model';
import { SchemaSet } from './schemaSet';
import { prioritiesOf, statusesOf } from './transitions';
import type { Locale, SpecDiagnostic } from './types';
import { canonicalValue, defaultAllowed, type VocabularyField } from './vocabulary';
import { joinList, message, type MessageKey } from './messages';
import { errorCode, isNotFound, kindLabel, NotAFileError } from './readErrors';
import { range } from './text';
import { relativeTo, type SpecWorkspace } from './workspace';

/**
 * One workspace folder's format settings: its config, its schemas and which files it reads.
 * Multi-root workspaces get one Project per folder, so each folder's config applies to its files.
 */
export class Project {
  private readonly isInclude: (rel: string) => boolean;
  private readonly isExclude: (rel: string) => boolean;
  private readonly isSource: (rel: string) => boolean;
  private readonly definingPrefixes?: ReadonlySet<string>;
  private readonly typeGlobs: readonly [(rel: string) => boolean, string][];
  private readonly allowedValues: Readonly<Record<VocabularyField, readonly string[]>>;

  constructor(
    readonly root: string,
    readonly config: SpecConfig,
    readonly schemas: SchemaSet,
    private readonly configDiagnostics: SpecDiagnostic[],
  ) {
    this.isInclude = globMatcher(config.include);
    this.isExclude = globMatcher(config.exclude);
    this.isSource = globMatcher(config.sources);
    if (config.prefixes.length) {
      const typePrefixes = schemas.types().map((t) => t.idPrefix).filter((p): p is string => !!p);
      this.definingPrefixes = new Set([...config.prefixes, ...typePrefixes]);
    }
    this.typeGlobs = Object.entries(config.types ?? {}).map(([glob, type]) => [globMatcher([glob]), type]);
    this.allowedValues = {
      status: statusesOf(config), priority: prioritiesOf(config), 'doc.status': defaultAllowed('doc.status'), 'doc.stage': defaultAllowed('doc.stage'),
    };
  }

  /** Config and schema errors; read live, since a schema can still fail when a document is validated. */
  get diagnostics(): SpecDiagnostic[] {
    return this.schemas.diagnostics.length ? [...this.configDiagnostics, ...this.schemas.diagnostics] : this.configDiagnostics;
  }

  /** How a document of this folder is parsed: its path, ID scopes, declared prefixes and vocabulary. */
  parseOptions(path: string): ParseOptions {
    const relPath = relativeTo(this.root, path);
    const { scope, numericScope } = scopesOf(this.root, relPath, this.config.scope);
    return {
      relPath, scope, numericScope,
      definesPrefix: (p) => this.definesPrefix(p),
      declaredPrefix: (p) => this.config.prefixes.includes(p),
      vocabulary: (field, raw) => this.canonical(field, raw),
      docType: this.typeOf(path),
    };
  }

  /** A status, priority, document status or stage in the team's words, as the value it stands for. */
  canonical(field: VocabularyField, raw: string): string {
    return canonicalValue(field, raw, this.allowedValues[field], this.config.aliases);
  }

  /** The document type the config's `types` gives a file (for documents without front matter). */
  typeOf(path: string): string | undefined {
    const rel = relativeTo(this.root, path);
    return this.typeGlobs.find(([match]) => match(rel))?.[1];
  }

  /**
   * Whether a heading or table row starting with an ID of this prefix defines a requirement.
   * With `prefixes` configured, only those (and the document types' own prefixes) do; otherwise any
   * prefix does except the names of standards and encodings (`### UTF-8 everywhere` is no requirement).
   */
  definesPrefix(prefix: string): boolean {
    return this.definingPrefixes ? this.definingPrefixes.has(prefix) : !NEVER_REQUIREMENT_PREFIXES.has(prefix);
  }

  /** Loads config and custom schemas of `root` through the workspace. */
  static async load(workspace: SpecWorkspace, root: string, locale: Locale, logger: Logger): Promise<Project> {
    const configPath = `${root}/${CONFIG_PATH}`;
    let config: SpecConfig = DEFAULT_CONFIG;
    const configDiagnostics: SpecDiagnostic[] = [];
    // A config or schema that is there but cannot be used is a config-error, never silently ignored.
    const unreadable = (path: string, key: 'config.unreadable' | 'schema.unreadable', reason: string) => configDiagnostics.push({
      path, range: range(0, 0, 0, 1), severity: 'error', code: 'config-error',
      message: message(locale, key, { file: relativeTo(root, path), reason }),
    });
    const read = await readSettings(workspace, configPath, locale);
    if ('text' in read) {
      const parsed = parseConfig(read.text, configPath, CONFIG_PATH, locale);
      config = parsed.config;
      configDiagnostics.push(...parsed.diagnostics);
    } else if ('problem' in read) {
      unreadable(configPath, 'config.unreadable', read.problem);
      logger.warn(`${configPath} cannot be used; the default settings apply: ${read.problem}`);
    }
    const custom = await readCustomSchemas(workspace, root, locale, logger);
    const schemas = new SchemaSet(custom.files, locale, logger);
    return new Project(root, config, schemas, [...configDiagnostics, ...custom.diagnostics, ...unknownTypes(root, config, schemas, locale)]);
  }

  /** Whether the adapter should descend into a folder (relative path). */
  skipDir(relDir: string): boolean {
    const name = relDir.slice(relDir.lastIndexOf('/') + 1);
    return ALWAYS_EXCLUDED_DIRS.has(name) || (this.config.exclude.length > 0 && this.isExclude(relDir));
  }

  /** How a file is read: as a product doc, as source scanned for references, or not at all. */
  classify(path: string): FileKind | undefined {
    const rel = relativeTo(this.root, path);
    if (rel.startsWith('.specboard/')) return undefined;
    const parts = rel.split('/');
    for (let i = 0; i < parts.length - 1; i++) if (ALWAYS_EXCLUDED_DIRS.has(parts[i])) return undefined;
    if (this.isExclude(rel)) return undefined;
    if (this.isInclude(rel)) return 'doc';
    if (this.isSource(rel)) return 'source';
    return undefined;
  }

  /** True for the files whose change means the project must be reloaded. */
  isSettingsFile(path: string): boolean {
    const rel = relativeTo(this.root, path);
    return rel === CONFIG_PATH || (rel.startsWith(`${SCHEMAS_DIR}/`) && rel.endsWith('.json'));
  }
}

/** A `types` entry naming no document type is a config-error, so the mapping does not fail silently. */
function unknownTypes(root: string, config: SpecConfig, schemas: SchemaSet, locale: Locale): SpecDiagnostic[] {
  const known = schemas.types().map((t) => t.type);
  return Object.entries(config.types ?? {}).filter(([, type]) => !known.includes(type)).map(([glob, type]) => ({
    path: `${root}/${CONFIG_PATH}`, range: range(0, 0, 0, 1), severity: 'error' as const, code: 'config-error' as const,
    message: message(locale, 'config.unknownType', { file: CONFIG_PATH, glob, type, types: joinList(locale, known) }),
  }));
}

/** Settings files are small; anything larger is not one. */
const MAX_SETTINGS = 5_000_000;

const WHY: Partial<Record<MessageKey, MessageKey>> = { 'skip.binary': 'why.binary', 'skip.encoding': 'why.encoding', 'skip.tooLarge': 'why.tooLarge' };

/** A settings file's text; `missing` when there is none; otherwise why it cannot be used. */
async function readSettings(workspace: SpecWorkspace, path: string, locale: Locale): Promise<{ text: string } | { missing: true } | { problem: string }> {
  let bytes: Uint8Array;
  try {
    const size = await workspace.fileSize?.(path);
    if (size !== undefined && size > MAX_SETTINGS) return { problem: message(locale, 'why.tooLarge', { size, max: MAX_SETTINGS }) };
    bytes = await workspace.readFile(path);
  } catch (e) {
    if (isNotFound(e)) return { missing: true };
    if (e instanceof NotAFileError) return { problem: message(locale, 'why.notAFile', { kind: kindLabel(locale, e.kind) }) };
    return { problem: message(locale, 'why.failed', { code: errorCode(e) }) };
  }
  const decoded = decodeText(bytes, MAX_SETTINGS);
  if (decoded.ok) return { text: decoded.text };
  return { problem: message(locale, WHY[decoded.reason] ?? 'why.failed', { size: decoded.size ?? 0, max: MAX_SETTINGS, code: decoded.reason }) };
}
