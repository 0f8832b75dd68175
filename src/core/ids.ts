/**
 * Requirement ID syntax. An ID is an upper-case prefix, optional upper-case/digit segments and a final
 * number (`REQ-12`, `REQ-CHK-001`). Whether an ID-shaped token is a real reference depends on its
 * prefix being known, so scanners keep every token and the index filters by prefix later: a prefix
 * can become known after a file was scanned.
 */

/** Global scanner. Lookbehind/lookahead stop matches inside words; segments are '-'-delimited so backtracking stays linear. */
const ID_SOURCE = '(?<![A-Za-z0-9_\\-])[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\\d+(?![A-Za-z0-9_])';

/** A fresh global regex (callers own lastIndex). */
export function idRegExp(): RegExp {
  return new RegExp(ID_SOURCE, 'g');
}

const WHOLE_ID = /^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d+$/;

/** True when `text` is exactly one well-formed requirement ID. */
export function isRequirementId(text: string): boolean {
  return WHOLE_ID.test(text);
}

/** The ID's first segment: `REQ` for `REQ-CHK-001`. */
export function prefixOf(id: string): string {
  const dash = id.indexOf('-');
  return dash < 0 ? id : id.slice(0, dash);
}

/** Everything before the final number, dash included: `REQ-CHK-` for `REQ-CHK-001`. */
export function stemOf(id: string): string {
  return id.slice(0, id.lastIndexOf('-') + 1);
}

/** The final number of an ID and how many digits it was written with (to keep zero padding). */
export function numberOf(id: string): { value: number; width: number } {
  const digits = id.slice(id.lastIndexOf('-') + 1);
  return { value: Number(digits), width: digits.length };
}

/** Builds `stem + n`, zero-padded to `width`. */
export function formatId(stem: string, n: number, width: number): string {
  return stem + String(n).padStart(width, '0');
}

export interface IdMatch {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** All ID-shaped tokens in one line of text. */
export function scanIds(line: string): IdMatch[] {
  if (!hasIdCandidate(line)) return [];
  const out: IdMatch[] = [];
  const re = idRegExp();
  for (let m = re.exec(line); m; m = re.exec(line)) {
    out.push({ id: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Cheap pre-filter: an ID needs a '-' followed by a digit somewhere. */
export function hasIdCandidate(text: string): boolean {
  let i = text.indexOf('-');
  while (i >= 0) {
    const c = text.charCodeAt(i + 1);
    if (c >= 48 && c <= 57) return true;
    i = text.indexOf('-', i + 1);
  }
  return false;
}
