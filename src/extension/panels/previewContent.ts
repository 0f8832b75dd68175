import * as vscode from 'vscode';
import type { DocumentView, Locale, SpecQueries } from '../../core';
import { isSafeLink, referencesAside, renderDocument, type DocumentRenderContext } from '../../core/render';
import { prioritiesOf, statusesOf } from '../../core/transitions';

export interface PreviewContent {
  readonly html: string;
  readonly aside: string;
  readonly title: string;
  /** Requirements of the document with their line spans, to follow the editor's cursor. */
  readonly requirements: readonly { readonly id: string; readonly line: number; readonly endLine: number }[];
}

/**
 * Renders a document for the preview webview from the editor's current text. IDs link to their
 * definitions (the webview turns clicks into `reveal` messages), images resolve inside the
 * document's folder only, and the side panel lists each requirement's code references.
 */
export function previewContent(core: SpecQueries, view: DocumentView | undefined, uri: vscode.Uri, text: string, webview: vscode.Webview, locale: Locale): PreviewContent {
  const path = uri.toString();
  const project = core.projectFor(path);
  const folder = vscode.Uri.joinPath(uri, '..');
  const context: DocumentRenderContext = {
    locale,
    sourceLines: true,
    source: project ? { path, options: project.parseOptions(path) } : undefined,
    isRequirementId: (id) => core.index.isReference(id, path),
    idHref: (id) => (core.index.resolve(id, path).length ? `#${id}` : undefined),
    facts: (id) => ({ codeReferences: core.index.referenceCounts(id).code }),
    // The text's own problems, also while its update into the index is still debounced.
    diagnostics: view?.diagnostics() ?? core.diagnostics(path),
    statuses: statusesOf(project?.config),
    priorities: prioritiesOf(project?.config),
    typeName: (type) => project?.schemas.get(type)?.name[locale],
    imageSrc: (src) => imageUri(folder, src, webview),
  };
  const { html, parsed } = renderDocument(text, context);
  const aside = referencesAside(parsed.requirements.map((def) => ({
    id: def.id,
    title: def.title,
    references: core.index.references(def.id)
      .filter((r) => r.kind === 'code')
      .sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line)
      .map((r) => ({ path: r.path, label: core.displayPath(r.path), line: r.line })),
  })), locale, true, false);
  const fmTitle = parsed.frontMatter?.data?.title;
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return {
    html, aside,
    title: typeof fmTitle === 'string' && fmTitle ? fmTitle : name,
    requirements: parsed.requirements.map((d) => ({ id: d.id, line: d.line, endLine: d.endLine })),
  };
}

/**
 * A relative image inside the document's folder, as a webview URI. Anything else (remote
 * images, paths climbing out of the folder) shows its alt text: the CSP would block it anyway.
 */
function imageUri(folder: vscode.Uri, src: string, webview: vscode.Webview): string | undefined {
  if (!isSafeLink(src) || /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(src.split(/[?#]/)[0]);
  } catch {
    return undefined;
  }
  if (decoded.split(/[\\/]/).includes('..')) return undefined;
  return webview.asWebviewUri(vscode.Uri.joinPath(folder, decoded)).toString();
}
