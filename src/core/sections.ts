import { trimEndChars, WHITE_SPACE } from './trimChars';
import { toSimplified } from './toSimplified';

/**
 * Section-title matching. PMs number headings (`2.3 Features`, `一、产品愿景`, `（二）目标用户`) and
 * punctuate them freely, so titles are compared after stripping both and folding case.
 */
const NUMBERING = /^\s*(?:[（(][一二三四五六七八九十百\d]+[)）][、.．]?|[一二三四五六七八九十百]+[、.．]|第[一二三四五六七八九十百\d]+[章节部分][、.．:：]?|\d+(?:\.\d+)*[.、．)]?|[IVX]+\.)\s*/;
const TRAILING = `${WHITE_SPACE}:：。.,，;；!！?？、`;

export function normalizeTitle(title: string): string {
  return trimEndChars(toSimplified(title).replace(/[*_`]/g, '').replace(NUMBERING, ''), TRAILING)
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export interface SectionSpec {
  readonly id: string;
  readonly title: { readonly en: string; readonly 'zh-cn': string };
  readonly aliases?: readonly string[];
  readonly level: 'required' | 'recommended';
  readonly holdsRequirements?: boolean;
}

const namesOf = new WeakMap<SectionSpec, ReadonlySet<string>>();

/** Where a bilingual or qualified heading splits: `功能需求规格 (Functional Requirements)`, `Risks / 风险`. */
// The parts are trimmed after the split: spaces around a separator in the pattern would be quadratic.
const PARTS = /[(（)）[\]【】/|｜—–:：]|\s-\s/;

/**
 * Whether a heading (normalized) names the section: one of its names exactly, or at the start of
 * the heading or of one of its parts followed by a word boundary, so a qualifier or a second
 * language does not hide it (`非功能性需求（NFR）— 扩展`, `User Scenarios & Testing (mandatory)`).
 */
export function headingMatches(heading: string, names: ReadonlySet<string>, parts = headingParts(heading)): boolean {
  if (names.has(heading)) return true;
  for (const part of parts) {
    if (names.has(part)) return true;
    for (const name of names) if (part.startsWith(name) && boundaryAfter(part, name.length)) return true;
  }
  return false;
}

/** A normalized heading and the parts a bilingual or qualified heading splits into. */
export function headingParts(heading: string): string[] {
  return [heading, ...heading.split(PARTS).map((p) => p.trim()).filter(Boolean)];
}

/** A Latin name must end at a word boundary (`features` is not `featureset`); CJK needs none. */
function boundaryAfter(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text[at];
  return after === undefined || before > 0x2e80 || !/[a-z0-9]/i.test(after);
}

/** All normalized names a section answers to (computed once per spec: every doc is checked against them). */
export function sectionNames(spec: SectionSpec): ReadonlySet<string> {
  let names = namesOf.get(spec);
  if (!names) namesOf.set(spec, (names = new Set([spec.title.en, spec.title['zh-cn'], ...(spec.aliases ?? [])].map(normalizeTitle))));
  return names;
}
