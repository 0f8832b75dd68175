import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { COMMON_SCHEMA, DOC_TYPE_SCHEMAS } from './builtinSchemas';
import { commonOverrideProblem } from './commonOverride';
import { ajvClass } from './libraries';
import { NO_LOGGER, type Logger } from './logger';
import { joinList, message } from './messages';
import { inPlaceRefCycle } from './refCycle';
import { dropBadPatterns } from './schemaPatterns';
import { parseCustomSchema } from './parseCustomSchema';
import { isObject, type SchemaObject } from './schemaWalk';
import type { SectionSpec } from './sections';
import { range } from './text';
import type { LifecycleStage } from './stages';
import type { Locale, SpecDiagnostic } from './types';

/** What Specboard knows about one document type, from its schema's `x-specboard` block. */
export interface DocTypeInfo {
  readonly type: string;
  readonly abbreviation?: string;
  readonly name: { readonly en: string; readonly 'zh-cn': string };
  readonly stage?: LifecycleStage;
  readonly idPrefix?: string;
  /** False for types a stage never expects (a feature spec): the lifecycle lists them but misses none. */
  readonly deliverable: boolean;
  readonly sections: readonly SectionSpec[];
  /** The raw schema, for completion of front-matter keys and values. */
  readonly schema: Record<string, unknown>;
  readonly source: string;
}

interface Entry {
  info: DocTypeInfo;
  /** The custom schema file; undefined for a built-in. */
  file?: CustomSchemaFile;
  /** Set when a built-in's validator threw (see `guarded`): the type is no longer validated. */
  broken?: boolean;
  schemaId: string;
  hasRequirementSchema: boolean;
  frontMatter?: ValidateFunction;
  requirement?: ValidateFunction;
}

export interface CustomSchemaFile {
  readonly path: string;
  readonly displayName: string;
  readonly text: string;
}

const BASE = 'https://specboard.dev/schemas/';
const COMMON_ID = `${BASE}common.schema.json`;

type Loaded = { schema: SchemaObject; file: CustomSchemaFile };

/**
 * The document types of one workspace folder: built-ins plus `.specboard/schemas/` overrides.
 * Validators compile lazily and are cached, so only the types a workspace uses cost anything.
 * A broken custom schema becomes one `config-error` and the built-in stays in force; nothing in a
 * custom schema may throw out of this class or hang it (parseCustomSchema.ts, refCycle.ts and
 * schemaPatterns.ts refuse what would, before Ajv compiles it).
 */
export class SchemaSet {
  private readonly ajv: Ajv;
  private readonly entries = new Map<string, Entry>();
  /** The team's common.schema.json, when it replaced the built-in one. */
  private commonFile?: CustomSchemaFile;
  /** The common schema in force: the team's, or the built-in one. */
  private common: SchemaObject = COMMON_SCHEMA as SchemaObject;
  /** Files already reported for a validator that threw: one config-error each, however many documents. */
  private readonly failedAtRuntime = new Set<string>();
  /** Grows after construction only if a validator throws (see `guarded`). */
  readonly diagnostics: SpecDiagnostic[] = [];
  /** The custom schema files' paths and text: a parse cache keys validation on it (see parseCache.ts). */
  readonly customText: string;

