import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { COMMON_SCHEMA, DOC_TYPE_SCHEMAS } from './builtinSchemas';
import { ajvClass } from './libraries';
import { message } from './messages';
import type { SectionSpec } from './sections';
import { range } from './text';
import type { LifecycleStage, Locale, SpecDiagnostic } from './types';

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

/**
 * The document types of one workspace folder: built-ins plus `.specboard/schemas/` overrides.
 * Validators compile lazily and are cached, so only the types a workspace uses cost anything.
 * A broken custom schema becomes one `config-error` and the built-in stays in force.
 */
export class SchemaSet {
  private readonly ajv: Ajv;
  private readonly entries = new Map<string, Entry>();
  readonly diagnostics: SpecDiagnostic[] = [];

  constructor(custom: readonly CustomSchemaFile[], private readonly locale: Locale) {
    this.ajv = new (ajvClass())({ allErrors: true, strict: false, validateFormats: false });
    this.ajv.addKeyword({ keyword: 'x-specboard', schemaType: 'object' });
    const overrides = new Map<string, { schema: Record<string, unknown>; file: CustomSchemaFile }>();
    let common: object = COMMON_SCHEMA;
    for (const file of custom) {
      const schema = this.readCustom(file);
      if (!schema) continue;
      const type = typeOf(schema) ?? /([^/]+)\.schema\.json$/.exec(file.path)?.[1];
      if (type === 'common') common = { ...schema, $id: `${BASE}common.schema.json` };
      else if (type) overrides.set(type, { schema, file });
      else this.fail(file, message(locale, 'schema.noType', { file: file.displayName }));
    }
    this.ajv.addSchema(common);
    for (const raw of DOC_TYPE_SCHEMAS as Record<string, unknown>[]) {
      const type = typeOf(raw)!;
      if (!overrides.has(type)) this.add(raw, 'builtin');
    }
    for (const [type, { schema, file }] of overrides) {
      const withId: Record<string, unknown> = { ...schema, $id: (schema.$id as string | undefined) ?? `${BASE}${type}.schema.json` };
      const x = (withId['x-specboard'] ?? {}) as Record<string, unknown>;
      if (!x.type) withId['x-specboard'] = { ...x, type };
      try {
        this.add(withId, file.path);
        const entry = this.entries.get(type)!;
        entry.frontMatter = this.ajv.getSchema(withId.$id as string);
        if (entry.hasRequirementSchema) entry.requirement = this.ajv.compile(requirementSchema(withId));
      } catch (e) {
        this.entries.delete(type);
        try { this.ajv.removeSchema(withId.$id as string); } catch { /* not added */ }
        this.fail(file, message(locale, 'schema.invalid', { file: file.displayName, detail: errorText(e) }));
        const builtin = (DOC_TYPE_SCHEMAS as Record<string, unknown>[]).find((s) => typeOf(s) === type);
        if (builtin) this.add(builtin, 'builtin');
      }
    }
  }

  /** Known types in lifecycle order. */
  types(): DocTypeInfo[] {
    return [...this.entries.values()].map((e) => e.info);
  }

  get(type: string): DocTypeInfo | undefined {
    return this.entries.get(type)?.info;
  }

  validateFrontMatter(type: string, data: unknown): ErrorObject[] {
    const entry = this.entries.get(type);
    if (!entry) return [];
    entry.frontMatter ??= this.ajv.getSchema(entry.schemaId) ?? this.ajv.compile({ $ref: entry.schemaId });
    return entry.frontMatter(data) ? [] : [...(entry.frontMatter.errors ?? [])];
  }

  /** Undefined when the type puts no constraint on requirement attributes. */
  validateRequirement(type: string, attributes: Record<string, string>): ErrorObject[] | undefined {
    const entry = this.entries.get(type);
    if (!entry || !entry.hasRequirementSchema) return undefined;
    entry.requirement ??= this.ajv.compile(requirementSchema(entry.info.schema));
    return entry.requirement(attributes) ? [] : [...(entry.requirement.errors ?? [])];
  }

  private add(schema: Record<string, unknown>, source: string): void {
    const x = schema['x-specboard'] as Record<string, unknown>;
    const type = String(x.type);
    const name = (x.name ?? {}) as Record<string, string>;
    this.ajv.addSchema(schema);
    this.entries.set(type, {
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
        schema, source,
      },
    });
  }

  private readCustom(file: CustomSchemaFile): Record<string, unknown> | undefined {
    let schema: unknown;
    try {
      schema = JSON.parse(file.text.replace(/^\uFEFF/, ''));
    } catch (e) {
      this.fail(file, message(this.locale, 'config.json', { file: file.displayName, detail: errorText(e) }));
      return undefined;
    }
    if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
      this.fail(file, message(this.locale, 'schema.invalid', { file: file.displayName, detail: 'not a JSON object' }));
      return undefined;
    }
    const { $schema: _ignored, ...rest } = schema as Record<string, unknown>;
    if (!this.ajv.validateSchema(rest)) {
      this.fail(file, message(this.locale, 'schema.invalid', { file: file.displayName, detail: this.ajv.errorsText(this.ajv.errors) }));
      return undefined;
    }
    const sections = (rest['x-specboard'] as Record<string, unknown> | undefined)?.sections;
    if (sections !== undefined && !validSections(sections)) {
      this.fail(file, message(this.locale, 'schema.invalid', { file: file.displayName, detail: 'x-specboard.sections must be a list of {id, title: {en, zh-cn}, level}' }));
      return undefined;
    }
    return rest;
  }

  private fail(file: CustomSchemaFile, text: string): void {
    this.diagnostics.push({ path: file.path, range: range(0, 0, 0, 1), severity: 'error', code: 'config-error', message: text });
  }
}

function typeOf(schema: Record<string, unknown>): string | undefined {
  const x = schema['x-specboard'] as Record<string, unknown> | undefined;
  return typeof x?.type === 'string' ? x.type : undefined;
}

function requirementSchema(schema: Record<string, unknown>): object {
  const req = (schema['x-specboard'] as Record<string, unknown>).requirement as object;
  // Relative $refs inside x-specboard resolve against the document schema's own $id.
  return { $id: `${String(schema.$id)}#requirement`.replace('.json#requirement', '.requirement.json'), ...req };
}

function validSections(v: unknown): boolean {
  return Array.isArray(v) && v.every((s) => s && typeof s === 'object' && typeof s.id === 'string'
    && s.title && typeof s.title.en === 'string' && (s.level === 'required' || s.level === 'recommended'));
}

function errorText(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0];
}
