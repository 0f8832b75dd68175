import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { toPosix } from './nodeWorkspace';

/**
 * The workspace folder a path belongs to: the nearest folder (itself included) holding a
 * `.specboard/` folder, else the nearest holding `.git`, else the current folder when the path is
 * inside it, else the path's own folder. Definitions outside the checked paths still count, so
 * `specboard check docs/prd.md` knows IDs defined elsewhere in the repo.
 */
export function findRoot(target: string, cwd: string): string {
  const abs = path.resolve(cwd, target);
  const start = statSync(abs).isDirectory() ? abs : path.dirname(abs);
  for (const marker of ['.specboard', '.git']) {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (existsSync(path.join(dir, marker))) return toPosix(dir);
      if (path.dirname(dir) === dir) break;
    }
  }
  const rel = path.relative(cwd, start);
  return toPosix(rel.startsWith('..') || path.isAbsolute(rel) ? start : cwd);
}

/** Roots for a set of targets, nested roots folded into their parents. */
export function rootsFor(targets: readonly string[], cwd: string): string[] {
  const roots = [...new Set(targets.map((t) => findRoot(t, cwd)))].sort((a, b) => a.length - b.length);
  return roots.filter((r, i) => !roots.slice(0, i).some((o) => r.startsWith(`${o}/`)));
}
