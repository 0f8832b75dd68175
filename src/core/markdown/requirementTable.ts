import { canonicalKey, stripInline } from '../attributes';
import { splitRow } from '../tableRow';
import { leadingId, type LeadingId } from './definitionAt';
import { isGroupingHeader, isIdHeader, isRequirementIdHeader, isTextHeader, tableKind } from './requirementContext';

/** One row of a requirements table that starts with an ID. */
export interface TableRow {
  readonly line: number;
  readonly id: LeadingId;
  /** Offset of the ID in the row's line. */
  readonly idStart: number;
  /** The title: the title column's value, else what follows the ID in its own cell. */
  readonly title: string;
  /** Canonical attribute → value and the cell it came from (in a vertical table, with its key cell). */
  readonly cells: readonly { key: string; header: string; value: string; start: number; end: number; line?: number; keyStart?: number; keyEnd?: number }[];
}

export interface RequirementTable {
  readonly headerLine: number;
  /** `trace` and `other` tables define nothing (see tableKind). */
  readonly kind: 'requirements' | 'trace' | 'other';
  readonly rows: readonly TableRow[];
  /** Key/value rows, one requirement per ID row (see readVerticalTable). */
  readonly vertical?: boolean;
  /** A column of requirement text (title, description…) or priority: a list of requirements wherever it stands. */
  readonly explicit?: boolean;
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
  const numericIds = isRequirementIdHeader(header[idColumn]);
  const keys = header.map((h) => canonicalKey(h));
  // The title column, else the first column of text (`Requirement`, `需求描述`).
  const named = keys.findIndex((k, i) => i !== idColumn && k === 'title');
  const titleColumn = named >= 0 ? named : header.findIndex((h, i) => i !== idColumn && isTextHeader(h));
  const rows: TableRow[] = [];
  for (const line of rowLines) {
    const text = lines[line];
    const cells = splitRow(text);
    const idCell = cells[idColumn];
    if (!idCell) continue;
    // `<a id="fr1">**FR-1**</a>`: an anchor for links around the ID.
    const cellText = unescapePipes(stripInline(withoutTags(idCell.text)));
    const id = leadingId(cellText) ?? (numericIds && /^\d+(?:\.\d+)*$/.test(cellText) ? numericId(cellText) : undefined);
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
  return { headerLine, kind, rows, explicit: titleColumn >= 0 || keys.includes('priority') };
}

function numericId(text: string): LeadingId {
  return { id: text, shape: 'numeric', start: 0, end: text.length, rest: '', marked: false, separated: false, label: false };
}

/**
 * A key/value table that describes one requirement per ID row: `| 用例编号 | UC-001 |` then
 * `| 用例名称 | 提交借用申请 |`, `| 优先级 | P0 |`. Use-case templates are written so; the ID row can
 * be the header. Returns undefined for any other table.
 */
export function readVerticalTable(lines: readonly string[], headerLine: number, rowLines: readonly number[]): RequirementTable | undefined {
  const rows: TableRow[] = [];
  let current: { line: number; id: LeadingId; idStart: number; title: string; cells: TableRow['cells'][number][] } | undefined;
  for (const line of [headerLine, ...rowLines]) {
    const text = lines[line];
    const cells = splitRow(text);
    if (cells.length < 2) continue;
    const key = stripInline(cells[0].text);
    const idRow = isIdHeader(key);
    // Rows before the first ID row belong to no requirement: most tables have none at all.
    if (!current && !idRow) continue;
    const value = unescapePipes(stripInline(withoutTags(cells[1].text)));
    const id = idRow ? leadingId(value) : undefined;
    if (id) {
      if (current) rows.push(current);
      current = { line, id, idStart: text.indexOf(id.id, cells[1].start), title: id.rest, cells: [] };
      continue;
    }
    if (!current || value === '') continue;
    const attribute = canonicalKey(key);
    if (attribute === 'title' && !current.title) current.title = value;
    else current.cells.push({ key: attribute, header: key, value, start: cells[1].start, end: cells[1].end, line, keyStart: cells[0].start, keyEnd: cells[0].end });
  }
  if (current) rows.push(current);
  return rows.length ? { headerLine, kind: 'requirements', rows, vertical: true } : undefined;
}

/** Escaped pipes (`\|`) in a cell are literal pipes. */
function unescapePipes(text: string): string {
  return text.includes('\\|') ? text.replace(/\\\|/g, '|') : text;
}

/** `<a id="fr1">**FR-1**</a>`: an anchor (or span) around the ID is for links, not part of it. */
function withoutTags(text: string): string {
  return text.includes('<') ? text.replace(/<\/?(?:a|span|code|b|strong)\b[^<>]*>/gi, '') : text;
}
