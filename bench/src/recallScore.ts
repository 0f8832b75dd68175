import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeWorkspace, toPosix } from '../../src/cli/nodeWorkspace';
import { createSpecboard, type DiagnosticCode } from '../../src/core';

/**
 * Recall of requirement definitions on a corpus of real documents. A corpus is a folder of sets;
 * a set is a folder (indexed as one workspace, with no configuration) holding the documents and
 * an `expected.json` that lists the definitions a careful reader counts:
 * `{ "definitions": [{ "file": "specs/001-x/spec.md", "line": 42, "id": "FR-001" }] }`
 * (1-based lines). The same format serves the repository's own fixtures and any outside corpus.
 */

export interface ExpectedDefinition {
  readonly file: string;
  readonly line: number;
  readonly id: string;
  readonly form?: string;
}

export interface SetScore {
  readonly set: string;
  readonly category: string;
  readonly expected: number;
  readonly found: number;
  /** Expected definitions Specboard defines too (same file and ID). */
  readonly matched: number;
  /** Of those, defined on the expected line (or listing it among the ID's other places). */
  readonly sameLine: number;
  readonly missed: readonly ExpectedDefinition[];
  /** Definitions Specboard made that the reader does not count. */
  readonly spurious: readonly { file: string; line: number; id: string }[];
  /** Diagnostics Specboard reports on these documents with no configuration, by code. */
  readonly diagnostics: Readonly<Partial<Record<DiagnosticCode, number>>>;
}

/** Every folder below `root` (or `root` itself) that holds an expected.json. */
export function findSets(root: string): string[] {
  if (fs.existsSync(path.join(root, 'expected.json'))) return [root];
  const out: string[] = [];
  for (const name of fs.readdirSync(root).sort()) {
    const p = path.join(root, name);
    if (!name.startsWith('.') && fs.statSync(p).isDirectory()) out.push(...findSets(p));
  }
  return out;
}

export async function scoreSet(dir: string, category: string): Promise<SetScore> {
  const listed = (JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { definitions: ExpectedDefinition[] }).definitions;
  // User stories are `US<n>` whatever language names them (`User Story 3`, `故事3`): tasks cite `[US3]`.
  const expected = listed.map((e) => ({ ...e, id: e.id.replace(/^(?:用户)?故事\s*(\d+)$/, 'US$1') }));
  const root = toPosix(fs.realpathSync(dir));
  const board = createSpecboard({ workspace: new NodeWorkspace([root]) });
  await board.indexAll();
  const rel = (p: string) => p.slice(root.length + 1);
  const found: { file: string; line: number; id: string; lines: number[] }[] = [];
  for (const entry of board.index.entries()) {
    for (const def of entry.parsed.requirements) {
      const lines = [def.line, ...(def.otherIdRanges ?? []).map((r) => r.start.line)].map((l) => l + 1);
      found.push({ file: rel(def.path), line: def.line + 1, id: def.id, lines });
    }
  }
  const unused = new Map<string, (typeof found)[number][]>();
  for (const f of found) {
    const key = `${f.file}\u0000${f.id}`;
    unused.set(key, [...(unused.get(key) ?? []), f]);
  }
  const missed: ExpectedDefinition[] = [];
  let matched = 0;
  let sameLine = 0;
  for (const e of expected) {
    const candidates = unused.get(`${e.file}\u0000${e.id}`);
    if (!candidates?.length) {
      missed.push(e);
      continue;
    }
    // Prefer the candidate on the expected line, so duplicates pair up by place.
    const at = Math.max(0, candidates.findIndex((c) => c.lines.includes(e.line)));
    const [hit] = candidates.splice(at, 1);
    matched++;
    if (hit.lines.includes(e.line)) sameLine++;
  }
  const spurious = [...unused.values()].flat().map(({ file, line, id }) => ({ file, line, id }));
  const diagnostics: Partial<Record<DiagnosticCode, number>> = {};
  for (const d of board.allDiagnostics()) diagnostics[d.code] = (diagnostics[d.code] ?? 0) + 1;
  return { set: path.basename(dir), category, expected: expected.length, found: found.length, matched, sameLine, missed, spurious, diagnostics };
}

/** Scores every set of a corpus; a set's category is the name of the folder it sits in. */
export async function scoreCorpus(root: string): Promise<SetScore[]> {
  const out: SetScore[] = [];
  for (const dir of findSets(root)) out.push(await scoreSet(dir, path.basename(path.dirname(dir))));
  return out;
}

export interface Totals {
  readonly expected: number;
  readonly matched: number;
  readonly spurious: number;
  readonly recall: number;
  /** Spurious definitions per 100 definitions Specboard made. */
  readonly falsePer100: number;
}

export function totals(scores: readonly SetScore[]): Totals {
  const expected = scores.reduce((n, s) => n + s.expected, 0);
  const matched = scores.reduce((n, s) => n + s.matched, 0);
  const spurious = scores.reduce((n, s) => n + s.spurious.length, 0);
  const found = scores.reduce((n, s) => n + s.found, 0);
  return { expected, matched, spurious, recall: expected ? matched / expected : 1, falsePer100: found ? (100 * spurious) / found : 0 };
}
