import { writeFileSync } from 'node:fs';
import { applyEdits, fixAll, type Specboard, type SpecDiagnostic } from '../core';
import { readRegularFile } from './nodeWorkspace';

/** A file `check --fix` rewrote, and the problems that fixed. */
export interface FixedFile {
  readonly path: string;
  readonly fixed: readonly SpecDiagnostic[];
}

/**
 * Applies the safe fixes (see src/core/edits/safeFixes.ts) to every document inside the targets
 * and writes back the files that changed, then tells the core their new text so the check that
 * follows reports what is left. Each file is re-read first: the fixes apply to its text now, and
 * a file whose text no longer matches the index is parsed afresh (view) rather than mis-edited.
 */
export function fixFiles(board: Specboard, inTargets: (path: string) => boolean): FixedFile[] {
  const out: FixedFile[] = [];
  // A skipped file (binary, too large, not UTF-8) was never read as text: it is never written.
  const skipped = new Set(board.stats().skipped.map((s) => s.path));
  for (const path of [...board.pathsWithDiagnostics()].sort()) {
    if (!inTargets(path) || skipped.has(path) || board.file(path)?.kind !== 'doc') continue;
    let raw: string;
    try {
      raw = readRegularFile(path).toString('utf8');
    } catch {
      continue; // Gone or unreadable since indexing: the check reports it as it stands.
    }
    const view = board.view(path, raw);
    if (!view) continue;
    const bom = raw.charCodeAt(0) === 0xfeff ? '\uFEFF' : '';
    const body = bom ? raw.slice(1) : raw;
    const { edits, fixed } = fixAll(body, view.parsed, view.diagnostics());
    if (edits.length === 0) continue;
    const text = bom + applyEdits(body, edits);
    writeFileSync(path, text);
    board.updateText(path, text);
    out.push({ path, fixed });
  }
  return out;
}
