import { readFrontMatter } from '../frontMatter';
import { range, splitLines } from '../text';
import type { TextEdit } from './textEdit';

const PLAIN = /^[\w\u4e00-\u9fff][\w\u4e00-\u9fff .()/-]*$/;

/**
 * The edit that sets a top-level front-matter field to a string value, touching only that value:
 * comments, key order and the quoting style the author chose stay as they are. A missing field is
 * added before the closing fence, a missing front matter block is added at the top. Returns
 * undefined when the front matter is unusable (never closed, not YAML) or already has the value,
 * since rewriting a block the user is halfway through would lose their text.
 */
export function frontMatterEdit(text: string, key: string, value: string): TextEdit | undefined {
  const lines = splitLines(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fm = readFrontMatter(lines, 'en');
  if (!fm) return { range: range(0, bom, 0, bom), newText: `---\n${key}: ${quote(value)}\n---\n` };
  if (fm.problems.length || (!fm.data && !fm.empty)) return undefined;
  const field = fm.fields.get(key);
  if (!field) {
    return { range: range(fm.endLine, 0, fm.endLine, 0), newText: `${key}: ${quote(value)}\n` };
  }
  if (fm.data?.[key] === value) return undefined;
  const line = field.keyRange.end.line;
  const empty = field.valueRange === field.keyRange
    || (field.valueRange.start.line === field.valueRange.end.line && field.valueRange.start.character === field.valueRange.end.character);
  if (empty) {
    // `stage:` with nothing (or only a comment) after it: the value goes right after the colon.
    const colon = lines[line].indexOf(':', field.keyRange.end.character) + 1;
    return { range: range(line, colon, line, colon), newText: ` ${quote(value)}` };
  }
  const r = field.valueRange;
  const old = lines[r.start.line].slice(r.start.character);
  const newText = quote(value, old[0]);
  return { range: r, newText };
}

/** Quotes a YAML scalar in the style of the value it replaces, and only when it must. */
function quote(value: string, style?: string): string {
  if (style === '"') return JSON.stringify(value);
  if (style === "'") return `'${value.replace(/'/g, "''")}'`;
  return PLAIN.test(value) && !/^\d/.test(value) && !/^(true|false|null|yes|no|on|off|~)$/i.test(value) ? value : JSON.stringify(value);
}

