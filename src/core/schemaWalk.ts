/*
 * Walking a JSON Schema without recursion: the schemas walked here are user files that may nest
 * thousands of levels deep, so every walk keeps its own stack instead of the call stack.
 */

export type SchemaObject = Record<string, unknown>;

/** One subschema under a keyword of its parent, and whether it validates the parent's own value. */
export interface ChildSchema {
  readonly schema: SchemaObject;
  readonly keyword: string;
  /** True for allOf, not, if/then/else…: the child sees the same value, so a cycle through these never ends. */
  readonly inPlace: boolean;
}

// Keywords whose value is a subschema, an array of them or a map of them (drafts 7 to 2020-12).
const ONE = ['additionalItems', 'additionalProperties', 'contains', 'else', 'if', 'items', 'not', 'propertyNames', 'then', 'unevaluatedItems', 'unevaluatedProperties'];
const LIST = ['allOf', 'anyOf', 'oneOf', 'items', 'prefixItems'];
const MAP = ['$defs', 'definitions', 'dependencies', 'dependentSchemas', 'patternProperties', 'properties'];
const IN_PLACE = new Set(['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependencies', 'dependentSchemas']);

/** The direct subschemas of `schema` (definitions included, `x-specboard` not: it is no applicator). */
export function childSchemas(schema: SchemaObject): ChildSchema[] {
  const out: ChildSchema[] = [];
  const push = (value: unknown, keyword: string) => {
    if (isObject(value)) out.push({ schema: value, keyword, inPlace: IN_PLACE.has(keyword) });
  };
  for (const k of ONE) push(schema[k], k);
  for (const k of LIST) if (Array.isArray(schema[k])) for (const v of schema[k] as unknown[]) push(v, k);
  for (const k of MAP) if (isObject(schema[k])) for (const v of Object.values(schema[k] as SchemaObject)) push(v, k);
  return out;
}

/** Every subschema of `root`, root first, each once (a schema object shared by two keywords is one). */
export function allSubschemas(root: SchemaObject): SchemaObject[] {
  const seen = new Set<SchemaObject>([root]);
  const stack = [root];
  const out: SchemaObject[] = [];
  while (stack.length) {
    const s = stack.pop()!;
    out.push(s);
    for (const c of childSchemas(s)) {
      if (seen.has(c.schema)) continue;
      seen.add(c.schema);
      stack.push(c.schema);
    }
  }
  return out;
}

/** How many levels of objects and arrays `value` nests, counting stops once past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (depth > limit) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function isObject(v: unknown): v is SchemaObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
