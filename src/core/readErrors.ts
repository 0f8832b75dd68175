import { message, type MessageKey } from './messages';
import type { Locale } from './types';

/** What a path is when it is not a regular file. */
export type NotAFileKind = 'folder' | 'fifo' | 'socket' | 'device' | 'other';

/**
 * SpecWorkspace.readFile's rejection for a path that is not a regular file. Such a path is never
 * read: a named pipe waits for a writer forever and `/dev/zero` never ends.
 */
export class NotAFileError extends Error {
  constructor(readonly kind: NotAFileKind, readonly path: string) {
    super(`${path} is not a regular file (${kind})`);
  }
}

/**
 * A read error's code (`EACCES`, `ELOOP`, `FileNotFound`), or its message when it has none. The
 * errno wins over a named code: vscode.workspace.fs reports `NoPermissions` and quotes the disk's
 * `EACCES` in its message, and the errno is what tells a user what to fix.
 */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null | undefined)?.code;
  const text = e instanceof Error ? e.message : String(e);
  if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) return code;
  const quoted = /\b(E[A-Z]{2,12}):/.exec(text)?.[1];
  if (quoted && quoted !== 'ERROR') return quoted;
  return typeof code === 'string' && code !== '' ? code : text;
}

/** Node's and VS Code's codes for "nothing there" (a missing file is no error for optional files). */
const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR', 'FileNotFound', 'FileNotADirectory', 'EntryNotFound', 'EntryNotADirectory']);

export function isNotFound(e: unknown): boolean {
  return !(e instanceof NotAFileError) && NOT_FOUND.has(errorCode(e));
}

const KIND_KEYS: Record<NotAFileKind, MessageKey> = {
  folder: 'kind.folder', fifo: 'kind.fifo', socket: 'kind.socket', device: 'kind.device', other: 'kind.other',
};

/** `a named pipe (FIFO)`, `设备文件`. */
export function kindLabel(locale: Locale, kind: NotAFileKind): string {
  return message(locale, KIND_KEYS[kind]);
}

/** One short line for a message or a log: the code and the message (`EACCES: permission denied, open '…'`). */
export function errorSummary(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const code = errorCode(e);
  return code === text || text.includes(code) ? text : `${code}: ${text}`;
}

/** For a log: the summary and, for an exception, its stack. */
export function errorWithStack(e: unknown): string {
  const summary = errorSummary(e);
  const stack = e instanceof Error ? e.stack : undefined;
  if (!stack) return summary;
  // A stack starts with "Name: message"; keep the summary's code in front of it once.
  return stack.includes(summary) ? stack : `${summary}\n${stack}`;
}
