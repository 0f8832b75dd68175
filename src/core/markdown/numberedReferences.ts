import type { IdMatch } from '../ids';

/**
 * Citations of Kiro's numbered requirements, as tasks.md and design.md write them:
 * `_Requirements: 1.2, 3.1_`, `Requirements: 1.1–1.9`, `**Validates: Requirements 3.1, 3.2**`,
 * `(Requirement 2.3)`, `per Requirement 1.1`, `(Req 3)`, `_需求: 需求14, 需求16_`. A number alone is
 * not a citation: only a number that such a label introduces.
 */
const LABEL = /(?:(?<![A-Za-z])(?:Requirements?|Reqs?\.?)|需求)\s*[:：]?\s*/g;
const NUMBER = '\\d+(?:\\.\\d+)*';
/** One item of the list after a label: a number or a range (`1.1–1.9`, `4.1-4.4`), maybe prefixed `需求`. */
const ITEM = new RegExp(`^(?:需求\\s*)?(${NUMBER})(?:\\s*[–—~～-]\\s*(?:需求\\s*)?(${NUMBER}))?`);
const SEPARATOR = /^\s*(?:[,，、;；]|\band\b|和|及)\s*/;
/** Ranges longer than this are not expanded (a typo must not make thousands of tokens). */
const MAX_RANGE = 50;

/** Whether a line may hold such a citation (a cheap test before the regex). */
export function mayCiteNumbers(line: string): boolean {
  return /[Rr]eq|需求/.test(line);
}

/** The numbered citations of one line; a range cites every number in it, each spanning the range. */
export function numberedReferences(line: string): IdMatch[] {
  const out: IdMatch[] = [];
  LABEL.lastIndex = 0;
  for (let label = LABEL.exec(line); label; label = LABEL.exec(line)) {
    let at = label.index + label[0].length;
    for (;;) {
      const item = ITEM.exec(line.slice(at));
      if (!item) break;
      const [text, first, last] = item;
      // `需求2-6` in a Chinese design note means criterion 2.6, in tasks a range: take neither.
      if (last !== undefined && !first.includes('.') && !last.includes('.') && /-/.test(text)) {
        at += text.length;
      } else {
        out.push(...expand(first, last, at, at + text.length, line));
        at += text.length;
      }
      const sep = SEPARATOR.exec(line.slice(at));
      if (!sep) break;
      at += sep[0].length;
    }
    LABEL.lastIndex = Math.max(LABEL.lastIndex, at);
  }
  return out;
}

function expand(first: string, last: string | undefined, start: number, end: number, line: string): IdMatch[] {
  const firstStart = line.indexOf(first, start);
  const single = { id: first, start: firstStart, end: firstStart + first.length };
  if (last === undefined) return [single];
  const lastStart = line.lastIndexOf(last, end);
  const tail = { id: last, start: lastStart, end: lastStart + last.length };
  const a = first.split('.');
  const b = last.split('.');
  // Only ranges within one parent (`1.1–1.9`, `3–5`) have a known inside.
  if (a.length !== b.length || a.slice(0, -1).join('.') !== b.slice(0, -1).join('.')) return [single, tail];
  const from = Number(a[a.length - 1]);
  const to = Number(b[b.length - 1]);
  if (!(to > from) || to - from > MAX_RANGE) return [single, tail];
  const stem = a.slice(0, -1).map((x) => `${x}.`).join('');
  const inside = [];
  for (let n = from + 1; n < to; n++) inside.push({ id: `${stem}${n}`, start, end });
  return [single, ...inside, tail];
}
