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

/**
 * Where the last run of digits starts and ends (an optional one-letter suffix after it, `FR-002a`),
 * found by scanning back: a pattern anchored at the end is quadratic on an ID of many segments.
 */
function finalNumber(id: string): { start: number; end: number } | undefined {
  let end = id.length;
  if (end > 0 && /[A-Za-z]/.test(id[end - 1])) end--;
  let start = end;
  while (start > 0 && id.charCodeAt(start - 1) >= 48 && id.charCodeAt(start - 1) <= 57) start--;
  return start < end ? { start, end } : undefined;
}

/**
 * Everything before the final number: `REQ-CHK-` for `REQ-CHK-001`, `FR-A` for `FR-A01`, `FR` for
 * `FR12`, `FR-AP-001.` for `FR-AP-001.1`, `1.` for the Kiro criterion `1.2`.
 */
export function stemOf(id: string): string {
  const n = finalNumber(id);
  return n ? id.slice(0, n.start) : id;
}

/** The final number of an ID and how many digits it was written with (to keep zero padding). */
export function numberOf(id: string): { value: number; width: number } {
  const n = finalNumber(id);
  const digits = n ? id.slice(n.start, n.end) : '';
  return { value: digits ? Number(digits) : NaN, width: digits.length };
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

/**
 * How an ID is written, which decides where it counts:
 * - `strict`: the format's own shape (`REQ-CHK-001`). A reference wherever its prefix is known,
 *   source files included.
 * - `wide`: shapes real documents use in definition positions: a final segment with letters
 *   (`FR-A01`), a letter suffix (`FR-002a`), dotted children (`FR-AP-001.1`) or no dash (`FR1`,
 *   `US1`). In documents a reference only when something defines it; never in source files, so
 *   nothing new lights up in code.
 * - `numeric`: Kiro's requirement numbers (`1`, `1.2`), only in Kiro's own positions and always
 *   scoped to their folder.
 */
export type IdShape = 'strict' | 'wide' | 'numeric';

const NUMERIC_ID = /^\d+(?:\.\d+)*$/;
/**
 * Strict and wide IDs in document text. Each alternative has one way to match a given text (the
 * segments cannot contain a dash), so a long run such as `REQ-1-1-1…` is matched in linear time.
 */
const DOC_ID_TAIL = '(?:[A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]{0,3}\\d+|[A-Z]{0,4}\\d+)[A-Za-z]?(?:\\.\\d+)*(?![A-Za-z0-9_]|\\.\\d)';
const DOC_ID_BODY = `[A-Z]${DOC_ID_TAIL}`;
const WHOLE_DOC_ID = new RegExp(`^${DOC_ID_BODY}$`);
/** Priority values are shaped like dash-less IDs but never name a requirement. */
const PRIORITY_WORD = /^P\d$/;

export function shapeOf(id: string): IdShape {
  if (WHOLE_ID.test(id)) return 'strict';
  return NUMERIC_ID.test(id) ? 'numeric' : 'wide';
}

/** True for a strict or wide ID (what a definition position accepts). */
export function isDefinitionId(text: string): boolean {
  return WHOLE_DOC_ID.test(text) && !PRIORITY_WORD.test(text);
}

export function isNumericId(text: string): boolean {
  return NUMERIC_ID.test(text);
}

/** A sticky regex for a strict or wide ID at a given offset (set `lastIndex`). */
export function leadingIdPattern(): RegExp {
  return new RegExp(DOC_ID_BODY, 'y');
}

/**
 * The scanner's pattern starts with the capital letter, not a lookbehind, so the regex engine can
 * skip ahead to candidates. The lookbehind right after that letter refuses a start inside a word
 * (`xREQ-1`, `foo-REQ-1`) before the body runs: without it, every letter of a long run such as the
 * `AAAA…` of a base64 image started a match that ran to the end of the run, quadratic in the run's
 * length (a 50 MB data: URI took a minute). Each attempt alone is linear, so a checker of single
 * patterns (test/unit/regexSafety.test.ts) cannot see it: the scan from every position was quadratic.
 */
const DOC_ID = new RegExp(`[A-Z](?<![A-Za-z0-9_\\-][A-Z])${DOC_ID_TAIL}`, 'g');
const DOC_ID_CANDIDATE = /[A-Z-]\d/;

/** Strict and wide ID-shaped tokens in one line of a document (`P1` and the like left out). */
export function scanDocIds(line: string): IdMatch[] {
  if (!DOC_ID_CANDIDATE.test(line)) return [];
  const out: IdMatch[] = [];
  // One shared regex (compiling one per line was a tenth of a parse); nothing here re-enters it.
  const re = DOC_ID;
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (!PRIORITY_WORD.test(m[0])) out.push({ id: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}