  constructor(custom: readonly CustomSchemaFile[], private readonly locale: Locale, private readonly logger: Logger = NO_LOGGER) {
    this.customText = custom.map((f) => `${f.path}\0${f.text}`).join('\0');
    this.ajv = new (ajvClass())({ allErrors: true, strict: false, validateFormats: false });
    this.ajv.addKeyword({ keyword: 'x-specboard', schemaType: 'object' });
    const overrides = new Map<string, Loaded>();
    let common: Loaded | undefined;
    for (const file of custom) {
      let schema: SchemaObject | string;
      try {
        schema = parseCustomSchema(file, this.ajv, locale);
      } catch (e) {
        schema = message(locale, 'schema.invalid', { file: file.displayName, detail: errorText(e) });
      }
      if (typeof schema === 'string') {
        this.fail(file, schema);
        continue;
      }
      const type = typeOf(schema) ?? /([^/]+)\.schema\.json$/.exec(file.path)?.[1];
      if (type === 'common') common = { schema, file };
      else if (type) overrides.set(type, { schema, file });
      else this.fail(file, message(locale, 'schema.noType', { file: file.displayName }));
    }
    this.addCommon(common, (DOC_TYPE_SCHEMAS as SchemaObject[]).filter((s) => !overrides.has(typeOf(s)!)));
    for (const raw of DOC_TYPE_SCHEMAS as SchemaObject[]) {
      if (!overrides.has(typeOf(raw)!)) this.add(raw);
    }
    for (const [type, { schema, file }] of overrides) {
      const withId: SchemaObject = { ...schema, $id: (schema.$id as string | undefined) ?? `${BASE}${type}.schema.json` };
      const x = (withId['x-specboard'] ?? {}) as SchemaObject;
      if (!x.type) withId['x-specboard'] = { ...x, type };
      try {
        if (this.usable(withId, file)) {
          this.add(withId, file);
          const entry = this.entries.get(type)!;
          entry.frontMatter = this.ajv.getSchema(withId.$id as string);
          if (entry.hasRequirementSchema) entry.requirement = this.ajv.compile(requirementSchema(withId));
          continue;
        }
      } catch (e) {
        this.forget(type, withId.$id as string);
        this.fail(file, message(locale, 'schema.invalid', { file: file.displayName, detail: errorText(e) }));
      }
      this.addBuiltin(type);
    }
  }

  /** Known types in lifecycle order. */
  types(): DocTypeInfo[] {
    return [...this.entries.values()].map((e) => e.info);
  }

  get(type: string): DocTypeInfo | undefined {
    return this.entries.get(type)?.info;
  }

  /** The common front-matter schema in force (the team's common.schema.json, or the built-in one). */
  commonSchema(): SchemaObject {
    return this.common;
  }

  validateFrontMatter(type: string, data: unknown): ErrorObject[] {
    return this.guarded(type, (entry) => {
      entry.frontMatter ??= this.ajv.getSchema(entry.schemaId) ?? this.ajv.compile({ $ref: entry.schemaId });
      return entry.frontMatter(data) ? [] : [...(entry.frontMatter.errors ?? [])];
    }) ?? [];
  }

  /** Undefined when the type puts no constraint on requirement attributes. */
  validateRequirement(type: string, attributes: Record<string, string>): ErrorObject[] | undefined {
    return this.guarded(type, (entry) => {
      if (!entry.hasRequirementSchema) return undefined;
      entry.requirement ??= this.ajv.compile(requirementSchema(entry.info.schema));
      return entry.requirement(attributes) ? [] : [...(entry.requirement.errors ?? [])];
    });
  }

  /**
   * Runs a validator, turning a throw into a config-error instead of a crash. The checks at load
   * catch every failure known to us (loops, depth, patterns, a broken common.schema.json); this is
   * for what they cannot see, such as a `$ref` form refCycle.ts does not follow. A custom schema
   * that threw is replaced by the built-in; a built-in that threw stops being validated.
   */
  private guarded<T>(type: string, run: (entry: Entry) => T): T | undefined {
    const entry = this.entries.get(type);
    if (!entry || entry.broken) return undefined;
    try {
      return run(entry);
    } catch (e) {
      // The diagnostic names the schema; the stack says which construct made Ajv throw.
      this.logger.error(`Validating a ${type} document failed; ${entry.file ? 'the built-in schema replaces the custom one' : 'it is no longer validated'}`, e);
      const file = entry.file ?? this.commonFile;
      if (file && !this.failedAtRuntime.has(file.path)) {
        this.failedAtRuntime.add(file.path);
        this.fail(file, message(this.locale, 'schema.failed', { file: file.displayName, detail: errorText(e) }));
      }
      if (!entry.file) {
        entry.broken = true;
        return undefined;
      }
      this.forget(type, entry.schemaId);
      this.addBuiltin(type);
      return this.guarded(type, run);
    }
  }

