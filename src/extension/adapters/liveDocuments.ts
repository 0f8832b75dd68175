import * as vscode from 'vscode';

/**
 * Which editor documents speak for their file. VS Code keeps a closed editor's TextDocument in
 * `workspace.textDocuments` for about three minutes (`isClosed` stays false, and it outlives the
 * file when git or a terminal deletes it), so "in textDocuments" does not mean "what the user
 * sees": a document counts while it holds unsaved text or a tab shows it; otherwise the file on
 * disk is the truth.
 */

/** The document URIs a tab shows: a text editor's, both sides of a diff. */
export function tabUris(tab: vscode.Tab): vscode.Uri[] {
  const input = tab.input;
  if (input instanceof vscode.TabInputText) return [input.uri];
  if (input instanceof vscode.TabInputTextDiff) return [input.original, input.modified];
  return [];
}

/** True while some tab, in any group, shows the document at `key` (a URI string). */
export function isShown(key: string): boolean {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) if (tabUris(tab).some((u) => u.toString() === key)) return true;
  }
  return false;
}

/**
 * True when the index should show this document's text rather than its file. Unsaved text counts
 * even without a tab: a WorkspaceEdit can change a document nobody opened.
 */
export function isLive(doc: vscode.TextDocument): boolean {
  return !doc.isClosed && (doc.isDirty || isShown(doc.uri.toString()));
}

/** The live document of a URI string, if there is one. */
export function liveDocument(key: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && isLive(d));
}
