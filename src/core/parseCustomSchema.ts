import type Ajv from 'ajv';
import { message, type MessageKey } from './messages';
import type { CustomSchemaFile } from './schemaSet';
import { isLifecycleStage, LIFECYCLE_STAGES } from './stages';
import { isObject, nestingDepth, type SchemaObject } from './schemaWalk';
import type { Locale } from './types';

/**
 * Custom schemas nesting deeper than this (objects and lists) are refused. The built-ins nest 6
 * levels; Ajv recurses once per level when it checks and compiles a schema, and overflowed the stack
 * at 500 levels of `properties` in the CLI (less stack is left in the extension host).
 */
export const MAX_SCHEMA_DEPTH = 64;

/**
 * A custom schema file as a JSON Schema object (without `$schema`), or the config-error message
 * saying why it is not one. Ajv only sees the schema once its depth is known to be safe.
 */
export function parseCustomSchema(file: CustomSchemaFile, ajv: Ajv, locale: Locale): SchemaObject | string {
  const fail = (key: MessageKey, args: Record<string, string | number> = {}) => message(locale, key, { file: file.displayName, ...args });
  let schema: unknown;
  try {
    schema = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return fail('config.json', { detail: (e instanceof Error ? e.message : String(e)).split('\n')[0] });
  }
  if (!isObject(schema)) return fail('schema.notObject', { kind: kindOf(schema, locale) });
  if (nestingDepth(schema, MAX_SCHEMA_DEPTH) > MAX_SCHEMA_DEPTH) return fail('schema.tooDeep', { max: MAX_SCHEMA_DEPTH });
  const { $schema: _ignored, ...rest } = schema;
  if (!ajv.validateSchema(rest)) return fail('schema.invalid', { detail: ajv.errorsText(ajv.errors) });
  const x = isObject(rest['x-specboard']) ? rest['x-specboard'] : {};
  if (x.sections !== undefined && !validSections(x.sections)) return fail('schema.sections');
  // The lifecycle tree files each type's documents under this stage: an unknown one would hide them.
  if (x.stage !== undefined && !isLifecycleStage(x.stage)) return fail('schema.stage', { value: JSON.stringify(x.stage), stages: LIFECYCLE_STAGES.join(', ') });
  if (x.requirement !== undefined) {
    if (!isObject(x.requirement)) {
      return message(locale, 'schema.notObject', { file: `${file.displayName}: x-specboard.requirement`, kind: kindOf(x.requirement, locale) });
    }
    if (!ajv.validateSchema(x.requirement)) return fail('schema.requirement', { detail: ajv.errorsText(ajv.errors) });
  }
  return rest;
}

function validSections(v: unknown): boolean {
  return Array.isArray(v) && v.every((s) => s && typeof s === 'object' && typeof s.id === 'string'
    && s.title && typeof s.title.en === 'string' && (s.level === 'required' || s.level === 'recommended'));
}

/** "a list", "text"… in the user's language, for a value that should have been an object. */
function kindOf(value: unknown, locale: Locale): string {
  if (Array.isArray(value)) return message(locale, 'type.list');
  if (value === null) return message(locale, 'type.nothing');
  const key = ({ string: 'type.text', number: 'type.number', boolean: 'type.boolean' } as const)[typeof value as 'string' | 'number' | 'boolean'];
  return key ? message(locale, key) : String(value);
}
