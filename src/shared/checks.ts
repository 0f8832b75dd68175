/**
 * Shape checks for messages crossing between the host and a webview: each side treats what the
 * other sends as untrusted input, with a size limit on every text and list.
 */

export const MAX_TEXT = 300;
export const MAX_PATH = 4096;
export const MAX_LINE = 10_000_000;

export type Fields = Record<string, unknown>;

export const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length <= max;
export const isLine = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < MAX_LINE;
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1e9;
