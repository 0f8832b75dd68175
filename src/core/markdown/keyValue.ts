import { scanDocIds } from '../ids';

/**
 * `Key:`, also with the key in bold and the colon inside or outside it (`**Priority:** P0`). It is
 * matched on the first KEY_SPAN characters only: with the value in the pattern (`\s*(.*)$`) and
 * the empty back-reference, a line of `a` and 10,000 spaces took 6 s.
 */
const KEY = /^(\*\*|__)?([^:：*]{1,40}?)[ \t]*(?:[:：][ \t]*\1|\1[ \t]*[:：])/;
const KEY_SPAN = 120;

export interface KeyValue {
  /** The key as written, trimmed. */
  readonly key: string;
  /** Offset of the key in the text. */
  readonly keyStart: number;
  readonly value: string;
  /** Offset of the value in the text. */
  readonly valueStart: number;
}

/**
 * Reads `Key: value` from one line of text. A key holding an ID (`REQ-1: text`) is a definition
 * or a sentence, not an attribute.
 */
export function keyValue(text: string): KeyValue | undefined {
  const kv = KEY.exec(text.length > KEY_SPAN ? text.slice(0, KEY_SPAN) : text);
  if (!kv || scanDocIds(kv[2]).length > 0) return undefined;
  const keyStart = (kv[1]?.length ?? 0) + (kv[2].length - kv[2].trimStart().length);
  let valueStart = kv[0].length;
  while (valueStart < text.length && /\s/.test(text[valueStart])) valueStart++;
  const value = text.slice(valueStart);
  // `.` in the old pattern stopped at line terminators: such a value is not an attribute.
  if (/[\n\r\u2028\u2029]/.test(value)) return undefined;
  return { key: kv[2].trim(), keyStart, value, valueStart };
}
