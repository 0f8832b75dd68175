import { initSpans, type SPANS, type SpanSlot } from '../attributeSpans';
import type { Heading } from '../model';
import { ID_RANGE, LINE_RANGE, withDefinitionRanges, withHeadingRange, type PackedRange } from '../packedRanges';
import type { MutableDef } from './blockReader';

/** A definition's fields as made, before its ranges and spans get their getters (see packedRanges, attributeSpans). */
export type DefFields = Omit<MutableDef, 'attributeSpans' | 'idRange' | 'range'> & { [ID_RANGE]: PackedRange; [LINE_RANGE]: PackedRange; [SPANS]: SpanSlot };

/** A definition from its fields, with its getters. */
export function definitionOf(fields: DefFields): MutableDef {
  return initSpans(withDefinitionRanges(fields)) as unknown as MutableDef;
}

/** A heading whose range is `packed` (see packedRanges). */
export function headingOf(line: number, level: number, text: string, packed: PackedRange, requirementId: string | undefined, nested: boolean): Heading {
  // Literals of one shape each: optional fields added afterwards would go to a separate property store.
  if (requirementId !== undefined) {
    return withHeadingRange(nested ? { line, level, text, [LINE_RANGE]: packed, requirementId, nested } : { line, level, text, [LINE_RANGE]: packed, requirementId }) as unknown as Heading;
  }
  return withHeadingRange(nested ? { line, level, text, [LINE_RANGE]: packed, nested } : { line, level, text, [LINE_RANGE]: packed }) as unknown as Heading;
}
