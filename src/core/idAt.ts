import { scanDocIds, scanIds } from './ids';
import { mayCiteNumbers, numberedReferences } from './markdown/numberedReferences';
import type { ParsedFile } from './model';
import type { RequirementIndex } from './requirementIndex';
import { contains, range } from './text';
import type { Position, Range } from './types';

export interface IdHit {
  readonly id: string;
  readonly range: Range;
  readonly isDefinition: boolean;
}

/** The requirement ID at a position of a parse: a definition, a known-prefix reference, or an ID in `traces`. */
export function idAt(index: RequirementIndex, parsed: ParsedFile, position: Position): IdHit | undefined {
  for (const def of parsed.requirements) {
    if (contains(def.idRange, position)) return { id: def.id, range: def.idRange, isDefinition: true };
    const other = def.otherIdRanges?.find((r) => contains(r, position));
    if (other) return { id: def.id, range: other, isDefinition: true };
  }
  for (const t of parsed.tokens) {
    if (t.line !== position.line) continue;
    const r = range(t.line, t.start, t.line, t.end);
    if (contains(r, position) && index.isReference(t.id, parsed.path)) return { id: t.id, range: r, isDefinition: false };
  }
  return undefined;
}

/**
 * The ID-shaped word at a position in a line of text: the strict shape, or in a document also
 * the wide shapes and Kiro's cited numbers (`_Requirements: 1.2_`).
 */
export function idInLine(line: string, character: number, document = false): { id: string; start: number; end: number } | undefined {
  const at = (m: { start: number; end: number }) => m.start <= character && character <= m.end;
  if (!document) return scanIds(line).find(at);
  return scanDocIds(line).find(at) ?? (mayCiteNumbers(line) ? numberedReferences(line).find((m) => at(m) && m.end - m.start === m.id.length) : undefined);
}
