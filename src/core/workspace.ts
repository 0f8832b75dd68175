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
   * never needed). Rejects when `folder` does not exist.
   */
  listFiles(folder: string, skipDir: (relDir: string) => boolean): Promise<string[]>;
  /** Reads a file's bytes; rejects when the file cannot be read. */
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Optional cheap size check, so huge files are skipped without reading them. Undefined when
   * there is no such file; rejects when the file exists but cannot be checked.
   */
  fileSize?(path: string): Promise<number | undefined>;
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
