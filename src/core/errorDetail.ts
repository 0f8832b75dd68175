/**
 * What an exception says, for messages and logs. File-system errors carry an errno code (Node's
 * `EACCES`) or a FileSystemError code (`NoPermissions`) whose message quotes the errno; the code
 * is what tells a user whether to fix permissions, free a file lock or look for a moved folder.
 */

/** The errno code of a failed file operation (`EACCES`, `ENOENT`), else its named code, else undefined. */
export function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z0-9]+$/.test(code)) return code;
  // vscode.workspace.fs wraps the disk's error: "... (NoPermissions (FileSystemError): Error: EACCES: permission denied ...)".
  const quoted = /\b(E[A-Z]{2,12}):/.exec(errorMessage(error))?.[1];
  if (quoted && quoted !== 'ERROR') return quoted;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One short line: the code and the message (`EACCES: permission denied, open '…'`). */
export function errorSummary(error: unknown): string {
  const code = errorCode(error);
  const text = errorMessage(error);
  return code && !text.includes(code) ? `${code}: ${text}` : text;
}

/** For a log: the summary and, for an exception, its stack. */
export function errorWithStack(error: unknown): string {
  const summary = errorSummary(error);
  const stack = error instanceof Error ? error.stack : undefined;
  if (!stack) return summary;
  // A stack starts with "Name: message"; keep the summary's code in front of it once.
  return stack.includes(summary) ? stack : `${summary}\n${stack}`;
}

/** True when the error means "there is nothing at this path" (Node's or vscode.workspace.fs's way of saying it). */
export function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'FileNotFound' || code === 'EntryNotFound';
}
