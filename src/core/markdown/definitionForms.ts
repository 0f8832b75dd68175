import { prefixOf, scanDocIds, shapeOf, type IdShape } from '../ids';
import { leadingId, type LeadingId } from './definitionAt';
import type { ParseOptions } from './parseOptions';
import { toSimplified } from '../toSimplified';

/** spec-kit's `User Story 1 - Title (Priority: P1)`, also in Chinese. */
const USER_STORY = /^(?:user story|story|用户故事|故事|用户场景)\s*(\d+(?:\.\d+)*)(?:\s*[-—–:：.]\s*|\s+|$)(.*)/i;
/** Kiro's `Requirement 1: Title` / `需求 1：标题`. */
// The title runs to the end of the text without a `$` after it: nothing can fail after `(.*)`, so nothing backtracks.
const NUMBERED_REQUIREMENT = /^(?:requirement|需求)\s*(\d+(?:\.\d+)*)(?:\s*[-—–:：.]\s*|\s+|$)(.*)/i;
/** The heading (or bold line) over Kiro's numbered criteria, once emphasis and colons are gone. */
const CRITERIA_HEADINGS = new Set(['acceptance criteria', '验收标准', '验收条件']);
/** Section numbering or a label before an ID in a heading: `3.2.1 FR-01 Login`, `ID: UFR-1`. */
const SECTION_NUMBER = /^(?:\d+(?:\.\d+)*\.?\s+|[一二三四五六七八九十]+[、.．]\s*|(?:ID|Req(?:uirement)? ID|需求编号|编号)\s*[:：]\s*)/i;
/** T-Reqs tags: `[requirement id=REQ1 story=US1d]`, `[userstory id=US5]`. */
const TAGGED = /^\[(?:requirement|userstory|story)\s+id=([A-Za-z0-9.-]+)(?![A-Za-z0-9.-])[^\]]*\]\s*(.*)$/i;

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
  /** For a second ID in a heading: where the first requirement's title ends in its `rest`. */
  readonly titleEnd?: number;
}

/**
 * Whether a definition position may define `found` in a section of `context` (see
 * requirementContext): `requirements`, `blocked` (risks, glossary, history, matrices) or unknown.
 */
export function mayDefine(found: { id: string; shape: IdShape; form?: FoundId['form'] }, context: 'requirements' | 'blocked' | undefined, options: ParseOptions, position: 'heading' | 'loose'): boolean {
  // Kiro's numbers and spec-kit's stories are named by their heading, whatever prefixes the workspace declares.
  if (found.shape === 'numeric' || found.form) return context === 'requirements';
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
  // `#### **Story 0.1: Monorepo 项目结构创建**`: a story or numbered requirement wrapped in bold.
  // Words are matched in Simplified form (`用戶故事 1`, `需求 1`); one character for one, so offsets
  // and the title, which runs to the end, are the same in the text as written.
  const plain = toSimplified(text);
  const mark = text.slice(0, 2);
  if (text.length > 4 && (mark === '**' || mark === '__') && text.endsWith(mark)) {
    const inner = storyOrNumbered(text.slice(2, -2), plain.slice(2, -2));
    if (inner) return { ...inner, start: inner.start + 2, end: inner.end + 2 };
  }
  return storyOrNumbered(text, plain) ?? idHeading(text, plain);
}

/** spec-kit's and BMAD's stories, Kiro's numbered requirements; `plain` is `text` in Simplified form. */
function storyOrNumbered(text: string, plain: string): FoundId | undefined {
  const story = USER_STORY.exec(plain);
  if (story) {
    // BMAD numbers stories by epic (`Story 1.2`): the number is the ID, as for Kiro's requirements.
    const dotted = story[1].includes('.');
    return { id: dotted ? story[1] : `US${story[1]}`, shape: dotted ? 'numeric' : 'wide', start: 0, end: writtenEnd(text, story[1]), rest: text.slice(text.length - story[2].length), form: 'user-story' };
  }
  const numbered = NUMBERED_REQUIREMENT.exec(plain);
  if (numbered) return { id: numbered[1], shape: 'numeric', start: 0, end: writtenEnd(text, numbered[1]), rest: text.slice(text.length - numbered[2].length), form: 'numbered' };
  return undefined;
}

/** A heading led by an ID: tagged, numbered (`3.2.1 FR-01 Login`) or as it is. */
function idHeading(text: string, plain: string): FoundId | undefined {
  const tagged = TAGGED.exec(text);
  if (tagged) {
    const found = leadingId(tagged[1]);
    const start = text.indexOf(tagged[1]);
    if (found && found.id === tagged[1]) return { id: found.id, shape: found.shape, start, end: start + found.id.length, rest: tagged[2] };
  }
  const numbering = SECTION_NUMBER.exec(plain)?.[0].length ?? 0;
  const found = leadingId(text.slice(numbering));
  // `### 10.1 V0 技术可行性版本`: one letter and a number is an ID only with a separator after it.
  if (found && /^[A-Z]\d/.test(found.id) && !found.id.includes('-') && !found.separated) return undefined;
  return found ? fromLeading(found, numbering) : undefined;
}

/** `（P2 可选）` at the end of a heading, tested on the last characters only (so on a bounded string). */
const LEVEL_AT_END = /[(（[【]P\d[^()（）[\]【】]{0,16}[)）\]】]$/;

