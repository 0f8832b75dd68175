/**
 * Trimming by a set of characters, in linear time. `s.replace(/[…]+$/, '')` looks so cheap, but
 * V8 tries the pattern from every position of a run that is not at the end, which is quadratic in
 * the run: a heading of `a`, 100,000 spaces and `b` took 17 s. These scan from the ends instead.
 */

/** `s` without the characters of `chars` at its end. */
export function trimEndChars(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && chars.includes(s[end - 1])) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** `s` without the characters of `chars` at its start. */
export function trimStartChars(s: string, chars: string): string {
  let start = 0;
  while (start < s.length && chars.includes(s[start])) start++;
  return start === 0 ? s : s.slice(start);
}

/** `s` without the characters of `chars` at either end. */
export function trimChars(s: string, chars: string): string {
  return trimStartChars(trimEndChars(s, chars), chars);
}

/** Unicode white space as `\s` matches it, for the functions above. */
export const WHITE_SPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
