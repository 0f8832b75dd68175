import { canonicalKey } from '../attributes';
import type { RequirementDef } from '../model';
import { parseMarkdown, type ParseOptions } from '../parseMarkdown';
import { defaultVocabulary, inTeamWords } from '../vocabulary';
import { splitRow } from '../tableRow';
import { LineOffsets, splitLines } from '../text';
import { requirementAttributeEdit } from './requirementAttributeEdit';
import type { TextEdit } from './textEdit';

export interface AttributeEditRequest {
  readonly id: string;
  /** Canonical attribute name: `status`, `priority`, `release`, `owner`. */
  readonly key: string;
  readonly value: string;
  /** What the requester saw: the requirement's line and the attribute's value (undefined if absent). */
  readonly expected: { readonly line: number; readonly value: string | undefined };
}

export type AttributeEditRefusal =
  /** The requirement is no longer where, or what, the requester saw. */
  | 'stale'
  /** A table without a column for the attribute: adding a column would rewrite every row. */
  | 'missingColumn'
  /** A table row with fewer cells than its header. */
  | 'missingCell'
  | 'invalidValue';

export type AttributeEditResult =
  | { readonly ok: true; readonly edit: TextEdit | undefined }
  | { readonly ok: false; readonly reason: AttributeEditRefusal };

/**
 * The edit that sets one attribute of one requirement, for edits a user did not type (the board's
 * drag and drop). It checks that the requirement is still what the requester saw, takes the
 * minimal edit from `requirementAttributeEdit`, then re-parses the edited text and refuses unless
 * exactly that attribute changed, so nothing is ever applied on a guess. `edit` is undefined when
 * the value is already set.
 */
export function setAttribute(text: string, request: AttributeEditRequest, options: ParseOptions = {}): AttributeEditResult {
  const value = request.value.trim();
  if (!value || /[\u0000-\u001f\u007f]/.test(value) || value.length > 200) return { ok: false, reason: 'invalidValue' };
  // Parsed as the index parses this file (its path gives list items a requirements context).
  const before = parseMarkdown(options.relPath ?? '', text, 'en', options);
  const def = before.requirements.find((d) => d.id === request.id && d.line === request.expected.line);
  if (!def || def.attributes[request.key] !== request.expected.value) return { ok: false, reason: 'stale' };
  if (def.attributes[request.key] === value) return { ok: true, edit: undefined };
  const word = teamWord(text, def, request.key, value);
  const edit = requirementAttributeEdit(text, def, request.key, word);
  if (!edit) return { ok: false, reason: tableRefusal(text, def, request.key) };
  const withEol = text.includes('\r\n') ? { ...edit, newText: edit.newText.replace(/\r?\n/g, '\r\n') } : edit;
  return verify(text, before.requirements, def, request.key, word, withEol, options) ? { ok: true, edit: withEol } : { ok: false, reason: 'stale' };
}

/** A new status or priority written in the words the requirement's current value uses (see inTeamWords). */
function teamWord(text: string, def: RequirementDef, key: string, value: string): string {
  if (key !== 'status' && key !== 'priority') return value;
  const span = def.attributeSpans[key];
  if (!span || span.valueRange.start.line !== span.valueRange.end.line) return value;
  const line = splitLines(text)[span.valueRange.start.line] ?? '';
  const written = line.slice(span.valueRange.start.character, span.valueRange.end.character);
  return written === def.attributes[key] ? value : inTeamWords(key, written, value);
}

/** Why a table row cannot take the value: no such column, or a row shorter than its header. */
function tableRefusal(text: string, def: RequirementDef, key: string): AttributeEditRefusal {
  if (def.tableHeaderLine === undefined) return 'missingColumn';
  const header = splitRow(splitLines(text)[def.tableHeaderLine] ?? '');
  return header.some((c, i) => i > 0 && canonicalKey(c.text) === key) ? 'missingCell' : 'missingColumn';
}

/**
 * Applies the edit to a copy and checks that every requirement kept its ID, its place and its
 * attributes, except the one attribute that was meant to change. A value with a table pipe, a
 * value that re-parses differently, or a new line that swallows text all fail here.
 */
function verify(text: string, before: readonly RequirementDef[], def: RequirementDef, key: string, value: string, edit: TextEdit, options: ParseOptions): boolean {
  const offsets = new LineOffsets(text);
  const after = text.slice(0, offsets.offsetAt(edit.range.start)) + edit.newText + text.slice(offsets.offsetAt(edit.range.end));
  const parsed = parseMarkdown(options.relPath ?? '', after, 'en', options).requirements;
  if (parsed.length !== before.length) return false;
  const shift = splitLines(edit.newText).length - 1 - (edit.range.end.line - edit.range.start.line);
  return parsed.every((d, i) => {
    const old = before[i];
    if (d.id !== old.id || d.line !== old.line + (old.line > edit.range.start.line ? shift : 0)) return false;
    const written = old === def ? (options.vocabulary ?? defaultVocabulary)(key === 'priority' ? 'priority' : 'status', value) : '';
    const expected: Record<string, string> = old === def ? { ...old.attributes, [key]: key === 'status' || key === 'priority' ? written : value } : { ...old.attributes };
    const keys = new Set([...Object.keys(expected), ...Object.keys(d.attributes)]);
    return [...keys].every((k) => d.attributes[k] === expected[k]);
  });
}
