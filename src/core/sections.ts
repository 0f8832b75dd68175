/**
 * Section-title matching. PMs number headings (`2.3 Features`, `一、产品愿景`, `（二）目标用户`) and
 * punctuate them freely, so titles are compared after stripping both and folding case.
 */
const NUMBERING = /^\s*(?:[（(][一二三四五六七八九十百\d]+[)）][、.．]?|[一二三四五六七八九十百]+[、.．]|第[一二三四五六七八九十百\d]+[章节部分][、.．:：]?|\d+(?:\.\d+)*[.、．)]?|[IVX]+\.)\s*/;
const TRAILING = /[\s:：。.,，;；!！?？、]+$/;

export function normalizeTitle(title: string): string {
  return title
    .replace(/[*_`]/g, '')
    .replace(NUMBERING, '')
    .replace(TRAILING, '')
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

/** All normalized names a section answers to (computed once per spec: every doc is checked against them). */
export function sectionNames(spec: SectionSpec): ReadonlySet<string> {
  let names = namesOf.get(spec);
  if (!names) namesOf.set(spec, (names = new Set([spec.title.en, spec.title['zh-cn'], ...(spec.aliases ?? [])].map(normalizeTitle))));
  return names;
}
