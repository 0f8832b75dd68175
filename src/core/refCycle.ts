import { allSubschemas, childSchemas, isObject, type SchemaObject } from './schemaWalk';

/** A schema Ajv will hold under an absolute `$id`. */
export interface SchemaResource {
  readonly id: string;
  readonly schema: SchemaObject;
}

const REF_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'];

/**
 * The `$ref` that closes a loop in which a value is validated against the schema it is already
 * being validated against (`{"$ref": "#"}`, `a` → `b` → `a` in `$defs`), or undefined. Ajv turns
 * such a loop into endless recursion, at compile time or on the first document, and the stack
 * overflows. A loop through `properties` or `items` is fine: each turn goes one level into the
 * document, which is finite. Only references between `resources` are followed; a loop through
 * another file is caught when the validator runs.
 */
export function inPlaceRefCycle(resources: readonly SchemaResource[]): string | undefined {
  const refs = new RefResolver(resources);
  const state = new Map<SchemaObject, 'open' | 'done'>();
  for (const resource of resources) {
    for (const start of allSubschemas(resource.schema)) {
      if (state.has(start)) continue;
      // Depth-first search with an explicit stack: each frame is a schema and its remaining edges.
      const stack: { node: SchemaObject; edges: [SchemaObject, string | undefined][] }[] = [];
      const open = (node: SchemaObject) => {
        state.set(node, 'open');
        stack.push({ node, edges: refs.inPlaceEdges(node) });
      };
      open(start);
      while (stack.length) {
        const frame = stack[stack.length - 1];
        const edge = frame.edges.pop();
        if (!edge) {
          state.set(frame.node, 'done');
          stack.pop();
          continue;
        }
        const [next, ref] = edge;
        const seen = state.get(next);
        if (seen === 'open') return ref ?? '#';
        if (seen === undefined) open(next);
      }
    }
  }
  return undefined;
}

/** Resolves `$ref`s between the given resources by base URI, JSON pointer and anchor. */
class RefResolver {
  private readonly base = new Map<SchemaObject, string>();
  private readonly documents = new Map<string, SchemaObject>();
  private readonly anchors = new Map<string, SchemaObject>();

  constructor(resources: readonly SchemaResource[]) {
    for (const { id, schema } of resources) {
      // Ajv keeps a relative `$id` as it is; any absolute base resolves references within it alike.
      const stack: [SchemaObject, string][] = [[schema, withoutFragment(resolve(id, 'specboard:/') ?? id)]];
      while (stack.length) {
        const [node, parentBase] = stack.pop()!;
        if (this.base.has(node)) continue;
        const ownId = typeof node.$id === 'string' ? node.$id : undefined;
        const base = ownId && !ownId.startsWith('#') ? withoutFragment(resolve(ownId, parentBase) ?? parentBase) : parentBase;
        this.base.set(node, base);
        if (node === schema || base !== parentBase) this.documents.set(base, node);
        const anchor = typeof node.$anchor === 'string' ? node.$anchor : ownId?.startsWith('#') ? ownId.slice(1) : undefined;
        if (anchor) this.anchors.set(`${base}#${anchor}`, node);
        for (const c of childSchemas(node)) stack.push([c.schema, base]);
      }
    }
  }

  /** The schemas that validate the same value as `node`, each with the `$ref` that leads there. */
  inPlaceEdges(node: SchemaObject): [SchemaObject, string | undefined][] {
    const edges: [SchemaObject, string | undefined][] = childSchemas(node).filter((c) => c.inPlace).map((c) => [c.schema, undefined]);
    for (const k of REF_KEYWORDS) {
      const ref = node[k];
      const target = typeof ref === 'string' ? this.target(ref, this.base.get(node)) : undefined;
      if (target) edges.push([target, ref as string]);
    }
    return edges;
  }

  private target(ref: string, base: string | undefined): SchemaObject | undefined {
    const url = base === undefined ? undefined : resolve(ref, base);
    if (!url) return undefined;
    const hash = url.indexOf('#');
    const docUrl = hash < 0 ? url : url.slice(0, hash);
    const doc = this.documents.get(docUrl);
    if (!doc) return undefined;
    let fragment = hash < 0 ? '' : url.slice(hash + 1);
    try {
      fragment = decodeURIComponent(fragment);
    } catch {
      return undefined;
    }
    if (fragment === '') return doc;
    if (!fragment.startsWith('/')) return this.anchors.get(`${docUrl}#${fragment}`);
    let at: unknown = doc;
    for (const token of fragment.slice(1).split('/')) {
      const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
      at = isObject(at) || Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined;
    }
    if (!isObject(at)) return undefined;
    if (!this.base.has(at)) this.base.set(at, docUrl);
    return at;
  }
}

function resolve(ref: string, base: string): string | undefined {
  try {
    return new URL(ref, base).href;
  } catch {
    return undefined;
  }
}

function withoutFragment(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}
