import * as vscode from 'vscode';
import { isNotFound } from '../../core';

/** The saved index's file name in the extension's workspace storage. */
const FILE = 'index.snapshot';
/** A temporary file this old is a leftover: writing one takes seconds, even at 100,000 requirements. */
const STALE_TEMP_MS = 60 * 60_000;

/**
 * The saved index in `ExtensionContext.storageUri` (per workspace, outside it; VS Code deletes it
 * with the workspace's storage), read and written through vscode.workspace.fs so it works on
 * the web too. Without a storage folder (no folder open) there is nothing to keep.
 */
export class SnapshotStore {
  constructor(private readonly folder: vscode.Uri | undefined) {}

  get uri(): vscode.Uri | undefined {
    return this.folder && vscode.Uri.joinPath(this.folder, FILE);
  }

  /** The saved bytes, or undefined when there are none. Rejects when they cannot be read. */
  async read(): Promise<Uint8Array | undefined> {
    const uri = this.uri;
    if (!uri) return undefined;
    try {
      return await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /**
   * Writes a temporary file, then renames it over the saved one: a window closed mid-write leaves
   * the previous snapshot or none, never half of one. Another window of the same workspace writes
   * its own temporary file.
   */
  async write(bytes: Uint8Array): Promise<void> {
    const uri = this.uri;
    if (!uri || !this.folder) return;
    const temp = vscode.Uri.joinPath(this.folder, `${FILE}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
    await vscode.workspace.fs.createDirectory(this.folder);
    try {
      await vscode.workspace.fs.writeFile(temp, bytes);
      await vscode.workspace.fs.rename(temp, uri, { overwrite: true });
    } catch (e) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw e;
    }
    await this.sweepTemps();
  }

  /**
   * Deletes temporary files that a window killed mid-write left behind (they are never renamed, so
   * nothing else would remove them). Only old ones: another window of this workspace may be
   * writing its own right now. Best effort: a file that cannot be listed or deleted stays.
   */
  private async sweepTemps(): Promise<void> {
    if (!this.folder) return;
    const folder = this.folder;
    try {
      for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
        if (type !== vscode.FileType.File || !name.startsWith(`${FILE}.`) || !name.endsWith('.tmp')) continue;
        const temp = vscode.Uri.joinPath(folder, name);
        const { mtime } = await vscode.workspace.fs.stat(temp);
        if (Date.now() - mtime > STALE_TEMP_MS) await vscode.workspace.fs.delete(temp);
      }
    } catch {
      // Left for the next save: a stale temporary file costs disk space, never correctness.
    }
  }

  /** Deletes the saved index; true when there was one. */
  async clear(): Promise<boolean> {
    const uri = this.uri;
    if (!uri) return false;
    try {
      await vscode.workspace.fs.delete(uri);
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }
}
