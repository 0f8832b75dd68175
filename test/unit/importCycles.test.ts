import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** The repository root: this file runs bundled from out/test/unit. */
const ROOT = path.resolve(__dirname, '../../..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return tsFiles(p);
    return p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

// `import`/`export … from` and `import('…')`; `import type` is erased by the bundler, so it cannot
// change the order modules run in and is left out.
const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

/** Relative imports of one file that run code, resolved to files. */
function valueImports(file: string): string[] {
  const deps: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    const spec = m[2] ?? m[3];
    if (m[1] || !spec.startsWith('.')) continue;
    const base = path.resolve(path.dirname(file), spec);
    const hit = [`${base}.ts`, path.join(base, 'index.ts')].find((p) => existsSync(p));
    if (hit) deps.push(hit);
  }
  return deps;
}

/** The first cycle found by depth-first search, as a list of paths relative to the root. */
function findCycle(files: readonly string[]): string[] | undefined {
  const graph = new Map(files.map((f) => [f, valueImports(f)]));
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (f: string): string[] | undefined => {
    const at = stack.indexOf(f);
    if (at >= 0) return [...stack.slice(at), f];
    if (done.has(f)) return undefined;
    stack.push(f);
    for (const d of graph.get(f) ?? []) {
      const cycle = visit(d);
      if (cycle) return cycle;
    }
    stack.pop();
    done.add(f);
    return undefined;
  };
  for (const f of files) {
    const cycle = visit(f);
    if (cycle) return cycle.map((p) => path.relative(ROOT, p));
  }
  return undefined;
}

describe('module structure', () => {
  it('has no import cycle in src/ (a cycle makes one module run before what it imports is defined)', () => {
    assert.equal(findCycle(tsFiles(path.join(ROOT, 'src')))?.join(' → '), undefined);
  });
});