/**
 * `（P2 可选）` after a trailing ID, with the white space around it: the priority, read by
 * titleParts. Found from the end; the same pattern with `\s*…\s*$` was quadratic in a run of spaces.
 */
export function trailingLevel(text: string): string {
  const trimmed = text.trimEnd();
  const tail = trimmed.slice(Math.max(0, trimmed.length - 20));
  const m = LEVEL_AT_END.exec(tail);
  if (!m) return '';
  let start = trimmed.length - tail.length + m.index;
  while (start > 0 && /\s/.test(trimmed[start - 1])) start--;
  return text.slice(start);
}

/** What a trailing ID may look like: a strict or wide dashed ID, or two to six letters and three digits or more. */
const TRAILING_ID = /^[(（[【]?([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]{0,3}\d+[A-Za-z]?|[A-Z]{2,6}\d{3,})[)）\]】]?$/;

/**
 * The ID a heading's text ends with, where requirements documents put it. Only IDs with a dash or
 * two letters and three digits: `Support for HTTP2` and `Upgrade to V2` end with no ID.
 */
export function trailingHeadingId(text: string): FoundId | undefined {
  const level = trailingLevel(text);
  const head = text.slice(0, text.length - level.length).trimEnd();
  // The last word, found without a regex over the whole heading (a line of spaces costs one pass).
  let i = head.length - 1;
  while (i >= 0 && !/\s/.test(head[i])) i--;
  const m = i > 0 ? TRAILING_ID.exec(head.slice(i + 1)) : null;
  const before = head.slice(0, i).trimEnd();
  // `调试模式（FR-005 ~ FR-007）`, `Login (FR-1 to FR-3)`: a range of IDs defined below.
  if (!m || before === '' || scanDocIds(before).length > 0) return undefined;
  const start = head.lastIndexOf(m[1]);
  return { id: m[1], shape: shapeOf(m[1]), start, end: start + m[1].length, rest: before.replace(SECTION_NUMBER, '') + level };
}

/** `FR-10 产品目录 / FR-11 服务目录`: a second requirement in the same heading, after a slash. */
export function secondHeadingId(rest: string): FoundId | undefined {
  const slash = /\s[/／]\s*/.exec(rest);
  if (!slash) return undefined;
  const found = leadingId(rest.slice(slash.index + slash[0].length));
  if (!found || found.shape === 'numeric') return undefined;
  const offset = slash.index + slash[0].length;
  return { id: found.id, shape: found.shape, start: offset + found.start, end: offset + found.end, rest: found.rest, titleEnd: slash.index };
}

/**
 * The ID a list item starts with. It must be marked (`**FR-1**`, `[FR-1]`) or followed by a
 * separator (`FR-1: …`): `FR-1 is done` is a sentence, not a definition.
 */
export function looseId(text: string, found = leadingId(text)): FoundId | undefined {
  // `FR-2.1 PD Publisher`: a dotted child ID is no word of a sentence, even without a separator.
  if (!found || !(found.marked || found.separated || /-\d+\.\d+$/.test(found.id))) return undefined;
  // `**NFR-01 稳定性**: …` is an ID, its title and its text; `**EC2 Auto Scaling:**` and
  // `**PP-TSM inference 模型**: …` (a name without digits, being explained) are terms.
  if (found.label && (!found.id.includes('-') || !/\d/.test(found.id))) return undefined;
  return fromLeading(found, 0);
}

/**
 * The ID a paragraph or one of its lines starts with: marked (`**FR-12: Title**`), followed by a
 * separator (`FR-1: …`, `FR1 – Add book`), or a dotted child (`FR-2.1 PD Publisher`).
 */
export function lineId(text: string): FoundId | undefined {
  const lead = leadingId(text);
  const found = lead && looseId(text, lead);
  return found && (lead.marked || lead.separated || /-\d+\.\d+$/.test(lead.id)) ? found : undefined;
}

/**
 * The letters of an ID without a dash (`F` for `F12`) when they are not a requirement prefix. In a
 * list such an ID counts only as part of a series (`F1`, `F2`…): alone it is more likely a name
 * (`**HTML5**`, `**S3:**`, `**ES2015**`). Undefined for dashed IDs and for FR, NFR, REQ, UC, US….
 */
export function seriesPrefix(id: string): string | undefined {
  const letters = id.includes('-') ? undefined : /^[A-Z]+/.exec(id)?.[0];
  // Prefixes that name requirements (FR, NFR, UR, UIR, REQ, UC, US…) need no series.
  return letters && !/^(?:[A-Z]{0,3}R|REQ|UC|US|SC|AC)$/.test(letters) ? letters : undefined;
}

/** The ID a task list item states a requirement with: marked and separated (`**AUTH-01**: …`), else undefined. */
export function checkedRequirementId(text: string): FoundId | undefined {
  const lead = leadingId(text);
  return lead && lead.marked && lead.separated && !lead.label ? looseId(text, lead) : undefined;
}

export function isCriteriaHeading(text: string): boolean {
  if (text.length > 64) return false;
  return CRITERIA_HEADINGS.has(toSimplified(text).replace(/[*_:：]/g, ' ').trim().replace(/\s+/g, ' ').toLowerCase());
}

function fromLeading(found: LeadingId, offset: number): FoundId {
  return { id: found.id, shape: found.shape, start: offset + found.start, end: offset + found.end, rest: found.rest };
}

/** Where the number ends in `Requirement 12: …`. */
function writtenEnd(text: string, number: string): number {
  return text.indexOf(number) + number.length;
}