  /** Loads the team's common.schema.json in place of the built-in, or says why it cannot. */
  private addCommon(common: Loaded | undefined, builtinsInUse: readonly SchemaObject[]): void {
    if (common) {
      const { file } = common;
      const schema: SchemaObject = { ...common.schema, $id: COMMON_ID };
      const problem = commonOverrideProblem(schema, builtinsInUse);
      if (problem) {
        this.fail(file, message(this.locale, problem.key, {
          file: file.displayName, type: problem.type ?? '', pointers: joinList(this.locale, problem.pointers ?? []),
        }));
      } else {
        try {
          if (this.usable(schema, file)) {
            this.ajv.addSchema(schema);
            this.ajv.getSchema(COMMON_ID);
            this.commonFile = file;
            this.common = schema;
            return;
          }
        } catch (e) {
          this.ajv.removeSchema(COMMON_ID);
          this.fail(file, message(this.locale, 'schema.invalid', { file: file.displayName, detail: errorText(e) }));
        }
      }
    }
    this.ajv.addSchema(COMMON_SCHEMA);
  }

  /**
   * Refuses a schema Ajv would recurse on forever, and takes out the patterns it could not compile
   * or that backtrack catastrophically (the rest of the schema still applies).
   */
  private usable(schema: SchemaObject, file: CustomSchemaFile): boolean {
    const requirement = requirementOf(schema);
    const resources = [{ id: schema.$id as string, schema }];
    if (requirement) resources.push({ id: requirementId(schema.$id as string), schema: requirement });
    const ref = inPlaceRefCycle(resources);
    if (ref !== undefined) {
      this.fail(file, message(this.locale, 'schema.refCycle', { file: file.displayName, ref }));
      return false;
    }
    const dropped = dropBadPatterns(resources.map((r) => r.schema));
    for (const { pattern, detail } of dropped.invalid) this.fail(file, message(this.locale, 'schema.badPattern', { file: file.displayName, pattern, detail }));
    for (const pattern of dropped.slow) this.fail(file, message(this.locale, 'schema.slowPattern', { file: file.displayName, pattern }));
    return true;
  }

  private addBuiltin(type: string): void {
    const builtin = (DOC_TYPE_SCHEMAS as SchemaObject[]).find((s) => typeOf(s) === type);
    if (builtin) this.add(builtin);
  }

  /** Drops a type and every schema Ajv registered for it, even half-way through a failed compile. */
  private forget(type: string, schemaId: string): void {
    this.entries.delete(type);
    this.ajv.removeSchema(schemaId);
    this.ajv.removeSchema(requirementId(schemaId));
  }

  private add(schema: SchemaObject, file?: CustomSchemaFile): void {
    const x = schema['x-specboard'] as Record<string, unknown>;
    const type = String(x.type);
    const name = (x.name ?? {}) as Record<string, string>;
    this.ajv.addSchema(schema);
    this.entries.set(type, {
      file,
      schemaId: schema.$id as string,
      hasRequirementSchema: typeof x.requirement === 'object' && x.requirement !== null,
      info: {
        type,
        abbreviation: typeof x.abbreviation === 'string' ? x.abbreviation : undefined,
        name: { en: name.en ?? type, 'zh-cn': name['zh-cn'] ?? name.en ?? type },
        stage: x.stage as LifecycleStage | undefined,
        idPrefix: typeof x.idPrefix === 'string' ? x.idPrefix : undefined,
        deliverable: x.deliverable !== false,
        sections: Array.isArray(x.sections) ? (x.sections as SectionSpec[]) : [],
        schema, source: file?.path ?? 'builtin',
      },
    });
  }

  private fail(file: CustomSchemaFile, text: string): void {
    this.diagnostics.push({ path: file.path, range: range(0, 0, 0, 1), severity: 'error', code: 'config-error', message: text });
  }
}

function typeOf(schema: SchemaObject): string | undefined {
  const x = schema['x-specboard'] as SchemaObject | undefined;
  return typeof x?.type === 'string' ? x.type : undefined;
}

function requirementOf(schema: SchemaObject): SchemaObject | undefined {
  const x = schema['x-specboard'];
  return isObject(x) && isObject(x.requirement) ? x.requirement : undefined;
}

/** The `$id` the requirement block compiles under; relative `$ref`s in it resolve against the document schema's folder. */
function requirementId(schemaId: string): string {
  return `${schemaId}#requirement`.replace('.json#requirement', '.requirement.json');
}

function requirementSchema(schema: SchemaObject): object {
  return { $id: requirementId(String(schema.$id)), ...requirementOf(schema) };
}

export function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
