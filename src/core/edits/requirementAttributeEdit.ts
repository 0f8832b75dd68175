import { canonicalKey, stripInline } from '../attributes';
import { isIdHeader } from '../markdown/requirementContext';
import type { RequirementDef } from '../model';
import { splitRow } from '../tableRow';
import { range, splitLines } from '../text';
import type { TextEdit } from './textEdit';

const LABELS: Record<string, { en: string; zh: string }> = {
  status: { en: 'Status', zh: '状态' },
  priority: { en: 'Priority', zh: '优先级' },
  release: { en: 'Release', zh: '版本' },
  owner: { en: 'Owner', zh: '负责人' },
};

/**
 * The edit that sets one attribute of a requirement (`status`, `priority`…) in whichever form it
 * is written, replacing only the value so the rest of the line, its emphasis and the table's
 * alignment stay the author's. Heading-form requirements without the attribute get a new bullet in
 * the language of their other keys; table rows get the value in the attribute's column. Returns
 * undefined when the table has no such column or the text no longer matches the parse.
 */
export function requirementAttributeEdit(text: string, def: RequirementDef, key: string, value: string): TextEdit | undefined {
  const lines = splitLines(text);
  const span = def.attributeSpans[key];
  if (span) {
    const line = lines[span.line];
    if (line === undefined) return undefined;
    const r = span.valueRange;
    const old = line.slice(r.start.character, r.end.character);
    const core = stripInline(old);
    const at = old.indexOf(core);
    if (!core || at < 0) return { range: r, newText: value };
    // `**done**` → `**verified**`: only the inner word changes.
    const start = r.start.character + at;
    return { range: range(span.line, start, span.line, start + core.length), newText: value };
  }
  return def.form === 'table' ? tableCellEdit(lines, def, key, value) : newBulletEdit(lines, def, key, value);
}

function newBulletEdit(lines: readonly string[], def: RequirementDef, key: string, value: string): TextEdit | undefined {
  // Spans on the definition's own line (a priority in the title, `（P0）`) are not an attribute list.
  const spans = Object.values(def.attributeSpans).filter((s) => s.line !== def.line);
  const chinese = spans.length ? spans.some((s) => /[\u4e00-\u9fff]/.test(s.key)) : /[\u4e00-\u9fff]/.test(def.title);
  const label = LABELS[key] ? (chinese ? LABELS[key].zh : LABELS[key].en) : key;
  const item = chinese ? `${label}：${value}` : `${label}: ${value}`;
  if (spans.length) {
    const last = spans.reduce((a, b) => (b.line > a.line ? b : a));
    const bullet = /^(\s*[-*+]\s+)/.exec(lines[last.line] ?? '')?.[1] ?? '- ';
    const end = (lines[last.line] ?? '').length;
    return { range: range(last.line, end, last.line, end), newText: `\n${bullet}${item}` };
  }
  if (def.form === 'list') {
    // A nested item under the requirement's own item, indented to its text.
    const first = lines[def.line];
    const last = lines[def.endLine];
    if (first === undefined || last === undefined) return undefined;
    const indent = /^(\s*(?:[-*+]|\d+[.)])\s+)/.exec(first)?.[1].length ?? 2;
    return { range: range(def.endLine, last.length, def.endLine, last.length), newText: `\n${' '.repeat(indent)}- ${item}` };
  }
  if (def.form === 'paragraph') {
    // A list right under the paragraph is its attribute list (a list may interrupt a paragraph).
    const last = lines[def.endLine];
    if (last === undefined) return undefined;
    return { range: range(def.endLine, last.length, def.endLine, last.length), newText: `\n- ${item}` };
  }
  const heading = lines[def.line];
  if (heading === undefined) return undefined;
  const next = lines[def.line + 1];
  const gap = next !== undefined && next.trim() !== '' ? '\n' : '';
  return { range: range(def.line, heading.length, def.line, heading.length), newText: `\n\n- ${item}${gap}` };
}

function tableCellEdit(lines: readonly string[], def: RequirementDef, key: string, value: string): TextEdit | undefined {
  if (def.tableHeaderLine === undefined) return undefined;
  const header = splitRow(lines[def.tableHeaderLine] ?? '');
  const column = header.findIndex((c) => !isIdHeader(c.text) && canonicalKey(c.text) === key);
  if (column < 0) return undefined;
  const row = lines[def.line] ?? '';
  const cell = splitRow(row)[column];
  if (!cell) return undefined;
  // An empty cell's offsets sit right before the next pipe: keep a space on both sides.
  const before = row[cell.start - 1] === ' ' ? '' : ' ';
  const after = row[cell.end] === '|' ? ' ' : '';
  return { range: range(def.line, cell.start, def.line, cell.end), newText: `${before}${value}${after}` };
}
