import type { Locale } from './types';

const SAMPLE = 20_000;

/**
 * The language a document is written in, for `lang` attributes (fonts, line breaking, screen
 * readers): Chinese when Han characters are at least a fifth of its letters. Chinese prose has far
 * fewer characters than English for the same content, so a fifth already means mostly Chinese; a
 * sample of the start is enough and keeps this linear in nothing but the sample.
 */
export function textLocale(text: string): Locale | undefined {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
  if (han + latin === 0) return undefined;
  return han * 5 >= han + latin ? 'zh-cn' : 'en';
}
