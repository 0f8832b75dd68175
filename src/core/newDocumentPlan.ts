import { hasHan, pinyinInitials } from './pinyin';
import { productIdSuffix, slugify, uniqueName } from './products';
import type { DocSummary } from './specboard';
import type { Locale } from './types';
import { trimEndChars } from './trimChars';

export interface NewDocumentInput {
  /** The document type (`prd`) and its abbreviation (`PRD`), as the schema names them. */
  readonly type: string;
  readonly abbreviation?: string;
  readonly title: string;
  readonly product?: string;
  /** The product's documents (for the ID suffix they share) and every document ID taken. */
  readonly productDocs: readonly DocSummary[];
  readonly takenIds: ReadonlySet<string>;
  /** `specboard.templates.language`: a language, or auto (follow the title, then `fallback`). */
  readonly language: Locale | 'auto';
  readonly fallback: Locale;
}

export interface NewDocumentPlan {
  /** File name, Chinese kept (`prd-会员积分.md`). */
  readonly fileName: string;
  /** A readable document ID (`PRD-SHOP`, `PRD-HYJF`), not yet taken. */
  readonly id: string;
  /** The language of the template's headings. */
  readonly locale: Locale;
}

const MAX_SUFFIX = 24;

/**
 * File name, document ID and heading language of a new document. A title such as `会员积分 PRD`
 * names the product, not the type: the type's own word is left out of the file name and ID. The
 * ID names the product as its documents do (`PRD-PAY` beside `BRD-PAY`), else the title, its
 * Chinese spelled by pinyin initials.
 */
export function newDocumentPlan(input: NewDocumentInput): NewDocumentPlan {
  const typeWords = new Set([input.type.toLowerCase(), (input.abbreviation ?? '').toLowerCase()].filter(Boolean));
  const words = input.title.trim().split(/[\s_\-—–:：,，.。/()（）]+/).filter((w) => w && !typeWords.has(w.toLowerCase()));
  const slug = slugify(words.join(' '));
  const fileName = `${input.type}${slug ? `-${slug}` : ''}.md`;
  const prefix = (input.abbreviation ?? input.type).toUpperCase().replace(/[^A-Z0-9]/g, '') || 'DOC';
  // Only a named product's documents share an ID part; documents of no product share nothing.
  const fromProduct = input.product?.trim() ? productIdSuffix(input.product, input.productDocs) : undefined;
  const suffix = fromProduct ?? titleSuffix(words) ?? titleSuffix(input.product ? [input.product] : []);
  const base = suffix ? `${prefix}-${suffix}` : `${prefix}-1`;
  const id = uniqueName(base, (candidate) => input.takenIds.has(candidate));
  const locale = input.language !== 'auto' ? input.language : hasHan(input.title) ? 'zh-cn' : /[A-Za-z]/.test(words.join('')) ? 'en' : input.fallback;
  return { fileName, id, locale };
}

/** An ID part from title words: ASCII words as they are, Chinese by pinyin initials (`会员积分` → `HYJF`). */
function titleSuffix(words: readonly string[]): string | undefined {
  const parts = words.map((w) => (hasHan(w) ? pinyinInitials(w) + asciiPart(w) : asciiPart(w))).filter(Boolean);
  const joined = trimEndChars(parts.join('-').slice(0, MAX_SUFFIX), '-');
  return joined || undefined;
}

function asciiPart(word: string): string {
  return word.toUpperCase().normalize('NFKD').replace(/[^A-Z0-9]+/g, '');
}
