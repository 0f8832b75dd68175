import { TRADITIONAL_PAIRS } from './traditionalChars';

let table: Map<number, string> | undefined;

/**
 * `text` with the Traditional Chinese characters of Specboard's own words in their Simplified
 * form, one character for one, so offsets stay the same: `驗收條件` is matched as `验收条件`,
 * `優先級` as `优先级`, `進行中` as `进行中`. For matching only; what a document says is never
 * rewritten. Text without a CJK character (most of it) is returned as it is, unscanned past it.
 */
export function toSimplified(text: string): string {
  let out: string[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400) continue;
    table ??= pairs();
    const simplified = table.get(code);
    if (simplified === undefined) continue;
    out ??= text.split('');
    out[i] = simplified;
  }
  return out ? out.join('') : text;
}

function pairs(): Map<number, string> {
  const map = new Map<number, string>();
  for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2) map.set(TRADITIONAL_PAIRS.charCodeAt(i), TRADITIONAL_PAIRS[i + 1]);
  return map;
}
