import { packedSpans, withPackedSpans } from './attributeSpans';
import type { FrontMatter, FrontMatterField } from './frontMatter';
import { headingOf } from './markdown/parsedObjects';
import type { FileKind, Heading, ParsedFile, RequirementDef } from './model';
import { ID_RANGE, LINE_RANGE, packRange, withDefinitionRanges } from './packedRanges';
import type { CachedParse } from './parseCache';
import type { Range, SpecDiagnostic } from './types';

/**
 * A parse as JSON text for a cache on disk, and back. The core owns this because a ParsedFile is
 * not plain data: attribute spans are packed behind a getter and one-line front matter keeps its
 * fields in a Map-like class. Bump CODEC_VERSION whenever ParsedFile's shape changes.
 */
export const CODEC_VERSION = 2;

/** The parse as JSON, or undefined when JSON would not give it back as it is (front matter with -0, NaN…). */
export function encodeParse(parsed: ParsedFile): string | undefined {
  const fm = parsed.frontMatter;
  if (fm && !jsonSafe(fm.data)) return undefined;
  return JSON.stringify({
    ...parsed,
    frontMatter: fm && { ...fm, fields: [...fm.fields] },
    // Spans go as they are packed: as objects they were most of a document's JSON, and decoding
    // them was most of the time the index waited for a worker's parses.
    requirements: parsed.requirements.map(plainDefinition),
  });
}

/**
 * A parse read back from `text`. Throws on anything not shaped like what encodeParse writes: a
 * cache file is checked by its hash, but what reaches the index must not depend on that alone.
 */
export function decodeParse(text: string, path: string, kind: FileKind): ParsedFile {
  const raw = JSON.parse(text) as Record<string, unknown>;
  if (raw.path !== path || raw.kind !== kind || typeof raw.lineCount !== 'number') throw new Error('not this file');
  const headings = list(raw.headings).map((h) => heading(h as Record<string, unknown>));
  const tokens = list(raw.tokens);
  for (const t of tokens as Record<string, unknown>[]) if (typeof t.id !== 'string' || typeof t.line !== 'number') throw new Error('bad token');
  const requirements = list(raw.requirements).map((d) => definition(d as Record<string, unknown>));
  const fm = raw.frontMatter as (Omit<FrontMatter, 'fields'> & { fields: [string, FrontMatterField][] }) | undefined;
  if (fm !== undefined && (typeof fm !== 'object' || !Array.isArray(fm.fields) || !Array.isArray(fm.problems))) throw new Error('bad front matter');
  if (raw.directives !== undefined) list(raw.directives);
  return { ...raw, headings, tokens, requirements, ...(fm ? { frontMatter: { ...fm, fields: new Map(fm.fields) } } : {}) } as unknown as ParsedFile;
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

/** A definition as plain data, its spans as packed (the getter that builds them is not called). */
function plainDefinition(def: RequirementDef): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(def)) if (key !== 'attributeSpans') out[key] = def[key as keyof RequirementDef];
  out.attributeSpans = packedSpans(def);
  return out;
}

/** A heading with its range packed again, as the parser makes it. */
function heading(raw: Record<string, unknown>): Heading {
  const { line, level, text, requirementId, nested } = raw;
  if (typeof line !== 'number' || typeof level !== 'number' || typeof text !== 'string' || (requirementId !== undefined && typeof requirementId !== 'string')) throw new Error('bad heading');
  return headingOf(line, level, text, packRange(rangeOf(raw.range), line), requirementId, nested === true);
}

/** A definition with its ranges and attribute spans packed again, as the parser makes them. */
function definition(raw: Record<string, unknown>): RequirementDef {
  const { attributeSpans, idRange, range, ...rest } = raw;
  if (typeof rest.id !== 'string' || typeof rest.line !== 'number' || !Array.isArray(rest.traces) || typeof rest.attributes !== 'object') throw new Error('bad definition');
  const packed = Object.assign(rest, { [ID_RANGE]: packRange(rangeOf(idRange), rest.line), [LINE_RANGE]: packRange(rangeOf(range), rest.line) });
  return withPackedSpans(withDefinitionRanges(packed), attributeSpans) as unknown as RequirementDef;
}

function rangeOf(value: unknown): Range {
  const r = value as Range | undefined;
  if (typeof r?.start?.line !== 'number' || typeof r.start.character !== 'number' || typeof r.end?.line !== 'number' || typeof r.end.character !== 'number') throw new Error('bad range');
  return r;
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
