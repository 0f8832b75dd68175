import * as vscode from 'vscode';
import { applyEdits, normalizeLocale, type TextEdit } from '../../core';
import type { ToolContext } from '../../core/agentTools';
import type { Services } from '../services';
import { toRange, toRoot, toUri } from './convert';

/**
 * The agent tools' context in the editor: the live index (with the editors' pending text applied
 * first, see prepare), files read as the editor has them (unsaved text included), paths relative
 * to the workspace folders (`folder/path` in a multi-root workspace, as asRelativePath writes
 * them), and writes as one undoable WorkspaceEdit.
 */
export function editorToolContext(services: Services): ToolContext {
  const folders = () => vscode.workspace.workspaceFolders ?? [];
  const inside = (uri: vscode.Uri) => folders().some((f) => {
    const root = toRoot(f.uri);
    const key = uri.toString();
    return key === root || key.startsWith(`${root}/`);
  });
  return {
    get specs() {
      return services.specs.core;
    },
    locale: normalizeLocale(vscode.env.language),
    rootsLabel: folders().map((f) => f.name).join(', '),
    resolvePath(input) {
      const candidates = candidateUris(input.replace(/\\/g, '/'), folders());
      const inWorkspace = candidates.filter(inside);
      return (inWorkspace.find((u) => services.specs.core.file(u.toString())) ?? inWorkspace[0])?.toString();
    },
    displayPath: (p) => vscode.workspace.asRelativePath(toUri(p), folders().length > 1),
    readText: async (p) => {
      const uri = toUri(p);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) return open.getText();
      try {
        return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        return undefined;
      }
    },
    write: (p, before, edit) => writeEdit(services, p, before, edit),
  };
}

/** Where a caller's path may point: absolute, below a folder, or `<folder name>/…` below that folder. */
function candidateUris(input: string, folders: readonly vscode.WorkspaceFolder[]): vscode.Uri[] {
  if (/^[a-z][\w+.-]+:\/\//i.test(input)) return [vscode.Uri.parse(input)];
  if (input.startsWith('/') || /^[a-z]:\//i.test(input)) return [vscode.Uri.file(input)];
  const out: vscode.Uri[] = [];
  for (const f of folders) {
    if (input === f.name || input.startsWith(`${f.name}/`)) out.push(vscode.Uri.joinPath(f.uri, input.slice(f.name.length + 1)));
  }
  for (const f of folders) out.push(vscode.Uri.joinPath(f.uri, input));
  return out;
}

/**
 * Applies the tool's edit to the document as the editor has it, refusing when its text is no
 * longer what the edit was computed on. A file without unsaved changes is saved afterwards, as a
 * board move does, so the change reaches disk; a dirty one stays for its author to save.
 */
async function writeEdit(services: Services, p: string, before: string, edit: TextEdit): Promise<'ok' | 'stale' | 'failed'> {
  const uri = toUri(p);
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== before) return 'stale';
  const wasDirty = document.isDirty;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(uri, toRange(edit.range), edit.newText);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) return document.getText() !== before ? 'stale' : 'failed';
  // The text now is what the core computed; anything else means another change slipped in.
  if (document.getText() !== applyEdits(before, [edit])) return 'stale';
  if (!wasDirty) await document.save();
  services.specs.flush();
  return 'ok';
}
