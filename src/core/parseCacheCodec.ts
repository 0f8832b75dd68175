import { packedSpans, withPackedSpans } from './attributeSpans';
import type { FrontMatter, FrontMatterField } from './frontMatter';
import { headingOf } from './markdown/parsedObjects';
import type { FileKind, Heading, ParsedFile, RequirementDef } from './model';
import { ID_RANGE, idRangeSlot, LINE_RANGE, lineRangeSlot, withDefinitionRanges, type PackedRange } from './packedRanges';
import { range } from './text';
import type { CachedParse } from './parseCache';
import type { Range, SpecDiagnostic } from './types';

/**
 * A parse as JSON text for a cache on disk, and back. The core owns this because a ParsedFile is
 * not plain data: attribute spans are packed behind a getter and one-line front matter keeps its
 * fields in a Map-like class. Bump CODEC_VERSION whenever ParsedFile's shape changes.
 */
export const CODEC_VERSION = 3;

/** The parse as JSON, or undefined when JSON would not give it back as it is (front matter with -0, NaN…). */
export function encodeParse(parsed: ParsedFile): string | undefined {
  const fm = parsed.frontMatter;
  if (fm && !jsonSafe(fm.data)) return undefined;
  // Ranges go as numbers (a definition's and a heading's packed slot, four numbers otherwise) and
  // spans as they are packed: as objects, they were a third of a large index's JSON and most of
  // the objects JSON.parse made only for the decoder to pack and drop (version 2: 156 MB of lines
  // for 100,000 requirements, and as long in garbage collection as in parsing).
  return JSON.stringify({
    ...parsed,
    frontMatter: fm && { ...fm, fields: [...fm.fields].map(([key, field]) => plainField(key, field)) },
    headings: parsed.headings.map(plainHeading),
    requirements: parsed.requirements.map((d) => plainDefinition(d, parsed.path)),
  });
}

/**
 * A parse read back from `text`. Throws on anything not shaped like what encodeParse writes: a
 * cache file is checked by its hash, but what reaches the index must not depend on that alone.
 */
export function decodeParse(text: string, path: string, kind: FileKind): ParsedFile {
  const raw = JSON.parse(text) as Record<string, unknown>;
  if (raw.path !== path || raw.kind !== kind || typeof raw.lineCount !== 'number') throw new Error('not this file');
  const headings = list(raw.headings).map(heading);
  const tokens = list(raw.tokens);
  for (const t of tokens as Record<string, unknown>[]) if (typeof t.id !== 'string' || typeof t.line !== 'number') throw new Error('bad token');
  const requirements = list(raw.requirements).map((d) => definition(d as Record<string, unknown>, path));
  const fm = raw.frontMatter as (Omit<FrontMatter, 'fields'> & { fields: unknown[] }) | undefined;
  if (fm !== undefined && (typeof fm !== 'object' || !Array.isArray(fm.fields) || !Array.isArray(fm.problems))) throw new Error('bad front matter');
  if (raw.directives !== undefined) list(raw.directives);
  return { ...raw, headings, tokens, requirements, ...(fm ? { frontMatter: { ...fm, fields: new Map(fm.fields.map(field)) } } : {}) } as unknown as ParsedFile;
}

export function encodeDiagnostics(diagnostics: readonly SpecDiagnostic[]): string {
  return JSON.stringify(diagnostics);
}

export function decodeDiagnostics(text: string, path: string): SpecDiagnostic[] {
  const out = list(JSON.parse(text)) as SpecDiagnostic[];
  for (const d of out) if (d.path !== path || typeof d.message !== 'string' || typeof d.range?.start?.line !== 'number') throw new Error('bad diagnostic');
  return out;
}

/** Both halves of a cache entry back; undefined `diagnostics` text means validate again. */
export function decodeCachedParse(hash: number, parse: string, diagnostics: string | undefined, path: string, kind: FileKind): CachedParse {
  return { hash, parsed: decodeParse(parse, path, kind), ...(diagnostics === undefined ? {} : { diagnostics: decodeDiagnostics(diagnostics, path) }) };
}

