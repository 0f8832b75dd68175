import * as vscode from 'vscode';

/**
 * Creates a file with its first text as one WorkspaceEdit (so it is undoable), saves it so the
 * index and the trees see a real file, and opens it. Returns undefined when the edit was refused.
 */
export async function createDocument(uri: vscode.Uri, text: string): Promise<vscode.Uri | undefined> {
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false });
  edit.insert(uri, new vscode.Position(0, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not create {0}.', uri.fsPath));
    return undefined;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  await doc.save();
  await vscode.window.showTextDocument(doc, { preview: false });
  return uri;
}

/** `uri` when nothing exists there, else the first free `name-2.md`, `name-3.md`, … */
export async function freeUri(uri: vscode.Uri): Promise<vscode.Uri> {
  const path = uri.path;
  const dot = path.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? uri : uri.with({ path: `${path.slice(0, dot)}-${n}${path.slice(dot)}` });
    try {
      await vscode.workspace.fs.stat(candidate);
    } catch {
      return candidate;
    }
  }
}
