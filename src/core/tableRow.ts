/** One GFM table cell with its trimmed text and its offsets in the line. */
export interface Cell {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const DELIMITER_CELL = /^:?-+:?$/;

/**
 * `|---|:--:|`: cells of dashes with optional colons, outer pipes optional. Checked a cell at a
 * time: one pattern for the whole row (`^\s*\|?\s*:?-+…\|?\s*$`) was quadratic in a run of spaces.
 */
export function isDelimiterRow(line: string): boolean {
  if (!line.includes('-')) return false;
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|')) row = row.slice(0, -1);
  return row.split('|').every((cell) => DELIMITER_CELL.test(cell.trim()));
}

/** Splits a table row on unescaped pipes, dropping the optional outer pipes. */
export function splitRow(line: string): Cell[] {
  const cells: Cell[] = [];
  let start = 0;
  const trimmedStart = line.length - line.trimStart().length;
  if (line[trimmedStart] === '|') start = trimmedStart + 1;
  let i = start;
  const push = (from: number, to: number) => {
    const raw = line.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    cells.push({ text, start: from + lead, end: from + lead + text.length });
  };
  for (; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') { i++; continue; }
    if (c === '|') { push(start, i); start = i + 1; }
  }
  if (line.slice(start).trim() !== '') push(start, line.length);
  return cells;
}
