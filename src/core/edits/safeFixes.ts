import type { ParsedFile } from '../model';
import { LineOffsets } from '../text';
import type { SpecDiagnostic } from '../types';
import { frontMatterEdit } from './frontMatterEdit';
import { requirementAttributeEdit } from './requirementAttributeEdit';
import type { TextEdit } from './textEdit';

/**
 * The fixes Fix all and `specboard check --fix` apply: those with exactly one right answer.
 *
 * - `missing-field` with a default from the schema: `owner: TBD`, a requirement's `Status: proposed`.
 *   A field without a default (a priority, the document `type`) is a judgement, never guessed.
 * - `invalid-value` and `unknown-type` whose value differs from exactly one allowed value only in
 *   letter case, width, spaces, dashes or underscores (`type: PRD` → `prd`, `In Progress` → `in-progress`).
 * - `unused-suppression`: the comment, or the rule named in it, is removed.
 *
 * Never applied: `unknown-id` and other close-match suggestions (a guess), `duplicate-id` (which copy
 * keeps the ID is the author's call, and references follow it), `missing-section` (where the section
 * goes and in which language are guessed from the other headings, and it adds a placeholder body).
 */
export interface FixAllResult {
  /** Non-overlapping edits of the text, in document order. */
  readonly edits: readonly TextEdit[];
  /** The diagnostics the edits fix. */
  readonly fixed: readonly SpecDiagnostic[];
}

/** The safe fix of one diagnostic in `text` (the body, without a BOM), or undefined. */
export function safeFix(text: string, parsed: ParsedFile, d: SpecDiagnostic): TextEdit | undefined {
  const data = d.data ?? {};
  switch (d.code) {
    case 'unused-suppression':
      return data.fix;
    case 'missing-field': {
      if (!data.field || data.value === undefined || data.field === 'type') return undefined;
      if (!data.id) return frontMatterEdit(text, data.field, data.value);
      const def = parsed.requirements.find((r) => r.id === data.id && sameStart(r.idRange.start, d.range.start));
      return def ? requirementAttributeEdit(text, def, data.field, data.value) : undefined;
    }
    case 'invalid-value':
    case 'unknown-type': {
      if (!data.field || data.value === undefined || !data.allowed) return undefined;
      const key = loose(data.value);
      const matches = data.allowed.filter((a) => loose(a) === key);
      if (matches.length !== 1 || matches[0] === data.value) return undefined;
      if (data.id) {
        const field = data.field;
        // The copy the diagnostic is at (an ID may be defined twice in one file).
        const def = parsed.requirements.find((r) => r.id === data.id && [r.attributeSpans[field]?.valueRange.start, r.idRange.start].some((p) => p && sameStart(p, d.range.start)));
        return def ? requirementAttributeEdit(text, def, data.field, matches[0]) : undefined;
      }
      // Only a top-level field whose whole value is the written text: never one item of a list.
      return parsed.frontMatter?.data?.[data.field] === data.value ? frontMatterEdit(text, data.field, matches[0]) : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Every safe fix of one document at once. Insertions at one place (two missing fields) are joined
 * in the diagnostics' order; a fix overlapping an earlier one is left for the next run. New lines
 * follow the text's own line breaks.
 */
export function fixAll(text: string, parsed: ParsedFile, diagnostics: readonly SpecDiagnostic[]): FixAllResult {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const found: { edit: TextEdit; d: SpecDiagnostic; order: number }[] = [];
  diagnostics.forEach((d, order) => {
    const edit = safeFix(text, parsed, d);
    if (edit) found.push({ edit: eol === '\n' ? edit : { ...edit, newText: edit.newText.replace(/\r?\n/g, eol) }, d, order });
  });
  found.sort((a, b) => compare(a.edit.range.start, b.edit.range.start) || compare(a.edit.range.end, b.edit.range.end) || a.order - b.order);
  const edits: TextEdit[] = [];
  const fixed: SpecDiagnostic[] = [];
  for (const { edit, d } of found) {
    const last = edits[edits.length - 1];
    if (last && isEmpty(last) && isEmpty(edit) && sameStart(last.range.start, edit.range.start)) {
      edits[edits.length - 1] = { range: last.range, newText: last.newText + edit.newText };
    } else if (last && compare(edit.range.start, last.range.end) < 0) {
      continue;
    } else {
      edits.push(edit);
    }
    fixed.push(d);
  }
  return { edits, fixed };
}

/** `text` with `edits` applied (non-overlapping; positions past the end count as the end). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offsets = new LineOffsets(text);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  const at = (p: TextEdit['range']['start']) => (p.line >= lineCount ? text.length : Math.min(text.length, offsets.offsetAt(p)));
  let out = text;
  for (const e of [...edits].sort((a, b) => compare(b.range.start, a.range.start))) out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

/** Case, width, spaces, dashes and underscores aside: `In Progress`, `in_progress` and `in-progress` are one. */
function loose(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[\s_-]+/g, '');
}

function compare(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}

function sameStart(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return compare(a, b) === 0;
}

function isEmpty(e: TextEdit): boolean {
  return compare(e.range.start, e.range.end) === 0;
}
