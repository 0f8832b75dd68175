/**
 * The only way the core touches files. The CLI implements it over Node's fs, the extension over
 * vscode.workspace.fs (and open editors), tests over real temp folders.
 * Paths are opaque strings of one form per workspace (absolute posix paths, or URI strings); a
 * file's path always starts with its root followed by '/'.
 */
export interface SpecWorkspace {
  readonly roots: readonly string[];
  /**
   * Every file below `folder`. `skipDir` receives a sub-folder's path relative to `folder`;
   * returning true means the adapter should not descend into it (dependencies and build output are
   * never needed). Rejects when `folder` cannot be read. A sub-folder that cannot be read is left
   * out and passed to `unreadable` with the error, so the core can say so. The list may hold named
   * pipes, sockets and devices (readFile refuses them), so the core can say it skipped them.
   */
  listFiles(folder: string, skipDir: (relDir: string) => boolean, unreadable?: (folder: string, error: unknown) => void): Promise<string[]>;
  /**
   * Reads a file's bytes. Rejects when the file cannot be read, with an error whose `code` says why
   * (`ENOENT`, `EACCES`, `FileNotFound`...), or with NotAFileError for anything but a regular file.
   */
  readFile(path: string): Promise<Uint8Array>;
  /** Optional cheap size check, so huge files are skipped without reading them. Undefined when the file is gone. */
  fileSize?(path: string): Promise<number | undefined>;
  /**
   * Optional, in place of fileSize: the file's size and modification time, taken before it is
   * read. With it the core remembers what each file looked like when read, so a saved index can
   * later be checked against the disk by stats alone (see indexSnapshot.ts). Undefined when gone.
   */
  stat?(path: string): Promise<FileStat | undefined>;
}

/** What identifies a version of a file without reading it. */
export interface FileStat {
  readonly size: number;
  /** Milliseconds since the epoch, as the file system reports it. */
  readonly mtime: number;
}

/** Minimal cancellation, structurally compatible with vscode.CancellationToken. */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** The path of `path` relative to `root` (decoded, for glob matching and display). */
export function relativeTo(root: string, path: string): string {
  const rel = path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;
  if (!rel.includes('%')) return rel;
  try {
    return decodeURIComponent(rel);
  } catch {
    return rel;
  }
}

/** The root that contains `path` (the longest match, for nested roots). */
export function rootOf(roots: readonly string[], path: string): string | undefined {
  let best: string | undefined;
  for (const r of roots) {
    if (path.startsWith(`${r}/`) && (!best || r.length > best.length)) best = r;
  }
  return best;
}
