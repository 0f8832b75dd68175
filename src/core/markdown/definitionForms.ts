import { prefixOf, type IdShape } from '../ids';
import { leadingId, type LeadingId } from './definitionAt';
import type { ParseOptions } from './parseOptions';

/** spec-kit's `User Story 1 - Title (Priority: P1)`, also in Chinese. */
const USER_STORY = /^(?:user story|story|用户故事|用户场景)\s*(\d+)\s*(?:[-—–:：.]\s*|\s+|$)(.*)$/i;
/** Kiro's `Requirement 1: Title` / `需求 1：标题`. */
const NUMBERED_REQUIREMENT = /^(?:requirement|需求)\s*(\d+(?:\.\d+)*)\s*(?:[-—–:：.]\s*|\s+|$)(.*)$/i;
/** The heading (or bold line) over Kiro's numbered criteria. */
const CRITERIA_HEADING = /^(?:\*\*|__)?\s*(?:acceptance criteria|验收标准|验收条件)\s*[:：]?\s*(?:\*\*|__)?\s*[:：]?$/i;
/** Section numbering before an ID in a heading: `3.2.1 FR-01 Login`. */
const SECTION_NUMBER = /^(?:\d+(?:\.\d+)*\.?|[一二三四五六七八九十]+[、.．])\s+/;

/** An ID found in a definition position, with the offset of the ID in the text examined. */
export interface FoundId {
  readonly id: string;
  readonly shape: IdShape;
  readonly start: number;
  /** End of the ID as written: `User Story 1` for `US1`, so the range covers what the reader sees. */
  readonly end: number;
  readonly rest: string;
  /** Kiro and spec-kit headings name the kind of thing they define. */
  readonly form?: 'user-story' | 'numbered';
}

/**
 * Whether a definition position may define `found` in a section of `context` (see
 * requirementContext): `requirements`, `blocked` (risks, glossary, history, matrices) or unknown.
 */
export function mayDefine(found: { id: string; shape: IdShape }, context: 'requirements' | 'blocked' | undefined, options: ParseOptions, position: 'heading' | 'loose'): boolean {
  if (found.shape === 'numeric') return context === 'requirements';
  const prefix = prefixOf(found.id);
  if (options.definesPrefix && !options.definesPrefix(prefix)) return false;
  if (options.declaredPrefix?.(prefix)) return true;
  if (context === 'blocked') return false;
  // The format's own heading form defines anywhere; every looser form needs a requirements context.
  return context === 'requirements' || (position === 'heading' && found.shape === 'strict');
}

/**
 * The ID a heading's text starts with: `REQ-1: Title`, `**FR-01** 登录（P0）`, `3.2.1 FR-01 Login`,
 * `User Story 1 - Title` (id `US1`), `Requirement 1: Title` / `需求 1：标题` (id `1`).
 */
export function headingId(text: string): FoundId | undefined {
  const story = USER_STORY.exec(text);
  if (story) return { id: `US${story[1]}`, shape: 'wide', start: 0, end: writtenEnd(text, story[1]), rest: story[2], form: 'user-story' };
  const numbered = NUMBERED_REQUIREMENT.exec(text);
  if (numbered) return { id: numbered[1], shape: 'numeric', start: 0, end: writtenEnd(text, numbered[1]), rest: numbered[2], form: 'numbered' };
  const numbering = SECTION_NUMBER.exec(text)?.[0].length ?? 0;
  const found = leadingId(text.slice(numbering));
  return found ? fromLeading(found, numbering) : undefined;
}

/**
 * The ID a list item or paragraph starts with. It must be marked (`**FR-1**`, `[FR-1]`) or
 * followed by a separator (`FR-1: …`): `FR-1 is done` is a sentence, not a definition.
 */
export function looseId(text: string): FoundId | undefined {
  const found = leadingId(text);
  if (!found || !(found.marked || found.separated)) return undefined;
  return fromLeading(found, 0);
}

export function isCriteriaHeading(text: string): boolean {
  return CRITERIA_HEADING.test(text.trim());
}

function fromLeading(found: LeadingId, offset: number): FoundId {
  return { id: found.id, shape: found.shape, start: offset + found.start, end: offset + found.end, rest: found.rest };
}

/** Where the number ends in `Requirement 12: …`. */
function writtenEnd(text: string, number: string): number {
  return text.indexOf(number) + number.length;
}