/** A range as four numbers. */
type RangeNumbers = [number, number, number, number];

function rangeNumbers(r: Range): RangeNumbers {
  return [r.start.line, r.start.character, r.end.line, r.end.character];
}

function rangeFrom(value: unknown): Range {
  if (!Array.isArray(value) || value.length !== 4 || !value.every((n) => typeof n === 'number')) throw new Error('bad range');
  return range(value[0] as number, value[1] as number, value[2] as number, value[3] as number);
}

/** A packed slot as written: the number itself, or a range that did not fit one as four numbers. */
function slotOut(slot: PackedRange): number | RangeNumbers {
  return typeof slot === 'number' ? slot : rangeNumbers(slot);
}

function slotIn(value: unknown): PackedRange {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : rangeFrom(value);
}

/** A front-matter field as `[name, key, …keyRange, …valueRange]`. */
function plainField(name: string, f: FrontMatterField): unknown[] {
  return [name, f.key, ...rangeNumbers(f.keyRange), ...rangeNumbers(f.valueRange)];
}

function field(value: unknown): [string, FrontMatterField] {
  const a = list(value);
  if (a.length !== 10 || typeof a[0] !== 'string' || typeof a[1] !== 'string') throw new Error('bad front-matter field');
  return [a[0], { key: a[1], keyRange: rangeFrom(a.slice(2, 6)), valueRange: rangeFrom(a.slice(6, 10)) }];
}

/** A heading as `[line, level, text, range slot, requirementId or 0, nested 1 or 0]`. */
function plainHeading(h: Heading): unknown[] {
  return [h.line, h.level, h.text, slotOut(lineRangeSlot(h)), h.requirementId ?? 0, h.nested ? 1 : 0];
}

/** A heading with its range packed again, as the parser makes it. */
function heading(value: unknown): Heading {
  const [line, level, text, slot, requirementId, nested] = list(value);
  if (typeof line !== 'number' || typeof level !== 'number' || typeof text !== 'string' || (requirementId !== 0 && typeof requirementId !== 'string')) throw new Error('bad heading');
  return headingOf(line, level, text, slotIn(slot), requirementId === 0 ? undefined : requirementId, nested === 1);
}

/**
 * A definition as plain data: its ranges as slots (`i`, `r`) or numbers, its spans as packed (the
 * getter that builds them is not called), its path as 0 when it is the file's. Keys keep their
 * order, so a definition from the cache spreads and serializes as one from the parser does.
 */
function plainDefinition(def: RequirementDef, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(def)) {
    if (key === 'attributeSpans' || key === 'idRange' || key === 'range') continue;
    out[key] = key === 'path' && def.path === path ? 0 : key === 'otherIdRanges' ? def.otherIdRanges?.map(rangeNumbers) : def[key as keyof RequirementDef];
  }
  out.i = slotOut(idRangeSlot(def));
  out.r = slotOut(lineRangeSlot(def));
  out.attributeSpans = packedSpans(def);
  return out;
}

/** A definition with its ranges and attribute spans packed again, as the parser makes them. */
function definition(raw: Record<string, unknown>, path: string): RequirementDef {
  const { attributeSpans, i, r, ...rest } = raw;
  if (rest.path === 0) rest.path = path;
  if (typeof rest.id !== 'string' || typeof rest.path !== 'string' || typeof rest.line !== 'number' || !Array.isArray(rest.traces) || typeof rest.attributes !== 'object') throw new Error('bad definition');
  if (rest.otherIdRanges !== undefined) rest.otherIdRanges = list(rest.otherIdRanges).map(rangeFrom);
  const packed = Object.assign(rest, { [ID_RANGE]: slotIn(i), [LINE_RANGE]: slotIn(r) });
  return withPackedSpans(withDefinitionRanges(packed), attributeSpans) as unknown as RequirementDef;
}

function list(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new Error('not a list');
  return value;
}

/** True when JSON.parse(JSON.stringify(value)) equals value: plain data, finite numbers, no -0 or undefined. */
function jsonSafe(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (Array.isArray(value)) return value.every(jsonSafe);
  if (typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(value as object).every(jsonSafe);
}
