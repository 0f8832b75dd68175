import * as vscode from 'vscode';

/**
 * The documents each kind of provider serves, in one place so no provider quietly covers less
 * (quick fixes once answered only for `file:` documents, so an unsaved or remote PRD got none).
 */

/**
 * Files on disk, unsaved, remote (`vscode-remote`) and on github.dev (`vscode-vfs`), plus the
 * schemes of the open folders: vscode.dev and other virtual file systems bring their own (the web
 * test's is `vscode-test-web`). Read when the providers register, at activation; documents outside
 * every folder get nothing from the providers anyway, so a wider list costs nothing.
 */
function schemes(): string[] {
  const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme);
  return [...new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', ...folders])];
}

/** Files in any language: IDs live in code too. */
export function allFiles(): vscode.DocumentSelector {
  return schemes().map((scheme) => ({ scheme }));
}

/** Markdown documents of the same schemes: outlines and lenses are about documents only. */
export function markdownFiles(): vscode.DocumentSelector {
  return schemes().map((scheme) => ({ language: 'markdown', scheme }));
}
