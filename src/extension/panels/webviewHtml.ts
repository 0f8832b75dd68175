import * as vscode from 'vscode';
import { escapeHtml } from '../../core/render';
import { newNonce } from './nonce';

export interface WebviewPage {
  readonly webview: vscode.Webview;
  readonly extensionUri: vscode.Uri;
  readonly title: string;
  /** Files under media/, loaded in this order. */
  readonly styles: readonly string[];
  readonly scripts: readonly string[];
  /** Static markup written by us, never document content (that arrives later by message). */
  readonly body: string;
  /** Values for `data-*` attributes of the body, JSON-encoded and HTML-escaped. */
  readonly data: Readonly<Record<string, unknown>>;
}

/** Resources a Specboard webview may load: its media folder, and a document folder for images. */
export function localResourceRoots(extensionUri: vscode.Uri, ...extra: vscode.Uri[]): vscode.Uri[] {
  return [vscode.Uri.joinPath(extensionUri, 'media'), ...extra];
}

/**
 * A webview page in the shape of VS Code's own Markdown preview: a fresh nonce for every render,
 * `default-src 'none'`, scripts only with that nonce, styles, fonts and images only from the
 * extension's webview origin, settings in escaped data attributes.
 */
export function webviewHtml(page: WebviewPage): string {
  const nonce = newNonce();
  const source = page.webview.cspSource;
  const csp = [
    "default-src 'none'",
    `style-src ${source}`,
    `font-src ${source}`,
    `img-src ${source}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const media = (file: string) => page.webview.asWebviewUri(vscode.Uri.joinPath(page.extensionUri, 'media', file)).toString();
  const styles = page.styles.map((f) => `<link rel="stylesheet" href="${escapeHtml(media(f))}"${f.endsWith('codicon.css') ? ' id="vscode-codicon-stylesheet"' : ''}>`).join('\n  ');
  const scripts = page.scripts.map((f) => `<script nonce="${nonce}" src="${escapeHtml(media(f))}"></script>`).join('\n  ');
  const data = Object.entries(page.data).map(([k, v]) => ` data-${k}="${escapeHtml(JSON.stringify(v))}"`).join('');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(vscode.env.language)}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>${escapeHtml(page.title)}</title>
  ${styles}
</head>
<body${data}>
${page.body}
  ${scripts}
</body>
</html>`;
}
