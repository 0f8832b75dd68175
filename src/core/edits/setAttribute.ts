import { canonicalKey } from '../attributes';
import type { RequirementDef } from '../model';
import { parseMarkdown } from '../parseMarkdown';
import { splitRow } from '../tableRow';
import { LineOffsets, range, splitLines } from '../text';
import type { Range } from '../types';

export interface AttributeEditRequest {
  readonly id: string;
  /** Canonical attribute name: `status`, `priority`, `release`, `owner`. */
  readonly key: string;
  readonly value: string;
  /** What the requester saw: the requirement's line and the attribute's value (undefined if absent). */
  readonly expected: { readonly line: number; readonly value: string | undefined };
}

export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

export type AttributeEditRefusal =
  /** The requirement is no longer where, or what, the requester saw. */
  | 'stale'
  /** A table without a column for the attribute: adding a column would rewrite every row. */
  | 'missingColumn'
  /** A table row with fewer cells than the header. */
  | 'missingCell'
  | 'invalidValue';

export type AttributeEditResult =
  | { readonly ok: true; readonly edit: TextEdit | undefined }
  | { readonly ok: false; readonly reason: AttributeEditRefusal };

/** Keys written when an attribute line must be added, in the language the list already uses. */
const KEY_NAMES: Record<string, { en: string; zh: string }> = {
  status: { en: 'Status', zh: '状态' },
  priority: { en: 'Priority', zh: '优先级' },
  release: { en: 'Release', zh: '版本' },
  owner: { en: 'Owner', zh: '负责人' },
};
const CJK = /[\u3400-\u9fff]/;
const BULLET_PREFIX = /^(\s*[-*+]\s+)/;

/**
 * The smallest text edit that sets one attribute of one requirement, in heading form
 * (`- Status: done`) or table form (one cell). Nothing else in the text changes: emphasis around
 * the old value, the key as written, spacing and pipes all stay. `edit` is undefined when the value
 * is already set. The text is re-parsed after the edit and the edit refused unless exactly that
 * attribute changed, so an edit is never applied on a guess.
 */
export function setAttribute(text: string, request: AttributeEditRequest): AttributeEditResult {
  const value = request.value.trim();
  if (!value || /[\r\n\u0000-\u001f]/.test(value) || value.length > 200) return { ok: false, reason: 'invalidValue' };
  const before = parseMarkdown('', text, 'en');
  const def = before.requirements.find((d) => d.id === request.id && d.line === request.expected.line);
  if (!def || def.attributes[request.key] !== request.expected.value) return { ok: false, reason: 'stale' };
  if (def.attributes[request.key] === value) return { ok: true, edit: undefined };
  const lines = splitLines(text);
  const result = def.form === 'table' ? tableEdit(lines, def, request.key, value) : headingEdit(text, lines, def, request.key, value);
  if ('reason' in result) return { ok: false, reason: result.reason };
  return verify(text, before.requirements, def, request.key, value, result) ? { ok: true, edit: result } : { ok: false, reason: 'stale' };
}

function headingEdit(text: string, lines: readonly string[], def: RequirementDef, key: string, value: string): TextEdit {
  const span = def.attributeSpans[key];
  if (span) return replaceValue(lines[span.line], span.line, span.valueRange.start.character, span.valueRange.end.character, def.attributes[key], value);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const spans = Object.values(def.attributeSpans).sort((a, b) => a.line - b.line);
  const last = spans[spans.length - 1];
  if (last) {
    // Match the list's bullet, indentation, separator and language.
    const line = lines[last.line];
    const bullet = BULLET_PREFIX.exec(line)?.[1] ?? '- ';
    const afterKey = line.slice(last.keyRange.end.character);
    const sep = /^\s*：/.test(afterKey) ? '：' : ': ';
    const name = keyName(key, spans.some((s) => CJK.test(s.key)));
    return { range: range(last.line, line.length, last.line, line.length), newText: `${eol}${bullet}${name}${sep}${value}` };
  }
  // No attribute list yet: start one under the heading, with a blank line before any text so
  // the text does not become part of the new list item.
  const next = lines[def.line + 1];
  const name = keyName(key, CJK.test(def.title));
  const after = next !== undefined && next.trim() !== '' ? eol : '';
  const end = lines[def.line].length;
  return { range: range(def.line, end, def.line, end), newText: `${eol}- ${name}: ${value}${after}` };
}

function tableEdit(lines: readonly string[], def: RequirementDef, key: string, value: string): TextEdit | { reason: AttributeEditRefusal } {
  if (def.tableHeaderLine === undefined) return { reason: 'missingColumn' };
  const column = splitRow(lines[def.tableHeaderLine]).findIndex((c, i) => i > 0 && canonicalKey(c.text) === key);
  if (column < 0) return { reason: 'missingColumn' };
  const line = lines[def.line];
  const cell = splitRow(line)[column];
  if (!cell) return { reason: 'missingCell' };
  const escaped = value.replace(/\|/g, '\\|');
  const old = def.attributes[key];
  if (old !== undefined) return replaceValue(line, def.line, cell.start, cell.end, old, escaped);
  // An empty cell: fill the space between its pipes, keeping one space of padding each side.
  const close = cell.end;
  const open = line.lastIndexOf('|', close - 1);
  if (line[close] !== '|' || open < 0) return { range: range(def.line, close, def.line, close), newText: ` ${escaped} ` };
  return { range: range(def.line, open + 1, def.line, close), newText: ` ${escaped} ` };
}

/** Replaces the value inside its span, so `**P0**` keeps its emphasis. */
function replaceValue(line: string, lineNo: number, start: number, end: number, old: string | undefined, value: string): TextEdit {
  const at = old ? line.indexOf(old, start) : -1;
  if (old && at >= 0 && at + old.length <= end) return { range: range(lineNo, at, lineNo, at + old.length), newText: value };
  return { range: range(lineNo, start, lineNo, end), newText: value };
}

function keyName(key: string, chinese: boolean): string {
  const names = KEY_NAMES[key];
  return names ? (chinese ? names.zh : names.en) : key;
}

/** Applies the edit to a copy and checks that only the intended attribute changed. */
function verify(text: string, before: readonly RequirementDef[], def: RequirementDef, key: string, value: string, edit: TextEdit): boolean {
  const offsets = new LineOffsets(text);
  const after = text.slice(0, offsets.offsetAt(edit.range.start)) + edit.newText + text.slice(offsets.offsetAt(edit.range.end));
  const parsed = parseMarkdown('', after, 'en').requirements;
  if (parsed.length !== before.length) return false;
  const shift = splitLines(edit.newText).length - 1 - (edit.range.end.line - edit.range.start.line);
  return parsed.every((d, i) => {
    const old = before[i];
    if (d.id !== old.id || d.line !== old.line + (old.line > edit.range.start.line ? shift : 0)) return false;
    const expected = old === def ? { ...old.attributes, [key]: value } : old.attributes;
    const keys = new Set([...Object.keys(expected), ...Object.keys(d.attributes)]);
    return [...keys].every((k) => d.attributes[k] === expected[k]);
  });
}
