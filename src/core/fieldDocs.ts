import type { ParsedFile } from './model';
import type { DocTypeInfo, SchemaSet } from './schemaSet';
import { isObject, type SchemaObject } from './schemaWalk';
import { contains } from './text';
import type { Locale, Position, Range } from './types';

/** What the schema says about the front-matter field under the cursor, for a hover. */
export interface FieldDoc {
  readonly key: string;
  /** The key or the value hovered. */
  readonly range: Range;
  readonly on: 'key' | 'value';
  readonly required: boolean;
  /** JSON types (`string`, `array`…); empty when the schema does not say. */
  readonly types: readonly string[];
  readonly description?: string;
  readonly default?: string;
  /** The allowed values, each with its meaning when the schema gives one. */
  readonly allowed?: readonly { readonly value: string; readonly description?: string }[];
  /** On a value: the value written and, for an allowed value (or a document type), its meaning. */
  readonly value?: { readonly text: string; readonly description?: string };
}

type Localized = Partial<Record<Locale, string>>;

interface PropertyDoc {
  readonly schema: SchemaObject;
  readonly extra: { readonly description?: Localized; readonly enumDescriptions?: Partial<Record<Locale, readonly string[]>> };
}

/**
 * The schema's documentation of the front-matter key or value at `position`, as the YAML
 * extension shows for schema-backed files: description, type, allowed values with their meaning,
 * default, and whether the field is required. Descriptions come in the UI language from the
 * property's `x-specboard.description` (the built-in schemas have English and Chinese), else from
 * its `description`. Undefined outside the front matter or on a key no schema describes.
 */
export function fieldDocAt(parsed: ParsedFile, schemas: SchemaSet, position: Position, locale: Locale): FieldDoc | undefined {
  const fm = parsed.frontMatter;
  if (!fm || position.line === 0 || position.line >= fm.endLine) return undefined;
  const type = typeof fm.data?.type === 'string' ? fm.data.type : parsed.docType;
  const info = type ? schemas.get(type) : undefined;
  for (const field of fm.fields.values()) {
    const on = contains(field.keyRange, position) ? 'key' : contains(field.valueRange, position) && field.valueRange !== field.keyRange ? 'value' : undefined;
    if (!on) continue;
    const prop = property(schemas, info, field.key);
    if (!prop) return undefined;
    const doc = describe(field.key, prop, info, schemas, locale);
    const range = on === 'key' ? field.keyRange : field.valueRange;
    if (on === 'key') return { ...doc, on, range };
    const raw = fm.data?.[field.key];
    const text = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : JSON.stringify(raw) ?? '';
    return { ...doc, on, range, value: { text, description: valueMeaning(field.key, text, doc, schemas, locale) } };
  }
  return undefined;
}

/** The field's schema: the type's own property over the common schema's (either may `$ref` the other). */
function property(schemas: SchemaSet, info: DocTypeInfo | undefined, key: string): PropertyDoc | undefined {
  const common = schemas.commonSchema();
  const commonProps = isObject(common.properties) ? common.properties : {};
  const ownProps = info && isObject(info.schema.properties) ? info.schema.properties : {};
  const own = isObject(ownProps[key]) ? ownProps[key] : undefined;
  const referenced = typeof own?.$ref === 'string' ? /common\.schema\.json#\/properties\/([^/]+)$/.exec(own.$ref)?.[1] : undefined;
  // A type that builds on the common schema (every built-in one) gets its properties.
  const base = isObject(commonProps[referenced ?? key]) && (referenced || !info || refsCommon(info.schema)) ? commonProps[referenced ?? key] as SchemaObject : undefined;
  if (!own && !base) return undefined;
  const schema = { ...base, ...own };
  const extra = { ...(isObject(base?.['x-specboard']) ? base['x-specboard'] : {}), ...(isObject(own?.['x-specboard']) ? own['x-specboard'] : {}) };
  return { schema, extra: extra as PropertyDoc['extra'] };
}

function refsCommon(schema: Record<string, unknown>): boolean {
  return Array.isArray(schema.allOf) && schema.allOf.some((s) => isObject(s) && typeof s.$ref === 'string' && s.$ref.startsWith('common.schema.json'));
}

function describe(key: string, prop: PropertyDoc, info: DocTypeInfo | undefined, schemas: SchemaSet, locale: Locale): Omit<FieldDoc, 'on' | 'range'> {
  const s = prop.schema;
  const required = [...asStrings(info?.schema.required), ...(info && refsCommon(info.schema) ? asStrings(schemas.commonSchema().required) : [])].includes(key);
  const types = Array.isArray(s.type) ? asStrings(s.type) : typeof s.type === 'string' ? [s.type] : [];
  const meanings = prop.extra.enumDescriptions?.[locale] ?? prop.extra.enumDescriptions?.en;
  // `type` is a const in each type's schema; what may be written there is any type.
  const values = key === 'type' ? schemas.types().map((t) => t.type) : Array.isArray(s.enum) ? s.enum.map(String) : s.const !== undefined ? [String(s.const)] : undefined;
  const allowed = values?.map((value, i) => ({ value, description: key === 'type' ? typeName(schemas.get(value), locale) : Array.isArray(s.enum) ? meanings?.[i] : undefined }));
  return {
    key, required, types,
    description: localized(prop.extra.description, locale) ?? (typeof s.description === 'string' ? s.description : undefined),
    default: s.default === undefined ? undefined : String(s.default),
    ...(allowed ? { allowed } : {}),
  };
}

/** What a value means: a document type's name, or an allowed value's description. */
function valueMeaning(key: string, value: string, doc: Omit<FieldDoc, 'on' | 'range'>, schemas: SchemaSet, locale: Locale): string | undefined {
  if (key === 'type') return typeName(schemas.get(value), locale);
  return doc.allowed?.find((a) => a.value === value)?.description;
}

function typeName(info: DocTypeInfo | undefined, locale: Locale): string | undefined {
  return info ? `${info.abbreviation ? `${info.abbreviation} — ` : ''}${info.name[locale]}` : undefined;
}

function localized(text: Localized | undefined, locale: Locale): string | undefined {
  return text?.[locale] ?? text?.en;
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
