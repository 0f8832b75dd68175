import * as vscode from 'vscode';
import { isNotFound, type FileStat, type SpecWorkspace } from '../../core';
import { toRoot, toUri } from './convert';

/** How long the directory walk runs before it lets other work in. */
const SLICE_MS = 20;

/**
 * The core's workspace over vscode.workspace.fs, so it works on any file system VS Code can open
 * (local, remote, virtual). Paths are URI strings; roots are the workspace folders' URIs.
 */
export class VscodeWorkspace implements SpecWorkspace {
  readonly roots: readonly string[];
  private sliceStart = performance.now();
  private pausing?: Promise<void>;

  constructor(folders: readonly vscode.WorkspaceFolder[]) {
    this.roots = folders.map((f) => toRoot(f.uri));
  }

  async listFiles(folder: string, skipDir: (relDir: string) => boolean, unreadable?: (folder: string, error: unknown) => void): Promise<string[]> {
    const out: string[] = [];
    const walk = async (uri: vscode.Uri, rel: string): Promise<void> => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(uri);
      } catch (e) {
        if (rel === '') throw e;
        // One unreadable sub-folder should not cost the rest of the tree; the core says which.
        unreadable?.(uri.toString(), e);
        return;
      }
      await this.giveWay();
      const subdirs: Promise<void>[] = [];
      for (const [name, type] of entries) {
        const childRel = rel ? `${rel}/${name}` : name;
        const child = vscode.Uri.joinPath(uri, name);
        // Symbolic links are not followed: they can loop and usually point outside the tree.
        if (type & vscode.FileType.SymbolicLink) continue;
        if (type & vscode.FileType.Directory) {
          if (!skipDir(childRel)) subdirs.push(walk(child, childRel));
        } else if (type & vscode.FileType.File) out.push(child.toString());
      }
      await Promise.all(subdirs);
    };
    await walk(toUri(folder), '');
    return out;
  }

  /**
   * Ends the current turn of the event loop when the walk has run for a while: thousands of
   * directory reads finishing together were all handled in one turn, blocking the extension host
   * for 150 ms on a 30,000-file workspace. Every pending walk step waits for the same pause.
   */
  private async giveWay(): Promise<void> {
    while (performance.now() - this.sliceStart > SLICE_MS) {
      this.pausing ??= new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
        this.pausing = undefined;
        this.sliceStart = performance.now();
      });
      await this.pausing;
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.parse(path));
  }

  async fileSize(path: string): Promise<number | undefined> {
    return (await this.stat(path))?.size;
  }

  async stat(path: string): Promise<FileStat | undefined> {
    try {
      const { size, mtime } = await vscode.workspace.fs.stat(vscode.Uri.parse(path));
      return { size, mtime };
    } catch (e) {
      // Only a missing file is "gone"; any other failure is the file being unreadable, with its reason.
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }
}
