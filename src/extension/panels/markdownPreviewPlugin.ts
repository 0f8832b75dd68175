import * as vscode from 'vscode';
import type { MarkdownIt } from 'markdown-it';
import { normalizeLocale, prefixOf } from '../../core';
import { specboardPlugin, type RenderContext } from '../../core/render';
import { prioritiesOf, statusesOf } from '../../core/transitions';
import type { Services } from '../services';

/**
 * `extendMarkdownIt` for VS Code's built-in Markdown preview (contributes.markdown.markdownItPlugins):
 * requirement IDs become links to their definitions (`file.md#L12`, which the preview opens at that
 * line) and requirement headings and rows get status and priority badges. Only product docs the
 * index knows are touched; any other Markdown renders exactly as before.
 */
export function markdownPreviewPlugin(services: Services): (md: MarkdownIt) => MarkdownIt {
  return (md) => md.use(specboardPlugin, {
    context: (env: Record<string, unknown>): RenderContext | undefined => {
      const current = env.currentDocument;
      if (!(current instanceof vscode.Uri)) return undefined;
      const core = services.index.core;
      const path = current.toString();
      if (core.file(path)?.kind !== 'doc') return undefined;
      const config = core.projectFor(path)?.config;
      return {
        locale: normalizeLocale(vscode.env.language),
        isRequirementId: (id) => core.index.isKnownPrefix(prefixOf(id)),
        idHref: (id) => {
          const def = core.definition(id);
          return def ? `${relativeHref(current, vscode.Uri.parse(def.path))}#L${def.line + 1}` : undefined;
        },
        facts: (id) => ({ codeReferences: core.index.referenceCounts(id).code }),
        statuses: statusesOf(config),
        priorities: prioritiesOf(config),
      };
    },
  });
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
