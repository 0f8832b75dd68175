import { backtracksCatastrophically } from './backtracking';
import { allSubschemas, isObject, type SchemaObject } from './schemaWalk';

/** The patterns taken out of a schema, so the rest of it can still be used. */
export interface DroppedPatterns {
  /** Patterns that do not compile as JavaScript regular expressions with the `u` flag (Ajv's default), with why. */
  readonly invalid: readonly { pattern: string; detail: string }[];
  /** Patterns that can take minutes on a short value (see backtracking.ts). */
  readonly slow: readonly string[];
}

/**
 * Removes every `pattern` and `patternProperties` key of `roots` (and their subschemas) that would
 * throw when Ajv compiles it or hang when it runs. The schemas are the caller's freshly parsed
 * copies, so they are edited in place. Keeping the `u` flag matters: `\p{Script=Han}` needs it.
 */
export function dropBadPatterns(roots: readonly SchemaObject[]): DroppedPatterns {
  const invalid: { pattern: string; detail: string }[] = [];
  const slow: string[] = [];
  const verdict = new Map<string, boolean>();
  const bad = (pattern: string): boolean => {
    let isBad = verdict.get(pattern);
    if (isBad === undefined) {
      isBad = true;
      try {
        new RegExp(pattern, 'u');
        if (backtracksCatastrophically(pattern)) slow.push(pattern);
        else isBad = false;
      } catch (e) {
        invalid.push({ pattern, detail: (e instanceof Error ? e.message : String(e)).replace(/^Invalid regular expression: /, '') });
      }
      verdict.set(pattern, isBad);
    }
    return isBad;
  };
  for (const root of roots) {
    for (const schema of allSubschemas(root)) {
      if (typeof schema.pattern === 'string' && bad(schema.pattern)) delete schema.pattern;
      if (isObject(schema.patternProperties)) {
        for (const key of Object.keys(schema.patternProperties)) if (bad(key)) delete schema.patternProperties[key];
      }
    }
  }
  return { invalid, slow };
}
