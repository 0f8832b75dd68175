import { scanDocIds } from '../ids';

/** `Key: value`, also with the key in bold and the colon inside or outside it (`**Priority:** P0`). */
const KEY_VALUE = /^(\*\*|__)?([^:：*]{1,40}?)\s*(?:[:：]\s*\1|\1\s*[:：])\s*(.*)$/;

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
  const kv = KEY_VALUE.exec(text);
  if (!kv || scanDocIds(kv[2]).length > 0) return undefined;
  const keyStart = (kv[1]?.length ?? 0) + (kv[2].length - kv[2].trimStart().length);
  return { key: kv[2].trim(), keyStart, value: kv[3], valueStart: text.length - kv[3].length };
}
