import type * as vscode from 'vscode';

/**
 * The documents each kind of provider serves, in one place so no provider quietly covers less
 * (quick fixes once answered only for `file:` documents, so an unsaved or remote PRD got none).
 */

/** Files in any language, on disk, unsaved, remote or virtual (github.dev): IDs live in code too. */
export const ALL_FILES: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];

/** Markdown documents of the same schemes: outlines and lenses are about documents only. */
export const MARKDOWN_FILES: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' },
  { language: 'markdown', scheme: 'vscode-remote' }, { language: 'markdown', scheme: 'vscode-vfs' },
];
