import { canonicalKey, stripInline } from '../attributes';
import { splitRow } from '../tableRow';
import { leadingId, type LeadingId } from './definitionAt';
import { isGroupingHeader, isIdHeader, tableKind } from './requirementContext';

/** One row of a requirements table that starts with an ID. */
export interface TableRow {
  readonly line: number;
  readonly id: LeadingId;
  /** Offset of the ID in the row's line. */
  readonly idStart: number;
  /** The title: the title column's value, else what follows the ID in its own cell. */
  readonly title: string;
  /** Canonical attribute → value and the cell it came from. */
  readonly cells: readonly { key: string; header: string; value: string; start: number; end: number }[];
}

export interface RequirementTable {
  readonly headerLine: number;
  /** `trace` and `other` tables define nothing (see tableKind). */
  readonly kind: 'requirements' | 'trace' | 'other';
  readonly rows: readonly TableRow[];
}

/**
 * Reads a GFM table whose header names an ID column (`ID`, `需求编号`, `Req #`…, in any column).
 * `rowLines` are the body rows as markdown-it found them. Returns undefined for a table without an
 * ID column.
 */
export function readRequirementTable(lines: readonly string[], headerLine: number, rowLines: readonly number[]): RequirementTable | undefined {
  const header = splitRow(lines[headerLine]).map((c) => c.text);
  const idColumn = header.findIndex(isIdHeader);
  // The ID column comes first, or after columns that only number or group the rows (`序号`, `模块`).
  if (idColumn < 0 || !header.slice(0, idColumn).every(isGroupingHeader)) return undefined;
  const kind = tableKind(header, idColumn);
  const keys = header.map((h) => canonicalKey(h));
  const titleColumn = keys.findIndex((k, i) => i !== idColumn && k === 'title');
  const rows: TableRow[] = [];
  for (const line of rowLines) {
    const text = lines[line];
    const cells = splitRow(text);
    const idCell = cells[idColumn];
    if (!idCell) continue;
    const id = leadingId(unescapePipes(stripInline(idCell.text)));
    if (!id) continue;
    const idStart = text.indexOf(id.id, idCell.start);
    const out: TableRow['cells'][number][] = [];
    for (let c = 0; c < keys.length && c < cells.length; c++) {
      if (c === idColumn) continue;
      const value = unescapePipes(stripInline(cells[c].text));
      if (value !== '') out.push({ key: keys[c], header: header[c], value, start: cells[c].start, end: cells[c].end });
    }
    const title = titleColumn >= 0 ? unescapePipes(stripInline(cells[titleColumn]?.text ?? '')) : id.rest;
    rows.push({ line, id, idStart, title, cells: out });
  }
  return { headerLine, kind, rows };
}

/** Escaped pipes (`\|`) in a cell are literal pipes. */
function unescapePipes(text: string): string {
  return text.replace(/\\\|/g, '|');
}
