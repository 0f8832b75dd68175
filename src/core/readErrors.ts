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

/** A read error's code (`EACCES`, `ELOOP`, `FileNotFound`), or its message when it has none. */
export function errorCode(e: unknown): string {
  const code = (e as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string' && code !== '') return code;
  return e instanceof Error ? e.message : String(e);
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
