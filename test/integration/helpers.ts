import * as vscode from 'vscode';
import type { SpecboardApi } from '../../src/extension/api';

export const EXTENSION_ID = 'specboard.specboard';

/** The activated extension's API, with the first index complete. */
export async function api(): Promise<SpecboardApi> {
  const ext = vscode.extensions.getExtension<SpecboardApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const value = await ext.activate();
  await value.whenReady();
  return value;
}

export function fixture(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration suite needs a workspace folder');
  return vscode.Uri.joinPath(folder.uri, rel);
}

/** The text of the `Specboard` log output channel so far, read from the file VS Code writes it to. */
export async function logText(): Promise<string> {
  const folder = vscode.Uri.parse(await vscode.commands.executeCommand<string>('_specboard.log.folder'));
  const files = (await vscode.workspace.fs.readDirectory(folder).then(undefined, () => [] as [string, vscode.FileType][]))
    .filter(([name]) => name.startsWith('Specboard') && name.endsWith('.log'));
  let text = '';
  for (const [name] of files) text += new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name)));
  return text;
}

/** Polls until `check` returns a truthy value (the index and diagnostics update asynchronously). */
export async function waitFor<T>(what: string, check: () => T | Promise<T>, timeoutMs = 10_000): Promise<NonNullable<T>> {
  const start = Date.now();
  let last: T | undefined;
  while (Date.now() - start < timeoutMs) {
    last = await check();
    if (last) return last as NonNullable<T>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last value: ${JSON.stringify(last)})`);
}

export function specDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'specboard');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** Position of the `nth` occurrence of `needle` in a document (plus `offset` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0, nth = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + offset);
}

/** Opens a fixture in an editor. */
export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixture(rel));
  return vscode.window.showTextDocument(doc);
}

/** Reverts and closes every editor, so one test's edits never leak into the next. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
