import { ALWAYS_EXCLUDED_DIRS, CONFIG_PATH, DEFAULT_CONFIG, parseConfig, SCHEMAS_DIR, type SpecConfig } from './config';
import { readCustomSchemas } from './customSchemaFiles';
import { decodeText } from './decode';
import { errorCode, errorMessage, isNotFound } from './errorDetail';
import { globMatcher } from './glob';
import { scopesOf } from './idScope';
import type { Logger } from './logger';
import { NEVER_REQUIREMENT_PREFIXES, type ParseOptions } from './markdown/parseOptions';
import type { FileKind } from './model';
import { SchemaSet } from './schemaSet';
import { prioritiesOf, statusesOf } from './transitions';
import type { Locale, SpecDiagnostic } from './types';
import { canonicalValue, defaultAllowed, type VocabularyField } from './vocabulary';
import { joinList, message } from './messages';
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
    let configDiagnostics: SpecDiagnostic[] = [];
    const read = await readText(workspace, configPath);
    if (typeof read === 'string') {
      const parsed = parseConfig(read, configPath, CONFIG_PATH, locale);
      config = parsed.config;
      configDiagnostics = parsed.diagnostics;
    } else if (read) {
      // A config that exists but cannot be read would otherwise look like no config at all.
      logger.warn(`Could not read ${configPath}; the default settings apply`, read.error);
      configDiagnostics = [{
        path: configPath, range: range(0, 0, 0, 1), severity: 'error', code: 'config-error',
        message: message(locale, 'config.unreadable', { file: CONFIG_PATH, detail: errorCode(read.error) ?? errorMessage(read.error) }),
      }];
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

/** The file's text; undefined when there is no such file (or it is not text); the error when reading it failed. */
async function readText(workspace: SpecWorkspace, path: string): Promise<string | { error: unknown } | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await workspace.readFile(path);
  } catch (error) {
    return isNotFound(error) ? undefined : { error };
  }
  const decoded = decodeText(bytes, 5_000_000);
  return decoded.ok ? decoded.text : undefined;
}
