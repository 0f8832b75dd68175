import * as fs from 'node:fs';
import { NodeWorkspace, toPosix } from '../../src/cli/nodeWorkspace';
import { createSpecboard, type Specboard } from '../../src/core';
import { BoardCards } from '../../src/extension/panels/boardCards';
import { buildBoardModel } from '../../src/extension/panels/boardModel';
import { commentFor, docEdit, sourceEdit } from './corpusEdits';
import { KEYSTROKE_PRD_REL, readManifest } from './generateCorpus';
import { Random } from './random';
import { round, summarize, time, timeAsync, type Summary } from './stats';

export interface CoreResult {
  readonly indexMs: number;
  readonly allDiagnosticsMs: number;
  readonly files: number;
  readonly requirements: number;
  readonly references: number;
  /** Every ID-shaped token the core found (any prefix) plus definitions: what rg is asked to find. */
  readonly idOccurrences: number;
  readonly diagnostics: number;
  readonly incrementalDoc: Summary;
  readonly incrementalSource: Summary;
  readonly incrementalAffectedMax: number;
  /** The board after each of those saves: built again from the index (as it was) or patched (as it is). */
  readonly boardRebuild: Summary;
  readonly boardPatch: Summary;
  /** What the webview is sent: the whole model, and the largest patch of one save. */
  readonly boardModelKb: number;
  readonly boardPatchKbMax: number;
  readonly keystrokeOpenMs: number;
  readonly keystrokeText: Summary;
  readonly keystrokeNewId: Summary;
}

const EDITS = 24;
const KEYSTROKES = 400;
const WARMUP = 20;

/**
 * In-process measurements on the core, run in a fresh Node for one corpus: the cold index build,
 * incremental updates after saving a doc or a source file (the watcher path) and the board's
 * update after each (built again, as it was, or patched), and re-validation of a
 * 2,000-requirement PRD on every keystroke (the editor path, before debouncing).
 */
async function main(root: string): Promise<CoreResult> {
  const board = createSpecboard({ workspace: new NodeWorkspace([root]), locale: 'en' });
  const indexMs = await timeAsync(() => board.indexAll());
  let diagnostics = 0;
  const allDiagnosticsMs = time(() => { diagnostics = board.allDiagnostics().length; });
  const stats = board.stats();
  let idOccurrences = 0;
  for (const e of board.index.entries()) idOccurrences += e.parsed.tokens.length + e.parsed.requirements.length;

  const paths = [...board.index.entries()].map((e) => e.path).sort();
  const rng = new Random(7);
  const docs = rng.sample(paths.filter((p) => p.endsWith('.md')), EDITS);
  const sources = rng.sample(paths.filter((p) => !p.endsWith('.md')), EDITS);
  const known = [...board.index.requirements()].map((d) => d.id);
  let affectedMax = 0;
  const cards = new BoardCards();
  const boardModelKb = JSON.stringify(cards.rebuild(board, false)).length / 1024;
  const boardRebuild: number[] = [];
  const boardPatch: number[] = [];
  let boardPatchKbMax = 0;
  const saveAndRefresh = async (path: string, after: string) => {
    const before = fs.readFileSync(path, 'utf8');
    fs.writeFileSync(path, after);
    let changed: ReadonlySet<string> = new Set();
    const ms = await timeAsync(async () => {
      const { affected } = await board.refreshFromDisk(path);
      for (const p of affected) board.diagnostics(p);
      affectedMax = Math.max(affectedMax, affected.size);
      changed = affected;
    });
    boardRebuild.push(time(() => buildBoardModel(board, false)));
    let update: ReturnType<BoardCards['update']>;
    boardPatch.push(time(() => { update = cards.update(board, changed, false); }));
    boardPatchKbMax = Math.max(boardPatchKbMax, JSON.stringify(update ?? '').length / 1024);
    fs.writeFileSync(path, before);
    cards.update(board, (await board.refreshFromDisk(path)).affected, false);
    return ms;
  };
  const docTimes: number[] = [];
  for (let i = 0; i < docs.length; i++) docTimes.push(await saveAndRefresh(docs[i], docEdit(fs.readFileSync(docs[i], 'utf8'), i, rng).after));
  const sourceTimes: number[] = [];
  for (let i = 0; i < sources.length; i++) {
    const text = fs.readFileSync(sources[i], 'utf8');
    sourceTimes.push(await saveAndRefresh(sources[i], sourceEdit(text, i, rng.pick(known), commentFor(sources[i])).after));
  }

  const manifest = readManifest(root);
  if (!manifest) throw new Error(`No manifest for ${root}`);
  const prd = fs.readFileSync(manifest.keystrokePrd, 'utf8');
  const prdPath = `${root}/${KEYSTROKE_PRD_REL}`;
  const keystrokeOpenMs = time(() => revalidate(board, prdPath, prd));
  return {
    indexMs: round(indexMs), allDiagnosticsMs: round(allDiagnosticsMs), files: stats.files, requirements: stats.requirements,
    references: stats.references, idOccurrences, diagnostics,
    incrementalDoc: summarize(docTimes), incrementalSource: summarize(sourceTimes), incrementalAffectedMax: affectedMax,
    boardRebuild: summarize(boardRebuild), boardPatch: summarize(boardPatch), boardModelKb: round(boardModelKb), boardPatchKbMax: round(boardPatchKbMax),
    keystrokeOpenMs: round(keystrokeOpenMs),
    keystrokeText: typeInto(board, prdPath, prd, textCursors(prd, rng)),
    keystrokeNewId: typeInto(board, prdPath, prd, [newRequirementCursor(prd)], '\n### REQ-CORE-2001: Audit export\n'),
  };
}

/** What the extension does after a (debounced) edit: re-index the text, re-diagnose what it affected. */
function revalidate(board: Specboard, path: string, text: string): void {
  for (const p of board.updateText(path, text).affected) board.diagnostics(p);
}

/**
 * Types `typed` one character at a time at each cursor in turn (each burst starts again from the
 * original text, like an undo) and times the re-validation after every keystroke.
 */
function typeInto(board: Specboard, path: string, initial: string, cursors: readonly number[], typed = ' and the export is logged'): Summary {
  const samples: number[] = [];
  for (let k = 0; k < KEYSTROKES + WARMUP; k++) {
    const at = cursors[Math.floor(k / typed.length) % cursors.length];
    const text = initial.slice(0, at) + typed.slice(0, (k % typed.length) + 1) + initial.slice(at);
    samples.push(time(() => revalidate(board, path, text)));
  }
  board.updateText(path, initial);
  return summarize(samples.slice(WARMUP));
}

/** Ends of body-text lines spread through the PRD: where a PM types while refining requirements. */
function textCursors(text: string, rng: Random): number[] {
  const ends: number[] = [];
  const re = /^(?:[A-Z][^\n]*\.)$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) ends.push(m.index + m[0].length);
  return rng.sample(ends, 12).sort((a, b) => a - b);
}

/** Just before the "Use cases" section: typing a new heading there changes the set of defined IDs. */
function newRequirementCursor(text: string): number {
  const i = text.indexOf('\n## Use cases');
  return i < 0 ? text.length : i;
}

main(toPosix(process.argv[2])).then((r) => {
  process.stdout.write(`${JSON.stringify(r)}\n`);
}, (e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
