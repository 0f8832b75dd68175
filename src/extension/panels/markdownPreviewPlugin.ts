import * as vscode from 'vscode';
import type { MarkdownIt } from 'markdown-it';
import { normalizeLocale } from '../../core';
import { specboardPlugin, type HostDocument, type RenderContext } from '../../core/render';
import { prioritiesOf, statusesOf } from '../../core/transitions';
import type { Services } from '../services';

/**
 * `extendMarkdownIt` for VS Code's built-in Markdown preview (contributes.markdown.markdownItPlugins):
 * requirement IDs become links to their definitions (`file.md#L12`, which the preview opens at that
 * line) and requirement headings, rows and items get status and priority badges. Only product docs
 * the index knows are touched; any other Markdown renders exactly as before.
 *
 * The preview parses a document with an empty env and says which document it is only when it
 * renders (`env.currentDocument`), so the plugin decorates at render time, reading the document's
 * text as the preview did.
 */
export function markdownPreviewPlugin(context: vscode.ExtensionContext, services: Services): (md: MarkdownIt) => MarkdownIt {
  // A preview opened while the first index still runs rendered without Specboard (the document was
  // not indexed yet), and the built-in preview re-renders only when its document changes: once the
  // index is (re)built, ask it to render again. Only after it has used the plugin, so an index
  // never wakes the Markdown extension on its own.
  let used = false;
  context.subscriptions.push(services.specs.onDidChange((change) => {
    if (!used || !change.full) return;
    void Promise.resolve(vscode.commands.executeCommand('markdown.preview.refresh')).catch((e: unknown) => {
      services.log.warn('Could not refresh the Markdown preview after indexing', e);
    });
  }));
  return (md) => {
    used = true;
    return md.use(specboardPlugin, {
      host: (env: Record<string, unknown>): HostDocument | undefined => {
        const current = asUri(env.currentDocument);
        if (!current) return undefined;
        const core = services.specs.core;
        const path = current.toString();
        if (core.file(path)?.kind !== 'doc') return undefined;
        const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === path);
        if (!document) return undefined;
        const project = core.projectFor(path);
        const config = project?.config;
        const context: RenderContext = {
          locale: normalizeLocale(vscode.env.language),
          source: project ? { path, options: project.parseOptions(path) } : undefined,
          isRequirementId: (id) => core.index.isReference(id, path),
          idHref: (id) => {
            const def = core.index.resolve(id, path)[0];
            return def ? `${relativeHref(current, vscode.Uri.parse(def.path))}#L${def.line + 1}` : undefined;
          },
          facts: (id) => ({ codeReferences: core.index.referenceCounts(id).code }),
          statuses: statusesOf(config),
          priorities: prioritiesOf(config),
        };
        // The preview parses the text without the Unicode line and paragraph separators.
        return { context, text: document.getText().replace(/\u2028|\u2029/g, '') };
      },
    });
  };
}

/** The preview's `currentDocument`: a Uri from the Markdown extension (its own instance of the class). */
function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value !== 'object' || value === null) return undefined;
  const text = String(value);
  return typeof (value as { scheme?: unknown }).scheme === 'string' && /^[a-z][\w+.-]*:/i.test(text) ? vscode.Uri.parse(text) : undefined;
}

/** A link from one document to another, relative so the preview resolves it like any Markdown link. */
function relativeHref(from: vscode.Uri, to: vscode.Uri): string {
  if (from.scheme !== to.scheme || from.authority !== to.authority) return to.toString();
  const a = from.path.split('/').slice(0, -1);
  const b = to.path.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const parts = [...Array(a.length - i).fill('..'), ...b.slice(i)];
  return parts.map((p) => encodeURIComponent(p)).join('/');
}
