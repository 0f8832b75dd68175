import * as vscode from 'vscode';
import type { SpecWorkspace } from '../../core';

/**
 * The core's workspace over vscode.workspace.fs, so it works on any file system VS Code can open
 * (local, remote, virtual). Paths are URI strings; roots are the workspace folders' URIs.
 */
export class VscodeWorkspace implements SpecWorkspace {
  readonly roots: readonly string[];

  constructor(folders: readonly vscode.WorkspaceFolder[]) {
    this.roots = folders.map((f) => f.uri.toString());
  }

  async listFiles(folder: string, skipDir: (relDir: string) => boolean): Promise<string[]> {
    const out: string[] = [];
    const walk = async (uri: vscode.Uri, rel: string): Promise<void> => {
      let entries: [string, vscode.FileType][];
      try {
        entries = await vscode.workspace.fs.readDirectory(uri);
      } catch (e) {
        if (rel === '') throw e;
        return;
      }
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
    await walk(vscode.Uri.parse(folder), '');
    return out;
  }

  async readFile(path: string): Promise<Uint8Array> {
    return vscode.workspace.fs.readFile(vscode.Uri.parse(path));
  }

  async fileSize(path: string): Promise<number | undefined> {
    try {
      return (await vscode.workspace.fs.stat(vscode.Uri.parse(path))).size;
    } catch {
      return undefined;
    }
  }
}
