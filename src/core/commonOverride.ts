import type { MessageKey } from './messages';
import { allSubschemas, isObject, type SchemaObject } from './schemaWalk';

export interface CommonProblem {
  readonly key: Extract<MessageKey, 'schema.commonNotObject' | 'schema.commonMissing'>;
  readonly type?: string;
  readonly pointers?: readonly string[];
}

/**
 * Why a team's `common.schema.json` cannot replace the built-in one, or undefined. The built-in
 * document types `$ref` it (the whole schema and parts such as `#/definitions/requirement`), so an
 * override must describe an object, like front matter, and keep every part those types use;
 * otherwise Ajv fails on the first document of such a type instead of when the folder loads.
 */
export function commonOverrideProblem(schema: SchemaObject, builtinsInUse: readonly SchemaObject[]): CommonProblem | undefined {
  const type = schema.type;
  if (type !== undefined && type !== 'object' && !(Array.isArray(type) && type.includes('object'))) {
    return { key: 'schema.commonNotObject', type: JSON.stringify(type) };
  }
  const used = new Set(builtinsInUse.flatMap(pointersIntoCommon));
  const missing = [...used].filter((p) => !isObject(at(schema, p))).sort();
  return missing.length ? { key: 'schema.commonMissing', pointers: missing.map((p) => `#${p}`) } : undefined;
}

function pointersIntoCommon(builtin: SchemaObject): string[] {
  const x = builtin['x-specboard'];
  const requirement = isObject(x) && isObject(x.requirement) ? [x.requirement] : [];
  return [builtin, ...requirement].flatMap(allSubschemas).flatMap((s) => {
    const m = typeof s.$ref === 'string' ? /^common\.schema\.json#(\/.*)$/.exec(s.$ref) : null;
    return m ? [m[1]] : [];
  });
}

function at(schema: SchemaObject, pointer: string): unknown {
  let value: unknown = schema;
  for (const token of pointer.slice(1).split('/')) {
    value = isObject(value) ? value[token.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return value;
}
